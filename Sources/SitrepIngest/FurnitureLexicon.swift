import Foundation
import SitrepCore

/// What a furniture phrase signals (the first column of `Resources/furniture.tsv`).
enum FurnitureKind: String, CaseIterable, Sendable {
    case banner
    case bylinePrefix = "byline_prefix"
    case captionHint = "caption_hint"
    case commentHeading = "comment_heading"
    case commentPolicy = "comment_policy"
    case commentPrompt = "comment_prompt"
    case copyright
    case credit
    case datePrefix = "date_prefix"
    case edition
    case navigation
    case readingTime = "reading_time"
    case related
    case share

    var bit: UInt32 {
        switch self {
        case .banner: 1 << 0
        case .bylinePrefix: 1 << 1
        case .captionHint: 1 << 2
        case .commentHeading: 1 << 3
        case .commentPolicy: 1 << 4
        case .commentPrompt: 1 << 5
        case .copyright: 1 << 6
        case .credit: 1 << 7
        case .datePrefix: 1 << 8
        case .edition: 1 << 9
        case .navigation: 1 << 10
        case .readingTime: 1 << 11
        case .related: 1 << 12
        case .share: 1 << 13
        }
    }
}

/// How a furniture phrase is compared with a line's key.
enum FurnitureMatchMode: String, Sendable {
    case line, prefix, contains, suffix
}

/// One occurrence of a furniture phrase in a line's key.
struct FurnitureHit: Sendable {
    var kind: FurnitureKind
    /// Offsets in the key.
    var start: Int
    var end: Int
}

/// The page-furniture vocabulary, loaded once from `Resources/furniture.tsv`.
///
/// Matching is byte-level on a line's key (lowercase, collapsed whitespace). Phrases that
/// begin or end with a letter or digit only match at word boundaries. `contains` phrases
/// are found in one pass over the key through a table of their first two bytes.
struct FurnitureLexicon: Sendable {
    struct Phrase: Sendable {
        var kind: FurnitureKind
        var mode: FurnitureMatchMode
        /// Lowercase bytes; 0x01 stands for a run of digits.
        var pattern: [UInt8]
    }

    let phrases: [Phrase]
    private let anchored: [Int]
    /// Phrases in `contains` mode grouped by their first two bytes: the phrases of pair `x`
    /// are `pairPhrases[pairStart[x]..<pairStart[x + 1]]`.
    private let pairStart: [Int32]
    private let pairPhrases: [Int]
    /// One bit per two-byte pair that starts some phrase: 8 KiB, stays in the first-level cache.
    private let pairBits: [UInt64]

    init(phrases: [Phrase]) {
        self.phrases = phrases
        var anchored: [Int] = []
        var byPair: [(Int, Int)] = []
        for (i, p) in phrases.enumerated() {
            if p.mode == .contains, p.pattern.count >= 2, p.pattern[0] != 1, p.pattern[1] != 1 {
                byPair.append((Int(p.pattern[0]) << 8 | Int(p.pattern[1]), i))
            } else {
                anchored.append(i)
            }
        }
        byPair.sort { $0 < $1 }
        var start = [Int32](repeating: 0, count: 65537)
        for (pair, _) in byPair { start[pair + 1] += 1 }
        for x in 0..<65536 { start[x + 1] += start[x] }
        self.anchored = anchored
        self.pairStart = start
        self.pairPhrases = byPair.map { $0.1 }
        var bits = [UInt64](repeating: 0, count: 1024)
        for (pair, _) in byPair { bits[pair >> 6] |= 1 << UInt64(pair & 63) }
        self.pairBits = bits
    }

    /// Every phrase found in `key` (lowercase line key). Anchored modes are only tried
    /// when `anchored` is true (short lines): long paragraphs are never navigation or share lines.
    func hits(in key: UnsafeBufferPointer<UInt8>, from: Int, to: Int, anchored tryAnchored: Bool) -> [FurnitureHit] {
        var out: [FurnitureHit] = []
        if tryAnchored {
            for index in anchored {
                let p = phrases[index]
                switch p.mode {
                case .line:
                    if let e = ByteText.match(p.pattern, in: key, from: from, to: to, at: from), e == to {
                        out.append(FurnitureHit(kind: p.kind, start: from, end: e))
                    }
                case .prefix:
                    if let e = ByteText.match(p.pattern, in: key, from: from, to: to, at: from),
                       Self.boundaryAfter(p.pattern, key, e, to) {
                        out.append(FurnitureHit(kind: p.kind, start: from, end: e))
                    }
                case .suffix, .contains:
                    // Short phrases in `contains` mode (fewer than 2 fixed bytes) and suffixes: try every start.
                    // A suffix without a digit run can only match `to - count` bytes before the end.
                    var i = from
                    if p.mode == .suffix, !p.pattern.contains(1) { i = max(from, to - p.pattern.count) }
                    while i < to {
                        if let e = ByteText.match(p.pattern, in: key, from: from, to: to, at: i),
                           Self.boundaryBefore(p.pattern, key, i, from), Self.boundaryAfter(p.pattern, key, e, to),
                           p.mode == .contains || e == to {
                            out.append(FurnitureHit(kind: p.kind, start: i, end: e))
                            break
                        }
                        i += 1
                    }
                }
            }
        }
        if to - from >= 2 {
            var i = from
            let last = to - 1
            var previousInWord = false
            while i < last {
                let b = key[i]
                let inWord = ByteText.isWordByte(b)
                // Phrases that start with a letter or digit only match at a word start.
                if inWord && previousInWord {
                    i += 1
                    // The rest of the word, eight bytes at a time, up to its first non-word byte (or `last`).
                    while i + 8 <= last {
                        let stop = ByteText.nonWordBytes(ByteText.load8(key, i))
                        if stop != 0 { i += stop.trailingZeroBitCount >> 3; break }
                        i += 8
                    }
                    continue
                }
                previousInWord = inWord
                let pair = Int(b) << 8 | Int(key[i + 1])
                if pairBits[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                    let lo = Int(pairStart[pair]), hi = Int(pairStart[pair + 1])
                    for c in lo..<hi {
                        let p = phrases[pairPhrases[c]]
                        if let e = ByteText.match(p.pattern, in: key, from: from, to: to, at: i),
                           Self.boundaryBefore(p.pattern, key, i, from), Self.boundaryAfter(p.pattern, key, e, to) {
                            out.append(FurnitureHit(kind: p.kind, start: i, end: e))
                        }
                    }
                }
                i += 1
            }
        }
        return out
    }

    @inline(__always) private static func boundaryBefore(_ p: [UInt8], _ key: UnsafeBufferPointer<UInt8>, _ i: Int, _ from: Int) -> Bool {
        guard let first = p.first, ByteText.isAlnum(first) || first == 1 else { return true }
        return i == from || !ByteText.isWordByte(key[i - 1])
    }

    @inline(__always) private static func boundaryAfter(_ p: [UInt8], _ key: UnsafeBufferPointer<UInt8>, _ e: Int, _ to: Int) -> Bool {
        guard let last = p.last, ByteText.isAlnum(last) || last == 1 else { return true }
        return e == to || !ByteText.isWordByte(key[e])
    }

    /// Whether a whole key (already lowercase) is one of the phrases of `kind` in `line` mode.
    func isLine(_ key: [UInt8], kind: FurnitureKind) -> Bool {
        key.withUnsafeBufferPointer { buf in
            phrases.contains { p in
                p.kind == kind && p.mode == .line
                    && ByteText.match(p.pattern, in: buf, from: 0, to: buf.count, at: 0) == buf.count
            }
        }
    }

    /// Parses the TSV text; errors name the file and line.
    static func parse(_ text: String, file: String) throws -> FurnitureLexicon {
        var phrases: [Phrase] = []
        var seen = Set<String>()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            let here = "\(file):\(n + 1)"
            guard cols.count == 3 else {
                throw SitrepError(code: "data.badRow", input: here, message: "expected 3 tab-separated columns (kind, mode, phrase), found \(cols.count)")
            }
            guard let kind = FurnitureKind(rawValue: String(cols[0])) else {
                throw SitrepError(code: "data.badRow", input: here, message: "unknown kind '\(cols[0])'")
            }
            guard let mode = FurnitureMatchMode(rawValue: String(cols[1])) else {
                throw SitrepError(code: "data.badRow", input: here, message: "unknown match mode '\(cols[1])'")
            }
            let phrase = String(cols[2])
            guard !phrase.isEmpty, phrase == phrase.lowercased(), phrase.trimmingCharacters(in: .whitespaces) == phrase else {
                throw SitrepError(code: "data.badRow", input: here, message: "phrase must be non-empty, lowercase and without surrounding spaces")
            }
            guard seen.insert(line.description).inserted else {
                throw SitrepError(code: "data.duplicateRow", input: here, message: "duplicate row")
            }
            let pattern = ByteText.bytes(phrase.replacingOccurrences(of: "<n>", with: "\u{01}"))
            phrases.append(Phrase(kind: kind, mode: mode, pattern: pattern))
        }
        return FurnitureLexicon(phrases: phrases)
    }
}
