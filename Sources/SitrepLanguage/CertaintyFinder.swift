import SitrepCore

/// Marks how firmly each clause states what it says: `reported` (hedges such as "reportedly",
/// "seems", and every attributed scope), `possible` ("may", "could", "it is unclear whether"),
/// `planned` ("will", "is set to", "plans to"), `conditional` ("if", "unless": the conditional clause
/// and the clause it governs) and `denied` (negation of the clause's verb: "did not", "none of …",
/// "never"; a source's denial). Plain assertion gets no mark: `certainty(at:)` answers `.asserted`.
///
/// Each cue's scope kind is data (the third column of the lists): `clause` (the clause around it, see
/// `ClauseSegmenter`), `following` (from the cue to the clause's end: "not", "will", "may" — the
/// subject before the cue is not negated), `after` (what follows the cue: "failed to | reach"),
/// `rest` (the cue's clause and the subordinate clause it opens: "it is unclear | whether …"),
/// `phrase` (the noun phrase after the cue: "a possible offensive") and `condition` (the conditional
/// clause and the clause it governs). A cue's reach stops at a comma that opens a new subject.
/// Rules beyond the word lists:
/// - exceptions in the lists ("not only", "no longer", "nothing stopping", "in May") cancel every cue
///   they overlap;
/// - a negation inside a conditional clause does not deny ("if the deadline isn't made" is conditional);
/// - a negated reporting verb ("did not say that …") denies the saying, and leaves a clause after it
///   `possible`: nobody stands behind it, and nobody denies it;
/// - a cue inside an attributed scope marks no further than that scope ("…, officials said" stays out);
/// - every attributed scope is marked with its verb's certainty (reported; "denied" → denied;
///   "speculates" → possible);
/// - where several marks cover one place, the strongest wins: denied > conditional > planned >
///   possible > reported > asserted (the order of `Certainty`), except that a future inside a wider
///   possibility is possible (see `certainty(at:)`).
///
/// Word lists are data: `Resources/en/hedges.tsv`, `modals.tsv`, `negations.tsv`, `clause-words.tsv`.
public struct CertaintyFinder: Sendable {
    let lexicon: CertaintyLexicon
    let reporting: AttributionLexicon
    let segmenter: ClauseSegmenter

    /// Loads the shipped word lists.
    public init() throws {
        lexicon = try CertaintyLexicon()
        reporting = try AttributionLexicon()
        segmenter = try ClauseSegmenter()
    }

    /// Loads the cue lists from the given files instead of the shipped ones (`nil` keeps the shipped file).
    public init(hedgesPath: String?, modalsPath: String?, negationsPath: String?, clauseWordsPath: String? = nil) throws {
        lexicon = try CertaintyLexicon(hedgesPath: hedgesPath, modalsPath: modalsPath, negationsPath: negationsPath)
        reporting = try AttributionLexicon()
        segmenter = try ClauseSegmenter(path: clauseWordsPath)
    }

    /// The certainty marks in `text`, sorted by scope. `attributions` is `AttributionFinder`'s output
    /// for the same text: each attributed scope is at least `reported` (or what its verb says:
    /// "denied", "speculates").
    public func find(in text: String, tokens: [Token], sentences: [Sentence], attributions: [Attribution]) -> [CertaintyMark] {
        guard !tokens.isEmpty else { return [] }
        var copy = text
        return copy.withUTF8 { find(bytes: $0, tokens: tokens, sentences: sentences, attributions: attributions) }
    }

    /// The same on the text's UTF-8 bytes (as `LanguageAnalyzer.annotate(bytes:published:)` holds them).
    public func find(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], sentences: [Sentence],
                     attributions: [Attribution]) -> [CertaintyMark] {
        guard !tokens.isEmpty else { return [] }
        return find(clauseTokens: ClauseTokens(bytes: bytes, tokens: tokens), sentences: sentences, attributions: attributions)
    }

    /// The same on per-token facts already computed for the text (shared with `AttributionFinder`).
    func find(clauseTokens ct: ClauseTokens, sentences: [Sentence], attributions: [Attribution]) -> [CertaintyMark] {
        guard !ct.tokens.isEmpty else { return [] }
        var marks: [CertaintyMark] = []
        // Room for one mark per sentence and every attribution's: the array seldom grows.
        marks.reserveCapacity(sentences.count + attributions.count + 8)
        var scratch = Scratch()
        for s in sentences { collect(in: s, ct, into: &marks, &scratch) }
        clip(&marks, to: attributions)
        for a in attributions {
            marks.append(CertaintyMark(scope: a.scope, certainty: certainty(of: a, ct), cue: a.cue))
        }
        marks.sort { $0.scope != $1.scope ? $0.scope < $1.scope : $0.certainty > $1.certainty }
        return marks
    }

    /// What a source reports is inside its scope, the reporting words outside: a cue inside an attributed
    /// scope marks no further than that scope ("…, officials said" and "X said that" stay unmarked).
    private func clip(_ marks: inout [CertaintyMark], to attributions: [Attribution]) {
        guard !attributions.isEmpty else { return }
        let byStart = attributions.map(\.scope).sorted()
        for i in marks.indices {
            guard let cue = marks[i].cue else { continue }
            // The last scopes that start at or before the cue (nested scopes are few: look at eight).
            var lo = 0, hi = byStart.count
            while lo < hi { let m = (lo + hi) / 2; if byStart[m].start <= cue.start { lo = m + 1 } else { hi = m } }
            var j = lo - 1
            var best: TextRange?
            while j >= 0, lo - j <= 8 {
                let s = byStart[j]
                if s.contains(cue), best == nil || s.length < best!.length { best = s }
                j -= 1
            }
            guard let scope = best, !scope.contains(marks[i].scope) else { continue }
            let a = max(scope.start, marks[i].scope.start), b = min(scope.end, marks[i].scope.end)
            if a < b { marks[i].scope = TextRange(start: a, end: b) }
        }
    }

    /// A found cue: tokens `start..<end`.
    private struct Found {
        var start: Int, end: Int
        var certainty: Certainty?
        var scope: CertaintyLexicon.Scope
    }

    /// Buffers `collect` reuses from sentence to sentence (one allocation per document, not per sentence).
    private struct Scratch {
        var found: [Found] = []
        var kept: [Found] = []
        var taken: [Bool] = []
        var clauses: [Range<Int>] = []
    }

    private func collect(in s: Sentence, _ ct: ClauseTokens, into marks: inout [CertaintyMark], _ scratch: inout Scratch) {
        let lo = max(0, s.tokens.lowerBound), hi = min(s.tokens.upperBound, ct.tokens.count)
        guard lo < hi else { return }
        // 1. Every cue, then the longest first, exceptions before cues, no overlaps.
        // (The buffers are moved out of `scratch` and back, so that they stay uniquely referenced.)
        var found = scratch.found
        scratch.found = []
        found.removeAll(keepingCapacity: true)
        defer { scratch.found = found }
        for t in lo..<hi {
            if lexicon.phrases.mayStartLoose(t, ct), let m = lexicon.phrases.longest(at: t, limit: hi, ct) {
                let cue = lexicon.phrases.value(at: m.index)
                found.append(Found(start: t, end: t + m.length, certainty: cue.certainty, scope: cue.scope))
            } else if ct.has(t, .negatedContraction) {
                found.append(Found(start: t, end: t + 1, certainty: .denied, scope: .following))
            }
        }
        guard !found.isEmpty else { return }
        found.sort { a, b in
            if (a.certainty == nil) != (b.certainty == nil) { return a.certainty == nil }
            if a.end - a.start != b.end - b.start { return a.end - a.start > b.end - b.start }
            return a.start < b.start
        }
        var taken = scratch.taken
        scratch.taken = []
        if taken.count < hi - lo { taken.append(contentsOf: repeatElement(false, count: hi - lo - taken.count)) }
        taken.withUnsafeMutableBufferPointer { UnsafeMutableBufferPointer(rebasing: $0[0..<(hi - lo)]).update(repeating: false) }
        defer { scratch.taken = taken }
        var kept = scratch.kept
        scratch.kept = []
        kept.removeAll(keepingCapacity: true)
        defer { scratch.kept = kept }
        for f in found {
            if (f.start..<f.end).contains(where: { taken[$0 - lo] }) { continue }
            for t in f.start..<f.end { taken[t - lo] = true }
            if f.certainty != nil { kept.append(f) }
        }
        guard !kept.isEmpty else { return }
        kept.sort { $0.start < $1.start }

        // 2. Scopes.
        var clauses = scratch.clauses
        scratch.clauses = []
        segmenter.clauses(s, ct, into: &clauses)
        defer { scratch.clauses = clauses }
        guard !clauses.isEmpty else { return }
        /// The clause containing token t, or the next one (binary search: clauses are sorted).
        func clauseIndex(_ t: Int) -> Int? {
            var a = 0, b = clauses.count
            while a < b { let m = (a + b) / 2; if clauses[m].upperBound <= t { a = m + 1 } else { b = m } }
            return a < clauses.count ? a : nil
        }
        var protasis = Set<Int>()
        for f in kept where f.certainty == .conditional {
            if let c = clauseIndex(f.end - 1) { protasis.insert(c) }
        }
        let sentenceEnd = clauses[clauses.count - 1].upperBound - 1
        for f in kept {
            guard let certainty = f.certainty, let ci = clauseIndex(f.start) else { continue }
            let clause = clauses[ci]
            let cue = ct.range(f.start, f.end - 1)
            var scope: TextRange
            switch f.scope {
            case .clause:
                scope = ct.range(clause.lowerBound, clause.upperBound - 1)
            case .following:
                scope = ct.range(max(f.start, clause.lowerBound), subjectBreak(after: f.end, clause.upperBound, ct) - 1)
            case .after:
                let e = subjectBreak(after: f.end, clause.upperBound, ct)
                guard f.end < e else { continue }
                scope = ct.range(f.end, e - 1)
            case .rest:
                // The cue's clause and the subordinate clause it opens ("it is unclear | whether …"),
                // not a relative clause or a ", but …" after it.
                var end = clause.upperBound - 1
                if ci + 1 < clauses.count, let kind = segmenter.words[ct.key(clauses[ci + 1].lowerBound)],
                   kind == .subordinator, ct.key(clauses[ci + 1].lowerBound) != but {
                    end = clauses[ci + 1].upperBound - 1
                }
                scope = ct.range(f.start, end)
            case .phrase:
                // Up to the verb: a be-form, an auxiliary or modal, a past form ending in -ed, or punctuation.
                var e = f.end
                while e < clause.upperBound, e - f.end < 8, ct.isWord(e) || ct.has(e, .number) {
                    let key = ct.key(e)
                    if phraseStops.contains(key) || segmenter.words[key] != nil { break }
                    if e > f.end, isPastForm(e, ct) { break }
                    e += 1
                }
                scope = ct.range(f.start, max(f.start, e - 1))
            case .condition:
                let other = ci == 0 ? (clauses.count > 1 ? 1 : 0) : ci - 1
                let a = min(clause.lowerBound, clauses[other].lowerBound)
                let b = max(clause.upperBound, clauses[other].upperBound)
                scope = ct.range(a, b - 1)
            }
            if certainty == .denied {
                if protasis.contains(ci) { continue }
                if let verbEnd = governedReportingVerb(after: f.end, hi, ct) {
                    marks.append(CertaintyMark(scope: ct.range(clause.lowerBound, verbEnd), certainty: .denied, cue: cue))
                    // "did not say that/whether …": what follows is nobody's claim. "did not claim the attack": nothing follows.
                    if verbEnd < sentenceEnd, opensComplement(verbEnd + 1, hi, ct) {
                        marks.append(CertaintyMark(scope: ct.range(verbEnd + 1, sentenceEnd), certainty: .possible, cue: cue))
                    }
                    continue
                }
            }
            marks.append(CertaintyMark(scope: scope, certainty: certainty, cue: cue))
        }
    }

    /// Where a cue's reach ends inside its clause: before a comma that opens a new subject (a capitalised
    /// word or a determiner: "failed to respond, Mr. Bush let …", "did not leave, the monitor said").
    private func subjectBreak(after t0: Int, _ end: Int, _ ct: ClauseTokens) -> Int {
        var t = t0
        while t + 1 < end {
            if ct.has(t, .comma), ct.isCapitalized(t + 1) || reporting.roles[ct.key(t + 1)]?.isDeterminer == true { return t }
            t += 1
        }
        return end
    }

    /// The last token of a reporting verb right after a negation ("not [immediately] say"), if any.
    private func governedReportingVerb(after t0: Int, _ hi: Int, _ ct: ClauseTokens) -> Int? {
        var t = t0
        while t < hi, reporting.adverbs.contains(ct.key(t)) || ct.key(t) == immediately { t += 1 }
        guard t < hi, let m = reporting.verbs.longest(at: t, limit: hi, ct) else { return nil }
        switch reporting.verbs.value(at: m.index).frame {
        case .say, .declare, .tell, .quote: return t + m.length - 1
        case .participle, .according, .none: return nil
        }
    }

    /// Whether a clause begins at `t`: a subordinator ("that", "whether"), a wh-word, a quotation or a colon.
    private func opensComplement(_ t: Int, _ hi: Int, _ ct: ClauseTokens) -> Bool {
        guard t < hi else { return false }
        if !ct.flag(t).isDisjoint(with: [.openDouble, .ambiguousDouble, .clausePunctuation, .comma]) { return true }
        return segmenter.words[ct.key(t)] == .subordinator || whWords.contains(ct.key(t))
    }

    private let whWords = KeySet(["what", "how", "where", "who", "why", "when", "which"].map(ClauseTokens.key))
    private let immediately = ClauseTokens.key("immediately")
    private let phraseStops = KeySet(["is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
        "may", "might", "could", "can", "should", "must", "did", "does", "do", "of"].map(ClauseTokens.key))

    /// A lowercase word ending in -ed ("averted", "killed").
    private func isPastForm(_ t: Int, _ ct: ClauseTokens) -> Bool {
        ct.isWord(t) && !ct.isCapitalized(t) && ct.tokens[t].range.length > 3 && ct.endsWithED(t)
    }
    private let but = ClauseTokens.key("but")

    /// What an attributed scope is: the verb's certainty ("denied", "speculates" → possible), else reported.
    private func certainty(of a: Attribution, _ ct: ClauseTokens) -> Certainty {
        guard a.cueKind == .reportingVerb, let t = tokenIndex(startingAt: a.cue.start, ct),
              let m = reporting.verbs.longest(at: t, limit: ct.tokens.count, ct) else { return .reported }
        return reporting.verbs.value(at: m.index).certainty
    }

    private func tokenIndex(startingAt offset: Int32, _ ct: ClauseTokens) -> Int? {
        var lo = 0, hi = ct.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ct.tokens[mid].range.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < ct.tokens.count && ct.tokens[lo].range.start == offset ? lo : nil
    }
}
