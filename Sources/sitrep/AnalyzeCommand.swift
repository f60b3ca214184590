import ArgumentParser
import SitrepCore
import SitrepIngest
import SitrepExtract
import SitrepStore
import SitrepStoreSQLite

/// `sitrep analyze PATH...`: the main job. Ingests, then runs every pipeline stage built so far.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Ingest reports and print what Sitrep finds in them.",
        discussion: """
        PATH is a file, a folder (recursive) or - for standard input. Documents are stored in --store (default ./sitrep.sqlite) as by `sitrep ingest`; each is then read for events (type, actors and their roles, counts, places with coordinates, the date it happened, the source it rests on and how firmly), and the mentions are linked with every event already in the store. It prints the canonical events this run touched: a short briefing each on a terminal, or CONTRACT.md's event records with --format json or jsonl. --mentions prints each document's mentions before linking instead.
        """)

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String]

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Output format: text, json or jsonl.")
    var format: OutputFormat = .text

    @Flag(help: "Print every event mention found in each document (one event record per mention), before linking.")
    var mentions = false

    @Option(help: "Refuse files larger than this many megabytes without reading them.")
    var maxFileMB: Int = 64

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file, folder or -.") }
        if maxFileMB <= 0 { throw ValidationError("--max-file-mb must be positive.") }
    }

    func run() throws {
        let store = try StoreFactory.openLinked(storeOptions.store)
        let reader = DocumentReader(options: IngestOptions(maxFileBytes: maxFileMB << 20))
        let summary = try IngestRun(reader: reader, store: store).run(paths: paths, quiet: format != .text)
        let pipeline = try AnalysisPipeline.loadDefault()
        if mentions {
            try printMentions(ids: summary.documentIDs, store: store, pipeline: pipeline)
            if !summary.rejected.isEmpty { throw ExitCode(ExitStatus.rejected) }
            return
        }
        let events = try extractAndLink(ids: summary.documentIDs, store: store, pipeline: pipeline)
        switch format {
        case .text:
            print(try LinkStage.render(events, format: .text, labels: EventBriefing.labels(for: events, store: store)))
            print("")
            print("Analysed \(Format.plural(summary.documentIDs.count, "document")): \(summary.line).")
        case .json, .jsonl:
            print(try LinkStage.render(events, format: format))
        }
        if !summary.rejected.isEmpty { throw ExitCode(ExitStatus.rejected) }
    }

    /// Extracts mentions document by document and links them in batches (memory stays flat on long
    /// runs); returns the canonical events that hold any of this run's mentions, read back once at
    /// the end so each is printed once, in its final form, in date order.
    func extractAndLink(ids: [String], store: SQLiteStore, pipeline: AnalysisPipeline,
                        batchSize: Int = 200) throws -> [StoredEvent] {
        let link = try LinkStage.loadDefault()
        let progress = ProgressLine(totalBytes: 0, enabled: format == .text && Console.stderrIsTerminal)
        var touchedMentions: [String] = []
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(start + batchSize, ids.count)])
            var found: [EventMention] = []
            for id in batch {
                guard let document = try store.document(id: id) else { continue }
                found += pipeline.mentions(in: document)
                progress.advance(bytes: document.text.utf8.count)
            }
            touchedMentions += found.map(\.id)
            try link.linkAndStore(store: store, newMentions: found, analysedDocuments: batch)
            start += batchSize
        }
        progress.finish()
        let events = try store.eventIDs(holdingMentions: touchedMentions).compactMap { try store.event(id: $0) }
        return events.sorted { a, b in
            let da = a.record.date?.start.iso ?? "9999", db = b.record.date?.start.iso ?? "9999"
            return da != db ? da < db : a.record.id < b.record.id
        }
    }
}

extension AnalyzeCommand {
    /// `--mentions`: each mention as the contract's event record with one mention (json / jsonl), or as a
    /// short text block with its evidence sentence and the source it rests on.
    func printMentions(ids: [String], store: some DocumentStore, pipeline: AnalysisPipeline) throws {
        var all: [EventRecord] = []
        var total = 0
        for id in ids {
            guard let document = try store.document(id: id) else { continue }
            let found = pipeline.mentions(in: document)
            total += found.count
            switch format {
            case .jsonl:
                for m in found { print(try Console.json(m.record(), pretty: false)) }
            case .json:
                all += found.map { $0.record() }
            case .text:
                print("\(document.id)  \(document.title ?? "(no title)")")
                for m in found { print(MentionText.block(m)) }
                print("")
            }
        }
        if format == .json { print(try Console.json(all, pretty: true)) }
        if format == .text { print("Found \(Format.plural(total, "event mention")) in \(Format.plural(ids.count, "document")).") }
    }
}

/// The text form of one mention: what, when, where, on whose word, and the sentence it rests on.
enum MentionText {
    static func block(_ m: EventMention) -> String {
        var lines: [String] = []
        let mode = m.mode.map { "/\($0.rawValue)" } ?? ""
        lines.append("  [\(m.type.rawValue)\(mode)] \(EventSummary.text(m))")
        var facts: [String] = []
        if let d = m.date {
            let when = d.start == d.end ? d.start.iso : "\(d.start.iso) … \(d.end.iso)"
            facts.append("date \(when)" + (d.text.map { " (\"\($0)\")" } ?? " (before publication)"))
        } else {
            facts.append("date unknown")
        }
        facts.append("certainty \(m.certainty.rawValue)")
        if m.background { facts.append("background") }
        lines.append("    " + facts.joined(separator: " · "))
        lines.append("    source: " + (m.attributedTo.map { "\($0)" + (m.attributedToID.map { " [\($0)]" } ?? "") } ?? "the outlet itself"))
        for r in m.relations { lines.append("    \(r.relation.rawValue) → \(r.target)") }
        lines.append("    evidence [\(m.evidence.start)..<\(m.evidence.end)]: \(m.evidence.text)")
        return lines.joined(separator: "\n")
    }
}
