/// Byte-level character tests for the language layer. Everything works on UTF-8 bytes:
/// no `Character`, no `Regex` (see STYLE.md, "Traps").
enum ByteClass {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    /// Per byte value: `letter` | `digit` | `upper` bits, for per-byte loops (one load instead of two range tests).
    /// Built once, never freed, never written after: safe to share.
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            let v = UInt8(b)
            t[b] = (isAlpha(v) ? letter : 0) | (isDigit(v) ? digit : 0) | (isUpper(v) ? upper : 0)
        }
        return UnsafePointer(t)
    }()
    static let letter: UInt8 = 1, digit: UInt8 = 2, upper: UInt8 = 4

    /// For eight ASCII bytes (all below 0x80) read little-endian: the high bit of each byte that is not an
    /// ASCII letter or digit (the `letter | digit` bits of `table`), computed on all eight at once.
    @inline(__always) static func nonAlnumBytes(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let l = x | 0x2020_2020_2020_2020
        let letter = (l &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(l &+ 0x0505_0505_0505_0505) // "a" <= l <= "z"
        let digit = (x &+ 0x5050_5050_5050_5050) & ~(x &+ 0x4646_4646_4646_4646) // "0" <= x <= "9"
        return ~(letter | digit) & high
    }

    /// End of the run of ASCII letters and digits starting at `i` (at most `n`): eight bytes at a time,
    /// the same answer as `alnumRunEndPlain`. A chunk with a byte of 0x80 or more stops at the first such byte
    /// or earlier (the carries of the test only run towards later bytes, so the bytes before it are tested exactly).
    @inline(__always)
    static func alnumRunEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        var i = i
        if let base = p.baseAddress {
            while i &+ 8 <= n {
                let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let stop = nonAlnumBytes(x) | (x & 0x8080_8080_8080_8080)
                if stop != 0 { return i &+ stop.trailingZeroBitCount >> 3 }
                i &+= 8
            }
        }
        let cls = table
        while i < n, cls[Int(p[i])] & 3 != 0 { i += 1 }
        return i
    }

    /// `alnumRunEnd` byte by byte: the reference the fast path must match.
    static func alnumRunEndPlain(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        var i = i
        while i < n, table[Int(p[i])] & 3 != 0 { i += 1 }
        return i
    }

    /// Decodes the scalar starting at `i` (valid UTF-8 assumed; malformed bytes decode as U+FFFD, length 1).
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 & 0xE0 == 0xC0, i + 1 < end {
            return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < end {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < end {
            return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// The UTF-8 bytes of a string.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
