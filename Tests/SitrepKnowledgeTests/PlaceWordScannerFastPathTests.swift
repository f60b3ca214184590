import Testing
@testable import SitrepKnowledge

/// The place word scanner's shortcuts (an ASCII letter starts a word without decoding, the space after a word is
/// stepped over at once, the possessive test reads the last byte first) keep its words those of the plain scanner
/// (`ReferencePlaceWordScanner`, compared by `KnowledgeLoadFastPathTests.sameWords`): same offsets and flags.
@Suite struct PlaceWordScannerFastPathTests {
    static let texts: [String] = [
        "Shelling hit the Tamarisk Valley on Monday;  two  villages near Qal'at Yamur's edge were emptied.",
        "U.S. and U.K. envoys met al-Varn officials in Ostrava's north (late Tuesday), sources said: \"no deal\".",
        "Ḥalab, Ţafas, ʿAyn al-ʿArab, DEIR EZ-ZOR, Dar‘ā, الرقة, دير الزور — Émile visited São Lucas’s port.",
        "x", "", " ", "  a  ", "ab's", "abcd's", "Abcdef’s", "A.B.", "A.B.C. went", "3 km from Yamur, 12 villages; 1,200 people.",
        "Line one\nLine Two\n\n“Quoted Town” [Bracket Hill] (Paren Port) and-hyphen end-",
        "trailing space ", "Tab\there and\u{00A0}no-break space, then MIXED case WoRdS at the end",
        // Words of eight letters and more, and words ended by punctuation, digits and other bytes.
        "Reconstruction, Northwestern;Governorates:Administrative(Abcdefgh)Abcdefghijklmnop1 abcdefgh@x Abcdefg!",
        "abcdefgh? Abcdefghijklmnop's Qwertyuiop. ABCDEFGHIJ.K. longerwords`quote Abcdefghijklmnopq-rstu Umlautwörter",
        "Eightchr,Ninechars/Sevench]Twelvelettersé Villages\nNorthern\tSouthern\u{00A0}Seventeenletters’ end",
    ]

    @Test(arguments: texts)
    func scannerEqualsReference(_ text: String) {
        #expect(KnowledgeLoadFastPathTests.sameWords(text))
    }

    /// Every text joined to every other, and one line cut at every byte (inside multi-byte letters too).
    @Test func scannerEqualsReferenceOnJoinsAndCuts() {
        for a in Self.texts { for b in Self.texts { #expect(KnowledgeLoadFastPathTests.sameWords(a + b)) } }
        let mixed = Array((Self.texts[0] + Self.texts[1] + Self.texts[2]).utf8)
        for cut in 0..<mixed.count {
            #expect(KnowledgeLoadFastPathTests.sameWords(String(decoding: mixed[cut...], as: UTF8.self)))
        }
    }
}
