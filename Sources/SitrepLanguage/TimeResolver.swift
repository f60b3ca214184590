import SitrepCore

/// What a time expression says, before it is resolved against a publication date.
struct TimeExpression {
    typealias Unit = TimeLexicon.Unit

    enum Anchor {
        /// A calendar date, possibly partial: "31 July 2018", "July 31", "February", "2017".
        case date(year: Int?, month: Int?, day: Int?)
        /// A month with a relation: "last April" (-1), "this September" (0), "next March" (+1).
        case relativeMonth(Int, offset: Int)
        /// A month in a year relative to the anchor's: "June last year" (-1), "January this year" (0).
        case monthInYear(Int, yearOffset: Int)
        /// "yesterday" (-1), "today" (0), "tomorrow" (+1).
        case dayOffset(Int)
        /// A weekday: plain (`nil`, the latest on or before the anchor, or the next with future cues),
        /// "last" (-1), "this" (0), "next" (+1).
        case weekday(Int, relation: Int?)
        /// "last week" (week, -1), "this year" (year, 0), "the weekend" (weekend, 0).
        case unitOffset(Unit, Int)
        /// "two weeks ago" (week, 2, -1), "a year earlier", "three days from now"; count `nil` = "a few".
        case unitsAgo(Unit, Int?, sign: Int)
        /// "the third quarter", "the third quarter of 1990"; `half` = 2 for "the first half".
        case quarter(Int, year: Int?, half: Bool)
        /// "this summer" (offset 0), "last spring" (-1), "summer 2018", "the summer" (nil: the latest).
        case season(String, year: Int?, offset: Int?)
        /// "this year's third quarter" (3, 0), "next year's first half".
        case quarterInYear(Int, yearOffset: Int, half: Bool)
        /// "the 20th century" (19).
        case century(Int)
        /// "Ramadan" (9, day 0 = the whole month), "Eid al-Adha" (12, 10), with an optional Gregorian year.
        case islamic(month: Int, day: Int, year: Int?)
        /// "the 1990s" (199), "the '80s".
        case decade(Int)
        /// "the turn of the century": the century boundary nearest the anchor ("2000" for 1950–2049).
        case centuryTurn
        /// "the 15th": a day of the anchor's month.
        case dayOfMonth(Int)
        case reference(String)
        case none
    }

    enum Part { case early, mid, late, start, end, earlier, later }

    var type: TimexType
    var anchor: Anchor = .none
    var part: Part?
    /// MO AF EV NI
    var partOfDay: String?
    var hour: Int?
    var minute: Int?
    /// Seconds, when the clock time writes them ("16:29:00").
    var second: Int?
    /// A numeric date whose day and month can be read either way ("08/07/1998"): the reading nearer the
    /// publication date wins (the day-first one without a publication date or on a tie).
    var dayMonthAmbiguous = false
    /// DURATION / SET: count (nil = unspecified "X") and unit.
    var count: Int?
    /// "two and a half years", "a minute and a half", "2 1/2 years": half a unit more than `count`.
    var half = false
    var unit: Unit?
    /// A duration that is a window ending (-1) or starting (+1) at the anchor: "the past three months", "the coming days".
    var window: Int = 0
    /// A SET's TimeML value.
    var setValue: String?
    /// "the following month", "that year", "the previous Friday": counted from the time the text last named
    /// (its reference time) rather than from the publication date, when there is one.
    var fromReference = false
    /// "the first week of August" (1), "the last week of July" (-1): a week-long stretch of the month.
    var weekOfMonth: Int?
    /// "a year earlier", "the quarter": take the quarter the text last named, when there is one.
    var inheritsQuarter = false
    /// The sentence points to the future ("will", "scheduled"), for weekdays and months without a year.
    var future: Bool = false
    /// A past-tense verb stands right before ("ended Jan. 31", "bought it in February"): a month or day
    /// without a year is the latest one on or before the anchor.
    var past: Bool = false
    /// A limit set for something ("given until 9 a.m. Tuesday", "a deadline of Friday"): a weekday or a month and day
    /// without a year is the nearest such day, before or after the anchor alike.
    var nearest = false
    /// "this weekend": the weekend of the anchor's week (TimeML's "this" names the unit that holds the anchor), not
    /// the latest one ("the weekend", "over the weekend").
    var thisWeekend = false

    init(type: TimexType, anchor: Anchor = .none) { self.type = type; self.anchor = anchor }
}

/// Turns a `TimeExpression` into an interval, precision and TimeML value against an anchor day.
enum TimeResolver {
    struct Resolution {
        var interval: DayInterval?
        var precision: TimePrecision?
        var value: String
        var unresolvedReason: String?
    }

    static let noAnchor = "relative expression and no publication date to resolve it against"

    /// Resolves against a publication window: relative expressions are resolved against both ends and
    /// the intervals joined; the value is the one for the window's end.
    static func resolve(_ x: TimeExpression, published: DayInterval?) -> Resolution {
        guard let published else { return resolve(x, anchor: nil) }
        if x.dayMonthAmbiguous, case .date(let y?, let m?, let d?) = x.anchor,
           let dayFirst = CalendarDay(year: y, month: m, day: d), let monthFirst = CalendarDay(year: y, month: d, day: m) {
            func distance(_ c: CalendarDay) -> Int {
                c < published.start ? published.start.dayNumber - c.dayNumber : (c > published.end ? c.dayNumber - published.end.dayNumber : 0)
            }
            if distance(monthFirst) < distance(dayFirst) {
                var swapped = x
                swapped.anchor = .date(year: y, month: d, day: m)
                swapped.dayMonthAmbiguous = false
                return resolve(swapped, published: published)
            }
        }
        var r = resolve(x, anchor: published.end)
        if published.start != published.end, let end = r.interval {
            let early = resolve(x, anchor: published.start)
            if let s = early.interval, s != end {
                r.interval = DayInterval(start: min(s.start, end.start), end: max(s.end, end.end))
            }
        }
        return r
    }

    static func resolve(_ x: TimeExpression, anchor: CalendarDay?) -> Resolution {
        switch x.type {
        case .set:
            return Resolution(interval: nil, precision: nil, value: x.setValue ?? "XXXX", unresolvedReason: "a recurring time, not a date")
        case .duration:
            return resolveDuration(x, anchor: anchor)
        case .date, .time:
            break
        }
        var r = resolveAnchor(x, anchor: anchor)
        if let w = x.weekOfMonth, let month = r.interval, r.precision == .month {
            let start = w > 0 ? month.start.adding(days: 7 * (w - 1)) : month.end.adding(days: -6)
            let (wy, wn) = isoWeek(start)
            r = Resolution(interval: DayInterval(start: start, end: start.adding(days: 6)), precision: .week,
                           value: pad(wy, 4) + "-W" + pad(wn, 2), unresolvedReason: nil)
        }
        if let part = x.part, let i = r.interval, let p = r.precision {
            let (narrowed, precision) = narrow(i, p, part, anchor: anchor)
            r.interval = narrowed
            r.precision = precision
        }
        // A clock time ("T14:30") or a part of the day ("TMO") after the day's value.
        if x.type == .time, x.hour != nil || x.partOfDay != nil {
            if r.interval == nil, r.unresolvedReason == nil, case .none = x.anchor {
                if let anchor { r.interval = DayInterval(day: anchor); r.precision = .day; r.value = isoValue(anchor) }
                else { r.unresolvedReason = noAnchor; r.value = "XXXX-XX-XX" }
            }
            if asciiLength(r.value) == 10 || startsWithUnspecifiedDay(r.value) { r.value = timeSuffixed(r.value, x) }
        }
        return r
    }

    /// The number of characters of a value: its byte count when it is plain ASCII without a carriage return (all
    /// values this resolver writes), else `count`.
    static func asciiLength(_ s: String) -> Int {
        if let plain = s.utf8.withContiguousStorageIfAvailable({ u -> Bool in
            for b in u where b >= 0x80 || b == 0x0D { return false }
            return true
        }) { return plain ? s.utf8.count : s.count }
        var copy = s
        let plain = copy.withUTF8 { u -> Bool in
            for b in u where b >= 0x80 || b == 0x0D { return false }
            return true
        }
        return plain ? s.utf8.count : s.count
    }

    /// `s.hasPrefix("XXXX-XX-XX")` for values: compared byte by byte when the value is ASCII.
    static func startsWithUnspecifiedDay(_ s: String) -> Bool {
        var copy = s
        let r = copy.withUTF8 { u -> Bool? in
            guard u.count >= 10 else { return nil }
            for b in u where b >= 0x80 { return nil }
            for k in 0..<10 where u[k] != (k == 4 || k == 7 ? 0x2D : 0x58) { return false }
            return true
        }
        return r ?? s.hasPrefix("XXXX-XX-XX")
    }

    /// `value` + "T" + the clock time ("T06:30", "T06:30:15", "T06:00") or part of the day ("TMO"), written in one buffer;
    /// the general form (`timeSuffixGeneral`) for hours, minutes or seconds outside 0…99.
    static func timeSuffixed(_ value: String, _ x: TimeExpression) -> String {
        var value = value
        if let h = x.hour {
            let m = x.minute ?? 0, sec = x.second
            guard (0...99).contains(h), (0...99).contains(m), sec.map({ (0...99).contains($0) }) ?? true else {
                return value + timeSuffixGeneral(x)
            }
            return value.withUTF8 { v in
                let count = v.count + 6 + (sec == nil ? 0 : 3)
                return String(unsafeUninitializedCapacity: count) { buf in
                    var i = 0
                    while i < v.count { buf[i] = v[i]; i += 1 }
                    buf[i] = 0x54
                    buf[i + 1] = UInt8(0x30 + h / 10); buf[i + 2] = UInt8(0x30 + h % 10)
                    buf[i + 3] = 0x3A
                    buf[i + 4] = UInt8(0x30 + m / 10); buf[i + 5] = UInt8(0x30 + m % 10)
                    if let s = sec {
                        buf[i + 6] = 0x3A
                        buf[i + 7] = UInt8(0x30 + s / 10); buf[i + 8] = UInt8(0x30 + s % 10)
                    }
                    return count
                }
            }
        }
        guard var pod = x.partOfDay else { return value }
        return value.withUTF8 { v in
            pod.withUTF8 { p in
                let count = v.count + 1 + p.count
                return String(unsafeUninitializedCapacity: count) { buf in
                    var i = 0
                    while i < v.count { buf[i] = v[i]; i += 1 }
                    buf[i] = 0x54; i += 1
                    var j = 0
                    while j < p.count { buf[i] = p[j]; i += 1; j += 1 }
                    return count
                }
            }
        }
    }

    /// The suffix as it was first written, piece by piece: the reference `timeSuffixed` is pinned against.
    static func timeSuffixGeneral(_ x: TimeExpression) -> String {
        if let h = x.hour { return "T" + pad(h, 2) + (x.minute.map { ":" + pad($0, 2) } ?? ":00") + (x.second.map { ":" + pad($0, 2) } ?? "") }
        if let pod = x.partOfDay { return "T" + pod }
        return ""
    }

    private static func resolveDuration(_ x: TimeExpression, anchor: CalendarDay?) -> Resolution {
        let unit = x.unit ?? .day
        let value = x.half && x.count != nil ? halfDurationValue(count: x.count!, unit: unit) : durationValue(count: x.count, unit: unit)
        guard x.window != 0 else {
            return Resolution(interval: nil, precision: nil, value: value, unresolvedReason: "a duration, not a date")
        }
        guard let anchor else { return Resolution(interval: nil, precision: nil, value: value, unresolvedReason: noAnchor) }
        // Unspecified counts ("recent days", "the coming weeks") take a small default span.
        let n = x.count ?? (unit == .day ? 7 : 3)
        let days = approximateDays(unit) * n
        let interval = x.window < 0 ? DayInterval(start: anchor.adding(days: -days), end: anchor)
                                    : DayInterval(start: anchor, end: anchor.adding(days: days))
        return Resolution(interval: interval, precision: precision(of: unit), value: value, unresolvedReason: nil)
    }

    /// "2 1/2 years" → P2Y6M, "a minute and a half" → PT1M30S: the half written in the next smaller unit.
    static func halfDurationValue(count n: Int, unit: TimeLexicon.Unit) -> String {
        switch unit {
        case .year: return "P\(n)Y6M"
        case .month: return "P\(n)M15D"
        case .quarter: return "P\(3 * n + 1)M15D"
        case .week, .weekend: return "P\(7 * n + 3)DT12H"
        case .fortnight: return "P\(2 * n + 1)W"
        case .day: return "P\(n)DT12H"
        case .hour: return "PT\(n)H30M"
        case .minute: return "PT\(n)M30S"
        case .decade: return "P\(10 * n + 5)Y"
        case .century: return "P\(100 * n + 50)Y"
        }
    }

    static func durationValue(count: Int?, unit: TimeLexicon.Unit) -> String {
        let n = count.map(String.init) ?? "X"
        switch unit {
        case .hour: return "PT\(n)H"
        case .minute: return "PT\(n)M"
        case .fortnight: return count.map { "P\($0 * 2)W" } ?? "PXW"
        case .decade: return count.map { "P\($0 * 10)Y" } ?? "PXDE"
        case .quarter: return count.map { "P\($0 * 3)M" } ?? "PXM"
        default: return "P\(n)\(unit.rawValue)"
        }
    }

    private static func approximateDays(_ u: TimeLexicon.Unit) -> Int {
        switch u {
        case .minute, .hour, .day: return 1
        case .week, .weekend: return 7
        case .fortnight: return 14
        case .month: return 30
        case .quarter: return 91
        case .year: return 365
        case .decade: return 3652
        case .century: return 36524
        }
    }

    private static func precision(of u: TimeLexicon.Unit) -> TimePrecision {
        switch u {
        case .minute, .hour, .day: return .day
        case .week, .weekend, .fortnight: return .week
        case .month: return .month
        case .quarter: return .season
        case .year, .decade, .century: return .year
        }
    }

    // MARK: anchors

    private static func resolveAnchor(_ x: TimeExpression, anchor: CalendarDay?) -> Resolution {
        switch x.anchor {
        case .date(let year, let month, let day):
            if let year, let month, let day {
                guard let d = CalendarDay(year: year, month: month, day: day) else {
                    return Resolution(interval: nil, precision: nil, value: "XXXX-XX-XX", unresolvedReason: "no such day")
                }
                return dayResolution(d)
            }
            if let year, let month { return monthResolution(year, month) }
            if let year, month == nil { return yearResolution(year) }
            guard let month else { break }
            guard let anchor else {
                let v = "XXXX-" + pad(month, 2) + (day.map { "-" + pad($0, 2) } ?? "")
                return Resolution(interval: nil, precision: nil, value: v, unresolvedReason: noAnchor)
            }
            if let day {
                // Month and day without a year: the nearest such day (ties go to the past);
                // with future cues the first on or after the anchor.
                var best: CalendarDay?
                for y in (anchor.year - 1)...(anchor.year + 1) {
                    guard let c = CalendarDay(year: y, month: month, day: day) else { continue }
                    if x.future {
                        if c >= anchor, best == nil || c < best! { best = c }
                        continue
                    }
                    if x.past {
                        if c <= anchor, best == nil || c > best! { best = c }
                        continue
                    }
                    // Nearest, with the past preferred: a future day must be less than half as far away (a limit: the nearest).
                    let ahead = x.nearest ? 1 : 2
                    let dc = c > anchor ? ahead * (c.dayNumber - anchor.dayNumber) : anchor.dayNumber - c.dayNumber
                    if best == nil || dc < (best! > anchor ? ahead * (best!.dayNumber - anchor.dayNumber) : anchor.dayNumber - best!.dayNumber) { best = c }
                }
                guard let best else { return Resolution(interval: nil, precision: nil, value: "XXXX-XX-XX", unresolvedReason: "no such day") }
                return dayResolution(best)
            }
            // A month without a year: the latest such month not after the anchor's, or with future cues the next one.
            var y = anchor.year
            if x.future { if month < anchor.month { y += 1 } } else if x.past { if month > anchor.month { y -= 1 } } else {
                // Nearest, with the past preferred: a later month only when less than half as far as the earlier one.
                let ahead = (month - anchor.month + 12) % 12, back = (anchor.month - month + 12) % 12
                if ahead != 0, 2 * ahead < back { if month < anchor.month { y += 1 } } else if month > anchor.month { y -= 1 }
            }
            return monthResolution(y, month)
        case .relativeMonth(let month, let offset):
            guard let anchor else { return Resolution(interval: nil, precision: nil, value: "XXXX-" + pad(month, 2), unresolvedReason: noAnchor) }
            var y = anchor.year
            if offset < 0 { if month >= anchor.month { y -= 1 } } else if offset > 0 { if month <= anchor.month { y += 1 } }
            return monthResolution(y, month)
        case .monthInYear(let month, let yo):
            guard let anchor else { return Resolution(interval: nil, precision: nil, value: "XXXX-" + pad(month, 2), unresolvedReason: noAnchor) }
            return monthResolution(anchor.year + yo, month)
        case .dayOffset(let n):
            guard let anchor else { return Resolution(interval: nil, precision: nil, value: "XXXX-XX-XX", unresolvedReason: noAnchor) }
            return dayResolution(anchor.adding(days: n))
        case .weekday(let wd, let relation):
            guard let anchor else {
                return Resolution(interval: nil, precision: nil, value: "XXXX-WXX-\(wd)", unresolvedReason: noAnchor)
            }
            let delta = wd - anchor.weekday
            let day: CalendarDay
            switch relation {
            case .some(let r) where r < 0:
                day = anchor.adding(days: delta < 0 ? delta : delta - 7)
            case .some(let r) where r > 0:
                day = anchor.adding(days: delta > 0 ? delta : delta + 7)
            case .some:
                day = anchor.adding(days: delta)
            case .none:
                // With future cues the day itself counts: "will meet Friday" in a Friday paper is today.
                if x.nearest { day = anchor.adding(days: delta > 3 ? delta - 7 : (delta < -3 ? delta + 7 : delta)) }
                else if x.future { day = anchor.adding(days: delta >= 0 ? delta : delta + 7) }
                else { day = anchor.adding(days: delta <= 0 ? delta : delta - 7) }
            }
            return dayResolution(day)
        case .unitOffset(let unit, let n):
            guard let anchor else { return Resolution(interval: nil, precision: nil, value: "XXXX", unresolvedReason: noAnchor) }
            // "will meet this weekend", "talks resume at the weekend": with future cues the weekend on or after the anchor.
            if unit == .weekend, n == 0, x.future, anchor.weekday < 6 { return unitResolution(.weekend, 1, anchor) }
            // "this weekend" in a Wednesday-to-Friday paper is the coming one unless a past-tense verb stands right before
            // ("clashes erupted this weekend"); early in the week it is still the one just gone.
            if unit == .weekend, n == 0, x.thisWeekend, !x.past, anchor.weekday >= 3, anchor.weekday < 6 {
                return unitResolution(.weekend, 1, anchor)
            }
            return unitResolution(unit, n, anchor)
        case .unitsAgo(let unit, let count, let sign):
            guard let anchor else { return Resolution(interval: nil, precision: nil, value: "XXXX", unresolvedReason: noAnchor) }
            guard let count else {
                // "a few years ago": somewhere in the past.
                return Resolution(interval: nil, precision: .beforePublication, value: "PAST_REF",
                                  unresolvedReason: "vague past: only known to lie before publication")
            }
            switch unit {
            case .day, .hour, .minute:
                let days = unit == .day ? count : 0
                return dayResolution(anchor.adding(days: sign * days))
            case .week, .fortnight:
                let d = anchor.adding(days: sign * 7 * count * (unit == .fortnight ? 2 : 1))
                return count <= 4 ? dayResolution(d) : unitResolution(.week, 0, d)
            case .weekend:
                return unitResolution(.weekend, sign * count, anchor)
            case .month: return unitResolution(.month, sign * count, anchor)
            case .quarter: return unitResolution(.quarter, sign * count, anchor)
            case .year: return unitResolution(.year, sign * count, anchor)
            case .decade: return unitResolution(.year, sign * count * 10, anchor)
            case .century: return unitResolution(.year, sign * count * 100, anchor)
            }
        case .quarter(let q, let year, let half):
            guard let y = year ?? anchor.map({ a in
                let current = half ? (a.month + 5) / 6 : (a.month + 2) / 3
                return q <= current ? a.year : a.year - 1
            }) else {
                return Resolution(interval: nil, precision: nil, value: half ? "XXXX-H\(q)" : "XXXX-Q\(q)", unresolvedReason: noAnchor)
            }
            let months = half ? 6 : 3
            let first = (q - 1) * months + 1
            let s = CalendarDay(year: y, month: first, day: 1)!
            let e = CalendarDay(year: y, month: first + months - 1, day: CalendarDay.daysIn(month: first + months - 1, year: y))!
            return Resolution(interval: DayInterval(start: s, end: e), precision: half ? .year : .season,
                              value: pad(y, 4) + (half ? "-H\(q)" : "-Q\(q)"), unresolvedReason: nil)
        case .quarterInYear(let q, let yo, let half):
            guard let anchor else { return Resolution(interval: nil, precision: nil, value: "XXXX-Q\(q)", unresolvedReason: noAnchor) }
            return resolveAnchor(TimeExpression(type: .date, anchor: .quarter(q, year: anchor.year + yo, half: half)), anchor: anchor)
        case .season(let code, let year, let offset):
            if let year { return seasonResolution(code, year) }
            guard let anchor else { return Resolution(interval: nil, precision: nil, value: "XXXX-" + code, unresolvedReason: noAnchor) }
            let thisYear = seasonResolution(code, anchor.year)
            let started = thisYear.interval!.start <= anchor
            let ended = thisYear.interval!.end < anchor
            switch offset {
            case .some(let o) where o < 0: return seasonResolution(code, ended ? anchor.year : anchor.year - 1)
            case .some(let o) where o > 0: return seasonResolution(code, started ? anchor.year + 1 : anchor.year)
            case .some: return thisYear
            case .none:
                if x.future { return seasonResolution(code, started && ended ? anchor.year + 1 : anchor.year) }
                return seasonResolution(code, started ? anchor.year : anchor.year - 1)
            }
        case .islamic(let month, let day, let year):
            return islamicResolution(month: month, day: day, year: year, anchor: anchor, future: x.future)
        case .century(let c):
            return Resolution(interval: DayInterval(start: CalendarDay(year: c * 100, month: 1, day: 1)!,
                                                    end: CalendarDay(year: c * 100 + 99, month: 12, day: 31)!),
                              precision: .year, value: pad(c, 2), unresolvedReason: nil)
        case .centuryTurn:
            guard let anchor else { return Resolution(interval: nil, precision: nil, value: "XXXX", unresolvedReason: noAnchor) }
            return yearResolution((anchor.year + 50) / 100 * 100)
        case .decade(let d):
            let s = CalendarDay(year: d * 10, month: 1, day: 1)!, e = CalendarDay(year: d * 10 + 9, month: 12, day: 31)!
            return Resolution(interval: DayInterval(start: s, end: e), precision: .year, value: String(d), unresolvedReason: nil)
        case .dayOfMonth(let d):
            guard let anchor else { return Resolution(interval: nil, precision: nil, value: "XXXX-XX-" + pad(d, 2), unresolvedReason: noAnchor) }
            guard let day = CalendarDay(year: anchor.year, month: anchor.month, day: d) else {
                return Resolution(interval: nil, precision: nil, value: "XXXX-XX-XX", unresolvedReason: "no such day")
            }
            return dayResolution(day)
        case .reference(let ref):
            if x.window != 0 {
                var w = resolveDuration(x, anchor: anchor)
                w.value = ref
                return w
            }
            switch ref {
            case "PRESENT_REF":
                guard let anchor else { return Resolution(interval: nil, precision: nil, value: ref, unresolvedReason: noAnchor) }
                return Resolution(interval: DayInterval(day: anchor), precision: .day, value: ref, unresolvedReason: nil)
            case "PAST_REF":
                return Resolution(interval: nil, precision: .beforePublication, value: ref,
                                  unresolvedReason: "vague past: only known to lie before publication")
            default:
                return Resolution(interval: nil, precision: nil, value: ref, unresolvedReason: "vague future")
            }
        case .none:
            break
        }
        return Resolution(interval: nil, precision: nil, value: "", unresolvedReason: nil)
    }

    /// The days of an Islamic month (or one day of it) in the arithmetical (tabular) Islamic calendar, which can
    /// differ by a day or two from the observed moon sighting: the nearest occurrence with the past preferred
    /// (as for a month without a year), the one starting in `year` when given. The value names the month it starts in.
    static func islamicResolution(month: Int, day: Int, year: Int?, anchor: CalendarDay?, future: Bool) -> Resolution {
        func occurrence(_ ah: Int) -> DayInterval {
            let start = islamicDay(year: ah, month: month, day: max(day, 1))
            let end = day == 0 ? islamicDay(year: month == 12 ? ah + 1 : ah, month: month == 12 ? 1 : month + 1, day: 1).adding(days: -1) : start
            return DayInterval(start: start, end: end)
        }
        let reference = year ?? anchor?.year
        guard let reference else {
            return Resolution(interval: nil, precision: nil, value: "XXXX-XX-XX", unresolvedReason: noAnchor)
        }
        let ah = (reference - 622) * 33 / 32
        let candidates = ((ah - 1)...(ah + 2)).map(occurrence)
        var best: DayInterval?
        if let year {
            best = candidates.first { $0.start.year == year }
        } else if let anchor {
            if let current = candidates.first(where: { $0.contains(anchor) }) { best = current }
            else if future { best = candidates.first { $0.start > anchor } }
            else {
                let before = candidates.last { $0.end < anchor }, after = candidates.first { $0.start > anchor }
                if let b = before, let a = after {
                    best = 2 * (a.start.dayNumber - anchor.dayNumber) < anchor.dayNumber - b.end.dayNumber ? a : b
                } else { best = before ?? after }
            }
        }
        guard let best else { return Resolution(interval: nil, precision: nil, value: "XXXX-XX-XX", unresolvedReason: "no such day") }
        if day > 0 { return dayResolution(best.start) }
        return Resolution(interval: best, precision: .month, value: pad(best.start.year, 4) + "-" + pad(best.start.month, 2), unresolvedReason: nil)
    }

    /// A day of the arithmetical Islamic calendar (civil epoch, 16 July 622 Julian).
    static func islamicDay(year: Int, month: Int, day: Int) -> CalendarDay {
        let n = day + (59 * (month - 1) + 1) / 2 + (year - 1) * 354 + (3 + 11 * year) / 30 - 492_149
        return CalendarDay(dayNumber: n)
    }

    private static func dayResolution(_ d: CalendarDay) -> Resolution {
        Resolution(interval: DayInterval(day: d), precision: .day, value: isoValue(d), unresolvedReason: nil)
    }

    static func monthResolution(_ y: Int, _ m: Int) -> Resolution {
        let s = CalendarDay(year: y, month: m, day: 1)!
        let e = CalendarDay(year: y, month: m, day: CalendarDay.daysIn(month: m, year: y))!
        return Resolution(interval: DayInterval(start: s, end: e), precision: .month, value: pad(y, 4) + "-" + pad(m, 2), unresolvedReason: nil)
    }

    private static func yearResolution(_ y: Int) -> Resolution {
        Resolution(interval: DayInterval(start: CalendarDay(year: y, month: 1, day: 1)!, end: CalendarDay(year: y, month: 12, day: 31)!),
                   precision: .year, value: pad(y, 4), unresolvedReason: nil)
    }

    /// Seasons by meteorological months (northern hemisphere): spring Mar–May, summer Jun–Aug,
    /// autumn Sep–Nov, winter Dec of `year` to Feb of the next.
    private static func seasonResolution(_ code: String, _ y: Int) -> Resolution {
        let first: Int
        switch code { case "SP": first = 3; case "SU": first = 6; case "FA": first = 9; default: first = 12 }
        let s = CalendarDay(year: y, month: first, day: 1)!
        let endMonth = first == 12 ? 2 : first + 2, endYear = first == 12 ? y + 1 : y
        let e = CalendarDay(year: endYear, month: endMonth, day: CalendarDay.daysIn(month: endMonth, year: endYear))!
        return Resolution(interval: DayInterval(start: s, end: e), precision: .season, value: pad(y, 4) + "-" + code, unresolvedReason: nil)
    }

    private static func unitResolution(_ unit: TimeLexicon.Unit, _ n: Int, _ anchor: CalendarDay) -> Resolution {
        switch unit {
        case .day, .hour, .minute:
            return dayResolution(anchor.adding(days: n))
        case .week, .fortnight:
            let d = anchor.adding(days: 7 * n)
            let monday = d.adding(days: 1 - d.weekday)
            let (wy, w) = isoWeek(d)
            return Resolution(interval: DayInterval(start: monday, end: monday.adding(days: 6)), precision: .week,
                              value: pad(wy, 4) + "-W" + pad(w, 2), unresolvedReason: nil)
        case .weekend:
            // n == 0: the latest weekend on or before the anchor; -1 the one before when the anchor is in a weekend.
            let sat0 = anchor.adding(days: 6 - anchor.weekday)
            let latest = sat0 > anchor ? sat0.adding(days: -7) : sat0
            let saturday: CalendarDay
            if n == 0 { saturday = latest }
            else if n < 0 { saturday = (anchor.weekday >= 6 ? latest.adding(days: -7) : latest).adding(days: 7 * (n + 1)) }
            else { saturday = (sat0 > anchor ? sat0 : sat0.adding(days: 7)).adding(days: 7 * (n - 1)) }
            let (wy, w) = isoWeek(saturday)
            return Resolution(interval: DayInterval(start: saturday, end: saturday.adding(days: 1)), precision: .week,
                              value: pad(wy, 4) + "-W" + pad(w, 2) + "-WE", unresolvedReason: nil)
        case .month:
            var m = anchor.month + n, y = anchor.year
            while m < 1 { m += 12; y -= 1 }
            while m > 12 { m -= 12; y += 1 }
            return monthResolution(y, m)
        case .quarter:
            var q = (anchor.month + 2) / 3 + n, y = anchor.year
            while q < 1 { q += 4; y -= 1 }
            while q > 4 { q -= 4; y += 1 }
            return resolveAnchor(TimeExpression(type: .date, anchor: .quarter(q, year: y, half: false)), anchor: anchor)
        case .year:
            return yearResolution(anchor.year + n)
        case .decade:
            return resolveAnchor(TimeExpression(type: .date, anchor: .decade(anchor.year / 10 + n)), anchor: anchor)
        case .century:
            let c = anchor.year / 100 + n
            return Resolution(interval: DayInterval(start: CalendarDay(year: c * 100, month: 1, day: 1)!,
                                                    end: CalendarDay(year: c * 100 + 99, month: 12, day: 31)!),
                              precision: .year, value: String(c), unresolvedReason: nil)
        }
    }

    /// ISO 8601 week-numbering year and week.
    static func isoWeek(_ d: CalendarDay) -> (Int, Int) {
        let thursday = d.adding(days: 4 - d.weekday)
        let jan1 = CalendarDay(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.dayNumber - jan1.dayNumber) / 7 + 1)
    }

    /// "early 2012" → the first third of 2012; "mid-October" → 11–21 October; "the end of July" → the last third;
    /// "earlier this month" → from the month's start to the anchor. A third of a year is reported with season
    /// precision, a third of a season with month precision, a third of a month with week precision.
    private static func narrow(_ i: DayInterval, _ p: TimePrecision, _ part: TimeExpression.Part, anchor: CalendarDay?) -> (DayInterval, TimePrecision) {
        let n = i.days
        guard n >= 3 else { return (i, p) }
        let third = n / 3
        let finer: TimePrecision
        switch p {
        case .year: finer = .season
        case .season: finer = .month
        case .month: finer = .week
        default: finer = p
        }
        switch part {
        case .early, .start: return (DayInterval(start: i.start, end: i.start.adding(days: third - 1)), finer)
        case .mid: return (DayInterval(start: i.start.adding(days: third), end: i.end.adding(days: -third)), finer)
        case .late, .end: return (DayInterval(start: i.end.adding(days: -(third - 1)), end: i.end), finer)
        case .earlier:
            guard let anchor, i.contains(anchor) else { return (i, p) }
            return (DayInterval(start: i.start, end: anchor), p)
        case .later:
            guard let anchor, i.contains(anchor) else { return (i, p) }
            return (DayInterval(start: anchor, end: i.end), p)
        }
    }

    /// `n` in decimal, zero-padded to `w` digits (a small string: no allocation for the widths used here).
    static func pad(_ n: Int, _ w: Int) -> String {
        guard n >= 0, w <= 15 else {
            let s = String(n)
            return s.utf8.count >= w ? s : String(repeating: "0", count: w - s.utf8.count) + s
        }
        var digits = 1, x = n
        while x >= 10 { x /= 10; digits += 1 }
        let width = max(w, digits)
        guard width <= 15 else { return String(n) }
        return String(unsafeUninitializedCapacity: width) { buf in
            var v = n
            for i in stride(from: width - 1, through: 0, by: -1) { buf[i] = UInt8(0x30 + v % 10); v /= 10 }
            return width
        }
    }

    /// `YYYY-MM-DD` for a day of years 0–9999, built without string interpolation.
    static func isoValue(_ d: CalendarDay) -> String {
        guard (0...9999).contains(d.year) else { return d.iso }
        return String(unsafeUninitializedCapacity: 10) { buf in
            var y = d.year
            for i in stride(from: 3, through: 0, by: -1) { buf[i] = UInt8(0x30 + y % 10); y /= 10 }
            buf[4] = 0x2D
            buf[5] = UInt8(0x30 + d.month / 10); buf[6] = UInt8(0x30 + d.month % 10)
            buf[7] = 0x2D
            buf[8] = UInt8(0x30 + d.day / 10); buf[9] = UInt8(0x30 + d.day % 10)
            return 10
        }
    }
}
