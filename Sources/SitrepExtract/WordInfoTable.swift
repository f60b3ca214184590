import SitrepCore

/// Word keys (already mixed hashes, `WordKey`) to what the lexicon knows about each word, in an
/// open-addressing table: one or two probes per token and no SipHash, which Swift's `Dictionary` spends
/// on every `UInt64` key. Built once with the lexicon, read for every token of every document.
struct WordInfoTable: Sendable {
    private var keys: [UInt64]
    private var values: [WordInfo]
    private let mask: Int

    init(_ entries: [UInt64: WordInfo]) {
        // At most a quarter full: most tokens are no lexicon word, and a miss probes on to an empty slot (at half
        // full, two and a half probes on average; at a quarter, one and a half).
        var capacity = 16
        while capacity < entries.count * 4 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [WordInfo](repeating: WordInfo(), count: capacity)
        mask = capacity - 1
        // Key 0 marks an empty slot; a word hashing to 0 (practically never) is simply not found.
        for (k, v) in entries where k != 0 {
            var i = WordInfoTable.slot(k, mask)
            while keys[i] != 0 { i = (i &+ 1) & mask }
            keys[i] = k
            values[i] = v
        }
    }

    @inline(__always) static func slot(_ k: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: k ^ (k >> 32)) & mask }

    /// What the lexicon knows about the word with this key, if anything.
    @inline(__always) func info(_ k: UInt64) -> WordInfo? {
        var i = WordInfoTable.slot(k, mask)
        while true {
            let stored = keys[i]
            if stored == k { return k == 0 ? nil : values[i] }
            if stored == 0 { return nil }
            i = (i &+ 1) & mask
        }
    }
}

/// A set of event types as a bit mask: `contains` is one AND, not a hash of the enum.
struct EventTypeSet: Sendable {
    private var bits: UInt64 = 0

    init(_ types: [EventType]) { for t in types { bits |= EventTypeSet.bit(t) } }

    @inline(__always) static func bit(_ t: EventType) -> UInt64 {
        // A case-only enum is stored as its one-byte case number.
        withUnsafeBytes(of: t) { 1 << UInt64($0[0] & 63) }
    }

    @inline(__always) func contains(_ t: EventType) -> Bool { bits & EventTypeSet.bit(t) != 0 }
}

/// A small set of word keys (already mixed hashes, `WordKey`) in an open-addressing table: `contains` is a probe
/// or two, not the SipHash Swift's `Set<UInt64>` spends on every lookup.
struct WordKeySet: Sendable {
    private var keys: [UInt64]
    private let mask: Int
    /// Whether the word hashing to 0 (practically never) is a member: 0 marks an empty slot.
    private let hasZero: Bool

    init(_ members: [UInt64]) {
        var capacity = 8
        while capacity < members.count * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        hasZero = members.contains(0)
        for k in members where k != 0 {
            var i = WordInfoTable.slot(k, mask)
            while keys[i] != 0 && keys[i] != k { i = (i &+ 1) & mask }
            keys[i] = k
        }
    }

    /// The set of words written in code.
    init(words: [String]) { self.init(words.map(WordKey.of)) }

    @inline(__always) func contains(_ k: UInt64) -> Bool {
        if k == 0 { return hasZero }
        var i = WordInfoTable.slot(k, mask)
        while true {
            let stored = keys[i]
            if stored == k { return true }
            if stored == 0 { return false }
            i = (i &+ 1) & mask
        }
    }
}
