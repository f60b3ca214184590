import SitrepCore
import Testing
@testable import SitrepLanguage

struct SentenceSplitterTests {
    @Test(arguments: [
        ("U.S. forces moved in. The convoy left.", ["U.S. forces moved in.", "The convoy left."]),
        ("They were based in the U.S. The group denied it.", ["They were based in the U.S.", "The group denied it."]),
        ("The talks began on Oct. 5 in Geneva. They failed.", ["The talks began on Oct. 5 in Geneva.", "They failed."]),
        ("Mr. Haddad spoke. Dr. Nasser agreed.", ["Mr. Haddad spoke.", "Dr. Nasser agreed."]),
        ("Mr Haddad spoke to Gen. Aziz. He agreed.", ["Mr Haddad spoke to Gen. Aziz.", "He agreed."]),
        ("A 400 sq. km pocket fell. Troops entered.", ["A 400 sq. km pocket fell.", "Troops entered."]),
        ("It started at 5 a.m. and ended at noon. Then it rained.", ["It started at 5 a.m. and ended at noon.", "Then it rained."]),
        ("Resolution No. 2254 was cited. It passed.", ["Resolution No. 2254 was cited.", "It passed."]),
        ("J. R. Smith wrote it. Later he left.", ["J. R. Smith wrote it.", "Later he left."]),
        ("Prices rose 3.5 percent. Food ran out.", ["Prices rose 3.5 percent.", "Food ran out."]),
        ("Fighting stopped in 2017. 400 fighters left.", ["Fighting stopped in 2017.", "400 fighters left."]),
        ("Is it over? Nobody knows! Wait…", ["Is it over?", "Nobody knows!", "Wait…"]),
        ("The Walker County (Ga.) Sheriff spoke. It rained.", ["The Walker County (Ga.) Sheriff spoke.", "It rained."]),
    ])
    func abbreviationsInitialsAndDecimalsDoNotEndSentences(text: String, expected: [String]) {
        #expect(text.sentenceTexts() == expected)
    }

    @Test(arguments: [
        ("He said: “We will leave.” The buses came.", ["He said: “We will leave.”", "The buses came."]),
        ("\"They left at night.\" Residents agreed.", ["\"They left at night.\"", "Residents agreed."]),
        ("“Why now?” he asked. Nobody replied.", ["“Why now?” he asked.", "Nobody replied."]),
        ("The deal (signed in May.) Holds.", ["The deal (signed in May.)", "Holds."]),
    ])
    func quotesThatCloseAfterTheStopBelongToTheSentence(text: String, expected: [String]) {
        #expect(text.sentenceTexts() == expected)
    }

    @Test func lineBreaksAreParagraphBoundaries() {
        let text = "First line without a stop\nSecond line, a sentence. And another.\n\nThird paragraph."
        let sentences = Shared.splitter.split(text, tokens: Tokenizer.tokenize(text))
        #expect(sentences.map { text.slice($0.range)! } ==
                ["First line without a stop", "Second line, a sentence.", "And another.", "Third paragraph."])
        #expect(sentences.map(\.paragraph) == [0, 1, 1, 2])
    }

    @Test func aLineWithoutFinalPunctuationIsAHeadline() {
        let text = "Rebels take the valley as talks stall\n\nPublished October 1st, 2018 - 11:32 GMT\nRebels took the valley. Talks stalled."
        let sentences = Shared.splitter.split(text, tokens: Tokenizer.tokenize(text))
        #expect(sentences.map(\.isHeadline) == [true, true, false, false])
        #expect(text.slice(sentences[0].range) == "Rebels take the valley as talks stall")
    }

    @Test(arguments: [
        ("AMMAN: Jordan closed the border on Friday.", "AMMAN:", "Jordan closed the border on Friday."),
        ("ERBIL, Kurdistan Region – Some 400 fighters left.", "ERBIL, Kurdistan Region –", "Some 400 fighters left."),
        ("BEIRUT (Reuters) - The army advanced.", "BEIRUT (Reuters) -", "The army advanced."),
        ("DEIR EZ-ZOR, Syria — Shelling resumed.", "DEIR EZ-ZOR, Syria —", "Shelling resumed."),
    ])
    func datelinesAreTheirOwnHeadlineSentence(text: String, dateline: String, rest: String) {
        let sentences = Shared.splitter.split(text, tokens: Tokenizer.tokenize(text))
        #expect(sentences.count == 2)
        #expect(text.slice(sentences[0].range) == dateline)
        #expect(sentences[0].isHeadline)
        #expect(text.slice(sentences[1].range) == rest)
        #expect(!sentences[1].isHeadline)
    }

    @Test func aDatelineIsNeverGluedToThePreviousLine() {
        let text = "Fighters leave the south\nAMMAN: Jordan closed the border."
        let texts = text.sentenceTexts()
        #expect(texts == ["Fighters leave the south", "AMMAN:", "Jordan closed the border."])
    }

    @Test(arguments: [
        "ISIS fighters offered safe passage out of the south",
        "The army, backed by Russia – took the town.",
    ])
    func ordinaryLinesAreNotDatelines(text: String) {
        let sentences = Shared.splitter.split(text, tokens: Tokenizer.tokenize(text))
        #expect(sentences.count == 1)
    }

    @Test func sentenceTokenRangesCoverTheTokensInOrder() {
        let text = "One. Two three.\nFour five\nSix? Seven!"
        let tokens = Tokenizer.tokenize(text)
        let sentences = Shared.splitter.split(text, tokens: tokens)
        var next = 0
        for s in sentences {
            #expect(s.tokens.lowerBound == next)
            #expect(tokens[s.tokens.lowerBound].range.start == s.range.start)
            #expect(tokens[s.tokens.upperBound - 1].range.end == s.range.end)
            next = s.tokens.upperBound
        }
        #expect(next == tokens.count)
    }

    @Test func lowercaseAfterAStopContinuesTheSentence() {
        #expect("The approx. total was high. It fell.".sentenceTexts() == ["The approx. total was high.", "It fell."])
    }
}

struct InitialTests {
    @Test func anInitialBeforeASentenceStarterEndsTheSentence() {
        #expect("It began after World War I. The empire fell.".sentenceTexts() == ["It began after World War I.", "The empire fell."])
        #expect("Then George W. Bush spoke.".sentenceTexts() == ["Then George W. Bush spoke."])
    }
}
