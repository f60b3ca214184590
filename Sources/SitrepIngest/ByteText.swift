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
