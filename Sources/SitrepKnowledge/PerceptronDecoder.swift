/// Greedy left-to-right BIO decoding over a perceptron's scores: each token takes the best tag that
/// may follow the previous one (`I-X` only after `B-X`/`I-X`), with the two previous tags as features.
enum PerceptronDecoder {
    /// The history tag used before the first token.
    static let startTag = EntityTagIndex.count

    /// Tag indexes for the sentences of one document; `features[s]` holds `NERFeatures.staticCount`
    /// hashes per token of sentence `s`.
    static func decode(document features: [[UInt64]], model: PerceptronModel) -> [[Int]] {
        var memory = NERLabelMemory()
        return features.map { decode(features: $0, memory: &memory, model: model) }
    }

    static func decode(features: [UInt64], memory: inout NERLabelMemory, model: PerceptronModel) -> [Int] {
        let k = NERFeatures.staticCount
        let n = features.count / k
        let tags = model.tagCount
        var out = [Int](repeating: 0, count: n)
        var scores = [Float](repeating: 0, count: tags)
        var history = [UInt64](repeating: 0, count: NERFeatures.historyCount)
        var t1 = startTag, t2 = startTag
        for i in 0..<n {
            for t in 0..<tags { scores[t] = 0 }
            let base = i * k
            for j in 0..<k { model.add(features[base + j], to: &scores) }
            let word = features[base + 2]
            NERFeatures.historyFeatures(previous: t1, beforeThat: t2, lower: word, shortShape: features[base + 4],
                                        memory: memory.majority(word), into: &history)
            for h in history { model.add(h, to: &scores) }
            let best = argmax(scores, after: t1)
            out[i] = best
            t2 = t1; t1 = best
        }
        for i in 0..<n { memory.record(features[i * k + 2], tag: out[i]) }
        return out
    }

    @inline(__always)
    static func argmax(_ scores: [Float], after previous: Int) -> Int {
        var best = 0
        var bestScore = scores[0]
        for t in 1..<scores.count where scores[t] > bestScore && EntityTagIndex.allowed(t, after: previous) {
            best = t; bestScore = scores[t]
        }
        return best
    }
}
