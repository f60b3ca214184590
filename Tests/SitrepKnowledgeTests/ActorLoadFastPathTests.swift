import Testing
@testable import SitrepKnowledge

/// The actor dictionary loader's byte paths give what the character computations they replaced give.
@Suite struct ActorLoadFastPathTests {
    static let aliasColumns: [String] = [
        "", "|", "||", "a", "a|b", "|a|", "a||b", "Free Syrian Army|FSA| Syrian National Army ",
        "Ḥayʾat Taḥrīr al-Shām|HTS|هيئة تحرير الشام", "هيئة|تحرير", "é|e", "e\u{301}|x", "x|\u{301}y", "a|\u{301}",
        "\u{600}|b", "a\u{600}|b", "🙂|🙂", "a | b", "a\r|b", "a\n|b", "\r\n|x", "ÅLAND|Åland|ǅ", "a|b|c|d|e|f",
    ]

    @Test(arguments: aliasColumns)
    func aliasFieldsEqualCharacterSplit(_ text: String) {
        #expect(ActorDictionary.aliasFields(text).map(String.init) == text.split(separator: "|").map(String.init))
    }
}
