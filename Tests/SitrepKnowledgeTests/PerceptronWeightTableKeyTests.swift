import Foundation
import Testing
@testable import SitrepKnowledge

/// The weight table looks a hash up by itself when the file holds neither the hash 0 nor 1, and through
/// the key map (0 stored as 1) otherwise: either way every look-up, the hash 0 included, gives the
/// weights the training-time table (`PerceptronModel`, always through the key map) gives.
@Suite struct PerceptronWeightTableKeyTests {
    @Test(arguments: [false, true])
    func lookUpsEqualTheKeyMappedModel(fileHasZero: Bool) throws {
        var table = PerceptronFeatureTable(capacity: 8)
        var features: [UInt64] = [5, 0x1234_5678_9ABC_DEF0, 42, 17, 0xFFFF_FFFF_FFFF_FFFF]
        if fileHasZero { features.append(0) }
        var weights: [Float] = []
        for (r, h) in features.enumerated() {
            _ = table.insert(h)
            weights += (0..<EntityTagIndex.count).map { Float((r + 1) * 10 + $0) * ($0 % 2 == 0 ? 1 : -1) }
        }
        let file = PerceptronModel(tagCount: EntityTagIndex.count, table: table, weights: weights).encoded(pruneBelow: 0)
        let model = try PerceptronModel(data: file, input: "test")
        let fast = try PerceptronWeightTable(data: file, input: "test")
        for h in features + [0, 1, 2, 99, 0x8000_0000_0000_0000] {
            var expected = [Int32](repeating: 0, count: EntityTagIndex.count)
            let row = model.table.row(h)
            if row >= 0 {
                for t in 0..<EntityTagIndex.count {
                    expected[t] = Int32((model.weights[Int(row) * EntityTagIndex.count + t] / fast.scale).rounded())
                }
            }
            let vector = fast.vector(h)
            #expect((0..<EntityTagIndex.count).map { vector[$0] } == expected, "hash \(h)")
            var one = h
            let sum = fast.sum(&one, count: 1)
            #expect((0..<EntityTagIndex.count).map { sum[$0] } == expected, "hash \(h)")
            var added = [Int32](repeating: 0, count: EntityTagIndex.count)
            added.withUnsafeMutableBufferPointer { fast.add(h, to: $0.baseAddress!) }
            #expect(added == expected, "hash \(h)")
            if h == 0 { #expect(expected.contains { $0 != 0 } == fileHasZero) }
        }
    }
}
