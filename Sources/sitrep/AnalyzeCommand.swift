import ArgumentParser
import SitrepCore
import SitrepIngest
import SitrepStore

/// `sitrep analyze PATH...`: the main job. Ingests, then runs every pipeline stage built so far.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Ingest reports and print what Sitrep finds in them.",
        discussion: """
        PATH is a file, a folder (recursive) or - for standard input. Documents are stored in
        --store (default ./sitrep.sqlite) as by `sitrep ingest`; then each is analysed and a short
        briefing is printed: its date and how it was found, what cleaning removed, and what the
        language and knowledge layers found in it.
        """)

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String]

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Output format: text, json or jsonl.")
    var format: OutputFormat = .text

    @Option(help: "Refuse files larger than this many megabytes without reading them.")
    var maxFileMB: Int = 64

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file, folder or -.") }
        if maxFileMB <= 0 { throw ValidationError("--max-file-mb must be positive.") }
    }

    func run() throws {
        let store = try StoreFactory.open(storeOptions.store)
        let reader = DocumentReader(options: IngestOptions(maxFileBytes: maxFileMB << 20))
        let summary = try IngestRun(reader: reader, store: store).run(paths: paths, quiet: format != .text)
        let pipeline = try AnalysisPipeline.loadDefault()
        var reports: [DocumentAnalysis] = []
        for id in summary.documentIDs {
            guard let document = try store.document(id: id) else { continue }
            reports.append(pipeline.analyze(document))
        }
        switch format {
        case .text:
            for report in reports { print(report.briefing); print("") }
            print("Analysed \(Format.plural(reports.count, "document")): \(summary.line).")
        case .jsonl:
            for report in reports { print(try Console.json(report, pretty: false)) }
        case .json:
            print(try Console.json(reports, pretty: true))
        }
        if !summary.rejected.isEmpty { throw ExitCode(ExitStatus.rejected) }
    }
}
