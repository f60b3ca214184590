import ArgumentParser
import Foundation
import SitrepCore

/// The `sitrep` command: news reports about armed conflict in, a dated, sourced event log out.
struct Sitrep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Turn news reports about armed conflict into a searchable, dated, sourced event log.",
        discussion: """
        Start with `sitrep analyze examples/`: it reads every .txt and .jsonl file in the folder,
        cleans each article (page furniture, repeated paragraphs, captions), finds its publication
        date, stores it in ./sitrep.sqlite and prints what it found.

        Then `sitrep documents` lists what is stored, `sitrep documents --text "safe passage"`
        searches it, and `sitrep show doc_…` shows one document with what cleaning removed.

        Every command takes --store: sqlite:PATH (default ./sitrep.sqlite) or memory:.
        Exit status: 0 all good, 1 some inputs were rejected, 2 usage error.
        """,
        version: "0.1.0",
        subcommands: [AnalyzeCommand.self, IngestCommand.self, DocumentsCommand.self, EventsCommand.self, ShowCommand.self,
                      EvalCommand.self, BenchCommand.self, TrainCommand.self]
    )
}

/// Options every command that touches the store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Where documents and events are kept: sqlite:PATH, memory:.",
        valueName: "url"))
    var store: String = "sqlite:./sitrep.sqlite"
}

/// How a command prints its results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}
