/// A map from word keys (`ClauseTokens` FNV hashes, already well mixed) to values: open addressing with
/// linear probing and Fibonacci hashing, no `Hasher` (SipHash) on the per-token paths where the finders
/// look words up. Read-mostly: built once from the data files, then only looked up.
struct KeyMap<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    /// Index into `values` per slot, -1 when the slot is empty.
    private var slots: [Int32]
    private var values: [Value] = []
    private var shift: UInt64

    init() {
        keys = [UInt64](repeating: 0, count: 16)
        slots = [Int32](repeating: -1, count: 16)
        shift = 64 - 4
    }

    var count: Int { values.count }
    var isEmpty: Bool { values.isEmpty }

    @inline(__always) private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    /// Slot indices are masked to the table's size, so the probe reads through buffer pointers (no bounds checks).
    @inline(__always) private func probe(_ key: UInt64) -> Int {
        slots.withUnsafeBufferPointer { sl in
            keys.withUnsafeBufferPointer { ks in
                let mask = sl.count - 1
                var s = home(key)
                while true {
                    if sl[s] < 0 || ks[s] == key { return s }
                    s = (s + 1) & mask
                }
            }
        }
    }

    /// The value index at `key`'s slot, -1 when absent.
    @inline(__always) private func index(_ key: UInt64) -> Int32 {
        let s = probe(key)
        return slots.withUnsafeBufferPointer { $0[s] }
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool { index(key) >= 0 }

    subscript(key: UInt64) -> Value? {
        @inline(__always) get {
            let v = index(key)
            return v < 0 ? nil : values.withUnsafeBufferPointer { $0[Int(v)] }
        }
        set {
            // Built once and never shrunk: assigning nil is ignored (no removal).
            guard let newValue else { return }
            let s = probe(key)
            if slots[s] >= 0 { values[Int(slots[s])] = newValue; return }
            values.append(newValue)
            keys[s] = key
            slots[s] = Int32(values.count - 1)
            if values.count * 2 > slots.count { grow() }
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldSlots = slots
        let size = slots.count * 2
        keys = [UInt64](repeating: 0, count: size)
        slots = [Int32](repeating: -1, count: size)
        shift -= 1
        for i in 0..<oldSlots.count where oldSlots[i] >= 0 {
            let s = probe(oldKeys[i])
            keys[s] = oldKeys[i]
            slots[s] = oldSlots[i]
        }
    }
}

/// A set of word keys, with the same fast lookup as `KeyMap`.
struct KeySet: Sendable, ExpressibleByArrayLiteral {
    private var map = KeyMap<Bool>()

    init() {}
    init(arrayLiteral elements: UInt64...) { for e in elements { insert(e) } }
    init<S: Sequence>(_ keys: S) where S.Element == UInt64 { for k in keys { insert(k) } }

    var count: Int { map.count }
    var isEmpty: Bool { map.isEmpty }
    @inline(__always) func contains(_ key: UInt64) -> Bool { map.contains(key) }
    mutating func insert(_ key: UInt64) { map[key] = true }
}
