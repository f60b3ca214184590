import Foundation
import SitrepCore
import Testing
@testable import SitrepIngest

@Suite struct OffsetMapTests {
    /// An invented page with every kind of change cleaning makes: removed furniture, a repeated
    /// paragraph, NBSP, CRLF, a decomposed accent (NFC), curly quotes and Arabic script.
    static let raw = [
        "Home", "", "2 min read", "", "Convoy Leaves Kafr Dalia After Shelling", "", "By Mira Haddad", "", "Published March 3rd, 2021 - 09:15 GMT", "",
        "Militia fighters withdrew from the hill town of Kafr Dalia on Sunday,\u{00A0}leaving about 1,200 residents without water, a council member said.",
        "(Militia video still)",
        "“We left with nothing,” said a resident of the cafe\u{0301} quarter, who gave her name as Hala.\r",
        "The council said the convoy carried 14 buses toward the plains east of the river — the road known locally as طريق النهر.",
        "Displaced families queue for bread in Kafr Dalia (AFP/FILE)",
        "Militia fighters withdrew from the hill town of Kafr Dalia on Sunday,\u{00A0}leaving about 1,200 residents without water, a council member said.",
        "Share this article", "© 2004 - 2021 Harbour Daily (",
    ].joined(separator: "\n")

    @Test func everySegmentSlicesTheSameTextFromCleanedAndRaw() {
        let doc = cleaned(Self.raw)
        #expect(!doc.offsetMap.segments.isEmpty)
        var covered = 0
        for s in doc.offsetMap.segments {
            let clean = TextRange(start: s.clean, end: s.clean + s.length)
            let raw = TextRange(start: s.raw, end: s.raw + s.length)
            #expect(doc.text.slice(clean) != nil)
            #expect(doc.text.slice(clean) == Self.raw.slice(raw))
            covered += Int(s.length)
        }
        // Everything but inserted paragraph breaks, NBSP replacements and the NFC change maps back.
        #expect(covered > doc.text.utf8.count - 40)
    }

    @Test func rawRangeOfAPhraseFindsItInTheInput() throws {
        let doc = cleaned(Self.raw)
        let phrase = "convoy carried 14 buses"
        let start = try #require(doc.text.utf8.firstRange(of: phrase.utf8)).lowerBound
        let offset = doc.text.utf8.distance(from: doc.text.utf8.startIndex, to: start)
        let clean = TextRange(offset, offset + phrase.utf8.count)
        #expect(Self.raw.slice(doc.offsetMap.rawRange(clean)) == phrase)
    }

    @Test func cleanedTextIsNFCAndHasNoNBSPOrCR() {
        let doc = cleaned(Self.raw)
        #expect(doc.text.contains("caf\u{E9} quarter"))
        #expect(!doc.text.unicodeScalars.contains("\u{0301}"))
        #expect(!doc.text.contains("\u{00A0}"))
        #expect(!doc.text.utf8.contains(0x0D))
        #expect(doc.text.contains("طريق النهر"))
        #expect(doc.text == doc.text.precomposedStringWithCanonicalMapping)
    }

    @Test func removedPartsPointAtTheirRawText() {
        let doc = cleaned(Self.raw)
        #expect(doc.rawLength == Self.raw.utf8.count)
        for part in doc.removed {
            #expect(Self.raw.slice(part.raw) == part.text)
        }
        #expect(Set(doc.removed.map(\.kind)) == [.navigation, .readingTime, .title, .byline, .dateline, .caption, .duplicateParagraph, .share, .copyright])
    }
}

@Suite struct LongParagraphTests {
    @Test func longParagraphWithDecomposedAccentsIsNormalisedInChunksAndMapsExactly() {
        var words: [String] = []
        for i in 0..<3000 { words.append(i % 97 == 0 ? "Re\u{0301}sume\u{0301}\u{00A0}\(i)" : "word\(i)") }
        let raw = "Convoy Leaves Kafr Dalia\n\n" + words.joined(separator: " ") + "."
        let doc = cleaned(raw)
        #expect(doc.text == doc.text.precomposedStringWithCanonicalMapping)
        #expect(doc.text.contains("Résumé 97"))
        for s in doc.offsetMap.segments {
            #expect(doc.text.slice(TextRange(start: s.clean, end: s.clean + s.length)) == raw.slice(TextRange(start: s.raw, end: s.raw + s.length)))
        }
        let mapped = doc.offsetMap.segments.reduce(0) { $0 + Int($1.length) }
        #expect(mapped > doc.text.utf8.count * 9 / 10)
    }
}
