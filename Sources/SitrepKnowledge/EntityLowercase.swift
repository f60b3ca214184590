/// `EntityGazetteer.lowerHash` of a word given as UTF-8 bytes, without a `String` per word: ASCII
/// letters fold by byte; a two- or three-byte scalar folds through a table filled on first sight from
/// `Unicode.Scalar.Properties.lowercaseMapping` (what `String.lowercased()` appends per scalar); any
/// other word (a four-byte scalar, bytes that are not well-formed UTF-8, a scalar whose lowercase form
/// is several scalars or depends on its neighbours, like `Σ`) is hashed through `String` as before.
struct EntityLowercaseHasher {
    /// Per scalar below U+10000: 0 not looked up yet, 1 use `String`, else the lowercase scalar + 2.
    private var table: [UInt32]

    init() { table = [UInt32](repeating: 0, count: 0x1_0000) }

    /// The same value as `EntityGazetteer.lowerHash(String(decoding: word, as: UTF8.self))`.
    mutating func lowerHash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = word.count
        var x: UInt64 = 0xCBF2_9CE4_8422_2325
        var k = 0
        while k < n {
            let c = word[k]
            if c < 0x80 {
                x = (x ^ UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)) &* 0x100_0000_01B3
                k += 1
                continue
            }
            var scalar: UInt32
            if c >= 0xC2 && c <= 0xDF && k + 1 < n && word[k + 1] & 0xC0 == 0x80 {
                scalar = UInt32(c & 0x1F) << 6 | UInt32(word[k + 1] & 0x3F)
                k += 2
            } else if c & 0xF0 == 0xE0 && k + 2 < n && word[k + 1] & 0xC0 == 0x80 && word[k + 2] & 0xC0 == 0x80 {
                scalar = UInt32(c & 0x0F) << 12 | UInt32(word[k + 1] & 0x3F) << 6 | UInt32(word[k + 2] & 0x3F)
                if scalar < 0x800 || (scalar >= 0xD800 && scalar <= 0xDFFF) { return fallback(word) }
                k += 3
            } else {
                return fallback(word)
            }
            var entry = table[Int(scalar)]
            if entry == 0 { entry = Self.lookUp(scalar); table[Int(scalar)] = entry }
            if entry == 1 { return fallback(word) }
            let lower = entry - 2
            if lower < 0x80 {
                x = (x ^ UInt64(lower)) &* 0x100_0000_01B3
            } else if lower < 0x800 {
                x = (x ^ UInt64(0xC0 | lower >> 6)) &* 0x100_0000_01B3
                x = (x ^ UInt64(0x80 | lower & 0x3F)) &* 0x100_0000_01B3
            } else if lower < 0x1_0000 {
                x = (x ^ UInt64(0xE0 | lower >> 12)) &* 0x100_0000_01B3
                x = (x ^ UInt64(0x80 | lower >> 6 & 0x3F)) &* 0x100_0000_01B3
                x = (x ^ UInt64(0x80 | lower & 0x3F)) &* 0x100_0000_01B3
            } else {
                x = (x ^ UInt64(0xF0 | lower >> 18)) &* 0x100_0000_01B3
                x = (x ^ UInt64(0x80 | lower >> 12 & 0x3F)) &* 0x100_0000_01B3
                x = (x ^ UInt64(0x80 | lower >> 6 & 0x3F)) &* 0x100_0000_01B3
                x = (x ^ UInt64(0x80 | lower & 0x3F)) &* 0x100_0000_01B3
            }
        }
        return x
    }

    private func fallback(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        EntityGazetteer.lowerHash(String(decoding: word, as: UTF8.self))
    }

    /// The table entry for `scalar`: its single-scalar lowercase form + 2, or 1.
    private static func lookUp(_ scalar: UInt32) -> UInt32 {
        // Σ lowercases to σ or ς by position under full case mapping; leave it to `String`.
        guard scalar != 0x03A3, let s = Unicode.Scalar(scalar) else { return 1 }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        guard let first = lower.first, lower.index(after: lower.startIndex) == lower.endIndex else { return 1 }
        return first.value + 2
    }
}
