import Foundation
import Testing
@testable import SitrepKnowledge

/// The NER loaders' byte paths give what the `String` computations they replaced give.
@Suite struct NERLoadFastPathTests {
    /// FNV-1a of the UTF-8 of `String.lowercased()`: the general form of `EntityGazetteer.lowerHash`.
    static func referenceLowerHash(_ word: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in word.lowercased().utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    static func fastLowerHash(_ bytes: [UInt8], _ hasher: inout EntityLowercaseHasher) -> UInt64 {
        bytes.withUnsafeBufferPointer { hasher.lowerHash($0) }
    }

    static let words: [String] = [
        "", "a", "Z", "Idlib", "DEIR", "ez-Zor", "Ḥamāh", "ÇAĞLAYAN", "Şanlıurfa", "İSTANBUL", "İzmir", "Coruña",
        "ÅLESUND", "Øresund", "ǅemal", "ǄEMAL", "Ǉubljana", "ΑΘΗΝΑ", "ΟΔΟΣ", "Σ", "ΣΑΣ", "Σίσσυ", "МОСКВА", "Київ",
        "ՀԱՅԱՍՏԱՆ", "ႠႡ", "ᏣᎳᎩ", "ẞTRASSE", "Straße", "ΐ", "ǰ", "ﬀ", "Ⅻ", "Ⓐb", "ＡＢＣ", "Ꭰꭰ", "ȺȾ", "Ɐ", "ᲀ",
        "الرقة", "دير الزور", "दिल्ली", "北京", "서울", "𐐀𐐁", "a\u{0301}", "A\u{0307}", "🙂Kabul", "ʿAyn", "Dar‘ā",
    ]

    @Test(arguments: words)
    func byteLowerHashEqualsStringLowercased(_ word: String) {
        var hasher = EntityLowercaseHasher()
        let fast = Self.fastLowerHash(Array(word.utf8), &hasher)
        #expect(fast == Self.referenceLowerHash(word))
        #expect(fast == EntityGazetteer.lowerHash(word))
        // Again, from the filled table.
        #expect(Self.fastLowerHash(Array(word.utf8), &hasher) == fast)
    }

    /// Every scalar below U+10000, alone and between letters (the table's whole range).
    @Test func byteLowerHashEqualsStringLowercasedForEveryBMPScalar() {
        var hasher = EntityLowercaseHasher()
        var mismatches: [UInt32] = []
        for v in UInt32(0x80)..<0x1_0000 {
            guard let s = Unicode.Scalar(v) else { continue }
            for word in [String(Character(s)), "Q" + String(s) + "x", String(s) + String(s)] where
                Self.fastLowerHash(Array(word.utf8), &hasher) != Self.referenceLowerHash(word) {
                mismatches.append(v)
            }
        }
        #expect(mismatches.isEmpty)
    }

    /// Bytes that are not well-formed UTF-8 are hashed as `String(decoding:)` repairs them.
    @Test(arguments: [[0xC3], [0x41, 0xC3], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82],
                      [0xF0, 0x9F, 0x99], [0xFF, 0x41], [0x80], [0xC3, 0x89, 0xE2], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func byteLowerHashEqualsStringOnIllFormedBytes(_ bytes: [UInt8]) {
        var hasher = EntityLowercaseHasher()
        #expect(Self.fastLowerHash(bytes, &hasher) == Self.referenceLowerHash(String(decoding: bytes, as: UTF8.self)))
    }

    /// Every word of the shipped NER gazetteer, and every name of it found as a place.
    @Test func shippedGazetteerWordsAndNames() throws {
        let url = URL(fileURLWithPath: try GazetteerResources.directory()).appendingPathComponent("ner-gazetteer.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var hasher = EntityLowercaseHasher()
        var mismatches: [String] = []
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        for line in lines {
            for word in line.split(separator: " ") where
                Self.fastLowerHash(Array(word.utf8), &hasher) != Self.referenceLowerHash(String(word)) {
                mismatches.append(String(word))
            }
        }
        #expect(mismatches.isEmpty)
        let gazetteer = EntityGazetteer(placeNames: text)
        var missing = 0
        for line in lines {
            let words = line.split(separator: " ").map(String.init)
            var h = EntityGazetteer.sequenceSeed
            for w in words { h = NERFeatures.combine(h, Self.referenceLowerHash(w)) }
            if !words.isEmpty && !gazetteer.places.contains(h) { missing += 1 }
        }
        #expect(missing == 0)
    }
}

/// The weight table filled from the file's bytes holds what the array-by-array reading gave.
@Suite struct NERWeightLoadFastPathTests {
    /// A weight file with `hashes` (a repeated hash keeps its first row) and weights from `seed`.
    static func file(_ hashes: [UInt64], scale: Float, seed: Int) -> [UInt8] {
        var out = PerceptronModel.magic
        func u32(_ v: UInt32) { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) } }
        u32(1); u32(UInt32(EntityTagIndex.count)); u32(UInt32(hashes.count)); u32(scale.bitPattern)
        for h in hashes { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: h >> (8 * UInt64(k)))) } }
        for i in 0..<(hashes.count * EntityTagIndex.count) {
            let w = Int16(truncatingIfNeeded: (i &* 7919 &+ seed &* 104_729) % 65_536 - 32_768)
            let u = UInt16(bitPattern: w)
            out.append(UInt8(u & 0xFF)); out.append(UInt8(u >> 8))
        }
        return out
    }

    /// The reading the table replaced: hashes, then weights, byte by byte; the first row of a hash (0 read
    /// as 1) wins.
    static func reference(_ bytes: [UInt8]) -> [UInt64: [Float]] {
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
        let tags = Int(u32(8)), n = Int(u32(12)), scale = Float(bitPattern: u32(16))
        var out: [UInt64: [Float]] = [:]
        for j in 0..<n {
            var h = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[20 + 8 * j + $1]) << (8 * UInt64($1)) }
            if h == 0 { h = 1 }  // the table stores the hash 0 as 1
            if out[h] != nil { continue }
            out[h] = (0..<tags).map { t in
                let at = 20 + 8 * n + 2 * (j * tags + t)
                return Float(Int16(bitPattern: UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8)) * scale
            }
        }
        return out
    }

    @Test(arguments: [
        ([], Float(1)),
        ([0, 1, 2, 0xFFFF_FFFF_FFFF_FFFF], Float(0.25)),
        ([5, 5, 21, 37, 5, 0x8000_0000_0000_0000, 0x10], Float(0.01)),
        ((0..<5000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }, Float(0.003)),
        ((0..<3000).map { UInt64($0 % 1000) << 20 }, Float(2)),
    ] as [([UInt64], Float)])
    func tableHoldsTheFileWeights(_ hashes: [UInt64], _ scale: Float) throws {
        let bytes = Self.file(hashes, scale: scale, seed: hashes.count)
        let table = try PerceptronWeightTable(data: Data(bytes), input: "test")
        let expected = Self.reference(bytes)
        #expect(table.count == hashes.count)
        for (h, w) in expected { #expect(table.weights(h) == w) }
        for h: UInt64 in [3, 4, 0x1234_5678_9ABC] where expected[h] == nil {
            #expect(table.weights(h) == [Float](repeating: 0, count: EntityTagIndex.count))
        }
    }

    /// The shipped weights: every feature of the file reads back its first row.
    @Test func shippedWeights() throws {
        let url = URL(fileURLWithPath: try GazetteerResources.directory()).appendingPathComponent("ner-weights.bin")
        let bytes = try [UInt8](Data(contentsOf: url))
        let table = try PerceptronWeightTable(data: Data(bytes), input: url.path)
        var wrong = 0
        for (h, w) in Self.reference(bytes) where table.weights(h) != w { wrong += 1 }
        #expect(wrong == 0)
    }
}

/// The gazetteer's one-pass reading stores the names and prefixes of the line-by-line reading.
@Suite struct NERGazetteerLoadFastPathTests {
    /// Lines split on "\n", `#` lines skipped, words split on " " (empty ones skipped), each hashed
    /// from `String.lowercased()`; the hash 0 is stored as 1.
    static func reference(_ text: String) -> (places: Set<UInt64>, prefixes: Set<UInt64>, maxTokens: Int) {
        var places = Set<UInt64>(), prefixes = Set<UInt64>()
        var maxTokens = 1
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            guard let first = line.first, first != 0x23 else { continue }
            let words = line.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            var h = EntityGazetteer.sequenceSeed
            for (k, w) in words.enumerated() {
                if k > 0 { prefixes.insert(h == 0 ? 1 : h) }
                h = NERFeatures.combine(h, NERLoadFastPathTests.referenceLowerHash(w))
            }
            if !words.isEmpty { places.insert(h == 0 ? 1 : h); maxTokens = max(maxTokens, words.count) }
        }
        return (places, prefixes, min(maxTokens, 6))
    }

    static let texts: [String] = [
        "", "\n", "#", "# only a comment", "Idlib", "Idlib\n", "Deir ez-Zor\nIdlib\n# Ras al-Ain\nḤamāh",
        "  Ras   al-Ain  \n\n\nal-Bab ", "Aleppo\r\nHoms\r\n", "a b c d e f g h\nA B", " # not a comment\nx#y",
        "Şanlıurfa İzmir\nΑΘΗΝΑ ΟΔΟΣ\nКиїв\nالرقة دير\n北京 市\n🙂 Kabul\nCoruña\nDEIR EZ-ZOR", "\u{301}a b\u{301}",
    ]

    @Test(arguments: texts)
    func onePassEqualsLineByLine(_ text: String) {
        let g = EntityGazetteer(placeNames: text)
        let r = Self.reference(text)
        #expect(Set(g.places.keys.filter { $0 != 0 }) == r.places)
        #expect(Set(g.prefixes.keys.filter { $0 != 0 }) == r.prefixes)
        #expect(g.maxTokens == r.maxTokens)
    }

    @Test func shippedGazetteer() throws {
        let url = URL(fileURLWithPath: try GazetteerResources.directory()).appendingPathComponent("ner-gazetteer.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let g = EntityGazetteer(placeNames: text)
        let r = Self.reference(text)
        #expect(Set(g.places.keys.filter { $0 != 0 }) == r.places)
        #expect(Set(g.prefixes.keys.filter { $0 != 0 }) == r.prefixes)
        #expect(g.maxTokens == r.maxTokens)
    }
}
