import ArgumentParser
import SitrepExtract

/// The ACLED sub-event classifier's training settings, shared by `sitrep train subevents` and
/// `sitrep eval case2021 --cross-validate K`.
struct SubEventLearnerOptions: ParsableArguments {
    @Option(help: "Seed for the folds and the training order.")
    var seed: UInt64 = 2021

    @Option(help: "Head start of the rules' answer over the other classes (0: the rules are only a feature).")
    var priorWeight: Float = SubEventClassifier.Options().priorWeight

    @Option(help: "The learner: logistic (multinomial logistic regression) or perceptron (averaged perceptron).")
    var learner: SubEventClassifier.Options.Learner = SubEventClassifier.Options().learner

    @Option(help: "L2 regularisation of the logistic regression.")
    var l2: Float = SubEventClassifier.Options().l2

    @Option(help: "Leave out features seen in fewer training snippets than this.")
    var minCount: Int = SubEventClassifier.Options().minCount

    @Option(help: "Training passes of the classifier.")
    var epochs: Int = SubEventClassifier.Options().epochs

    func validate() throws {
        if epochs <= 0 { throw ValidationError("--epochs must be positive.") }
    }

    /// The classifier's options with these settings.
    var options: SubEventClassifier.Options {
        .init(learner: learner, epochs: epochs, seed: seed, priorWeight: priorWeight, l2: l2, minCount: minCount)
    }
}

extension SubEventClassifier.Options.Learner: ExpressibleByArgument {}
