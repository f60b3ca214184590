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
