import SitrepCore

/// Splits text into word, number, punctuation, quote, dash and symbol tokens, as UTF-8 ranges.
///
/// Byte-level, with an ASCII fast path. Conventions:
/// - Hyphenated words stay whole: "Russian-backed", "al-Boukamal", "ez-Zor", "a-Nasr", "700,000-strong",
///   "12-year-old", "F-16". Word-internal apostrophes too: "don't", "O'Brien", "Hay‘at".
/// - ʿ ʾ (and other modifier letters) are letters: "Baʿath" is one word. Digits of other scripts ("٤٠٠") are
///   word characters: only ASCII digits make `.number` tokens.
/// - The possessive is split off as its own word token: "Assad's" → "Assad" + "'s" (also with ’);
///   "it's" → "it" + "'s". A trailing apostrophe ("fighters'") is a separate close-quote token.
/// - Numbers: "1,000", "3.5", "2018-07-31", "31/07/2018", "11:32", "2011–2012" are one number token;
///   ordinals "30th", "1st" and decades "1990s" are one number token; a number glued to a unit is split ("20km" → "20" + "km").
///   A token that starts with a digit has kind `.number` even when hyphenated ("700,000-strong").
/// - Dotted abbreviations with short parts keep their final stop: "U.S.", "a.m.", "e.g."; "V.1.0" is one word.
/// - “ ‘ « „ are open quotes, ” » are close quotes, ’ alone is a close quote; an ASCII " or ' is an open quote
///   after a space or opening bracket, a close quote before a space or punctuation, else `.quote`.
/// - Web addresses ("https://…", "www.…") are one `.symbol` token.
/// - En and em dashes, and a free-standing "-" or "--", are `.dash`. NBSP and other Unicode spaces separate tokens.
public struct Tokenizer: Sendable {
    public init() {}

    public static func tokenize(_ text: String) -> [Token] {
        var copy = text
        return copy.withUTF8 { tokenize(bytes: $0) }
    }

    /// Character classes the scanner distinguishes.
    enum Class: UInt8 {
        case space, letter, digit, hyphen, apostrophe, period, comma, colon, slash
        case openQuote, closeQuote, doubleQuote, singleQuote, openSingle, closeSingle
        case dash, openBracket, punctuation, symbol
    }

    static let asciiClass: [Class] = {
        var t = [Class](repeating: .symbol, count: 128)
        for b in 0..<32 { t[b] = .space }
        t[0x7F] = .space
        t[0x20] = .space
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(b)] = .letter }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(b)] = .letter }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = .digit }
        t[Int(UInt8(ascii: "-"))] = .hyphen
        t[Int(UInt8(ascii: "'"))] = .singleQuote
        t[Int(UInt8(ascii: "\""))] = .doubleQuote
        t[Int(UInt8(ascii: "."))] = .period
        t[Int(UInt8(ascii: ","))] = .comma
        t[Int(UInt8(ascii: ":"))] = .colon
        t[Int(UInt8(ascii: "/"))] = .slash
        for c in "([{" { t[Int(c.asciiValue!)] = .openBracket }
        for c in ")]};!?" { t[Int(c.asciiValue!)] = .punctuation }
        return t
    }()

    /// The class and byte length of the character at `i`.
    @inline(__always)
    static func classify(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Class, Int) {
        let b = p[i]
        if b < 0x80 { return (asciiClass[Int(b)], 1) }
        let (u, n) = ByteClass.scalar(p, i, end)
        return (unicodeClass(u), n)
    }

    static func unicodeClass(_ u: UInt32) -> Class {
        switch u {
        case 0xA0, 0x1680, 0x2000...0x200D, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF, 0x85: return .space
        case 0x2018, 0x201B, 0x2039: return .openSingle
        case 0x2019, 0x203A: return .closeSingle
        case 0x201C, 0x201E, 0x201F, 0xAB: return .openQuote
        case 0x201D, 0xBB: return .closeQuote
        case 0x2010, 0x2011: return .hyphen
        case 0x2012...0x2015, 0x2212, 0x2E3A, 0x2E3B: return .dash
        case 0x2026, 0xB7, 0x3002: return .punctuation
        case 0xA1...0xA9, 0xAC, 0xAE...0xB1, 0xB4, 0xB6, 0xB8, 0xD7, 0xF7, 0x20A0...0x20CF, 0x2022, 0x2030...0x2038: return .symbol
        case 0xFFFD: return .symbol
        default:
            guard let s = Unicode.Scalar(u) else { return .symbol }
            let props = s.properties
            switch props.generalCategory {
            case .uppercaseLetter, .decimalNumber, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .letterNumber, .otherNumber:
                return .letter
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format: return .space
            case .openPunctuation: return .openBracket
            case .initialPunctuation: return .openQuote
            case .finalPunctuation: return .closeQuote
            case .dashPunctuation: return .dash
            case .connectorPunctuation, .closePunctuation, .otherPunctuation: return .punctuation
            default: return props.isAlphabetic ? .letter : .symbol
            }
        }
    }

    @inline(__always)
    static func isWordClass(_ c: Class) -> Bool { c == .letter || c == .digit }

    public static func tokenize(bytes p: UnsafeBufferPointer<UInt8>) -> [Token] {
        let end = p.count
        var tokens: [Token] = []
        tokens.reserveCapacity(end / 5 + 8)
        let table = asciiClass
        var i = 0
        var lastEnd = -1
        var lastKind = TokenKind.punctuation
        while i < end {
            let b = p[i]
            // The commonest bytes first, before the class table's indirect jump.
            if b == 0x20 { i += 1; continue }
            let c: Class, n: Int
            if ByteClass.isAlpha(b) { c = .letter; n = 1 } else if b < 0x80 { c = table[Int(b)]; n = 1 } else { (c, n) = classify(p, i, end) }
            var kind: TokenKind
            var e = i + n
            /// A possessive "'s" token that follows the main token directly.
            var possessive = 0
            switch c {
            case .space:
                i += n
                continue
            case .letter:
                // Only "h…" and "w…" can open a web address: skip the call for every other word.
                if b | 0x20 == UInt8(ascii: "h") || b | 0x20 == UInt8(ascii: "w"), let u = urlEnd(p, i, end) {
                    e = u
                    kind = .symbol
                    break
                }
                // Most words are a letter run ending at a space or at punctuation other than - ' . (or at a
                // non-ASCII byte that is not a word character): `scanWord` would stop there too.
                let j = scanLetters(p, i + n, end)
                kind = .word
                if j >= end || (p[j] < 0x80 && p[j] != UInt8(ascii: "-") && p[j] != UInt8(ascii: "'") && p[j] != UInt8(ascii: ".")) {
                    e = j
                    break
                }
                let w = scanWord(p, i, end)
                e = w.end
                possessive = w.possessive
            case .digit:
                let w = scanNumber(p, i, end)
                e = w.end
                possessive = w.possessive
                kind = .number
            case .hyphen, .dash:
                while e < end {
                    let (c2, n2) = classify(p, e, end)
                    if c2 == .hyphen || c2 == .dash { e += n2 } else { break }
                }
                kind = .dash
            case .period:
                while e < end, p[e] == UInt8(ascii: ".") { e += 1 }
                kind = .punctuation
            case .comma, .colon, .punctuation, .openBracket:
                kind = .punctuation
            case .slash, .symbol:
                kind = .symbol
            case .openQuote, .openSingle:
                kind = .openQuote
            case .closeQuote, .closeSingle:
                kind = .closeQuote
            case .doubleQuote, .singleQuote, .apostrophe:
                if opens(p, i, lastEnd: lastEnd, lastKind: lastKind) {
                    kind = .openQuote
                } else if !isWordStart(p, i + 1, end) {
                    kind = .closeQuote
                } else {
                    kind = .quote
                }
            }
            if e <= i { e = i + n } // always make progress, whatever the scanners decided
            tokens.append(Token(range: TextRange(start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: e)), kind: kind))
            if possessive > 0 {
                tokens.append(Token(range: TextRange(start: Int32(truncatingIfNeeded: e), end: Int32(truncatingIfNeeded: e + possessive)), kind: .word))
                e += possessive
                kind = .word
            }
            lastEnd = e
            lastKind = kind
            i = e
        }
        return tokens
    }

    /// The end of a web address starting at `i` ("https://…", "www.…"): up to a space, a non-ASCII byte or a
    /// quote, without trailing punctuation. `nil` when no address starts here.
    static func urlEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        let b = p[i] | 0x20
        guard b == UInt8(ascii: "h") || b == UInt8(ascii: "w") else { return nil }
        // "http…" and "www.…" only: most words that start with h or w ("he", "was") fail on the second letter.
        guard i + 1 < end else { return nil }
        let b1 = ByteClass.lower(p[i + 1])
        guard b == UInt8(ascii: "h") ? b1 == UInt8(ascii: "t") : b1 == UInt8(ascii: "w") else { return nil }
        func has(_ prefix: StaticString) -> Bool {
            let n = prefix.utf8CodeUnitCount
            guard i + n < end else { return false }
            let q = prefix.utf8Start
            for k in 0..<n where ByteClass.lower(p[i + k]) != q[k] { return false }
            return true
        }
        guard has("http://") || has("https://") || has("www.") else { return nil }
        var j = i
        while j < end {
            let c = p[j]
            if c <= 0x20 || c >= 0x80 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") { break }
            j += 1
        }
        while j > i + 4 {
            let c = p[j - 1]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: ",") || c == UInt8(ascii: ";") || c == UInt8(ascii: ":")
                || c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
                || c == UInt8(ascii: "'") { j -= 1 } else { break }
        }
        return j
    }

    /// Whether an ASCII quote at `i` opens: nothing glued before it, or an opening token.
    @inline(__always)
    static func opens(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, lastEnd: Int, lastKind: TokenKind) -> Bool {
        if lastEnd != i { return true }
        switch lastKind {
        case .openQuote, .dash: return true
        case .punctuation, .symbol:
            let b = p[i - 1]
            return b == UInt8(ascii: "(") || b == UInt8(ascii: "[") || b == UInt8(ascii: "{")
        default: return false
        }
    }

    struct WordEnd {
        var end: Int
        /// Length of a possessive "'s" that follows at `end` (0 when none).
        var possessive: Int
        var startsWithDigit: Bool
    }

    /// Length of an apostrophe-like character at `j` (', ’, ‘, ʼ), or 0.
    @inline(__always)
    static func apostropheLength(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, _ end: Int) -> Int {
        guard j < end else { return 0 }
        if p[j] == UInt8(ascii: "'") { return 1 }
        if p[j] == 0xE2, j + 2 < end, p[j + 1] == 0x80, p[j + 2] == 0x98 || p[j + 2] == 0x99 { return 3 }
        if p[j] == 0xCA, j + 1 < end, p[j + 1] == 0xBC { return 2 }
        return 0
    }

    /// Length of a word-joining hyphen at `j` (-, U+2010, U+2011), or 0.
    @inline(__always)
    static func hyphenLength(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, _ end: Int) -> Int {
        guard j < end else { return 0 }
        if p[j] == UInt8(ascii: "-") { return 1 }
        if p[j] == 0xE2, j + 2 < end, p[j + 1] == 0x80, p[j + 2] == 0x90 || p[j + 2] == 0x91 { return 3 }
        return 0
    }

    @inline(__always)
    static func isWordStart(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, _ end: Int) -> Bool {
        guard j < end else { return false }
        let b = p[j]
        if b < 0x80 { return ByteClass.isAlnum(b) }
        return isWordClass(classify(p, j, end).0)
    }

    /// End of the letter run (letters, digits, marks) starting at `j`.
    @inline(__always)
    static func scanLetters(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, _ end: Int) -> Int {
        var j = j
        // Eight ASCII bytes at a time; a chunk with a non-ASCII byte goes to the byte loop below.
        if let base = p.baseAddress {
            while j + 8 <= end {
                let x = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
                if x & 0x8080_8080_8080_8080 != 0 { break }
                let stop = ByteClass.nonAlnumBytes(x)
                if stop != 0 { return j + stop.trailingZeroBitCount >> 3 }
                j += 8
            }
        }
        let cls = ByteClass.table
        while j < end {
            let b = p[j]
            if b < 0x80 {
                if cls[Int(b)] & 3 != 0 { j += 1; continue }
                break
            }
            let (c, n) = classify(p, j, end)
            if isWordClass(c) { j += n } else { break }
        }
        return j
    }

    /// A possessive 's at `j`: apostrophe, s/S, then no further word character. Returns its length or 0.
    @inline(__always)
    static func possessiveLength(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, _ end: Int) -> Int {
        let a = apostropheLength(p, j, end)
        guard a > 0, j + a < end, p[j + a] | 0x20 == UInt8(ascii: "s"), !isWordStart(p, j + a + 1, end) else { return 0 }
        return a + 1
    }

    /// Scans a word from a letter at `start`: letters, internal hyphens, apostrophes and dotted short parts.
    static func scanWord(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> WordEnd {
        var j = start
        var segmentStart = start
        var dotted = false
        var maxDottedSegment = 0
        while true {
            j = scanLetters(p, j, end)
            guard j < end else { break }
            // Most words end at a space or at punctuation other than - ' . : nothing below can go on there.
            let stop = p[j]
            if stop < 0x80, stop != UInt8(ascii: "-"), stop != UInt8(ascii: "'"), stop != UInt8(ascii: ".") { break }
            let h = hyphenLength(p, j, end)
            if h > 0, isWordStart(p, j + h, end) { j += h; segmentStart = j; continue }
            let pos = possessiveLength(p, j, end)
            if pos > 0 { return WordEnd(end: j, possessive: pos, startsWithDigit: false) }
            let a = apostropheLength(p, j, end)
            if a > 0, isWordStart(p, j + a, end) { j += a; segmentStart = j; continue }
            if p[j] == UInt8(ascii: "."), j + 1 < end {
                let next = p[j + 1]
                let segment = j - segmentStart
                if ByteClass.isAlnum(next), segment <= 2 || ByteClass.isLower(next) || ByteClass.isDigit(next) {
                    dotted = true
                    maxDottedSegment = max(maxDottedSegment, segment)
                    j += 1
                    segmentStart = j
                    continue
                }
            }
            break
        }
        if dotted, j < end, p[j] == UInt8(ascii: "."), j - segmentStart <= 2, maxDottedSegment <= 2 {
            j += 1 // "U.S.", "a.m.": the final stop belongs to the abbreviation
            let h = hyphenLength(p, j, end)
            if h > 0, j + h < end, ByteClass.isAlpha(p[j + h]) {
                // "U.S.-led": the compound stays whole.
                let rest = scanWord(p, j + h, end)
                return WordEnd(end: rest.end, possessive: rest.possessive, startsWithDigit: false)
            }
        }
        return WordEnd(end: j, possessive: 0, startsWithDigit: false)
    }

    /// Scans a number from a digit at `start`: separators, decimals, dates, times, ordinals, hyphenated words.
    static func scanNumber(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> WordEnd {
        var j = start
        while true {
            while j < end, ByteClass.isDigit(p[j]) { j += 1 }
            guard j < end else { break }
            let b = p[j]
            if b == UInt8(ascii: ","), j + 3 < end, ByteClass.isDigit(p[j + 1]), ByteClass.isDigit(p[j + 2]),
               ByteClass.isDigit(p[j + 3]), j + 4 >= end || !ByteClass.isDigit(p[j + 4]) {
                j += 4
                continue
            }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ":") || b == UInt8(ascii: "/"),
               j + 1 < end, ByteClass.isDigit(p[j + 1]) {
                j += 1
                continue
            }
            // Hyphen or en dash between digits ("2018-07-31", "2011–2012").
            var h = hyphenLength(p, j, end)
            if h == 0, p[j] == 0xE2, j + 2 < end, p[j + 1] == 0x80, p[j + 2] == 0x93 { h = 3 }
            if h > 0, j + h < end, ByteClass.isDigit(p[j + h]) { j += h; continue }
            let hy = hyphenLength(p, j, end)
            if hy > 0, isWordStart(p, j + hy, end) {
                // "700,000-strong", "12-year-old": the rest is scanned as a word.
                let rest = scanWord(p, j + hy, end)
                return WordEnd(end: rest.end, possessive: rest.possessive, startsWithDigit: true)
            }
            if ByteClass.isAlpha(b) {
                // Decades: "1990s", "90s".
                if ByteClass.lower(b) == UInt8(ascii: "s"), j - start >= 2, !isWordStart(p, j + 1, end),
                   apostropheLength(p, j + 1, end) == 0 {
                    j += 1
                    break
                }
                // Ordinal suffix: "1st", "2nd", "3rd", "30th".
                if j + 2 <= end {
                    let s0 = ByteClass.lower(p[j]), s1 = j + 1 < end ? ByteClass.lower(p[j + 1]) : 0
                    let isSuffix = (s0 == UInt8(ascii: "s") && s1 == UInt8(ascii: "t")) || (s0 == UInt8(ascii: "n") && s1 == UInt8(ascii: "d"))
                        || (s0 == UInt8(ascii: "r") && s1 == UInt8(ascii: "d")) || (s0 == UInt8(ascii: "t") && s1 == UInt8(ascii: "h"))
                    if isSuffix, !isWordStart(p, j + 2, end) { j += 2 }
                }
                break
            }
            let pos = possessiveLength(p, j, end)
            if pos > 0 { return WordEnd(end: j, possessive: pos, startsWithDigit: true) }
            break
        }
        return WordEnd(end: j, possessive: 0, startsWithDigit: true)
    }
}
