import ArgumentParser
import Foundation
import SitrepCore
import SitrepKnowledge

/// `sitrep train …`: build the learned models shipped as data files.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the learned models shipped as data files (use a release build).",
        subcommands: [TrainNERCommand.self, TrainSubEventsCommand.self])
}

/// `sitrep train ner FILE --output PATH`: the named-entity recogniser's averaged perceptron.
struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train the named-entity recogniser on a CoNLL-2003 training file and write its weights.",
        discussion: """
        The shipped weights were made with:
          swift build -c release
          .build/release/sitrep train ner ../shared/data/eval/conll2003/conllpp_train.txt \\
            --output Sources/SitrepKnowledge/Resources/ner-weights.bin
        Train on the training split only; choose settings on the dev split, report on another.
        """)

    @Argument(help: "CoNLL-2003 training file.")
    var file: String

    @Option(help: "Where to write the weights.")
    var output: String

    @Option(help: "Passes over the training data.")
    var epochs: Int = 20

    @Option(help: "Leave out features whose averaged weights are all below this magnitude.")
    var prune: Float = 0.5

    @Option(help: "Shuffling seed.")
    var seed: UInt64 = 2018

    func validate() throws {
        if epochs <= 0 { throw ValidationError("--epochs must be positive.") }
        if prune < 0 { throw ValidationError("--prune must not be negative.") }
    }

    func run() throws {
        #if DEBUG
        Console.error("warning: this is a debug build; training is many times slower than with `swift build -c release`.")
        #endif
        do {
            let corpus = try EntityCorpus(contentsOf: URL(fileURLWithPath: file))
            Console.error("\(file): \(corpus.documents.count) documents, \(corpus.sentenceCount) sentences, \(corpus.tokenCount) tokens")
            let start = Date()
            let recogniser = try EntityRecognizer.train(on: corpus, options: .init(epochs: epochs, seed: seed)) { epoch, errors, tokens in
                Console.error("epoch \(epoch): \(errors) of \(tokens) tokens wrong (\(String(format: "%.2f", 100 * Double(errors) / Double(max(tokens, 1))))%), \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
            }
            let data = recogniser.weightFile(pruneBelow: prune)
            do { try data.write(to: URL(fileURLWithPath: output)) } catch {
                throw SitrepError(code: "usage.unwritableOutput", input: output, message: "cannot write the weights: \(error.localizedDescription)")
            }
            let seconds = Date().timeIntervalSince(start)
            print("{\"epochs\":\(epochs),\"prune\":\(prune),\"seconds\":\(String(format: "%.1f", seconds)),\"bytes\":\(data.count),\"output\":\"\(output.jsonEscapedForEval)\"}")
        } catch let error as SitrepError {
            Console.error(error.description)
            throw ExitCode(error.isUsageError ? ExitStatus.usage : ExitStatus.rejected)
        }
    }
}
