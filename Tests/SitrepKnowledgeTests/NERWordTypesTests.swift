import Foundation
import SitrepCore
import Testing
@testable import SitrepKnowledge

/// The recogniser's per-document word types: two tokens share a type exactly when their bytes are
/// equal (short words packed as their own key, longer ones hashed and compared), numbered in order of
/// first appearance, whatever the word's length or its place near the end of the text.
@Suite struct NERWordTypesTests {
    static let texts: [String] = [
        "the Front said the front said THE Front",
        "a ab abc abcd abcde abcdef abcdefg abcdefgh abcdefghi abcdefghij abcdefgh abcdefghi a",
        "Brigades Brigade Brigades brigades Brigadess Brigade",
        "Hay'at-Tahrir-al-Sham Hay'at-Tahrir-al-Shams Hay'at-Tahrir-al-Sham x Hay'at-Tahrir-al-Sham",
        "abcdefghijklmnop abcdefghijklmnoq abcdefghijklmnop abcdefghijklmnopqrstuvwx abcdefghijklmnopqrstuvwy",
        "Émile Zørn Émile — “Émile” Zørn",
        "x",
        "12345678 1234567 12345678 123456789 12345678",
    ]

    /// Tokens split on spaces (every position of every word, up to the text's last byte).
    static func ranges(_ text: String) -> [Range<Int>] {
        let b = Array(text.utf8)
        var out: [Range<Int>] = []
        var i = 0
        while i < b.count {
            if b[i] == 0x20 { i += 1; continue }
            var e = i
            while e < b.count && b[e] != 0x20 { e += 1 }
            out.append(i..<e)
            i = e
        }
        return out
    }

    @Test(arguments: texts)
    func equalBytesShareATypeAndOnlyThey(text: String) {
        let bytes = Array(text.utf8)
        let ranges = Self.ranges(text)
        var expected: [Int32] = []
        var seen: [[UInt8]] = []
        for r in ranges {
            let w = Array(bytes[r])
            if let k = seen.firstIndex(of: w) { expected.append(Int32(k)) } else { expected.append(Int32(seen.count)); seen.append(w) }
        }
        bytes.withUnsafeBufferPointer { b in
            // A table smaller than the document's words: it grows as it fills.
            var types = NERWordTypes(tokens: 1)
            defer { types.deallocate() }
            var got: [Int32] = []
            for r in ranges {
                let (t, isNew) = types.intern(b, start: r.lowerBound, count: r.count)
                #expect(isNew == !got.contains(t))
                got.append(t)
            }
            #expect(got == expected)
            #expect(types.count == seen.count)
        }
    }

    @Test func manyDistinctWordsGrowTheTable() {
        let words = (0..<3000).map { "w\($0 * 7919 % 10007)" } + (0..<3000).map { "w\($0 * 7919 % 10007)" }
        let text = words.joined(separator: " ")
        let ranges = Self.ranges(text)
        Array(text.utf8).withUnsafeBufferPointer { b in
            var types = NERWordTypes(tokens: 16)
            defer { types.deallocate() }
            let got = ranges.map { types.intern(b, start: $0.lowerBound, count: $0.count).type }
            #expect(Array(got[0..<3000]) == (0..<3000).map { Int32($0) })
            #expect(Array(got[3000...]) == Array(got[0..<3000]))
        }
    }

    /// Document facts entered once per word type equal the facts entered token by token.
    @Test(arguments: [
        "Police said police came. The Police left.\nPOLICE ALERT ISSUED\npolice Police",
        "Aleppo aleppo Aleppo. Aleppo said. the The THE the",
        "no capitals at all here, none",
    ])
    func factsByTypeEqualFactsByToken(text: String) {
        let (tokens, sentences) = NERBlockScoringTests.split(text)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            var types = NERWordTypes(tokens: tokens.count)
            defer { types.deallocate() }
            let ids = tokens.map { types.intern(b, start: Int($0.range.start), count: $0.range.length).type }
            let atoms = tokens.map { NERFeatures.atoms(of: String(decoding: bytes[Int($0.range.start)..<Int($0.range.end)], as: UTF8.self)) }
            atoms.withUnsafeBufferPointer { a in
                ids.withUnsafeBufferPointer { t in
                    let plain = NERFeatures.DocumentFacts(flat: a, sentences: sentences)
                    let typed = NERFeatures.DocumentFacts(flat: a, sentences: sentences, types: t.baseAddress!, typeCount: types.count)
                    #expect(plain.lowercaseSeen.entries().map(\.hash) == typed.lowercaseSeen.entries().map(\.hash))
                    #expect(plain.capitalisedMid.entries().map(\.hash) == typed.capitalisedMid.entries().map(\.hash))
                }
            }
        }
    }
}
