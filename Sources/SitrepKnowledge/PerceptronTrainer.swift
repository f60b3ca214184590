import Foundation

/// Trains the recogniser's averaged perceptron on tagged sentences (CoNLL-2003 style).
public struct PerceptronTrainer {
    public struct Options: Sendable {
        public var epochs: Int
        /// Shuffling seed: the same data and seed give the same weights.
        public var seed: UInt64
        public init(epochs: Int = 10, seed: UInt64 = 2018) { self.epochs = epochs; self.seed = seed }
    }

    /// Per-epoch progress: epoch number, tokens tagged wrongly during the epoch, total tokens.
    public typealias Progress = (_ epoch: Int, _ errors: Int, _ tokens: Int) -> Void

    let options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Trains on documents of tagged sentences; `dictionary` supplies the optional dictionary atoms.
    func train(documents: [EntityCorpus.Document], dictionary: EntityDictionaryFeatures?,
               progress: Progress? = nil) -> PerceptronModel {
        let tags = EntityTagIndex.count
        // Static features and gold tags, sentence by sentence.
        var docs: [[(features: [UInt64], gold: [Int])]] = []
        for doc in documents {
            let words = doc.sentences.map { $0.map(\.word) }
            let feats = NERFeatures.staticFeatures(document: words, dictionary: dictionary?.atoms(words))
            var sentences: [(features: [UInt64], gold: [Int])] = []
            for (s, sentence) in doc.sentences.enumerated() where !sentence.isEmpty {
                sentences.append((feats[s], sentence.map { EntityTagIndex.index(of: $0.tag) }))
            }
            if !sentences.isEmpty { docs.append(sentences) }
        }
        let totalTokens = docs.reduce(0) { $0 + $1.reduce(0) { $0 + $1.gold.count } }
        var table = PerceptronFeatureTable(capacity: 1 << 20)
        var w: [Float] = []
        var u: [Double] = []
        w.reserveCapacity((1 << 20) * tags)
        u.reserveCapacity((1 << 20) * tags)
        var c: Double = 1
        var rng = SplitMix(state: options.seed)
        var order = Array(docs.indices)
        let k = NERFeatures.staticCount
        var scores = [Float](repeating: 0, count: tags)
        var history = [UInt64](repeating: 0, count: NERFeatures.historyCount)
        var rows = [Int32](repeating: -1, count: k + NERFeatures.historyCount)
        var hashes = [UInt64](repeating: 0, count: k + NERFeatures.historyCount)

        for epoch in 1...max(1, options.epochs) {
            // Fisher–Yates with a deterministic generator.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
            var errors = 0
            // Documents in shuffled order, sentences in reading order (the label memory runs through a document).
            for d in order {
              var memory = NERLabelMemory()
              for (features, gold) in docs[d] {
                var t1 = PerceptronDecoder.startTag, t2 = PerceptronDecoder.startTag
                var predictions = [Int](repeating: 0, count: gold.count)
                for i in 0..<gold.count {
                    let base = i * k
                    NERFeatures.historyFeatures(previous: t1, beforeThat: t2, lower: features[base + 2],
                                                shortShape: features[base + 4], memory: memory.majority(features[base + 2]),
                                                into: &history)
                    for j in 0..<k { hashes[j] = features[base + j] }
                    for j in 0..<history.count { hashes[k + j] = history[j] }
                    for t in 0..<tags { scores[t] = 0 }
                    w.withUnsafeBufferPointer { wp in
                        for (j, h) in hashes.enumerated() {
                            let r = table.row(h)
                            rows[j] = r
                            guard r >= 0 else { continue }
                            let b = Int(r) * tags
                            for t in 0..<tags { scores[t] += wp[b + t] }
                        }
                    }
                    let predicted = PerceptronDecoder.argmax(scores, after: t1)
                    let truth = gold[i]
                    if predicted != truth {
                        errors += 1
                        for (j, h) in hashes.enumerated() {
                            var r = rows[j]
                            if r < 0 {
                                let added = table.insert(h)
                                r = added.row
                                if added.isNew {
                                    w.append(contentsOf: repeatElement(0, count: tags))
                                    u.append(contentsOf: repeatElement(0, count: tags))
                                }
                            }
                            let b = Int(r) * tags
                            w[b + truth] += 1; u[b + truth] += c
                            w[b + predicted] -= 1; u[b + predicted] -= c
                        }
                    }
                    c += 1
                    predictions[i] = predicted
                    t2 = t1; t1 = predicted
                }
                for i in 0..<gold.count { memory.record(features[i * k + 2], tag: predictions[i]) }
              }
            }
            progress?(epoch, errors, totalTokens)
        }
        // Averaging: w̄ = w − u / c.
        var averaged = [Float](repeating: 0, count: w.count)
        for i in 0..<w.count { averaged[i] = Float(Double(w[i]) - u[i] / c) }
        return PerceptronModel(tagCount: tags, table: table, weights: averaged)
    }
}

/// A small deterministic generator (SplitMix64) for shuffling.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return NERFeatures.mix(state)
    }
}
