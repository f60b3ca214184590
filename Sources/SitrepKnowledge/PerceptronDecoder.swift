/// Greedy left-to-right BIO decoding over a perceptron's scores: each token takes the best tag that
/// may follow the previous one (`I-X` only after `B-X`/`I-X`), with the two previous tags as features.
enum PerceptronDecoder {
    /// The history tag used before the first token.
    static let startTag = EntityTagIndex.count

    /// Tag indexes for one sentence; `features` holds `NERFeatures.staticCount` hashes per token.
    static func decode(features: [UInt64], tokenCount n: Int, model: PerceptronModel) -> [Int] {
        let k = NERFeatures.staticCount
        let tags = model.tagCount
        var out = [Int](repeating: 0, count: n)
        var scores = [Float](repeating: 0, count: tags)
        var history = [UInt64](repeating: 0, count: NERFeatures.historyCount)
        var t1 = startTag, t2 = startTag
        for i in 0..<n {
            for t in 0..<tags { scores[t] = 0 }
            let base = i * k
            for j in 0..<k { model.add(features[base + j], to: &scores) }
            NERFeatures.historyFeatures(previous: t1, beforeThat: t2, lower: features[base + 2],
                                        shortShape: features[base + 4], into: &history)
            for h in history { model.add(h, to: &scores) }
            let best = argmax(scores, after: t1)
            out[i] = best
            t2 = t1; t1 = best
        }
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
