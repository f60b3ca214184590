import Testing
@testable import SitrepCore

@Suite struct TextRangeTests {
    @Test func sliceReturnsExactlyTheBytesOfTheRange() {
        let text = "Idlib — “close to” Deir ez-Zor"
        let start = text.utf8.count - "Deir ez-Zor".utf8.count
        #expect(text.slice(TextRange(start, text.utf8.count)) == "Deir ez-Zor")
        #expect(text.slice(TextRange(0, 5)) == "Idlib")
    }

    @Test func sliceRefusesOutOfBoundsAndSplitCharacters() {
        let text = "a—b"   // the dash is three UTF-8 bytes
        #expect(text.slice(TextRange(0, 99)) == nil)
        #expect(text.slice(TextRange(1, 2)) == nil)
        #expect(text.slice(TextRange(1, 4)) == "—")
    }

    @Test func overlapAndContainment() {
        let a = TextRange(0, 10), b = TextRange(5, 15), c = TextRange(10, 12)
        #expect(a.overlaps(b))
        #expect(!a.overlaps(c))
        #expect(a.contains(TextRange(2, 3)))
        #expect(a.union(c) == TextRange(0, 12))
    }

    @Test func offsetMapMapsKeptRunsBackToRawInput() {
        // raw: "AAAA" + "xx" (dropped) + "BBB"; clean: "AAAA" + "BBB"
        var map = OffsetMap()
        map.append(clean: 0, raw: 0, length: 4)
        map.append(clean: 4, raw: 6, length: 3)
        #expect(map.rawOffset(2) == 2)
        #expect(map.rawOffset(4) == 6)
        #expect(map.rawOffset(6) == 8)
        #expect(map.rawRange(TextRange(3, 6)) == TextRange(3, 8))
    }

    @Test func contiguousRunsMergeIntoOneSegment() {
        var map = OffsetMap()
        map.append(clean: 0, raw: 0, length: 4)
        map.append(clean: 4, raw: 4, length: 4)
        #expect(map.segments.count == 1)
    }

    @Test func documentIdentityIsTheHashOfItsCleanedText() {
        let a = Document(path: "a.txt", text: "Fighters were moved.")
        let b = Document(path: "b.txt", text: "Fighters were moved.")
        let c = Document(path: "a.txt", text: "Fighters were moved!")
        #expect(a.id == b.id)
        #expect(a.id != c.id)
        #expect(a.id.hasPrefix("doc_") && a.id.count == 20)
    }
}
