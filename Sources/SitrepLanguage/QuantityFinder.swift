import SitrepCore

/// Finds numbers and vague quantities, types what each measures and, for counts, what is counted.
///
/// - Digits ("1,000", "3.5 million"), number words ("four hundred", "thirty-six", "a hundred", "a dozen"),
///   ordinals ("30th", "twenty-first": `.ordinal`), ranges ("between 20 and 30", "20-30", "two or three").
/// - Vague quantities are ranges from `en/vague-quantities.tsv` (several 3–9, a few 2–5, dozens 24–99,
///   scores 40–99, hundreds 200–999, thousands 2000–9999, a number of 2+); a following scale multiplies
///   ("a few hundred" 200–500).
/// - Hedges and bounds from `en/quantity-modifiers.tsv`: "some/about/around/nearly N" = N, approximate;
///   "at least N" = N…open; "as many as / up to N" = 1…N; "fewer than N" = 1…N−1;
///   "more than / over N" = N+1 … N + 10^k − 1 where 10^k is the place value of N's leading digit
///   ("over a hundred" 101–199, "more than 250" 251–349; below 10: N+1 … 2N). All of these are approximate.
/// - What a number measures, from `en/quantity-units.tsv`: units after it ("400 sq. km" area, "20km" distance,
///   "ten days" duration, "12-year-old" age, "40%" percentage, "700,000-strong" population), markers before it
///   ("Resolution 2254" identifier, "$5 million" money, "aged 12" age, "home to some three million people"
///   population), month names beside it ("July 31st" calendar); four-digit numbers 1800–2099 without a counted
///   noun are years; a number between commas after a name is an age ("Omar Khalil, 20, was held"); a number
///   right after a capitalised word, counting nothing, is an identifier ("District 24", "Channel 4"); "11:32" is a time of day (value 1132); "2018-07-31" and "31/07/2018" are calendar numbers
///   (value: the first group). None of these is ever a `.count`.
/// - The counted noun (`of`, plural lemma from `en/count-nouns.tsv`) is searched after the number, past "of",
///   a determiner and up to four names or adjectives ("400 ISIS fighters", "hundreds of Islamic State
///   fighters"), stopping at punctuation and at the words in `en/noun-phrase-breaks.txt`.
public struct QuantityFinder: Sendable {
    public let lexicon: QuantityLexicon
    /// The `ClauseTokens` keys of `lexicon.starts`: with the per-token keys already computed, most words are
    /// turned away by one probe here (a hit is confirmed on the bytes).
    let startKeys: KeySet
    /// The lexicon behind one reference, for the per-document `Scanner`: copying the lexicon itself retains and
    /// releases every one of its tables (about 140 references) for each document.
    let shared: QuantityLexicon.Shared

    public init() throws { try self.init(lexicon: QuantityLexicon()) }
    public init(lexicon: QuantityLexicon) {
        self.lexicon = lexicon
        startKeys = KeySet(lexicon.starts.clauseKeys)
        shared = QuantityLexicon.Shared(lexicon)
    }

    public func find(in text: String, tokens: [Token], sentences: [Sentence]) -> [QuantityMention] {
        var copy = text
        return copy.withUTF8 { find(bytes: $0, tokens: tokens, sentences: sentences) }
    }

    public func find(bytes p: UnsafeBufferPointer<UInt8>, tokens: [Token], sentences: [Sentence]) -> [QuantityMention] {
        find(bytes: p, tokens: tokens, sentences: sentences, clauseTokens: nil)
    }

    /// The same with per-token keys and flags already computed for the text (`LanguageAnalyzer` shares them).
    func find(bytes p: UnsafeBufferPointer<UInt8>, tokens: [Token], sentences: [Sentence], clauseTokens: ClauseTokens?) -> [QuantityMention] {
        var out: [QuantityMention] = []
        // One quantity per ~140 bytes of news text: room for twice that before the array grows.
        out.reserveCapacity(p.count / 64 + 4)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(128)
        let shareKeys = clauseTokens.map { $0.tokens.count == tokens.count } ?? false
        let keys = shareKeys ? clauseTokens!.keys : []
        tokens.withUnsafeBufferPointer { t in keys.withUnsafeBufferPointer { k in
            var scanner = Scanner(p: p, t: t, shared: shared)
            if shareKeys, let ct = clauseTokens {
                scanner.startKeys = startKeys
                scanner.clauseTokens = ct
                scanner.keys = k
            }
            for s in sentences {
                var i = s.tokens.lowerBound
                let hi = s.tokens.upperBound
                while i < hi {
                    if scanner.mayStart(i), let (m, next) = scanner.quantity(at: i, lo: s.tokens.lowerBound, hi: hi, scratch: &scratch) {
                        if let m { out.append(m) }
                        i = max(next, i + 1)
                    } else {
                        i += 1
                    }
                }
            }
        } }
        return out
    }
}

/// The number at the heart of a quantity expression.
struct NumberCore {
    enum Shape { case plain, ordinal, decade, time, date, range, vague, score }
    var shape: Shape
    var lo: Double
    var hi: Double?
    /// Token index after the number (scale words included).
    var end: Int
    /// A hyphenated suffix inside the last token ("year-old" in "12-year-old"): its byte range.
    var suffix: Range<Int>?
    /// Digits written without separators (candidates for years).
    var bareDigits = 0
    var hasSeparators = false
    var isDecimal = false
    /// Digits glued to "m": millions ("$5m", "1.5m people") or metres ("2.1m deep").
    var gluedM = false
}

/// One pass over a document's tokens. Read-only: the scratch buffer for phrase keys is passed in, so calls
/// on the scanner never copy it (a mutating scanner copied all of itself, 1.7 KB, before each helper call).
struct Scanner {
    let p: UnsafeBufferPointer<UInt8>
    let t: UnsafeBufferPointer<Token>
    let shared: QuantityLexicon.Shared
    // The lexicon is read as `shared.lexicon.…`, in place: a `_read` accessor yielding it copied the whole
    // lexicon's fields (a memcpy) at each use.
    /// When set (with `startKeys`): the text's per-token keys and flags, for `mayStart`'s first tests.
    var clauseTokens: ClauseTokens?
    var startKeys = KeySet()
    /// With `clauseTokens`: its per-token keys, for the phrase tables' keyed matches (empty: the byte path).
    var keys = UnsafeBufferPointer<UInt64>(start: nil, count: 0)

    init(p: UnsafeBufferPointer<UInt8>, t: UnsafeBufferPointer<Token>, shared: QuantityLexicon.Shared) {
        self.p = p
        self.t = t
        self.shared = shared
    }

    init(p: UnsafeBufferPointer<UInt8>, t: UnsafeBufferPointer<Token>, lex: QuantityLexicon) {
        self.init(p: p, t: t, shared: QuantityLexicon.Shared(lex))
    }

    @inline(__always) func start(_ k: Int) -> Int { Int(t[k].range.start) }
    @inline(__always) func end(_ k: Int) -> Int { Int(t[k].range.end) }

    @inline(__always)
    func isWord(_ k: Int, _ w: StaticString) -> Bool {
        let s = start(k), e = end(k)
        guard e - s == w.utf8CodeUnitCount else { return false }
        let q = w.utf8Start
        for i in 0..<(e - s) where ByteClass.lower(p[s + i]) != q[i] { return false }
        return true
    }

    /// A cheap test: can a quantity expression start at token `i`?
    @inline(__always)
    func mayStart(_ i: Int) -> Bool {
        let k = t[i]
        if k.kind == .number { return true }
        guard k.kind == .word else { return false }
        let s = Int(k.range.start), e = Int(k.range.end)
        guard ByteClass.isAlpha(p[s]) else { return false }
        if let ct = clauseTokens {
            // Bytes that `starts` matches have a key in `startKeys`; a word without "-" has no prefix to look up.
            if startKeys.contains(ct.key(i)), shared.lexicon.starts.value(p, s, e) != nil { return true }
            if ct.has(i, .noHyphen) { return false }
        } else if shared.lexicon.starts.value(p, s, e) != nil { return true }
        // "thirty-six", "five-year-old": a number word before the first hyphen (no further than the longest word).
        let stop = min(e, s + shared.lexicon.starts.maxLength + 1)
        let h = Self.firstHyphen(p, s, stop)
        return h < stop && shared.lexicon.starts.value(p, s, h) != nil
    }

    /// The first "-" in bytes `s..<stop`, or `stop` when there is none: eight bytes at a time while the buffer
    /// holds eight more, then byte by byte. The lowest byte the zero-byte test flags is always a true match
    /// (borrows only run towards higher bytes), so the answer equals `firstHyphenPlain`'s.
    @inline(__always)
    static func firstHyphen(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ stop: Int) -> Int {
        var h = s
        if let base = p.baseAddress {
            while h < stop, h &+ 8 <= p.count {
                let x = UInt64(littleEndian: UnsafeRawPointer(base + h).loadUnaligned(as: UInt64.self))
                let y = x ^ 0x2D2D_2D2D_2D2D_2D2D
                let z = (y &- 0x0101_0101_0101_0101) & ~y & 0x8080_8080_8080_8080
                if z != 0 { return min(h &+ z.trailingZeroBitCount >> 3, stop) }
                h &+= 8
            }
        }
        while h < stop, p[h] != UInt8(ascii: "-") { h += 1 }
        return min(h, stop)
    }

    /// `firstHyphen` byte by byte: the reference the fast path must match.
    static func firstHyphenPlain(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ stop: Int) -> Int {
        var h = s
        while h < stop, p[h] != UInt8(ascii: "-") { h += 1 }
        return h
    }

    /// Value and class of a number word at bytes `s..<e`.
    @inline(__always)
    func numberWord(_ s: Int, _ e: Int) -> (Int64, QuantityLexicon.NumberClass)? {
        guard let idx = shared.lexicon.numberWords.value(p, s, e) else { return nil }
        return (shared.lexicon.numberValue[Int(idx)], shared.lexicon.numberClass[Int(idx)])
    }

    func scaleWord(_ k: Int) -> Int64? {
        guard t[k].kind == .word, let (v, c) = numberWord(start(k), end(k)), c == .scale else { return nil }
        return v
    }

    // MARK: numbers

    /// Parses digits, separators and shape of a number token.
    func digits(_ k: Int) -> NumberCore {
        let s = start(k), e = end(k)
        var i = s
        func group() -> (Double, Int, Bool, Bool) { // value, digit count, had commas, had decimal
            var v = 0.0, n = 0, commas = false, decimal = false, scale = 0.1
            while i < e {
                let b = p[i]
                if ByteClass.isDigit(b) {
                    if decimal { v += Double(b - 48) * scale; scale /= 10 } else { v = v * 10 + Double(b - 48) }
                    n += 1; i += 1
                } else if b == UInt8(ascii: ","), i + 1 < e, ByteClass.isDigit(p[i + 1]), !decimal {
                    commas = true; i += 1
                } else if b == UInt8(ascii: "."), i + 1 < e, ByteClass.isDigit(p[i + 1]), !decimal {
                    decimal = true; i += 1
                } else { break }
            }
            return (v, n, commas, decimal)
        }
        let (v, n, commas, decimal) = group()
        var core = NumberCore(shape: .plain, lo: v, hi: nil, end: k + 1)
        core.hasSeparators = commas
        core.isDecimal = decimal
        core.bareDigits = (commas || decimal) ? 0 : n
        guard i < e else { return core }
        let b = p[i]
        if b == UInt8(ascii: ":") { core.shape = .time; let m = i + 1; i = m; let (mm, _, _, _) = group(); core.lo = v * 100 + mm; return core }
        if b == UInt8(ascii: "/") || (b == UInt8(ascii: ".") && !decimal) { core.shape = .date; return core }
        if b == UInt8(ascii: "-") || b == 0xE2 {
            let skip = b == 0xE2 ? 3 : 1
            if i + skip < e, ByteClass.isDigit(p[i + skip]) {
                i += skip
                let (v2, n2, _, _) = group()
                if i < e, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "/") { core.shape = .date; return core }
                if n == 4, n2 == 2, v2 <= 12 { core.shape = .date; return core } // 2018-07
                core.shape = .range
                core.hi = v2
                if n == 4, n2 == 2 { core.hi = Double(Int(v) / 100 * 100) + v2 } // 2011-12
                if let h = core.hi, h <= v { core.shape = .score; core.hi = nil } // "3-1", "32–9": not a range
                return core
            }
            // "700,000-strong", "12-year-old": a suffix that may say what the number measures.
            core.suffix = (i + 1)..<e
            return core
        }
        if ByteClass.isAlpha(b) {
            if e - i == 1, ByteClass.lower(b) == UInt8(ascii: "s") { core.shape = .decade } else { core.shape = .ordinal }
        }
        return core
    }

    /// A number written in words from token `i`: "four hundred", "thirty-six", "a hundred", "one hundred and twenty".
    func words(_ i: Int, hi: Int) -> NumberCore? {
        var total: Int64 = 0, current: Int64 = 0
        var any = false, lastScale = false, lastCardinal: Int64 = -1
        var k = i
        var ordinal = false
        var suffix: Range<Int>? = nil
        // "a hundred", "an estimated"… only a scale may follow "a".
        if isWord(k, "a") || isWord(k, "an") {
            guard k + 1 < hi, scaleWord(k + 1) != nil else { return nil }
            current = 1
            k += 1
        }
        tokens: while k < hi, t[k].kind == .word {
            // A token may hold several hyphen-separated parts: "thirty-six", "twenty-first", "five-year-old".
            var s = start(k)
            let e = end(k)
            var consumedPart = false
            while s < e {
                var h = s
                while h < e, p[h] != UInt8(ascii: "-") { h += 1 }
                guard let (v, c) = numberWord(s, h) else {
                    if consumedPart { suffix = s..<e; k += 1 }
                    break tokens
                }
                switch c {
                case .cardinal:
                    // "twenty five" but not "five twenty" or "one two".
                    if lastCardinal >= 0 && !(lastCardinal >= 20 && lastCardinal % 10 == 0 && v < 10) { break tokens }
                    current += v
                    lastCardinal = v
                    lastScale = false
                case .ordinal:
                    if lastCardinal >= 0 && !(lastCardinal >= 20 && lastCardinal % 10 == 0 && v < 10) && !lastScale { break tokens }
                    current += v
                    ordinal = true
                case .scale:
                    if !any && current == 0 { break tokens } // a bare "hundred" is not a number
                    if v >= 1000 { total += max(current, 1) * v; current = 0 } else { current = max(current, 1) * v }
                    lastScale = true
                    lastCardinal = -1
                }
                any = true
                consumedPart = true
                s = h + 1
                if ordinal { if h < e { suffix = (h + 1)..<e }; k += 1; break tokens }
            }
            k += 1
            // "one hundred and twenty"
            if lastScale, k + 1 < hi, isWord(k, "and"), t[k + 1].kind == .word,
               let (v, c) = numberWord(start(k + 1), end(k + 1)), c == .cardinal, v < 100 {
                k += 1
                lastCardinal = -1
            }
        }
        guard any else { return nil }
        var core = NumberCore(shape: ordinal ? .ordinal : .plain, lo: Double(total + current), hi: nil, end: k)
        core.suffix = suffix
        return core
    }

    /// The number at token `i` with any scale words after digits ("3.5 million").
    func number(_ i: Int, hi: Int) -> NumberCore? {
        if t[i].kind == .number {
            var core = digits(i)
            if core.shape == .plain, core.suffix == nil {
                var k = i + 1
                // A scale glued to the digits: "$5m", "1.5bn", "20k".
                if k < hi, t[k].kind == .word, end(i) == start(k), isWord(k, "m") || isWord(k, "bn") || isWord(k, "mn") || isWord(k, "k") {
                    core.gluedM = isWord(k, "m")
                    core.lo *= isWord(k, "k") ? 1000 : isWord(k, "bn") ? 1_000_000_000 : 1_000_000
                    core.bareDigits = 0
                    k += 1
                }
                while k < hi, let scale = scaleWord(k) { core.lo *= Double(scale); core.bareDigits = 0; k += 1 }
                core.end = k
            }
            return core
        }
        guard t[i].kind == .word else { return nil }
        return words(i, hi: hi)
    }

    // MARK: quantities

    /// The quantity expression at token `i` (nil mention: a number that is not reported, such as a lone "one");
    /// `next` is the token to continue from.
    func quantity(at i: Int, lo: Int, hi: Int, scratch: inout [UInt8]) -> (QuantityMention?, Int)? {
        // 1. The core: a vague phrase or a number.
        var core: NumberCore
        var vagueEnd = -1
        if t[i].kind == .word, let (v, e) = shared.lexicon.vague.match(p, t, keys, at: i, limit: hi, scratch: &scratch) {
            let r = shared.lexicon.vagueRange[Int(v)]
            core = NumberCore(shape: .vague, lo: Double(r.min), hi: r.max.map(Double.init), end: e)
            // "a few hundred", "several thousand"
            var k = e
            while k < hi, let scale = scaleWord(k) {
                core.lo *= Double(scale)
                core.hi = core.hi.map { $0 * Double(scale) }
                k += 1
            }
            core.end = k
            vagueEnd = k
        } else if let c = number(i, hi: hi) {
            core = c
        } else {
            return nil
        }
        _ = vagueEnd

        // 2. A hedge or bound before it, and a marker before that.
        var first = i
        var kind: QuantityKind? = nil
        var effect: QuantityLexicon.Effect? = nil
        if let (v, s) = shared.lexicon.before.match(p, t, keys, endingBefore: i, floor: lo, scratch: &scratch), shared.lexicon.unitKinds[Int(v)] == .money {
            kind = .money
            first = s
        }
        if let (v, s) = shared.lexicon.modifiers.match(p, t, keys, endingBefore: first, floor: lo, scratch: &scratch) {
            effect = shared.lexicon.effects[Int(v)]
            first = s
        }
        if kind == nil, let (v, s) = shared.lexicon.before.match(p, t, keys, endingBefore: first, floor: lo, scratch: &scratch) {
            kind = shared.lexicon.unitKinds[Int(v)]
            if kind == .money { first = s }
            // "home to countless militias": a population is a number, not a vague word.
            if kind == .population, core.shape == .vague { kind = nil }
        }
        if kind == .calendar { kind = nil }

        // 3. A second number making a range: "between 20 and 30", "20 to 30", "two or three".
        var e = core.end
        if core.shape == .plain, e + 1 < hi {
            let joinAnd = effect == .between && isWord(e, "and")
            let joinTo = isWord(e, "to") || t[e].kind == .dash
            let joinOr = isWord(e, "or")
            if joinAnd || joinTo || joinOr, (t[e + 1].kind == .number || mayStart(e + 1)),
               let second = number(e + 1, hi: hi), second.shape == .plain, second.suffix == nil, second.lo > core.lo {
                core.hi = second.lo
                core.shape = .range
                core.end = second.end
                core.bareDigits = min(core.bareDigits, second.bareDigits)
                e = second.end
            }
        }
        if effect == .between && core.shape != .range {
            // "from 400" alone is not a bound.
            effect = nil
            first = i
        }

        // 4. What follows: a unit, a month, a glued word.
        var unitEnd = e
        if let suffix = core.suffix, let v = shared.lexicon.after.value(p, suffix.lowerBound, suffix.upperBound) {
            kind = shared.lexicon.unitKinds[Int(v)]
        } else if core.suffix != nil {
            kind = kind ?? .other // "a 15-member council": not a count of anything named
        } else if let (v, ue) = shared.lexicon.after.match(p, t, keys, at: e, limit: hi, scratch: &scratch) {
            let k = shared.lexicon.unitKinds[Int(v)]
            if k != .calendar { kind = k; unitEnd = ue }
        }
        let shape = core.shape
        if kind == nil || kind == .population || kind == .age {
            // Month names beside a day number: "July 31st", "30th July", "on 30th of July".
            if shape == .plain || shape == .ordinal, core.lo >= 1, core.lo <= 31, !core.isDecimal {
                let beforeMonth = shared.lexicon.around.match(p, t, keys, endingBefore: i, floor: lo, scratch: &scratch).map { startsUpper(t[$0.start]) } ?? false
                var afterMonth = false
                var j = e
                if j + 1 < hi, isWord(j, "of") { j += 1 }
                if let (_, _) = shared.lexicon.around.match(p, t, keys, at: j, limit: hi, scratch: &scratch), startsUpper(t[j]) { afterMonth = true }
                if beforeMonth || afterMonth { kind = .calendar }
            }
        }
        if kind == nil, shape == .ordinal, core.lo <= 31, i >= lo + 2, isWord(i - 1, "the"), isWord(i - 2, "on") {
            kind = .calendar // "on the 23rd"
        }
        if kind == nil {
            switch shape {
            case .time: kind = .timeOfDay
            case .date: kind = .calendar
            case .decade: kind = .year
            case .ordinal: kind = .ordinal
            case .score: kind = .other
            default: break
            }
        }
        if kind == nil, core.suffix == nil, e < hi, t[e].kind == .word, end(e - 1) == start(e), t[e - 1].kind == .number {
            kind = .identifier // "7Dnews", "3D": a number glued to a word that is not a unit
        }

        // 5. What is counted.
        var of: String? = nil
        var ofRange: TextRange? = nil
        if kind == nil || kind == .population {
            if let (lemma, r) = countedNoun(after: e, hi: hi, plural: (core.hi ?? core.lo) > 1, scratch: &scratch) { of = lemma; ofRange = r }
        }
        if kind == nil, of == nil, shape == .plain || shape == .range, core.bareDigits == 4,
           core.lo >= 1800, core.lo <= 2099, (core.hi ?? core.lo) <= 2099 {
            kind = .year
        }
        if kind == nil, of == nil, effect == nil, shape == .plain, t[i].kind == .number, !core.isDecimal, !core.hasSeparators {
            if i >= lo + 2, isPunctuation(i - 1, UInt8(ascii: ",")), t[i - 2].kind == .word, startsUpper(t[i - 2]), core.lo >= 1, core.lo <= 120,
               e >= hi || isPunctuation(e, UInt8(ascii: ",")) || isPunctuation(e, UInt8(ascii: ";")) || isPunctuation(e, UInt8(ascii: ")")) {
                kind = .age // an appositive age: "Omar Khalil, 20, was arrested"
            } else if i > lo, t[i - 1].kind == .word, startsUpper(t[i - 1]), end(i - 1) < start(i) {
                kind = .identifier // a name and a number: "District 24", "Group 1", "Channel 4"
            }
        }
        if core.gluedM, kind == nil, of == nil {
            // "2.1m" counting nothing is a length, not millions.
            kind = .distance
            core.lo /= 1_000_000
        }
        if kind == nil, of == nil, effect == nil, shape != .vague, t[i].kind == .word, startsUpper(t[i]), i > lo,
           t[i - 1].kind == .word || t[i - 1].kind == .number {
            kind = .identifier // a capitalised number word inside a sentence names something: "the Final Four"
        }
        let finalKind = kind ?? .count

        // A lone "one" ("one of the most…", "no one") is reported only when it counts something.
        if finalKind == .count, of == nil, shape == .plain, t[i].kind == .word, core.lo == 1, effect == nil {
            return (nil, e)
        }

        // 6. Bounds.
        var minV = Self.clamp(core.lo)
        var maxV: Int? = core.hi.map(Self.clamp) ?? (shape == .vague ? nil : minV)
        var approximate = shape == .vague || shape == .range
        switch effect {
        case .approximate?:
            approximate = true
        case .moreThan?:
            let n = maxV ?? minV
            minV = n + 1
            if shape == .vague && maxV == nil { maxV = nil } else {
                var place = 1
                while place * 10 <= n { place *= 10 }
                maxV = n < 10 ? Swift.max(n + 1, 2 * n) : n + place - 1
            }
            approximate = true
        case .atLeast?:
            maxV = nil
            approximate = true
        case .atMost?:
            maxV = maxV ?? minV
            minV = Swift.min(1, maxV ?? 1)
            approximate = true
        case .lessThan?:
            maxV = Swift.max(0, minV - 1)
            minV = Swift.min(1, maxV ?? 0)
            approximate = true
        case .exact?, .between?, nil:
            break
        }
        if finalKind != .count && finalKind != .population && effect != nil && finalKind != .money
            && finalKind != .area && finalKind != .distance && finalKind != .duration && finalKind != .percentage && finalKind != .age {
            // Hedges do not belong to years, dates, identifiers: "about 2017" keeps the year, drops the hedge.
            first = min(first, i)
        }
        let rangeEnd = finalKind == .count || finalKind == .population ? e : unitEnd
        let m = QuantityMention(range: TextRange(start: t[first].range.start, end: t[rangeEnd - 1].range.end),
                                kind: finalKind, min: minV, max: maxV, approximate: approximate, of: of, ofRange: ofRange)
        return (m, rangeEnd)
    }

    /// A value as an integer, rounded, within ±10^15.
    static func clamp(_ v: Double) -> Int {
        guard v.isFinite else { return 0 }
        return Int(Swift.min(Swift.max(v.rounded(), -1e15), 1e15))
    }

    /// A possessive "'s" / "’s" token.
    @inline(__always)
    func isPossessive(_ k: Int) -> Bool {
        guard t[k].kind == .word else { return false }
        let s = start(k), e = end(k)
        return (e - s == 2 && p[s] == UInt8(ascii: "'") || e - s == 4 && p[s] == 0xE2) && ByteClass.lower(p[e - 1]) == UInt8(ascii: "s")
    }

    @inline(__always)
    func isPunctuation(_ k: Int, _ c: UInt8) -> Bool {
        t[k].kind == .punctuation && t[k].range.length == 1 && p[start(k)] == c
    }

    @inline(__always)
    func startsUpper(_ k: Token) -> Bool { SentenceSplitter.startsUpper(p, k) }

    /// The counted noun after token `e`: past "of" and a determiner, and up to four names, adjectives or a
    /// parenthesised acronym ("400 Islamic State (IS) fighters"). For a count above one, a singular form followed
    /// by more words is taken as a modifier ("three rebel spokesmen") unless nothing better follows.
    func countedNoun(after e: Int, hi: Int, plural: Bool, scratch: inout [UInt8]) -> (String, TextRange)? {
        var j = e
        if j < hi, isWord(j, "of") {
            j += 1
            if j < hi, t[j].kind == .word, shared.lexicon.determiners.value(p, start(j), end(j)) != nil { j += 1 }
        }
        var skipped = 0
        var fallback: (String, TextRange)? = nil
        while j < hi, skipped <= 4 {
            if let (v, ne) = shared.lexicon.nouns.match(p, t, keys, at: j, limit: hi, scratch: &scratch) {
                let found = (shared.lexicon.lemmas[Int(v)], TextRange(start: t[j].range.start, end: t[ne - 1].range.end))
                if ne + 1 < hi, isPossessive(ne) {
                    // "400 of the group's fighters": the possessor is not what is counted.
                    skipped += 1
                    j = ne + 1
                    continue
                }
                if plural, !shared.lexicon.isLemmaForm[Int(v)], fallback == nil, ne < hi, t[ne].kind == .word, !startsUpper(t[ne]),
                   shared.lexicon.breaks.value(p, start(ne), end(ne)) == nil {
                    fallback = found
                    skipped += 1
                    j = ne
                    continue
                }
                return found
            }
            let k = t[j]
            if k.kind == .punctuation, p[start(j)] == UInt8(ascii: "(") {
                // A parenthesised acronym or name: "(IS)", "(SDF)".
                var c = j + 1
                while c < hi, c - j <= 4, t[c].kind == .word { c += 1 }
                guard c < hi, c > j + 1, t[c].kind == .punctuation, p[start(c)] == UInt8(ascii: ")") else { return fallback }
                j = c + 1
                skipped += 1
                continue
            }
            guard k.kind == .word else { return fallback }
            // Capitalised words are names ("IS", "Islamic State"); lowercase function words end the search.
            if !startsUpper(k), shared.lexicon.breaks.value(p, start(j), end(j)) != nil { return fallback }
            if shared.lexicon.after.match(p, t, keys, at: j, limit: hi, scratch: &scratch) != nil { return fallback }
            skipped += 1
            j += 1
        }
        return fallback
    }
}
