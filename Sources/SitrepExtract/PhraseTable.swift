/// A set of word patterns matched against a sentence's word keys, indexed by their first word.
///
/// A pattern is a list of slots; a slot is a set of alternative words, or a gap of up to
/// `maxGap` words (no punctuation inside). Matching is longest-first from a given token.
struct PhraseTable<Value: Sendable>: Sendable {
    struct Pattern: Sendable {
        /// Alternatives per slot; an empty slot is a gap.
        var slots: [[UInt64]]
        var value: Value
        /// Number of words the pattern names (gaps excluded), for longest-match ordering.
        var weight: Int
    }

    /// A match: tokens `start..<end`, the gap's tokens if the pattern has one.
    struct Match: Sendable {
        var pattern: Int
        var start: Int
        var end: Int
        var gap: Range<Int>?
        /// Token index of the last word before the gap (the pattern's head) + 1.
        var headEnd: Int
    }

    static var maxGap: Int { 4 }

    private(set) var patterns: [Pattern] = []
    /// Pattern indexes by first word, in an open-addressing table over word keys (already mixed, `WordKey`): a lookup
    /// is a probe or two, not a SipHash of the key as `Dictionary` does. `lists[slot]` holds the patterns of
    /// `slotKeys[slot]`; key 0 marks an empty slot, so a word whose key is 0 keeps its list in `zeroList`.
    private var slotKeys: [UInt64] = [UInt64](repeating: 0, count: 16)
    private var lists: [[Int32]] = [[Int32]](repeating: [], count: 16)
    /// Per slot, a filter on the word after the first: bit `key >> 58` of every word the second slot of one of the
    /// slot's patterns allows (`secondBit`), all ones when some pattern is one word long or has a gap second. A word
    /// after the first whose bit is clear matches none of the patterns ("the" starts several actor nouns, and most
    /// "the"s start none): no pattern is tried.
    private var seconds: [UInt64] = [UInt64](repeating: 0, count: 16)
    private var zeroList: [Int32]?
    private var used = 0
    /// This table's bit in `ExtractionLexicon.wordInfo` (which tables a word can start).
    var bit: UInt16 = 0

    init(bit: UInt16 = 0) { self.bit = bit }

    /// Every word that starts some pattern.
    var firstWords: [UInt64] { slotKeys.filter { $0 != 0 } + (zeroList == nil ? [] : [0]) }

    var isEmpty: Bool { patterns.isEmpty }

    /// Adds a pattern written as words separated by spaces, `a|b` alternatives, `*` gaps.
    mutating func add(_ slots: [[UInt64]], value: Value) {
        guard let first = slots.first, !first.isEmpty else { return }
        let index = Int32(patterns.count)
        patterns.append(Pattern(slots: slots, value: value, weight: slots.filter { !$0.isEmpty }.count))
        for key in first { insert(key, index) }
    }

    @inline(__always) private static func home(_ k: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: k ^ (k >> 32)) & mask }

    private mutating func insert(_ key: UInt64, _ index: Int32) {
        if key == 0 { zeroList = (zeroList ?? []) + [index]; return }
        if (used + 1) * 2 > slotKeys.count { grow() }
        let mask = slotKeys.count - 1
        var i = PhraseTable.home(key, mask)
        while slotKeys[i] != 0 && slotKeys[i] != key { i = (i &+ 1) & mask }
        if slotKeys[i] == 0 { slotKeys[i] = key; used += 1 }
        lists[i].append(index)
        let slots = patterns[Int(index)].slots
        if slots.count < 2 || slots[1].isEmpty { seconds[i] = ~0 } else { for k in slots[1] { seconds[i] |= PhraseTable.secondBit(k) } }
    }

    /// A word's bit in `seconds`.
    @inline(__always) static func secondBit(_ k: UInt64) -> UInt64 { 1 &<< (k &>> 58) }

    private mutating func grow() {
        let oldKeys = slotKeys, oldLists = lists, oldSeconds = seconds
        let capacity = oldKeys.count * 2
        slotKeys = [UInt64](repeating: 0, count: capacity)
        lists = [[Int32]](repeating: [], count: capacity)
        seconds = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (o, k) in oldKeys.enumerated() where k != 0 {
            var i = PhraseTable.home(k, mask)
            while slotKeys[i] != 0 { i = (i &+ 1) & mask }
            slotKeys[i] = k
            lists[i] = oldLists[o]
            seconds[i] = oldSeconds[o]
        }
    }

    /// The slot of `key`'s pattern list, -1 when no pattern starts with it (key 0: -2 when it has one).
    @inline(__always) private func slot(_ key: UInt64) -> Int {
        if key == 0 { return zeroList == nil ? -1 : -2 }
        let mask = slotKeys.count - 1
        var i = PhraseTable.home(key, mask)
        while true {
            let k = slotKeys[i]
            if k == key { return i }
            if k == 0 { return -1 }
            i = (i &+ 1) & mask
        }
    }

    /// Parses one written pattern into slots.
    static func slots(_ written: String) -> [[UInt64]] {
        written.split(separator: " ", omittingEmptySubsequences: true).map { word in
            word == "*" ? [] : word.split(separator: "|").map { WordKey.of(String($0)) }
        }
    }

    /// Whether `key` begins some pattern (a cheap pre-check).
    @inline(__always) func startsPattern(_ key: UInt64) -> Bool { slot(key) != -1 }

    /// The longest match starting at token `i`, within `i..<limit`.
    /// `blocks(j)` says whether token `j` may not sit inside a gap (punctuation).
    func longestMatch(at i: Int, keys: [UInt64], limit: Int, blocks: (Int) -> Bool) -> Match? {
        let at = slot(keys[i])
        if at == -1 { return nil }
        if at == -2 { return zeroList!.withUnsafeBufferPointer { longestMatch(among: $0, at: i, keys: keys, limit: limit, blocks: blocks) } }
        // No pattern of the word allows the next word second (or there is none before `limit`): no match.
        let second = seconds.withUnsafeBufferPointer { $0[at] }
        if second != ~0 {
            guard i + 1 < limit, second & PhraseTable.secondBit(keys[i + 1]) != 0 else { return nil }
        }
        // (The word's list read in place: taking it out of the table retained and released it on every call.)
        return lists.withUnsafeBufferPointer { lp in
            lp[at].withUnsafeBufferPointer { longestMatch(among: $0, at: i, keys: keys, limit: limit, blocks: blocks) }
        }
    }

    /// The longest match at `i` among the patterns `candidates` (those whose first slot holds `keys[i]`).
    private func longestMatch(among candidates: UnsafeBufferPointer<Int32>, at i: Int, keys: [UInt64], limit: Int,
                              blocks: (Int) -> Bool) -> Match? {
        var best: Match?
        var bestWeight = 0
        for c in candidates {
            // The pattern's fields are read in place: no copy of its slots and value per try.
            let index = Int(c)
            let weight = patterns[index].weight
            if let m = match(patterns[index].slots, index: index, at: i, keys: keys, limit: limit, blocks: blocks) {
                let better = weight > bestWeight || (weight == bestWeight && (best.map { m.end < $0.end } ?? true))
                if best == nil || better { best = m; bestWeight = weight }
            }
        }
        return best
    }

    private func match(_ slots: [[UInt64]], index: Int, at i: Int, keys: [UInt64], limit: Int, blocks: (Int) -> Bool) -> Match? {
        // The first slot (never a gap) holds `keys[i]`: the pattern was found under that key. Matching goes on after it.
        guard i < limit else { return nil }
        var j = i + 1
        var gap: Range<Int>?
        var headEnd = i + 1
        var s = 1
        while s < slots.count {
            let slot = slots[s]
            if slot.isEmpty {
                // A gap: try the shortest gap that lets the next slot match.
                guard s + 1 < slots.count else { return nil }
                let next = slots[s + 1]
                var k = j
                var found = -1
                while k < limit, k - j <= PhraseTable.maxGap {
                    if next.contains(keys[k]) { found = k; break }
                    if blocks(k) { break }
                    k += 1
                }
                guard found >= 0 else { return nil }
                if gap == nil { headEnd = j }
                gap = j..<found
                j = found
                s += 1
                continue
            }
            guard j < limit, slot.contains(keys[j]) else { return nil }
            j += 1
            s += 1
        }
        if gap == nil { headEnd = j }
        return Match(pattern: index, start: i, end: j, gap: gap, headEnd: headEnd)
    }
}
