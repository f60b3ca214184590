import ArgumentParser
import SitrepCore
import SitrepIngest

/// `sitrep ingest PATH...`: store documents only.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read, clean and store documents (no extraction).",
        discussion: """
        PATH is a .txt or .jsonl file, a folder (read recursively: .txt, .text, .jsonl) or - for
        standard input. The same article twice is stored once. A line per rejected input names the
        file (and line); the rest of the batch is stored and the exit status is 1.
        """)

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String]

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Refuse files larger than this many megabytes without reading them.")
    var maxFileMB: Int = 64

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file, folder or -.") }
        if maxFileMB <= 0 { throw ValidationError("--max-file-mb must be positive.") }
    }

    func run() throws {
        let store = try StoreFactory.open(storeOptions.store)
        let reader = DocumentReader(options: IngestOptions(maxFileBytes: maxFileMB << 20))
        let summary = try IngestRun(reader: reader, store: store).run(paths: paths, quiet: quiet)
        if !quiet { print("Stored \(summary.line) (\(storeOptions.store)).") }
        if !summary.rejected.isEmpty { throw ExitCode(ExitStatus.rejected) }
    }
}
