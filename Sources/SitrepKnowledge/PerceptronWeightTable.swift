import Foundation
import SitrepCore
#if canImport(Glibc)
import Glibc
#endif

/// The recogniser's weights for tagging: an open-addressing table of 32-byte slots, each holding a
/// feature hash and that feature's quantised weights for every tag, so one feature costs one memory
/// fetch (the training-time `PerceptronModel` keeps hashes, rows and weights in three arrays).
/// Scores are sums of the stored Int16 values; the file's scale does not change which tag wins.
final class PerceptronWeightTable: @unchecked Sendable {
    static let slotBytes = 32
    /// Nine tags (`O` and B/I for four labels): the batch `add` sums tags 0…7 as one vector and tag 8 alone.
    static let tagCount = EntityTagIndex.count
    /// Number of features.
    let count: Int
    /// `weight = stored value × scale`.
    let scale: Float
    private let mask: Int
    private let slots: UnsafeMutableRawPointer
    /// True when the file holds neither the hash 0 nor 1 (in practice always): each hash is then its own
    /// slot key. A look-up of the hash 0 then ends on an empty slot, whose weights are all zero, where
    /// the stored key 1 (`key`) would have found nothing: the same sums either way.
    private let plainKeys: Bool
    /// Summed weights of the tag-only history features (templates 40, 41, 45) for every two previous
    /// tags and label memory: index `historyIndex(t1, t2, memory)`.
    let historyBlocks: UnsafeMutablePointer<SIMD16<Int32>>
    /// Summed weights of the marks-only features (templates 31, 33) for the marks before, at and after a
    /// token, each one of `markValues`: index `9 × before + 3 × at + after`.
    let markBlocks: UnsafeMutablePointer<SIMD16<Int32>>
    /// The dictionary mark values the mark blocks cover: none, a place's first word, a later word.
    let markValues: (UInt64, UInt64, UInt64) = (0, EntityGazetteer.placeBegin, EntityGazetteer.placeInside)

    /// The start and length of the `mmap` region holding `slots` (nil: `slots` came from `posix_memalign`).
    private let mapping: (start: UnsafeMutableRawPointer, byteCount: Int)?

    deinit {
        if let mapping { _ = munmap(mapping.start, mapping.byteCount) } else { free(slots) }
        historyBlocks.deallocate(); markBlocks.deallocate()
    }

    /// Zeroed memory for the slots, on 2 MB pages where Linux allows it (`madvise`): the table is
    /// several MB and read at random, so 4 KB pages would cost a TLB miss on most lookups. Fresh
    /// anonymous pages (`mmap`) are zero already, so the memory is not written twice; where `mmap`
    /// fails, `posix_memalign` and a fill.
    private static func allocateSlots(byteCount: Int) -> (slots: UnsafeMutableRawPointer, mapping: (start: UnsafeMutableRawPointer, byteCount: Int)?) {
        let alignment = 2 << 20
        #if os(Linux)
        let mapped = byteCount + alignment
        if let m = mmap(nil, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), m != UnsafeMutableRawPointer(bitPattern: -1) {
            let aligned = UnsafeMutableRawPointer(bitPattern: (Int(bitPattern: m) + alignment - 1) & ~(alignment - 1))!
            if byteCount >= alignment { _ = madvise(aligned, byteCount, MADV_HUGEPAGE) }
            return (aligned, (m, mapped))
        }
        #endif
        var p: UnsafeMutableRawPointer?
        guard posix_memalign(&p, alignment, byteCount) == 0, let p else {
            // Allocation failure of a few MB: nothing sensible is left to do.
            fatalError("cannot allocate \(byteCount) bytes for the NER weights")
        }
        p.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        return (p, nil)
    }

    /// Reads a weight file in the format written by `PerceptronModel.encoded(pruneBelow:)`; `input`
    /// names it in errors. The slots are filled from the file's bytes directly (no arrays between).
    init(data: Data, input: String) throws {
        let (n, scale) = try data.withUnsafeBytes { raw in try Self.header(raw.bindMemory(to: UInt8.self), input: input) }
        // At most a quarter full: most features looked up are unknown, and linear probing for an absent
        // key costs ½(1 + 1/(1 − load)²) slots (2.5 at half full, 1.4 at a quarter).
        var size = 16
        while size < n * 4 { size <<= 1 }
        count = n; self.scale = scale; mask = size - 1
        (slots, mapping) = Self.allocateSlots(byteCount: size * Self.slotBytes)
        historyBlocks = .allocate(capacity: Self.historyTags * Self.historyTags * 5)
        markBlocks = .allocate(capacity: 27)
        let slots = self.slots
        plainKeys = !data.withUnsafeBytes { raw in Self.fill(slots, mask: size - 1, file: raw.baseAddress!, count: n) }
        precondition(Self.historyTags == PerceptronDecoder.startTag + 1)
        for t2 in 0..<Self.historyTags {
            for t1 in 0..<Self.historyTags {
                for memory in 0..<UInt64(5) {
                    var f = (NERFeatures.feature(40, UInt64(t1)), NERFeatures.feature(41, UInt64(t2), UInt64(t1)),
                             NERFeatures.feature(45, memory))
                    historyBlocks[Self.historyIndex(t1, t2, memory)] =
                        withUnsafePointer(to: &f) { $0.withMemoryRebound(to: UInt64.self, capacity: 3) { sum($0, count: 3) } }
                }
            }
        }
        let marks = [markValues.0, markValues.1, markValues.2]
        for (b, before) in marks.enumerated() {
            for (a, at) in marks.enumerated() {
                for (c, after) in marks.enumerated() {
                    var f = (NERFeatures.feature(31, at), NERFeatures.feature(33, before, at, after))
                    markBlocks[9 * b + 3 * a + c] =
                        withUnsafePointer(to: &f) { $0.withMemoryRebound(to: UInt64.self, capacity: 2) { sum($0, count: 2) } }
                }
            }
        }
    }

    /// Stores the `n` features of a checked weight file (20 header bytes, `n` little-endian hashes, then
    /// `n × tagCount` little-endian Int16 weights) in the zeroed slots; a repeated hash keeps its first row.
    /// True when a hash is 0 or 1 (stored as the key 1).
    private static func fill(_ slots: UnsafeMutableRawPointer, mask: Int, file: UnsafeRawPointer, count n: Int) -> Bool {
        let tags = tagCount
        let weights = file + 20 + n * 8
        var keyOne = false
        for j in 0..<n {
            let k = key(UInt64(littleEndian: file.loadUnaligned(fromByteOffset: 20 + j * 8, as: UInt64.self)))
            if k == 1 { keyOne = true }
            var i = Int(truncatingIfNeeded: k) & mask
            while true {
                let slot = slots + i * slotBytes
                let found = slot.load(as: UInt64.self)
                if found == k { break }
                if found == 0 {
                    slot.storeBytes(of: k, as: UInt64.self)
                    let w = weights + j * tags * 2
                    for t in 0..<tags {
                        slot.storeBytes(of: Int16(littleEndian: w.loadUnaligned(fromByteOffset: 2 * t, as: Int16.self)),
                                        toByteOffset: 8 + 2 * t, as: Int16.self)
                    }
                    break
                }
                i = (i + 1) & mask
            }
        }
        return keyOne
    }

    /// The `historyBlocks` index of previous tags `t1`, `t2` (0…`startTag`) and label memory 0…4.
    @inline(__always)
    static func historyIndex(_ t1: Int, _ t2: Int, _ memory: UInt64) -> Int {
        (t2 &* historyTags &+ t1) &* 5 &+ Int(truncatingIfNeeded: memory)
    }

    /// The history tags: the nine tags and the sentence start (`PerceptronDecoder.startTag`).
    static let historyTags = 10

    /// 0, 1, 2 for the mark values of `markValues`, 3 for any other.
    @inline(__always)
    func markIndex(_ v: UInt64) -> Int {
        v == markValues.0 ? 0 : v == markValues.1 ? 1 : v == markValues.2 ? 2 : 3
    }

    /// The summed weights of `count` (at most `batchLimit`) features as a vector (tags in lanes 0…8).
    @inline(__always)
    func sum(_ hashes: UnsafePointer<UInt64>, count: Int) -> SIMD16<Int32> {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 16) { s in
            let p = s.baseAddress!
            for t in 0..<16 { p[t] = 0 }
            add(hashes, count: count, to: p)
            return UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Int32>.self)
        }
    }

    /// 0 marks an empty slot, so the hash 0 is stored as 1 (as in `PerceptronFeatureTable`).
    @inline(__always) private static func key(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }

    /// The slot key to look `h` up by: `h` itself when `plainKeys`.
    @inline(__always) private func lookupKey(_ h: UInt64) -> UInt64 { plainKeys ? h : Self.key(h) }

    /// Adds the stored weights of `hash` to `scores` (`tagCount` values; nothing for unknown features).
    @inline(__always)
    func add(_ hash: UInt64, to scores: UnsafeMutablePointer<Int32>) {
        let k = lookupKey(hash)
        var i = Int(truncatingIfNeeded: k) & mask
        while true {
            let slot = UnsafeRawPointer(slots + i * Self.slotBytes)
            let found = slot.load(as: UInt64.self)
            if found == k {
                for t in 0..<Self.tagCount { scores[t] &+= Int32(slot.load(fromByteOffset: 8 + 2 * t, as: Int16.self)) }
                return
            }
            if found == 0 { return }
            i = (i + 1) & mask
        }
    }

    /// The stored weights of one feature as a vector (tags in lanes 0…8, zeros for an unknown feature):
    /// `sum(_:count:)` of that one feature, with one probe and no scratch.
    @inline(__always)
    func vector(_ hash: UInt64) -> SIMD16<Int32> {
        let k = lookupKey(hash)
        let slots = UnsafeRawPointer(self.slots), mask = self.mask
        var i = Int(truncatingIfNeeded: k) & mask
        while true {
            let slot = slots + i &* Self.slotBytes
            let found = slot.load(as: UInt64.self)
            if found == k {
                var v = SIMD16<Int32>(repeating: 0)
                v.lowHalf = SIMD8<Int32>(truncatingIfNeeded: slot.loadUnaligned(fromByteOffset: 8, as: SIMD8<Int16>.self))
                v[8] = Int32(slot.load(fromByteOffset: 24, as: Int16.self))
                return v
            }
            if found == 0 { return SIMD16<Int32>(repeating: 0) }
            i = (i &+ 1) & mask
        }
    }

    /// Adds the weights of `count` (at most `batchLimit`) features to `scores`. The first slot of every
    /// feature is read before any is compared: no branch waits on a cache miss, so the misses overlap
    /// (probing feature by feature mispredicts on unknown features and serialises them).
    @inline(__always)
    func add(_ hashes: UnsafePointer<UInt64>, count: Int, to scores: UnsafeMutablePointer<Int32>) {
        // One loop for each way of keying, so neither tests the flag per feature.
        if plainKeys { add(hashes, count: count, to: scores, key: { $0 }) } else { add(hashes, count: count, to: scores, key: Self.key) }
    }

    /// `add(_:count:to:)` with the slot key of each hash given by `key`.
    @inline(__always)
    private func add(_ hashes: UnsafePointer<UInt64>, count: Int, to scores: UnsafeMutablePointer<Int32>, key: (UInt64) -> UInt64) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.batchLimit) { loaded in
            let loaded = loaded.baseAddress!
            let slots = UnsafeRawPointer(self.slots), mask = self.mask
            var sum = SIMD8<Int32>(repeating: 0)
            var last: Int32 = 0
            for j in 0..<count {
                let i = Int(truncatingIfNeeded: key(hashes[j])) & mask
                loaded[j] = slots.load(fromByteOffset: i &* Self.slotBytes, as: UInt64.self)
            }
            for j in 0..<count {
                let k = key(hashes[j])
                var found = loaded[j]
                var i = Int(truncatingIfNeeded: k) & mask
                if found != k {
                    if found == 0 { continue }
                    repeat {
                        i = (i &+ 1) & mask
                        found = slots.load(fromByteOffset: i &* Self.slotBytes, as: UInt64.self)
                    } while found != k && found != 0
                    guard found == k else { continue }
                }
                let slot = slots + i &* Self.slotBytes
                // Tags 0…7 as one vector, tag 8 alone (the same wrapping Int32 sums as tag by tag).
                sum &+= SIMD8<Int32>(truncatingIfNeeded: slot.loadUnaligned(fromByteOffset: 8, as: SIMD8<Int16>.self))
                last &+= Int32(slot.load(fromByteOffset: 24, as: Int16.self))
            }
            for t in 0..<8 { scores[t] &+= sum[t] }
            scores[8] &+= last
        }
    }

    /// The most features one `add(_:count:to:)` call takes.
    static let batchLimit = 64

    /// The stored weights of `hash` as floats (zeros for an unknown feature).
    func weights(_ hash: UInt64) -> [Float] {
        var s = [Int32](repeating: 0, count: Self.tagCount)
        s.withUnsafeMutableBufferPointer { add(hash, to: $0.baseAddress!) }
        return s.map { Float($0) * scale }
    }

    /// The feature count and scale of a weight file, after checking its header and length.
    private static func header(_ bytes: UnsafeBufferPointer<UInt8>, input: String) throws -> (count: Int, scale: Float) {
        func bad(_ why: String) -> SitrepError {
            SitrepError(code: "knowledge.badWeights", input: input, message: "not a Sitrep NER weight file: \(why)")
        }
        guard bytes.count >= 20, Array(bytes[0..<4]) == PerceptronModel.magic else { throw bad("missing SNER header") }
        func u32(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        guard u32(4) == 1 else { throw bad("unsupported version \(u32(4))") }
        let tags = Int(u32(8)), n = Int(u32(12))
        let scale = Float(bitPattern: u32(16))
        guard tags == tagCount else { throw bad("\(tags) tags, expected \(tagCount)") }
        guard n < 1 << 26, bytes.count == 20 + n * 8 + n * tags * 2 else { throw bad("truncated (\(bytes.count) bytes for \(n) features)") }
        guard scale.isFinite, scale > 0 else { throw bad("scale \(scale) is not a positive number") }
        return (n, scale)
    }
}
