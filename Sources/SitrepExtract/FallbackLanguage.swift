import SitrepCore
import SitrepLanguage

/// A minimal stand-in for the language layer, used only when the `LanguageAnnotations` given to the
/// extractor have no tokens (the layer not yet run or not yet built): byte-level tokens, sentences split
/// at full stops and line breaks, and plain digit / number-word counts. It finds no times, attributions
/// or certainty marks; the extractor's own local certainty cues still apply.
enum FallbackLanguage {
    static func annotate(_ text: String) -> LanguageAnnotations {
        var out = LanguageAnnotations()
        var copy = text
        copy.withUTF8 { bytes in
            out.tokens = tokenize(bytes)
            out.sentences = sentences(bytes, tokens: out.tokens)
            out.quantities = quantities(bytes, tokens: out.tokens)
        }
        return out
    }

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }

    /// Length of a punctuation scalar at `i` that is not ASCII (curly quotes, dashes, ellipsis), else 0.
    static func unicodePunctuation(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if p[i] == 0xE2, i + 2 < p.count, p[i + 1] == 0x80 {
            let c = p[i + 2]
            if (0x90...0xA6).contains(c) || c == 0xB9 || c == 0xBA { return 3 }
            if c == 0xAF || (0x80...0x8A).contains(c) { return -3 } // spaces
        }
        if p[i] == 0xC2, i + 1 < p.count, p[i + 1] == 0xA0 { return -2 }
        if p[i] == 0xC2, i + 1 < p.count, p[i + 1] == 0xAB || p[i + 1] == 0xBB { return 2 }
        return 0
    }

    static func tokenize(_ p: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(p.count / 5)
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { i += 1; continue }
            let u = b >= 0x80 ? unicodePunctuation(p, i) : 0
            if u < 0 { i -= u; continue }
            if u > 0 {
                let c = p[i + 2]
                let kind: TokenKind = c == 0x9C ? .openQuote : c == 0x9D ? .closeQuote : (c == 0x93 || c == 0x94) ? .dash : .punctuation
                tokens.append(Token(range: TextRange(i, i + u), kind: kind)); i += u; continue
            }
            if isAlnum(b) || b >= 0x80 {
                let start = i
                var digitsOnly = true
                while i < n {
                    let c = p[i]
                    if isAlnum(c) { if c &- 0x30 >= 10 { digitsOnly = false }; i += 1; continue }
                    if c >= 0x80 { if unicodePunctuation(p, i) != 0 { break }; digitsOnly = false; i += 1; continue }
                    // Joiners inside a word or number: hyphen, apostrophe, and . or , between digits.
                    if (c == 0x2D || c == 0x27) && i + 1 < n && isAlnum(p[i + 1]) && i > start { digitsOnly = false; i += 1; continue }
                    if (c == 0x2C || c == 0x2E) && digitsOnly && i + 1 < n && p[i + 1] &- 0x30 < 10 { i += 1; continue }
                    break
                }
                tokens.append(Token(range: TextRange(start, i), kind: digitsOnly ? .number : .word))
                continue
            }
            let kind: TokenKind = b == 0x22 || b == 0x27 ? .quote : b == 0x2D ? .dash : .punctuation
            tokens.append(Token(range: TextRange(i, i + 1), kind: kind))
            i += 1
        }
        return tokens
    }

    static let abbreviations: Set<UInt64> = Set(["mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "jan", "feb",
        "aug", "sept", "sep", "oct", "nov", "dec", "jr", "u.s", "no", "vs", "sq", "gov", "rep", "sen", "prof", "inc", "co"].map(WordKey.of))

    static func sentences(_ p: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Sentence] {
        var out: [Sentence] = []
        var start = 0
        var paragraph = 0
        func close(_ end: Int) {
            guard end > start else { return }
            out.append(Sentence(range: TextRange(start: tokens[start].range.start, end: tokens[end - 1].range.end),
                                tokens: start..<end, paragraph: paragraph))
            start = end
        }
        for (i, t) in tokens.enumerated() {
            if i > start {
                // A line break between tokens ends the sentence and the paragraph.
                var j = Int(tokens[i - 1].range.end)
                var newline = false
                while j < Int(t.range.start) { if p[j] == 0x0A { newline = true; break }; j += 1 }
                if newline { close(i); paragraph += 1 }
            }
            let b = p[Int(t.range.start)]
            guard t.kind == .punctuation, b == 0x2E || b == 0x21 || b == 0x3F else { continue }
            if b == 0x2E, i > 0, tokens[i - 1].range.end == t.range.start {
                let prev = tokens[i - 1]
                let key = WordKey.of(p, Int(prev.range.start), Int(prev.range.end))
                if abbreviations.contains(key) || (prev.range.length == 1 && p[Int(prev.range.start)] &- 0x41 < 26) { continue }
            }
            var end = i + 1
            while end < tokens.count, tokens[end].kind == .closeQuote || tokens[end].kind == .quote,
                  tokens[end].range.start == tokens[end - 1].range.end { end += 1 }
            if end < tokens.count {
                let next = p[Int(tokens[end].range.start)]
                if next &- 0x61 < 26 { continue } // lowercase next: not a sentence end
            }
            close(end)
        }
        close(tokens.count)
        return out
    }

    static let numberWords: [UInt64: (Int, Int?, Bool)] = {
        var d: [UInt64: (Int, Int?, Bool)] = [:]
        let small = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        for (i, w) in small.enumerated() { d[WordKey.of(w)] = (i + 1, i + 1, false) }
        for (w, v) in [("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
                       ("hundred", 100), ("thousand", 1000)] { d[WordKey.of(w)] = (v, v, false) }
        d[WordKey.of("dozens")] = (24, 99, true); d[WordKey.of("scores")] = (40, 99, true)
        d[WordKey.of("hundreds")] = (200, 999, true); d[WordKey.of("thousands")] = (2000, 9999, true)
        d[WordKey.of("several")] = (3, 9, true); d[WordKey.of("dozen")] = (12, 12, false)
        return d
    }()
    static let notCounted: Set<UInt64> = Set(["sq", "square", "km", "kilometers", "kilometres", "kilometer", "kilometre", "miles",
        "mile", "meters", "metres", "percent", "%", "years", "year", "year-old", "am", "pm", "a.m", "p.m", "gmt", "o'clock",
        "hours", "days", "weeks", "months", "minutes", "dollars", "million", "billion", "km2", "acres", "hectares"].map(WordKey.of))
    static let roundingWords: Set<UInt64> = Set(["about", "around", "some", "nearly", "approximately", "roughly", "almost"].map(WordKey.of))
    static let moreWords: Set<UInt64> = Set(["over", "more", "least"].map(WordKey.of))

    static func quantities(_ p: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [QuantityMention] {
        var out: [QuantityMention] = []
        func key(_ i: Int) -> UInt64 { WordKey.of(p, Int(tokens[i].range.start), Int(tokens[i].range.end)) }
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            var value: (Int, Int?, Bool)?
            if t.kind == .number {
                var v = 0
                var ok = true
                for j in Int(t.range.start)..<Int(t.range.end) {
                    let b = p[j]
                    if b == 0x2C { continue }
                    if b == 0x2E { ok = false; break }
                    v = v * 10 + Int(b &- 0x30)
                    if v > 10_000_000 { ok = false; break }
                }
                if ok { value = (v, v, false) }
                if ok, (1900...2100).contains(v) { value = nil }
            } else if t.kind == .word {
                value = numberWords[key(i)]
            }
            guard var (lo, hi, approx) = value else { i += 1; continue }
            var end = i + 1
            while end < tokens.count, tokens[end].kind == .word, let more = numberWords[key(end)], more.0 >= 100, more.0 == more.1 {
                lo *= more.0; hi = lo; end += 1
            }
            if end < tokens.count, notCounted.contains(key(end)) { i = end; continue }
            var start = i
            if i > 0, roundingWords.contains(key(i - 1)) { approx = true; start = i - 1 }
            if i > 1, moreWords.contains(key(i - 1)) || (key(i - 1) == WordKey.of("than") && moreWords.contains(key(i - 2))) {
                lo += 1; hi = nil; start = key(i - 1) == WordKey.of("than") ? i - 2 : i - 1
            }
            var of: String?
            var ofRange: TextRange?
            var k = end
            if k < tokens.count, key(k) == WordKey.of("of") { k += 1 }
            if k < tokens.count, tokens[k].kind == .word {
                // The counted noun: the first plural-looking word within three words.
                var m = k
                while m < min(tokens.count, k + 4), tokens[m].kind == .word {
                    let r = tokens[m].range
                    if p[Int(r.end) - 1] == 0x73 || p[Int(r.end) - 1] == 0x6E { // -s, men / women / children
                        of = String(decoding: UnsafeBufferPointer(rebasing: p[Int(r.start)..<Int(r.end)]), as: UTF8.self).lowercased()
                        ofRange = TextRange(start: tokens[k].range.start, end: r.end)
                        break
                    }
                    m += 1
                }
            }
            out.append(QuantityMention(range: TextRange(start: tokens[start].range.start, end: tokens[end - 1].range.end),
                                       kind: .count, min: lo, max: hi, approximate: approx, of: of, ofRange: ofRange))
            i = end
        }
        return out
    }
}
