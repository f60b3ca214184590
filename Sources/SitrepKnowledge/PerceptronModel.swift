import Foundation
import SitrepCore

/// An open-addressing table from a 64-bit feature hash to a weight row.
struct PerceptronFeatureTable: Sendable {
    private(set) var keys: [UInt64]
    private(set) var rows: [Int32]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        rows = Self.unfilledRows(size)
        mask = size - 1
    }

    /// Room for `size` rows, not filled: a slot's row is written with its key and read only where a key is stored.
    @inline(__always) private static func unfilledRows(_ size: Int) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: size) { _, count in count = size }
    }

    /// 0 marks an empty slot, so the hash 0 is stored as 1.
    @inline(__always) private static func key(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }

    @inline(__always)
    func row(_ hash: UInt64) -> Int32 {
        let k = Self.key(hash)
        let mask = self.mask
        return keys.withUnsafeBufferPointer { keys in
            var i = Int(truncatingIfNeeded: k) & mask
            while true {
                let found = keys[i]
                if found == k { return rows.withUnsafeBufferPointer { $0[i] } }
                if found == 0 { return -1 }
                i = (i &+ 1) & mask
            }
        }
    }

    /// Whether `hash` is in the table (used as a set of hashes without re-hashing them).
    @inline(__always)
    func contains(_ hash: UInt64) -> Bool { row(hash) >= 0 }

    /// The row of `hash`, adding it as row `count` when absent.
    @inline(__always)
    mutating func insert(_ hash: UInt64) -> (row: Int32, isNew: Bool) {
        if (count &+ 1) &* 2 > mask &+ 1 { grow() }  // mask + 1 == keys.count, without a call to its getter
        let k = Self.key(hash)
        let mask = self.mask
        var i = Int(truncatingIfNeeded: k) & mask
        let found: UInt64 = keys.withUnsafeBufferPointer { keys in
            while true {
                let found = keys[i]
                if found == k || found == 0 { return found }
                i = (i &+ 1) & mask
            }
        }
        if found == k { return (rows.withUnsafeBufferPointer { $0[i] }, false) }
        let row = Int32(truncatingIfNeeded: count)
        keys[i] = k; rows[i] = row; count &+= 1
        return (row, true)
    }

    /// Empties the table for reuse: its slots are cleared in place when it has no more than the slots
    /// `init(capacity:)` gives (so a table is not reallocated for each document), else it starts again
    /// at that size (so one large document does not make every later clearing large).
    mutating func removeAll(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        guard keys.count <= size else { self = PerceptronFeatureTable(capacity: capacity); return }
        if count > 0 { keys.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
        count = 0
    }

    private mutating func grow() {
        let oldKeys = keys, oldRows = rows
        let size = keys.count * 2
        keys = Array(repeating: 0, count: size)
        rows = Self.unfilledRows(size)
        mask = size - 1
        for (j, k) in oldKeys.enumerated() where k != 0 {
            var i = Int(truncatingIfNeeded: k) & mask
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k; rows[i] = oldRows[j]
        }
    }

    /// (hash, row) pairs in row order.
    func entries() -> [(hash: UInt64, row: Int32)] {
        var out: [(UInt64, Int32)] = []
        out.reserveCapacity(count)
        for (i, k) in keys.enumerated() where k != 0 { out.append((k, rows[i])) }
        out.sort { $0.1 < $1.1 }
        return out
    }
}

/// A linear model over hashed features with one weight per (feature, tag): the averaged
/// perceptron's weights, as trained or as loaded from a weight file.
///
/// File format (little-endian): `SNER`, version UInt32 (1), tag count UInt32, feature count UInt32,
/// scale Float32, then the feature hashes (UInt64 each), then for each feature its weights as Int16
/// (`weight = value * scale`), tag by tag.
struct PerceptronModel: Sendable {
    let tagCount: Int
    var table: PerceptronFeatureTable
    var weights: [Float]

    init(tagCount: Int, table: PerceptronFeatureTable, weights: [Float]) {
        self.tagCount = tagCount; self.table = table; self.weights = weights
    }

    /// Adds the weights of `hash` to `scores` (nothing for unknown features).
    @inline(__always)
    func add(_ hash: UInt64, to scores: inout [Float]) {
        let r = table.row(hash)
        guard r >= 0 else { return }
        let base = Int(r) * tagCount
        weights.withUnsafeBufferPointer { w in
            for t in 0..<tagCount { scores[t] += w[base + t] }
        }
    }

    static let magic: [UInt8] = Array("SNER".utf8)

    /// Serialises the model, leaving out features whose weights are all below `pruneBelow` in magnitude.
    func encoded(pruneBelow: Float) -> Data {
        let entries = table.entries()
        var kept: [(UInt64, Int)] = []
        var maxAbs: Float = 0
        for (hash, row) in entries {
            let base = Int(row) * tagCount
            var m: Float = 0
            for t in 0..<tagCount { m = max(m, abs(weights[base + t])) }
            if m >= pruneBelow && m > 0 { kept.append((hash, base)); maxAbs = max(maxAbs, m) }
        }
        kept.sort { $0.0 < $1.0 }
        let scale: Float = maxAbs > 0 ? maxAbs / 32767 : 1
        var data = Data()
        data.reserveCapacity(20 + kept.count * (8 + 2 * tagCount))
        data.append(contentsOf: Self.magic)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        u32(1); u32(UInt32(tagCount)); u32(UInt32(kept.count))
        withUnsafeBytes(of: scale.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        for (hash, _) in kept { withUnsafeBytes(of: hash.littleEndian) { data.append(contentsOf: $0) } }
        for (_, base) in kept {
            for t in 0..<tagCount {
                let q = Int16(clamping: Int((weights[base + t] / scale).rounded()))
                withUnsafeBytes(of: q.littleEndian) { data.append(contentsOf: $0) }
            }
        }
        return data
    }

    /// Reads a weight file; `input` names it in errors.
    init(data: Data, input: String) throws {
        self = try data.withUnsafeBytes { raw in try Self.decode(raw.bindMemory(to: UInt8.self), input: input) }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, input: String) throws -> PerceptronModel {
        func bad(_ why: String) -> SitrepError {
            SitrepError(code: "knowledge.badWeights", input: input, message: "not a Sitrep NER weight file: \(why)")
        }
        guard bytes.count >= 20, Array(bytes[0..<4]) == magic else { throw bad("missing SNER header") }
        func u32(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        guard u32(4) == 1 else { throw bad("unsupported version \(u32(4))") }
        let tags = Int(u32(8)), n = Int(u32(12))
        let scale = Float(bitPattern: u32(16))
        guard tags == EntityTagIndex.count else { throw bad("\(tags) tags, expected \(EntityTagIndex.count)") }
        guard bytes.count == 20 + n * 8 + n * tags * 2 else { throw bad("truncated (\(bytes.count) bytes for \(n) features)") }
        var table = PerceptronFeatureTable(capacity: n)
        var weights = [Float](repeating: 0, count: n * tags)
        do {
            let b = bytes
            var at = 20
            for _ in 0..<n {
                var h: UInt64 = 0
                for k in 0..<8 { h |= UInt64(b[at + k]) << (8 * UInt64(k)) }
                _ = table.insert(h)
                at += 8
            }
            for i in 0..<(n * tags) {
                let q = Int16(bitPattern: UInt16(b[at]) | UInt16(b[at + 1]) << 8)
                weights[i] = Float(q) * scale
                at += 2
            }
        }
        return PerceptronModel(tagCount: tags, table: table, weights: weights)
    }
}
