import ArgumentParser

/// `sitrep eval …`: accuracy on public evaluation sets; each prints one JSON object as its last line.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure accuracy on evaluation sets (one JSON object on the last line).",
        subcommands: [EvalTimeMLCommand.self, EvalGeoparseCommand.self, EvalConllCommand.self, EvalActorsCommand.self, EvalCase2021Command.self, EvalClustersCommand.self])
}
