import SitrepCore

/// Finds time expressions in text and resolves them against a publication date.
///
/// Works on the UTF-8 bytes of the text itself (no tokenizer needed): one pass keeps the time words
/// and numbers, a small grammar reads expressions from them longest-first, and `TimeResolver` turns
/// each into an interval, a precision and a TimeML value.
///
/// Resolution choices:
/// - a weekday without "last"/"next" is the latest such day on or before the publication day, or the
///   next one after it when the sentence points to the future ("will", "would", "scheduled", "expected",
///   "next" within twenty words before it, and no past-tense verb right before it: "announced Friday");
/// - a month without a year, and a month and day without a year, are the nearest such month or day with
///   the past preferred: a later one only when it is less than half as far away as the earlier one
///   ("January" in a November article is next January, "September" in a February article last September),
///   or the next one with future cues;
/// - a past-tense verb right before ("ended Jan. 31", "retreated in January") makes a month or day without a
///   year the latest one on or before the publication day; a future cue right after "had" ("had been due to
///   expire Friday") is a past plan; "plan"/"set" are future cues only before "to" ("is/are to", "going to"
///   too) or right before "for" and the expression ("set for Sunday"); a lowercase present-tense verb of
///   scheduling right before ("talks resume Monday", "opens on Friday") is a future cue;
/// - "Christmas", "New Year's Eve", "Newroz" are fixed days of the year resolved like a month and day;
///   "Ramadan", "Eid al-Fitr", "Eid al-Adha", "Ashura" come from the arithmetical Islamic calendar (which can
///   differ by a day or two from the observed one), the nearest occurrence with the past preferred;
/// - "31/07/2018" is read day first unless that is impossible ("07/31/2018");
/// - "the following month", "that year", "a week later", "the next day" count from the time the text
///   last named (its reference time), when that time is fine enough, else from the publication date;
/// - "that night", "the next morning", "the previous evening" are parts of the day last named (or next to it);
/// - a clock time without a day ("at 3 a.m. local time on Tuesday") takes the day its sentence names within
///   six words, else the publication day;
/// - "the same period last year", "the corresponding period of last year" are the quarter, half, month or
///   season the text last named, a year back; "a year ago" takes the quarter a report is about ("20 years ago" not);
/// - "early"/"mid"/"late" narrow an interval to its first, middle or last third; "earlier this month"
///   runs from the start of the month to the publication day; "end-June" is the last third of June.
/// When `published` is a window, relative expressions are resolved against both ends and the intervals
/// joined; the value is the one for the window's end. Without a publication date, relative expressions
/// are left unresolved with the reason (`unresolvedReason`) and an underspecified TimeML value ("XXXX-WXX-6").
public struct TimeExpressionFinder: Sendable {
    public let lexicon: TimeLexicon
    private let scanner: TimeTokenScanner
    /// Join "between June and August" / "from June to August" into one mention spanning both dates
    /// (TimeML annotates the two apart: the evaluation turns this off).
    public var joinsRanges = true

    /// Loads the shipped time words.
    public init() throws { try self.init(lexicon: TimeLexicon()) }

    public init(lexicon: TimeLexicon) {
        self.lexicon = lexicon
        self.scanner = TimeTokenScanner(lexicon: lexicon)
    }

    /// Time expressions in `text`, sorted by start and not overlapping (the longest match wins).
    public func find(in text: String, published: DayInterval?) -> [TimeMention] {
        var copy = text
        return copy.withUTF8 { find(bytes: $0, published: published) }
    }

    func find(bytes p: UnsafeBufferPointer<UInt8>, published given: DayInterval?) -> [TimeMention] {
        var published = given
        var tokens: [TimeToken] = []
        // The scanner fills its own buffer (room for one token per four bytes, grown when denser) and moves it here.
        scanner.scan(p, into: &tokens)
        let parser = TimeExpressionParser(tokens: tokens, entries: lexicon.entries)
        var matches: [TimeExpressionParser.Match] = []
        matches.reserveCapacity(tokens.count / 4 + 4)
        var k = 0
        while k < tokens.count {
            if parser.canStart(k), let m = parser.parse(k) {
                matches.append(m)
                k = m.last + 1
            } else {
                k += 1
            }
        }
        var out: [TimeMention] = []
        out.reserveCapacity(matches.count)
        var i = 0
        // The quarter the text last named ("the third quarter … a year earlier").
        var lastQuarter: (year: Int, quarter: Int)?
        // The value of the last quarter, half, month or season the text named ("2018-Q2", "2018-H1", "2018-07").
        var lastPeriod: String?
        // The start of the last date the text named, for "the following month", "that year".
        var reference: CalendarDay?
        var referencePrecision = TimePrecision.year
        // The start of the last date named at each precision (day, week, month, season, year): "the next day" after
        // "March 3 … in 1997" counts from March 3, the last time named finely enough (not from the publication date).
        var finest = FineReferences()
        while i < matches.count {
            var m = matches[i]
            setTense(&m, parser, p)
            // "the same period last year", "the corresponding period of last year": the period the text last named
            // (a quarter, a half, a month, a season), a year back.
            if case .unitOffset(.year, let o) = m.expr.anchor, o != 0, m.expr.part == nil, let the = periodOpener(parser, m.first) {
                m.first = the
                if let period = lastPeriod, let shifted = Self.period(period, yearOffset: o) { m.expr.anchor = shifted }
                else { m.expr.inheritsQuarter = true }
            }
            if m.expr.inheritsQuarter, let (y, q) = lastQuarter {
                switch m.expr.anchor {
                case .unitOffset(.year, let o) where o != 0: m.expr.anchor = .quarter(q, year: y + o, half: false)
                case .unitsAgo(.year, let c?, let sign): m.expr.anchor = .quarter(q, year: y + sign * c, half: false)
                case .unitOffset(.quarter, _): m.expr.anchor = .quarter(q, year: y, half: false)
                case .date(let year?, nil, nil): m.expr.anchor = .quarter(q, year: year, half: false)
                default: break
                }
            }
            // "between June and August", "from 2015 to 2017"
            if joinsRanges, i + 1 < matches.count, let joined = joinRange(parser, m, matches[i + 1], published: published) {
                out.append(joined)
                i += 2
                continue
            }
            // The reference must be as fine as the expression: "that day" needs a day, "that year" any date.
            var needed = TimePrecision.year
            switch m.expr.anchor {
            case .weekday, .dayOffset, .unitOffset(.day, _), .unitOffset(.week, _), .unitOffset(.weekend, _): needed = .week
            case .unitOffset(.month, _), .unitOffset(.quarter, _), .unitsAgo(.month, _, _), .dayOfMonth: needed = .season
            case .unitsAgo(.day, _, _), .unitsAgo(.week, _, _), .unitsAgo(.hour, _, _): needed = .week
            default: break
            }
            let usable = reference != nil && Self.rank(referencePrecision) <= Self.rank(needed)
            var anchor = published
            if m.expr.fromReference {
                if usable { anchor = DayInterval(day: reference!) }
                else if let day = finest.latest(atMost: needed) { anchor = DayInterval(day: day) }
            }
            // "at 3 a.m. local time on Tuesday", "on Sunday the guns fell silent at 6 p.m.": a clock time without
            // a day takes the day the same sentence names nearby (after it first, then before it), else the last
            // day the text named ("The blast came Friday. … It went off at 10:40 a.m.": TimeML's reference time).
            if m.expr.type == .time, m.expr.hour != nil, case .none = m.expr.anchor {
                if let day = sentenceDay(parser, matches, i, out, p, published: published) { anchor = DayInterval(day: day) }
                else if let day = finest.day { anchor = DayInterval(day: day) }
            }
            let found = mention(parser, m, published: anchor)
            // "BEIJING, Nov. 22 (Xinhua) --": a dateline's day is the day the text was written ("here today").
            if i == 0, let day = datelineDay(parser, m, found, p, published: given) { published = DayInterval(day: day) }
            if let i = found.interval, found.type == .date || found.type == .time, found.precision != .beforePublication,
               !Self.endsWithRef(found.value) {
                reference = i.start
                referencePrecision = found.precision ?? .year
                finest.named(i.start, referencePrecision)
            }
            if !m.expr.inheritsQuarter, let q = Self.quarter(found.value) { lastQuarter = q }
            if found.type == .date, found.value.utf8.count == 7, Self.period(found.value, yearOffset: 0) != nil { lastPeriod = found.value }
            // Last: the mention moves into `out` (no copy).
            out.append(found)
            i += 1
        }
        return out
    }

    /// The day of a dateline ("BEIJING, Nov. 22 (Xinhua) --", "CAIRO, March 3 -"): a month and day that the text's
    /// first line opens with after a capitalised place and a comma, followed by "(", a dash or "_", and at most seven
    /// days before the publication day (wire services date a story by the day it was written, released the next).
    func datelineDay(_ parser: TimeExpressionParser, _ m: TimeExpressionParser.Match, _ found: TimeMention,
                     _ p: UnsafeBufferPointer<UInt8>, published: DayInterval?) -> CalendarDay? {
        guard found.type == .date, found.precision == .day, let d = found.interval, d.isSingleDay,
              case .date(_, .some, .some) = m.expr.anchor else { return nil }
        let s = parser.tokens[m.first].start, e = parser.tokens[m.last].end
        // Before: a place in capitals (letters, spaces, dots, hyphens, apostrophes), then ", ", at most 60 bytes in.
        var a = 0
        while a < s, p[a] == 0x20 || p[a] == 0x0A || p[a] == 0x0D || p[a] == 0x09 { a += 1 }
        guard s - a <= 60, s - a >= 4, p[s - 1] == 0x20, p[s - 2] == 0x2C, p[a] >= 0x41, p[a] <= 0x5A else { return nil }
        var upper = 0
        for j in a..<(s - 2) {
            let b = p[j]
            if b >= 0x41 && b <= 0x5A { upper += 1; continue }
            if b >= 0x61 && b <= 0x7A { continue }
            guard b == 0x20 || b == 0x2E || b == 0x2D || b == 0x27 || b == 0x2C else { return nil }
        }
        guard upper >= 2 else { return nil }
        // After: "(" (the agency), a dash or "_".
        var z = e
        while z < p.count, p[z] == 0x20 { z += 1 }
        guard z < p.count, p[z] == 0x28 || p[z] == 0x2D || p[z] == 0x5F || p[z] == 0xE2 else { return nil }
        if let pub = published {
            let lag = pub.end.dayNumber - d.start.dayNumber
            guard lag >= 0, lag <= 7 else { return nil }
        }
        return d.start
    }

    private func mention(_ parser: TimeExpressionParser, _ m: TimeExpressionParser.Match, published: DayInterval?) -> TimeMention {
        let r = TimeResolver.resolve(m.expr, published: published)
        return TimeMention(range: TextRange(parser.tokens[m.first].start, parser.tokens[m.last].end), type: m.expr.type,
                           interval: r.interval, precision: r.precision, value: r.value,
                           modifier: modifier(parser, m.first), unresolvedReason: r.unresolvedReason)
    }

    /// The day named by a day-precision date in the same sentence as match `i` (a clock time): the next match
    /// when it starts at most six words on, else the last mention found when it ends at most six words before.
    private func sentenceDay(_ parser: TimeExpressionParser, _ matches: [TimeExpressionParser.Match], _ i: Int,
                             _ out: [TimeMention], _ p: UnsafeBufferPointer<UInt8>, published: DayInterval?) -> CalendarDay? {
        let t = parser.tokens
        let m = matches[i]
        if i + 1 < matches.count {
            var next = matches[i + 1]
            if t[next.first].sentence == t[m.last].sentence, t[next.first].word - t[m.last].word <= 6, next.expr.type == .date {
                switch next.expr.anchor {
                case .date(_, .some, .some), .weekday, .dayOffset:
                    setTense(&next, parser, p)
                    let r = TimeResolver.resolve(next.expr, published: published)
                    if r.precision == .day, let d = r.interval, d.start == d.end { return d.start }
                default: break
                }
            }
        }
        if i > 0, let last = out.last, last.precision == .day, last.type == .date, let d = last.interval, d.start == d.end {
            let before = matches[i - 1]
            if t[before.last].sentence == t[m.first].sentence, t[m.first].word - t[before.last].word <= 6 { return d.start }
        }
        return nil
    }

    /// `TimePrecision`'s order (its `<`) as a switch: day 0 … year 4, before publication 5.
    @inline(__always) static func rank(_ p: TimePrecision) -> Int {
        switch p {
        case .day: return 0
        case .week: return 1
        case .month: return 2
        case .season: return 3
        case .year: return 4
        case .beforePublication: return 5
        }
    }

    /// `value.hasSuffix("_REF")`: a value whose last byte is not "F" (every date, "2018-07-31") cannot end in "_REF"
    /// (no other byte sequence is canonically equivalent to "F"), so only the few that do take the Unicode test.
    static func endsWithRef(_ value: String) -> Bool {
        // The last byte read from the contiguous UTF-8 in place (the generic `utf8.last` walks an index backwards).
        var copy = value
        guard copy.withUTF8({ $0.last }) == 0x46 else { return false }
        return value.hasSuffix("_REF")
    }

    /// The start of the last date named at day, week, month and season precision or finer (kept inline: no allocation
    /// per document). A year-precision reference is the finder's plain `reference`.
    struct FineReferences {
        var day: CalendarDay?
        var week: CalendarDay?
        var month: CalendarDay?
        var season: CalendarDay?

        /// A date named at precision `p`: the reference for `p` and every coarser precision.
        mutating func named(_ start: CalendarDay, _ p: TimePrecision) {
            switch p {
            case .day: day = start; week = start; month = start; season = start
            case .week: week = start; month = start; season = start
            case .month: month = start; season = start
            case .season: season = start
            case .year, .beforePublication: break
            }
        }

        /// The start of the last date named at `needed` precision or finer.
        func latest(atMost needed: TimePrecision) -> CalendarDay? {
            switch needed {
            case .day: return day
            case .week: return week
            case .month: return month
            case .season: return season
            case .year, .beforePublication: return nil
            }
        }
    }

    /// A period value ("2018-Q2", "2018-H1", "2018-07", "2018-SU") as an anchor `yearOffset` years away.
    static func period(_ value: String, yearOffset: Int) -> TimeExpression.Anchor? {
        let u = Array(value.utf8)
        guard u.count == 7, u[4] == 0x2D, u[0..<4].allSatisfy(ByteClass.isDigit) else { return nil }
        let y = u[0..<4].reduce(0) { $0 * 10 + Int($1 &- 0x30) } + yearOffset
        let a = u[5], b = u[6]
        if (a == 0x51 || a == 0x48), ByteClass.isDigit(b) {
            let n = Int(b &- 0x30)
            guard n >= 1, n <= (a == 0x51 ? 4 : 2) else { return nil }
            return .quarter(n, year: y, half: a == 0x48)
        }
        if ByteClass.isDigit(a), ByteClass.isDigit(b) {
            let month = Int(a &- 0x30) * 10 + Int(b &- 0x30)
            return (1...12).contains(month) ? .date(year: y, month: month, day: nil) : nil
        }
        let code = String(decoding: u[5...6], as: UTF8.self)
        return ["SP", "SU", "FA", "WI"].contains(code) ? .season(code, year: y, offset: nil) : nil
    }

    /// `2018-Q3` → (2018, 3).
    static func quarter(_ value: String) -> (year: Int, quarter: Int)? {
        let u = value.utf8
        guard u.count == 7 else { return nil }
        var y = 0, q = 0, i = 0
        for b in u {
            switch i {
            case 0...3: guard ByteClass.isDigit(b) else { return nil }; y = y * 10 + Int(b &- 0x30)
            case 4: guard b == 0x2D else { return nil }
            case 5: guard b == 0x51 else { return nil }
            default: guard ByteClass.isDigit(b) else { return nil }; q = Int(b &- 0x30)
            }
            i += 1
        }
        return (y, q)
    }

    /// Before "last year" at token `k`: "the same period", "the corresponding period of", "the period in" —
    /// the index of "the" (one word, any, may stand between "the" and "period").
    func periodOpener(_ parser: TimeExpressionParser, _ k: Int) -> Int? {
        let t = parser.tokens
        var j = k - 1
        guard j >= 1, parser.adjSpace(j, k) else { return nil }
        if parser.role(j) == .of || parser.role(j) == .in {
            guard parser.adjSpace(j - 1, j) else { return nil }
            j -= 1
        }
        guard parser.role(j) == .period, t[j].gap == .space else { return nil }
        // "the same period", "the period", "the corresponding period" (a word that is not a time word between).
        var h = j - 1
        guard h >= 0, t[h].sentence == t[j].sentence else { return nil }
        if parser.role(h) == .that, parser.adjSpace(h, j) {
            h -= 1
            return h >= 0 && parser.role(h) == .the && parser.adjSpace(h, h + 1) ? h : nil
        }
        guard parser.role(h) == .the else { return nil }
        return parser.adjSpace(h, j) || t[j].word - t[h].word == 2 ? h : nil
    }

    /// "since late 2017", "by mid-October": the preposition right before the expression.
    private func modifier(_ parser: TimeExpressionParser, _ first: Int) -> String? {
        switch parser.previousRole(first) {
        case .since: return "since"
        case .by: return "by"
        case .until: return "until"
        case .before: return "before"
        case .after: return "after"
        default: return nil
        }
    }

    /// Whether the sentence around a match points to the future: a cue ("will", "scheduled", "next")
    /// up to twenty words before it in the same sentence and no past cue ("said", "was") nearer; "since" and "last"
    /// right before it rule the future out, "by", "until" and "next" make it future. "plan", "set" count only
    /// before "to" ("plans to meet", not "the plan" or "set on"); a cue right after "had" is a past plan
    /// ("had been due to expire Friday"); "set"/"planned" also right before "for" and the expression ("set for Sunday").
    private func tenseBefore(_ parser: TimeExpressionParser, _ m: TimeExpressionParser.Match, _ p: UnsafeBufferPointer<UInt8>) -> Int {
        let tokens = parser.tokens
        let first = tokens[m.first]
        // A past-tense verb right before ("announced Friday", "was killed on Tuesday"): the past.
        if pastVerbBefore(p, first.start) { return -1 }
        var aheadOf = false
        switch parser.previousRole(m.first) {
        case .since, .last, .ago: return -1
        case .next: return 1
        case .of:
            // "crowds gathered ahead of Sunday's vote": what is still to come, unless a past cue stands before it in the
            // sentence ("police were on alert ahead of Sunday's vote" may have been written after it).
            aheadOf = m.first >= 2 && parser.adjSpace(m.first - 2, m.first - 1) && parser.role(m.first - 2) == .ahead
        case .until, .to:
            // "the hearing was postponed until Monday", "talks were adjourned to Thursday": moved to a later day.
            if m.first >= 2, parser.adjSpace(m.first - 2, m.first - 1), parser.role(m.first - 2) == .deferVerb { return 1 }
        default: break
        }
        // "talks resume Monday", "the fair opens on Friday", "the leaders meet formally Monday": a present-tense verb
        // of scheduling right before, or before one "-ly" adverb (an infinitive, "due to expire Friday", takes its
        // tense from the words before it: the scan below).
        var v = m.first - 1
        if v >= 0, parser.adjSpace(v, m.first), parser.role(v) == .on { v -= 1 }
        if v >= 0, parser.adjSpace(v, v + 1) || Self.adverbBetween(parser.tokens[v], parser.tokens[v + 1], p),
           parser.role(v) == .scheduleVerb, !parser.isCapitalised(v),
           !(v >= 1 && parser.adjSpace(v - 1, v) && parser.role(v - 1) == .to) { return 1 }
        var j = m.first - 1
        while j >= 0, tokens[j].sentence == first.sentence, first.word - tokens[j].word <= 20 {
            switch parser.role(j) {
            case .futureCueTo:
                // "plans to", and "set for" / "planned for" right before the expression ("the vote was set for Sunday").
                guard parser.adj(j, j + 1), parser.role(j + 1) == .to || (parser.role(j + 1) == .for && j + 2 == m.first) else { break }
                return afterPerfect(parser, j) ? -1 : 1
            case .futureCue:
                return afterPerfect(parser, j) ? -1 : 1
            case .next: return 1
            case .pastCue, .perfect: return -1
            case .scheduleVerb:
                // "a summit opens in Geneva on Monday": a present-tense verb of scheduling a few words before
                // (third person "-s" only: "begin" may be an infinitive, "did not begin until Tuesday").
                if first.word - tokens[j].word <= 6, !parser.isCapitalised(j), p[tokens[j].end - 1] | 0x20 == 0x73 { return 1 }
            default: break
            }
            j -= 1
        }
        return aheadOf ? 1 : 0
    }

    /// Whether exactly one lowercase "-ly" word stands between tokens `a` and `b`, with single spaces: "meet formally Monday".
    static func adverbBetween(_ a: TimeToken, _ b: TimeToken, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.word == a.word + 2, b.sentence == a.sentence, b.start - a.end >= 5, p[a.end] == 0x20, p[b.start - 1] == 0x20,
              p[b.start - 2] == 0x79, p[b.start - 3] == 0x6C else { return false }
        var i = a.end + 1
        while i < b.start - 1 {
            guard p[i] >= 0x61, p[i] <= 0x7A else { return false }
            i += 1
        }
        return true
    }

    /// Sets the tense of a match from the words before it: a past-tense verb right before is the past; a future cue
    /// (`tenseBefore`) is the future; other past cues ("said", "was") only rule the future out.
    private func setTense(_ m: inout TimeExpressionParser.Match, _ parser: TimeExpressionParser, _ p: UnsafeBufferPointer<UInt8>) {
        // "since Oct. 27": what a time runs since lies in the past.
        m.expr.past = pastVerbBefore(p, parser.tokens[m.first].start) || parser.previousRole(m.first) == .since
        guard !m.expr.past else { m.expr.future = false; return }
        if setsLimit(parser, m, p) { m.expr.nearest = true; m.expr.future = false; return }
        // "officials said Thursday's meeting will …": the planned event's own clause comes first.
        let t = parser.tokens
        if t[m.last].has(TimeToken.possessive), parser.adjSpace(m.last, m.last + 1), parser.role(m.last + 1) == .eventNoun,
           leadsFutureClause(parser, m) { m.expr.future = true; return }
        let before = tenseBefore(parser, m, p)
        m.expr.future = before > 0 || (before == 0 && leadsFutureClause(parser, m))
    }

    /// Whether the expression is a limit set for something: "until", "by", "of" or "for" right before it and a
    /// deadline word ("deadline", "ultimatum", "given", "gave") at most three words before that ("were given until
    /// 9 a.m. Tuesday", "a deadline of Friday"), or "deadline"/"ultimatum" right after it ("a Friday deadline").
    private func setsLimit(_ parser: TimeExpressionParser, _ m: TimeExpressionParser.Match, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let t = parser.tokens
        let l = m.last
        if l + 1 < t.count, parser.adjSpace(l, l + 1), parser.role(l + 1) == .deadline, !parser.isCapitalised(l + 1) {
            return true
        }
        switch parser.previousRole(m.first) {
        case .until, .by, .of, .for: break
        default: return false
        }
        let prep = m.first - 1
        var j = prep - 1
        while j >= 0, t[j].sentence == t[prep].sentence, t[prep].word - t[j].word <= 3 {
            if parser.role(j) == .deadline || parser.role(j) == .deadlineVerb { return true }
            j -= 1
        }
        return false
    }

    /// "On Sunday, rescue teams will search …": an expression that opens its sentence (after "on" or "in" at most) takes the
    /// tense of the clause after it — future when a future cue ("will", "expected") comes within eight
    /// words and before any past cue ("said", "was", "had"); not "plans to" ("In May, it announced plans to …").
    private func leadsFutureClause(_ parser: TimeExpressionParser, _ m: TimeExpressionParser.Match) -> Bool {
        let t = parser.tokens
        let f = m.first
        let plannedEvent = t[m.last].has(TimeToken.possessive) && parser.adjSpace(m.last, m.last + 1) && parser.role(m.last + 1) == .eventNoun
        guard plannedEvent || t[f].has(TimeToken.sentenceStart)
                || (f > 0 && t[f - 1].has(TimeToken.sentenceStart) && (parser.role(f - 1) == .on || parser.role(f - 1) == .in)
                    && parser.adj(f - 1, f)),
              m.last + 1 < t.count, t[m.last + 1].sentence == t[m.last].sentence else { return false }
        // "Monday's attack will be remembered": a possessive names the day of something else, unless that is a planned
        // event ("Thursday's meeting will decide …", anywhere in the sentence), whose clause gives the tense.
        var j = m.last + 1
        if t[m.last].has(TimeToken.possessive) {
            guard parser.adjSpace(m.last, j), parser.role(j) == .eventNoun else { return false }
            j += 1
        }
        while j < t.count, t[j].sentence == t[m.last].sentence, t[j].word - t[m.last].word <= 8 {
            switch parser.role(j) {
            case .futureCue: return true
            case .pastCue, .perfect: return false
            default: break
            }
            j += 1
        }
        return false
    }

    /// Whether "had" stands one or two words before token `j` ("had been scheduled", "had planned").
    private func afterPerfect(_ parser: TimeExpressionParser, _ j: Int) -> Bool {
        let tokens = parser.tokens
        var i = j - 1
        while i >= 0, tokens[j].word - tokens[i].word <= 2, tokens[i].sentence == tokens[j].sentence {
            if parser.role(i) == .perfect { return true }
            i -= 1
        }
        return false
    }

    /// Whether the word before `start` (skipping one "on"/"in") ends in "-ed", is not a future cue
    /// ("expected", "scheduled") and does not follow "be" ("to be published in November").
    func pastVerbBefore(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var i = start
        for _ in 0..<2 {
            while i > 0, p[i - 1] == 0x20 { i -= 1 }
            let e = i
            while i > 0, ByteClass.isAlpha(p[i - 1]) { i -= 1 }
            let len = e - i
            guard len >= 2 else { return false }
            if len == 2, (p[i] | 0x20) == 0x6F || (p[i] | 0x20) == 0x69, (p[i + 1] | 0x20) == 0x6E { continue }
            guard len >= 4 && (p[e - 2] | 0x20) == 0x65 && (p[e - 1] | 0x20) == 0x64 else { return false }
            let entry = lexicon.lookup(p, i, e)
            if entry >= 0, lexicon.entries[Int(entry)].role == .futureCue { return false }
            // "to be published in early November": a passive after "be" is not the past.
            var b = i
            while b > 0, p[b - 1] == 0x20 { b -= 1 }
            if b >= 2, (p[b - 2] | 0x20) == 0x62, (p[b - 1] | 0x20) == 0x65, b == 2 || !ByteClass.isAlpha(p[b - 3]) { return false }
            return true
        }
        return false
    }

    private func joinRange(_ parser: TimeExpressionParser, _ a: TimeExpressionParser.Match, _ b: TimeExpressionParser.Match,
                           published: DayInterval?) -> TimeMention? {
        let t = parser.tokens
        let link = a.last + 1
        guard link + 1 == b.first, parser.adj(a.last, link), parser.adj(link, b.first), a.expr.type == .date, b.expr.type == .date else { return nil }
        let opener = parser.previousRole(a.first)
        let connector = parser.role(link)
        guard (opener == .between && connector == .and) || (opener == .from && (connector == .to || connector == .until || connector == .through)) else { return nil }
        var first = a.expr
        // "between June and August 2018": the first date takes the second's year.
        if case .date(nil, let m1?, let d1) = first.anchor, case .date(let y2?, let m2?, _) = b.expr.anchor {
            first.anchor = .date(year: m1 <= m2 ? y2 : y2 - 1, month: m1, day: d1)
        }
        let ra = TimeResolver.resolve(first, published: published)
        let rb = TimeResolver.resolve(b.expr, published: published)
        guard let ia = ra.interval, let ib = rb.interval else { return nil }
        let interval = DayInterval(start: min(ia.start, ib.start), end: max(ia.end, ib.end))
        let precision = max(ra.precision ?? .day, rb.precision ?? .day)
        return TimeMention(range: TextRange(t[a.first].start, t[b.last].end), type: .date, interval: interval,
                           precision: precision, value: ra.value, modifier: nil, unresolvedReason: nil)
    }
}
