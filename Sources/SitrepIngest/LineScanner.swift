/// One non-blank line of the raw input, with the features the cleaner decides on.
struct ScannedLine: Sendable {
    /// Raw UTF-8 range of the line's content, surrounding whitespace trimmed.
    var start: Int
    var end: Int
    /// Range of this line's key in `ScannedLines.keys`: lowercase ASCII, whitespace collapsed,
    /// curly quotes straight, dashes '-', '…' as "...".
    var keyStart: Int
    var keyEnd: Int
    var words: Int
    /// Words whose first byte is an uppercase letter, a digit or a non-ASCII letter.
    var capitalizedWords: Int
    /// A blank line (or the start of the input) comes right before this line.
    var blankBefore: Bool
    /// Ends with . ! ? (possibly inside a closing quote or bracket), not an ellipsis.
    var endsSentence: Bool
    /// Holds any of . , ; : ! ? (sentence punctuation) anywhere.
    var hasPunctuation: Bool
    var hasNonASCII: Bool
    /// First and last raw bytes of the content.
    var first: UInt8
    var last: UInt8

    var keyLength: Int { keyEnd - keyStart }
    /// A paragraph of running text rather than a heading, label or button.
    var isBodyLike: Bool { (words >= 8 && endsSentence) || words >= 25 }
}

/// Splits raw UTF-8 into lines (LF, CRLF or CR) and computes each line's key and features in one pass.
struct ScannedLines: Sendable {
    var lines: [ScannedLine] = []
    var keys: [UInt8] = []

    init(_ p: UnsafeBufferPointer<UInt8>) {
        // A key is never longer than its line: every mapping shrinks or keeps the byte count. The buffer is not
        // zeroed first: every byte below the used count is written by the scan (bytes it stores past that count are
        // dropped with it). Room for the lines of a typical text is made up front (one per 128 bytes).
        var lines: [ScannedLine] = []
        lines.reserveCapacity(p.count / 128 + 8)
        keys = [UInt8](unsafeUninitializedCapacity: p.count + 1) { kb, used in
            used = ScannedLines.scanAll(p, kb, &lines)
        }
        self.lines = lines
    }

    private static func scanAll(_ p: UnsafeBufferPointer<UInt8>, _ kb: UnsafeMutableBufferPointer<UInt8>,
                                _ lines: inout [ScannedLine]) -> Int {
        var kc = 0
        let n = p.count
        var i = 0
        var blankBefore = true
        while i < n {
            // Find the line end.
            var e = i
            while e + 8 <= n {
                let x = ByteText.load8(p, e)
                let stop = ByteText.bytesEqual(x, 0x0A) | ByteText.bytesEqual(x, 0x0D)
                if stop != 0 { e += stop.trailingZeroBitCount >> 3; break }
                e += 8
            }
            while e < n, p[e] != 0x0A, p[e] != 0x0D { e += 1 }
            let next: Int
            if e < n, p[e] == 0x0D, e + 1 < n, p[e + 1] == 0x0A { next = e + 2 } else { next = e + 1 }
            // Trim.
            var s = i
            var t = e
            while s < t {
                if ByteText.isSpace(p[s]) { s += 1; continue }
                let u = ByteText.unicodeSpaceLength(p, s, t)
                if u > 0 { s += u; continue }
                break
            }
            while t > s {
                let b = p[t - 1]
                if ByteText.isSpace(b) { t -= 1; continue }
                if b == 0xA0, t - 2 >= s, p[t - 2] == 0xC2 { t -= 2; continue }
                if t - 3 >= s, ByteText.unicodeSpaceLength(p, t - 3, t) == 3 { t -= 3; continue }
                break
            }
            if s == t {
                blankBefore = true
            } else {
                lines.append(Self.scan(p, s, t, blankBefore: blankBefore, kb, &kc))
                blankBefore = false
            }
            i = next
        }
        return kc
    }

    private static func scan(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ t: Int, blankBefore: Bool,
                             _ keys: UnsafeMutableBufferPointer<UInt8>, _ kc: inout Int) -> ScannedLine {
        let keyStart = kc
        var words = 0, capitalized = 0
        var inWord = false
        var punct = false
        var nonASCII = false
        var i = s
        let high: UInt64 = 0x8080_8080_8080_8080
        while i < t {
            // Eight printable ASCII bytes with single spaces (and no space at the start outside a word): their key
            // is the bytes lowercased, and words, capitals and punctuation are counted on the whole word at once.
            // A tight loop over such words with its own copies of the counts (kept in registers), until a word
            // that is not one: that byte goes the byte-by-byte way below.
            if i + 8 <= t {
                var k = kc, w = words, c = capitalized, marked = punct, within = inWord
                let raw = UnsafeRawPointer(p.baseAddress!), key = UnsafeMutableRawPointer(keys.baseAddress!)
                while i + 8 <= t {
                    let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    let space = ByteText.bytesEqual(x, 0x20)
                    let control = (x &- 0x2020_2020_2020_2020) & ~x & high  // some byte below 0x20 (exact as a whole)
                    guard (x & high) | control | (space & (space << 8)) == 0, within || space & 0x80 == 0 else { break }
                    let upper = (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525) & high  // "A"..."Z"
                    let starts = ~space & high & ((space << 8) | (within ? 0 : 0x80))
                    // Words and capitals summed in one multiply: a word start puts 1 in its byte, a capital 16 more
                    // (at most 8 + 128 over the eight bytes: the byte sum carries nowhere).
                    let marks = (starts >> 7) | ((starts & (upper | ByteText.digitBytes(x))) >> 3)
                    let sum = Int(truncatingIfNeeded: (marks &* 0x0101_0101_0101_0101) >> 56)
                    w &+= sum & 0x0F
                    c &+= sum >> 4
                    if !marked {
                        let marks = ByteText.bytesEqual(x | 0x0202_0202_0202_0202, 0x2E)  // . ,
                            | ByteText.bytesEqual(x | 0x0101_0101_0101_0101, 0x3B)  // ; :
                            | ByteText.bytesEqual(x, 0x21) | ByteText.bytesEqual(x, 0x3F)  // ! ?
                        marked = marks != 0
                    }
                    key.storeBytes(of: (x | (upper >> 2)).littleEndian, toByteOffset: k, as: UInt64.self)
                    k &+= 8
                    i &+= 8
                    within = space >> 63 == 0
                }
                kc = k; words = w; capitalized = c; punct = marked; inWord = within
                if i >= t { break }
            }
            let b = p[i]
            if b < 0x80 {
                if b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C {
                    if inWord { keys[kc] = 0x20; kc += 1; inWord = false }
                    i += 1
                    continue
                }
                if !inWord {
                    inWord = true
                    words += 1
                    if ByteText.isUpper(b) || ByteText.isDigit(b) { capitalized += 1 }
                }
                switch b {
                case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F: punct = true
                default: break
                }
                keys[kc] = ByteText.lower(b); kc += 1
                i += 1
                // The rest of a lowercase word in one tight loop, eight bytes at a time where it can: the
                // eight bytes are copied whole (the key buffer is as long as the input, and a key never
                // outgrows the raw text before it), and only the lowercase ones are kept.
                while i + 8 <= t {
                    let x = ByteText.load8(p, i)
                    let stop = ByteText.nonLowerBytes(x)
                    let k = stop == 0 ? 8 : stop.trailingZeroBitCount >> 3
                    UnsafeMutableRawPointer(keys.baseAddress! + kc).storeBytes(of: x.littleEndian, as: UInt64.self)
                    kc += k; i += k
                    if k < 8 { break }
                }
                while i < t {
                    let c = p[i]
                    guard ByteText.isLower(c) else { break }
                    keys[kc] = c; kc += 1; i += 1
                }
                continue
            }
            nonASCII = true
            let u = ByteText.unicodeSpaceLength(p, i, t)
            if u > 0 {
                if inWord { keys[kc] = 0x20; kc += 1; inWord = false }
                i += u
                continue
            }
            if !inWord {
                inWord = true
                words += 1
                if b >= 0xC3 && b < 0xE0 { capitalized += 1 }
            }
            if b == 0xE2, i + 2 < t, p[i + 1] == 0x80 {
                switch p[i + 2] {
                case 0x98, 0x99: keys[kc] = 0x27; kc += 1; i += 3; continue
                case 0x9C, 0x9D: keys[kc] = 0x22; kc += 1; i += 3; continue
                case 0x93, 0x94: keys[kc] = 0x2D; kc += 1; i += 3; continue
                case 0xA6: keys[kc] = 0x2E; keys[kc + 1] = 0x2E; keys[kc + 2] = 0x2E; kc += 3; punct = true; i += 3; continue
                default: break
                }
            }
            keys[kc] = b
            kc += 1
            i += 1
        }
        if kc > keyStart, keys[kc - 1] == 0x20 { kc -= 1 }
        let keyEnd = kc
        // Sentence end on the key.
        var ends = false
        var k = keyEnd - 1
        while k >= keyStart, keys[k] == 0x22 || keys[k] == 0x27 || keys[k] == 0x29 || keys[k] == 0x5D { k -= 1 }
        if k >= keyStart {
            let c = keys[k]
            if c == 0x21 || c == 0x3F { ends = true }
            if c == 0x2E { ends = !(k - 2 >= keyStart && keys[k - 1] == 0x2E && keys[k - 2] == 0x2E) }
        }
        return ScannedLine(start: s, end: t, keyStart: keyStart, keyEnd: keyEnd, words: words,
                           capitalizedWords: capitalized, blankBefore: blankBefore, endsSentence: ends,
                           hasPunctuation: punct, hasNonASCII: nonASCII, first: p[s], last: p[t - 1])
    }
}
