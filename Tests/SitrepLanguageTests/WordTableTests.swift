import Testing
@testable import SitrepLanguage

/// `WordTable`'s eight-bytes-at-a-time lookup finds exactly what the byte-by-byte path finds, on every span of a
/// text written for the purpose (mixed case, curly apostrophes, non-Latin letters, keys of 8, 9, 16 and 17 bytes,
/// words right at the end of the buffer).
@Suite struct WordTableTests {
    static let words = ["a", "an", "of", "km", "sq", "dozen", "hundred", "thousand", "eighteen", "seventeen",
                        "counterinsurgency", "sixteen-year-olds", "abcdefghijklmnop", "don’t", "don't", "café", "ümit",
                        "o'clock", "twenty-five", "x"]
    static let table = WordTable(words.enumerated().map { ($0.element, Int32($0.offset)) })
    static let text = """
    A Dozen fighters, some HUNDRED more; eighteen or SEVENTEEN? Counterinsurgency and sixteen-year-olds, \
    ABCDEFGHIJKLMNOP abcdefghijklmnopq don’t DON'T Café ÜMIT o'clock Twenty-Five sq km of x
    """

    @Test func everySpanFindsWhatTheBytePathFinds() {
        var copy = Self.text
        copy.withUTF8 { p in
            for s in 0..<p.count {
                for e in s...min(p.count, s + 20) {
                    #expect(Self.table.value(p, s, e) == Self.table.plainValue(p, s, e), "span \(s)..<\(e)")
                }
            }
        }
    }

    @Test(arguments: [("DOZEN", Int32(5)), ("Hundred", 6), ("SEVENTEEN", 9), ("ABCDEFGHIJKLMNOP", 12), ("don’t", 13),
                      ("DON'T", 14), ("Café", 15), ("Twenty-Five", 18), ("X", 19)])
    func wordsAreFoundInAnyCaseInsideAndAtTheEndOfTheBuffer(_ word: String, _ value: Int32) {
        // Alone (too short for the eight-byte path) and inside a longer buffer (the eight-byte path for ASCII).
        #expect(Self.table.value(word) == value)
        var padded = word + "                "
        #expect(padded.withUTF8 { Self.table.value($0, 0, word.utf8.count) } == value)
    }

    @Test(arguments: ["dozens", "abcdefghijklmnopq", "cafe", "dont", "hundre", "", "twenty"])
    func otherWordsAreNotFound(_ word: String) {
        var padded = word + "                "
        #expect(padded.withUTF8 { Self.table.value($0, 0, word.utf8.count) } == nil)
        #expect(Self.table.value(word) == nil)
    }
}
