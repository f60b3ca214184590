/// A read-only hash table from words (byte strings, compared case-insensitively for ASCII)
/// to small integer payloads. Lookups hash the bytes in place: no `String`, no allocation.
///
/// Slots are placed by `ClauseTokens.hash` of the key. An ASCII span of up to 16 bytes (with 16 bytes readable from
/// its start) is looked up eight bytes at a time: its lowercased chunks give the hash and are compared with the
/// key's chunks kept per slot. Every other span takes the byte-by-byte path (`plainSlot`), which finds the same slot.
struct WordTable: Sendable {
    private var keys: [UInt8] = []
    /// Per slot: start of the key in `keys` (or -1 for empty), its length and its value.
    private var slotStart: [Int32]
    private var slotLength: [Int32]
    private var slotValue: [Int32]
    /// Per slot: the key's first 16 bytes as two little-endian chunks, zero-padded (for the eight-byte compare).
    private var slotLow: [UInt64]
    private var slotHigh: [UInt64]
    private var mask: Int
    private(set) var count = 0
    /// The longest key, in bytes; longer spans are rejected without hashing.
    private(set) var maxLength = 0
    /// Per key length (up to 31 bytes): one bit per (lowercase first byte & 63), and one per last byte.
    /// Most words are rejected by these two tests without hashing.
    private var firstBits = [UInt64](repeating: 0, count: 32)
    private var lastBits = [UInt64](repeating: 0, count: 32)

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slotStart = [Int32](repeating: -1, count: size)
        slotLength = [Int32](repeating: 0, count: size)
        slotValue = [Int32](repeating: 0, count: size)
        slotLow = [UInt64](repeating: 0, count: size)
        slotHigh = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    init(_ entries: [(String, Int32)]) {
        self.init(capacity: entries.count)
        for (k, v) in entries { insert(k, v) }
    }

    /// The home slot's hash: `ClauseTokens.hash`, which reads ASCII letters lowercased (as keys are stored), so every
    /// spelling `value` matches has the key's hash.
    @inline(__always)
    private static func hash(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        Int(truncatingIfNeeded: ClauseTokens.hash(p, from, to))
    }

    /// Adds or replaces a key (stored lowercase).
    mutating func insert(_ key: String, _ value: Int32) {
        let bytes = key.utf8.map { ByteClass.lower($0) }
        if let existing = bytes.withUnsafeBufferPointer({ slot(of: $0, 0, $0.count) }) {
            slotValue[existing] = value
            return
        }
        if (count + 1) * 2 > slotStart.count { grow() }
        let start = Int32(keys.count)
        keys.append(contentsOf: bytes)
        place(start: start, length: Int32(bytes.count), value: value)
        count += 1
        maxLength = Swift.max(maxLength, bytes.count)
        if bytes.count < 32, let f = bytes.first, let l = bytes.last {
            firstBits[bytes.count] |= 1 << UInt64(f & 63)
            lastBits[bytes.count] |= 1 << UInt64(l & 63)
        }
    }

    private mutating func place(start: Int32, length: Int32, value: Int32) {
        var s = keys.withUnsafeBufferPointer { Self.hash($0, Int(start), Int(start + length)) } & mask
        while slotStart[s] >= 0 { s = (s + 1) & mask }
        slotStart[s] = start; slotLength[s] = length; slotValue[s] = value
        var low: UInt64 = 0, high: UInt64 = 0
        for i in 0..<min(Int(length), 16) {
            let b = UInt64(keys[Int(start) + i])
            if i < 8 { low |= b << UInt64(8 * i) } else { high |= b << UInt64(8 * (i - 8)) }
        }
        slotLow[s] = low; slotHigh[s] = high
    }

    private mutating func grow() {
        let old = (slotStart, slotLength, slotValue)
        let size = slotStart.count * 2
        slotStart = [Int32](repeating: -1, count: size)
        slotLength = [Int32](repeating: 0, count: size)
        slotValue = [Int32](repeating: 0, count: size)
        slotLow = [UInt64](repeating: 0, count: size)
        slotHigh = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for i in 0..<old.0.count where old.0[i] >= 0 { place(start: old.0[i], length: old.1[i], value: old.2[i]) }
    }

    @inline(__always)
    private func slot(of p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        let length = to - from
        guard length > 0, length <= maxLength, count > 0 else { return nil }
        if length < 32 {
            // Read through buffer pointers: `length` is below the tables' 32 entries.
            guard firstBits.withUnsafeBufferPointer({ $0[length] }) & (1 << UInt64(ByteClass.lower(p[from]) & 63)) != 0,
                  lastBits.withUnsafeBufferPointer({ $0[length] }) & (1 << UInt64(ByteClass.lower(p[to - 1]) & 63)) != 0 else { return nil }
        }
        if length <= 16, from + 16 <= p.count, let base = p.baseAddress {
            let raw = UnsafeRawPointer(base + from)
            let x0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & ClauseTokens.byteMask(min(length, 8))
            let x1 = length > 8 ? UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & ClauseTokens.byteMask(length - 8) : 0
            if (x0 | x1) & 0x8080_8080_8080_8080 == 0 {
                let c0 = ClauseTokens.lowerASCII(x0), c1 = ClauseTokens.lowerASCII(x1)
                var s = Int(truncatingIfNeeded: ClauseTokens.asciiKey(c0, c1, length)) & mask
                while true {
                    if slotStart[s] < 0 { return nil }
                    if slotLow[s] == c0, slotHigh[s] == c1, Int(slotLength[s]) == length { return s }
                    s = (s + 1) & mask
                }
            }
        }
        return plainSlot(of: p, from, to)
    }

    /// `slot` byte by byte (any span): the reference the eight-byte path must match.
    private func plainSlot(of p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        let length = to - from
        var s = Self.hash(p, from, to) & mask
        return keys.withUnsafeBufferPointer { k -> Int? in
            while true {
                let start = Int(slotStart[s])
                if start < 0 { return nil }
                if Int(slotLength[s]) == length {
                    var i = 0
                    while i < length, k[start + i] == ByteClass.lower(p[from + i]) { i += 1 }
                    if i == length { return s }
                }
                s = (s + 1) & mask
            }
        }
    }

    /// The value of the word at `p[from..<to]`, case-insensitive for ASCII letters.
    @inline(__always)
    func value(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int32? {
        guard let s = slot(of: p, from, to) else { return nil }
        return slotValue[s]
    }

    /// The `ClauseTokens` key of every stored word (stored lowercase, so equal to the key of any spelling
    /// that `value` matches).
    var clauseKeys: [UInt64] {
        keys.withUnsafeBufferPointer { k in
            slotStart.indices.compactMap { i in
                slotStart[i] < 0 ? nil : ClauseTokens.slowHash(k, Int(slotStart[i]), Int(slotStart[i] + slotLength[i]))
            }
        }
    }

    /// `value` through the byte-by-byte path only (for tests that pin the eight-byte path to it).
    func plainValue(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int32? {
        let length = to - from
        guard length > 0, length <= maxLength, count > 0, let s = plainSlot(of: p, from, to) else { return nil }
        return slotValue[s]
    }

    func value(_ word: String) -> Int32? {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { value($0, 0, $0.count) }
    }
}
