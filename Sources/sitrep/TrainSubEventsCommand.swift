import ArgumentParser
import Foundation
import SitrepCore
import SitrepExtract

/// `sitrep train subevents FILE.tsv --output PATH`: the ACLED sub-event classifier (logistic regression by default),
/// trained on CASE 2021 Task 2 snippets (`id<TAB>EventSnippet<TAB>SubType`).
struct TrainSubEventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subevents",
        abstract: "Train the ACLED sub-event classifier on CASE 2021 Task 2 snippets and write its weight file.",
        discussion: """
        The classifier re-decides a text's ACLED sub-event type from the rules' output (main event type,
        mode, trigger, certainty, other events), cue classes (subevent-cues.tsv) and the text's words.
        Score it honestly with `sitrep eval case2021 FILE --cross-validate 10`: a model trained on a file
        and scored on the same file gives training-set figures (the weight file records what it was trained on).
        """)

    @Argument(help: "A TSV file: id, EventSnippet, SubType (a header line is skipped).")
    var file: String

    @Option(help: "Where to write the weights (TSV).")
    var output: String

    @Option(help: "Train on the even or the odd data rows only (score the other half with `eval case2021 --split … --model`).")
    var split: EvalCase2021Command.Split?

    @OptionGroup var training: SubEventLearnerOptions

    func run() throws {
        do {
            var snippets = try EvalCase2021Command.read(file: file, withFeatures: true)
            if let split { snippets = snippets.filter { split.contains(row: $0.row) } }
            let examples = snippets.map { SubEventClassifier.Example(features: $0.features, label: $0.gold, prior: $0.rules) }
            let name = "\(URL(fileURLWithPath: file).lastPathComponent) (\(split.map { "\($0.rawValue) rows, " } ?? "")\(examples.count) snippets)"
            let model = SubEventClassifier.train(examples, options: training.options, trainedOn: name)
            let text = model.encoded(header: ["learner \(training.learner.rawValue), epochs \(training.epochs), seed \(training.seed), l2 \(training.l2), min count \(training.minCount); default feature groups; labels: the 25 ACLED sub-event types and \(EvalCase2021Command.none) (no ACLED event)"])
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw SitrepError(code: "usage.unwritableOutput", input: output, message: "cannot write the weights: \(error.localizedDescription)")
            }
            print("{\"snippets\":\(examples.count),\"features\":\(model.featureCount),\"classes\":\(model.classes.count),\"epochs\":\(training.epochs),\"seed\":\(training.seed),\"output\":\"\(output.jsonEscapedForEval)\"}")
        } catch let error as SitrepError {
            Console.error(error.description)
            throw ExitCode(error.isUsageError ? ExitStatus.usage : ExitStatus.rejected)
        }
    }
}
