import Testing
import Foundation
import SitrepCore
@testable import SitrepLink

@Suite struct LinkDataTests {
    @Test func everyShippedFileLoads() throws {
        let rules = try LinkRules.standard()
        #expect(rules.windows.byType.count == EventType.allCases.count)
        #expect(rules.origins.origins.contains { $0.id == "sohr" && $0.kind == .monitor })
        #expect(rules.origins.origins.filter { $0.kind == .wire }.map(\.id).sorted() == ["afp", "ap", "dpa", "efe", "reuters"])
    }

    @Test func shippedFilesAreSortedWithoutDuplicates() throws {
        for name in ["type-compatibility.tsv", "merge-windows.tsv", "origins.tsv", "origin-roles.tsv"] {
            let keys = try LinkDataFile.bundled(name).rows.map { $0.fields.prefix(2).joined(separator: "\t") }
            #expect(keys == keys.sorted(), "\(name) is not sorted")
            #expect(Set(keys).count == keys.count, "\(name) has duplicates")
        }
    }

    @Test(arguments: [
        ("transfer\tsurender\t0\n", "type-compatibility.tsv", "x.tsv:1"),
        ("# comment\ntransfer\tsurrender\n", "type-compatibility.tsv", "x.tsv:2"),
        ("transfer\t4\t80\ntransfer\t3\t80\n", "merge-windows.tsv", "x.tsv:2"),
        ("afp\tagency\tAFP\n", "origins.tsv", "x.tsv:1"),
    ])
    func aBadRowIsReportedWithFileAndLine(text: String, format: String, input: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-link-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.tsv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            switch format {
            case "type-compatibility.tsv": _ = try TypeCompatibility.load(path: path)
            case "merge-windows.tsv": _ = try MergeWindows.load(path: path)
            default: _ = try OriginRegistry.load(path: path)
            }
            Issue.record("a bad row was accepted")
        } catch let error as SitrepError {
            #expect(error.code == "link.badData")
            #expect(error.input?.hasSuffix(input) == true)
        }
    }
}

@Suite struct ClusterScoringTests {
    @Test func perfectClusteringScoresOne() {
        let s = ClusterScorer.bCubed(gold: ["a": "1", "b": "1", "c": "2"], system: ["a": "x", "b": "x", "c": "y"])
        #expect(s.precision == 1 && s.recall == 1 && s.f1 == 1)
    }

    @Test func everythingInOneClusterLosesPrecision() {
        let s = ClusterScorer.bCubed(gold: ["a": "1", "b": "1", "c": "2", "d": "2"], system: ["a": "x", "b": "x", "c": "x", "d": "x"])
        #expect(s.recall == 1)
        #expect(abs(s.precision - 0.5) < 1e-9)
    }

    @Test func singletonsLoseRecall() {
        let s = ClusterScorer.bCubed(gold: ["a": "1", "b": "1", "c": "1"], system: [:])
        #expect(s.precision == 1)
        #expect(abs(s.recall - 1.0 / 3) < 1e-9)
        #expect(abs(s.f1 - 0.5) < 1e-9)
    }

    @Test func goldClustersAreMatchedToEventsOfTheirTypeAndForbiddenMergesCounted() {
        let gold = ClusterGold(clusters: [
            .init(name: "sep transfer", type: .transfer, documents: ["a.txt", "b.txt"]),
            .init(name: "feb surrender", type: .surrender, documents: ["c.txt"]),
        ], mustNotMerge: [["a.txt", "c.txt"], ["b.txt", "c.txt"]])
        let good = [ClusterScorer.SystemEvent(id: "ev_1", type: .transfer, documents: ["a.txt", "b.txt"]),
                    ClusterScorer.SystemEvent(id: "ev_2", type: .surrender, documents: ["c.txt"]),
                    ClusterScorer.SystemEvent(id: "ev_3", type: .release, documents: ["a.txt", "c.txt"])]
        let r = ClusterScorer.score(gold: gold, events: good)
        #expect(r.f1 == 1)
        #expect(r.forbiddenMerges == 1) // ev_3 holds a.txt and c.txt
        let split = [ClusterScorer.SystemEvent(id: "ev_1", type: .transfer, documents: ["a.txt"]),
                     ClusterScorer.SystemEvent(id: "ev_4", type: .transfer, documents: ["b.txt"])]
        let r2 = ClusterScorer.score(gold: gold, events: split)
        #expect(r2.precision == 1)
        #expect(abs(r2.recall - (0.5 + 0.5 + 1) / 3) < 1e-9)
        #expect(r2.forbiddenMerges == 0)
    }

    @Test func goldFileDecodesAndABadOneNamesTheFile() throws {
        let json = #"{"clusters": [{"name": "x", "type": "transfer", "documents": ["a.txt"]}]}"#
        let gold = try JSONDecoder().decode(ClusterGold.self, from: Data(json.utf8))
        #expect(gold.clusters[0].type == .transfer && gold.mustNotMerge.isEmpty)
        #expect(throws: SitrepError.self) { try ClusterGold.load(path: "/nonexistent/gold.json") }
    }
}

@Suite struct BenchmarkScoringTests {
    @Test func sortedBCubedAgreesWithTheLabelScorer() {
        let truth: [Int32] = [0, 0, 0, 1, 1, 2, 3, 3]
        let found: [Int32] = [5, 5, 6, 6, 6, 7, 7, 8]
        let (p, r) = LinkBenchmark.bCubed(truth: truth, found: found)
        let items = truth.indices.map { "i\($0)" }
        let reference = ClusterScorer.bCubed(gold: Dictionary(uniqueKeysWithValues: zip(items, truth.map { "g\($0)" })),
                                             system: Dictionary(uniqueKeysWithValues: zip(items, found.map { "s\($0)" })))
        #expect(abs(p - reference.precision) < 1e-12)
        #expect(abs(r - reference.recall) < 1e-12)
    }

    @Test func syntheticLinkingMergesAlmostOnlyReportsOfOneEvent() throws {
        let f = LinkBenchmark.run(count: 3000, rules: sharedRules, clock: { 0 }, wallClock: { 0 })
        #expect(f.mentions == 3000)
        #expect(f.precision > 0.9)
        #expect(f.recall > 0.7)
        #expect(f.clusters < f.mentions)
    }
}
