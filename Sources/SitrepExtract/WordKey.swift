/// A word's identity for lexicon lookups, from its lowercase bytes with the typographic apostrophes (’ ‘ ʼ) read as
/// ASCII `'`: the bytes are taken eight at a time, each chunk packed into one integer (first byte lowest, zeros past
/// the word's end) and folded into the key by `mix`. A word of up to eight bytes (most are) is one chunk, and `mix`
/// is invertible, so two such words never share a key. Computed from bytes, so a lookup allocates nothing.
/// (Words hold no byte 0, so the zero padding is never ambiguous.)
enum WordKey {
    /// The key of the empty word (never 0: key 0 marks an empty slot in the lookup tables).
    static let empty: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An invertible mix of 64 bits (odd multiplies and xor-shifts): distinct inputs keep distinct outputs, and only
    /// 0 maps to 0.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var x = x &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 32
        x = x &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 29)
    }

    /// Eight ASCII bytes (all below 0x80) with `A`…`Z` lowercased, all at once: per byte, b + 0x3F has its top bit
    /// from 0x41 on and b + 0x25 from 0x5B on (no carry between bytes), so those in between gain 0x20.
    @inline(__always) static func lower(_ w: UInt64) -> UInt64 {
        let upper = (w &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(w &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
        return w | (upper >> 2)
    }

    /// The key of `bytes[start..<end]`.
    @inline(__always) static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        // A word of up to eight bytes with eight bytes of buffer from its start: one load, the bytes past its end
        // masked to zero, lowercased together: its one chunk.
        let length = end - start
        if length > 0, length <= 8, start + 8 <= bytes.count, let base = bytes.baseAddress {
            var w = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
            if length < 8 { w &= (1 &<< UInt64(length &* 8)) &- 1 }
            if w & 0x8080_8080_8080_8080 == 0 { return mix(lower(w)) }
        }
        var h: UInt64 = 0
        var i = start
        // Whole chunks of ASCII bytes from the start, eight at a time. A chunk with a byte of 0x80 or more (UTF-8,
        // where an apostrophe may begin) and the rest of the word go on byte by byte below.
        if let base = bytes.baseAddress {
            while end - i >= 8 {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                h = mix(h ^ lower(w))
                i += 8
            }
            // The last, partial chunk of ASCII bytes with eight bytes of buffer from it: one load, masked.
            let rest = end - i
            if rest > 0, rest < 8, i + 8 <= bytes.count {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & ((1 &<< UInt64(rest &* 8)) &- 1)
                if w & 0x8080_8080_8080_8080 == 0 { return mix(h ^ lower(w)) }
            }
        }
        let any = i > start
        // The chunk being filled and how many of its bits are (bytes × 8).
        var chunk: UInt64 = 0, bits: UInt64 = 0
        var more = false
        while i < end {
            var b = bytes[i]
            if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x98 || bytes[i + 2] == 0x99 {
                b = 0x27; i += 3
            } else if b == 0xCA, i + 1 < end, bytes[i + 1] == 0xBC {
                b = 0x27; i += 2
            } else {
                if b &- 0x41 < 26 { b |= 0x20 }
                i += 1
            }
            chunk |= UInt64(b) &<< bits
            bits &+= 8
            more = true
            if bits == 64 { h = mix(h ^ chunk); chunk = 0; bits = 0 }
        }
        if bits > 0 { h = mix(h ^ chunk) }
        return any || more ? h : empty
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
