/// A table of word sequences ("is set to", "pointed out", "may <n>") matched token by token on
/// `ClauseTokens` keys. `<n>` in a phrase matches any number token.
///
/// Stored flat (all phrases' keys in one array, phrases with the same first word chained in the order
/// they were added) so a lookup on the per-token path neither hashes with `Hasher` nor retains arrays.
struct ClausePhrases<Value: Sendable>: Sendable {
    struct Phrase: Sendable {
        var keys: [UInt64]
        var value: Value
        var text: String
    }

    private(set) var phrases: [Phrase] = []
    /// Every phrase's keys, back to back; phrase i uses `allKeys[keyStart[i] ..< keyStart[i] + keyCount[i]]`.
    private var allKeys: [UInt64] = []
    private var keyStart: [Int32] = []
    private var keyCount: [Int32] = []
    /// The next phrase with the same first word (or the next number-first phrase), -1 at the end of a chain.
    private var nextSameFirst: [Int32] = []
    /// Per phrase, what a chain walk reads, in one place: its length, its second key and the next phrase
    /// of its chain (rebuilt from the arrays above after each `add`).
    private var nodes: [Node] = []

    private struct Node {
        var count: Int32
        var next: Int32
        var start: Int32
        /// The second word's key (`numberKey` for `<n>`); unused for one-word phrases.
        var second: UInt64
        /// For a chain's first phrase: one bit (`secondBit`) per second word of the phrases down the chain,
        /// all bits when the chain holds a one-word phrase or `<n>` in second place. A token whose next
        /// word's bit is clear starts no phrase of the chain ("was killed" against "was reported", "was said to").
        var chainBits: UInt64 = 0
    }

    @inline(__always) private static func secondBit(_ key: UInt64) -> UInt64 { 1 << (key >> 58) }
    /// First phrase of each first word's chain.
    private var byFirst = KeyMap<Int32>()
    private var numberFirst: Int32 = -1
    /// One bit per 16-bit slice of a first word's key: most tokens are turned away without probing `byFirst`.
    private var firstBits = [UInt64](repeating: 0, count: 1024)
    private static var numberKey: UInt64 { 0 }

    init() {}

    /// Adds a phrase: lowercase words separated by single spaces.
    mutating func add(_ text: String, _ value: Value) {
        let keys = text.split(separator: " ").map { $0 == "<n>" ? Self.numberKey : ClauseTokens.key(String($0)) }
        guard let first = keys.first else { return }
        let index = Int32(phrases.count)
        phrases.append(Phrase(keys: keys, value: value, text: text))
        keyStart.append(Int32(allKeys.count))
        keyCount.append(Int32(keys.count))
        allKeys.append(contentsOf: keys)
        nextSameFirst.append(-1)
        // Chains run longest first, and in the order added among phrases of one length: the first phrase
        // that matches is the longest, the earliest added on a tie.
        let head = first == Self.numberKey ? numberFirst : (byFirst[first] ?? -1)
        let count = Int32(keys.count)
        if head < 0 || keyCount[Int(head)] < count {
            nextSameFirst[Int(index)] = head
            if first == Self.numberKey { numberFirst = index } else { byFirst[first] = index }
        } else {
            var i = Int(head)
            while nextSameFirst[i] >= 0, keyCount[Int(nextSameFirst[i])] >= count { i = Int(nextSameFirst[i]) }
            nextSameFirst[Int(index)] = nextSameFirst[i]
            nextSameFirst[i] = index
        }
        if first != Self.numberKey {
            let slot = Int(truncatingIfNeeded: first >> 20) & 0xFFFF
            firstBits[slot >> 6] |= 1 << UInt64(slot & 63)
        }
        // Chains are relinked on insertion: rebuild the nodes (tables are small and built once).
        nodes = (0..<phrases.count).map { i in
            Node(count: keyCount[i], next: nextSameFirst[i], start: keyStart[i],
                 second: keyCount[i] > 1 ? allKeys[Int(keyStart[i]) + 1] : 0)
        }
        for i in nodes.indices {
            var bits: UInt64 = 0
            var j = i
            while j >= 0 {
                let node = nodes[j]
                bits |= node.count < 2 || node.second == Self.numberKey ? UInt64.max : Self.secondBit(node.second)
                j = Int(node.next)
            }
            nodes[i].chainBits = bits
        }
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// Whether the token at `t` starts some phrase (a cheap pre-check).
    @inline(__always) func mayStart(_ t: Int, _ ct: ClauseTokens) -> Bool {
        if numberFirst >= 0 && ct.has(t, .number) { return true }
        let key = ct.key(t)
        let slot = Int(truncatingIfNeeded: key >> 20) & 0xFFFF
        guard firstBits.withUnsafeBufferPointer({ $0[slot >> 6] }) & (1 << UInt64(slot & 63)) != 0 else { return false }
        return byFirst.contains(key)
    }

    /// The longest phrase starting at token `t` and ending before `limit`: its index and token count.
    func longest(at t: Int, limit: Int, _ ct: ClauseTokens) -> (index: Int, length: Int)? {
        walk(t, limit, ct, byFirst[ct.key(t)] ?? -1, numberFirst >= 0 && ct.has(t, .number) ? numberFirst : -1)
    }

    /// A cheaper, looser `mayStart` for the per-token path of a scan: false only when no phrase can start at `t`
    /// (the bit filter alone, without probing `byFirst`; `longest` probes it once).
    @inline(__always) func mayStartLoose(_ t: Int, _ ct: ClauseTokens) -> Bool {
        if numberFirst >= 0 && ct.has(t, .number) { return true }
        let slot = Int(truncatingIfNeeded: ct.key(t) >> 20) & 0xFFFF
        return firstBits.withUnsafeBufferPointer({ $0[slot >> 6] }) & (1 << UInt64(slot & 63)) != 0
    }

    /// Walks the word chain, then the number chain, for the longest phrase at `t`.
    private func walk(_ t: Int, _ limit: Int, _ ct: ClauseTokens, _ words: Int32, _ numbers: Int32) -> (index: Int, length: Int)? {
        // Chain links and key starts were built from these arrays: indices are in range, read without checks.
        nodes.withUnsafeBufferPointer { nodes in
            allKeys.withUnsafeBufferPointer { allKeys in
                Self.walk(t, limit, ct, words, numbers, nodes, allKeys)
            }
        }
    }

    @inline(__always)
    private static func walk(_ t: Int, _ limit: Int, _ ct: ClauseTokens, _ words: Int32, _ numbers: Int32,
                             _ nodes: UnsafeBufferPointer<Node>, _ allKeys: UnsafeBufferPointer<UInt64>) -> (index: Int, length: Int)? {
        var bestIndex = -1, bestLength = 0
        for pass in 0..<2 {
            var i = Int(pass == 0 ? words : numbers)
            // The whole chain is skipped when no phrase of it can go on with the next word.
            if i >= 0, t + 1 < limit, nodes[i].chainBits & Self.secondBit(ct.key(t + 1)) == 0 { continue }
            while i >= 0 {
                let node = nodes[i]
                let count = Int(node.count)
                // Longest first: nothing further down the chain can beat what was found.
                if count <= bestLength { break }
                if t + count <= limit {
                    var ok = true
                    if count > 1 {
                        let k = node.second
                        if k == Self.numberKey ? !ct.has(t + 1, .number) : ct.key(t + 1) != k { ok = false }
                        if ok, count > 2 {
                            let start = Int(node.start)
                            for j in 2..<count {
                                let k = allKeys[start + j]
                                if k == Self.numberKey ? !ct.has(t + j, .number) : ct.key(t + j) != k { ok = false; break }
                            }
                        }
                    }
                    if ok { bestIndex = i; bestLength = count; break }
                }
                i = Int(node.next)
            }
        }
        return bestIndex < 0 ? nil : (index: bestIndex, length: bestLength)
    }

    subscript(index: Int) -> Phrase { phrases[index] }

    /// Phrase `index`'s value alone (without copying, and retaining, its keys and text).
    @inline(__always) func value(at index: Int) -> Value { phrases[index].value }
}
