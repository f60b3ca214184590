import ArgumentParser
import Foundation
import SitrepCore
import SitrepIngest
import SitrepKnowledge

/// `sitrep bench analyze`: clean + language + knowledge + extraction over a generated corpus, streamed
/// in chunks (no document is kept after it is analysed), on one core.
struct BenchAnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Clean + language + knowledge + extraction throughput (MB/s per core) and peak memory.")

    @Option(help: "Corpus size in megabytes.")
    var megabytes: Int = 64

    func validate() throws {
        if megabytes <= 0 { throw ValidationError("--megabytes must be positive.") }
    }

    func run() throws {
        #if DEBUG
        Console.error("warning: this is a debug build; figures are meaningless. Use `swift build -c release` and .build/release/sitrep bench analyze.")
        #endif
        let loadStart = Date()
        let pipeline = try AnalysisPipeline.loadDefault()
        let reader = DocumentReader()
        // One article analysed before timing, counted as load: lazily built tables (the recogniser's
        // place list, case-folding tables) are made on first use and would otherwise land in the first stage that uses them.
        for text in SyntheticCorpus.articles(totalBytes: 1, seed: 1) {
            let document = reader.document(text: text, path: "bench/warm-up.txt")
            _ = pipeline.mentions(in: document)
        }
        // The second tier of small towns is loaded on the first name that may need it, which the warm-up
        // article may not have: load it here so that its one-off cost is not timed as knowledge.
        _ = SmallPlaces.loadDefault()
        let loadSeconds = Date().timeIntervalSince(loadStart)
        var bytes = 0, documents = 0, mentions = 0
        var clean = 0.0, language = 0.0, knowledge = 0.0, extraction = 0.0
        // Thread CPU time per stage too: on a machine shared with other jobs, wall time also counts waiting.
        var cpu = (clean: 0.0, language: 0.0, knowledge: 0.0, extraction: 0.0)
        let memoryBefore = Self.residentMegabytes()
        var memoryHalf = 0.0
        var chunk: UInt64 = 0
        let chunkBytes = 1 << 20
        while bytes < megabytes << 20 {
            // Generated one megabyte at a time and dropped after analysis: memory stays flat in corpus size.
            let articles = SyntheticCorpus.articles(totalBytes: chunkBytes, seed: 42 &+ chunk)
            chunk += 1
            for (i, text) in articles.enumerated() {
                bytes += text.utf8.count
                var t = Date(), c = Self.threadSeconds()
                let document = reader.document(text: text, path: "bench/\(chunk)-\(i).txt")
                clean += Date().timeIntervalSince(t); t = Date()
                var c2 = Self.threadSeconds(); cpu.clean += c2 - c; c = c2
                let lang = pipeline.languageAnnotations(document)
                language += Date().timeIntervalSince(t); t = Date()
                c2 = Self.threadSeconds(); cpu.language += c2 - c; c = c2
                let know = pipeline.knowledgeAnnotations(document, language: lang)
                knowledge += Date().timeIntervalSince(t); t = Date()
                c2 = Self.threadSeconds(); cpu.knowledge += c2 - c; c = c2
                mentions += pipeline.extractor.extract(document: document, language: lang, knowledge: know).count
                extraction += Date().timeIntervalSince(t)
                cpu.extraction += Self.threadSeconds() - c
                documents += 1
            }
            if memoryHalf == 0, bytes >= (megabytes << 20) / 2 { memoryHalf = Self.residentMegabytes() }
        }
        let mb = Double(bytes) / 1_048_576
        let total = clean + language + knowledge + extraction
        func line(_ name: String, _ s: Double, _ c: Double) -> String {
            "\(name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(String(format: "%7.2f", s)) s  \(String(format: "%8.1f", mb / s)) MB/s"
                + "   thread CPU \(String(format: "%7.2f", c)) s  \(String(format: "%8.1f", mb / c)) MB/s"
        }
        print("corpus      \(documents) generated articles, \(String(format: "%.1f", mb)) MB, streamed in 1 MB chunks, one core")
        print("load        \(String(format: "%.2f", loadSeconds)) s (data files, gazetteer, actor dictionary, one warm-up article)")
        print(line("clean", clean, cpu.clean))
        print(line("language", language, cpu.language))
        print(line("knowledge", knowledge, cpu.knowledge))
        print(line("extraction", extraction, cpu.extraction))
        print(line("end to end", total, cpu.clean + cpu.language + cpu.knowledge + cpu.extraction))
        print("mentions    \(mentions) (\(String(format: "%.1f", Double(mentions) / Double(max(documents, 1)))) per document)")
        print("memory      resident \(String(format: "%.0f", memoryBefore)) MB after load, \(String(format: "%.0f", memoryHalf)) MB at half, "
              + "\(String(format: "%.0f", Self.residentMegabytes())) MB at end, peak \(String(format: "%.0f", Self.peakMegabytes())) MB")
    }

    /// CPU time this thread has used (Linux CLOCK_THREAD_CPUTIME_ID).
    static func threadSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Current resident set size (Linux /proc; 0 elsewhere).
    static func residentMegabytes() -> Double { statusField("VmRSS:") }
    /// Peak resident set size.
    static func peakMegabytes() -> Double { statusField("VmHWM:") }

    static func statusField(_ name: String) -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix(name) {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
}
