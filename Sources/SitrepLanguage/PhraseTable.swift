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

    init() {}

    /// Adds a phrase written as text ("sq. km"); it is tokenized like the text it will be matched against.
    mutating func insert(_ phrase: String, _ value: Int32) {
        let words = Tokenizer.tokenize(phrase).map { phrase.slice($0.range)!.lowercased() }
        guard let first = words.first, let last = words.last else { return }
        table.insert(words.joined(separator: " "), value)
        firsts.insert(first, 1)
        lasts.insert(last, 1)
        maxTokens = max(maxTokens, words.count)
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
