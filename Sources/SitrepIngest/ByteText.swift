/// Byte-level helpers shared by the decoder, the line scanner and the date scanner.
/// Everything here works on UTF-8 bytes: no `Character`, no `Regex`.
enum ByteText {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) }
    /// ASCII letters, digits and any byte of a multi-byte scalar (letters of other scripts).
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { isAlnum(b) || b >= 0x80 }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C }

    /// Length of a Unicode space character at `i` that is not ASCII (NBSP, thin spaces, ideographic space), else 0.
    @inline(__always) static func unicodeSpaceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        if b == 0xC2, i + 1 < end, p[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < end, p[i + 1] == 0x80 {
            let c = p[i + 2]
            if (c >= 0x80 && c <= 0x8A) || c == 0xAF { return 3 } // U+2000…U+200A, U+202F
        }
        if b == 0xE3, i + 2 < end, p[i + 1] == 0x80, p[i + 2] == 0x80 { return 3 } // U+3000
        return 0
    }

    /// Eight bytes at `i` as one little-endian word (the caller checks `i + 8 <= count`).
    @inline(__always) static func load8(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte of `x` that is not a word byte (`isWordByte`: ASCII letter or digit, or >= 0x80).
    @inline(__always) static func nonWordBytes(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let a = x & ~high // per byte below 0x80: the sums below never carry into the next byte
        let l = a | 0x2020_2020_2020_2020
        let letter = (l &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(l &+ 0x0505_0505_0505_0505) // "a" <= l <= "z"
        let digit = (a &+ 0x5050_5050_5050_5050) & ~(a &+ 0x4646_4646_4646_4646) // "0" <= a <= "9"
        return ~(letter | digit | x) & high
    }

    /// The high bit of each byte of `x` that is not an ASCII letter or digit (`isAlnum`; bytes >= 0x80 are not).
    @inline(__always) static func nonAlnumBytes(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let a = x & ~high
        let l = a | 0x2020_2020_2020_2020
        let letter = (l &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(l &+ 0x0505_0505_0505_0505) // "a" <= l <= "z"
        let digit = (a &+ 0x5050_5050_5050_5050) & ~(a &+ 0x4646_4646_4646_4646) // "0" <= a <= "9"
        return (~(letter | digit) | x) & high
    }

    /// The end of the run of ASCII letters and digits at `i` (not past `to`), eight bytes at a time where it can.
    @inline(__always) static func alnumEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Int {
        var i = i
        while i + 8 <= to {
            let stop = nonAlnumBytes(load8(p, i))
            if stop != 0 { return i + stop.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < to, isAlnum(p[i]) { i += 1 }
        return i
    }

    /// `alnumEnd` byte by byte.
    static func plainAlnumEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Int {
        var i = i
        while i < to, isAlnum(p[i]) { i += 1 }
        return i
    }

    /// The high bit of each byte of `x` that is not an ASCII lowercase letter.
    @inline(__always) static func nonLowerBytes(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let a = x & ~high
        let lower = (a &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(a &+ 0x0505_0505_0505_0505) // "a" <= a <= "z"
        return ~(lower & ~x) & high
    }

    /// The high bit of each byte of `x` that is an ASCII digit.
    @inline(__always) static func digitBytes(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let a = x & ~high
        return (a &+ 0x5050_5050_5050_5050) & ~(a &+ 0x4646_4646_4646_4646) & ~x & high // "0" <= x <= "9"
    }

    /// How many bytes of `x` have their high bit set, for `x` holding nothing but high bits: a multiply where
    /// `nonzeroBitCount` would be a software population count on the baseline x86-64 target.
    @inline(__always) static func countHighBits(_ x: UInt64) -> Int {
        Int(truncatingIfNeeded: ((x >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The high bit of each byte of `x` that equals `b` (exact, no false positives).
    @inline(__always) static func bytesEqual(_ x: UInt64, _ b: UInt8) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let y = x ^ (0x0101_0101_0101_0101 &* UInt64(b))
        // A byte of y is zero exactly where x holds b.
        let t = ((y & ~high) &+ ~high) | y
        return ~t & high
    }

    /// The UTF-8 bytes of a string.
    static func bytes(_ text: String) -> [UInt8] {
        var copy = text
        return copy.withUTF8 { Array($0) }
    }

    /// Decodes bytes known to be valid UTF-8 (slices of valid text at scalar boundaries).
    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Whether `key[at...]` starts with `pattern`, where a 0x01 byte in the pattern stands for a run of digits.
    /// Returns the end of the match.
    static func match(_ pattern: [UInt8], in key: UnsafeBufferPointer<UInt8>, from: Int, to: Int, at: Int) -> Int? {
        pattern.withUnsafeBufferPointer { match($0, in: key, to: to, at: at) }
    }

    /// `match` for a pattern in place (no array to retain).
    @inline(__always)
    static func match(_ pattern: UnsafeBufferPointer<UInt8>, in key: UnsafeBufferPointer<UInt8>, to: Int, at: Int) -> Int? {
        var i = at
        var j = 0
        let n = pattern.count
        while j < n {
            let c = pattern[j]
            if c == 0x01 {
                guard i < to, isDigit(key[i]) else { return nil }
                while i < to, isDigit(key[i]) { i += 1 }
                j += 1
                continue
            }
            guard i < to, key[i] == c else { return nil }
            i += 1
            j += 1
        }
        return i
    }
}
