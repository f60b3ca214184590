import Foundation
import Testing

@Suite(.serialized) struct CLITests {
    let examples = SitrepBinary.packageRoot.appendingPathComponent("examples").path

    @Test func helpNamesTheCommandsAndExitsZero() throws {
        let r = try SitrepBinary.run(["--help"])
        #expect(r.status == 0)
        for command in ["analyze", "ingest", "documents", "show"] { #expect(r.stdout.contains(command)) }
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try SitrepBinary.run(["ingest"]).status == 2)
        #expect(try SitrepBinary.run(["frobnicate"]).status == 2)
        let badStore = try SitrepBinary.run(["documents", "--store", "ftp://nowhere"])
        #expect(badStore.status == 2)
        #expect(badStore.stderr.contains("ftp://nowhere"))
    }

    @Test func ingestingTheExamplesTwiceAddsNothingTheSecondTime() throws {
        let tmp = try TemporaryFolder()
        let first = try SitrepBinary.run(["ingest", examples, "--store", tmp.store])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("5 new documents"))
        let second = try SitrepBinary.run(["ingest", examples, "--store", tmp.store])
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 new documents, 5 already present"))
        let list = try SitrepBinary.run(["documents", "--format", "jsonl", "--store", tmp.store])
        let records = try list.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(records.count == 5)
        #expect(records.allSatisfy { ($0["path"] as? String)?.hasPrefix(examples) == true })
        #expect(records.allSatisfy { $0["text"] is String && $0["removed"] is [Any] })
    }

    @Test func badInputsAreRejectedOneLineEachAndTheRestIsStored() throws {
        let tmp = try TemporaryFolder()
        _ = try tmp.file("in/good.txt", "Militants attacked a checkpoint near Palmyra on Monday, a monitor said.\n")
        _ = try tmp.file("in/empty.txt", "")
        _ = try tmp.file("in/binary.txt", Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0xFF, 0xFE, 0, 0]))
        _ = try tmp.file("in/feed.jsonl", "{\"text\": \"Two fighters were detained in Manbij on Sunday.\"}\nthis is not json\n")
        let r = try SitrepBinary.run(["ingest", tmp.url.appendingPathComponent("in").path, "--store", tmp.store])
        #expect(r.status == 1)
        #expect(r.stderr.contains("empty.txt"))
        #expect(r.stderr.contains("binary.txt"))
        #expect(r.stderr.contains("feed.jsonl:2"))
        #expect(r.stdout.contains("2 new documents"))
        let list = try SitrepBinary.run(["documents", "--format", "jsonl", "--store", tmp.store])
        #expect(list.stdout.split(separator: "\n").count == 2)
    }

    @Test func standardInputIsADocument() throws {
        let tmp = try TemporaryFolder()
        let r = try SitrepBinary.run(["ingest", "-", "--store", tmp.store],
                                     stdin: Data("Shelling hit two villages near Saraqib on Friday, residents said.\n".utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let list = try SitrepBinary.run(["documents", "--format", "jsonl", "--store", tmp.store])
        #expect(list.stdout.contains("Saraqib"))
    }

    @Test func showPrintsTheDocumentRecordAndSearchFindsIt() throws {
        let tmp = try TemporaryFolder()
        _ = try SitrepBinary.run(["ingest", examples, "--store", tmp.store])
        let hits = try SitrepBinary.run(["documents", "--text", "green buses", "--format", "jsonl", "--store", tmp.store])
        let record = try #require(try JSONSerialization.jsonObject(with: Data(hits.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])
        let id = try #require(record["id"] as? String)
        let shown = try SitrepBinary.run(["show", id, "--format", "json", "--store", tmp.store])
        #expect(shown.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        for key in ["id", "path", "title", "outlet", "url", "published", "text", "removed"] { #expect(doc.keys.contains(key)) }
        let published = try #require(doc["published"] as? [String: Any])
        #expect(published["date"] as? String == "2019-03-14")
        #expect(published["method"] is String)
        let text = try SitrepBinary.run(["show", id, "--store", tmp.store])
        #expect(text.stdout.contains("published  2019-03-14"))
        let missing = try SitrepBinary.run(["show", "doc_0000000000000000", "--store", tmp.store])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("doc_0000000000000000"))
    }

    @Test func seedsAreStoredOnceEach() throws {
        let seeds = SitrepBinary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard FileManager.default.fileExists(atPath: seeds.path) else { return }
        let tmp = try TemporaryFolder()
        let first = try SitrepBinary.run(["ingest", seeds.path, "--store", tmp.store])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("5 new documents"))
        let second = try SitrepBinary.run(["ingest", seeds.path, "--store", tmp.store])
        #expect(second.stdout.contains("0 new documents, 5 already present"))
    }

    @Test func analyzeRunsOnTheExamples() throws {
        let tmp = try TemporaryFolder()
        let r = try SitrepBinary.run(["analyze", examples, "--store", tmp.store])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Analysed 5 documents"))
    }

    /// Each process hashes with a new seed: output that followed hash order would differ between runs.
    @Test func analyzeGivesTheSameEventsEveryRun() throws {
        let first = try SitrepBinary.run(["analyze", examples, "--store", "memory:", "--format", "jsonl"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.isEmpty)
        for _ in 0..<2 {
            let again = try SitrepBinary.run(["analyze", examples, "--store", "memory:", "--format", "jsonl"])
            #expect(again.stdout == first.stdout)
        }
    }
}
