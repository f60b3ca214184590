import ArgumentParser
import Foundation
import SitrepCore

/// The `sitrep` command: news reports about armed conflict in, a dated, sourced event log out.
struct Sitrep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Turn news reports about armed conflict into a searchable, dated, sourced event log.",
        discussion: """
        Start with `sitrep analyze examples/`: it reads every .txt and .jsonl file in the folder, cleans each article (page furniture, repeated paragraphs, captions), finds its publication date, extracts every reported event (what, who, how many, where, when, on whose word), links the reports of one event across outlets, stores everything in ./sitrep.sqlite and prints the canonical events.

        Then `sitrep events --type transfer --since 2018-07-01` lists stored events, `sitrep show ev_…` shows one with every report's evidence, why they were merged and where sources contradict each other, and `sitrep documents --text "safe passage"` searches the stored articles.

        Every command takes --store: sqlite:PATH (default ./sitrep.sqlite) or memory:. Exit status: 0 all good, 1 some inputs were rejected, 2 usage error.
        """,        version: "0.1.0",
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
