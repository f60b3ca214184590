import SitrepCore

/// K-fold cross-validation for the sub-event classifier: every example is predicted by a model that
/// was not trained on it. Folds are stratified by label and deterministic for a seed.
public enum CrossValidation {
    /// The fold (0..<k) of each example: each label's examples are shuffled with `SplitMix64(seed:)`
    /// and dealt round-robin, continuing where the previous label stopped, so folds differ in size by at most one.
    public static func folds(labels: [String], k: Int, seed: UInt64) -> [Int] {
        precondition(k >= 2, "cross-validation needs at least two folds")
        var byLabel: [String: [Int]] = [:]
        for (i, l) in labels.enumerated() { byLabel[l, default: []].append(i) }
        var rng = SplitMix64(seed: seed)
        var fold = [Int](repeating: 0, count: labels.count)
        var next = 0
        for label in byLabel.keys.sorted() {
            var members = byLabel[label]!
            for i in stride(from: members.count - 1, to: 0, by: -1) { members.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            for m in members { fold[m] = next % k; next += 1 }
        }
        return fold
    }

    /// Out-of-fold predictions: for each fold, a classifier trained on the other folds predicts its examples.
    public static func predictions(_ examples: [SubEventClassifier.Example], k: Int, seed: UInt64,
                                   options: SubEventClassifier.Options = .init()) -> [String] {
        let fold = folds(labels: examples.map(\.label), k: k, seed: seed)
        var out = [String](repeating: "", count: examples.count)
        for f in 0..<k {
            let training = examples.indices.filter { fold[$0] != f }.map { examples[$0] }
            let model = SubEventClassifier.train(training, options: options)
            for i in examples.indices where fold[i] == f { out[i] = model.predict(examples[i].features, prior: examples[i].prior) ?? "" }
        }
        return out
    }
}
