/// An open-addressing table from 64-bit name-key hashes to Int32 values. The keys are already well mixed
/// (FNV-1a), so this skips the standard library's per-lookup SipHash; lookups and inserts are a few loads.
struct NameKeyTable: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [Int32]
    private var mask: Int
    private(set) var count = 0
    /// One bit per key (by default 2^21 bits, 256 KB): most lookups are misses and end here, in cache.
    private var filter: [UInt64]
    private let filterMask: UInt64
    @inline(__always) private func bit(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k >> 40) & filterMask) }

    /// `filterBits`: log2 of the miss filter's size in bits (small tables built per document use a small one).
    init(capacity: Int, filterBits: Int = 21) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
        let bits = max(6, min(24, filterBits))
        filter = [UInt64](repeating: 0, count: 1 << (bits - 6))
        filterMask = (1 << UInt64(bits)) - 1
    }

    @inline(__always) private static func slot(_ k: UInt64) -> Int { Int(truncatingIfNeeded: ((k ^ (k >> 29)) &* 0xbf58476d1ce4e5b9) >> 20) }

    /// The value for `key`, or nil. Key 0 is stored as 1 (0 marks an empty slot).
    @inline(__always) subscript(_ key: UInt64) -> Int32? {
        let k = key == 0 ? 1 : key
        let b = bit(k)
        if filter[b >> 6] & (1 << UInt64(b & 63)) == 0 { return nil }
        var i = Self.slot(k) & mask
        while true {
            let s = keys[i]
            if s == k { return values[i] }
            if s == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func set(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = key == 0 ? 1 : key
        let b = bit(k)
        filter[b >> 6] |= 1 << UInt64(b & 63)
        var i = Self.slot(k) & mask
        while true {
            let s = keys[i]
            if s == k { values[i] = value; return }
            if s == 0 { keys[i] = k; values[i] = value; count += 1; return }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldK = keys, oldV = values
        keys = [UInt64](repeating: 0, count: oldK.count * 2)
        values = [Int32](repeating: -1, count: oldK.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldK, oldV) where k != 0 { set(k, v) }
    }
}
