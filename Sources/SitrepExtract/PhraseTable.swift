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
    private var byFirst: [UInt64: [Int32]] = [:]
    /// This table's bit in `ExtractionLexicon.wordInfo` (which tables a word can start).
    var bit: UInt16 = 0

    init(bit: UInt16 = 0) { self.bit = bit }

    /// Every word that starts some pattern.
    var firstWords: Dictionary<UInt64, [Int32]>.Keys { byFirst.keys }

    var isEmpty: Bool { patterns.isEmpty }

    /// Adds a pattern written as words separated by spaces, `a|b` alternatives, `*` gaps.
    mutating func add(_ slots: [[UInt64]], value: Value) {
        guard let first = slots.first, !first.isEmpty else { return }
        let index = Int32(patterns.count)
        patterns.append(Pattern(slots: slots, value: value, weight: slots.filter { !$0.isEmpty }.count))
        for key in first { byFirst[key, default: []].append(index) }
    }

    /// Parses one written pattern into slots.
    static func slots(_ written: String) -> [[UInt64]] {
        written.split(separator: " ", omittingEmptySubsequences: true).map { word in
            word == "*" ? [] : word.split(separator: "|").map { WordKey.of(String($0)) }
        }
    }

    /// Whether `key` begins some pattern (a cheap pre-check).
    @inline(__always) func startsPattern(_ key: UInt64) -> Bool { byFirst[key] != nil }

    /// The longest match starting at token `i`, within `i..<limit`.
    /// `blocks(j)` says whether token `j` may not sit inside a gap (punctuation).
    func longestMatch(at i: Int, keys: [UInt64], limit: Int, blocks: (Int) -> Bool) -> Match? {
        guard let candidates = byFirst[keys[i]] else { return nil }
        var best: Match?
        var bestWeight = 0
        for c in candidates {
            let p = patterns[Int(c)]
            if let m = match(p, index: Int(c), at: i, keys: keys, limit: limit, blocks: blocks) {
                let better = p.weight > bestWeight || (p.weight == bestWeight && (best.map { m.end < $0.end } ?? true))
                if best == nil || better { best = m; bestWeight = p.weight }
            }
        }
        return best
    }

    private func match(_ p: Pattern, index: Int, at i: Int, keys: [UInt64], limit: Int, blocks: (Int) -> Bool) -> Match? {
        var j = i
        var gap: Range<Int>?
        var headEnd = i + 1
        var s = 0
        while s < p.slots.count {
            let slot = p.slots[s]
            if slot.isEmpty {
                // A gap: try the shortest gap that lets the next slot match.
                guard s + 1 < p.slots.count else { return nil }
                let next = p.slots[s + 1]
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
