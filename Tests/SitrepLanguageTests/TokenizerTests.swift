import SitrepCore
import Testing
@testable import SitrepLanguage

struct TokenizerTests {
    @Test(arguments: [
        ("Rebels entered al-Rafid.", ["Rebels", "entered", "al-Rafid", "."]),
        ("from Deir ez-Zor to Idlib", ["from", "Deir", "ez-Zor", "to", "Idlib"]),
        ("the Jaish a-Nasr militia", ["the", "Jaish", "a-Nasr", "militia"]),
        ("near as-Safira and ash-Shaddadi", ["near", "as-Safira", "and", "ash-Shaddadi"]),
        ("El-Hasakah, ad-Dana, az-Zabadani", ["El-Hasakah", ",", "ad-Dana", ",", "az-Zabadani"]),
        ("a Russian-backed push", ["a", "Russian-backed", "push"]),
        ("the 700,000-strong army", ["the", "700,000-strong", "army"]),
        ("a 12-year-old boy", ["a", "12-year-old", "boy"]),
        ("thirty-six women", ["thirty-six", "women"]),
        ("F-16 jets", ["F-16", "jets"]),
    ])
    func hyphenatedWordsAndArabicNamesStayWhole(text: String, expected: [String]) {
        #expect(text.tokenTexts() == expected)
    }

    @Test(arguments: [
        ("1,000 people", ["1,000", "people"]),
        ("3.5 million", ["3.5", "million"]),
        ("on 2018-07-31.", ["on", "2018-07-31", "."]),
        ("at 11:32 GMT", ["at", "11:32", "GMT"]),
        ("on 31/07/2018", ["on", "31/07/2018"]),
        ("the 30th and 1st, 2nd, 3rd", ["the", "30th", "and", "1st", ",", "2nd", ",", "3rd"]),
        ("a 20km road", ["a", "20", "km", "road"]),
        ("1,250,000 displaced", ["1,250,000", "displaced"]),
        ("in 2017,", ["in", "2017", ","]),
        ("$5 million and 40%", ["$", "5", "million", "and", "40", "%"]),
        ("2011–2012", ["2011–2012"]),
    ])
    func numbersWithSeparatorsAreOneToken(text: String, expected: [String]) {
        #expect(text.tokenTexts() == expected)
        #expect(Tokenizer.tokenize(text).first { $0.kind == .number } != nil)
    }

    @Test func ordinalAndHyphenatedNumbersHaveNumberKind() {
        let text = "the 30th of 700,000-strong"
        let kinds = Tokenizer.tokenize(text).map(\.kind)
        #expect(kinds == [.word, .number, .word, .number])
    }

    @Test(arguments: [
        ("Assad's forces", ["Assad", "'s", "forces"]),
        ("Assad’s forces", ["Assad", "’s", "forces"]),
        ("Turkey's job", ["Turkey", "'s", "job"]),
        ("it's late", ["it", "'s", "late"]),
        ("don't go", ["don't", "go"]),
        ("O'Brien said", ["O'Brien", "said"]),
        ("Hay‘at Tahrir al-Sham", ["Hay‘at", "Tahrir", "al-Sham"]),
        ("the fighters' weapons", ["the", "fighters", "'", "weapons"]),
    ])
    func possessiveIsSplitContractionsStayWhole(text: String, expected: [String]) {
        #expect(text.tokenTexts() == expected)
    }

    @Test func ayinAndHamzaAreLettersInsideNames() {
        #expect("Baʿath and Qurʾan".tokenTexts() == ["Baʿath", "and", "Qurʾan"])
        #expect("ʿAbd al-Karim".tokenTexts() == ["ʿAbd", "al-Karim"])
    }

    @Test func curlyQuotesOpenAndClose() {
        let text = "“close to the control of ‘jihadi’ elements”, he said"
        let tokens = Tokenizer.tokenize(text)
        let pairs = tokens.map { (text.slice($0.range)!, $0.kind) }
        #expect(pairs[0].0 == "“" && pairs[0].1 == .openQuote)
        #expect(pairs.contains { $0.0 == "‘" && $0.1 == .openQuote })
        #expect(pairs.contains { $0.0 == "’" && $0.1 == .closeQuote })
        #expect(pairs.contains { $0.0 == "jihadi" && $0.1 == .word })
        #expect(pairs.contains { $0.0 == "”" && $0.1 == .closeQuote })
    }

    @Test func straightQuotesTakeTheirSideFromContext() {
        let text = "called 'vermin' by \"Russians\" today"
        let tokens = Tokenizer.tokenize(text)
        let kinds = tokens.map(\.kind)
        #expect(text.tokenTexts() == ["called", "'", "vermin", "'", "by", "\"", "Russians", "\"", "today"])
        #expect(kinds == [.word, .openQuote, .word, .closeQuote, .word, .openQuote, .word, .closeQuote, .word])
    }

    @Test func dashesAreTheirOwnTokens() {
        let text = "Region – Some — more - less -- end"
        let tokens = Tokenizer.tokenize(text)
        #expect(text.tokenTexts() == ["Region", "–", "Some", "—", "more", "-", "less", "--", "end"])
        #expect(tokens.filter { $0.kind == .dash }.count == 4)
    }

    @Test func noBreakAndThinSpacesSeparateTokens() {
        #expect("400\u{00A0}fighters\u{202F}left\u{2009}now".tokenTexts() == ["400", "fighters", "left", "now"])
    }

    @Test(arguments: [
        ("the U.S. army", ["the", "U.S.", "army"]),
        ("at 5 a.m. local", ["at", "5", "a.m.", "local"]),
        ("e.g. buses", ["e.g.", "buses"]),
        ("the U.S.-led coalition", ["the", "U.S.-led", "coalition"]),
        ("Beta V.1.0 - Powered", ["Beta", "V.1.0", "-", "Powered"]),
        ("Mr. Radwan", ["Mr", ".", "Radwan"]),
        ("400 sq. km", ["400", "sq", ".", "km"]),
        ("Idlib.They left", ["Idlib", ".", "They", "left"]),
    ])
    func dottedAbbreviationsKeepTheirStop(text: String, expected: [String]) {
        #expect(text.tokenTexts() == expected)
    }

    @Test(arguments: [
        "ERBIL, Kurdistan Region – About 250 IS militants were moved overnight… “killing 315”, added SOHR.",
        "Ünïcödé naïve café — 1,000 people’s “homes” in Ḥamāh (حماة) ☃ 5€ \u{00A0}end.",
        "Odd bytes: \u{0007}tab\there\r\nnew line 12.5% 2018‐07‐31",
    ])
    func tokenOffsetsSliceOutExactlyTheTokenText(text: String) {
        let tokens = Tokenizer.tokenize(text)
        var previousEnd: Int32 = 0
        for t in tokens {
            #expect(t.range.start >= previousEnd)
            let piece = text.slice(t.range)
            #expect(piece != nil, "token \(t.range) splits a character")
            #expect(piece.map { !$0.isEmpty && !$0.contains(" ") && !$0.contains("\u{00A0}") } == true)
            previousEnd = t.range.end
        }
        // Everything between tokens is whitespace.
        var covered = ""
        var last = 0
        let utf8 = Array(text.utf8)
        for t in tokens {
            covered += String(decoding: utf8[last..<Int(t.range.start)], as: UTF8.self)
            last = Int(t.range.end)
        }
        covered += String(decoding: utf8[last...], as: UTF8.self)
        #expect(covered.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.value < 0x20 })
    }

    @Test func digitsOfOtherScriptsAreWordCharacters() {
        #expect("٤٠٠ مقاتل و١٢".tokenTexts() == ["٤٠٠", "مقاتل", "و١٢"])
        #expect(Tokenizer.tokenize("٤٠٠").map(\.kind) == [.word])
    }

    /// Text denser than one token per five bytes (more than the room reserved at first): every token is still there, in order.
    @Test(arguments: [
        (String(repeating: ",", count: 90), 90, ","),
        (String(repeating: "a's ", count: 40), 80, "'s"),
        (String(repeating: "I,", count: 60) + "x", 121, "x"),
        ("(a)", 3, ")"),
    ])
    func denseTextKeepsEveryToken(text: String, count: Int, last: String) {
        let texts = text.tokenTexts()
        #expect(texts.count == count)
        #expect(texts.last == last)
    }

    @Test func emptyAndBlankTextHaveNoTokens() {
        #expect(Tokenizer.tokenize("").isEmpty)
        #expect(Tokenizer.tokenize(" \n\t\u{00A0} ").isEmpty)
    }
}
