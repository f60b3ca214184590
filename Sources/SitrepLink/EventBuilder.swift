import SitrepCore

/// Turns one cluster of mentions into a canonical event: field values by readable rules,
/// corroboration, and every disagreement as a contradiction.
struct EventBuilder {
    let rules: LinkRules
    let documentText: (String) -> String?

    /// `ev_` + 12 hex digits of the hash of the first-reported mention's id (stable across runs). FNV-1a is
    /// mixed through SplitMix64's finaliser so that ids of neighbouring mentions (`doc#3`, `doc#4`) look unlike.
    static func eventID(firstMention: String) -> String {
        "ev_" + ContentHash.hex(MinHashSignature.mix(ContentHash.fnv1a64(firstMention))).prefix(12)
    }

    /// The order mentions are listed in (and contradiction indexes point into): first reported first.
    static func reportOrder(_ a: EventMention, _ b: EventMention) -> Bool {
        let pa = a.published?.dayNumber ?? Int.max, pb = b.published?.dayNumber ?? Int.max
        if pa != pb { return pa < pb }
        return a.id < b.id
    }

    func build(_ cluster: [EventMention], merges: [MergeNote]) -> LinkedEvent {
        let ms = cluster.sorted(by: EventBuilder.reportOrder)
        let affirming = ms.indices.filter { ms[$0].certainty != .denied }
        let basis = affirming.isEmpty ? Array(ms.indices) : affirming
        var ruleText: [String: String] = [:]
        var contradictions: [Contradiction] = []

        // Type and mode: the most frequent among affirming reports, ties by vocabulary order.
        let type = mostFrequent(basis.map { ms[$0].type }, order: EventType.allCases)!
        let mode = mostFrequent(basis.compactMap { ms[$0].type == type ? ms[$0].mode : nil }, order: EventMode.allCases)
        ruleText["type_rule"] = "the type most affirming reports give (\(type.rawValue))"

        // Occurrence: reported against denied.
        if !affirming.isEmpty && affirming.count < ms.count {
            contradictions.append(Contradiction(field: .occurrence, values: ms.map { .string($0.certainty == .denied ? "denied" : $0.certainty.rawValue) },
                                                mentions: Array(ms.indices)))
        }
        let certainty = basis.map { ms[$0].certainty }.min()!
        ruleText["certainty_rule"] = affirming.isEmpty ? "every report denies it: denied"
            : "the firmest affirming report (\(certainty.rawValue))" + (affirming.count < ms.count ? "; \(ms.count - affirming.count) denial(s) listed as an occurrence contradiction" : "")

        // Date: the span of the most precise dates affirming reports give.
        let date = canonicalDate(ms, basis, &ruleText, &contradictions)

        // Places.
        let location = canonicalPlace(ms, basis, \.location, .location, "location", &ruleText, &contradictions)
        let origin = canonicalPlace(ms, basis, \.origin, .location, "origin", &ruleText, &contradictions)
        let destination = canonicalPlace(ms, basis, \.destination, .location, "destination", &ruleText, &contradictions)

        // Actors.
        let actors = canonicalActors(ms, basis, &ruleText, &contradictions)

        // Counts.
        let count = canonicalCount(ms, basis, \.count, field: "count", &ruleText, &contradictions)
        var ignored: [Contradiction] = []
        let fatalities = canonicalCount(ms, basis, \.fatalities, field: "fatalities", &ruleText, &ignored)

        let resolver = OriginResolver(registry: rules.origins, copyThreshold: rules.copyThreshold, documentText: documentText)
        var corroboration = resolver.corroboration(of: ms)
        corroboration.independentOrigins = Set(resolver.origins(of: basis.map { ms[$0] })).count
        ruleText["origins_rule"] = "independent origins count distinct original sources behind affirming reports: a named source (e.g. a monitor) once however many outlets cite it, a wire story once however many outlets reprint it, near-verbatim copies once, otherwise each outlet"

        let mentions = ms.map { m in
            MentionRecord(document: m.document, outlet: m.outlet, published: m.published, attributedTo: m.attributedTo,
                          certainty: m.certainty, evidence: m.evidence)
        }
        let first = ms.min(by: EventBuilder.reportOrder)!
        var record = EventRecord(id: EventBuilder.eventID(firstMention: first.id), type: type, mode: mode, summary: "",
                                 date: date, actors: actors, count: count, fatalities: fatalities,
                                 location: location, origin: origin, destination: destination, certainty: certainty,
                                 mentions: mentions, corroboration: corroboration, contradictions: contradictions)
        record.summary = EventSummary.text(record)
        return LinkedEvent(record: record, mentionIDs: ms.map(\.id), merges: merges, rules: ruleText)
    }

    private func mostFrequent<T: Hashable>(_ values: [T], order: [T]) -> T? {
        guard !values.isEmpty else { return nil }
        var counts: [T: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        // Ties: the earlier in `order`; values not in `order` after it, first seen first (never hash order).
        func rank(_ v: T) -> Int { order.firstIndex(of: v) ?? order.count + values.firstIndex(of: v)! }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : rank(a.key) > rank(b.key) }!.key
    }

    // MARK: date

    private func canonicalDate(_ ms: [EventMention], _ basis: [Int], _ rule: inout [String: String], _ contra: inout [Contradiction]) -> EventDate? {
        let dated = basis.filter { ms[$0].date != nil && ms[$0].datePrecision != .beforePublication }
        let dayPrecise = dated.filter { ms[$0].date!.start == ms[$0].date!.end }
        let chosen = dayPrecise.isEmpty ? dated : dayPrecise
        guard !chosen.isEmpty else {
            rule["date_rule"] = "no report dates the event (publication dates are never used as event dates)"
            return nil
        }
        let start = chosen.map { ms[$0].date!.start }.min()!, end = chosen.map { ms[$0].date!.end }.max()!
        let days = Set(dayPrecise.map { ms[$0].date!.start })
        if days.count > 1 {
            contra.append(Contradiction(field: .date, values: dayPrecise.map { .string(ms[$0].date!.start.iso) }, mentions: dayPrecise))
        }
        rule["date_rule"] = dayPrecise.isEmpty
            ? "no report gives a single day: the span of the periods reports give (\(start.iso)…\(end.iso))"
            : days.count > 1 ? "reports give different days: the canonical date spans them (\(start.iso)…\(end.iso)); each day is listed as a date contradiction"
            : "the day the reports give (\(start.iso))"
        return EventDate(start: start, end: end, text: ms[chosen[0]].date!.text)
    }

    // MARK: places

    private func canonicalPlace(_ ms: [EventMention], _ basis: [Int], _ slot: KeyPath<EventMention, PlaceRef?>, _ field: Contradiction.Field,
                                _ name: String, _ rule: inout [String: String], _ contra: inout [Contradiction]) -> PlaceRef? {
        let having = basis.filter { ms[$0][keyPath: slot] != nil }
        guard !having.isEmpty else { return nil }
        func rank(_ p: PlaceRef) -> Int { p.precision.map { PlaceRef.Precision.allCases.firstIndex(of: $0)! } ?? 6 }
        func key(_ p: PlaceRef) -> String { p.id ?? "name:" + OriginRegistry.words(p.name).joined(separator: " ") }
        var support: [String: Int] = [:]
        for i in having { support[key(ms[i][keyPath: slot]!), default: 0] += 1 }
        let best = having.min { i, j in
            let p = ms[i][keyPath: slot]!, q = ms[j][keyPath: slot]!
            if rank(p) != rank(q) { return rank(p) < rank(q) }
            if support[key(p)]! != support[key(q)]! { return support[key(p)]! > support[key(q)]! }
            return i < j
        }!
        let chosen = ms[best][keyPath: slot]!
        rule["\(name)_rule"] = "the most precise \(name) any report gives (\(chosen.name), \(chosen.precision?.rawValue ?? "precision unknown")); ties go to the place most reports name"
        // Disagreement: two places of this slot that are neither the same, near, nor one inside the other.
        var interner = Interner()
        let feats = having.map { PlaceFeature(ms[$0][keyPath: slot], &interner) }
        let scorer = PairScorer(rules: rules, interner: interner)
        let radius = rules.windows[ms[best].type].radiusKm
        var disagree = false
        outer: for x in feats.indices { for y in feats.indices where y > x {
            switch scorer.place(feats[x], feats[y], radius: radius, slot: name) {
            case .soft, .veto: disagree = true; break outer
            default: continue
            }
        } }
        if disagree {
            contra.append(Contradiction(field: field, values: having.map { .string(name + ": " + ms[$0][keyPath: slot]!.name) }, mentions: having))
        }
        return chosen
    }

    // MARK: actors

    private func canonicalActors(_ ms: [EventMention], _ basis: [Int], _ rule: inout [String: String], _ contra: inout [Contradiction]) -> [ActorRole] {
        var out: [ActorRole] = []
        var seen = Set<String>()
        for role in ActorRole.Role.allCases {
            var ids: [String: [Int]] = [:]
            for i in basis {
                for a in ms[i].actors where a.role == role {
                    let k = "\(role.rawValue)|" + (a.id ?? "name:" + a.name.lowercased())
                    if seen.insert(k).inserted { out.append(a) }
                    if let id = a.id { ids[id, default: []].append(i) }
                }
            }
            // An actor and its ancestors (a leader and his government) are one side.
            func ancestors(_ id: String) -> Set<String> {
                var out = Set<String>(), up = rules.actors[id]?.parent
                while let p = up, out.insert(p).inserted { up = rules.actors[p]?.parent }
                return out
            }
            for id in Array(ids.keys) where ids.keys.contains(where: { ancestors(id).contains($0) }) { ids[id] = nil }
            // Parties are several by nature ("a deal between Russia and Turkey"), and actors one report names
            // together in a role act together: neither is a disagreement between reports.
            let named = ids.keys
            let together = basis.contains { i in Set(ms[i].actors.filter { $0.role == role }.compactMap(\.id)).filter(named.contains).count > 1 }
            if role != .party, ids.count > 1, !together {
                let kinds = ids.keys.map { rules.actors[$0]?.kind }
                let distinctKinds = !kinds.contains(nil) && Set(kinds.compactMap { $0 }).count == kinds.count
                if !distinctKinds {
                    let sides = ids.sorted { ($0.value.min()!, $0.key) < ($1.value.min()!, $1.key) }
                    var values: [JSONScalar] = [], idx: [Int] = []
                    for (id, mentionIndexes) in sides { for i in Set(mentionIndexes).sorted() {
                        values.append(.string("\(role.rawValue): " + (ms[i].actors.first { $0.id == id }?.name ?? id))); idx.append(i)
                    } }
                    contra.append(Contradiction(field: .actor, values: values, mentions: idx))
                }
            }
        }
        rule["actors_rule"] = "every actor any affirming report names, once per role; different dictionary actors that different reports give for one role (not parties, not actors one report names together) are listed as an actor contradiction"
        return out
    }

    // MARK: counts

    private func canonicalCount(_ ms: [EventMention], _ basis: [Int], _ slot: KeyPath<EventMention, Quantity?>, field: String,
                                _ rule: inout [String: String], _ contra: inout [Contradiction]) -> Quantity? {
        let having = basis.filter { ms[$0][keyPath: slot] != nil }
        guard !having.isEmpty else { return nil }
        let all = having.map { ms[$0][keyPath: slot]! }
        // What each figure counts ("members" and "fighters" are one class, "commanders" another): the range spans the
        // figures of the class most reports count (and figures that name nothing); the others are kept beside it.
        let classes: [String?] = all.indices.map { i in all[i].of.map { rules.countClass($0, type: ms[having[i]].type) } }
        // Ties go to a class count-nouns.tsv lists (fighters, civilians, hostages): the people the event is about,
        // not a subgroup some reports single out ("commanders").
        let listed = NSOrderedSetLike(all.indices.compactMap { i in all[i].of.flatMap { rules.listedPeopleClass($0, type: ms[having[i]].type) } })
        let mainClass = mostFrequent(classes.compactMap { $0 }, order: listed)
        let inRange = all.indices.filter { classes[$0] == nil || classes[$0] == mainClass }
        let qs = inRange.map { all[$0] }
        let lo = qs.map(\.min).min()!
        let hi: Int? = qs.contains { $0.max == nil } ? nil : qs.compactMap(\.max).max()
        let distinct = Array(Set(all.map(EventBuilder.figure))).sorted()
        let of = mostFrequent(qs.compactMap(\.of), order: [])
        let conservative = qs.min { ($0.max ?? Int.max, $0.min) < ($1.max ?? Int.max, $1.min) }!
        var incompatible = false
        for x in all.indices { for y in all.indices where y > x {
            let sameThing = classes[x] == nil || classes[y] == nil || classes[x] == classes[y]
            if sameThing && !all[x].isCompatible(with: all[y]) { incompatible = true }
        } }
        if incompatible {
            contra.append(Contradiction(field: .count, values: all.map { .string(EventBuilder.figure($0)) }, mentions: having))
        }
        let span = hi == lo ? "\(lo)" : hi == nil ? "\(lo) or more" : "\(lo)–\(hi!)"
        let beside = all.indices.filter { !inRange.contains($0) }.map { "\(EventBuilder.figure(all[$0])) \(all[$0].of ?? "")" }
        rule["\(field)_rule"] = "\(field == "count" ? "counts" : "fatality figures") keep every source's figure (\(distinct.joined(separator: "; "))); the canonical range spans them (\(span)\(of.map { " " + $0 } ?? "")); the most conservative, the lowest, is \(EventBuilder.figure(conservative)) (ACLED's rule)"
            + (beside.isEmpty ? "" : "; figures that count other people (\(NSOrderedSetLike(beside).joined(separator: "; "))) are kept beside the range, not in it")
            + (incompatible ? "; the figures do not overlap and are listed as a count contradiction" : "")
        let approximate = qs.contains { $0.approximate } || Set(qs.map(EventBuilder.figure)).count > 1
        let text = Array(NSOrderedSetLike(all.compactMap(\.text))).joined(separator: "; ")
        return Quantity(min: lo, max: hi, approximate: approximate, of: of, text: text.isEmpty ? nil : text)
    }

    /// "30", "200–999", "250 or more", "about 400".
    static func figure(_ q: Quantity) -> String {
        let core = q.max == q.min ? "\(q.min)" : q.max == nil ? "\(q.min) or more" : "\(q.min)–\(q.max!)"
        return q.approximate && q.max == q.min ? "about " + core : core
    }
}

/// Unique values in first-seen order.
private func NSOrderedSetLike(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
}
