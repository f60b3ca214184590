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
    /// Every phrase's pattern, one after another: phrase `i` is `patternBytes[patternStart[i]..<patternStart[i + 1]]`
    /// (read without copying a `Phrase`, whose array would be retained and released on every look).
    private let patternBytes: [UInt8]
    private let patternStart: [Int32]
    /// Per phrase: 1 when its first byte is a letter or digit (or a digit run), 2 when its last is: it must then start
    /// or end at a word boundary.
    private let boundaryFlags: [UInt8]
    /// Anchored phrases (every mode but `contains` with two fixed leading bytes) that may match a key whose first byte
    /// is `b`: `anchoredPhrases[anchoredStart[b]..<anchoredStart[b + 1]]`, in file order. A `line` or `prefix`
    /// phrase is listed under its first byte (a digit run under every digit); `suffix` and short `contains` phrases,
    /// which may match anywhere, under every byte.
    private let anchoredStart: [Int32]
    private let anchoredPhrases: [Int32]
    /// Length of a `line` phrase without a digit run (it matches only a key of that length), else -1.
    private let fixedLength: [Int32]
    /// Phrases in `contains` mode grouped by their first two bytes: the phrases of pair `x`
    /// are `pairPhrases[pairStart[x]..<pairStart[x + 1]]`.
    private let pairStart: [Int32]
    private let pairPhrases: [Int32]
    /// Per entry of `pairPhrases`: up to its first eight fixed bytes (before any digit run), little-endian, and the
    /// mask of those bytes. Eight key bytes that differ under the mask cannot start the phrase.
    private let pairPrefix: [UInt64]
    private let pairMask: [UInt64]
    /// One bit per two-byte pair that starts some phrase: 8 KiB, stays in the first-level cache.
    private let pairBits: [UInt64]
    /// Some `contains` phrase starts with a space (then spaces are tried as starts too).
    private let spaceStarts: Bool

    init(phrases: [Phrase]) {
        self.phrases = phrases
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        var flags: [UInt8] = []
        var fixed: [Int32] = []
        var byFirst = [[Int32]](repeating: [], count: 256)
        var byPair: [(Int, Int)] = []
        for (i, p) in phrases.enumerated() {
            bytes += p.pattern
            starts.append(Int32(bytes.count))
            var f: UInt8 = 0
            if let first = p.pattern.first, ByteText.isAlnum(first) || first == 1 { f |= 1 }
            if let last = p.pattern.last, ByteText.isAlnum(last) || last == 1 { f |= 2 }
            flags.append(f)
            fixed.append(p.mode == .line && !p.pattern.contains(1) ? Int32(p.pattern.count) : -1)
            if p.mode == .contains, p.pattern.count >= 2, p.pattern[0] != 1, p.pattern[1] != 1 {
                byPair.append((Int(p.pattern[0]) << 8 | Int(p.pattern[1]), i))
            } else if (p.mode == .line || p.mode == .prefix), let first = p.pattern.first {
                if first == 1 {
                    for d in 0x30...0x39 { byFirst[d].append(Int32(i)) }
                } else {
                    byFirst[Int(first)].append(Int32(i))
                }
            } else {
                for b in 0..<256 { byFirst[b].append(Int32(i)) }
            }
        }
        self.patternBytes = bytes
        self.patternStart = starts
        self.boundaryFlags = flags
        self.fixedLength = fixed
        var aStart: [Int32] = [0]
        var aPhrases: [Int32] = []
        for b in 0..<256 { aPhrases += byFirst[b]; aStart.append(Int32(aPhrases.count)) }
        self.anchoredStart = aStart
        self.anchoredPhrases = aPhrases
        byPair.sort { $0 < $1 }
        var start = [Int32](repeating: 0, count: 65537)
        for (pair, _) in byPair { start[pair + 1] += 1 }
        for x in 0..<65536 { start[x + 1] += start[x] }
        self.pairStart = start
        self.pairPhrases = byPair.map { Int32($0.1) }
        var prefixes: [UInt64] = [], masks: [UInt64] = []
        for (_, i) in byPair {
            var prefix: UInt64 = 0, mask: UInt64 = 0
            for (k, c) in phrases[i].pattern.prefix(8).enumerated() {
                if c == 1 { break }
                prefix |= UInt64(c) << UInt64(k * 8)
                mask |= 0xFF << UInt64(k * 8)
            }
            prefixes.append(prefix)
            masks.append(mask)
        }
        self.pairPrefix = prefixes
        self.pairMask = masks
        var bits = [UInt64](repeating: 0, count: 1024)
        for (pair, _) in byPair { bits[pair >> 6] |= 1 << UInt64(pair & 63) }
        self.pairBits = bits
        self.spaceStarts = byPair.contains { $0.0 >> 8 == 0x20 }
    }

    /// Every phrase found in `key` (lowercase line key). Anchored modes are only tried
    /// when `anchored` is true (short lines): long paragraphs are never navigation or share lines.
    func hits(in key: UnsafeBufferPointer<UInt8>, from: Int, to: Int, anchored tryAnchored: Bool) -> [FurnitureHit] {
        var out: [FurnitureHit] = []
        patternBytes.withUnsafeBufferPointer { pb in
            patternStart.withUnsafeBufferPointer { ps in
                boundaryFlags.withUnsafeBufferPointer { bf in
                    if tryAnchored && from < to {
                        anchoredHits(key, from, to, pb, ps, bf, &out)
                    }
                    if to - from >= 2 {
                        pairHits(key, from, to, pb, ps, bf, &out)
                    }
                }
            }
        }
        return out
    }

    private func anchoredHits(_ key: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ pb: UnsafeBufferPointer<UInt8>,
                              _ ps: UnsafeBufferPointer<Int32>, _ bf: UnsafeBufferPointer<UInt8>, _ out: inout [FurnitureHit]) {
        let first = Int(key[from])
        for a in Int(anchoredStart[first])..<Int(anchoredStart[first + 1]) {
            let index = Int(anchoredPhrases[a])
            let mode = phrases[index].mode
            let fixed = Int(fixedLength[index])
            if fixed >= 0 && fixed != to - from { continue }
            let pattern = UnsafeBufferPointer(rebasing: pb[Int(ps[index])..<Int(ps[index + 1])])
            let flags = bf[index]
            switch mode {
            case .line:
                if let e = ByteText.match(pattern, in: key, to: to, at: from), e == to {
                    out.append(FurnitureHit(kind: phrases[index].kind, start: from, end: e))
                }
            case .prefix:
                if let e = ByteText.match(pattern, in: key, to: to, at: from), Self.boundaryAfter(flags, key, e, to) {
                    out.append(FurnitureHit(kind: phrases[index].kind, start: from, end: e))
                }
            case .suffix, .contains:
                // Short phrases in `contains` mode (fewer than 2 fixed bytes) and suffixes: try every start.
                // A suffix without a digit run can only match `to - count` bytes before the end.
                var i = from
                if mode == .suffix, !pattern.contains(1) { i = max(from, to - pattern.count) }
                while i < to {
                    if let e = ByteText.match(pattern, in: key, to: to, at: i),
                       Self.boundaryBefore(flags, key, i, from), Self.boundaryAfter(flags, key, e, to),
                       mode == .contains || e == to {
                        out.append(FurnitureHit(kind: phrases[index].kind, start: i, end: e))
                        break
                    }
                    i += 1
                }
            }
        }
    }

    private func pairHits(_ key: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ pb: UnsafeBufferPointer<UInt8>,
                          _ ps: UnsafeBufferPointer<Int32>, _ bf: UnsafeBufferPointer<UInt8>, _ out: inout [FurnitureHit]) {
        pairBits.withUnsafeBufferPointer { bits in
            let whole = key.count
            /// The two bytes at `i` (the caller checks `i + 1 < to`) when some phrase starts with them, else -1: the
            /// test made at every candidate, written out in the loops below (most pairs start no phrase).
            @inline(__always) func startingPair(_ i: Int) -> Int {
                let pair = Int(key[i]) &<< 8 | Int(key[i + 1])
                return bits[pair &>> 6] & (1 &<< UInt64(pair & 63)) != 0 ? pair : -1
            }
            /// The phrases of `pair`, the two bytes at `i`.
            func tryPair(_ i: Int, _ pair: Int) {
                let lo = Int(pairStart[pair]), hi = Int(pairStart[pair + 1])
                let word = i + 8 <= whole ? ByteText.load8(key, i) : 0
                for c in lo..<hi {
                    if i + 8 <= whole && word & pairMask[c] != pairPrefix[c] { continue }
                    let index = Int(pairPhrases[c])
                    let pattern = UnsafeBufferPointer(rebasing: pb[Int(ps[index])..<Int(ps[index + 1])])
                    let flags = bf[index]
                    if let e = ByteText.match(pattern, in: key, to: to, at: i),
                       Self.boundaryBefore(flags, key, i, from), Self.boundaryAfter(flags, key, e, to) {
                        out.append(FurnitureHit(kind: phrases[index].kind, start: i, end: e))
                    }
                }
            }
            // Phrases that start with a letter or digit only match at a word start: the pairs tried are those at a
            // word start or at a byte that is no word byte (a space only when some phrase starts with one).
            // (Offsets stay below the key's count: the arithmetic on them is unchecked.)
            var i = from
            let last = to - 1
            var previousInWord: UInt64 = 0  // 0x80 when the byte before `i` is a word byte
            let keepSpaces: UInt64 = spaceStarts ? 0x8080_8080_8080_8080 : 0  // spaces are candidates too
            while i &+ 8 <= last {
                let x = ByteText.load8(key, i)
                let other = ByteText.nonWordBytes(x)
                let word = ~other & 0x8080_8080_8080_8080
                let wordStarts = word & ~((word << 8) | previousInWord)
                let spaces = ByteText.bytesEqual(x, 0x20)
                var candidates = wordStarts | (other & (~spaces | keepSpaces))
                while candidates != 0 {
                    let j = i &+ candidates.trailingZeroBitCount &>> 3
                    let pair = startingPair(j)
                    if pair >= 0 { tryPair(j, pair) }
                    candidates &= candidates &- 1
                }
                previousInWord = word >> 56
                i &+= 8
            }
            var previousWasWord = previousInWord != 0
            while i < last {
                let inWord = ByteText.isWordByte(key[i])
                if !(inWord && previousWasWord) {
                    let pair = startingPair(i)
                    if pair >= 0 { tryPair(i, pair) }
                }
                previousWasWord = inWord
                i += 1
            }
        }
    }

    @inline(__always) private static func boundaryBefore(_ flags: UInt8, _ key: UnsafeBufferPointer<UInt8>, _ i: Int, _ from: Int) -> Bool {
        guard flags & 1 != 0 else { return true }
        return i == from || !ByteText.isWordByte(key[i - 1])
    }

    @inline(__always) private static func boundaryAfter(_ flags: UInt8, _ key: UnsafeBufferPointer<UInt8>, _ e: Int, _ to: Int) -> Bool {
        guard flags & 2 != 0 else { return true }
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
            guard !phrase.isEmpty, phrase == phrase.lowercased(), DataField.isTrimmed(phrase) else {
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
