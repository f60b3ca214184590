import SitrepCore
import SitrepLanguage

/// A small, CoNLL-like word splitter for documents when no tokens are given: words keep internal
/// hyphens, apostrophes and dots (`al-Sham`, `Hay‘at`, `U.S.`), the possessive `'s` is its own token,
/// every other punctuation mark is a token. Byte-level; offsets are UTF-8.
public enum EntityWordSplitter {
    public static func split(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { split(bytes: $0) }
    }

    /// Length of the UTF-8 sequence at `i` when it is an apostrophe-like mark (' ’ ‘ ʿ ʾ `), else 0.
    @inline(__always)
    static func apostropheLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c == 0x27 || c == 0x60 { return 1 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x98 || b[i + 2] == 0x99 { return 3 }
        if c == 0xCA, i + 1 < b.count, b[i + 1] == 0xBF || b[i + 1] == 0xBE || b[i + 1] == 0xBC { return 2 }
        return 0
    }

    /// Length of a non-word character (space, quote, dash, punctuation) at `i`, 0 for a word character.
    @inline(__always)
    static func nonWordLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 {
            let isWord = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            return isWord ? 0 : 1
        }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 || b[i + 1] == 0xAB || b[i + 1] == 0xBB { return 2 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 { return 3 }  // dashes, quotes, ellipsis, spaces
        return 0
    }

    @inline(__always)
    static func isWordStart(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool { i < b.count && nonWordLength(b, i) == 0 }

    static func split(bytes b: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(b.count / 5)
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { i += 1; continue }
            let nw = nonWordLength(b, i)
            if nw > 0 {
                if nw == 2 && b[i + 1] == 0xA0 { i += 2; continue }  // no-break space
                if nw == 3 && b[i + 2] >= 0x80 && b[i + 2] <= 0x8A { i += 3; continue }  // typographic spaces
                let kind: TokenKind
                switch c {
                case 0x22: kind = .quote
                case 0x2D: kind = .dash
                case 0xE2: kind = (b[i + 2] == 0x93 || b[i + 2] == 0x94) ? .dash : (b[i + 2] >= 0x98 && b[i + 2] <= 0x9F ? .quote : .punctuation)
                case 0x27: kind = .quote
                default: kind = (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E) ? .punctuation : .symbol
                }
                // Possessive 's as one token.
                let ap = apostropheLength(b, i)
                if ap > 0, !tokens.isEmpty, tokens[tokens.count - 1].range.end == Int32(i),
                   i + ap < n, b[i + ap] == 0x73 || b[i + ap] == 0x53, i + ap + 1 == n || !isWordStart(b, i + ap + 1) {
                    tokens.append(Token(range: TextRange(start: Int32(i), end: Int32(i + ap + 1)), kind: .word))
                    i += ap + 1
                    continue
                }
                tokens.append(Token(range: TextRange(start: Int32(i), end: Int32(i + nw)), kind: kind))
                i += nw
                continue
            }
            // A word or number.
            let start = i
            let isNumber = c >= 0x30 && c <= 0x39
            var singleLetters = true
            var segmentLength = 0
            while i < n {
                if nonWordLength(b, i) == 0 { i += 1; segmentLength += 1; continue }
                let d = b[i]
                // Internal hyphen, dot, comma in numbers, or apostrophe followed by a word character.
                if d == 0x2D || d == 0x2E || (isNumber && d == 0x2C) || d == 0x2F && isNumber {
                    if isWordStart(b, i + 1) {
                        if segmentLength > 1 { singleLetters = false }
                        segmentLength = 0
                        i += 1; continue
                    }
                    // "U.S." keeps its final dot.
                    if d == 0x2E && singleLetters && segmentLength == 1 && i > start + 1 { i += 1 }
                    break
                }
                let ap = apostropheLength(b, i)
                if ap > 0 && isWordStart(b, i + ap) {
                    // Possessive 's at the end of a word is split off.
                    let s = b[i + ap]
                    if (s == 0x73 || s == 0x53) && (i + ap + 1 == n || !isWordStart(b, i + ap + 1)) { break }
                    i += ap; segmentLength = 0; singleLetters = false; continue
                }
                break
            }
            if segmentLength > 1 { singleLetters = false }
            tokens.append(Token(range: TextRange(start: Int32(start), end: Int32(i)), kind: isNumber ? .number : .word))
        }
        return tokens
    }
}
