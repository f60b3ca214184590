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

    @Option(help: "Training passes.")
    var epochs: Int = SubEventClassifier.Options().epochs

    @Option(help: "Shuffling seed.")
    var seed: UInt64 = 2021

    @Option(help: "Head start of the rules' answer over the other classes (0: the rules are only a feature).")
    var priorWeight: Float = SubEventClassifier.Options().priorWeight

    @Option(help: "The learner: logistic (multinomial logistic regression) or perceptron (averaged perceptron).")
    var learner: SubEventClassifier.Options.Learner = SubEventClassifier.Options().learner

    @Option(help: "L2 regularisation of the logistic regression.")
    var l2: Float = SubEventClassifier.Options().l2

    @Option(help: "Leave out features seen in fewer training snippets than this.")
    var minCount: Int = SubEventClassifier.Options().minCount

    func validate() throws {
        if epochs <= 0 { throw ValidationError("--epochs must be positive.") }
    }

    func run() throws {
        do {
            let snippets = try EvalCase2021Command.read(file: file, withFeatures: true)
            let examples = snippets.map { SubEventClassifier.Example(features: $0.features, label: $0.gold, prior: $0.rules) }
            let name = "\(URL(fileURLWithPath: file).lastPathComponent) (\(examples.count) snippets)"
            let model = SubEventClassifier.train(examples, options: .init(learner: learner, epochs: epochs, seed: seed, priorWeight: priorWeight, l2: l2, minCount: minCount), trainedOn: name)
            let text = model.encoded(header: ["learner \(learner.rawValue), epochs \(epochs), seed \(seed), l2 \(l2), min count \(minCount); default feature groups; labels: the 25 ACLED sub-event types and \(EvalCase2021Command.none) (no ACLED event)"])
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw SitrepError(code: "usage.unwritableOutput", input: output, message: "cannot write the weights: \(error.localizedDescription)")
            }
            print("{\"snippets\":\(examples.count),\"features\":\(model.featureCount),\"classes\":\(model.classes.count),\"epochs\":\(epochs),\"seed\":\(seed),\"output\":\"\(output.jsonEscapedForEval)\"}")
        } catch let error as SitrepError {
            Console.error(error.description)
            throw ExitCode(error.isUsageError ? ExitStatus.usage : ExitStatus.rejected)
        }
    }
}
