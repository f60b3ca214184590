import SitrepCore

/// Per-token facts the attribution and certainty finders look at, computed once per call from
/// the UTF-8 bytes: a hash of the lowercased word, and a few shape flags.
///
/// Keys are 64-bit hashes of the lowercased bytes with ’ and ‘ read as ', so "don’t" and "don't"
/// share a key (see `hash`). Word lists are hashed the same way (`ClauseTokens.key(_:)`).
struct ClauseTokens {
    struct Flags: OptionSet {
        let rawValue: UInt32
        static let word = Flags(rawValue: 1 << 0)
        static let number = Flags(rawValue: 1 << 1)
        /// First letter is uppercase.
        static let capitalized = Flags(rawValue: 1 << 2)
        /// Ends in n't ("didn't", "isn’t").
        static let negatedContraction = Flags(rawValue: 1 << 3)
        static let comma = Flags(rawValue: 1 << 4)
        /// ; or :
        static let clausePunctuation = Flags(rawValue: 1 << 5)
        /// . ! ?
        static let finalPunctuation = Flags(rawValue: 1 << 6)
        static let dash = Flags(rawValue: 1 << 7)
        /// An opening double quote (“ « „ or an opening ").
        static let openDouble = Flags(rawValue: 1 << 8)
        /// A closing double quote (” » or a closing ").
        static let closeDouble = Flags(rawValue: 1 << 9)
        /// A straight " the tokenizer could not place.
        static let ambiguousDouble = Flags(rawValue: 1 << 10)
        /// Lowercase word ending in -ing.
        static let ing = Flags(rawValue: 1 << 11)
        static let openBracket = Flags(rawValue: 1 << 12)
        static let closeBracket = Flags(rawValue: 1 << 13)
        /// A single quote or apostrophe token.
        static let single = Flags(rawValue: 1 << 14)
        /// A lowercase-initial word with a capitalised part after a hyphen ("al-Qaeda", "ez-Zor").
        static let hyphenName = Flags(rawValue: 1 << 15)
        /// A word ending in -ed.
        static let ed = Flags(rawValue: 1 << 16)
        /// The last byte is "s" or "S" (any kind of token: "reports", "1990s").
        static let endsInS = Flags(rawValue: 1 << 17)
        /// A word of ASCII letters (up to 16 bytes) with no "-" in it. Unset says nothing.
        static let noHyphen = Flags(rawValue: 1 << 18)
    }

    let tokens: [Token]
    private(set) var keys: [UInt64]
    private(set) var flags: [Flags]
    /// The text's bytes, for the few checks made only where a source phrase is read (`gluedTail`, `isPluralShape`).
    /// Valid as long as the caller's buffer: every `ClauseTokens` lives inside the call that made it.
    let bytes: UnsafeBufferPointer<UInt8>

    init(bytes p: UnsafeBufferPointer<UInt8>, tokens: [Token]) {
        self.tokens = tokens
        self.bytes = p
        let count = tokens.count
        // Both arrays are written in one pass straight into their uninitialised storage (every slot is set).
        var keys: [UInt64] = []
        let flags = [Flags](unsafeUninitializedCapacity: count) { flagBuffer, flagsInitialized in
            keys = [UInt64](unsafeUninitializedCapacity: count) { keyBuffer, initialized in
                tokens.withUnsafeBufferPointer { t in
                    let n = p.count
                    for i in 0..<count {
                        let r = t[i].range
                        let s = max(0, min(Int(r.start), n)), e = max(s, min(Int(r.end), n))
                        let kind = t[i].kind
                        var f: Flags
                        if kind == .word, let w = Self.asciiWord(p, s, e) {
                            // An ASCII word of up to 16 bytes: its bytes are loaded once for the key and the hyphen test.
                            keyBuffer[i] = w.key
                            f = Self.wordFlags(p, s, e, w.hyphen)
                            if !w.anyHyphen { f.insert(.noHyphen) }
                        } else {
                            keyBuffer[i] = Self.hash(p, s, e)
                            f = Self.flags(p, s, e, kind)
                        }
                        // Only "S" and "s" give "s" when 0x20 is set.
                        if e > s, p[e - 1] | 0x20 == 0x73 { f.insert(.endsInS) }
                        flagBuffer[i] = f
                    }
                }
                initialized = count
            }
            flagsInitialized = count
        }
        self.keys = keys
        self.flags = flags
    }

    /// The shape flags of one token at bytes `s..<e`.
    @inline(__always)
    private static func flags(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ kind: TokenKind) -> Flags {
        var f: Flags = []
        switch kind {
        case .word:
            return wordFlags(p, s, e, Self.mayHaveHyphen(p, s, e))
        case .number:
            f.insert(.number)
        case .punctuation:
            if s < e {
                switch p[s] {
                case 0x2C: f.insert(.comma)
                case 0x3B, 0x3A: f.insert(.clausePunctuation)
                case 0x2E, 0x21, 0x3F: f.insert(.finalPunctuation)
                case 0x28, 0x5B, 0x7B: f.insert(.openBracket)
                case 0x29, 0x5D, 0x7D: f.insert(.closeBracket)
                default:
                    if e - s == 3, p[s] == 0xE2, p[s + 1] == 0x80, p[s + 2] == 0xA6 { f.insert(.finalPunctuation) }
                }
            }
        case .symbol:
            if s < e {
                switch p[s] {
                case 0x28, 0x5B, 0x7B: f.insert(.openBracket)
                case 0x29, 0x5D, 0x7D: f.insert(.closeBracket)
                case 0x2C: f.insert(.comma)
                case 0x60: f.insert(.single) // ` as in ``quoted''
                default: break
                }
            }
        case .dash:
            f.insert(.dash)
        case .openQuote:
            f.insert(Self.isDouble(p, s, e) ? .openDouble : .single)
        case .closeQuote:
            f.insert(Self.isDouble(p, s, e) ? .closeDouble : .single)
        case .quote:
            f.insert(Self.isDouble(p, s, e) ? .ambiguousDouble : .single)
        }
        return f
    }

    /// The shape flags of a word token at bytes `s..<e`; `mayHyphen` (false only when no "-" is in the word
    /// past its first byte) is read only for a lowercase-initial word.
    @inline(__always)
    private static func wordFlags(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ mayHyphen: @autoclosure () -> Bool) -> Flags {
        var f: Flags = .word
        if s < e {
            let b = p[s]
            if b &- 0x41 < 26 { f.insert(.capitalized) }
            else if b >= 0xC0 && Self.isUpperScalar(p, s, e) { f.insert(.capitalized) }
            if !f.contains(.capitalized), mayHyphen() {
                var j = s + 1
                while j + 1 < e {
                    if p[j] == 0x2D, p[j + 1] &- 0x41 < 26 { f.insert(.hyphenName); break }
                    j += 1
                }
            }
            if e - s >= 3 {
                let l = p[e - 1] | 0x20
                if l == 0x74 { // t
                    // n't or n’t
                    if p[e - 2] == 0x27, e - s >= 3, p[e - 3] | 0x20 == 0x6E { f.insert(.negatedContraction) }
                    else if e - s >= 5, p[e - 2] == 0x99, p[e - 3] == 0x80, p[e - 4] == 0xE2,
                            p[e - 5] | 0x20 == 0x6E { f.insert(.negatedContraction) }
                }
                if l == 0x64, p[e - 2] | 0x20 == 0x65 { f.insert(.ed) }
                if e - s >= 5, l == 0x67, p[e - 2] | 0x20 == 0x6E, p[e - 3] | 0x20 == 0x69,
                   !f.contains(.capitalized) { f.insert(.ing) }
            }
        }
        return f
    }

    /// For an ASCII span of 1 ... 16 bytes with 16 bytes readable from its start: its key (`hash`'s fast path)
    /// and `mayHaveHyphen`'s answer, from one load of its bytes; nil for any other span.
    @inline(__always)
    private static func asciiWord(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> (key: UInt64, hyphen: Bool, anyHyphen: Bool)? {
        let n = to - from
        guard n > 0, n <= 16, from + 16 <= p.count, let base = p.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base + from)
        let c0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & byteMask(min(n, 8))
        if n <= 8 {
            guard c0 & 0x8080_8080_8080_8080 == 0 else { return nil }
            let any = hasByte(c0, 0x2D)
            return (finish(mix(hashSeed, lowerASCII(c0)), n), n >= 3 && any, any)
        }
        let c1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & byteMask(n - 8)
        guard (c0 | c1) & 0x8080_8080_8080_8080 == 0 else { return nil }
        let any = hasByte(c0, 0x2D) || hasByte(c1, 0x2D)
        return (finish(mix(mix(hashSeed, lowerASCII(c0)), lowerASCII(c1)), n), any, any)
    }

    /// False only when bytes `s+1 ..< e-1` surely hold no "-": a word of at most 16 bytes is tested
    /// eight bytes at a time (the straightforward loop then runs only for words that have a hyphen).
    @inline(__always)
    private static func mayHaveHyphen(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let n = e - s
        guard n >= 3 else { return false }
        guard n <= 16, s + 16 <= p.count, let base = p.baseAddress else { return true }
        let raw = UnsafeRawPointer(base + s)
        let c0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & byteMask(min(n, 8))
        let c1 = n > 8 ? UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & byteMask(n - 8) : 0
        return hasByte(c0, 0x2D) || hasByte(c1, 0x2D)
    }

    /// The low `n` bytes (1 ... 8) of a word.
    @inline(__always) static func byteMask(_ n: Int) -> UInt64 { UInt64.max >> UInt64(truncatingIfNeeded: 64 - 8 * n) }

    /// Whether some byte of `x` equals `b` (exact: the classic "has zero byte" test on `x ^ b…b`).
    @inline(__always) static func hasByte(_ x: UInt64, _ b: UInt8) -> Bool {
        let y = x ^ (0x0101_0101_0101_0101 &* UInt64(b))
        return (y &- 0x0101_0101_0101_0101) & ~y & 0x8080_8080_8080_8080 != 0
    }

    // The per-token accessors read through buffer pointers: one load each, no array bounds check (the
    // finders index tokens of a sentence, always below `tokens.count`; debug builds still check).
    @inline(__always) func key(_ t: Int) -> UInt64 { keys.withUnsafeBufferPointer { $0[t] } }
    @inline(__always) func flag(_ t: Int) -> Flags { flags.withUnsafeBufferPointer { $0[t] } }
    @inline(__always) func has(_ t: Int, _ f: Flags) -> Bool { flag(t).contains(f) }
    @inline(__always) func isWord(_ t: Int) -> Bool { flag(t).contains(.word) }
    @inline(__always) func isCapitalized(_ t: Int) -> Bool { flag(t).contains(.capitalized) }
    @inline(__always) func endsWithED(_ t: Int) -> Bool { flag(t).contains(.ed) }
    @inline(__always) func start(_ t: Int) -> Int32 { tokens.withUnsafeBufferPointer { $0[t].range.start } }
    @inline(__always) func end(_ t: Int) -> Int32 { tokens.withUnsafeBufferPointer { $0[t].range.end } }

    /// Where the second of two words glued together by page cleaning starts in word `t` ("reportersThe",
    /// "area'Reinforce", "SyriaThe"): the byte offset of the last capital that follows a lowercase letter or an
    /// apostrophe, at least two bytes into the word (two letters before an apostrophe); nil when there is none ("McGregor" gives "Gregor": callers
    /// decide whether a capitalised word's tail is a word of its own). Reads the token's bytes: call it only on the
    /// few tokens of a source phrase.
    func gluedTail(_ t: Int) -> Int? {
        let r = tokens.withUnsafeBufferPointer { $0[t].range }
        let n = bytes.count
        let s = max(0, min(Int(r.start), n)), e = max(s, min(Int(r.end), n))
        guard e - s >= 3 else { return nil }
        var found: Int?
        var i = s + 2
        while i < e {
            let b = bytes[i]
            if b &- 0x41 < 26 {
                let prev = bytes[i - 1]
                // (An apostrophe needs two letters before it: "d'Ivoire" is one word.)
                if prev &- 0x61 < 26 || (prev == 0x27 && i - s >= 3)
                    || (prev == 0x99 && i - s >= 5 && bytes[i - 2] == 0x80 && bytes[i - 3] == 0xE2) {
                    found = i
                }
            }
            i += 1
        }
        return found
    }

    /// The key of the bytes from `from` to the end of token `t` (a glued word's tail).
    func tailKey(_ t: Int, from: Int) -> UInt64 {
        let e = min(Int(tokens.withUnsafeBufferPointer { $0[t].range.end }), bytes.count)
        return Self.hash(bytes, from, max(from, e))
    }

    /// A word that looks plural: it ends in "s" but not "ss", "us" or "is" ("officials", "witnesses"; not "witness",
    /// "status", "analysis").
    func isPluralShape(_ t: Int) -> Bool {
        guard has(t, .endsInS) else { return false }
        let e = min(Int(end(t)), bytes.count), s = Int(start(t))
        guard e - s >= 3 else { return false }
        let b = bytes[e - 2] | 0x20
        return b != 0x73 && b != 0x75 && b != 0x69
    }

    /// The text range from the start of token `a` to the end of token `b` (inclusive).
    @inline(__always) func range(_ a: Int, _ b: Int) -> TextRange {
        TextRange(start: tokens[a].range.start, end: max(tokens[a].range.start, tokens[b].range.end))
    }

    /// A double quotation mark: " “ ” „ ‟ « ».
    static func isDouble(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard s < e else { return false }
        if p[s] == 0x22 { return true }
        if e - s == 3, p[s] == 0xE2, p[s + 1] == 0x80 { return (0x9C...0x9F).contains(p[s + 2]) }
        if e - s == 2, p[s] == 0xC2 { return p[s + 1] == 0xAB || p[s + 1] == 0xBB }
        return false
    }

    private static func isUpperScalar(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var it = p[s..<e].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let u) = decoder.decode(&it) { return u.properties.isUppercase }
        return false
    }

    /// A 64-bit hash of the normalised bytes: ASCII letters lowercased, ’ and ‘ (E2 80 98/99) read as '.
    /// The normalised bytes are read as little-endian 8-byte chunks (the last one zero-padded), each mixed
    /// in with a multiply and shift, and the normalised length is folded in before a final avalanche.
    /// ASCII words of up to 16 bytes take a fast path that loads and lowercases eight bytes at a time;
    /// every other span (and a span too close to the buffer's end to load eight bytes) goes through
    /// `slowHash`, which computes the same value byte by byte.
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        let n = to - from
        if n > 0, n <= 16, from + 16 <= p.count, let base = p.baseAddress {
            let raw = UnsafeRawPointer(base + from)
            let c0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & byteMask(min(n, 8))
            if n <= 8 {
                if c0 & 0x8080_8080_8080_8080 == 0 { return finish(mix(hashSeed, lowerASCII(c0)), n) }
            } else {
                let c1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & byteMask(n - 8)
                if (c0 | c1) & 0x8080_8080_8080_8080 == 0 {
                    return finish(mix(mix(hashSeed, lowerASCII(c0)), lowerASCII(c1)), n)
                }
            }
        }
        return slowHash(p, from, to)
    }

    /// `hash` byte by byte: the reference the fast path must match.
    static func slowHash(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        var h = hashSeed
        var chunk: UInt64 = 0
        var filled = 0
        var length = 0
        var i = from
        while i < to {
            var b = p[i]
            if b < 0x80 {
                if b &- 0x41 < 26 { b |= 0x20 }
            } else if b == 0xE2, i + 2 < to, p[i + 1] == 0x80, p[i + 2] == 0x98 || p[i + 2] == 0x99 {
                b = 0x27
                i += 2
            }
            chunk |= UInt64(b) << UInt64(8 * filled)
            filled += 1
            length += 1
            if filled == 8 { h = mix(h, chunk); chunk = 0; filled = 0 }
            i += 1
        }
        if filled > 0 { h = mix(h, chunk) }
        return finish(h, length)
    }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func mix(_ h: UInt64, _ chunk: UInt64) -> UInt64 {
        let x = (h ^ chunk) &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 29)
    }

    /// The length folded in, then one more multiply and shift (a bijection: no collisions are added).
    @inline(__always) static func finish(_ h: UInt64, _ length: Int) -> UInt64 {
        let x = (h ^ UInt64(truncatingIfNeeded: length)) &* 0xff51_afd7_ed55_8ccd
        return x ^ (x >> 32)
    }

    /// ASCII capitals in eight bytes (all below 0x80) lowercased.
    @inline(__always) static func lowerASCII(_ x: UInt64) -> UInt64 {
        let atLeastA = x &+ 0x3F3F_3F3F_3F3F_3F3F // high bit set where a byte is >= "A"
        let aboveZ = x &+ 0x2525_2525_2525_2525 // high bit set where a byte is > "Z"
        return x | ((atLeastA & ~aboveZ & 0x8080_8080_8080_8080) >> 2)
    }

    /// `hash`'s value for an ASCII span of `n` bytes (1 ... 16) given as its lowercased little-endian chunks (`c1` zero
    /// when `n <= 8`): what the fast path computes, for callers that load the chunks themselves (`WordTable`).
    @inline(__always) static func asciiKey(_ c0: UInt64, _ c1: UInt64, _ n: Int) -> UInt64 {
        n <= 8 ? finish(mix(hashSeed, c0), n) : finish(mix(mix(hashSeed, c0), c1), n)
    }

    /// The key of a word from a data file.
    static func key(_ word: String) -> UInt64 {
        var w = word
        return w.withUTF8 { hash($0, 0, $0.count) }
    }
}
