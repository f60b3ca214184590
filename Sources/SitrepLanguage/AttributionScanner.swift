import SitrepCore

/// One pass of `AttributionFinder` over one document: finds reporting cues sentence by sentence,
/// the source phrase before or after each, and the clause, complement or quotation it covers.
struct AttributionScanner {
    typealias Lexicon = AttributionLexicon

    /// What a token can be inside a source's noun phrase.
    enum Part {
        case name, head, modifier, determiner, pronoun, link, particle, affiliation, location, number
        case openBracket, closeBracket, stop, other
        /// Two words glued by page cleaning ("reportersThe", "newsOfficials"): never part of a phrase.
        case glued
    }

    /// The lexicon, read in place through one reference: a scanner holding the lexicon itself is over 600 bytes, copied
    /// whole before calls from its mutating methods to the others.
    let shared: Lexicon.Shared
    @inline(__always) var lex: Lexicon { _read { yield shared.lexicon } }
    let ct: ClauseTokens
    let sentences: [Sentence]
    let quotes: ClauseQuotations
    var out: [Attribution] = []
    /// The sentence each attribution in `out` came from.
    var sentenceOf: [Int] = []
    /// The last source that was not a pronoun, for "he said".
    var lastNamed: (source: TextRange, affiliation: TextRange?, sentence: Int)?
    /// In the current sentence: where a forward scope must stop (`;`, ", but"), ascending.
    var breaks: [Int] = []
    /// The current sentence's first word or number.
    var firstWord = 0
    /// Each token's `Part`, worked out on its first use: the phrase scanners ask about the same tokens many times.
    let partMemo: PartMemo

    init(shared: Lexicon.Shared, tokens ct: ClauseTokens, sentences: [Sentence]) {
        self.shared = shared
        self.ct = ct
        self.sentences = sentences
        self.quotes = ClauseQuotations(sentences: sentences, ct)
        self.partMemo = PartMemo(count: ct.tokens.count)
        // Room for one attribution per two sentences: the arrays seldom grow.
        out.reserveCapacity(sentences.count / 2 + 8)
        sentenceOf.reserveCapacity(sentences.count / 2 + 8)
    }

    // MARK: - Driver

    mutating func run() -> [Attribution] {
        let n = ct.tokens.count
        for (si, s) in sentences.enumerated() {
            let lo = max(0, s.tokens.lowerBound), hi = min(s.tokens.upperBound, n)
            guard lo < hi else { continue }
            let before = out.count
            breaks.removeAll(keepingCapacity: true)
            firstWord = hi
            for k in lo..<hi {
                if firstWord == hi, ct.isWord(k) || ct.has(k, .number) { firstWord = k }
                if ct.has(k, .clausePunctuation), ct.key(k) != lex.keys.colon { breaks.append(k) }
                else if ct.has(k, .comma), k + 1 < hi, ct.key(k + 1) == lex.keys.but { breaks.append(k) }
            }
            var t = lo
            while t < hi {
                // A capitalised "State" or "Reports" is a name, not a verb ("according" may open a sentence).
                guard lex.verbs.mayStartLoose(t, ct), let m = lex.verbs.longest(at: t, limit: hi, ct),
                      !ct.isCapitalized(t) || lex.verbs.value(at: m.index).frame == .according else { t += 1; continue }
                let verb = lex.verbs.value(at: m.index)
                let last = t + m.length - 1
                var next = last + 1
                switch verb.frame {
                case .according: next = according(t, last, si, lo, hi) ?? next
                case .quote: next = quoted(t, last, si, lo, hi) ?? next
                case .say, .declare, .tell: reported(t, last, verb.frame, si, lo, hi)
                case .participle, .none: break
                }
                t = max(next, last + 1)
            }
            trimForwardScopes(from: before)
        }
        attributeFollowingQuotations()
        var order = Array(out.indices)
        order.sort { out[$0].scope.start != out[$1].scope.start ? out[$0].scope.start < out[$1].scope.start : $0 < $1 }
        return order.map { out[$0] }
    }

    private mutating func emit(_ a: Attribution, sentence: Int, pronoun: Bool) {
        out.append(a)
        sentenceOf.append(sentence)
        if !pronoun { lastNamed = (a.source, a.affiliation, sentence) }
    }

    // MARK: - "according to X"

    /// Returns the token after the source phrase, where the scan goes on.
    private mutating func according(_ cue: Int, _ cueLast: Int, _ si: Int, _ lo: Int, _ hi: Int) -> Int? {
        guard let np = forwardNP(from: cueLast + 1, limit: hi) ?? looseNP(from: cueLast + 1, limit: hi) else { return nil }
        let (source, affiliation) = splitSource(np)
        let sentence = sentenceRange(lo, hi)
        var scope: TextRange?
        let leading = cue <= firstWord
        let after = np.range.upperBound
        let continues = after < hi && ct.has(after, .comma) && (after + 1..<hi).contains { ct.isWord($0) || ct.has($0, .number) }
        if leading || continues {
            scope = sentence
        } else {
            var a = lo
            if let q = quotes.containing(cue), q.open >= lo, q.open < cue { a = q.open + 1 }
            scope = span(a, cue - 1)
        }
        guard let scope else { return nil }
        emit(Attribution(scope: scope, source: source, affiliation: affiliation, cue: ct.range(cue, cueLast), cueKind: .accordingTo),
             sentence: si, pronoun: false)
        return np.range.upperBound
    }

    /// After "according to", any short phrase up to a comma, the sentence end or a clause word
    /// ("according to the latest tally").
    private func looseNP(from i: Int, limit hi: Int) -> SourcePhrase? {
        var k = i
        while k < hi, k - i < 8, ct.isWord(k) || ct.has(k, .number), part(k) != .stop,
              ct.key(k) != lex.keys.that, ct.key(k) != lex.keys.which, ct.key(k) != lex.keys.who { k += 1 }
        guard k > i, k - i < 8, k == hi || !ct.flag(k).isDisjoint(with: [.comma, .finalPunctuation, .clausePunctuation, .dash]) else { return nil }
        return SourcePhrase(range: i..<k)
    }

    // MARK: - "X quoted Y as saying …"

    /// Returns the token after "as saying", where the scan goes on.
    private mutating func quoted(_ v: Int, _ vLast: Int, _ si: Int, _ lo: Int, _ hi: Int) -> Int? {
        guard !isNegatedOrPassive(v, lo) else { return nil }
        guard let viaNP = subject(before: v, lo: lo), !viaNP.isPronoun || lastNamed != nil else { return nil }
        guard vLast + 1 < hi, ct.key(vLast + 1) != lex.keys.by else { return nil }
        guard let np = forwardNP(from: vLast + 1, limit: hi) else { return nil }
        // "as saying" within a few tokens ("on August 2nd as saying").
        var k = np.range.upperBound
        var saying: Int?
        while k + 1 < hi, k < np.range.upperBound + 8 {
            if ct.key(k) == lex.keys.as, let m = lex.verbs.longest(at: k + 1, limit: hi, ct),
               lex.verbs.value(at: m.index).frame == .participle {
                saying = k + m.length
                break
            }
            if ct.has(k, .finalPunctuation) || ct.has(k, .openDouble) { break }
            k += 1
        }
        guard let saying else { return nil }
        guard let scope = forwardScope(from: saying + 1, lo: lo, hi: hi) else { return nil }
        let (source, affiliation) = splitSource(np)
        let via = viaNP.isPronoun ? lastNamed!.source : ct.range(viaNP.range.lowerBound, viaNP.range.upperBound - 1)
        emit(Attribution(scope: scope, source: source, affiliation: affiliation, cue: ct.range(v, saying),
                         cueKind: .chained, via: via), sentence: si, pronoun: false)
        return saying + 1
    }

    // MARK: - "X said …", "…, X said", "…, said X", "X told Y that …"

    private mutating func reported(_ v: Int, _ vLast: Int, _ frame: Lexicon.Frame, _ si: Int, _ lo: Int, _ hi: Int) {
        guard !isNegatedOrPassive(v, lo) else { return }
        // "41 people reported killed": a participle right after the verb makes it a reduced passive, no report.
        if vLast + 1 < hi, lex.passiveComplements.contains(ct.key(vLast + 1)) { return }
        var source: TextRange
        var affiliation: TextRange?
        var sourceStart: Int
        var isPronoun = false
        var inverted = false
        var via: TextRange?

        let before = v - 1
        var appositive: (source: TextRange, affiliation: TextRange?, start: Int, isPronoun: Bool)?
        if before >= lo, ct.has(before, .comma) { appositive = subjectWithAppositive(before: v, lo: lo) }
        // ("On Monday, suspected militants attacked": a fronted time or place phrase is no statement before an inverted verb.)
        let frontedAdjunct = before >= lo && ct.has(before, .comma) && before - lo <= 4 && lex.adjuncts.contains(ct.key(lo))
        if appositive == nil, before >= lo, !frontedAdjunct,
           ct.has(before, .comma) || ct.has(before, .closeDouble) || ct.has(before, .ambiguousDouble)
            || (ct.has(before, .single) && before - 1 >= lo && (ct.has(before - 1, .single) || ct.has(before - 1, .comma))),
           let np = forwardNP(from: vLast + 1, limit: hi), !np.isPronoun {
            // Inverted: `“…,” said Mr Radwan` / `…, added SOHR`.
            inverted = true
            (source, affiliation) = splitSource(np)
            if affiliation == nil, let app = self.appositive(after: np.range.upperBound, limit: hi) { affiliation = app }
            sourceStart = v
        } else if let found = appositive ?? subjectWithAppositive(before: v, lo: lo) {
            source = found.source; affiliation = found.affiliation; sourceStart = found.start; isPronoun = found.isPronoun
            if isPronoun, let named = lastNamed, si - named.sentence <= 8 { source = named.source; affiliation = named.affiliation }
            // "A commander quoted by the daily Al-Akhbar said …": the commander, via the daily.
            let q = found.start - 2
            if !isPronoun, q > lo, ct.key(found.start - 1) == lex.keys.by, let m = lex.verbs.longest(at: q, limit: hi, ct),
               m.length == 1, lex.verbs.value(at: m.index).frame == .quote,
               let speaker = subjectWithAppositive(before: q, lo: lo), !speaker.isPronoun {
                via = ct.range(found.start, v - 1)
                if let e = span(found.start, v - 1) { via = e }
                source = speaker.source; affiliation = speaker.affiliation; sourceStart = speaker.start
            }
        } else {
            return
        }

        // "member states unanimously agreed", "media reports said": a bare lowercase noun before a verb form in -s and
        // then a verb makes one plural noun with it ("member states"), no subject and verb ("…, monitor says" stays).
        if !inverted, !isPronoun, via == nil, ct.has(v, .endsInS), !ct.isCapitalized(v), isBareNoun(sourceStart, v),
           verbFollows(vLast + 1, hi) { return }

        // After the verb: a medium ("told AFP", "said to 7Dnews").
        var k = vLast + 1
        var medium: TextRange?
        if !inverted {
            while k < hi, lex.adverbs.contains(ct.key(k)) { k += 1 }
            if frame == .tell, k < hi, ct.key(k) != lex.keys.that, let m = forwardNP(from: k, limit: hi) {
                medium = ct.range(m.range.lowerBound, m.range.upperBound - 1); k = m.range.upperBound
                // "told residents to leave" is an order, not a report.
                if k < hi, ct.key(k) == lex.keys.to { return }
            } else if frame == .say, k + 1 < hi, ct.key(k) == lex.keys.to, let m = forwardNP(from: k + 1, limit: hi) {
                medium = ct.range(m.range.lowerBound, m.range.upperBound - 1); k = m.range.upperBound
            }
        } else if let np = forwardNP(from: vLast + 1, limit: hi) {
            k = np.range.upperBound
        }

        // "…, the monitor said, adding that …": the sentence before, and what the participle adds.
        var participle: (start: Int, end: Int)?
        if k + 1 < hi, ct.has(k, .comma), let m = lex.verbs.longest(at: k + 1, limit: hi, ct),
           lex.verbs.value(at: m.index).frame == .participle {
            participle = (k + 1, k + m.length)
        }
        // "…, news agencies reported, citing the ministry": the ministry, via the agencies.
        if let p = participle, let m = lex.verbs.longest(at: p.start, limit: hi, ct),
           ["cite", "quote"].contains(lex.verbs.value(at: m.index).lemma), let origin = forwardNP(from: p.end + 1, limit: hi), !origin.isPronoun {
            via = source
            (source, affiliation) = splitSource(origin)
            if affiliation == nil, let app = self.appositive(after: origin.range.upperBound, limit: hi) { affiliation = app }
            if let scope = backwardScope(before: sourceStart, lo: lo) {
                emit(Attribution(scope: scope, source: source, affiliation: affiliation, cue: ct.range(v, p.end),
                                 cueKind: .chained, via: via, medium: medium), sentence: si, pronoun: false)
            }
            return
        }
        let scope: TextRange?
        if inverted || participle != nil || isTrailing(from: k, hi) {
            scope = backwardScope(before: sourceStart, lo: lo)
        } else {
            if frame == .declare, !opensClause(k, hi) { return }
            // "The fighting, which residents said began at dawn, killed …": the aside ends at its comma.
            let r = sourceStart - 1
            var inRelative = r >= lo && isRelativeWord(ct.key(r)) && r - 1 >= lo && ct.has(r - 1, .comma)
            // "The agency, which said it had counted 40 bodies, asked …"
            var w = v - 1
            while w >= lo, lex.adverbs.contains(ct.key(w)) { w -= 1 }
            if w - 1 >= lo, ct.key(w) == lex.keys.which || ct.key(w) == lex.keys.who, ct.has(w - 1, .comma) { inRelative = true }
            scope = forwardScope(from: k, lo: lo, hi: hi, endAtComma: inRelative)
        }
        let kind: Attribution.Cue = via == nil ? .reportingVerb : .chained
        if let scope {
            emit(Attribution(scope: scope, source: source, affiliation: affiliation, cue: ct.range(v, vLast),
                             cueKind: kind, via: via, medium: medium), sentence: si, pronoun: isPronoun)
        }
        if let p = participle, let added = forwardScope(from: p.end + 1, lo: lo, hi: hi) {
            emit(Attribution(scope: added, source: source, affiliation: affiliation, cue: ct.range(p.start, p.end),
                             cueKind: kind, via: via, medium: medium), sentence: si, pronoun: isPronoun)
        }
    }

    /// Whether the tokens from `a` up to the verb `v` are lowercase words without a determiner ("member", "media").
    private func isBareNoun(_ a: Int, _ v: Int) -> Bool {
        guard a < v, part(a) != .determiner else { return false }
        for k in a..<v where !ct.isWord(k) || ct.isCapitalized(k) { return false }
        return true
    }

    /// Whether a verb form stands at `k` or after one word ("unanimously agreed", "said", "have"): the words before
    /// were its subject, a plural noun.
    private func verbFollows(_ k: Int, _ hi: Int) -> Bool {
        var n = k
        while n < hi, n <= k + 1, ct.isWord(n) {
            let key = ct.key(n)
            if ct.endsWithED(n) || lex.keys.beForms.contains(key) || lex.keys.doForms.contains(key) || lex.verbs.mayStart(n, ct) { return true }
            n += 1
        }
        return false
    }

    /// "which", "who" or "that" (compared one by one: no array built per call).
    @inline(__always) private func isRelativeWord(_ key: UInt64) -> Bool {
        key == lex.keys.which || key == lex.keys.who || key == lex.keys.that
    }

    /// "did not say", "never said", "was reported", "to say", "the reported": not an attribution.
    private func isNegatedOrPassive(_ v: Int, _ lo: Int) -> Bool {
        var k = v - 1
        while k >= lo, lex.adverbs.contains(ct.key(k)), !lex.keys.doForms.contains(ct.key(k)) { k -= 1 }
        guard k >= lo else { return false }
        let key = ct.key(k)
        if lex.keys.negators.contains(key) || ct.has(k, .negatedContraction) { return true }
        if lex.keys.beForms.contains(key) || key == lex.keys.to { return true }
        if lex.role(k, ct)?.isDeterminer == true { return true }
        return false
    }

    // MARK: - Scopes

    /// From `k` (after the verb, its medium, "that" or a colon) to the end of the sentence, or the
    /// quotation that opens there.
    private func forwardScope(from start: Int, lo: Int, hi: Int, endAtComma: Bool = false) -> TextRange? {
        var k = start
        // "claimed, in contradiction of its own reports, that …": the complement starts after "that".
        if k < hi, ct.has(k, .comma) {
            var j = k + 1
            while j + 1 < hi, j - k < 16, !ct.has(j, .finalPunctuation) {
                if ct.has(j, .comma), ct.key(j + 1) == lex.keys.that { k = j + 1; break }
                j += 1
            }
        }
        // "said in a statement on Monday that …": the complement starts after "that".
        if k < hi, ct.isWord(k), lex.adjuncts.contains(ct.key(k)) {
            var j = k + 1
            var found = false
            while j < hi, j - k < 14 {
                if ct.key(j) == lex.keys.that { k = j + 1; found = true; break }
                // "said in a statement: “…”"
                if ct.has(j, .clausePunctuation) || ct.has(j, .comma), j + 1 < hi,
                   ct.has(j + 1, .openDouble) || ct.has(j + 1, .ambiguousDouble) { k = j + 1; found = true; break }
                if !(ct.isWord(j) || ct.has(j, .number) || ct.has(j, .single)) { break }
                j += 1
            }
            // "said on Sunday they had …", "said yesterday the …": a short time phrase.
            if !found {
                if lex.timeWords.contains(ct.key(k)) {
                    k += 1
                } else if ct.key(k) == lex.keys.on || ct.key(k) == lex.keys.last || ct.key(k) == lex.keys.this {
                    var e = k + 1
                    while e < hi, e - k <= 2, ct.isCapitalized(e) || (ct.isWord(e) && isTimeWord(e)) { e += 1 }
                    if e > k + 1 { k = e }
                }
            }
        }
        while k < hi, ct.has(k, .comma) || ct.has(k, .clausePunctuation) || ct.key(k) == lex.keys.that
                || lex.adverbs.contains(ct.key(k)) { k += 1 }
        guard k < hi else { return nil }
        if ct.has(k, .openDouble) || ct.has(k, .ambiguousDouble), let q = quotes.opening(at: k), closesStatement(q.close, hi) {
            return quotes.inner(q, ct)
        }
        // The first break after k, else the sentence end.
        var a = 0, b = breaks.count
        while a < b { let m = (a + b) / 2; if breaks[m] < k { a = m + 1 } else { b = m } }
        var e = a < breaks.count ? breaks[a] : hi
        if endAtComma {
            var c = k
            while c < e, !ct.has(c, .comma) { c += 1 }
            e = c
        }
        return span(k, e - 1)
    }

    /// The text before a trailing or inverted attribution: the quotation that closes right before it,
    /// or the sentence up to it.
    private func backwardScope(before s: Int, lo: Int) -> TextRange? {
        var b = s - 1
        while b >= lo, ct.has(b, .comma) || ct.has(b, .dash) { b -= 1 }
        guard b >= lo else { return nil }
        if ct.has(b, .closeDouble) || ct.has(b, .ambiguousDouble), let q = quotes.closing(at: b), opensStatement(q.open, lo) {
            return quotes.inner(q, ct)
        }
        var a = lo
        if let q = quotes.containing(b), q.open >= lo, q.close > b, q.open < b { a = q.open + 1 }
        return span(a, b)
    }

    /// Whether a quotation opening at `o` is a statement of its own (at the sentence start, after a comma
    /// or colon, or begun in an earlier sentence) rather than words quoted inside the outlet's sentence.
    private func opensStatement(_ o: Int, _ lo: Int) -> Bool {
        o <= lo || ct.has(o - 1, .comma) || ct.has(o - 1, .clausePunctuation) || ct.has(o - 1, .dash)
    }

    /// A lowercase word that names a time ("week", "month", "night", "year").
    private func isTimeWord(_ t: Int) -> Bool {
        lex.keys.timeWords.contains(ct.key(t))
    }

    /// Whether a quotation closing at `c` ends a statement (`.”`, `,”`, or punctuation or the end after
    /// it) rather than quoting a word inside the sentence ('said that "terrorists" had fired').
    private func closesStatement(_ c: Int, _ hi: Int) -> Bool {
        if c > 0, !ct.flag(c - 1).isDisjoint(with: [.comma, .finalPunctuation, .clausePunctuation]) { return true }
        guard c + 1 < hi else { return true }
        return !ct.flag(c + 1).isDisjoint(with: [.comma, .finalPunctuation, .clausePunctuation, .dash])
    }

    /// Whether a clause starts at `k` after a verb of the `declare` frame: "that", a quotation, a colon,
    /// a comma, or a pronoun subject ("announced it was …").
    private func opensClause(_ k: Int, _ hi: Int) -> Bool {
        guard k < hi else { return false }
        let f = ct.flag(k)
        if f.contains(.openDouble) || f.contains(.ambiguousDouble) || f.contains(.clausePunctuation) || f.contains(.comma) { return true }
        return ct.key(k) == lex.keys.that || part(k) == .pronoun
    }

    /// Whether nothing but punctuation, closing quotes or a short time phrase ("on Tuesday") follows `k`.
    private func isTrailing(from k: Int, _ hi: Int) -> Bool {
        var j = k
        while j < hi, ct.isWord(j), lex.adjuncts.contains(ct.key(j)) {
            var words = 0
            j += 1
            while j < hi, ct.isWord(j) || ct.has(j, .number), !lex.adjuncts.contains(ct.key(j)) { j += 1; words += 1 }
            if words > 3 { return false }
        }
        while j < hi {
            let f = ct.flag(j)
            if f.contains(.word) || f.contains(.number) || f.contains(.openDouble) { return false }
            j += 1
        }
        return true
    }

    private func sentenceRange(_ lo: Int, _ hi: Int) -> TextRange {
        ct.range(lo, hi - 1)
    }

    // MARK: - Pairing quotations with the last speaker

    /// A quotation that opens a sentence with no cue of its own takes the source of the attribution
    /// just before it (within two sentences): "“…,” said X. “More words.”"
    private mutating func attributeFollowingQuotations() {
        guard !out.isEmpty else { return }
        // The attributions of each sentence, in order: `members[starts[si] ..< starts[si + 1]]` (a counting sort
        // on `sentenceOf`; no dictionary of arrays).
        let n = sentences.count
        var first = [Int](repeating: 0, count: n + 2)
        for si in sentenceOf where si >= 0 && si < n { first[si + 1] += 1 }
        for si in 0..<(n + 1) { first[si + 1] += first[si] }
        var fill = first
        var filled = [Int](repeating: 0, count: first[n + 1])
        for (i, si) in sentenceOf.enumerated() where si >= 0 && si < n { filled[fill[si]] = i; fill[si] += 1 }
        let members = filled, starts = first
        // The attributions of sentence `si` are `members[starts[si] ..< starts[si + 1]]` (none outside the document);
        // the loops below walk them in place, without building arrays.
        var added: [(Attribution, Int)] = []
        for (si, s) in sentences.enumerated() {
            let lo = s.tokens.lowerBound
            guard lo >= 0, lo < ct.tokens.count, ct.has(lo, .openDouble) || ct.has(lo, .ambiguousDouble),
                  let q = quotes.opening(at: lo), let inner = quotes.inner(q, ct) else { continue }
            // Already attributed from outside (a cue next to it); cues inside ("“According to X, …”") do not count.
            var lastSentence = si
            while lastSentence + 1 < sentences.count, sentences[lastSentence + 1].range.start < inner.end { lastSentence += 1 }
            var covered = false
            near: for x in max(0, si - 1)...min(sentences.count - 1, lastSentence + 1) where x < n {
                for m in starts[x]..<starts[x + 1] {
                    let i = members[m]
                    if out[i].scope.overlaps(inner) && !inner.contains(out[i].cue) { covered = true; break near }
                }
            }
            if covered { continue }
            // The latest attribution in the two sentences before whose cue precedes the quotation
            // (sentence si - 1's first, then si - 2's: the first of equal cue starts wins).
            var best: Int?
            for back in 1...2 {
                let x = si - back
                guard x >= 0 && x < n else { continue }
                for m in starts[x]..<starts[x + 1] {
                    let i = members[m]
                    guard out[i].cue.end <= inner.start else { continue }
                    if best == nil || out[best!].cue.start < out[i].cue.start { best = i }
                }
            }
            guard let b = best, sentences[sentenceOf[b]].paragraph >= s.paragraph - 1 else { continue }
            let prev = out[b]
            added.append((Attribution(scope: inner, source: prev.source, affiliation: prev.affiliation,
                                      cue: ct.range(lo, lo), cueKind: .quotation, via: prev.via, medium: prev.medium), si))
        }
        for (a, si) in added { out.append(a); sentenceOf.append(si) }
    }

    /// A forward scope that runs over a later trailing attribution in the same sentence ends where that one's scope ends.
    private mutating func trimForwardScopes(from first: Int) {
        guard out.count - first >= 2, out.count - first <= 64 else { return }
        for i in first..<out.count {
            for j in first..<out.count where j != i {
                let a = out[i], b = out[j]
                guard b.scope.end <= b.cue.start, a.scope.contains(b.cue), a.scope.start < b.scope.end else { continue }
                out[i].scope = TextRange(start: a.scope.start, end: b.scope.end)
            }
        }
    }
}
