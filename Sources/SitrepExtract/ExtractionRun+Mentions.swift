import SitrepCore
import SitrepKnowledge
import SitrepLanguage

/// From candidates to `EventMention`s: date, certainty, source, background, relations, evidence.
extension ExtractionRun {
    /// Events without a date in their sentence or paragraph lie in this many days before publication.
    static let beforePublicationDays = 30
    /// An event dated this many days before publication is background.
    static let backgroundDays = 60

    static let sinceKey = WordKey.of("since")

    func role(_ a: ActorSpan, _ r: ActorRole.Role) -> ActorRole { ActorRole(role: r, id: a.id, name: a.name) }

    func triggerRange(_ c: Candidate) -> TextRange {
        TextRange(start: view.tokens[c.start].range.start, end: view.tokens[c.end - 1].range.end)
    }

    /// Modifiers that make a time a deadline ("by October 15", "until mid-October"): the date of a plan, never of
    /// something that happened.
    static let deadlineModifiers: Set<String> = ["by", "until", "before"]

    /// The time expression for a trigger: the nearest in its clause, else in its sentence, else the last earlier
    /// one in its paragraph. A deadline dates only a planned or conditional event, and never carries on.
    func time(for c: Candidate, trigger: TextRange, certainty: Certainty = .asserted) -> TimeMention? {
        timeIndex(for: c, trigger: trigger, certainty: certainty).map { view.language.times[$0] }
    }

    /// `time(for:trigger:certainty:)` as an index into the language layer's times (nothing copied).
    func timeIndex(for c: Candidate, trigger: TextRange, certainty: Certainty = .asserted) -> Int? {
        let sentence = sentences[c.sentence]
        let future = certainty == .planned || certainty == .conditional
        let all = view.language.times
        // The nearest usable time in the trigger's clause, else in its sentence (first of equals), without temporaries.
        var bestAny: (Int, Int32)?, bestSame: (Int, Int32)?
        var i = firstTime(atOrAfter: sentence.range.start)
        // (Times are read in place and their modifiers from `timeMarks`: no copy of a time, no string compare.)
        while i < all.count, all[i].range.start < sentence.range.end {
            defer { i += 1 }
            let marks = timeMarks[i]
            guard marks & ExtractionRun.usableTime != 0 || (marks & ExtractionRun.sinceTime != 0 && opensWhenClause(all[i], before: trigger)),
                  sentence.range.contains(all[i].range),
                  future || marks & ExtractionRun.deadlineTime == 0 else { continue }
            // "freed soldiers captured in 2019": a time after a reduced relative participle dates that participle's
            // event, not the verb before it.
            if !c.reducedRelative, all[i].range.start >= trigger.end, bySentence[c.sentence].contains(where: { j in
                guard candidates[j].reducedRelative else { return false }
                let r = triggerRange(candidates[j]); return r.start >= trigger.end && r.end <= all[i].range.start
            }) { continue }
            let d = distance(all[i].range, trigger)
            if bestAny == nil || d < bestAny!.1 { bestAny = (i, d) }
            if bestSame == nil || d < bestSame!.1, inOneClause(all[i].range, trigger, sentence: sentence.tokens) { bestSame = (i, d) }
        }
        if c.reducedRelative {
            // Only a time after the participle, in its clause, with no other event word between.
            guard let best = bestSame, all[best.0].range.start >= trigger.end else { return nil }
            let t = all[best.0].range
            if bySentence[c.sentence].contains(where: { j in
                let r = triggerRange(candidates[j]); return r.start >= trigger.end && r.end <= t.start
            }) { return nil }
            return best.0
        }
        if let best = bestSame ?? bestAny { return best.0 }
        // A date carries on through its paragraph, unless it is background (much older than publication), a bound
        // ("by", "until", "before", "after") or opens a "since" clause.
        let windowStart = sentences[max(0, c.sentence - 12)].range.start
        var s = c.sentence - 1
        while s >= 0, sentences[s].paragraph == sentence.paragraph {
            let r = sentences[s].range
            var j = firstTime(atOrAfter: r.end) - 1
            var found: Int?
            while j >= 0, all[j].range.start >= max(r.start, windowStart) {
                if timeMarks[j] & ExtractionRun.usableTime != 0, r.contains(all[j].range) { found = j; break }
                j -= 1
            }
            s -= 1
            guard let k = found else { continue }
            if timeMarks[k] & (ExtractionRun.deadlineTime | ExtractionRun.afterTime) != 0 { return nil }
            if let start = publishedStartDay, let iv = all[k].interval,
               iv.end.dayNumber < start - ExtractionRun.backgroundDays { return nil }
            let at = view.firstToken(atOrAfter: all[k].range.start)
            let lo = max(sentences[s + 1].tokens.lowerBound, at - 6)
            if (lo..<at).contains(where: { view.keys[$0] == ExtractionRun.sinceKey }) { return nil }
            return k
        }
        return nil
    }

    static let whenKey = WordKey.of("when")

    /// "held since last Wednesday, when they were kidnapped": a "since" time followed by ", when" dates the event of
    /// the when-clause.
    func opensWhenClause(_ t: TimeMention, before trigger: TextRange) -> Bool {
        guard t.modifier == "since", t.interval != nil, t.type == .date || t.type == .time, t.range.end <= trigger.start else { return false }
        var j = view.firstToken(atOrAfter: t.range.end)
        if j < view.tokens.count, view.tokens[j].kind == .punctuation, view.firstByte(j) == 0x2C { j += 1 }
        return j < view.tokens.count && view.keys[j] == ExtractionRun.whenKey && view.tokens[j].range.start < trigger.start
    }

    /// A time that can date an event: resolved, a date or a time of day, and not opening a "since" clause.
    static func isUsable(_ t: TimeMention) -> Bool {
        t.interval != nil && (t.type == .date || t.type == .time) && t.modifier != "since"
    }

    /// `timeMarks` bits: the time can date an event (`isUsable`); its modifier is "since"; a deadline
    /// (`deadlineModifiers`); "after".
    static let usableTime: UInt8 = 1, sinceTime: UInt8 = 2, deadlineTime: UInt8 = 4, afterTime: UInt8 = 8

    /// The `timeMarks` of each of a document's times, found once per document.
    static func timeMarks(_ times: [TimeMention]) -> [UInt8] {
        // (Fields read in place through the buffer's pointer: `map` copied every time out whole, and freed it.)
        times.withUnsafeBufferPointer { p in
            [UInt8](unsafeUninitializedCapacity: p.count) { out, count in
                for i in 0..<p.count {
                    let t = p.baseAddress! + i
                    // `isUsable` field by field (a "since" time is not usable).
                    var m: UInt8 = t.pointee.interval != nil && (t.pointee.type == .date || t.pointee.type == .time) ? usableTime : 0
                    if let modifier = t.pointee.modifier {
                        if modifier == "since" { m = m & ~usableTime | sinceTime }
                        // (`deadlineModifiers` compared one by one: no hash of the string per time.)
                        if modifier == "by" || modifier == "until" || modifier == "before" { m |= deadlineTime }
                        if modifier == "after" { m |= afterTime }
                    }
                    out.initializeElement(at: i, to: m)
                }
                count = p.count
            }
        }
    }

    /// Index of the first time expression starting at or after `offset` (times are sorted by start).
    func firstTime(atOrAfter offset: Int32) -> Int {
        let all = view.language.times
        var lo = 0, hi = all.count
        while lo < hi { let mid = (lo + hi) / 2; if all[mid].range.start < offset { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// Whether a time and a trigger lie in one clause of a sentence: no clause break (";", ":", a dash, a bracket, a
    /// clause word like "which", "while", "said") between them, and a comma between them only after a fronted
    /// adverbial ("On Monday, rebels attacked …", not "The army, which shelled it on Saturday, captured it").
    func inOneClause(_ a: TextRange, _ b: TextRange, sentence r: Range<Int>) -> Bool {
        let lo = a.end <= b.start ? a.end : b.end, hi = a.end <= b.start ? b.start : a.start
        guard lo < hi else { return true }
        var comma = false
        var j = view.firstToken(atOrAfter: lo)
        while j < r.upperBound, view.tokens[j].range.end <= hi {
            if view.function[j] == .clauseBreak { return false }
            if isHardBreak(j) { if view.firstByte(j) == 0x2C { comma = true } else { return false } }
            j += 1
        }
        guard comma else { return true }
        // A fronted time: before the trigger, within the sentence's first words, no comma before it.
        guard a.end <= b.start else { return false }
        let t = view.firstToken(atOrAfter: a.start)
        guard t - r.lowerBound <= 5 else { return false }
        return !(r.lowerBound..<t).contains { isHardBreak($0) }
    }

    func distance(_ a: TextRange, _ b: TextRange) -> Int32 {
        a.end <= b.start ? b.start - a.end : (b.end <= a.start ? a.start - b.end : 0)
    }

    /// Certainty from the language layer's marks, else from cue words just before the trigger.
    func certainty(for c: Candidate, trigger: TextRange) -> Certainty {
        // The language layer's decision where its marks cover the trigger: the strongest mark, and a future inside a
        // wider possibility is possible ("feared that they would be abducted").
        if let marked = markedCertainty(at: trigger), marked != .asserted { return marked }
        let lo = max(sentences[c.sentence].tokens.lowerBound, c.start - 10)
        var best: (Int, Certainty)?
        // The matches of `matches(lexicon.certaintyCues, in: lo..<c.start)`, in order, found one by one (no list).
        var i = lo
        while i < c.start {
            i = view.nextStart(from: i, to: c.start, bit: lexicon.certaintyCues.bit)
            if i >= c.start { break }
            guard let m = lexicon.certaintyCues.longestMatch(at: i, keys: view.keys, limit: c.start,
                                                             blocks: { view.isPunctuation($0) }) else { i += 1; continue }
            i = m.end
            guard m.end <= c.start else { continue }
            // A clause break between cue and trigger ends the cue's reach (the conditional "if" opens its clause).
            let value = lexicon.certaintyCues.patterns[m.pattern].value
            let between = m.end..<c.start
            if between.contains(where: { isHardBreak($0) && view.firstByte($0) != 0x2C }) { continue }
            if value != .conditional, between.contains(where: { view.function[$0] == .clauseBreak }) { continue }
            // "Suspected militants attacked …": a hedge on who did it (an actor right after the cue), not on the event.
            if value == .possible || value == .reported, m.end < c.start,
               let a = view.actors(startingIn: m.start..<min(c.start, m.end + 3)).first, a.tokens.upperBound <= c.start { continue }
            if best == nil || m.end >= best!.0 { best = (m.end, value) }
        }
        if let best { return best.1 }
        if c.isNoun {
            // "A deal may have been struck": a modal or negation right after a noun trigger.
            let hi = min(sentences[c.sentence].tokens.upperBound, c.end + 3)
            if let m = firstMatch(lexicon.certaintyCues, in: c.end..<hi) {
                let value = lexicon.certaintyCues.patterns[m.pattern].value
                if value == .possible || value == .denied || value == .planned { return value }
            }
        }
        return .asserted
    }

    func attribution(for trigger: TextRange) -> Attribution? {
        attributionIndex(for: trigger).map { view.language.attributions[$0] }
    }

    // (`attributionIndex(for:)` is with the certainty marks' look-up, `ExtractionRun+Scopes.swift`.)

    func isBackground(_ c: Candidate, date: DayInterval?) -> Bool {
        if let date, let start = publishedStartDay,
           date.end.dayNumber < start - ExtractionRun.backgroundDays { return true }
        let s = sentences[c.sentence].tokens
        let window = max(s.lowerBound, c.start - 8)..<min(s.upperBound, c.end + 8)
        return hasMatch(lexicon.backgroundCues, in: window)
    }

    func buildMentions() -> [EventMention] {
        var live: [Int] = []
        live.reserveCapacity(candidates.count)
        for i in candidates.indices where !candidates[i].dropped { live.append(i) }
        let doc = view.document
        // The publication date, read once (not copied out of the document for every mention).
        let published = doc.published
        let publishedDay = published?.day
        // The date of an event its text does not date, the same for every such mention: said explicitly, it is only
        // known to lie before publication, never the publication day itself. (Built once, not per mention.)
        let undated = published.map {
            EventDate(start: $0.start.adding(days: -ExtractionRun.beforePublicationDays), end: $0.end, text: nil)
        }
        // "<document id>#" as bytes, built once; each mention's id is written with its number into one string.
        let idPrefix = Array("\(doc.id)#".utf8)
        var evidenceText: (Int, String) = (-1, "")
        // Times and attributions are read by index (the one a mention uses is not copied out whole).
        let times = view.language.times
        let attributions = view.language.attributions
        var out: [EventMention] = []
        out.reserveCapacity(live.count)
        for (n, i) in live.enumerated() {
            let c = candidates[i]
            let trig = triggerRange(c)
            let sentence = sentences[c.sentence]
            // Agents, patients, recipients, parties, in that order, into one list sized once.
            var roles: [ActorRole] = []
            let roleCount = c.agents.count + c.patients.count + c.recipients.count + c.parties.count
            if roleCount > 0 { roles.reserveCapacity(roleCount) }
            for a in c.agents { roles.append(role(a, .agent)) }
            for a in c.patients { roles.append(role(a, .patient)) }
            for a in c.recipients { roles.append(role(a, .recipient)) }
            for a in c.parties { roles.append(role(a, .party)) }

            var date: EventDate?
            var precision: TimePrecision?
            var interval: DayInterval?
            var certainty = certainty(for: c, trigger: trig)
            if let k = timeIndex(for: c, trigger: trig, certainty: certainty), let iv = times[k].interval {
                date = EventDate(start: iv.start, end: iv.end, text: view.text(times[k].range))
                precision = times[k].precision
                interval = iv
            } else if let undated {
                date = undated
                precision = .beforePublication
            }
            var source: String?
            var sourceID: String?
            if let k = attributionIndex(for: trig) {
                let from = attributions[k].source
                source = view.text(from)
                // (Actors read by index: only the one found is read for its id, none is copied whole.)
                let actors = view.actors
                if let j = actors.indices.first(where: { actors[$0].fromDictionary && view.range(tokens: actors[$0].tokens).overlaps(from) }) {
                    sourceID = actors[j].id
                }
                if certainty == .asserted { certainty = .reported }
            }
            let background = isBackground(c, date: interval)
            if evidenceText.0 != c.sentence { evidenceText = (c.sentence, view.text(sentence.range)) }
            // The candidate's counts and places are moved into the record (no later pass reads them): no copy of
            // each optional's strings in, and none left to free with the candidate.
            out.append(EventMention(
                id: ExtractionRun.mentionID(idPrefix, n), document: doc.id, outlet: doc.outlet, published: publishedDay,
                type: c.type, mode: c.mode, actors: roles, count: c.count.take(), fatalities: c.fatalities.take(),
                location: c.location.take(), origin: c.origin.take(), destination: c.destination.take(),
                date: date, datePrecision: precision, certainty: certainty,
                attributedTo: source, attributedToID: sourceID, trigger: trig,
                evidence: Evidence(text: evidenceText.1, range: sentence.range),
                relations: [], background: background))
        }
        addRelations(&out, live: live)
        ExtractionRun.placeRestatements(&out)
        return out
    }

    /// `<prefix><n>` (the prefix is `<document id>#` as UTF-8), written into one string: the same text as
    /// `"\(prefix)\(n)"` for `n >= 0`, without a number string and a second string grown by appending it.
    static func mentionID(_ prefix: [UInt8], _ n: Int) -> String {
        var digits = 1, rest = n / 10
        while rest > 0 { digits += 1; rest /= 10 }
        return String(unsafeUninitializedCapacity: prefix.count + digits) { buffer in
            for (k, b) in prefix.enumerated() { buffer[k] = b }
            var v = n, k = prefix.count + digits
            repeat { k -= 1; buffer[k] = UInt8(truncatingIfNeeded: 0x30 + v % 10); v /= 10 } while v > 0
            return prefix.count + digits
        }
    }

    /// Restatements take their document's one place: when every placed mention of a type in a document (told as
    /// happening, not background) names one and the same location, the mentions of that type with no place at all
    /// ("The freed hostages were handed over near Hasakah" … "were released on Tuesday") happened there too.
    static func placeRestatements(_ out: inout [EventMention]) {
        // Types grouped by a scan from each ungrouped mention (no dictionary of types, no set of place keys): the
        // groups are disjoint, so the order they are handled in changes nothing.
        let n = out.count
        guard n > 1 else { return }
        // Per mention, read once in place (a test of an optional place through the array copied and freed the whole
        // place): open to the rule, has a location, has an origin or a destination.
        let open: UInt8 = 1, located: UInt8 = 2, moved: UInt8 = 4
        var flags = [UInt8](repeating: 0, count: n)
        var types: [EventType] = []
        types.reserveCapacity(n)
        out.withUnsafeBufferPointer { p in
            for i in 0..<n {
                var f: UInt8 = !p[i].background && (p[i].certainty == .asserted || p[i].certainty == .reported) ? open : 0
                if case .some = p[i].location { f |= located }
                if case .some = p[i].origin { f |= moved }
                if case .some = p[i].destination { f |= moved }
                flags[i] = f
                types.append(p[i].type)
            }
        }
        var members: [Int] = []
        for first in 0..<n where flags[first] & open != 0 {
            let type = types[first]
            members.removeAll(keepingCapacity: true)
            for i in first..<n where flags[i] & open != 0 && types[i] == type { members.append(i); flags[i] &= ~open }
            guard members.count > 1 else { continue }
            // Every placed member names only a location, and all the same one (by id, else name); the first one's.
            var placeFrom: Int?
            var key: String?
            var one = true
            for i in members {
                if flags[i] & moved != 0 { one = false; break }
                guard flags[i] & located != 0 else { continue }
                let k = out[i].location!.id ?? out[i].location!.name
                if let key {
                    if k != key { one = false; break }
                } else {
                    key = k; placeFrom = i
                }
            }
            guard one, let placeFrom else { continue }
            let place = out[placeFrom].location
            for i in members where flags[i] & located == 0 { out[i].location = place }
        }
    }

    /// "in exchange for", "part of a deal", "in response to": the event before the cue relates to the one after it.
    func addRelations(_ out: inout [EventMention], live: [Int]) {
        for s in sentences.indices {
            let cues = relationMatches[s]
            guard !cues.isEmpty else { continue }
            for m in cues {
                let cue = lexicon.relationCues.patterns[m.pattern].value
                let before = live.enumerated().last { candidates[$0.element].sentence == s && candidates[$0.element].start < m.start }
                    ?? (s > 0 ? live.enumerated().last { candidates[$0.element].sentence == s - 1 } : nil)
                let after = live.enumerated().first {
                    let c = candidates[$0.element]
                    return c.sentence == s && c.start >= m.end && c.start <= m.end + 6
                        && (cue.targetType == nil || c.type == cue.targetType)
                }
                var a = before, b = after
                if let first = after, live.enumerated().first(where: { candidates[$0.element].sentence == s && candidates[$0.element].start < m.start }) == nil {
                    // "In exchange for the safe passage, the rebels released 12 soldiers": the cue opens the sentence,
                    // joining the event right after it to the sentence's next event.
                    a = first
                    b = live.enumerated().first { $0.offset > first.offset && candidates[$0.element].sentence == s }
                    if cue.relation != .exchange, let x = a, let y = b { a = y; b = x }
                }
                guard let a, let b, a.offset != b.offset else { continue }
                let range = TextRange(start: view.tokens[m.start].range.start, end: view.tokens[m.end - 1].range.end)
                out[a.offset].relations.append(MentionRelation(relation: cue.relation, target: out[b.offset].id, cue: range))
                if cue.relation == .exchange {
                    out[b.offset].relations.append(MentionRelation(relation: .exchange, target: out[a.offset].id, cue: range))
                }
            }
        }
    }
}
