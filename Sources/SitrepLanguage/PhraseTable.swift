/// Phrases of one or more tokens (as the tokenizer cuts them) mapped to small payloads, matched
/// against the token stream forwards or backwards, longest first, case-insensitively.
struct PhraseTable: Sendable {
    /// Key: the phrase's lowercase tokens joined by one space.
    private var table = WordTable(capacity: 64)
    /// First and last tokens of every phrase: a cheap filter before building multi-token keys.
    private var firsts = WordTable(capacity: 64)
    private var lasts = WordTable(capacity: 64)
    private(set) var maxTokens = 0
    var count: Int { table.count }
    /// The same phrases by their tokens' `ClauseTokens` keys folded in order (`fold`), with the keys of first and
    /// last tokens: the keyed `match` probes these with the text's per-token keys and builds a byte key only on a
    /// hit, to confirm it. A phrase's bytes equal to a text's (ASCII case aside) give equal keys, so every phrase the
    /// byte path finds is a keyed hit; a keyed hit the bytes do not confirm (’ read as ', a collision) is passed over.
    private var keyed = KeyMap<Int32>()
    private var firstKeys = KeySet()
    private var lastKeys = KeySet()

    init() {}

    /// Adds a phrase written as text ("sq. km"); it is tokenized like the text it will be matched against.
    mutating func insert(_ phrase: String, _ value: Int32) {
        let words = Tokenizer.tokenize(phrase).map { phrase.slice($0.range)!.lowercased() }
        guard let first = words.first, let last = words.last else { return }
        table.insert(words.joined(separator: " "), value)
        firsts.insert(first, 1)
        lasts.insert(last, 1)
        maxTokens = max(maxTokens, words.count)
        let keys = words.map(ClauseTokens.key)
        keyed[keys.reduce(Self.foldSeed, Self.fold)] = value
        firstKeys.insert(keys[0])
        lastKeys.insert(keys[keys.count - 1])
    }

    @inline(__always) static var foldSeed: UInt64 { 0x243F_6A88_85A3_08D3 }
    /// One more token key folded into a phrase key (order matters: "up to" and "to up" differ).
    @inline(__always) static func fold(_ h: UInt64, _ key: UInt64) -> UInt64 { ClauseTokens.mix(h, key) }

    /// The folded key of tokens `a..<b`.
    @inline(__always)
    private static func phraseKey(_ keys: UnsafeBufferPointer<UInt64>, _ a: Int, _ b: Int) -> UInt64 {
        var h = foldSeed
        for k in a..<b { h = fold(h, keys[k]) }
        return h
    }

    /// Whether tokens `a..<b` are a phrase of the table by their bytes (what the byte path tests): its value.
    @inline(__always)
    private func confirm(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, _ a: Int, _ b: Int,
                         _ scratch: inout [UInt8]) -> Int32? {
        if b - a == 1 { return table.value(p, Int(t[a].range.start), Int(t[a].range.end)) }
        key(p, t, a, b, &scratch)
        return lookup(scratch)
    }

    /// `match(_:_:at:limit:scratch:)` on the text's per-token keys (`keys[k]` is `ClauseTokens.hash` of token `k`'s
    /// bytes; an empty buffer takes the byte path): the same answer.
    @inline(__always)
    func match(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, _ keys: UnsafeBufferPointer<UInt64>,
               at j: Int, limit: Int, scratch: inout [UInt8]) -> (value: Int32, end: Int)? {
        guard keys.count > 0 else { return match(p, t, at: j, limit: limit, scratch: &scratch) }
        guard j < limit, firstKeys.contains(keys[j]) else { return nil }
        var n = min(maxTokens, limit - j)
        while n >= 1 {
            if lastKeys.contains(keys[j + n - 1]), keyed.contains(Self.phraseKey(keys, j, j + n)),
               let v = confirm(p, t, j, j + n, &scratch) { return (v, j + n) }
            n -= 1
        }
        return nil
    }

    /// `match(_:_:endingBefore:floor:scratch:)` on the text's per-token keys (an empty buffer takes the byte path).
    @inline(__always)
    func match(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, _ keys: UnsafeBufferPointer<UInt64>,
               endingBefore j: Int, floor: Int, scratch: inout [UInt8]) -> (value: Int32, start: Int)? {
        guard keys.count > 0 else { return match(p, t, endingBefore: j, floor: floor, scratch: &scratch) }
        guard j > floor, lastKeys.contains(keys[j - 1]) else { return nil }
        var n = min(maxTokens, j - floor)
        while n >= 1 {
            if firstKeys.contains(keys[j - n]), keyed.contains(Self.phraseKey(keys, j - n, j)),
               let v = confirm(p, t, j - n, j, &scratch) { return (v, j - n) }
            n -= 1
        }
        return nil
    }

    /// Writes the key of tokens `a..<b` into `scratch`; false when too long.
    @inline(__always)
    private func key(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, _ a: Int, _ b: Int,
                     _ scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        for k in a..<b {
            if k > a { scratch.append(0x20) }
            let r = t[k].range
            for i in Int(r.start)..<Int(r.end) { scratch.append(p[i]) }
        }
    }

    @inline(__always)
    private func lookup(_ scratch: [UInt8]) -> Int32? {
        scratch.withUnsafeBufferPointer { table.value($0, 0, $0.count) }
    }

    /// The longest phrase starting at token `j` and ending at or before `limit`: its value and end token index.
    func match(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, at j: Int, limit: Int,
               scratch: inout [UInt8]) -> (value: Int32, end: Int)? {
        guard j < limit, firsts.value(p, Int(t[j].range.start), Int(t[j].range.end)) != nil else { return nil }
        var n = min(maxTokens, limit - j)
        while n >= 1 {
            if n == 1 {
                if let v = table.value(p, Int(t[j].range.start), Int(t[j].range.end)) { return (v, j + 1) }
            } else if lasts.value(p, Int(t[j + n - 1].range.start), Int(t[j + n - 1].range.end)) != nil {
                key(p, t, j, j + n, &scratch)
                if let v = lookup(scratch) { return (v, j + n) }
            }
            n -= 1
        }
        return nil
    }

    /// The longest phrase ending just before token `j` and starting at or after `floor`: its value and start index.
    func match(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Token>, endingBefore j: Int, floor: Int,
               scratch: inout [UInt8]) -> (value: Int32, start: Int)? {
        guard j > floor, lasts.value(p, Int(t[j - 1].range.start), Int(t[j - 1].range.end)) != nil else { return nil }
        var n = min(maxTokens, j - floor)
        while n >= 1 {
            if n == 1 {
                if let v = table.value(p, Int(t[j - 1].range.start), Int(t[j - 1].range.end)) { return (v, j - 1) }
            } else if firsts.value(p, Int(t[j - n].range.start), Int(t[j - n].range.end)) != nil {
                key(p, t, j - n, j, &scratch)
                if let v = lookup(scratch) { return (v, j - n) }
            }
            n -= 1
        }
        return nil
    }

    /// The value of a phrase given as raw bytes (a single token or part of one, such as "year-old").
    func value(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int32? { table.value(p, from, to) }
}
