import SitrepCore

/// Splits tokenized text into sentences, headlines and datelines.
///
/// - Every line break ends a sentence; each non-empty line is a paragraph.
/// - ".", "!", "?" and "…" end a sentence before a capitalised word, a digit or an opening quote or bracket,
///   never before a lowercase word. Closing quotes and brackets after the stop belong to the sentence (`.”`).
/// - A full stop after an abbreviation from `en/abbreviations.txt` ("Mr.", "Oct.", "sq.", "U.S.", "a.m.")
///   or after a single capital initial ("J. R. Smith") does not end the sentence, unless (for
///   initials and non-title abbreviations) a typical sentence starter follows ("… in the U.S. The …").
/// - A line that holds one sentence without final punctuation is a headline (`isHeadline`).
/// - A dateline at the start of a line ("AMMAN:", "ERBIL, Kurdistan Region –", "BEIRUT (Reuters) -") is its own
///   headline-like sentence, never glued to the text before or after it.
public struct SentenceSplitter: Sendable {
    public let abbreviations: Abbreviations

    public init() throws { abbreviations = try Abbreviations() }
    public init(abbreviations: Abbreviations) { self.abbreviations = abbreviations }

    public func split(_ text: String, tokens: [Token]) -> [Sentence] {
        var copy = text
        return copy.withUTF8 { split(bytes: $0, tokens: tokens) }
    }

    public func split(bytes p: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Sentence] {
        var out: [Sentence] = []
        out.reserveCapacity(tokens.count / 16 + 4)
        tokens.withUnsafeBufferPointer { t in
            var paragraph = 0
            var lineStart = 0
            var k = 1
            while lineStart < t.count {
                // The line runs until a gap between tokens holds a line break.
                k = lineStart + 1
                while k < t.count {
                    if Self.gapHasLineBreak(p, Int(t[k - 1].range.end), Int(t[k].range.start)) { break }
                    k += 1
                }
                splitLine(p, t, lineStart, k, paragraph, &out)
                paragraph += 1
                lineStart = k
            }
        }
        return out
    }

    @inline(__always)
    static func gapHasLineBreak(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        // Most gaps are empty or one space.
        if to <= from || (to - from == 1 && p[from] == 0x20) { return false }
        var i = from
        while i < to {
            let b = p[i]
            if b == 0x0A || b == 0x0D { return true }
            // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
            if b == 0xE2, i + 2 < to, p[i + 1] == 0x80, p[i + 2] == 0xA8 || p[i + 2] == 0xA9 { return true }
            i += 1
        }
        return false
    }

    private func emit(_ t: UnsafeBufferPointer<Token>, _ from: Int, _ to: Int, _ paragraph: Int, _ headline: Bool, _ out: inout [Sentence]) {
        guard from < to else { return }
        out.append(Sentence(range: TextRange(start: t[from].range.start, end: t[to - 1].range.end),
                            tokens: from..<to, paragraph: paragraph, isHeadline: headline))
    }

    private func splitLine(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, _ lo: Int, _ hi: Int,
                           _ paragraph: Int, _ out: inout [Sentence]) {
        var s = lo
        if let d = datelineEnd(p, t, lo, hi) {
            emit(t, lo, d, paragraph, true, &out)
            s = d
        }
        let firstInLine = out.count
        var i = s
        while i < hi {
            guard let stop = terminal(p, t, i) else { i += 1; continue }
            var e = i + 1
            // Further stops and closing quotes or brackets belong to this sentence: `?!`, `.”`, `.)`.
            while e < hi {
                let k = t[e]
                if k.kind == .closeQuote || (k.kind == .quote && !Self.startsUpper(p, k)) { e += 1; continue }
                if k.kind == .punctuation, k.range.length == 1 {
                    let b = p[Int(k.range.start)]
                    if b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: ".") { e += 1; continue }
                }
                break
            }
            if e >= hi {
                emit(t, s, hi, paragraph, false, &out)
                return
            }
            if shouldSplit(p, t, stopIndex: i, stop: stop, next: e, hi: hi) {
                emit(t, s, e, paragraph, false, &out)
                s = e
            }
            i = e
        }
        // What remains has no final punctuation: a headline when it is the line's only sentence.
        emit(t, s, hi, paragraph, out.count == firstInLine, &out)
    }

    enum Stop { case fullStop, abbreviation, other }

    /// Whether token `i` can end a sentence, and how.
    @inline(__always)
    private func terminal(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, _ i: Int) -> Stop? {
        let k = t[i]
        let s = Int(k.range.start), e = Int(k.range.end)
        switch k.kind {
        case .punctuation:
            let b = p[s]
            if b == UInt8(ascii: ".") { return e - s == 1 ? .fullStop : .other }
            if b == UInt8(ascii: "!") || b == UInt8(ascii: "?") { return .other }
            if b == 0xE2, e - s == 3, p[s + 1] == 0x80, p[s + 2] == 0xA6 { return .other } // …
            return nil
        case .word:
            // "U.S.", "a.m.": a dotted abbreviation whose stop may also end the sentence.
            return e - s >= 2 && p[e - 1] == UInt8(ascii: ".") ? .abbreviation : nil
        default:
            return nil
        }
    }

    @inline(__always)
    static func startsUpper(_ p: UnsafeBufferPointer<UInt8>, _ k: Token) -> Bool {
        let b = p[Int(k.range.start)]
        if b < 0x80 { return ByteClass.isUpper(b) }
        let (u, _) = ByteClass.scalar(p, Int(k.range.start), Int(k.range.end))
        return Unicode.Scalar(u)?.properties.isUppercase ?? false
    }

    @inline(__always)
    static func startsLower(_ p: UnsafeBufferPointer<UInt8>, _ k: Token) -> Bool {
        let b = p[Int(k.range.start)]
        if b < 0x80 { return ByteClass.isLower(b) }
        let (u, _) = ByteClass.scalar(p, Int(k.range.start), Int(k.range.end))
        return Unicode.Scalar(u)?.properties.isLowercase ?? false
    }

    private func isStarter(_ p: UnsafeBufferPointer<UInt8>, _ k: Token) -> Bool {
        guard k.kind == .word, Self.startsUpper(p, k) else { return false }
        return abbreviations.starters.value(p, Int(k.range.start), Int(k.range.end)) != nil
    }

    private func shouldSplit(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, stopIndex i: Int, stop: Stop,
                             next e: Int, hi: Int) -> Bool {
        let next = t[e]
        switch next.kind {
        case .word:
            if Self.startsLower(p, next) { return false }
            if !Self.startsUpper(p, next) { return true } // other scripts: trust the stop
        case .number, .openQuote, .quote, .dash:
            break
        case .punctuation:
            let b = p[Int(next.range.start)]
            if !(b == UInt8(ascii: "(") || b == UInt8(ascii: "[")) { return false }
        case .closeQuote, .symbol:
            return next.kind == .symbol
        }
        switch stop {
        case .other:
            return true
        case .abbreviation:
            let k = t[i]
            if abbreviations.kind(p, Int(k.range.start), Int(k.range.end)) == .title { return false }
            return isStarter(p, next)
        case .fullStop:
            guard i > 0 else { return true }
            let prev = t[i - 1]
            guard prev.range.end == t[i].range.start, prev.kind == .word else { return true }
            let ps = Int(prev.range.start), pe = Int(prev.range.end)
            // A single capital initial: "J. R. Smith" (but "World War I. The …" ends).
            if pe - ps == 1, ByteClass.isUpper(p[ps]) { return isStarter(p, next) }
            // The abbreviation with its stop: the stop's byte follows the word directly.
            if let kind = abbreviations.kind(p, ps, pe + 1) {
                if kind == .title { return false }
                return isStarter(p, next)
            }
            return true
        }
    }

    /// The end (token index after the separator) of a dateline at the start of a line:
    /// an all-capitals place ("AMMAN", "DEIR EZ-ZOR"), optionally ", Region words" and "(Agency)",
    /// then ":" or a dash, with text after it.
    private func datelineEnd(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, _ lo: Int, _ hi: Int) -> Int? {
        guard hi - lo >= 3, t[lo].kind == .word, Self.isAllCaps(p, t[lo]) else { return nil }
        var j = lo + 1
        var inParens = false
        while j < hi, j - lo <= 10 {
            let k = t[j]
            let s = Int(k.range.start)
            switch k.kind {
            case .dash:
                return j + 1 < hi ? j + 1 : nil
            case .punctuation:
                let b = p[s]
                if b == UInt8(ascii: ":") && !inParens { return j + 1 < hi ? j + 1 : nil }
                if b == UInt8(ascii: ",") && !inParens { j += 1; continue }
                if b == UInt8(ascii: "(") && !inParens { inParens = true; j += 1; continue }
                if b == UInt8(ascii: ")") && inParens { inParens = false; j += 1; continue }
                return nil
            case .word:
                if Self.isAllCaps(p, k) || Self.startsUpper(p, k) || (k.range.length <= 3 && Self.startsLower(p, k)) { j += 1; continue }
                return nil
            default:
                return nil
            }
        }
        return nil
    }

    /// Two or more letters, all ASCII capitals (hyphens and apostrophes allowed).
    static func isAllCaps(_ p: UnsafeBufferPointer<UInt8>, _ k: Token) -> Bool {
        var letters = 0
        for i in Int(k.range.start)..<Int(k.range.end) {
            let b = p[i]
            if ByteClass.isUpper(b) { letters += 1; continue }
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "'") { continue }
            return false
        }
        return letters >= 2
    }
}
