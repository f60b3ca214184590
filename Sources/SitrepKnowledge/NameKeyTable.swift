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
        // (Through buffer pointers: `b >> 6` is below the filter's count and every probe is masked to the table's size,
        // so no index needs a bounds check.)
        let maybe = filter.withUnsafeBufferPointer { $0[b >> 6] & (1 << UInt64(b & 63)) != 0 }
        if !maybe { return nil }
        let m = mask
        let slot = keys.withUnsafeBufferPointer { ks -> Int in
            var i = Self.slot(k) & m
            while true {
                let s = ks[i]
                if s == k { return i }
                if s == 0 { return -1 }
                i = (i + 1) & m
            }
        }
        return slot < 0 ? nil : values.withUnsafeBufferPointer { $0[slot] }
    }

    mutating func set(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = key == 0 ? 1 : key
        let b = bit(k)
        // (Through buffer pointers: one uniqueness check per array, not one per write.)
        filter.withUnsafeMutableBufferPointer { $0[b >> 6] |= 1 << UInt64(b & 63) }
        let m = mask
        let added = keys.withUnsafeMutableBufferPointer { ks in
            values.withUnsafeMutableBufferPointer { vs -> Bool in
                var i = Self.slot(k) & m
                while true {
                    let s = ks[i]
                    if s == k { vs[i] = value; return false }
                    if s == 0 { ks[i] = k; vs[i] = value; return true }
                    i = (i + 1) & m
                }
            }
        }
        if added { count += 1 }
    }

    /// Sets `key` to `value` and returns the value it had (-1: none): `self[key] ?? -1` and `set(key, value)` in one
    /// probe. (Loaders chain a key's entries this way.)
    mutating func exchange(_ key: UInt64, _ value: Int32) -> Int32 {
        if (count + 1) * 2 > keys.count { grow() }
        let k = key == 0 ? 1 : key
        let b = bit(k)
        filter.withUnsafeMutableBufferPointer { $0[b >> 6] |= 1 << UInt64(b & 63) }
        let m = mask
        let old = keys.withUnsafeMutableBufferPointer { ks in
            values.withUnsafeMutableBufferPointer { vs -> Int32? in
                var i = Self.slot(k) & m
                while true {
                    let s = ks[i]
                    if s == k { let o = vs[i]; vs[i] = value; return o }
                    if s == 0 { ks[i] = k; vs[i] = value; return nil }
                    i = (i + 1) & m
                }
            }
        }
        guard let o = old else { count += 1; return -1 }
        return o
    }

    /// Twice the slots. The old keys are distinct and already in the filter: each goes straight to its first free
    /// slot (the probe `set` would make), in the same order as before.
    private mutating func grow() {
        let size = keys.count * 2
        let m = size - 1
        var newKeys = [UInt64](repeating: 0, count: size)
        var newValues = [Int32](repeating: -1, count: size)
        keys.withUnsafeBufferPointer { oldK in
            values.withUnsafeBufferPointer { oldV in
                newKeys.withUnsafeMutableBufferPointer { ks in
                    newValues.withUnsafeMutableBufferPointer { vs in
                        for j in 0..<oldK.count where oldK[j] != 0 {
                            var i = Self.slot(oldK[j]) & m
                            while ks[i] != 0 { i = (i + 1) & m }
                            ks[i] = oldK[j]; vs[i] = oldV[j]
                        }
                    }
                }
            }
        }
        keys = newKeys
        values = newValues
        mask = m
    }
}
