import SitrepCore

/// Splits a sentence into clauses — the scopes that certainty and attribution marks cover — at
/// `;`, `:`, dashes, subordinators and relatives ("that", "unless", "which"), and at a comma followed
/// by a coordinator, a hedge opener, an -ing participle or a quotation. Driven by `en/clause-words.tsv`.
struct ClauseSegmenter: Sendable {
    enum WordKind: String, Sendable {
        case subordinator, relative, coordinator, opener
    }

    let words: KeyMap<WordKind>
    private let pronouns = KeySet(["he", "she", "it", "they", "we", "i"].map(ClauseTokens.key))

    init(path: String? = nil) throws {
        let (text, file) = try ClauseData.text("en/clause-words.tsv", path: path)
        var words = KeyMap<WordKind>()
        for row in try ClauseData.rows(text, file: file, columns: 2) {
            guard let kind = WordKind(rawValue: row.columns[1]) else {
                throw ClauseData.badRow(row, "unknown clause word kind '\(row.columns[1])'")
            }
            words[ClauseTokens.key(row.columns[0])] = kind
        }
        self.words = words
    }

    /// The clauses of a sentence as half-open token index ranges, without their boundary punctuation.
    func clauses(_ sentence: Sentence, _ ct: ClauseTokens) -> [Range<Int>] {
        var out: [Range<Int>] = []
        clauses(sentence, ct, into: &out)
        return out
    }

    /// The same into a buffer the caller reuses (emptied first).
    func clauses(_ sentence: Sentence, _ ct: ClauseTokens, into out: inout [Range<Int>]) {
        out.removeAll(keepingCapacity: true)
        let lo = max(0, sentence.tokens.lowerBound), hi = min(sentence.tokens.upperBound, ct.tokens.count)
        guard lo < hi else { return }
        var start = lo
        var t = lo + 1
        // A relative clause set off by a comma ("the fighters, who had not been paid, surrendered")
        // ends at the next comma.
        var commaRelative = false
        while t < hi {
            if startsClause(t, lo, ct) || (commaRelative && ct.has(t - 1, .comma)) {
                append(start..<t, ct, to: &out)
                start = t
                commaRelative = ct.has(t - 1, .comma) && words[ct.key(t)] == .relative
            }
            t += 1
        }
        append(start..<hi, ct, to: &out)
    }

    /// Whether token `t` (not the sentence's first) begins a new clause.
    @inline(__always)
    func startsClause(_ t: Int, _ lo: Int, _ ct: ClauseTokens) -> Bool {
        let prev = ct.flag(t - 1)
        if prev.contains(.clausePunctuation) || prev.contains(.dash) { return true }
        let f = ct.flag(t)
        if f.contains(.word) {
            let afterComma = prev.contains(.comma)
            if let kind = words[ct.key(t)] {
                switch kind {
                case .subordinator, .relative: return true
                case .coordinator, .opener:
                    if afterComma { return true }
                    // "and that", "or whether"
                    if kind == .coordinator, t + 1 < ct.tokens.count, let next = words[ct.key(t + 1)],
                       next == .subordinator { return true }
                    return false
                }
            }
            if afterComma && f.contains(.ing) { return true }
            // ", it is bringing in …": a new subject pronoun.
            if afterComma && pronouns.contains(ct.key(t)) { return true }
            // After a quotation that closed on punctuation: `“…,” said X` / `“….” He …`
            if prev.contains(.closeDouble), t - 2 >= lo,
               ct.flag(t - 2).contains(.comma) || ct.flag(t - 2).contains(.finalPunctuation) { return true }
            return false
        }
        if f.contains(.openDouble) || f.contains(.ambiguousDouble) {
            return prev.contains(.comma) || prev.contains(.clausePunctuation)
        }
        return false
    }

    private func append(_ r: Range<Int>, _ ct: ClauseTokens, to out: inout [Range<Int>]) {
        var a = r.lowerBound, b = r.upperBound
        let punct: ClauseTokens.Flags = [.comma, .clausePunctuation, .finalPunctuation, .dash]
        while a < b, !ct.flag(a).isDisjoint(with: punct) { a += 1 }
        while b > a, !ct.flag(b - 1).isDisjoint(with: punct) { b -= 1 }
        if a < b { out.append(a..<b) }
    }
}

/// Double-quoted stretches of text, paired across sentences within a paragraph. An unclosed
/// quotation runs to the end of its paragraph; single quotes (‘scare quotes’) are ignored.
struct ClauseQuotations {
    /// (opening token, closing token) pairs, sorted; the closing token may equal the paragraph's last token.
    private(set) var pairs: [(open: Int, close: Int)] = []

    init(sentences: [Sentence], _ ct: ClauseTokens) {
        var open: Int?
        var paragraph = -1
        var lastToken = -1
        let n = ct.tokens.count
        for s in sentences {
            if s.paragraph != paragraph {
                if let o = open, lastToken > o { pairs.append((o, lastToken)) }
                open = nil
                paragraph = s.paragraph
            }
            let hi = min(s.tokens.upperBound, n)
            var t = max(0, s.tokens.lowerBound)
            while t < hi {
                let f = ct.flag(t)
                if f.contains(.openDouble) {
                    if let o = open, t - 1 > o { pairs.append((o, t - 1)) }
                    open = t
                } else if f.contains(.closeDouble) {
                    if let o = open { pairs.append((o, t)); open = nil }
                } else if f.contains(.ambiguousDouble) {
                    if let o = open { pairs.append((o, t)); open = nil } else { open = t }
                }
                t += 1
            }
            if hi > 0 { lastToken = hi - 1 }
        }
        if let o = open, lastToken > o { pairs.append((o, lastToken)) }
    }

    /// The quotation whose opening token is `t`.
    func opening(at t: Int) -> (open: Int, close: Int)? {
        guard let i = index(atOrBefore: t), pairs[i].open == t else { return nil }
        return pairs[i]
    }

    /// The quotation whose closing token is `t`.
    func closing(at t: Int) -> (open: Int, close: Int)? {
        guard let i = index(atOrBefore: t), pairs[i].close == t else { return nil }
        return pairs[i]
    }

    /// The quotation that contains token `t` (marks included).
    func containing(_ t: Int) -> (open: Int, close: Int)? {
        guard let i = index(atOrBefore: t), pairs[i].close >= t else { return nil }
        return pairs[i]
    }

    /// The last pair whose opening token is at or before `t`.
    private func index(atOrBefore t: Int) -> Int? {
        var lo = 0, hi = pairs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pairs[mid].open <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }

    /// The text inside a quotation, without its marks and a final comma.
    func inner(_ q: (open: Int, close: Int), _ ct: ClauseTokens) -> TextRange? {
        var a = q.open + 1
        var b = ct.flag(q.close).contains(.closeDouble) || ct.flag(q.close).contains(.ambiguousDouble) ? q.close - 1 : q.close
        while b >= a, ct.flag(b).contains(.comma) { b -= 1 }
        while a <= b, ct.flag(a).contains(.comma) { a += 1 }
        guard a <= b else { return nil }
        return ct.range(a, b)
    }
}
