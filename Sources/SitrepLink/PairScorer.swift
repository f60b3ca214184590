import Foundation
import SitrepCore

/// Decides whether two mentions may be one event, and how strongly, from their features.
///
/// Hard rules (a veto): incompatible types; dates further apart than the type's window, or an event
/// dated after the other report was published; places in different countries, or different
/// governorates further apart than the type's radius. Soft rules (allowed only with at least
/// `minimumEvidence` agreeing features, and then reported as contradictions): different actors in
/// one role, counts of one thing that do not overlap (but within a factor 3), different days
/// within the window, different places of one governorate.
struct PairScorer: Sendable {
    let rules: LinkRules
    /// Interned strings back, for readable reasons (optional: the benchmark skips them).
    var names: [Int32: String] = [:]
    var explain = true

    init(rules: LinkRules, interner: Interner? = nil) {
        self.rules = rules
        if let interner { for (s, i) in interner.ids { names[i] = s } } else { explain = false }
    }

    enum Outcome { case agree(Double, String), weak(Double, String), soft(Double, String), unknown(Double), veto(String) }

    func score(_ a: MentionFeatures, _ b: MentionFeatures) -> PairScore {
        var result = PairScore()
        let typeScore = rules.types.score(a.type, a.mode, b.type, b.mode)
        if typeScore <= 0 {
            result.veto = explain ? "type: \(a.type.rawValue)\(a.mode.map { "/" + $0.rawValue } ?? "") and \(b.type.rawValue)\(b.mode.map { "/" + $0.rawValue } ?? "") are not one kind of event" : "type"
            return result
        }
        let wa = rules.windows[a.type], wb = rules.windows[b.type]
        let window = MergeWindows.Window(days: max(wa.days, wb.days), radiusKm: max(wa.radiusKm, wb.radiusKm))
        result.features["type"] = typeScore
        if explain { result.reasons.append(typeScore == 1 ? "type: same (\(a.type.rawValue))" : "type: compatible \(a.type.rawValue)/\(b.type.rawValue) (\(fmt(typeScore)))") }

        var softs = 0
        var evidence = 0.0
        func take(_ name: String, _ o: Outcome) -> Bool {
            switch o {
            case .veto(let why): result.veto = explain ? "\(name): \(why)" : name; return false
            case .agree(let s, let why): result.features[name] = s; evidence += 1; if explain { result.reasons.append("\(name): \(why)") }
            case .weak(let s, let why): result.features[name] = s; evidence += 0.5; if explain { result.reasons.append("\(name): \(why)") }
            case .soft(let s, let why): result.features[name] = s; softs += 1; if explain { result.reasons.append("\(name): \(why) (disagreement)") }
            case .unknown(let s): result.features[name] = s
            }
            return true
        }
        guard take("date", date(a, b, window: window.days)) else { return result }
        guard take("place", places(a, b, radius: window.radiusKm)) else { return result }
        guard take("actors", actors(a, b)) else { return result }
        guard take("count", count(a, b)) else { return result }
        result.evidence = evidence
        if softs > 0 && evidence < rules.minimumEvidence {
            result.veto = "disagreements without enough agreeing evidence (\(fmt(evidence)) of \(fmt(rules.minimumEvidence)) needed)"
            return result
        }
        let f = result.features
        let s = 0.15 * typeScore + 0.3 * (f["date"] ?? 0) + 0.3 * (f["place"] ?? 0) + 0.1 * (f["actors"] ?? 0) + 0.15 * (f["count"] ?? 0)
        result.score = (s * 1000).rounded() / 1000
        if evidence < rules.minimumEvidence {
            result.veto = "too little agreeing evidence (\(fmt(evidence)) of \(fmt(rules.minimumEvidence)) needed)"
        } else if result.score < rules.mergeThreshold {
            result.veto = "score \(fmt(result.score)) below \(fmt(rules.mergeThreshold))"
        }
        return result
    }

    // MARK: date

    func date(_ a: MentionFeatures, _ b: MentionFeatures, window: Int) -> Outcome {
        let unknown = MentionFeatures.unknownDay
        // An event dated after the other report was published is not what that report tells (unless planned).
        if a.dateKind.isTextual, b.published != unknown, !b.future, a.start > b.published { return .veto("\(day(a.start)) is after the other report's publication (\(day(b.published)))") }
        if b.dateKind.isTextual, a.published != unknown, !a.future, b.start > a.published { return .veto("\(day(b.start)) is after the other report's publication (\(day(a.published)))") }
        guard a.dateKind != .unknown, b.dateKind != .unknown else { return .unknown(0.3) }
        let gap = Int(max(0, Int64(max(a.start, b.start)) - Int64(min(a.end, b.end))))
        let limit = (a.dateKind == .fromPublication || b.dateKind == .fromPublication) ? 0 : window
        if gap > limit {
            if a.dateKind == .fromPublication || b.dateKind == .fromPublication {
                return .veto("reported \(gap) days outside the \(rules.reportLagDays)-day reporting lag")
            }
            return .veto("\(gap) days apart, more than \(window) for this type")
        }
        switch (a.dateKind, b.dateKind) {
        case (.day, .day):
            return gap == 0 ? .agree(1, "same day \(day(a.start))")
                : .soft(1 - 0.5 * Double(gap) / Double(window + 1), "\(day(a.start)) and \(day(b.start)), \(gap) days apart within \(window)")
        case (.fromPublication, _), (_, .fromPublication):
            return .weak(0.4, "undated, reported within \(rules.reportLagDays) days of each other's dates")
        case (.beforePublication, _), (_, .beforePublication):
            return .weak(0.5, "only 'before publication' on one side; compatible")
        default:
            return .agree(gap == 0 ? 0.7 : 0.6, "overlapping periods \(day(a.start))…\(day(a.end)) and \(day(b.start))…\(day(b.end))")
        }
    }

    // MARK: place

    func places(_ a: MentionFeatures, _ b: MentionFeatures, radius: Double) -> Outcome {
        var pairs: [(PlaceFeature, PlaceFeature, String)] = []
        if a.location.isPresent && b.location.isPresent { pairs.append((a.location, b.location, "location")) }
        if a.origin.isPresent && b.origin.isPresent { pairs.append((a.origin, b.origin, "origin")) }
        if a.destination.isPresent && b.destination.isPresent { pairs.append((a.destination, b.destination, "destination")) }
        if pairs.isEmpty {
            // A location on one side against the origin or destination of a move on the other: best of the two.
            for (l, other) in [(a.location, b), (b.location, a)] where l.isPresent {
                var best: Outcome?
                for (p, label) in [(other.origin, "origin"), (other.destination, "destination")] where p.isPresent {
                    let o = place(l, p, radius: radius, slot: "location~" + label)
                    if best == nil || rank(o) > rank(best!) { best = o }
                }
                if let best { if case .veto = best { return .weak(0.3, "location matches neither end of the move") }; return best }
            }
            return .unknown(0.3)
        }
        var outcomes: [Outcome] = []
        for (p, q, slot) in pairs {
            let o = place(p, q, radius: radius, slot: slot)
            if case .veto = o { return o }
            outcomes.append(o)
        }
        let best = outcomes.max { rank($0) < rank($1) }!
        if outcomes.count > 1, outcomes.allSatisfy({ if case .agree = $0 { return true }; return false }) {
            let text = outcomes.compactMap { if case .agree(_, let w) = $0 { return w }; return nil }.joined(separator: "; ")
            return .agree(1, text)
        }
        if outcomes.contains(where: { if case .soft = $0 { return true }; return false }),
           !outcomes.contains(where: { if case .agree = $0 { return true }; return false }) {
            return outcomes.first { if case .soft = $0 { return true }; return false }!
        }
        return best
    }

    private func rank(_ o: Outcome) -> Int {
        switch o { case .agree: 4; case .weak: 3; case .unknown: 2; case .soft: 1; case .veto: 0 }
    }

    func place(_ p: PlaceFeature, _ q: PlaceFeature, radius: Double, slot: String) -> Outcome {
        if p.id >= 0 && p.id == q.id { return .agree(1, "\(slot) same place \(name(p.name))") }
        if p.country >= 0 && q.country >= 0 && p.country != q.country { return .veto("\(slot) in different countries (\(name(p.country)), \(name(q.country)))") }
        if p.name >= 0 && p.name == q.name && (p.admin1 < 0 || q.admin1 < 0 || p.admin1 == q.admin1) {
            return .agree(0.9, "\(slot) same name \(name(p.name))")
        }
        var distance: Double?
        if p.hasCoordinates && q.hasCoordinates {
            let d = PairScorer.haversineKm(Double(p.lat), Double(p.lon), Double(q.lat), Double(q.lon))
            distance = d
            if d <= radius { return .agree(1 - 0.3 * d / max(radius, 1), "\(slot) \(name(p.name)) and \(name(q.name)) \(Int(d.rounded())) km apart, within \(Int(radius))") }
        }
        // Containment: an admin1-level place (or a country) holds every place of its governorate.
        if p.admin1 >= 0 && p.admin1 == q.admin1 && (p.precision == 4 || q.precision == 4) {
            return .agree(0.75, "\(slot) \(name(p.precision == 4 ? q.name : p.name)) lies in \(name(p.admin1))")
        }
        if p.precision == 5 || q.precision == 5 {
            return p.country >= 0 && p.country == q.country ? .weak(0.5, "\(slot) one side names only the country") : .unknown(0.3)
        }
        if p.admin1 >= 0 && q.admin1 >= 0 {
            if p.admin1 == q.admin1 {
                return .soft(0.4, "\(slot) \(name(p.name)) and \(name(q.name)) both in \(name(p.admin1))\(distance.map { ", \(Int($0.rounded())) km apart" } ?? "")")
            }
            // A named area reaching across governorates: near by coordinates with slack for its size.
            if let d = distance, d <= radius + slack(p) + slack(q) {
                return .soft(0.3, "\(slot) \(name(p.name)) and \(name(q.name)) \(Int(d.rounded())) km apart, a wide area on one side")
            }
            return .veto("\(slot) \(name(p.name)) (\(name(p.admin1))) and \(name(q.name)) (\(name(q.admin1))) are different governorates")
        }
        if let d = distance {
            if d <= radius + slack(p) + slack(q) { return .soft(0.3, "\(slot) \(Int(d.rounded())) km apart, a wide area on one side") }
            return .veto("\(slot) \(name(p.name)) and \(name(q.name)) are \(Int(d.rounded())) km apart")
        }
        return .unknown(0.3)
    }

    /// Extra distance allowed for a wide place (its centroid can be far from where things happened).
    func slack(_ p: PlaceFeature) -> Double {
        switch p.precision { case 0, 1: 0; case 2: 20; case 3: 120; case 4: 120; default: 0 }
    }

    static func haversineKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6371.0088, rad = Double.pi / 180
        let dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }

    // MARK: actors

    func actors(_ a: MentionFeatures, _ b: MentionFeatures) -> Outcome {
        guard !a.actors.isEmpty, !b.actors.isEmpty else { return .unknown(0.5) }
        var shared: [Int32] = []
        var conflict: (Int32, Int32)?
        for role: Int32 in 0...3 {
            let x = a.actors.filter { $0 & 3 == role }, y = b.actors.filter { $0 & 3 == role }
            guard !x.isEmpty, !y.isEmpty else { continue }
            let common = x.filter { y.contains($0) }
            if common.isEmpty {
                // Different ids in one role conflict, unless both kinds are known and differ.
                let kx = x.map { kind($0) }, ky = y.map { kind($0) }
                let known = !kx.contains(nil) && !ky.contains(nil)
                if !known || kx.contains(where: { ky.contains($0) }) { conflict = conflict ?? (x[0], y[0]) }
            } else { shared += common }
        }
        // An actor in one role on one side and another role on the other still names the same people.
        if shared.isEmpty {
            let ax = Set(a.actors.map { $0 >> 2 }), bx = Set(b.actors.map { $0 >> 2 })
            if !ax.isDisjoint(with: bx), conflict == nil { return .weak(0.6, "same actor in different roles") }
        }
        if let (x, y) = conflict {
            return .soft(0.1, "\(roleName(x)) \(actorName(x)) against \(actorName(y))")
        }
        if shared.isEmpty { return .unknown(0.5) }
        return .agree(1, "shared " + shared.map { "\(roleName($0)) \(actorName($0))" }.joined(separator: ", "))
    }

    private func kind(_ key: Int32) -> String? {
        guard let n = names[key >> 2] else { return nil }
        return rules.actorKinds[String(n.dropFirst("actor:".count))]
    }
    private func roleName(_ key: Int32) -> String { ["agent", "patient", "recipient", "party"][Int(key & 3)] }
    private func actorName(_ key: Int32) -> String { name(key >> 2) }

    // MARK: count

    func count(_ a: MentionFeatures, _ b: MentionFeatures) -> Outcome {
        guard a.hasCount, b.hasCount else { return .unknown(0.5) }
        guard a.countOf < 0 || b.countOf < 0 || a.countOf == b.countOf else { return .unknown(0.5) }
        let qa = Quantity(min: Int(a.countMin), max: a.countMax == .max ? nil : Int(a.countMax), approximate: a.countApproximate)
        let qb = Quantity(min: Int(b.countMin), max: b.countMax == .max ? nil : Int(b.countMax), approximate: b.countApproximate)
        if qa.isCompatible(with: qb) {
            let exact = a.countMin == a.countMax && b.countMin == b.countMax
            return exact ? .agree(1, "same count \(a.countMin)") : .weak(0.7, "counts \(show(qa)) and \(show(qb)) overlap")
        }
        // How far apart: the nearer ends of the two ranges.
        let lo = Double(min(a.countMax, b.countMax)), hi = Double(max(a.countMin, b.countMin))
        if hi > 0 && lo / hi < 1.0 / 3 { return .veto("counts \(show(qa)) and \(show(qb)) differ more than threefold") }
        return .soft(0.2, "counts \(show(qa)) and \(show(qb)) do not overlap")
    }

    private func show(_ q: Quantity) -> String {
        q.max == q.min ? "\(q.min)" : q.max == nil ? "\(q.min)+" : "\(q.min)–\(q.max!)"
    }

    // MARK: text

    private func name(_ i: Int32) -> String {
        guard let s = names[i] else { return "#\(i)" }
        guard let colon = s.firstIndex(of: ":") else { return s }
        return String(s[s.index(after: colon)...])
    }
    private func day(_ n: Int32) -> String { CalendarDay(dayNumber: Int(n)).iso }
    private func fmt(_ d: Double) -> String { String(format: "%.2f", d) }
}
