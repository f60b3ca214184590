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

    @inline(__always)
    static func argmax(_ scores: UnsafePointer<Int32>, after previous: Int) -> Int {
        var best = 0
        var bestScore = scores[0]
        for t in 1..<EntityTagIndex.count where scores[t] > bestScore && EntityTagIndex.allowed(t, after: previous) {
            best = t; bestScore = scores[t]
        }
        return best
    }

    /// Tag indexes for one sentence of a document, computing features only where the model is asked:
    /// after an `O` (or at the start), a token that `cannotStart` a name is `O` without scoring, so a
    /// sentence with no capitalised word costs no weight lookups; after a name, a lowercase word that is
    /// not one of the `connectors` ("of", "de", "bin") is `O` without scoring (none given: all scored); a word type's own features are scored
    /// once per document (`cache`). The same features and decisions as
    /// `decode(features:memory:model:)` otherwise, over the quantised weights.
    static func tag(sentence: [NERFeatures.Atoms], dictionary: [UInt64]?, facts: NERFeatures.DocumentFacts,
                    memory: inout NERLabelMemory, cache: inout NERWordScoreCache, weights: PerceptronWeightTable,
                    connectors: EntityNameConnectors? = nil) -> [Int] {
        let n = sentence.count
        var out = [Int](repeating: 0, count: n)
        guard n > 0 else { return out }
        let k = NERFeatures.staticCount
        let headline: UInt64 = NERFeatures.isHeadline(sentence) ? 1 : 0
        var seen: [(word: UInt64, tag: Int)] = []
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: k + NERFeatures.historyCount) { f in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 16) { scores in
                let f = f.baseAddress!, scores = scores.baseAddress!
                sentence.withUnsafeBufferPointer { atoms in
                    var t1 = startTag, t2 = startTag
                    for i in 0..<n {
                        let a = atoms[i]
                        if (t1 == 0 || t1 == startTag) ? a.cannotStart : a.lowercaseWord && !(connectors?.contains(a) ?? true) {
                            t2 = t1; t1 = 0
                            continue
                        }
                        cache.scores(a, first: i == 0 ? 1 : 0, headline: headline, facts: facts, weights: weights,
                                     scratch: f, into: scores)
                        NERFeatures.contextFeatures(atoms, i, dictionary: dictionary, into: f)
                        let word = NERFeatures.feature(3, a.lower)
                        NERFeatures.historyFeatures(previous: t1, beforeThat: t2, lower: word, shortShape: NERFeatures.feature(5, a.shortShape),
                                                    memory: memory.majority(word), into: f + (k - NERFeatures.wordCount))
                        weights.add(f, count: k - NERFeatures.wordCount + NERFeatures.historyCount, to: scores)
                        let best = argmax(scores, after: t1)
                        out[i] = best
                        if best > 0 { seen.append((word, best)) }
                        t2 = t1; t1 = best
                    }
                }
            }
        }
        for s in seen { memory.record(s.word, tag: s.tag) }
        return out
    }
}
