/// A word of running text as the place matcher sees it: UTF-8 offsets and a few flags.
struct PlaceWord {
    var start: Int
    var end: Int
    /// Starts with a capital letter (or an article then a capital: "al-Sweida", "ez-Zor"), or is all capitals.
    var capitalised: Bool
    /// Arabic script: names are not capitalised there.
    var arabic: Bool
    /// Punctuation, a number or a line break separates it from the previous word.
    var breakBefore: Bool
    /// First word of a sentence, headline or paragraph.
    var sentenceStart: Bool
}

/// Splits text into words on the bytes: letters with word-internal hyphens and apostrophes ("Dar'a",
/// "ez-Zor", "Hay‘at"), a trailing possessive "'s" cut off. Everything else is a break.
enum PlaceWordScanner {
    static func words(_ t: UnsafeBufferPointer<UInt8>) -> [PlaceWord] {
        let n = t.count
        // Every word but the last is followed by a separator byte or is a dotted abbreviation of 4 or more bytes
        // ("U.S."): at most n / 2 + 1 words. Written in place (no capacity and uniqueness check per word).
        let capacity = n / 2 + 2
        return [PlaceWord](unsafeUninitializedCapacity: capacity) { out, count in
        count = 0
        var i = 0
        var brk = true
        var sentence = true
        @inline(__always) func scalarAt(_ i: Int) -> (UInt32, Int) {
            let b = t[i]
            if b < 0x80 { return (UInt32(b), 1) }
            var len = 1, v: UInt32 = 0
            if b & 0xE0 == 0xC0 { len = 2; v = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { len = 3; v = UInt32(b & 0x0F) }
            else if b & 0xF8 == 0xF0 { len = 4; v = UInt32(b & 0x07) }
            else { return (0xFFFD, 1) }
            if i + len > n { return (0xFFFD, n - i) }
            for k in 1..<len { v = (v << 6) | UInt32(t[i + k] & 0x3F) }
            return (v, len)
        }
        @inline(__always) func isLetter(_ v: UInt32) -> Bool {
            if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
            switch v {
            case 0xC0...0x24F, 0x1E00...0x1EFF, 0x0370...0x052F: return v != 0xD7 && v != 0xF7
            case 0x0621...0x064A, 0x066E...0x06D3, 0x06FA...0x06FF, 0x0750...0x077F: return true
            case 0x064B...0x065F, 0x0670: return true  // harakat inside Arabic words
            case 0x0300...0x036F: return true  // combining accents
            default: return false
            }
        }
        @inline(__always) func isApostrophe(_ v: UInt32) -> Bool {
            v == 0x27 || v == 0x2019 || v == 0x2018 || v == 0x02BF || v == 0x02BE || v == 0x02BC || v == 0x60
        }
        while i < n {
            // (A space only separates words.)
            let b0 = t[i]
            if b0 == 0x20 { i += 1; continue }
            // (An ASCII letter, the common start, needs no decoding.)
            let asciiLetter = (b0 | 0x20) &- 0x61 < 26
            // Fast path: one to seven ASCII letters and a space (most words). No hyphen, apostrophe or period inside or
            // after it, so none of the tests below applies: a capital first letter makes it capitalised, and the space
            // is stepped over. (`PlaceWordScannerFastPathTests` pins the words to the plain scanner's.)
            if asciiLetter && i + 8 <= n {
                let k = asciiLetterRun(UInt64(littleEndian: UnsafeRawPointer(t.baseAddress! + i).loadUnaligned(as: UInt64.self)))
                if k < 8 && t[i + k] == 0x20 {
                    guard count < capacity else { return }  // (cannot happen: see `capacity`)
                    (out.baseAddress! + count).initialize(to: PlaceWord(start: i, end: i + k, capitalised: b0 <= 0x5A, arabic: false,
                                                                        breakBefore: brk, sentenceStart: sentence))
                    count += 1
                    brk = false
                    sentence = false
                    i += k + 1
                    continue
                }
            }
            let (v, len) = asciiLetter ? (UInt32(b0), 1) : scalarAt(i)
            if asciiLetter || isLetter(v) {
                let start = i
                var j = i + len
                // The word's first hyphen (-1: none); hyphens enter a word only below.
                var hyphen = -1
                // An apostrophe inside the word (only then may it end in a possessive: a word of letters has none).
                var apostrophe = false
                while j < n {
                    // Fast path: ASCII letters (a byte that is one after | 0x20 is below 0x80), eight bytes at a
                    // time where eight remain (`asciiLetterRun`), else one by one.
                    if j + 8 <= n {
                        let k = asciiLetterRun(UInt64(littleEndian: UnsafeRawPointer(t.baseAddress! + j).loadUnaligned(as: UInt64.self)))
                        j += k
                        if k == 8 { continue }
                    } else if (t[j] | 0x20) &- 0x61 < 26 { j += 1; continue }
                    // A space ends the word (the common case: no decoding of it below).
                    if t[j] == 0x20 { break }
                    let (w, l) = scalarAt(j)
                    if isLetter(w) { j += l; continue }
                    // Dotted capitals: U.S., U.K.
                    if w == 0x2E && j + 1 < n && t[j - 1] >= 0x41 && t[j - 1] <= 0x5A
                        && (j - 2 < start || t[j - 2] == 0x2E) && t[j + 1] >= 0x41 && t[j + 1] <= 0x5A
                        && (j + 2 >= n || t[j + 2] == 0x2E || !isLetter(UInt32(t[j + 2]))) {
                        j += 1; continue
                    }
                    if (w == 0x2D || isApostrophe(w)) && j + l < n {
                        let (x, _) = scalarAt(j + l)
                        if isLetter(x) {
                            if w == 0x2D && hyphen < 0 { hyphen = j }
                            if w != 0x2D { apostrophe = true }
                            j += l; continue
                        }
                    }
                    break
                }
                var end = j
                var dotted = false
                if j < n && t[j] == 0x2E && j - start >= 3 && t[j - 2] == 0x2E { end = j + 1; j += 1; dotted = true }
                // Possessive 's / ’s
                if apostrophe && t[end - 1] == 0x73 && end - start > 3 {
                    if t[end - 2] == 0x27 { end -= 2 }
                    else if end - start > 5 && t[end - 2] == 0x99 && t[end - 3] == 0x80 && t[end - 4] == 0xE2 { end -= 4 }
                }
                let arabic = v >= 0x0600 && v <= 0x077F
                var cap = false
                if !arabic {
                    if v < 0x80 { cap = v >= 0x41 && v <= 0x5A }
                    else if let s = Unicode.Scalar(v) { cap = s.properties.isUppercase }
                    if !cap {
                        // article-hyphen-Capital: "al-Sweida", "ez-Zor", "as-Suwayda"
                        // (The first hyphen was noted while scanning: no second pass over the word.)
                        let k = hyphen
                        if k >= 0 && k < end - 1 && k - start <= 3 && t[k + 1] >= 0x41 && t[k + 1] <= 0x5A { cap = true }
                    }
                }
                guard count < capacity else { return }  // (cannot happen: see `capacity`)
                (out.baseAddress! + count).initialize(to: PlaceWord(start: start, end: end, capitalised: cap, arabic: arabic,
                                                                    breakBefore: brk, sentenceStart: sentence))
                count += 1
                brk = false
                sentence = false
                // (A space after the word only separates: stepped over here.)
                i = j < n && t[j] == 0x20 ? j + 1 : j
                _ = dotted
                continue
            }
            switch v {
            case 0x20, 0x09, 0xA0:
                break
            case 0x0A:
                brk = true; sentence = true
            case 0x2E, 0x21, 0x3F, 0x3A:
                brk = true; sentence = true
            case 0x201C, 0x201D, 0x22, 0x28, 0x5B:
                brk = true; sentence = sentence || false
            default:
                brk = true
            }
            i += len
        }
        }
    }

    /// An ASCII letter or digit.
    @inline(__always) static func isASCIIAlnum(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }

    /// How many of the eight bytes of `x` (little-endian: lowest byte first) are ASCII letters before the first
    /// byte that is not: 0…8. Per byte, lower-cased and without its high bit, two additions that cannot carry into
    /// the next byte set the high bit at or above `a` and at or above `{`; a byte with its own high bit set is no letter.
    @inline(__always) static func asciiLetterRun(_ x: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let y = (x | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = y &+ 0x1F1F_1F1F_1F1F_1F1F
        let pastZ = y &+ 0x0505_0505_0505_0505
        let letters = atLeastA & ~pastZ & ~x & high
        return (~letters & high).trailingZeroBitCount >> 3
    }
}
