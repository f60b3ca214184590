import SitrepCore

/// Reads time expressions from the finder's token list: a hand-written grammar over time words and numbers
/// ("the past three months", "early this year", "10 p.m. Wednesday", "July 31, 2018"), longest match first.
struct TimeExpressionParser {
    typealias Role = TimeLexicon.Role
    typealias Kind = TimeLexicon.Kind

    struct Match {
        var first: Int
        var last: Int
        var expr: TimeExpression
        /// Whether a leading "the" belongs to the expression ("the past three months", "the third quarter").
        var takesThe = false
    }

    let tokens: [TimeToken]
    let entries: [TimeLexicon.Entry]
    let n: Int

    init(tokens: [TimeToken], entries: [TimeLexicon.Entry]) {
        self.tokens = tokens; self.entries = entries; self.n = tokens.count
    }

    // MARK: token helpers

    @inline(__always) func entry(_ k: Int) -> TimeLexicon.Entry? {
        guard k >= 0, k < n, tokens[k].entry >= 0 else { return nil }
        return entries[Int(tokens[k].entry)]
    }
    @inline(__always) func kind(_ k: Int) -> Kind? {
        guard k >= 0, k < n, tokens[k].entry >= 0 else { return nil }
        return entries[Int(tokens[k].entry)].kind
    }
    @inline(__always) func role(_ k: Int) -> Role {
        guard k >= 0, k < n, tokens[k].entry >= 0 else { return .none }
        return entries[Int(tokens[k].entry)].role
    }
    /// Whether an expression can start at token `k`: numbers, time words, and the few function words
    /// that open one ("the", "a", "about", "at least", "last", "early", "every", …). Saves parsing at "of", "in", "said".
    @inline(__always) func canStart(_ k: Int) -> Bool {
        guard tokens[k].entry >= 0 else { return true }
        let i = Int(tokens[k].entry)
        guard entries[i].kind == .word else { return true }
        switch entries[i].role {
        case .noon, .midnight, .few, .several, .couple, .eid:
            return true
        case .the, .article,
             .approx, .approxDate, .more, .at, .up, .no,
             .last, .next, .this, .that, .past, .previous, .coming, .following, .current, .latest, .recent,
             .early, .late, .mid, .earlier, .later, .end, .beginning, .middle, .fiscal, .every, .right, .as, .new:
            // These open an expression only with a time word or number right after them ("the third quarter",
            // "at least two", "that night", "end of July"): every rule for them in `parse` and `wordLed`
            // (at the top level, `the` false) first asks for the next token to be adjacent.
            return adj(k, k + 1)
        default:
            // Including "near" and "future": they count only after "the" ("the near future"), parsed from "the".
            return false
        }
    }
    @inline(__always) static func isPreposition(_ r: Role) -> Bool {
        switch r {
        case .in, .on, .at, .by, .since, .until, .before, .after, .between, .and, .to, .from, .through, .during, .of,
             .early, .late, .mid, .last, .next, .this, .within, .for, .every, .end, .beginning, .middle, .past, .previous:
            return true
        default:
            return false
        }
    }
    @inline(__always) func number(_ k: Int) -> Int { k >= 0 && k < n ? tokens[k].number : -1 }
    /// `b` is the word right after `a`, separated by spaces or one hyphen.
    @inline(__always) func adj(_ a: Int, _ b: Int) -> Bool {
        b < n && a >= 0 && tokens[b].word == tokens[a].word + 1 && (tokens[b].gap == .space || tokens[b].gap == .hyphen)
    }
    /// As `adj`, also across a comma.
    @inline(__always) func adjComma(_ a: Int, _ b: Int) -> Bool {
        adj(a, b) || (b < n && a >= 0 && tokens[b].word == tokens[a].word + 1 && tokens[b].gap == .comma)
    }
    @inline(__always) func adjSpace(_ a: Int, _ b: Int) -> Bool {
        b < n && a >= 0 && tokens[b].word == tokens[a].word + 1 && tokens[b].gap == .space
    }
    /// Whether token `k` is the first half of a hyphenated word ("month-long", "year-old", "week-long").
    @inline(__always) func hyphenFollows(_ k: Int) -> Bool {
        tokens[k].has(TimeToken.hyphenWordFollows) || (k + 1 < n && tokens[k + 1].word == tokens[k].word + 1 && tokens[k + 1].gap == .hyphen)
    }
    /// The role of the word right before token `k`, if that word is a time word.
    func previousRole(_ k: Int) -> Role {
        guard k > 0, tokens[k - 1].word == tokens[k].word - 1, tokens[k].gap == .space || tokens[k].gap == .hyphen else { return .none }
        return role(k - 1)
    }
    func isCapitalised(_ k: Int) -> Bool { tokens[k].has(TimeToken.capitalised) }
    func isDayNumber(_ k: Int) -> Bool {
        k < n && tokens[k].number >= 1 && tokens[k].number <= 31 && tokens[k].digits <= 2
            && tokens[k].flags & (TimeToken.decade | TimeToken.apostropheYear) == 0
    }
    func isYear(_ k: Int) -> Bool {
        k < n && tokens[k].digits == 4 && tokens[k].number >= 1000 && tokens[k].number <= 2199
            && tokens[k].flags & (TimeToken.ordinalSuffix | TimeToken.decade) == 0
    }
    /// A day written as an ordinal: "31st", "third".
    func ordinalDay(_ k: Int) -> Int? {
        if k < n, tokens[k].has(TimeToken.ordinalSuffix), isDayNumber(k) { return tokens[k].number }
        if let e = entry(k), e.kind == .ordinal, e.number <= 31 { return e.number }
        return nil
    }

    // MARK: entry point

    func parse(_ k: Int) -> Match? {
        // Approximators belong to durations, clock times and "ago" dates: "about two years ago", "around 7:15 p.m.";
        // "around", "approximately", "roughly" to dates too ("around Nov. 1").
        var j = k
        let r = role(k)
        if r == .approx || r == .approxDate, adj(k, k + 1) { j = k + 1 }
        else if (r == .more && role(k + 1) == .than) || (r == .at && role(k + 1) == .least) || (r == .up && role(k + 1) == .to),
                adj(k, k + 1), adj(k + 1, k + 2) { j = k + 2 }
        else if r == .no, role(k + 1) == .more, role(k + 2) == .than, adj(k, k + 1), adj(k + 1, k + 2), adj(k + 2, k + 3) { j = k + 3 }
        if j > k {
            // "at least the past 18 months" (two-word approximators only: "over the past year" is a preposition)
            var sub = core(j, the: false)
            if sub == nil, j >= k + 2, role(j) == .the, adj(j, j + 1), let m = core(j + 1, the: true), m.takesThe, m.expr.type == .duration { sub = m }
            guard let m = sub else { return nil }
            var isAgo = false
            if case .unitsAgo = m.expr.anchor { isAgo = true }
            guard m.expr.type == .duration || m.expr.type == .time || isAgo || (r == .approxDate && m.expr.type == .date) else { return nil }
            var out = m
            out.first = k
            return out
        }
        if r == .the, adj(k, k + 1), let m = core(k + 1, the: true), m.takesThe {
            var out = m
            out.first = k
            if kind(m.last) == .unit, orSo(m.last) { out.last += 2 }
            out.last = extendedEnd(out)
            return out
        }
        guard var m = core(k, the: false) else { return nil }
        // "the next year or so", "two weeks or so"
        if kind(m.last) == .unit, orSo(m.last) { m.last += 2 }
        m.last = extendedEnd(m)
        // "Fri, 03 Aug 2018 21:55 GMT": a clock time right after a date belongs to it.
        if m.expr.type == .date, m.expr.part == nil, case .date(_, .some, .some) = m.expr.anchor,
           adjComma(m.last, m.last + 1), tokens[m.last + 1].entry < 0, let c = clock(m.last + 1, trailingDay: false) {
            var x = m.expr
            x.type = .time; x.hour = c.expr.hour; x.minute = c.expr.minute; x.second = c.expr.second
            return Match(first: m.first, last: c.last, expr: x)
        }
        return m
    }

    // MARK: the grammar

    func core(_ k: Int, the: Bool) -> Match? {
        guard k < n else { return nil }
        let t = tokens[k]
        if t.entry < 0 { return numberLed(k, the: the) }
        let e = entries[Int(t.entry)]
        switch e.kind {
        case .month, .monthAbbr:
            return monthLed(k)
        case .weekday:
            return weekdayLed(k, relation: nil, first: k)
        case .weekdayAbbr:
            // "Fri, 03 Aug 2018" only.
            if adjComma(k, k + 1), let m = numberLed(k + 1, the: false), case .date(_, .some, .some) = m.expr.anchor {
                return Match(first: k, last: m.last, expr: m.expr)
            }
            return nil
        case .dayRef:
            // "overnight" (the night before) as an adverb: not "overnight flights", "an overnight stay".
            if e.number < 0, e.hasCode,
               t.has(TimeToken.wordFollows) || previousRole(k) == .article || previousRole(k) == .the { return nil }
            var x = TimeExpression(type: .date, anchor: .dayOffset(e.number))
            if e.hasCode { x.type = .time; x.partOfDay = e.code }
            var last = k
            if adj(k, k + 1), let pod = entry(k + 1), pod.kind == .partOfDay, !pod.plural {
                x.type = .time; x.partOfDay = pod.code; last = k + 1
            }
            return Match(first: k, last: last, expr: x)
        case .reference:
            // "as soon as the talks end", "soon after the attack": conjunctions, not times.
            if previousRole(k) == .as { return nil }
            if adjSpace(k, k + 1), role(k + 1) == .after || role(k + 1) == .before { return nil }
            return Match(first: k, last: k, expr: TimeExpression(type: .date, anchor: .reference(e.code)))
        case .set:
            // "weekly" as an adverb ("meets weekly."), not as an adjective ("a weekly magazine").
            guard !t.has(TimeToken.wordFollows) else { return nil }
            var x = TimeExpression(type: .set)
            x.setValue = e.code
            return Match(first: k, last: k, expr: x)
        case .season:
            return seasonLed(k, offset: nil, first: k, the: the)
        case .holiday:
            return holidayLed(k, month: e.number / 100, day: e.number % 100)
        case .islamic:
            // "Ramadan", "Ashura", "Ramadan 2018"; "Fitr"/"Adha" only after "Eid".
            guard isCapitalised(k), e.number % 100 == 0 || e.number == 110 || e.number == 312 else { return nil }
            return islamicLed(k, e.number, first: k)
        case .decade:
            // "the nineties", "the early eighties" (not "in his sixties": an age).
            guard the else { return nil }
            return Match(first: k, last: k, expr: TimeExpression(type: .date, anchor: .decade(190 + e.number)), takesThe: true)
        case .ordinal:
            return ordinalLed(k, the: the)
        case .number:
            return numberLed(k, the: the)
        case .partOfDay:
            // "the night of September 23", "overnight"
            if adj(k, k + 1), role(k + 1) == .of, adj(k + 1, k + 2), let m = dayTarget(k + 2) {
                var x = m.expr
                x.type = .time; x.partOfDay = e.code
                return Match(first: k, last: m.last, expr: x, takesThe: true)
            }
            // "attacked at dawn", "before dawn Tuesday", "until evening": a part of the day after "at", "before", "after",
            // "until" or "by", on the day right after it or else the day the text is about ("at night" is left out:
            // mostly habitual, "work at night").
            let opener = previousRole(k)
            if !the, !e.plural, !e.codeIs("NI"), opener == .at || opener == .before || opener == .after || opener == .until || opener == .by,
               !t.has(TimeToken.nameFollows), !(adj(k, k + 1) && role(k + 1) == .of) {
                if adj(k, k + 1), let d = dayTarget(k + 1), d.expr.partOfDay == nil, d.expr.hour == nil {
                    var x = d.expr
                    x.type = .time; x.partOfDay = e.code
                    return Match(first: k, last: d.last, expr: x)
                }
                if !t.has(TimeToken.wordFollows) {
                    var x = TimeExpression(type: .time, anchor: .dayOffset(0))
                    x.partOfDay = e.code
                    x.fromReference = true
                    return Match(first: k, last: k, expr: x)
                }
            }
            // "placed orders in the morning", "fighting went on into the night": that part of the day the text is about
            // (its reference day).
            if the, !e.plural, k >= 2, role(k - 1) == .the, adj(k - 1, k), previousRole(k - 1) == .in || previousRole(k - 1) == .during,
               !t.has(TimeToken.wordFollows), !t.has(TimeToken.nameFollows), !(adj(k, k + 1) && role(k + 1) == .of) {
                var x = TimeExpression(type: .time, anchor: .dayOffset(0))
                x.partOfDay = e.code
                x.fromReference = true
                return Match(first: k, last: k, expr: x, takesThe: true)
            }
            return nil
        case .unit:
            return unitLed(k, e, the: the)
        case .midPeriod:
            // "midweek", "by midyear": as "mid-week", "mid-year".
            guard let unit = e.unit, !hyphenFollows(k) else { return nil }
            var x = TimeExpression(type: .date, anchor: .unitOffset(unit, 0))
            x.part = .mid
            return Match(first: k, last: k, expr: x, takesThe: true)
        case .word:
            return wordLed(k, e.role, the: the)
        }
    }

    /// A day-precision expression: a date with a day, a weekday, "yesterday".
    func dayTarget(_ k: Int) -> Match? {
        guard let m = core(k, the: false) else { return nil }
        switch m.expr.anchor {
        case .date(_, .some, .some), .weekday, .dayOffset: return m
        default: return nil
        }
    }

    private func wordLed(_ k: Int, _ r: Role, the: Bool) -> Match? {
        switch r {
        case .end, .beginning, .middle:
            // "by end-June", "end-1997": a month or year joined by a hyphen.
            if r == .end, k + 1 < n, tokens[k + 1].gap == .hyphen, adj(k, k + 1), var m = core(k + 1, the: false) {
                switch m.expr.anchor {
                case .date(_, .some, nil), .date(.some, nil, nil):
                    m.expr.part = .end
                    return Match(first: k, last: m.last, expr: m.expr)
                default: return nil
                }
            }
            // "the end of July", "the beginning of the year", "end of 2017"
            guard adj(k, k + 1), role(k + 1) == .of, adj(k + 1, k + 2) else { return nil }
            let target = k + 2
            var sub: Match?
            // Not "the end of the month-long siege".
            if role(target) == .the, adj(target, target + 1), let u = entry(target + 1), u.kind == .unit, !u.plural,
               let unit = u.unit, Self.isPeriodUnit(unit), !hyphenFollows(target + 1) {
                sub = Match(first: target, last: target + 1, expr: TimeExpression(type: .date, anchor: .unitOffset(unit, 0)))
            } else if let m = parse(target), m.expr.type == .date {
                sub = m
            }
            guard var m = sub else { return nil }
            if case .reference = m.expr.anchor { return nil }
            m.expr.part = r == .end ? .end : (r == .beginning ? .start : .mid)
            return Match(first: k, last: m.last, expr: m.expr, takesThe: true)
        case .early, .late, .mid, .earlier, .later:
            guard adj(k, k + 1) else { return nil }
            // "earlier in the year" (of publication), "later in the day" (the day last named).
            if r == .earlier || r == .later, role(k + 1) == .in, adjSpace(k + 1, k + 2), role(k + 2) == .the, adjSpace(k + 2, k + 3),
               let u = entry(k + 3), u.kind == .unit, !u.plural, let unit = u.unit, Self.isCalendarUnit(unit) {
                var x = TimeExpression(type: .date, anchor: .unitOffset(unit, 0))
                x.part = r == .earlier ? .earlier : .later
                x.fromReference = unit == .day
                return Match(first: k, last: k + 3, expr: x, takesThe: true)
            }
            // "early in the year", "late in the month": a third of the current period (not "late in the day": an idiom).
            if r == .early || r == .late, role(k + 1) == .in, adjSpace(k + 1, k + 2), role(k + 2) == .the, adjSpace(k + 2, k + 3),
               let u = entry(k + 3), u.kind == .unit, !u.plural, let unit = u.unit, unit == .week || unit == .month || unit == .year,
               !hyphenFollows(k + 3) {
                var x = TimeExpression(type: .date, anchor: .unitOffset(unit, 0))
                x.part = r == .early ? .early : .late
                return Match(first: k, last: k + 3, expr: x, takesThe: true)
            }
            // "a later date", "an earlier date": a vague future or past.
            if r == .earlier || r == .later, role(k + 1) == .dateNoun, previousRole(k) == .article {
                return Match(first: k - 1, last: k + 1, expr: TimeExpression(type: .date, anchor: .reference(r == .later ? "FUTURE_REF" : "PAST_REF")))
            }
            // "in the early hours of Wednesday"
            if r == .early, let u = entry(k + 1), u.kind == .unit, u.unit == .hour, u.plural,
               adj(k + 1, k + 2), role(k + 2) == .of, adj(k + 2, k + 3), let m = dayTarget(k + 3) {
                var x = m.expr
                x.type = .time; x.partOfDay = "MO"
                return Match(first: k, last: m.last, expr: x, takesThe: true)
            }
            // "mid-month", "by mid-year", "mid-week": the middle third of the current period (not "mid-month-long").
            if r == .mid, tokens[k + 1].gap == .hyphen, let u = entry(k + 1), u.kind == .unit, !u.plural, let unit = u.unit,
               unit == .month || unit == .year || unit == .week, !hyphenFollows(k + 1) {
                var x = TimeExpression(type: .date, anchor: .unitOffset(unit, 0))
                x.part = .mid
                return Match(first: k, last: k + 1, expr: x, takesThe: true)
            }
            // "mid-afternoon", "late Tuesday night" is below; "early morning", "late night yesterday": a part of a day.
            if r == .early || r == .late || r == .mid, let pod = entry(k + 1), pod.kind == .partOfDay, !pod.plural {
                var x = TimeExpression(type: .time)
                x.partOfDay = pod.code
                var last = k + 1
                if adjComma(k + 1, k + 2), let d = dayTarget(k + 2), d.expr.partOfDay == nil {
                    x.anchor = d.expr.anchor; x.future = d.expr.future; last = d.last
                }
                return Match(first: k, last: last, expr: x, takesThe: true)
            }
            var sub: Match?
            if role(k + 1) == .the, adj(k + 1, k + 2), let m = core(k + 2, the: true), m.takesThe { sub = m }
            else { sub = core(k + 1, the: the) }
            guard var m = sub, m.expr.type == .date || m.expr.type == .time, m.expr.part == nil else { return nil }
            switch m.expr.anchor {
            case .reference, .none, .unitsAgo: return nil
            default: break
            }
            switch r {
            case .early: m.expr.part = .early
            case .late: m.expr.part = .late
            case .mid: m.expr.part = .mid
            case .earlier: m.expr.part = .earlier
            default: m.expr.part = .later
            }
            return Match(first: k, last: m.last, expr: m.expr, takesThe: true)
        case .last, .next, .this, .past, .previous, .coming, .following, .current, .latest, .recent, .that:
            return relationLed(k, r, the: the)
        case .fiscal:
            // "fiscal 1989", "fiscal first quarter"
            guard adj(k, k + 1), var m = core(k + 1, the: the) else { return nil }
            switch m.expr.anchor {
            case .date(.some, nil, nil), .quarter, .unitOffset(.year, 0): m.first = k; m.takesThe = true; return m
            default: return nil
            }
        case .full where the:
            // "sales for the full year": the year the text is about.
            guard adjSpace(k, k + 1), let u = entry(k + 1), u.kind == .unit, u.unit == .year, !u.plural,
                  !tokens[k + 1].has(TimeToken.possessive) else { return nil }
            return Match(first: k, last: k + 1, expr: TimeExpression(type: .date, anchor: .unitOffset(.year, 0)), takesThe: true)
        case .every:
            return setLed(k)
        case .near where the:
            // "the near future", "the short term", "the foreseeable future" (not "the long term debt").
            guard adjSpace(k, k + 1), role(k + 1) == .term || role(k + 1) == .future, !tokens[k + 1].has(TimeToken.wordFollows) else { return nil }
            return Match(first: k, last: k + 1, expr: TimeExpression(type: .date, anchor: .reference("FUTURE_REF")), takesThe: true)
        case .eid:
            // "Eid al-Fitr", "Eid al-Adha" ("al" is not a time word: the name is one or two words on)
            guard isCapitalised(k), k + 1 < n, let x = entry(k + 1), x.kind == .islamic, x.number % 100 != 0,
                  tokens[k + 1].word - tokens[k].word <= 2, tokens[k + 1].gap == .hyphen || tokens[k + 1].gap == .space else { return nil }
            return islamicLed(k + 1, x.number, first: k)
        case .new:
            // "New Year's Day", "New Year's Eve", "New Year"
            guard isCapitalised(k), adjSpace(k, k + 1), isCapitalised(k + 1), let u = entry(k + 1), u.kind == .unit, u.unit == .year, !u.plural else { return nil }
            return holidayLed(k + 1, month: 1, day: 1, first: k)
        case .as:
            // "as soon as possible"
            guard adjSpace(k, k + 1), let e = entry(k + 1), e.kind == .reference, e.code == "FUTURE_REF",
                  adjSpace(k + 1, k + 2), role(k + 2) == .as, adjSpace(k + 2, k + 3), role(k + 3) == .possible else { return nil }
            return Match(first: k, last: k + 3, expr: TimeExpression(type: .date, anchor: .reference(e.code)))
        case .at:
            // "at present": the present (TimeML's PRESENT_REF); like every preposition, "at" stays outside the extent.
            guard adjSpace(k, k + 1), role(k + 1) == .present else { return nil }
            return Match(first: k + 1, last: k + 1, expr: TimeExpression(type: .date, anchor: .reference("PRESENT_REF")))
        case .right:
            // "right now"
            guard adjSpace(k, k + 1), let e = entry(k + 1), e.kind == .reference, e.code == "PRESENT_REF" else { return nil }
            return Match(first: k, last: k + 1, expr: TimeExpression(type: .date, anchor: .reference(e.code)))
        case .future where the:
            return Match(first: k, last: k, expr: TimeExpression(type: .date, anchor: .reference("FUTURE_REF")), takesThe: true)
        case .turn where the:
            // "the turn of the century"
            guard adjSpace(k, k + 1), role(k + 1) == .of, adjSpace(k + 1, k + 2), role(k + 2) == .the, adjSpace(k + 2, k + 3),
                  let u = entry(k + 3), u.kind == .unit, u.unit == .century, !u.plural else { return nil }
            return Match(first: k, last: k + 3, expr: TimeExpression(type: .date, anchor: .centuryTurn), takesThe: true)
        case .noon, .midnight:
            var x = TimeExpression(type: .time)
            x.hour = r == .noon ? 12 : 24; x.minute = 0
            return withTrailingDay(Match(first: k, last: k, expr: x))
        case .article, .few, .several, .couple:
            return numberLed(k, the: the)
        default:
            return nil
        }
    }

    /// "last week", "this past Wednesday", "the past three months", "recent days", "next March", "this morning".
    private func relationLed(_ k: Int, _ r: Role, the: Bool) -> Match? {
        var i = k + 1
        var offset: Int
        switch r {
        case .last, .past, .previous, .latest, .recent: offset = -1
        case .next, .coming, .following: offset = 1
        default: offset = 0
        }
        // "this past week"
        if r == .this, adj(k, i), role(i) == .past || role(i) == .last || role(i) == .coming { offset = role(i) == .coming ? 1 : -1; i += 1 }
        guard adjSpace(i - 1, i) else {
            if r == .past, the { return Match(first: k, last: k, expr: TimeExpression(type: .date, anchor: .reference("PAST_REF")), takesThe: true) }
            return nil
        }
        if role(i) == .fiscal, adj(i, i + 1), let u = entry(i + 1), u.kind == .unit, u.unit == .year { i += 1 }
        if r == .last, i == k + 1 {
            if let m = quarterAt(k, year: nil, lastOne: true) { return m }
            if let m = weekOfMonth(k, lastOne: true) { return m }
        }
        let e = entry(i)
        switch e?.kind {
        case .weekday where r != .recent && r != .current && r != .latest && r != .that:
            var m = weekdayLed(i, relation: offset, first: k)
            m?.expr.fromReference = r == .following || r == .previous
            return m
        case .month where isCapitalised(i) && (r == .last || r == .next || r == .this || r == .past || r == .coming):
            return Match(first: k, last: i, expr: TimeExpression(type: .date, anchor: .relativeMonth(e!.number, offset: offset)))
        case .season where r != .recent:
            return seasonLed(i, offset: offset, first: k, the: true)
        case .partOfDay where !e!.plural && (r == .this || r == .last || r == .that):
            var x = TimeExpression(type: .time, anchor: .dayOffset(r == .last ? -1 : 0))
            x.partOfDay = e!.code
            // "that night": the day the text last named.
            x.fromReference = r == .that
            return Match(first: k, last: i, expr: x, takesThe: true)
        case .partOfDay where !e!.plural && (r == .next || r == .following || r == .previous) && the:
            // "the next morning", "the following night", "the previous evening": a day next to the one last named.
            var x = TimeExpression(type: .time, anchor: .dayOffset(offset))
            x.partOfDay = e!.code
            x.fromReference = true
            return Match(first: k, last: i, expr: x, takesThe: true)
        case .unit:
            let unit = e!.unit!
            // "ABC's \"This Week\"", "Next Year in Jerusalem": a capitalised unit word after the relation, in running
            // text, is a title or a name, not a time.
            if isCapitalised(i), !tokens[i].has(TimeToken.sentenceStart), isCapitalised(k) { return nil }
            if e!.plural {
                // "these days" ("these" reads as "this"): the present.
                if r == .this, unit == .day, offset == 0 {
                    return Match(first: k, last: i, expr: TimeExpression(type: .date, anchor: .reference("PRESENT_REF")), takesThe: true)
                }
                guard r != .this, r != .that, r != .current else { return nil }
                // "could last weeks": the verb.
                if r == .last, !the, i == k + 1, previousRole(k) == .to || (!Self.isPreposition(previousRole(k)) && previousRole(k) != .over) { return nil }
                // "recent days", "the coming weeks": a vague past or future (TimeML's PAST_REF / FUTURE_REF)
                // that still gives a window before or after the anchor.
                var x = TimeExpression(type: .date, anchor: .reference(offset < 0 ? "PAST_REF" : "FUTURE_REF"))
                x.unit = unit; x.count = nil; x.window = offset
                return Match(first: k, last: i, expr: x, takesThe: true)
            }
            guard r != .recent else { return nil }
            if unit == .hour || unit == .minute {
                var x = TimeExpression(type: .duration)
                x.unit = unit; x.count = 1; x.window = offset
                return Match(first: k, last: i, expr: x, takesThe: true)
            }
            // "this year's third quarter", "next year's first quarter"
            if unit == .year, tokens[i].has(TimeToken.possessive), adj(i, i + 1), let q = quarterAt(i + 1, year: nil),
               case .quarter(let qn, nil, let half) = q.expr.anchor {
                return Match(first: k, last: q.last, expr: TimeExpression(type: .date, anchor: .quarterInYear(qn, yearOffset: offset, half: half)), takesThe: true)
            }
            // "last year's quarter", "last year's period": the quarter the text is about, in that year.
            if unit == .year, offset != 0, tokens[i].has(TimeToken.possessive), adjSpace(i, i + 1),
               (entry(i + 1)?.unit == .quarter && entry(i + 1)?.plural == false) || role(i + 1) == .period {
                var x = TimeExpression(type: .date, anchor: .unitOffset(.year, offset))
                x.inheritsQuarter = true
                return Match(first: k, last: i + 1, expr: x, takesThe: true)
            }
            // "the latest quarter" is the last one reported: the previous quarter.
            var x = TimeExpression(type: .date, anchor: .unitOffset(unit, offset))
            x.thisWeekend = unit == .weekend && r == .this
            // "the next day", "the following week": narrative time, counted from the time last named.
            x.fromReference = r == .following || r == .previous || r == .that || (r == .next && unit == .day)
            return Match(first: k, last: i, expr: x, takesThe: true)
        default:
            if role(i) == .period, r == .latest {
                var x = TimeExpression(type: .date, anchor: .unitOffset(.quarter, offset))
                x.inheritsQuarter = r == .latest
                return Match(first: k, last: i, expr: x, takesThe: true)
            }
        }
        // "to last several weeks", "could last two days": "last" the verb (the window needs "the" or a preposition).
        if r == .last, !the, i == k + 1, previousRole(k) == .to || (!Self.isPreposition(previousRole(k)) && previousRole(k) != .over) { return nil }
        // "the past three months", "the next few years", "the last twenty four hours"
        if r != .this, r != .that, r != .current, let (count, after) = count(i), after < n, adj(after - 1, after),
           let u = entry(after), u.kind == .unit, let unit = u.unit, u.plural || count == 1 {
            var x = TimeExpression(type: .duration)
            x.unit = unit; x.count = count; x.window = offset
            return Match(first: k, last: after, expr: x, takesThe: true)
        }
        // "the past" on its own is a vague past, but not before a count of something other than time units
        // ("for the past three seasons", "over the past two elections").
        if r == .past, the, count(i) == nil { return Match(first: k, last: k, expr: TimeExpression(type: .date, anchor: .reference("PAST_REF")), takesThe: true) }
        return nil
    }

    /// A count before a unit: digits, number words ("twenty four", "twenty-four"), "a", "a few", "several",
    /// "a couple of". Returns the count (`nil` for vague ones) and the index of the token after it.
    func count(_ k: Int) -> (Int?, Int)? {
        guard k < n else { return nil }
        let t = tokens[k]
        if t.entry < 0 {
            guard t.number >= 0, t.flags & (TimeToken.ordinalSuffix | TimeToken.decade) == 0, t.digits <= 6 else { return nil }
            return (t.number, k + 1)
        }
        let e = entries[Int(t.entry)]
        if e.kind == .number {
            var value = 0, current = 0
            var i = k
            while i < n, let x = entry(i), x.kind == .number, i == k || adj(i - 1, i) {
                let v = x.number
                if v == 100 || v == 1000 { current = max(current, 1) * v; if v == 1000 { value += current; current = 0 } }
                else if v == 12, i > k { break }
                else if current % 10 != 0 || (current % 100 != 0 && v >= 10) { break }
                else { current += v }
                i += 1
            }
            return (value + current, i)
        }
        guard e.kind == .word else { return nil }
        switch e.role {
        case .article:
            // "a few", "a couple of", "a hundred", "a year"
            if adj(k, k + 1), role(k + 1) == .few { return (nil, k + 2) }
            if adj(k, k + 1), role(k + 1) == .couple, adj(k + 1, k + 2), role(k + 2) == .of { return (2, k + 3) }
            if adj(k, k + 1), let x = entry(k + 1), x.kind == .number, x.number == 100 || x.number == 1000 || x.number == 12 {
                return (x.number, k + 2)
            }
            return (1, k + 1)
        case .few, .several:
            return (nil, k + 1)
        case .couple:
            if adj(k, k + 1), role(k + 1) == .of { return (2, k + 2) }
            return nil
        default:
            return nil
        }
    }

    /// Numbers: dates ("31 July 2018", "2018-07-31", "31/07/2018"), clock times, years, decades, "two weeks ago", "ten days".
    private func numberLed(_ k: Int, the: Bool) -> Match? {
        let t = tokens[k]
        if t.entry < 0 {
            // 2018-07-31
            if isYear(k), k + 2 < n, tokens[k + 1].gap == .hyphen, tokens[k + 2].gap == .hyphen,
               tokens[k + 1].word == t.word + 1, tokens[k + 2].word == t.word + 2,
               tokens[k + 1].digits == 2, tokens[k + 2].digits == 2, tokens[k + 1].entry < 0, tokens[k + 2].entry < 0,
               CalendarDayCheck.valid(t.number, tokens[k + 1].number, tokens[k + 2].number) {
                return Match(first: k, last: k + 2, expr: TimeExpression(type: .date, anchor: .date(year: t.number, month: tokens[k + 1].number, day: tokens[k + 2].number)))
            }
            // 31/07/2018: day first unless impossible.
            if t.digits <= 2, k + 2 < n, tokens[k + 1].gap == .slash, tokens[k + 2].gap == .slash,
               tokens[k + 1].word == t.word + 1, tokens[k + 2].word == t.word + 2, tokens[k + 1].digits <= 2,
               tokens[k + 1].entry < 0, tokens[k + 2].entry < 0, tokens[k + 2].digits == 4 || tokens[k + 2].digits == 2 {
                let a = t.number, b = tokens[k + 1].number
                var y = tokens[k + 2].number
                if tokens[k + 2].digits == 2 { y += y < 50 ? 2000 : 1900 }
                var md: (Int, Int)?
                if CalendarDayCheck.valid(y, b, a) { md = (b, a) } else if CalendarDayCheck.valid(y, a, b) { md = (a, b) }
                guard let (m, d) = md else { return nil }
                var x = TimeExpression(type: .date, anchor: .date(year: y, month: m, day: d))
                // "08/07/1998": both readings are days; the resolver takes the one nearer the publication date.
                x.dayMonthAmbiguous = a != b && CalendarDayCheck.valid(y, a, b) && CalendarDayCheck.valid(y, b, a)
                return Match(first: k, last: k + 2, expr: x)
            }
            // Clock times.
            if let m = clock(k) { return m }
            // "31 July 2018", "30th July"
            if isDayNumber(k), adjSpace(k, k + 1), let me = entry(k + 1), me.kind == .month || me.kind == .monthAbbr, isCapitalised(k + 1) {
                return monthDate(month: k + 1, day: t.number, first: k)
            }
            // "the 30th of July"
            if t.has(TimeToken.ordinalSuffix), isDayNumber(k), adj(k, k + 1), role(k + 1) == .of, adj(k + 1, k + 2),
               let me = entry(k + 2), me.kind == .month || me.kind == .monthAbbr, isCapitalised(k + 2) {
                var m = monthDate(month: k + 2, day: t.number, first: k)
                m?.takesThe = true
                return m
            }
            if t.has(TimeToken.ordinalSuffix), let m = ordinalLed(k, the: the) { return m }
            // Decades: "1990s", "the '80s", "the mid-1990s"
            if t.has(TimeToken.decade) {
                if t.digits == 4, t.number % 10 == 0, t.number >= 1000 {
                    return Match(first: k, last: k, expr: TimeExpression(type: .date, anchor: .decade(t.number / 10)), takesThe: true)
                }
                if t.digits == 2, t.number % 10 == 0 {
                    return Match(first: k, last: k, expr: TimeExpression(type: .date, anchor: .decade(190 + t.number / 10)), takesThe: true)
                }
                return nil
            }
            if isYear(k) {
                // "the 1996-2000 period": the end of a span of years is not a year of its own.
                if k > 0, t.gap == .hyphen || t.gap == .slash, tokens[k - 1].word == t.word - 1, tokens[k - 1].entry < 0 { return nil }
                // "1988 third quarter"
                if adj(k, k + 1), let q = quarterAt(k + 1, year: t.number) { return Match(first: k, last: q.last, expr: q.expr, takesThe: true) }
                // "the 1988 period", "the 1988 quarter": the quarter the text is about, in that year.
                if adjSpace(k, k + 1), (entry(k + 1)?.unit == .quarter && entry(k + 1)?.plural == false) || role(k + 1) == .period {
                    var x = TimeExpression(type: .date, anchor: .date(year: t.number, month: nil, day: nil))
                    x.inheritsQuarter = true
                    return Match(first: k, last: k + 1, expr: x, takesThe: true)
                }
                if yearStandsAlone(k) {
                    return Match(first: k, last: k, expr: TimeExpression(type: .date, anchor: .date(year: t.number, month: nil, day: nil)))
                }
                return nil
            }
        }
        // "in '98", "the '98 elections"
        if let year = apostropheYear(k), !t.has(TimeToken.afterAmount) {
            return Match(first: k, last: k, expr: TimeExpression(type: .date, anchor: .date(year: year, month: nil, day: nil)))
        }
        // "nineteen ninety-six"
        if t.entry >= 0, let (year, last) = yearAt(k) {
            return Match(first: k, last: last, expr: TimeExpression(type: .date, anchor: .date(year: year, month: nil, day: nil)))
        }
        // Ordinals as words are handled by ordinalLed; here counts before units.
        guard var (value, after) = count(k) else { return nil }
        // "two and a half years", "2 1/2 years"
        var half = false
        if value != nil, let h = halfAfterCount(after) { half = true; after = h }
        guard after < n, adj(after - 1, after), let u = entry(after), u.kind == .unit, let unit = u.unit else { return nil }
        // "a minute and a half", "a year and a half"
        var last = after
        // "a week or so ago": "or so" hedges the count.
        if orSo(after) { after += 2; last = after }
        if !half, value != nil, let h = halfAfterCount(after + 1), tokens[after + 1].word == tokens[after].word + 1 {
            half = true; last = h - 1
        }
        // A number written with digits right after a capitalised word is an identifier ("Channel 10"),
        // unless a plural unit follows ("met Blair 10 days ago").
        if t.entry < 0, t.has(TimeToken.afterName), !u.plural { return nil }
        let hyphenated = tokens[after].gap == .hyphen
        // "a year-earlier figure": the compound adjective starts at the unit.
        if after + 1 < n, tokens[after + 1].gap == .hyphen, tokens[after + 1].word == tokens[after].word + 1,
           role(after + 1) == .earlier || role(after + 1) == .ago { return nil }
        // "three-quarters" is a fraction; "a two-year term" an adjective (singular).
        if hyphenated, u.plural { return nil }
        if u.plural, let v = value, v == 1, !half { return nil }
        // "52 years old", "a 35-year-old man": ages, not durations.
        if adj(after, after + 1), role(after + 1) == .old { return nil }
        // "two weeks ago", "a year earlier", "three days later", "a week from now"
        if adj(after, after + 1) {
            let r = role(after + 1)
            if r == .ago || r == .earlier || r == .later {
                var x = TimeExpression(type: .date, anchor: .unitsAgo(unit, value, sign: r == .later ? 1 : -1))
                // "a year ago" in a quarterly report is the same quarter a year back; "20 years ago" is just a year.
                x.inheritsQuarter = unit == .year && value == 1
                // "a week later", "two days earlier": counted from the time the text last named.
                x.fromReference = r != .ago
                return Match(first: k, last: after + 1, expr: x)
            }
            if r == .from, adj(after + 1, after + 2), let x = entry(after + 2), x.kind == .reference, x.code == "PRESENT_REF" {
                return Match(first: k, last: after + 2, expr: TimeExpression(type: .date, anchor: .unitsAgo(unit, value, sign: 1)))
            }
        }
        // "$5 a year", "13% a year", "three times a week": a rate.
        let pr = previousRole(k)
        if tokens[k].has(TimeToken.afterAmount) || pr == .amount || pr == .frequency, role(k) == .article, !u.plural {
            var x = TimeExpression(type: .set)
            x.setValue = TimeResolver.durationValue(count: 1, unit: unit)
            // "twice a week" is one expression.
            return Match(first: pr == .frequency ? k - 1 : k, last: after, expr: x)
        }
        var x = TimeExpression(type: .duration)
        x.unit = unit; x.count = value; x.half = half
        return Match(first: k, last: last, expr: x, takesThe: !hyphenated)
    }

    /// Whether "or so" follows token `k`.
    /// The last token of `m` with what TimeML takes into one expression after it: a second plural unit joined by "or"/"and"
    /// ("weeks or months", "recent weeks and months"; the value stays the first unit's) and an open end after a date
    /// with a year ("1994 or later", "1990 and beyond", "June 2017 or earlier": mod ON_OR_AFTER / ON_OR_BEFORE).
    func extendedEnd(_ m: Match) -> Int {
        let l = m.last
        guard l + 2 < n, adjSpace(l, l + 1), adjSpace(l + 1, l + 2) else { return l }
        let joint = role(l + 1)
        guard joint == .or || joint == .and else { return l }
        if let a = entry(l), a.kind == .unit, a.plural, let b = entry(l + 2), b.kind == .unit, b.plural, !isCapitalised(l + 2),
           m.expr.type == .duration || (m.expr.type == .date && m.expr.window != 0) {
            return l + 2
        }
        if m.expr.type == .date, m.expr.part == nil, case .date(.some, _, _) = m.expr.anchor,
           joint == .or ? (role(l + 2) == .later || role(l + 2) == .earlier) : role(l + 2) == .beyond,
           l + 3 >= n || !adjSpace(l + 2, l + 3) || !(role(l + 3) == .this || role(l + 3) == .in || role(l + 3) == .that || role(l + 3) == .than) {
            return l + 2
        }
        return l
    }

    func orSo(_ k: Int) -> Bool {
        adjSpace(k, k + 1) && role(k + 1) == .or && adjSpace(k + 1, k + 2) && role(k + 2) == .so
    }

    /// "and a half" or "1/2" starting at token `k` (after a count or a unit): the index of the token after it.
    func halfAfterCount(_ k: Int) -> Int? {
        guard k > 0, k + 2 < n else { return nil }
        if role(k) == .and, adjSpace(k - 1, k), role(k + 1) == .article, adjSpace(k, k + 1), role(k + 2) == .half, adjSpace(k + 1, k + 2) {
            return k + 3
        }
        if tokens[k].entry < 0, tokens[k].number == 1, tokens[k].digits == 1, adjSpace(k - 1, k), tokens[k - 1].entry < 0,
           tokens[k + 1].entry < 0, tokens[k + 1].number == 2, tokens[k + 1].digits == 1, tokens[k + 1].gap == .slash,
           tokens[k + 1].word == tokens[k].word + 1 {
            return k + 2
        }
        return nil
    }

    /// A year after a month or "of": digits ("1988") or words ("nineteen ninety-six"); returns it and its last token.
    func yearAt(_ k: Int) -> (Int, Int)? {
        if isYear(k) { return (tokens[k].number, k) }
        if let y = apostropheYear(k) { return (y, k) }
        guard let e = entry(k), e.kind == .number, e.number >= 10, e.number <= 20, adj(k, k + 1), let tens = entry(k + 1),
              tens.kind == .number, tens.number >= 20, tens.number < 100, tens.number % 10 == 0 else { return nil }
        var year = e.number * 100 + tens.number, last = k + 1
        if adj(k + 1, k + 2), let units = entry(k + 2), units.kind == .number, units.number < 10 { year += units.number; last = k + 2 }
        return (year, last)
    }

    /// "'98" → 1998, "'05" → 2005 (two digits after an apostrophe; below 30 the 2000s).
    @inline(__always) func apostropheYear(_ k: Int) -> Int? {
        guard k < n, tokens[k].has(TimeToken.apostropheYear), tokens[k].digits == 2, tokens[k].number >= 0 else { return nil }
        let v = tokens[k].number
        return v < 30 ? 2000 + v : 1900 + v
    }

    /// Whether a bare four-digit number is a year: after a time preposition or a month, or standing before
    /// punctuation, and not right after a capitalised name ("Resolution 2018") or before a noun ("2000 people").
    private func yearStandsAlone(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.number >= 1900, t.number <= 2099, !t.has(TimeToken.afterAmount) else { return false }
        // A decimal ("closed at 2082.1") is a quantity, whatever precedes it.
        if k + 1 < n, tokens[k + 1].entry < 0, tokens[k + 1].gap == .period, tokens[k + 1].start == t.end + 1 { return false }
        let prev = previousRole(k)
        if Self.isPreposition(prev) || prev == .fiscal { return true }
        // "some 2000 people", "over 2000 people": a quantity.
        if prev == .approx || prev == .approxDate || prev == .more || prev == .least || prev == .over { return false }
        // Right after a capitalised name it is an identifier ("Resolution 2018", "Channel 1990").
        if t.has(TimeToken.afterName) || (k > 0 && tokens[k - 1].word == t.word - 1 && tokens[k - 1].entry < 0) { return false }
        // A decimal ("1990.5") or a number range ("1990-95") is not a year on its own.
        if k + 1 < n, tokens[k + 1].word == t.word + 1, tokens[k + 1].entry < 0,
           tokens[k + 1].gap == .period || tokens[k + 1].gap == .hyphen || tokens[k + 1].gap == .colon { return false }
        return true
    }

    /// "10:30 a.m.", "11:32 GMT", "7pm", "12 o'clock", "1130 GMT", then an optional day: "10 p.m. Wednesday".
    private func clock(_ k: Int, trailingDay: Bool = true) -> Match? {
        let t = tokens[k]
        var hour = -1, minute = 0
        var second: Int?
        var i = k
        if t.digits <= 2, t.number <= 24, k + 1 < n, tokens[k + 1].gap == .colon, tokens[k + 1].word == t.word + 1,
           tokens[k + 1].digits == 2, tokens[k + 1].entry < 0, tokens[k + 1].number < 60 {
            hour = t.number; minute = tokens[k + 1].number; i = k + 1
            if k + 2 < n, tokens[k + 2].gap == .colon, tokens[k + 2].word == t.word + 2, tokens[k + 2].digits == 2 {
                i = k + 2
                if tokens[k + 2].entry < 0, tokens[k + 2].number < 60 { second = tokens[k + 2].number }
            }
        } else if t.digits <= 2, t.number <= 12, adj(k, k + 1), Self.isClockWord(role(k + 1)) {
            hour = t.number
        } else if t.digits == 4, t.number % 100 < 60, t.number / 100 <= 24, adj(k, k + 1), role(k + 1) == .zone || role(k + 1) == .hrs {
            hour = t.number / 100; minute = t.number % 100
        } else {
            return nil
        }
        var sawMarker = i > k
        if adj(i, i + 1) {
            switch role(i + 1) {
            case .am: if hour == 12 { hour = 0 }; i += 1; sawMarker = true
            case .pm: if hour < 12 { hour += 12 }; i += 1; sawMarker = true
            case .oclock: i += 1; sawMarker = true
            default: break
            }
        }
        if adjComma(i, i + 1), role(i + 1) == .zone || role(i + 1) == .hrs { i += 1; sawMarker = true }
        guard sawMarker, hour <= 24 else { return nil }
        var x = TimeExpression(type: .time)
        x.hour = hour; x.minute = minute; x.second = second
        let m = Match(first: k, last: i, expr: x)
        return trailingDay ? withTrailingDay(m) : m
    }

    /// "noon Thursday", "5 p.m. EST, Nov. 9": a clock time takes the day written right after it.
    private func withTrailingDay(_ m: Match) -> Match {
        let i = m.last
        guard adjComma(i, i + 1), let d = dayTarget(i + 1) else { return m }
        // "midnight tonight": the clock time on that day.
        var isDayRef = false
        if case .dayOffset = d.expr.anchor { isDayRef = true }
        guard (d.expr.type == .date && d.expr.partOfDay == nil) || (isDayRef && d.expr.hour == nil) else { return m }
        var x = d.expr
        x.type = .time; x.partOfDay = nil; x.hour = m.expr.hour; x.minute = m.expr.minute; x.second = m.expr.second
        return Match(first: m.first, last: d.last, expr: x)
    }

    /// Month first: "July 31st", "July 31, 2018", "Sept. 30", "February 2018", "July of 2018", "June last year", "February".
    private func monthLed(_ k: Int) -> Match? {
        guard isCapitalised(k) else { return nil }
        if adjSpace(k, k + 1), isDayNumber(k + 1) {
            return monthDate(month: k, day: tokens[k + 1].number, first: k, dayToken: k + 1)
        }
        // "March eighth", "June first" (spoken style); not inside a name ("Theresa May first said").
        if adjSpace(k, k + 1), !tokens[k].has(TimeToken.afterName), let e = entry(k + 1), e.kind == .ordinal, let d = ordinalDay(k + 1),
           !tokens[k + 1].has(TimeToken.wordFollows), !(adj(k + 1, k + 2) && entry(k + 2)?.kind == .unit), let m = monthDate(month: k, day: d, first: k, dayToken: k + 1) {
            return m
        }
        return monthDate(month: k, day: nil, first: k)
    }

    private func monthDate(month mk: Int, day: Int?, first: Int, dayToken: Int? = nil) -> Match? {
        let me = entry(mk)!
        let month = me.number
        var last = dayToken ?? mk
        var year: Int?
        if adjComma(last, last + 1), let (y, end) = yearAt(last + 1) {
            year = y; last = end
        } else if day == nil, adj(mk, mk + 1), role(mk + 1) == .of, adj(mk + 1, mk + 2), let (y, end) = yearAt(mk + 2) {
            year = y; last = end
        }
        if let day {
            guard day <= CalendarDay.daysIn(month: month, year: year ?? 2000) else { return nil }
            if let year, !CalendarDayCheck.valid(year, month, day) { return nil }
            return Match(first: first, last: last, expr: TimeExpression(type: .date, anchor: .date(year: year, month: month, day: day)))
        }
        if year != nil {
            return Match(first: first, last: last, expr: TimeExpression(type: .date, anchor: .date(year: year, month: month, day: nil)))
        }
        // "August of last year", "March of this year"
        if day == nil, me.kind == .month, adj(mk, mk + 1), role(mk + 1) == .of, adj(mk + 1, mk + 2),
           let (ref, end) = yearOf(mk + 2), case .relative(let yo) = ref, role(mk + 2) != .the {
            return Match(first: first, last: end, expr: TimeExpression(type: .date, anchor: .monthInYear(month, yearOffset: yo)))
        }
        // "June last year", "January this year"
        let r = role(mk + 1)
        if adj(mk, mk + 1), r == .last || r == .this || r == .next,
           adj(mk + 1, mk + 2), let u = entry(mk + 2), u.kind == .unit, u.unit == .year, !u.plural {
            let yo = r == .last ? -1 : (r == .next ? 1 : 0)
            return Match(first: first, last: mk + 2, expr: TimeExpression(type: .date, anchor: .monthInYear(month, yearOffset: yo)))
        }
        // A bare month: an abbreviation never; a full name after a time preposition, or not followed by a word.
        // …and not inside a name: "Theresa May", "May Day Parade".
        guard me.kind == .month, !tokens[mk].has(TimeToken.nameFollows), !tokens[mk].has(TimeToken.afterName) else { return nil }
        let prev = previousRole(mk)
        // "a June agreement", "the March elections": after an article, before a noun.
        let beforeNoun = (prev == .article || prev == .the) && tokens[mk].has(TimeToken.wordFollows)
        guard Self.isPreposition(prev) || beforeNoun || (!tokens[mk].has(TimeToken.wordFollows) && !tokens[mk].has(TimeToken.sentenceStart)) else { return nil }
        return Match(first: first, last: mk, expr: TimeExpression(type: .date, anchor: .date(year: nil, month: month, day: nil)))
    }

    /// "Christmas", "Christmas Day", "Christmas Eve", "New Year's Eve", "Christmas 2017": a fixed day of the year.
    private func holidayLed(_ k: Int, month: Int, day: Int, first: Int? = nil) -> Match? {
        guard isCapitalised(k) else { return nil }
        var m = month, d = day, last = k
        if adjSpace(k, k + 1), isCapitalised(k + 1) {
            if role(k + 1) == .eve {
                // the day before
                if d > 1 { d -= 1 } else { m = m == 1 ? 12 : m - 1; d = CalendarDay.daysIn(month: m, year: 2001) }
                last = k + 1
            } else if let u = entry(k + 1), u.kind == .unit, u.unit == .day, !u.plural {
                last = k + 1
            }
        }
        var year: Int?
        if adjComma(last, last + 1), isYear(last + 1) { year = tokens[last + 1].number; last += 1 }
        return Match(first: first ?? k, last: last, expr: TimeExpression(type: .date, anchor: .date(year: year, month: m, day: d)))
    }

    /// An Islamic month or feast day, with an optional Gregorian year after it ("Ramadan 2018").
    private func islamicLed(_ k: Int, _ code: Int, first: Int) -> Match? {
        var year: Int?
        var last = k
        if adjComma(k, k + 1), isYear(k + 1) { year = tokens[k + 1].number; last = k + 1 }
        return Match(first: first, last: last, expr: TimeExpression(type: .date, anchor: .islamic(month: code / 100, day: code % 100, year: year)))
    }

    /// "Saturday", "last Wednesday", "Tuesday morning", "Friday, Oct. 27".
    private func weekdayLed(_ k: Int, relation: Int?, first: Int) -> Match? {
        guard isCapitalised(k) else { return nil }
        let wd = entry(k)!.number
        // "on Mondays", "Tuesday nights": a recurring day.
        let podAfter = adj(k, k + 1) ? entry(k + 1) : nil
        if relation == nil, entry(k)!.plural || (podAfter?.kind == .partOfDay && podAfter!.plural) {
            var x = TimeExpression(type: .set)
            x.setValue = "XXXX-WXX-\(wd)"
            if let pod = podAfter, pod.kind == .partOfDay { x.setValue! += "T" + pod.code; return Match(first: first, last: k + 1, expr: x) }
            return Match(first: first, last: k, expr: x)
        }
        if relation == nil, tokens[k].has(TimeToken.nameFollows) {
            let prev = previousRole(k)
            guard Self.opensWeekdayBeforeName(prev) else { return nil }
        }
        // "Friday, Oct. 27, 1989": the date wins.
        if adjComma(k, k + 1), kind(k + 1) != .partOfDay, let m = core(k + 1, the: false), case .date(_, .some, .some) = m.expr.anchor {
            return Match(first: first, last: m.last, expr: m.expr)
        }
        var x = TimeExpression(type: .date, anchor: .weekday(wd, relation: relation))
        var last = k
        if adj(k, k + 1), let pod = entry(k + 1), pod.kind == .partOfDay, !pod.plural {
            x.type = .time; x.partOfDay = pod.code; last = k + 1
        }
        return Match(first: first, last: last, expr: x, takesThe: relation != nil)
    }

    /// "the summer", "summer 2018", "the summer of 2018", "last spring" (through relationLed).
    private func seasonLed(_ k: Int, offset: Int?, first: Int, the: Bool) -> Match? {
        let e = entry(k)!
        guard !e.plural else { return nil }
        if adjComma(k, k + 1), isYear(k + 1) {
            return Match(first: first, last: k + 1, expr: TimeExpression(type: .date, anchor: .season(e.code, year: tokens[k + 1].number, offset: nil)), takesThe: true)
        }
        if adj(k, k + 1), role(k + 1) == .of, adj(k + 1, k + 2), let (y, end) = yearAt(k + 2) {
            return Match(first: first, last: end, expr: TimeExpression(type: .date, anchor: .season(e.code, year: y, offset: nil)), takesThe: true)
        }
        // Otherwise only after "this"/"last"…, a preposition, or "the" after a preposition ("in the fall").
        // ("to fall apart", "and spring back": not after "to", "and", "for").
        func opens(_ r: Role) -> Bool { (Self.isPreposition(r) && r != .to && r != .and && r != .for) || r == .over }
        var context = offset != nil || opens(previousRole(k))
        if !context, previousRole(k) == .the, k >= 2, tokens[k - 1].word == tokens[k].word - 1, opens(previousRole(k - 1)) { context = true }
        guard context else { return nil }
        // "fall" is also a verb and a noun ("the fall of Raqqa"): a season needs no "of" after it.
        if adj(k, k + 1), role(k + 1) == .of || role(k + 1) == .in { return nil }
        return Match(first: first, last: k, expr: TimeExpression(type: .date, anchor: .season(e.code, year: nil, offset: offset)), takesThe: true)
    }

    /// "third quarter", "third-quarter", "the first half", "the third quarter of 1990".
    /// "the last quarter of 2017" (`lastOne`: the fourth), "the second half of the year".
    private func quarterAt(_ k: Int, year: Int?, lastOne: Bool = false) -> Match? {
        guard lastOne || ordinalDay(k) != nil, adj(k, k + 1) else { return nil }
        let isQuarter: Bool
        if let u = entry(k + 1), u.kind == .unit, u.unit == .quarter, !u.plural { isQuarter = true }
        else if role(k + 1) == .half { isQuarter = false }
        else { return nil }
        let q = lastOne ? (isQuarter ? 4 : 2) : ordinalDay(k)!
        guard q >= 1, q <= (isQuarter ? 4 : 2) else { return nil }
        var y = year
        var last = k + 1
        if y == nil, adj(k + 1, k + 2), role(k + 2) == .of, adj(k + 2, k + 3), let (year, end) = yearOf(k + 3) {
            // "of 2017", "of the year", "of last year"
            last = end
            switch year {
            case .absolute(let a): y = a
            case .relative(let o):
                return Match(first: k, last: last, expr: TimeExpression(type: .date, anchor: .quarterInYear(q, yearOffset: o, half: !isQuarter)), takesThe: true)
            }
        }
        else if y == nil, adjComma(k + 1, k + 2), isYear(k + 2), !tokens[k + 2].has(TimeToken.wordFollows) { y = tokens[k + 2].number; last = k + 2 }
        if lastOne, y == nil { return nil }
        // "third-quarter profit": an adjective, without the article.
        return Match(first: k, last: last, expr: TimeExpression(type: .date, anchor: .quarter(q, year: y, half: !isQuarter)),
                     takesThe: tokens[k + 1].gap != .hyphen)
    }

    enum YearRef { case absolute(Int), relative(Int) }

    /// A year after "of": "2017", "nineteen ninety-six", "the year" / "this year" (0), "last year" (-1), "next year" (+1).
    func yearOf(_ k: Int) -> (YearRef, Int)? {
        if let (y, end) = yearAt(k) { return (.absolute(y), end) }
        let r = role(k)
        guard r == .the || r == .this || r == .last || r == .next, adj(k, k + 1), let u = entry(k + 1), u.kind == .unit,
              u.unit == .year, !u.plural else { return nil }
        return (.relative(r == .last ? -1 : (r == .next ? 1 : 0)), k + 1)
    }

    /// "the first week of August", "the last week of July": a week-long stretch of a month.
    private func weekOfMonth(_ k: Int, lastOne: Bool) -> Match? {
        guard adj(k, k + 1), let u = entry(k + 1), u.kind == .unit, u.unit == .week, !u.plural,
              adj(k + 1, k + 2), role(k + 2) == .of, adj(k + 2, k + 3), let m = core(k + 3, the: false) else { return nil }
        let n = lastOne ? -1 : (ordinalDay(k) ?? 0)
        guard n == -1 || (1...4).contains(n) else { return nil }
        switch m.expr.anchor {
        case .date(_, .some, nil), .relativeMonth, .monthInYear: break
        default: return nil
        }
        var x = m.expr
        x.weekOfMonth = n
        return Match(first: k, last: m.last, expr: x, takesThe: true)
    }

    private func ordinalLed(_ k: Int, the: Bool) -> Match? {
        if let m = quarterAt(k, year: nil) { return m }
        if let m = weekOfMonth(k, lastOne: false) { return m }
        // "the 20th century", "the twenty-first century"
        if let c = ordinalDay(k), c >= 1, adj(k, k + 1), let u = entry(k + 1), u.kind == .unit, u.unit == .century, !u.plural {
            return Match(first: k, last: k + 1, expr: TimeExpression(type: .date, anchor: .century(c - 1)), takesThe: true)
        }
        // "first of May", "the third of June"
        if let d = ordinalDay(k), adj(k, k + 1), role(k + 1) == .of, adj(k + 1, k + 2),
           let me = entry(k + 2), me.kind == .month || me.kind == .monthAbbr, isCapitalised(k + 2) {
            var m = monthDate(month: k + 2, day: d, first: k)
            m?.takesThe = true
            return m
        }
        // "the 15th" on its own: a day of the month the text is about (not "the 15th Brigade", "the 3rd time").
        if the, tokens[k].entry < 0, let d = ordinalDay(k), !tokens[k].has(TimeToken.wordFollows), !tokens[k].has(TimeToken.nameFollows),
           !(k + 1 < n && tokens[k + 1].word == tokens[k].word + 1 && tokens[k + 1].gap != .comma && tokens[k + 1].gap != .period) {
            var x = TimeExpression(type: .date, anchor: .dayOfMonth(d))
            x.fromReference = true
            return Match(first: k, last: k, expr: x, takesThe: true)
        }
        // "the first nine months"
        if the, adj(k, k + 1), let (c, after) = count(k + 1), c != nil, after < n, adj(after - 1, after),
           let u = entry(after), u.kind == .unit, u.plural {
            var x = TimeExpression(type: .duration)
            x.unit = u.unit; x.count = c
            return Match(first: k, last: after, expr: x, takesThe: true)
        }
        return nil
    }

    /// "year-end", "year end", "the year's end", "year-earlier", "the weekend".
    private func unitLed(_ k: Int, _ e: TimeLexicon.Entry, the: Bool) -> Match? {
        guard let unit = e.unit else { return nil }
        if e.plural {
            // "the weeks ahead", "in the years ahead": an unspecified stretch starting at the anchor, as "the next few weeks".
            if the, unit != .weekend, adjSpace(k, k + 1), role(k + 1) == .ahead, !(adj(k + 1, k + 2) && role(k + 2) == .of) {
                var x = TimeExpression(type: .duration)
                x.unit = unit; x.count = nil; x.window = 1
                return Match(first: k, last: k + 1, expr: x, takesThe: true)
            }
            // "for decades", "within days": an unspecified duration.
            let prev = previousRole(k)
            // "for the first time in years" (not "in years of war", "in days past").
            let inAlone = prev == .in && !tokens[k].has(TimeToken.wordFollows) && !(adj(k, k + 1) && role(k + 1) == .of)
            guard !the, prev == .for || prev == .within || inAlone, unit != .weekend else { return nil }
            var x = TimeExpression(type: .duration)
            x.unit = unit; x.count = nil
            return Match(first: k, last: k, expr: x)
        }
        // "the year 2000", "the year two thousand"
        if unit == .year, the, adjSpace(k, k + 1) {
            if let (y, end) = yearAt(k + 1) {
                return Match(first: k, last: end, expr: TimeExpression(type: .date, anchor: .date(year: y, month: nil, day: nil)), takesThe: true)
            }
            if kind(k + 1) == .number, let (cv, after) = count(k + 1), let c = cv, (1000...2199).contains(c) {
                return Match(first: k, last: after - 1, expr: TimeExpression(type: .date, anchor: .date(year: c, month: nil, day: nil)), takesThe: true)
            }
        }
        if unit == .year || unit == .month, k + 1 < n, tokens[k + 1].word == tokens[k].word + 1 {
            let r = role(k + 1)
            // "year-end", "by month-end", "month end"
            if r == .end, tokens[k + 1].gap == .hyphen || tokens[k + 1].gap == .space {
                var x = TimeExpression(type: .date, anchor: .unitOffset(unit, 0))
                x.part = .end
                return Match(first: k, last: k + 1, expr: x, takesThe: true)
            }
            if unit == .year, r == .earlier || r == .ago, tokens[k + 1].gap == .hyphen {
                // "the year-ago quarter", "the year-earlier period"
                var x = TimeExpression(type: .date, anchor: .unitsAgo(.year, 1, sign: -1))
                x.inheritsQuarter = true
                var last = k + 1
                if adjSpace(k + 1, k + 2), (entry(k + 2)?.unit == .quarter && entry(k + 2)?.plural == false) || role(k + 2) == .period { last = k + 2 }
                return Match(first: k, last: last, expr: x, takesThe: last > k + 1)
            }
        }
        // "the quarter": the one the text is about, or the last one reported.
        if unit == .quarter, the, !tokens[k].has(TimeToken.possessive) {
            var x = TimeExpression(type: .date, anchor: .unitOffset(.quarter, -1))
            x.inheritsQuarter = true
            return Match(first: k, last: k, expr: x, takesThe: true)
        }
        // "for the year", "for the fiscal year", "the first nine months of the year": the year the text is about (a
        // whole-year DATE); not before a plain word ("for the year ended June 30" is a year-long stretch).
        if unit == .year, the, !e.plural, !tokens[k].has(TimeToken.wordFollows), !tokens[k].has(TimeToken.nameFollows),
           !tokens[k].has(TimeToken.possessive) {
            let article = role(k - 1) == .fiscal && adj(k - 1, k) ? k - 2 : k - 1
            if role(article) == .the, adj(article, article + 1) {
                let before = previousRole(article)
                let afterPeriod = before == .of && article >= 2 && adj(article - 2, article - 1)
                    && entry(article - 2)?.kind == .unit && entry(article - 2)?.plural == true
                if before == .for || afterPeriod {
                    return Match(first: k, last: k, expr: TimeExpression(type: .date, anchor: .unitOffset(.year, 0)), takesThe: true)
                }
            }
        }
        // "the day before yesterday", "the day after tomorrow"
        if unit == .day, the, adjSpace(k, k + 1), role(k + 1) == .before || role(k + 1) == .after, adjSpace(k + 1, k + 2),
           let d = entry(k + 2), d.kind == .dayRef, !d.hasCode, d.number != 0 {
            return Match(first: k, last: k + 2, expr: TimeExpression(type: .date, anchor: .dayOffset(d.number + (role(k + 1) == .before ? -1 : 1))),
                         takesThe: true)
        }
        // "the day before", "the day after": next to the time last named.
        if unit == .day, the, adjSpace(k, k + 1), role(k + 1) == .before || role(k + 1) == .after,
           k + 2 >= n || tokens[k + 2].word != tokens[k].word + 2 || tokens[k + 2].gap != .space {
            var x = TimeExpression(type: .date, anchor: .unitOffset(.day, role(k + 1) == .before ? -1 : 1))
            x.fromReference = true
            return Match(first: k, last: k + 1, expr: x, takesThe: true)
        }
        // "the week before", "the year after": a week, month or year next to the time last named (not "the year before
        // the war", "the month before elections").
        if unit == .week || unit == .month || unit == .year, the, adjSpace(k, k + 1), role(k + 1) == .before || role(k + 1) == .after,
           !tokens[k + 1].has(TimeToken.wordFollows), !tokens[k + 1].has(TimeToken.nameFollows),
           k + 2 >= n || tokens[k + 2].word != tokens[k].word + 2 || tokens[k + 2].gap != .space {
            var x = TimeExpression(type: .date, anchor: .unitOffset(unit, role(k + 1) == .before ? -1 : 1))
            x.fromReference = true
            return Match(first: k, last: k + 1, expr: x, takesThe: true)
        }
        if unit == .weekend, the {
            return Match(first: k, last: k, expr: TimeExpression(type: .date, anchor: .unitOffset(.weekend, 0)), takesThe: true)
        }
        return nil
    }

    /// "every Friday", "each month", "every two weeks", "each July".
    private func setLed(_ k: Int) -> Match? {
        guard adj(k, k + 1) else { return nil }
        var x = TimeExpression(type: .set)
        if let e = entry(k + 1) {
            switch e.kind {
            case .weekday where isCapitalised(k + 1):
                x.setValue = "XXXX-WXX-\(e.number)"
                if adj(k + 1, k + 2), let pod = entry(k + 2), pod.kind == .partOfDay {
                    x.setValue! += "T" + pod.code
                    return Match(first: k, last: k + 2, expr: x)
                }
                return Match(first: k, last: k + 1, expr: x)
            case .month where isCapitalised(k + 1):
                x.setValue = "XXXX-" + TimeResolver.pad(e.number, 2)
                return Match(first: k, last: k + 1, expr: x)
            case .season:
                x.setValue = "XXXX-" + e.code
                return Match(first: k, last: k + 1, expr: x)
            case .partOfDay:
                x.setValue = "XXXX-XX-XXT" + e.code
                return Match(first: k, last: k + 1, expr: x)
            case .unit where !e.plural:
                x.setValue = TimeResolver.durationValue(count: 1, unit: e.unit!)
                return Match(first: k, last: k + 1, expr: x)
            default:
                break
            }
        }
        // "every other day": every second one.
        if role(k + 1) == .other, adj(k + 1, k + 2), let u = entry(k + 2), u.kind == .unit, !u.plural {
            x.setValue = TimeResolver.durationValue(count: 2, unit: u.unit!)
            return Match(first: k, last: k + 2, expr: x)
        }
        // "every two weeks", "every few days"
        if let (c, after) = count(k + 1), after < n, adj(after - 1, after), let u = entry(after), u.kind == .unit, u.plural {
            x.setValue = TimeResolver.durationValue(count: c, unit: u.unit!)
            return Match(first: k, last: after, expr: x)
        }
        return nil
    }
}

/// Validity of a year-month-day triple without building a `CalendarDay`.
enum CalendarDayCheck {
    static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        m >= 1 && m <= 12 && d >= 1 && d <= CalendarDay.daysIn(month: m, year: y)
    }
}

