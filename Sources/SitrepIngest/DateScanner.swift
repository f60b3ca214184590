import SitrepCore

/// A date written in the text: "13 February 2018", "Fri, 03 Aug 2018", "July 31st", "2018-07-31", "31/07/2018".
struct DateMention: Sendable, Hashable {
    /// Raw UTF-8 range of the words read (weekday included).
    var start: Int
    var end: Int
    var year: Int?
    var month: Int
    /// `nil` for month precision ("February 2018").
    var day: Int?
    /// A weekday name written with the date (1 = Monday).
    var weekday: Int?

    /// The day, when the mention names day, month and year and the day exists.
    var calendarDay: CalendarDay? {
        guard let year, let day else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// A month-and-day mention without a year, resolved to the occurrence nearest `anchor`.
    func resolved(near anchor: CalendarDay) -> CalendarDay? {
        if let d = calendarDay { return d }
        guard year == nil, let day else { return nil }
        // The anchor's day number and the best one's distance, computed once (not again for every comparison).
        let a = anchor.dayNumber
        var best: CalendarDay?
        var bestDistance = 0
        for y in (anchor.year - 1)...(anchor.year + 1) {
            guard let c = CalendarDay(year: y, month: month, day: day) else { continue }
            let d = abs(c.dayNumber - a)
            if best == nil || d < bestDistance { best = c; bestDistance = d }
        }
        return best
    }
}

/// "last Wednesday": a weekday the text places in the past week.
struct RelativeWeekday: Sendable, Hashable {
    var start: Int
    var end: Int
    var weekday: Int
}

/// Finds dates in raw UTF-8 bytes with a single pass over words; no `Regex`, no allocation per word.
struct DateScanner {
    let names: CalendarNames
    /// The word list of `scan`, kept between calls (a scanner belongs to one cleaning pass, one thread): no list is
    /// allocated and grown again for every line scanned.
    private let scratch = Scratch()

    private final class Scratch {
        var tokens: [Token] = []
    }

    init(names: CalendarNames) { self.names = names }

    private struct Token {
        var start: Int
        var end: Int
        /// Ordinal of the word in the scanned range: tokens are adjacent when their words are.
        var word: Int
        /// number value for digit tokens (ordinal suffix allowed), -1 otherwise
        var number: Int
        var digits: Int
        var month: Int
        var weekday: Int
        var isLast: Bool
        var isOf: Bool
        var isThe: Bool
    }

    /// Date mentions and "last <weekday>" references in `p[from..<to]`.
    ///
    /// Every date form holds a digit, and a relative reference starts with "last": a tight first
    /// pass finds those, and only a few words around each are read word by word.
    func scan(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int,
              mentions: inout [DateMention], relative: inout [RelativeWeekday]) {
        // The scratch list, taken out for this scan (unique, so appends do not copy it) and put back after.
        var tokens: [Token] = []
        swap(&tokens, &scratch.tokens)
        defer { swap(&tokens, &scratch.tokens) }
        var windowStart = -1, windowEnd = -1
        var i = from
        while i < to {
            // Eight bytes at once: only a digit or an "l"/"L" followed by "a"/"A" (or at the last byte, whose next
            // byte is not loaded) can start something; skip to the first such byte.
            // Most words of eight bytes hold no digit and no "l"/"L" at all (`mayTrigger`): only the others are looked
            // at byte by byte (`triggerBytes`).
            if i + 8 <= to {
                let x = ByteText.load8(p, i)
                if !Self.mayTrigger(x) { i += 8; continue }
                let start = Self.triggerBytes(x)
                if start == 0 { i += 8; continue }
                i += start.trailingZeroBitCount >> 3
            }
            let b = p[i]
            let digit = b &- 0x30 < 10
            let last = (b | 0x20) == 0x6C && (i == from || !ByteText.isAlnum(p[i - 1])) && i + 4 < to
                && (p[i + 1] | 0x20) == 0x61 && (p[i + 2] | 0x20) == 0x73 && (p[i + 3] | 0x20) == 0x74 && p[i + 4] == 0x20
            if !digit && !last { i += 1; continue }
            // Three words back (at most 40 bytes), three words on (`DateWindow`). A trigger inside the open window
            // only widens it: where its words back start does not matter then.
            let we = DateWindow.end(p, i, to: to)
            if windowStart >= 0, i <= windowEnd {
                windowEnd = max(windowEnd, we)
            } else {
                var ws = i
                if digit {
                    ws = DateWindow.start(p, i, from: from)
                } else {
                    while ws > from, ByteText.isAlnum(p[ws - 1]) { ws -= 1 }
                }
                if windowStart >= 0, ws <= windowEnd {
                    windowEnd = max(windowEnd, we)
                } else {
                    if windowStart >= 0 { scanWindow(p, windowStart, windowEnd, &tokens, &mentions, &relative) }
                    windowStart = ws
                    windowEnd = we
                }
            }
            i = max(i + 1, digit ? i + 1 : i + 4)
            while digit, i < to, p[i] &- 0x30 < 10 { i += 1 }
        }
        if windowStart >= 0 { scanWindow(p, windowStart, windowEnd, &tokens, &mentions, &relative) }
    }

    /// The high bit of each byte of `x` that may start a trigger: a digit, or an "l"/"L" followed by "a"/"A" (or at
    /// the last byte, whose next byte is not in `x`). One zero-byte test for the pair: byte j of `l | a >> 8` is zero
    /// exactly when byte j is "l" and byte j + 1 is "a" (the top byte: when it is "l").
    @inline(__always) static func triggerBytes(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let folded = x | 0x2020_2020_2020_2020
        let y = (folded ^ 0x6C6C_6C6C_6C6C_6C6C) | ((folded ^ 0x6161_6161_6161_6161) >> 8)
        let la = ~(((y & ~high) &+ ~high) | y) & high
        return ByteText.digitBytes(x) | la
    }

    /// Whether some byte of `x` is a digit or an "l"/"L": true whenever `triggerBytes(x)` is not zero (every trigger
    /// is one of those bytes). Two exact tests for a zero byte (`(y - 0x01…) & ~y`, and its "below ten" form), fewer
    /// steps than `triggerBytes`.
    @inline(__always) static func mayTrigger(_ x: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let l = (x | 0x2020_2020_2020_2020) ^ 0x6C6C_6C6C_6C6C_6C6C  // a zero byte where x holds "l" or "L"
        let d = x ^ 0x3030_3030_3030_3030  // a byte below ten where x holds a digit
        return ((l &- 0x0101_0101_0101_0101) & ~l | (d &- 0x0A0A_0A0A_0A0A_0A0A) & ~d) & high != 0
    }

    /// `triggerBytes` byte by byte.
    static func plainTriggerBytes(_ x: UInt64) -> UInt64 {
        var out: UInt64 = 0
        for j in 0..<8 {
            let b = UInt8(truncatingIfNeeded: x >> UInt64(j * 8))
            let next = j < 7 ? UInt8(truncatingIfNeeded: x >> UInt64(j * 8 + 8)) : 0x61
            if ByteText.isDigit(b) || ((b | 0x20) == 0x6C && (next | 0x20) == 0x61) { out |= 0x80 << UInt64(j * 8) }
        }
        return out
    }

    private func scanWindow(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ tokens: inout [Token],
                            _ mentions: inout [DateMention], _ relative: inout [RelativeWeekday]) {
        tokens.removeAll(keepingCapacity: true)
        var i = from
        var word = 0
        while i < to {
            let b = p[i]
            if !ByteText.isAlnum(b) { i += 1; continue }
            let s = i
            i = ByteText.alnumEnd(p, i &+ 1, to)
            let e = i
            word += 1
            let len = e - s
            if ByteText.isDigit(b) {
                var d = s
                var value = 0
                while d < e, ByteText.isDigit(p[d]), d - s < 6 { value = value * 10 + Int(p[d] &- 0x30); d += 1 }
                let digits = d - s
                var ok = d == e
                if !ok, digits <= 2, e - d == 2 {
                    let a = ByteText.lower(p[d]), c = ByteText.lower(p[d + 1])
                    ok = (a == 0x73 && c == 0x74) || (a == 0x6E && c == 0x64) || (a == 0x72 && c == 0x64) || (a == 0x74 && c == 0x68)
                }
                guard ok, digits <= 4 else { continue }
                tokens.append(Token(start: s, end: e, word: word, number: value, digits: digits,
                                    month: 0, weekday: 0, isLast: false, isOf: false, isThe: false))
                continue
            }
            guard len >= 2, len <= names.maxLength else { continue }
            if len == 2 {
                if ByteText.lower(p[s]) == 0x6F && ByteText.lower(p[s + 1]) == 0x66 {
                    tokens.append(Token(start: s, end: e, word: word, number: -1, digits: 0, month: 0, weekday: 0, isLast: false, isOf: true, isThe: false))
                }
                continue
            }
            var month = 0, weekday = 0
            if let (kind, n) = names.lookup(p, s, e) {
                if kind == .month { month = n } else { weekday = n }
            }
            let l0 = ByteText.lower(p[s])
            let isLast = len == 4 && l0 == 0x6C && ByteText.lower(p[s + 1]) == 0x61
                && ByteText.lower(p[s + 2]) == 0x73 && ByteText.lower(p[s + 3]) == 0x74
            let isThe = len == 3 && l0 == 0x74 && ByteText.lower(p[s + 1]) == 0x68 && ByteText.lower(p[s + 2]) == 0x65
            if month != 0 || weekday != 0 || isLast || isThe {
                tokens.append(Token(start: s, end: e, word: word, number: -1, digits: 0, month: month, weekday: weekday, isLast: isLast, isOf: false, isThe: isThe))
            }
        }
        let n = tokens.count
        var k = 0
        var consumedUpTo = -1
        while k < n {
            let t = tokens[k]
            if t.digits == 4, t.number >= 1900, t.number <= 2100, k + 2 < n,
               separator(p, t.end, tokens[k + 1].start) == 0x2D, separator(p, tokens[k + 1].end, tokens[k + 2].start) == 0x2D,
               tokens[k + 1].digits == 2, tokens[k + 2].digits == 2 {
                // ISO 2018-07-31
                let m = tokens[k + 1].number, d = tokens[k + 2].number
                if CalendarDay(year: t.number, month: m, day: d) != nil {
                    mentions.append(DateMention(start: t.start, end: tokens[k + 2].end, year: t.number, month: m, day: d, weekday: nil))
                    consumedUpTo = k + 2
                    k += 3
                    continue
                }
            }
            if t.digits >= 1, t.digits <= 2, k + 2 < n, tokens[k + 2].digits == 4,
               separator(p, t.end, tokens[k + 1].start) == 0x2F, separator(p, tokens[k + 1].end, tokens[k + 2].start) == 0x2F,
               tokens[k + 1].digits >= 1, tokens[k + 1].digits <= 2, tokens[k + 1].end - tokens[k + 1].start == tokens[k + 1].digits,
               t.end - t.start == t.digits {
                // 31/07/2018 or 07/31/2018: only when unambiguous.
                let a = t.number, b = tokens[k + 1].number, y = tokens[k + 2].number
                var md: (Int, Int)?
                if a > 12, b <= 12 { md = (b, a) } else if b > 12, a <= 12 { md = (a, b) } else if a == b { md = (a, a) }
                if let (m, d) = md, CalendarDay(year: y, month: m, day: d) != nil {
                    mentions.append(DateMention(start: t.start, end: tokens[k + 2].end, year: y, month: m, day: d, weekday: nil))
                }
                consumedUpTo = k + 2
                k += 3
                continue
            }
            if t.isLast, k + 1 < n, tokens[k + 1].weekday > 0, tokens[k + 1].word == t.word + 1, tokens[k + 1].end - tokens[k + 1].start >= 6 {
                relative.append(RelativeWeekday(start: t.start, end: tokens[k + 1].end, weekday: tokens[k + 1].weekday))
                k += 2
                continue
            }
            if t.month > 0, k > consumedUpTo {
                var start = t.start, end = t.end
                var day: Int?
                var year: Int?
                var next = k + 1
                // Day before: "13 February", "30th July", "the 30th of July".
                if k >= 1, isDay(tokens[k - 1]), k - 1 > consumedUpTo, tokens[k - 1].word == t.word - 1, t.start - tokens[k - 1].end <= 3 {
                    day = tokens[k - 1].number; start = tokens[k - 1].start
                } else if k >= 2, tokens[k - 1].isOf, isDay(tokens[k - 2]), k - 2 > consumedUpTo, tokens[k - 2].word == t.word - 2 {
                    day = tokens[k - 2].number; start = tokens[k - 2].start
                }
                if day == nil, next < n, isDay(tokens[next]), tokens[next].start - t.end <= 3 {
                    // "July 31", "Aug. 2nd", "October 1st, 2018"
                    day = tokens[next].number; end = tokens[next].end; next += 1
                }
                if next < n, tokens[next].digits == 4, tokens[next].number >= 1900, tokens[next].number <= 2100,
                   tokens[next].start - end <= 3 {
                    year = tokens[next].number; end = tokens[next].end; next += 1
                }
                if day != nil || year != nil {
                    // Weekday before the date: "Fri, 03 Aug 2018", "Tuesday 13 February 2018".
                    var weekday: Int?
                    var w = (start == t.start ? k : (day != nil && start != t.start ? indexOf(start, tokens, k) : k)) - 1
                    if w >= 0, tokens[w].isThe { w -= 1 }
                    if w >= 0, tokens[w].weekday > 0, start - tokens[w].end <= 3 {
                        weekday = tokens[w].weekday; start = tokens[w].start
                    }
                    if let d = day, year != nil, CalendarDay(year: year!, month: t.month, day: d) == nil {
                        k = next; continue
                    }
                    if let d = day, d < 1 || d > 31 { k = next; continue }
                    mentions.append(DateMention(start: start, end: end, year: year, month: t.month, day: day, weekday: weekday))
                    consumedUpTo = next - 1
                    k = next
                    continue
                }
            }
            k += 1
        }
    }

    @inline(__always) private func isDay(_ t: Token) -> Bool { t.digits >= 1 && t.digits <= 2 && t.number >= 1 && t.number <= 31 }

    private func indexOf(_ start: Int, _ tokens: [Token], _ k: Int) -> Int {
        var j = k
        while j > 0, tokens[j].start > start { j -= 1 }
        return j
    }

    /// The single separator byte between two tokens, or 0 when there is none or more than one.
    @inline(__always) private func separator(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> UInt8 {
        b - a == 1 ? p[a] : 0
    }
}
