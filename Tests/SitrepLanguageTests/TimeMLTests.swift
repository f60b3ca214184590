import Foundation
import SitrepCore
import Testing
@testable import SitrepLanguage

@Suite struct TimeMLTests {
    /// A tiny TempEval-3-style file of our own.
    static let tml = """
    <?xml version="1.0" ?>
    <TimeML>
    <DOCID>test-1</DOCID>
    <DCT><TIMEX3 tid="t0" type="DATE" value="2018-10-01" temporalFunction="false" functionInDocument="CREATION_TIME">20181001</TIMEX3></DCT>
    <TEXT>
    Food &amp; fuel ran out <TIMEX3 tid="t1" type="DATE" value="2018-09-30">yesterday</TIMEX3>, and the siege has <EVENT eid="e1">lasted</EVENT> \
    <TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3>. Talks go on <TIMEX3 tid="t3" type="DATE" value="2018-10-04">Thursday</TIMEX3>.
    </TEXT>
    </TimeML>
    """

    @Test func readerStripsTagsAndMapsOffsets() throws {
        let doc = try TimeMLDocument(xml: Self.tml, name: "test.tml")
        #expect(doc.creationDay == CalendarDay(iso: "2018-10-01"))
        #expect(doc.timexes.count == 3)
        #expect(doc.timexes.map { doc.text.slice($0.range) } == ["yesterday", "three months", "Thursday"])
        #expect(doc.timexes.map(\.type) == ["DATE", "DURATION", "DATE"])
        #expect(doc.timexes.map(\.value) == ["2018-09-30", "P3M", "2018-10-04"])
        #expect(doc.text.contains("Food & fuel"))
        #expect(!doc.text.contains("<"))
    }

    @Test func scoringEndToEnd() throws {
        let doc = try TimeMLDocument(xml: Self.tml, name: "test.tml")
        var f = finder
        f.joinsRanges = false
        let found = f.find(in: doc.text, published: doc.creationDay.map { DayInterval(day: $0) })
        var score = TimeMLScore()
        let misses = score.add(gold: doc.timexes, system: found)
        let dt = try #require(score.counts["date_time"])
        #expect(dt.gold == 2)
        #expect(dt.system == 2)
        #expect(dt.strict == 2)
        // "Thursday" with no future cue in its sentence is the latest Thursday: the value misses.
        #expect(dt.value == 1)
        #expect(misses.contains { $0.kind == .wrongValue && $0.gold?.value == "2018-10-04" })
        // Exact matches come back too (kind `correct`, for `eval timeml --misses --correct`), once per group, not in "all".
        #expect(misses.filter { $0.kind == .correct }.map { $0.gold?.value } == ["2018-09-30", "P3M"])
        let duration = try #require(score.counts["duration"])
        #expect(duration.relaxed == 1 && duration.value == 1)
        #expect(score.counts["date_time"]!.figures["value_f1"] == 0.5)
    }

    /// Creation times written compactly, or inside <DCT> without functionInDocument, still anchor the text.
    @Test(arguments: [
        (#"<DCT><TIMEX3 tid="t0" type="DATE" value="20181001" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>"#, "2018-10-01"),
        (#"<DCT><TIMEX3 tid="t0" type="TIME" value="2018-10-01T14:57:00">x</TIMEX3></DCT>"#, "2018-10-01"),
        (#"<DCT><TIMEX3 tid="t0" type="DATE" value="19981231">x</TIMEX3></DCT>"#, "1998-12-31"),
        (#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998">x</TIMEX3></DCT>"#, nil),
    ] as [(String, String?)])
    func creationTimeForms(dct: String, day: String?) throws {
        let doc = try TimeMLDocument(xml: "<TimeML>\(dct)<TEXT>It rained.</TEXT></TimeML>", name: "dct.tml")
        #expect(doc.creationDay == day.flatMap { CalendarDay(iso: $0) })
    }

    /// No creation time: the date in the document id, else in the file name; none when neither holds one.
    @Test(arguments: [
        ("<DOCID>APW19980807.0261</DOCID>", "news.tml", "1998-08-07"),
        ("<DOCID>wsj_0006</DOCID>", "data/XIE19990313.0031.tml", "1999-03-13"),
        ("<DOCID>ABC19981399.1830</DOCID>", "wsj_0006.tml", nil),
        (#"<DOCID>APW19980807.0261</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-09">x</TIMEX3></DCT>"#, "a.tml", "1998-08-09"),
    ] as [(String, String, String?)])
    func creationDayFromTheDocumentID(header: String, name: String, day: String?) throws {
        let doc = try TimeMLDocument(xml: "<TimeML>\(header)<TEXT>It rained.</TEXT></TimeML>", name: name)
        #expect(doc.creationDay == day.flatMap { CalendarDay(iso: $0) })
    }

    @Test func aFileWithoutTextIsAnError() {
        #expect(throws: SitrepError.self) { try TimeMLDocument(xml: "<TimeML><DCT></DCT></TimeML>", name: "x.tml") }
        #expect(throws: SitrepError.self) { try TimeMLDocument(xml: "<TEXT>open <TIMEX3", name: "y.tml") }
    }
}

@Suite struct TimeLexiconTests {
    @Test func shippedTimeWordsLoadSortedWithoutDuplicates() throws {
        let lexicon = try TimeLexicon()
        #expect(lexicon.entries.count > 200)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SitrepLanguage/Resources/en/time-words.tsv")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(rows.count == lexicon.entries.count)
        #expect(rows == rows.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "time-words.tsv must be sorted")
        #expect(Set(rows.map { $0.split(separator: "\t")[0] }).count == rows.count, "time-words.tsv has duplicate words")
    }

    @Test func badRowsNameFileAndLine() {
        do {
            _ = try TimeLexicon(tsv: "# c\nmay\tmonth\t5\nsmarch\tmonth\t13\n", file: "t.tsv")
            Issue.record("month 13 accepted")
        } catch let e as SitrepError {
            #expect(e.input == "t.tsv:3")
            #expect(e.code == "data.badRow")
        } catch { Issue.record("unexpected \(error)") }
        do {
            _ = try TimeLexicon(tsv: "may\tmonth\t5\nmay\tmonth\t5\n", file: "t.tsv")
            Issue.record("duplicate accepted")
        } catch let e as SitrepError {
            #expect(e.input == "t.tsv:2")
        } catch { Issue.record("unexpected \(error)") }
    }

    /// The scanner's fast lookup (initials and length filter, key from one 8-byte load) finds exactly what `lookup` finds:
    /// every shipped word in three casings, near misses, words longer than seven letters, and words at the end of the text.
    @Test func fastWordLookupAgreesWithPlainLookup() throws {
        let lexicon = try TimeLexicon()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SitrepLanguage/Resources/en/time-words.tsv")
        let shipped = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { String($0.split(separator: "\t")[0]) }
        var words = ["Tuesdays", "SEPTEMBER", "septembe", "septemberx", "Januaryy", "yesterdax", "ago7", "A", "b", "x9", "mon", "Zz"]
        for w in shipped { words += [w, w.uppercased(), w.prefix(1).uppercased() + w.dropFirst(), w + "s", String(w.dropLast())] }
        var checked = 0
        for w in words where !w.isEmpty && w.utf8.count <= lexicon.maxLength {
            // Alone (no 8-byte load past the end) and inside a longer text (the fast load).
            for text in [w, "x \(w) and some more words after it"] {
                let bytes = Array(text.utf8)
                let start = text == w ? 0 : 2
                let end = start + w.utf8.count
                bytes.withUnsafeBufferPointer { p in
                    #expect(lexicon.lookupWord(p, start, end) == lexicon.lookup(p, start, end), "\(w)")
                }
                checked += 1
            }
        }
        #expect(checked > 1000)
        // A hit through the fast path really finds the word.
        let text = Array("on Wednesday night".utf8)
        text.withUnsafeBufferPointer { p in #expect(lexicon.lookupWord(p, 3, 12) >= 0) }
    }

    @Test func aUserListExtendsTheWords() throws {
        let lexicon = try TimeLexicon(tsv: "fortnight\tunit\tFN\nlast\tword\tlast\n", file: "mine.tsv")
        let f = TimeExpressionFinder(lexicon: lexicon)
        let m = try #require(f.find(in: "It rained last fortnight.", published: DayInterval(day: CalendarDay(iso: "2018-10-01")!)).first)
        #expect(m.type == .date)
        #expect(m.precision == .week)
    }
}

