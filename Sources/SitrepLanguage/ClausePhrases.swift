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
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// Whether the token at `t` starts some phrase (a cheap pre-check).
    @inline(__always) func mayStart(_ t: Int, _ ct: ClauseTokens) -> Bool {
        if numberFirst >= 0 && ct.has(t, .number) { return true }
        let key = ct.key(t)
        let slot = Int(truncatingIfNeeded: key >> 20) & 0xFFFF
        guard firstBits[slot >> 6] & (1 << UInt64(slot & 63)) != 0 else { return false }
        return byFirst.contains(key)
    }

    /// The longest phrase starting at token `t` and ending before `limit`: its index and token count.
    func longest(at t: Int, limit: Int, _ ct: ClauseTokens) -> (index: Int, length: Int)? {
        var bestIndex = -1, bestLength = 0
        let chains = (byFirst[ct.key(t)] ?? -1, numberFirst >= 0 && ct.has(t, .number) ? numberFirst : -1)
        for pass in 0..<2 {
            var i = Int(pass == 0 ? chains.0 : chains.1)
            while i >= 0 {
                let count = Int(keyCount[i]), start = Int(keyStart[i])
                // Longest first: nothing further down the chain can beat what was found.
                if count <= bestLength { break }
                if t + count <= limit {
                    var ok = true
                    for j in 1..<count {
                        let k = allKeys[start + j]
                        if k == Self.numberKey ? !ct.has(t + j, .number) : ct.key(t + j) != k { ok = false; break }
                    }
                    if ok { bestIndex = i; bestLength = count; break }
                }
                i = Int(nextSameFirst[i])
            }
        }
        return bestIndex < 0 ? nil : (index: bestIndex, length: bestLength)
    }

    subscript(index: Int) -> Phrase { phrases[index] }
}
