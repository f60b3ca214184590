import Testing
@testable import SitrepLanguage

/// The word-key tables the clause finders look words up in: same answers as a Dictionary, and phrase
/// tables that return the longest phrase (the earliest added on a tie).
@Suite struct KeyMapTests {
    @Test func answersLikeADictionaryThroughGrowth() {
        var map = KeyMap<Int>()
        var reference: [UInt64: Int] = [:]
        // Keys of words, plus awkward ones: 0, neighbours, values that share low bits.
        var keys = ["said", "told", "the", "a", "according", "Reportedly", "don’t", "don't"].map(ClauseTokens.key)
        keys += [0, 1, 2, 1 << 40, 2 << 40, 3 << 40]
        keys += (0..<500).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        for (i, k) in keys.enumerated() { map[k] = i; reference[k] = i }
        // Overwriting keeps one entry.
        map[keys[0]] = -1; reference[keys[0]] = -1
        #expect(map.count == reference.count)
        for k in keys { #expect(map[k] == reference[k]) }
        for k: UInt64 in [12345, 1 << 50, ClauseTokens.key("unlisted")] where reference[k] == nil {
            #expect(map[k] == nil)
            #expect(!map.contains(k))
        }
        // ’ and ' share a key, so the two spellings are one entry.
        #expect(ClauseTokens.key("don’t") == ClauseTokens.key("don't"))
    }

    @Test func setMembership() {
        let set = KeySet(["is", "are", "was"].map(ClauseTokens.key))
        #expect(set.count == 3)
        #expect(set.contains(ClauseTokens.key("Was")))
        #expect(!set.contains(ClauseTokens.key("were")))
        let empty: KeySet = []
        #expect(empty.isEmpty && !empty.contains(0))
    }

    @Test(arguments: [
        // (phrases in the order added, text, expected phrase)
        (["may", "may have", "may have been"], "it may have been", "may have been#2"),
        (["may have been", "may", "may have"], "it may have left", "may have#2"),
        (["not at", "not at all"], "not at all", "not at all#1"),
        (["is set to", "is set", "is likely"], "it is set for", "is set#1"),
        (["<n> percent", "<n> per"], "by 5 percent", "<n> percent#0"),
        // A tie goes to the phrase added first, whichever chain it is in.
        (["may have", "may", "may have"], "it may have gone", "may have#0"),
        (["could <n>", "could 5"], "it could 5", "could <n>#0"),
    ])
    func longestPhraseWins(phrases: [String], text: String, expected: String) throws {
        var table = ClausePhrases<Int>()
        for (i, p) in phrases.enumerated() { table.add(p, i) }
        let tokens = Tokenizer.tokenize(text)
        var copy = text
        let found: String? = copy.withUTF8 { p in
            let ct = ClauseTokens(bytes: p, tokens: tokens)
            for t in 0..<tokens.count where table.mayStart(t, ct) {
                if let m = table.longest(at: t, limit: tokens.count, ct) { return "\(table[m.index].text)#\(table[m.index].value)" }
            }
            return nil
        }
        #expect(found == expected)
    }
}
