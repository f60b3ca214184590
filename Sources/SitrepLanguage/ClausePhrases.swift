/// A table of word sequences ("is set to", "pointed out", "may <n>") matched token by token on
/// `ClauseTokens` keys. `<n>` in a phrase matches any number token.
struct ClausePhrases<Value: Sendable>: Sendable {
    struct Phrase: Sendable {
        var keys: [UInt64]
        var value: Value
        var text: String
    }

    private(set) var phrases: [Phrase] = []
    private var byFirst: [UInt64: [Int]] = [:]
    private var numberFirst: [Int] = []
    /// One bit per 16-bit slice of a first word's key: most tokens are turned away without hashing into `byFirst`.
    private var firstBits = [UInt64](repeating: 0, count: 1024)
    private static var numberKey: UInt64 { 0 }

    init() {}

    /// Adds a phrase: lowercase words separated by single spaces.
    mutating func add(_ text: String, _ value: Value) {
        let keys = text.split(separator: " ").map { $0 == "<n>" ? Self.numberKey : ClauseTokens.key(String($0)) }
        guard let first = keys.first else { return }
        let index = phrases.count
        phrases.append(Phrase(keys: keys, value: value, text: text))
        if first == Self.numberKey {
            numberFirst.append(index)
        } else {
            byFirst[first, default: []].append(index)
            let slot = Int(truncatingIfNeeded: first >> 20) & 0xFFFF
            firstBits[slot >> 6] |= 1 << UInt64(slot & 63)
        }
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// Whether the token at `t` starts some phrase (a cheap pre-check).
    @inline(__always) func mayStart(_ t: Int, _ ct: ClauseTokens) -> Bool {
        if !numberFirst.isEmpty && ct.has(t, .number) { return true }
        let key = ct.key(t)
        let slot = Int(truncatingIfNeeded: key >> 20) & 0xFFFF
        guard firstBits[slot >> 6] & (1 << UInt64(slot & 63)) != 0 else { return false }
        return byFirst[key] != nil
    }

    /// The longest phrase starting at token `t` and ending before `limit`: its index and token count.
    func longest(at t: Int, limit: Int, _ ct: ClauseTokens) -> (index: Int, length: Int)? {
        var best: (Int, Int)?
        func consider(_ list: [Int]) {
            for i in list {
                let keys = phrases[i].keys
                guard t + keys.count <= limit, keys.count > (best?.1 ?? 0) else { continue }
                var ok = true
                for (j, k) in keys.enumerated() {
                    let tok = t + j
                    if k == Self.numberKey ? !ct.has(tok, .number) : ct.key(tok) != k { ok = false; break }
                }
                if ok { best = (i, keys.count) }
            }
        }
        if let list = byFirst[ct.key(t)] { consider(list) }
        if !numberFirst.isEmpty, ct.has(t, .number) { consider(numberFirst) }
        return best.map { (index: $0.0, length: $0.1) }
    }

    subscript(index: Int) -> Phrase { phrases[index] }
}
