import Foundation
import SitrepCore

extension SubEventClassifier {
    /// Trains a model on labelled examples; examples are visited in a seeded random order each epoch,
    /// so the same examples and options give the same weights.
    public static func train(_ examples: [Example], options: Options = Options(), trainedOn: String? = nil) -> SubEventClassifier {
        let data = EncodedExamples(examples, minCount: options.minCount)
        let k = data.classes.count
        var w: [Float]
        switch options.learner {
        case .perceptron: w = perceptron(data, options: options)
        case .logistic: w = logistic(data, options: options)
        }
        var weights: [String: [Float]] = [:]
        for (f, name) in data.names.enumerated() {
            let row = Array(w[(f * k)..<(f * k + k)])
            if row.contains(where: { abs($0) >= 1e-4 }) { weights[name] = row }
        }
        w = []
        return SubEventClassifier(classes: data.classes, weights: weights, priorWeight: options.priorWeight, trainedOn: trainedOn)
    }

    /// Examples with features as indexes (each feature once per example) and labels as class indexes.
    struct EncodedExamples {
        var classes: [String]
        var names: [String] = []
        var rows: [(features: [Int], label: Int, prior: Int?)] = []

        init(_ examples: [Example], minCount: Int) {
            classes = Array(Set(examples.map(\.label))).sorted()
            let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
            var featureIndex: [String: Int] = [:]
            var count: [String: Int] = [:]
            for ex in examples { for f in Set(ex.features) { count[f, default: 0] += 1 } }
            for ex in examples {
                var ids = Set<Int>()
                for f in ex.features where count[f]! >= minCount {
                    if let i = featureIndex[f] { ids.insert(i) } else {
                        featureIndex[f] = names.count; ids.insert(names.count); names.append(f)
                    }
                }
                rows.append((ids.sorted(), classIndex[ex.label]!, ex.prior.flatMap { classIndex[$0] }))
            }
        }
    }

    static func shuffle(_ order: inout [Int], _ rng: inout SplitMix64) {
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
    }

    /// Averaged perceptron weights, feature-major (`w[feature * classes + class]`).
    static func perceptron(_ data: EncodedExamples, options: Options) -> [Float] {
        let k = data.classes.count
        // w: current weights; u: the sum of update × time, for averaging as w − u / t.
        var w = [Float](repeating: 0, count: data.names.count * k)
        var u = w
        var t: Float = 1
        var rng = SplitMix64(seed: options.seed)
        var order = Array(data.rows.indices)
        var scores = [Float](repeating: 0, count: k)
        for _ in 0..<options.epochs {
            shuffle(&order, &rng)
            for e in order {
                let (features, gold, prior) = data.rows[e]
                for c in 0..<k { scores[c] = 0 }
                if let prior { scores[prior] = options.priorWeight }
                for f in features { for c in 0..<k { scores[c] += w[f * k + c] } }
                var guess = 0
                for c in 0..<k where scores[c] > scores[guess] { guess = c }
                if guess != gold {
                    for f in features {
                        w[f * k + gold] += 1; u[f * k + gold] += t
                        w[f * k + guess] -= 1; u[f * k + guess] -= t
                    }
                }
                t += 1
            }
        }
        for i in w.indices { w[i] -= u[i] / t }
        return w
    }

    /// Multinomial logistic regression weights by AdaGrad on the log loss plus `l2`·‖w‖²/2
    /// (the penalty applied to the features an example has, scaled by how often they occur).
    static func logistic(_ data: EncodedExamples, options: Options) -> [Float] {
        let k = data.classes.count
        var w = [Float](repeating: 0, count: data.names.count * k)
        var g2 = [Float](repeating: 1e-6, count: data.names.count * k)
        var frequency = [Float](repeating: 0, count: data.names.count)
        for row in data.rows { for f in row.features { frequency[f] += 1 } }
        let n = Float(max(data.rows.count, 1))
        let rate: Float = 0.5
        var rng = SplitMix64(seed: options.seed)
        var order = Array(data.rows.indices)
        var p = [Float](repeating: 0, count: k)
        for _ in 0..<options.epochs {
            shuffle(&order, &rng)
            for e in order {
                let (features, gold, prior) = data.rows[e]
                for c in 0..<k { p[c] = 0 }
                if let prior { p[prior] = options.priorWeight }
                for f in features { for c in 0..<k { p[c] += w[f * k + c] } }
                var top = p[0]
                for c in 1..<max(k, 1) where p[c] > top { top = p[c] }
                var sum: Float = 0
                for c in 0..<k { p[c] = (p[c] - top).exp; sum += p[c] }
                for c in 0..<k { p[c] /= sum }
                for f in features {
                    // Spread the penalty of all n examples over the examples that carry f.
                    let penalty = options.l2 * n / frequency[f]
                    for c in 0..<k {
                        let i = f * k + c
                        let g = p[c] - (c == gold ? 1 : 0) + penalty * w[i]
                        g2[i] += g * g
                        w[i] -= rate * g / g2[i].squareRoot()
                    }
                }
            }
        }
        return w
    }
}

private extension Float {
    var exp: Float { Float(Foundation.exp(Double(self))) }
}
