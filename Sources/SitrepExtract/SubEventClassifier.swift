import Foundation
import SitrepCore

/// A multiclass linear model (multinomial logistic regression or averaged perceptron) over string features that re-decides a text's ACLED sub-event type
/// from the rules' output and the text's words (`SubEventFeatures`). Trained by `train(_:options:)`,
/// stored as a TSV weight file (`feature<TAB>class<TAB>weight`, sorted) that `init(text:file:)` reads back.
public struct SubEventClassifier: Sendable {
    /// Training settings: the same examples, epochs and seed give the same weights.
    public struct Options: Sendable {
        /// How the weights are learned.
        public enum Learner: String, Sendable, CaseIterable {
            /// Multinomial logistic regression with L2 regularisation, trained by AdaGrad.
            case logistic
            /// The averaged perceptron.
            case perceptron
        }
        public var learner: Learner
        public var epochs: Int
        public var seed: UInt64
        /// L2 regularisation strength (logistic regression only).
        public var l2: Float
        /// Features seen in fewer training examples than this are left out.
        public var minCount: Int
        /// The score the rules' own answer (`Example.prior`) starts with: the perceptron learns corrections to the rules.
        public var priorWeight: Float
        public init(learner: Learner = .logistic, epochs: Int = 30, seed: UInt64 = 2021, priorWeight: Float = 6, l2: Float = 0.003,
                    minCount: Int = 1) {
            self.learner = learner; self.epochs = epochs; self.seed = seed; self.priorWeight = priorWeight; self.l2 = l2
            self.minCount = minCount
        }
    }

    /// One training example: a text's features and its gold label.
    public struct Example: Sendable {
        public var features: [String]
        public var label: String
        /// The rules' answer for this text, which starts `priorWeight` ahead.
        public var prior: String?
        public init(features: [String], label: String, prior: String? = nil) {
            self.features = features; self.label = label; self.prior = prior
        }
    }

    /// The labels the model can give, in a fixed (sorted) order.
    public let classes: [String]
    /// Weights per feature, one per class (in `classes` order).
    let weights: [String: [Float]]
    /// The head start of the rules' answer (`prior`) over the other classes.
    public let priorWeight: Float
    /// What the model was trained on, from the weight file's `# trained on:` line ("dev.tsv (509 snippets)").
    public let trainedOn: String?

    init(classes: [String], weights: [String: [Float]], priorWeight: Float, trainedOn: String?) {
        self.classes = classes; self.weights = weights; self.priorWeight = priorWeight; self.trainedOn = trainedOn
    }

    /// Each class's score for a feature list (features the model never saw add nothing), the rules'
    /// answer `prior` starting `priorWeight` ahead.
    public func scores(_ features: [String], prior: String? = nil) -> [Float] {
        var s = [Float](repeating: 0, count: classes.count)
        if let prior, let p = classes.firstIndex(of: prior) { s[p] = priorWeight }
        for f in features {
            guard let w = weights[f] else { continue }
            for c in 0..<s.count { s[c] += w[c] }
        }
        return s
    }

    /// The best-scoring class; ties go to the class first in `classes`. `nil` for a model with no classes.
    public func predict(_ features: [String], prior: String? = nil) -> String? {
        let s = scores(features, prior: prior)
        guard var best = s.indices.first else { return nil }
        for c in s.indices where s[c] > s[best] { best = c }
        return classes[best]
    }

    /// The number of features with a weight.
    public var featureCount: Int { weights.count }
}
