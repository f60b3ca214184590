import SitrepLanguage

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

    /// The text of a sentence's tokens (`tokens[i]` is token `i` of the sentence), for completing light atoms.
    struct SentenceWords {
        let text: UnsafePointer<UInt8>
        let tokens: UnsafePointer<Token>

        @inline(__always)
        func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let r = tokens[i].range
            return UnsafeBufferPointer(start: text + Int(r.start), count: Int(r.end - r.start))
        }
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
        var atoms = sentence
        var out = [Int](repeating: 0, count: atoms.count)
        let marks = dictionary ?? []
        atoms.withUnsafeMutableBufferPointer { a in
            marks.withUnsafeBufferPointer { m in
                out.withUnsafeMutableBufferPointer { o in
                    tag(sentence: a, words: nil, marks: dictionary == nil ? nil : m, facts: facts, memory: &memory, cache: &cache,
                        weights: weights, connectors: connectors, into: o.baseAddress!)
                }
            }
        }
        return out
    }

    /// `tag(sentence:dictionary:…)` over buffers, writing the tag indexes to `out`. Atoms that are not
    /// `complete` (`NERFeatures.asciiLightAtoms`) are completed from `words` (each token's ASCII bytes)
    /// when the token is scored: the tokens passed over unscored never need their affixes or shapes.
    static func tag(sentence atoms: UnsafeMutableBufferPointer<NERFeatures.Atoms>, words: SentenceWords?,
                    marks: UnsafeBufferPointer<UInt64>?, facts: NERFeatures.DocumentFacts,
                    memory: inout NERLabelMemory, cache: inout NERWordScoreCache, weights: PerceptronWeightTable,
                    connectors: EntityNameConnectors?, into out: UnsafeMutablePointer<Int>) {
        let n = atoms.count
        for i in 0..<n { out[i] = 0 }
        guard n > 0 else { return }
        let k = NERFeatures.staticCount
        let headline: UInt64 = NERFeatures.isHeadline(UnsafeBufferPointer(atoms)) ? 1 : 0
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: k + NERFeatures.historyCount) { f in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 16) { scores in
                let f = f.baseAddress!, scores = scores.baseAddress!
                let view = UnsafeBufferPointer(atoms)
                var t1 = startTag, t2 = startTag
                for i in 0..<n {
                    let light = atoms[i]
                    if (t1 == 0 || t1 == startTag) ? light.cannotStart : light.lowercaseWord && !(connectors?.contains(light) ?? true) {
                        t2 = t1; t1 = 0
                        continue
                    }
                    if !light.complete, let words { NERFeatures.completeASCII(&atoms[i], words.bytes(i)) }
                    let a = atoms[i]
                    cache.scores(a, first: i == 0 ? 1 : 0, headline: headline, facts: facts, weights: weights,
                                 scratch: f, into: scores)
                    NERFeatures.contextFeatures(view, i, marks: marks, into: f)
                    let word = NERFeatures.feature(3, a.lower)
                    NERFeatures.historyFeatures(previous: t1, beforeThat: t2, lower: word, shortShape: NERFeatures.feature(5, a.shortShape),
                                                memory: memory.majority(word), into: f + (k - NERFeatures.wordCount))
                    weights.add(f, count: k - NERFeatures.wordCount + NERFeatures.historyCount, to: scores)
                    let best = argmax(scores, after: t1)
                    out[i] = best
                    t2 = t1; t1 = best
                }
            }
        }
        // The sentence's names join the label memory after it is tagged.
        for i in 0..<n where out[i] > 0 { memory.record(NERFeatures.feature(3, atoms[i].lower), tag: out[i]) }
    }
}
