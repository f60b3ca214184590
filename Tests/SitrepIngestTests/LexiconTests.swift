import Foundation
import SitrepCore
import Testing
@testable import SitrepIngest

@Suite struct LexiconTests {
    @Test func everyShippedDataFileLoads() throws {
        let lexicon = try IngestLexicon.load()
        #expect(lexicon.furniture.phrases.count > 100)
        #expect(lexicon.calendar.maxLength == 9)
    }

    @Test(arguments: ["furniture.tsv", "calendar.tsv"])
    func shippedDataIsSortedWithoutDuplicates(file: String) throws {
        let rows = try IngestLexicon.resource(file).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(rows.count > 20)
        #expect(rows == rows.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(file) must be sorted")
        #expect(Set(rows).count == rows.count, "\(file) has duplicate rows")
    }

    @Test func badRowNamesFileAndLine() {
        #expect(throws: SitrepError.self) { try FurnitureLexicon.parse("# c\nshare\tline\tshare\nnonsense\tline\tx\n", file: "f.tsv") }
        do {
            _ = try FurnitureLexicon.parse("# c\nshare\tline\tshare\nshare\tsideways\tx\n", file: "f.tsv")
        } catch let e as SitrepError {
            #expect(e.input == "f.tsv:3")
            #expect(e.code == "data.badRow")
        } catch { Issue.record("unexpected \(error)") }
        do {
            _ = try CalendarNames.parse("month\t13\tsmarch\n", file: "c.tsv")
            Issue.record("month 13 accepted")
        } catch let e as SitrepError {
            #expect(e.input == "c.tsv:1")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func phrasesMatchOnlyAtWordBoundaries() throws {
        let lexicon = try FurnitureLexicon.parse("credit\tcontains\tphoto:\nshare\tline\tshare\ncaption_hint\tcontains\tshows\n", file: "t.tsv")
        func kinds(_ s: String) -> [FurnitureKind] {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { lexicon.hits(in: $0, from: 0, to: $0.count, anchored: true).map(\.kind) }
        }
        #expect(kinds("a crowd gathers. photo: staff") == [.credit])
        #expect(kinds("share") == [.share])
        #expect(kinds("shared") == [])
        #expect(kinds("the video showsmany") == [])
        #expect(kinds("the picture shows a road") == [.captionHint])
    }
}
