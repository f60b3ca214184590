/// A word's identity for lexicon lookups: FNV-1a 64 of its lowercase bytes, with the typographic
/// apostrophes (’ ‘ ʼ) read as ASCII `'`. Computed from bytes, so a lookup allocates nothing.
enum WordKey {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    @inline(__always) static func mix(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* prime }

    /// The key of `bytes[start..<end]`.
    @inline(__always) static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h = offset
        var i = start
        // A word of up to eight bytes (most are) with eight bytes of buffer from its start: one load, the bytes past
        // its end masked to zero (never mixed), lowercased together and mixed in order.
        let length = end - start
        if length > 0, length <= 8, start + 8 <= bytes.count, let base = bytes.baseAddress {
            var w = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
            if length < 8 { w &= (1 &<< UInt64(length &* 8)) &- 1 }
            if w & 0x8080_8080_8080_8080 == 0 {
                let upper = (w &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(w &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
                var v = w | (upper >> 2)
                for _ in 0..<length { h = (h ^ (v & 0xFF)) &* prime; v >>= 8 }
                return h
            }
        }
        // Whole runs of ASCII bytes, eight then four at a time: lowercased together (a byte from `A` to `Z` gains
        // 0x20), then mixed one by one in order, so the key is the same as byte by byte. A chunk with a byte of 0x80
        // or more (UTF-8, where an apostrophe may begin) goes on byte by byte below.
        if let base = bytes.baseAddress {
            while end - i >= 8 {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                // Per byte (all below 0x80, so no carry between bytes): b + 0x3F has its top bit from 0x41 on,
                // b + 0x25 from 0x5B on.
                let upper = (w &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(w &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
                var v = w | (upper >> 2)
                for _ in 0..<8 { h = (h ^ (v & 0xFF)) &* prime; v >>= 8 }
                i += 8
            }
            if end - i >= 4 {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self)
                if w & 0x8080_8080 == 0 {
                    let upper = (w &+ 0x3F3F_3F3F) & ~(w &+ 0x2525_2525) & 0x8080_8080
                    var v = w | (upper >> 2)
                    for _ in 0..<4 { h = (h ^ UInt64(v & 0xFF)) &* prime; v >>= 8 }
                    i += 4
                }
            }
        }
        while i < end {
            let b = bytes[i]
            // ASCII (most bytes): lowercase and mix, no apostrophe tests.
            if b < 0x80 { h = mix(h, b &- 0x41 < 26 ? b | 0x20 : b); i += 1; continue }
            if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x98 || bytes[i + 2] == 0x99 {
                h = mix(h, 0x27); i += 3; continue
            }
            if b == 0xCA, i + 1 < end, bytes[i + 1] == 0xBC { h = mix(h, 0x27); i += 2; continue }
            h = mix(h, b &- 0x41 < 26 ? b | 0x20 : b)
            i += 1
        }
        return h
    }

    /// The key of one word written in a data file.
    static func of(_ word: String) -> UInt64 {
        var copy = word
        return copy.withUTF8 { of($0, 0, $0.count) }
    }

    /// The keys of a phrase's words (split on spaces).
    static func words(_ phrase: String) -> [UInt64] {
        phrase.split(separator: " ", omittingEmptySubsequences: true).map { of(String($0)) }
    }
}
