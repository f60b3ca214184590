import ArgumentParser
import Foundation
import SitrepCore
import SitrepIngest
import SitrepStore
import SitrepStoreSQLite

/// `sitrep bench …`: throughput figures on generated corpora. Run on a release build.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput on a generated corpus (use a release build: swift run -c release).",
        subcommands: [IngestBench.self, LanguageBench.self, LinkBench.self, BenchAnalyzeCommand.self])
}

/// Cleaning and store-write throughput.
struct IngestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Clean + store throughput over a generated corpus of invented articles.")

    @Option(help: "Corpus size in megabytes.")
    var megabytes: Int = 64

    @Option(help: "Documents per store transaction.")
    var batch: Int = 500

    func validate() throws {
        if megabytes <= 0 || batch <= 0 { throw ValidationError("--megabytes and --batch must be positive.") }
    }

    func run() throws {
        #if DEBUG
        Console.error("warning: this is a debug build; figures are meaningless. Use `swift run -c release sitrep bench ingest`.")
        #endif
        let articles = SyntheticCorpus.articles(totalBytes: megabytes << 20, seed: 42)
        let bytes = articles.reduce(0) { $0 + $1.utf8.count }
        let reader = DocumentReader()

        let cleanStart = Date()
        var documents: [Document] = []
        documents.reserveCapacity(articles.count)
        for (i, text) in articles.enumerated() {
            documents.append(reader.document(text: text, path: "bench/\(i).txt"))
        }
        let cleanSeconds = Date().timeIntervalSince(cleanStart)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("bench.sqlite").path)
        let storeStart = Date()
        var added = 0
        for start in stride(from: 0, to: documents.count, by: batch) {
            added += try store.save(Array(documents[start..<min(start + batch, documents.count)])).added.count
        }
        let storeSeconds = Date().timeIntervalSince(storeStart)

        let mb = Double(bytes) / 1_048_576
        print("corpus     \(articles.count) generated articles, \(String(format: "%.1f", mb)) MB")
        print("clean      \(String(format: "%.2f", cleanSeconds)) s  \(String(format: "%.1f", mb / cleanSeconds)) MB/s (one core)")
        print("store      \(String(format: "%.2f", storeSeconds)) s  \(String(format: "%.1f", mb / storeSeconds)) MB/s, "
              + "\(String(format: "%.0f", Double(added) / storeSeconds)) documents/s, batches of \(batch), \(added) stored")
        print("end to end \(String(format: "%.1f", mb / (cleanSeconds + storeSeconds))) MB/s")
    }
}
