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
        let allowed = allowedTags.withUnsafeBufferPointer { $0[previous] }
        var best = 0
        var bestScore = scores[0]
        for t in 1..<EntityTagIndex.count where scores[t] > bestScore && allowed & (1 &<< UInt16(t)) != 0 {
            best = t; bestScore = scores[t]
        }
        return best
    }

    /// `NERFeatures.feature(42, t)` for each previous tag `t` (and the start): the first half of the
    /// previous-tag-and-word feature, multiplied as `NERFeatures.scaled` does.
    static let previousTagHalves: [UInt64] = (0...startTag).map { NERFeatures.scaled(NERFeatures.feature(42, UInt64($0))) }

    /// `argmax(_:allowed:tagCount:)` for the tags that may follow `previous` (`EntityTagIndex.allowed`), read
    /// from `s` (tags 0…8): `O` and the four `B-` tags always take part, an `I-` tag only after its label's
    /// `B-` or `I-`. Ties go to the lowest tag, as in the loop: the `B-` tags are compared in order, then
    /// the one `I-` tag that may follow wins on a larger score, or on an equal one when it comes first.
    @inline(__always)
    static func argmax(_ s: UnsafePointer<Int32>, previous: Int) -> Int {
        var best = 0, top = s[0]
        @inline(__always) func take(_ t: Int) { let v = s[t]; if v > top { best = t; top = v } }
        take(1); take(3); take(5); take(7)
        // After B-X (1 + 2X) or I-X (2 + 2X), tags 1…8, I-X may follow; after O or the start, no I- tag.
        if UInt(bitPattern: previous &- 1) < 8 {
            let inside = (previous &+ 1) & ~1
            let v = s[inside]
            if v > top || (v == top && inside < best) { best = inside }
        }
        return best
    }

    /// `argmax(_:after:)` given the previous tag's `allowedTags` mask and `EntityTagIndex.count`.
    @inline(__always)
    static func argmax(_ scores: UnsafePointer<Int32>, allowed: UInt16, tagCount: Int) -> Int {
        var best = 0
        var bestScore = scores[0]
        for t in 1..<tagCount where scores[t] > bestScore && allowed & (1 &<< UInt16(t)) != 0 {
            best = t; bestScore = scores[t]
        }
        return best
    }

    /// `argmax(_:allowed:tagCount:)` over a score vector (tags in lanes 0…8, the other lanes ignored):
    /// the lanes that may not follow (`allowedLanes[previous]`: all ones for `O` and each allowed tag)
    /// are set to `Int32.min` (`fill`), then the first lane holding the largest value wins, as in the
    /// scalar loop (lane 0 always takes part, so an all-`Int32.min` vector gives `O`). One masking and
    /// eight compare-and-moves instead of a loop testing each tag's bit.
    @inline(__always)
    static func argmax(_ v: SIMD16<Int32>, lanes: SIMD16<Int32>, fill: SIMD16<Int32>) -> Int {
        let m = (v & lanes) | fill
        var best = 0, top = m[0]
        @inline(__always) func take(_ t: Int) { let s = m[t]; if s > top { best = t; top = s } }
        take(1); take(2); take(3); take(4); take(5); take(6); take(7); take(8)
        return best
    }

    /// Per previous tag and the start: all ones in lane 0 and in the lane of each tag that may follow
    /// (`allowedTags`), zeros elsewhere (lanes past the tags included).
    static let allowedLanes: [SIMD16<Int32>] = allowedTags.map { mask in
        var v = SIMD16<Int32>(repeating: 0)
        for t in 0..<EntityTagIndex.count where t == 0 || mask & (1 << UInt16(t)) != 0 { v[t] = -1 }
        return v
    }

    /// `Int32.min` in the lanes `allowedLanes` leaves out, zeros elsewhere.
    static let disallowedFill: [SIMD16<Int32>] = allowedLanes.map { lanes in
        SIMD16<Int32>(repeating: Int32.min) & ~lanes
    }

    /// Bit `t` set when tag `t` may follow tag `previous` (`EntityTagIndex.allowed`), for each previous
    /// tag and the sentence start.
    static let allowedTags: [UInt16] = (0...startTag).map { previous in
        (0..<EntityTagIndex.count).reduce(UInt16(0)) { $0 | (EntityTagIndex.allowed($1, after: previous) ? 1 << UInt16($1) : 0) }
    }

    /// The text and tokens of a document, for completing light atoms (a type's first token gives its bytes).
    typealias Words = (text: UnsafePointer<UInt8>, tokens: UnsafePointer<Token>)

    /// Tag indexes for one sentence of a typed document, computing features only where the model is asked:
    /// after an `O` (or at the start), a token that `cannotStart` a name is `O` without scoring, so a
    /// sentence with no capitalised word costs no weight lookups; after a name, a lowercase word that is
    /// not one of the `connectors` ("of", "de", "bin") is `O` without scoring (none given: all scored). A
    /// word type's own features are scored once per document (`cache`, found through the token's word type
    /// in `rows`; those not reading the document's facts once per recogniser, `memo`), a neighbouring word's features once per word type and position (`NERTypeScoreRows`),
    /// and groups of context and history features once per distinct neighbourhood (`blocks`,
    /// `PerceptronWeightTable.historyBlocks`, `markBlocks`). The same features and decisions as `decode(features:memory:model:)` otherwise,
    /// over the quantised weights.
    ///
    /// `ids` are the sentence's `n` type ids into `document`, padded with two boundary types on each side
    /// (`PaddedSentence`), so neighbours are read without bounds checks; `marks` (padded with a 0 on each
    /// side) are the dictionary marks, nil without a dictionary. A type's atoms that are not `complete`
    /// (`NERFeatures.asciiLightAtoms`) are completed from `words` as far as the scoring needs: the types
    /// passed over unscored never need their affixes or shapes. The tag indexes are written to `out`.
    static func tag(sentence ids: UnsafePointer<Int32>, count n: Int, document: NERTypedDocument, words: Words?,
                    marks: UnsafePointer<UInt64>?, headline: UInt64, facts: NERFeatures.DocumentFacts,
                    memory: inout NERLabelMemory, cache: inout NERWordScoreCache, blocks: inout NERBlockCache,
                    weights: PerceptronWeightTable, connectors: EntityNameConnectors?,
                    rows: NERTypeScoreRows, memo: NERWordScoreMemo? = nil,
                    into out: UnsafeMutablePointer<Int>) {
        guard n > 0 else { return }
        let atoms = document.atoms, shapeIDs = document.shapeIDs
        let noTag = startTag
        let historyBlocks = weights.historyBlocks, markBlocks = weights.markBlocks
        // Whether any token of the sentence has a dictionary mark (most sentences have none).
        var marked = false
        if let marks { for j in 0..<n where marks[j] != 0 { marked = true; break } }
        let unmarkedIndex = weights.markIndex(0)
        let tagHalves = previousTagHalves  // a global: read once per sentence
        // Token j's atoms, for any j in −2…n+1 (the boundary types outside the sentence).
        @inline(__always) func lw(_ j: Int) -> UInt64 { atoms[Int(ids[j])].lower }
        @inline(__always) func sh(_ j: Int) -> UInt64 { atoms[Int(ids[j])].shortShape }
        @inline(__always) func mark(_ j: Int) -> UInt64 { marks.unsafelyUnwrapped[j] }
        @inline(__always) func shapeID(_ j: Int, _ blocks: inout NERBlockCache) -> Int32 {
            let t = Int(ids[j])
            return blocks.shapeID(shapeIDs + t, value: atoms[t].shortShape)
        }
        /// The bytes of type `t` (those of its first token).
        @inline(__always) func bytes(_ t: Int, _ w: Words) -> UnsafeBufferPointer<UInt8> {
            let r = w.tokens[Int(document.firstTokens[t])].range
            return UnsafeBufferPointer(start: w.text + Int(r.start), count: Int(r.end - r.start))
        }
        var lastNamed = -1  // the last token tagged as part of a name
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { f in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 16) { scores in
                let f = f.baseAddress!, scores = scores.baseAddress!
                scores.initialize(repeating: 0, count: 16)
                var t1 = noTag, t2 = noTag
                var i = 0
                while i < n {
                    let id = Int(ids[i])
                    let a = atoms + id
                    if (t1 == 0 || t1 == noTag) ? a.pointee.cannotStart : a.pointee.lowercaseWord && !(connectors?.contains(a.pointee) ?? true) {
                        out[i] = 0
                        t2 = t1; t1 = 0
                        i &+= 1
                        // After an O, the run of tokens that cannot start a name is O too (the common case: a
                        // sentence's lowercase words), in a loop of its own.
                        while i < n && atoms[Int(ids[i])].cannotStart { out[i] = 0; t2 = 0; i &+= 1 }
                        continue
                    }
                    // The word type's own features: cached per document (found through the word type).
                    let first: UInt64 = i == 0 ? 1 : 0
                    let suffix: UInt64
                    let typeSlot = id &* 4 &+ Int(first << 1 | headline)
                    if rows.rows[typeSlot] >= 0 {
                        cache.copy(row: rows.rows[typeSlot], into: scores)
                        suffix = rows.suffixes[id]
                    } else {
                        if !a.pointee.complete, let words { NERFeatures.completeWordAndSuffix(&a.pointee, bytes(id, words)) }
                        let key = NERWordScoreCache.key(word: a.pointee.word, first: first, headline: headline)
                        var row = cache.lookupRow(key, into: scores)
                        if row < 0 {
                            // The features of the word alone are kept across documents (`memo`), the two
                            // that read the document's facts are added per document.
                            let own: NERBlockCache.Scores
                            if let memo, let kept = memo.lookup(key) {
                                own = kept
                            } else {
                                if !a.pointee.complete, let words { NERFeatures.completeASCII(&a.pointee, bytes(id, words)) }
                                NERFeatures.ownWordFeatures(a.pointee, first: first, headline: headline, into: f)
                                own = weights.sum(f, count: NERFeatures.ownWordCount)
                                memo?.store(key, own)
                            }
                            NERFeatures.documentWordFeatures(a.pointee, first: first, headline: headline, facts: facts, into: f)
                            UnsafeMutableRawPointer(scores).storeBytes(of: own, as: NERBlockCache.Scores.self)
                            weights.add(f, count: 2, to: scores)
                            row = cache.store(key, scores)
                        }
                        suffix = a.pointee.suffixes.2
                        rows.rows[typeSlot] = row; rows.suffixes[id] = suffix
                    }
                    let lower = a.pointee.lower, shape = a.pointee.shortShape
                    let prev = lw(i &- 1), next = lw(i &+ 1)
                    let word = rows.word(id, lower: lower)
                    let remembered = memory.majority(word)
                    // Pairs with the word itself, from each side's half (see `NERTypeScoreRows`).
                    let left = rows.leftHalves(Int(ids[i &- 1]), lower: prev)
                    let right = rows.rightHalves(id, lower: lower, shape: shape, suffix: suffix)
                    f[0] = NERFeatures.combine(scaled: left[0], lower); f[1] = NERFeatures.combine(scaled: right[0], next)
                    f[2] = NERFeatures.combine(scaled: left[1], shape); f[3] = NERFeatures.combine(scaled: right[1], next)
                    f[4] = NERFeatures.combine(scaled: right[2], next); f[5] = NERFeatures.combine(scaled: left[2], suffix)
                    f[6] = NERFeatures.combine(scaled: tagHalves.withUnsafeBufferPointer { $0[t1] }, word)
                    var count = 7
                    // The previous tags and the label memory alone.
                    var sum = historyBlocks[PerceptronWeightTable.historyIndex(t1, t2, remembered)]
                    // The neighbouring words alone, per word type.
                    sum &+= rows.neighbour(Int(ids[i &- 2]), 0, lower: lw(i &- 2), weights: weights)
                    sum &+= rows.neighbour(Int(ids[i &- 1]), 1, lower: prev, weights: weights)
                    sum &+= rows.neighbour(Int(ids[i &+ 1]), 2, lower: next, weights: weights)
                    sum &+= rows.neighbour(Int(ids[i &+ 2]), 3, lower: lw(i &+ 2), weights: weights)
                    // The shapes around the word.
                    let shapes = (sh(i &- 2), sh(i &- 1), shape, sh(i &+ 1), sh(i &+ 2))
                    let shapeIds = (shapeID(i - 2, &blocks), shapeID(i - 1, &blocks), shapeID(i, &blocks),
                                    shapeID(i + 1, &blocks), shapeID(i + 2, &blocks))
                    if !blocks.addWindow(ids: shapeIds, values: shapes, weights: weights, to: &sum) {
                        f[count] = NERFeatures.feature(18, shapes.1); f[count + 1] = NERFeatures.feature(19, shapes.3)
                        f[count + 2] = NERFeatures.feature(20, shapes.1, shapes.2, shapes.3)
                        f[count + 3] = NERFeatures.feature(25, shapes.0); f[count + 4] = NERFeatures.feature(26, shapes.4)
                        count += 5
                    }
                    // Dictionary marks (in a sentence without any, every mark is 0: the block of three unmarked tokens).
                    let d: UInt64, m: Int
                    if marked {
                        d = mark(i)
                        let before = mark(i &- 1), after = mark(i &+ 1)
                        m = weights.markIndex(d)
                        let mb = weights.markIndex(before), ma = weights.markIndex(after)
                        if m < 3 && mb < 3 && ma < 3 {
                            sum &+= markBlocks[9 &* mb &+ 3 &* m &+ ma]
                        } else {
                            f[count] = NERFeatures.feature(31, d); f[count + 1] = NERFeatures.feature(33, before, d, after)
                            count += 2
                        }
                    } else {
                        d = 0; m = unmarkedIndex
                        if m < 3 {
                            sum &+= markBlocks[13 * m]
                        } else {
                            f[count] = NERFeatures.feature(31, 0); f[count + 1] = NERFeatures.feature(33, 0, 0, 0)
                            count += 2
                        }
                    }
                    // The shape with the previous tags, the label memory and the mark.
                    if blocks.addShapeTags(shapeID: shapeIds.2, shortShape: shape, previous: t1, beforeThat: t2, memory: remembered,
                                           markIndex: m, markValue: d, weights: weights, to: &sum) {
                        if m == 3 { f[count] = NERFeatures.feature(32, d, shape); count += 1 }
                    } else {
                        let shapeFeature = NERFeatures.feature(5, shape)
                        f[count] = NERFeatures.feature(43, UInt64(t1), shapeFeature)
                        f[count + 1] = NERFeatures.feature(44, UInt64(t2), UInt64(t1), shapeFeature)
                        f[count + 2] = NERFeatures.feature(46, remembered, shapeFeature)
                        f[count + 3] = NERFeatures.feature(32, d, shape)
                        count += 4
                    }
                    weights.add(f, count: count, to: scores)
                    let all = UnsafeRawPointer(scores).loadUnaligned(as: NERBlockCache.Scores.self) &+ sum
                    UnsafeMutableRawPointer(scores).storeBytes(of: all, as: NERBlockCache.Scores.self)
                    let best = argmax(UnsafePointer(scores), previous: t1)
                    out[i] = best
                    if best > 0 { lastNamed = i }
                    t2 = t1; t1 = best
                    i &+= 1
                }
            }
        }
        // The sentence's names join the label memory after it is tagged (every named token was scored).
        if lastNamed >= 0 {
            for i in 0...lastNamed where out[i] > 0 {
                let t = Int(ids[i])
                memory.record(rows.word(t, lower: atoms[t].lower), tag: out[i])
            }
        }
    }
}
