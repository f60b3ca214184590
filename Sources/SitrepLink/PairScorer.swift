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

    /// A feature's verdict; the text is built only when explaining (`t(…)` returns "" otherwise).
    enum Outcome { case agree(Double, String), weak(Double, String), soft(Double, String), unknown(Double), veto(String) }

    /// Reason text, built only when explaining: the benchmark scores millions of pairs.
    @inline(__always) func t(_ text: @autoclosure () -> String) -> String { explain ? text() : "" }

    func score(_ a: MentionFeatures, _ b: MentionFeatures) -> PairScore {
        var result = PairScore()
        let typeScore = rules.types.score(a.type, a.mode, b.type, b.mode)
        if typeScore <= 0 {
            result.veto = explain ? "type: \(a.type.rawValue)\(a.mode.map { "/" + $0.rawValue } ?? "") and \(b.type.rawValue)\(b.mode.map { "/" + $0.rawValue } ?? "") are not one kind of event" : "type"
            result.hard = true
            return result
        }
        if a.peopleClass >= 0, b.peopleClass >= 0, a.peopleClass != b.peopleClass {
            result.veto = explain ? "people: \(name(a.peopleClass)) and \(name(b.peopleClass)) are different people" : "people"
            result.hard = true
            return result
        }
        let wa = rules.windows[a.type], wb = rules.windows[b.type]
        let window = MergeWindows.Window(days: max(wa.days, wb.days), radiusKm: max(wa.radiusKm, wb.radiusKm))
        if explain {
            result.features["type"] = typeScore
            result.reasons.append(typeScore == 1 ? "type: same (\(a.type.rawValue))" : "type: compatible \(a.type.rawValue)/\(b.type.rawValue) (\(fmt(typeScore)))")
        }

        // Restatements: a document usually tells its main event several times, once with its date and
        // place and then as "the transfer"; its background events ("in a previous deal") stay apart.
        let sameDocument = a.document >= 0 && a.document == b.document
        if sameDocument && a.background != b.background {
            result.veto = explain ? "same document: one is background to the other" : "background"
            result.hard = true
            return result
        }
        // A writer keeps one word for one event: a capture and an abduction in one document are two events.
        let restatement = sameDocument && !a.background && a.type == b.type
        var softs = 0
        var evidence = 0.0
        var values = (date: 0.0, place: 0.0, actors: 0.0, count: 0.0)
        func take(_ name: String, _ o: Outcome) -> Double? {
            let value: Double
            switch o {
            case .veto(let why): result.veto = explain ? "\(name): \(why)" : name; result.hard = true; return nil
            case .agree(let s, let why): value = s; evidence += 1; if explain { result.reasons.append("\(name): \(why)") }
            case .weak(let s, let why): value = s; evidence += 0.5; if explain { result.reasons.append("\(name): \(why)") }
            case .soft(let s, let why): value = s; softs += 1; if explain { result.reasons.append("\(name): \(why) (disagreement)") }
            case .unknown(let s): value = s; if explain { result.reasons.append("\(name): unknown on at least one side (neutral)") }
            }
            if explain { result.features[name] = value }
            return value
        }
        guard let d = take("date", date(a, b, window: window.days, sameDocument: restatement)) else { return result }
        values.date = d
        guard let p = take("place", places(a, b, radius: window.radiusKm)) else { return result }
        values.place = p
        guard let ac = take("actors", actors(a, b)) else { return result }
        values.actors = ac
        guard let c = take("count", count(a, b)) else { return result }
        values.count = c
        result.evidence = evidence
        if softs > 0 && evidence < rules.minimumEvidence {
            result.veto = explain ? "disagreements without enough agreeing evidence (\(fmt(evidence)) of \(fmt(rules.minimumEvidence)) needed)" : "disagreement"
            result.hard = true
            return result
        }
        let s = 0.15 * typeScore + 0.3 * values.date + 0.3 * values.place + 0.1 * values.actors + 0.15 * values.count
        result.score = (s * 1000).rounded() / 1000
        if evidence < rules.minimumEvidence && !(restatement && softs == 0) {
            result.veto = explain ? "too little agreeing evidence (\(fmt(evidence)) of \(fmt(rules.minimumEvidence)) needed)" : "evidence"
        } else if result.score < rules.mergeThreshold {
            result.veto = explain ? "score \(fmt(result.score)) below \(fmt(rules.mergeThreshold))" : "score"
        }
        return result
    }

    // MARK: date

    func date(_ a: MentionFeatures, _ b: MentionFeatures, window: Int, sameDocument: Bool = false) -> Outcome {
        let unknown = MentionFeatures.unknownDay
        // An event dated after the other report was published is not what that report tells (unless planned).
        if a.dateKind.isTextual, b.published != unknown, !b.future, a.start > b.published { return .veto(t("\(day(a.start)) is after the other report's publication (\(day(b.published)))")) }
        if b.dateKind.isTextual, a.published != unknown, !a.future, b.start > a.published { return .veto(t("\(day(b.start)) is after the other report's publication (\(day(a.published)))")) }
        // In one document, a mention without a date of its own restates one the document dates.
        let undated: (MentionFeatures) -> Bool = { $0.dateKind == .unknown || $0.dateKind == .beforePublication || $0.dateKind == .fromPublication }
        if sameDocument && (undated(a) || undated(b)) { return .agree(0.8, t("same document; one side gives no date of its own")) }
        guard a.dateKind != .unknown, b.dateKind != .unknown else { return .unknown(0.3) }
        let gap = Int(max(0, Int64(max(a.start, b.start)) - Int64(min(a.end, b.end))))
        let limit = (a.dateKind == .fromPublication || b.dateKind == .fromPublication) ? 0 : window
        if gap > limit {
            if a.dateKind == .fromPublication || b.dateKind == .fromPublication {
                return .veto(t("reported \(gap) days outside the \(rules.reportLagDays)-day reporting lag"))
            }
            return .veto(t("\(gap) days apart, more than \(window) for this type"))
        }
        switch (a.dateKind, b.dateKind) {
        case (.day, .day):
            return gap == 0 ? .agree(1, t("same day \(day(a.start))"))
                : .soft(1 - 0.5 * Double(gap) / Double(window + 1), t("\(day(a.start)) and \(day(b.start)), \(gap) days apart within \(window)"))
        case (.fromPublication, _), (_, .fromPublication):
            return .weak(0.4, t("undated, reported within \(rules.reportLagDays) days of each other's dates"))
        case (.beforePublication, _), (_, .beforePublication):
            return .weak(0.5, t("only 'before publication' on one side; compatible"))
        default:
            return .agree(gap == 0 ? 0.7 : 0.6, t("overlapping periods \(day(a.start))…\(day(a.end)) and \(day(b.start))…\(day(b.end))"))
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
                if let best { if case .veto = best { return .weak(0.3, t("location matches neither end of the move")) }; return best }
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
        if p.id >= 0 && p.id == q.id { return .agree(1, t("\(slot) same place \(name(p.name))")) }
        if p.country >= 0 && q.country >= 0 && p.country != q.country { return .veto(t("\(slot) in different countries (\(name(p.country)), \(name(q.country)))")) }
        if p.name >= 0 && p.name == q.name && (p.admin1 < 0 || q.admin1 < 0 || p.admin1 == q.admin1) {
            return .agree(0.9, t("\(slot) same name \(name(p.name))"))
        }
        var distance: Double?
        if p.hasCoordinates && q.hasCoordinates {
            let d = PairScorer.haversineKm(Double(p.lat), Double(p.lon), Double(q.lat), Double(q.lon))
            distance = d
            // A governorate against a place of another governorate: its centroid says little; containment decides.
            let otherGovernorate = p.admin1 >= 0 && q.admin1 >= 0 && p.admin1 != q.admin1 && (p.precision == 4 || q.precision == 4)
            if d <= radius && !otherGovernorate { return .agree(1 - 0.3 * d / max(radius, 1), t("\(slot) \(name(p.name)) and \(name(q.name)) \(Int(d.rounded())) km apart, within \(Int(radius))")) }
        }
        // Containment: an admin1-level place (or a country) holds every place of its governorate.
        // A city named like its governorate may be the governorate itself ("from Deir ez-Zor").
        if p.admin1 >= 0 && p.admin1 == q.admin1 && (p.precision == 4 || q.precision == 4 || p.namesAdmin1 || q.namesAdmin1) {
            return .agree(0.75, t("\(slot) \(name(p.precision == 4 || p.namesAdmin1 ? q.name : p.name)) lies in \(name(p.admin1))"))
        }
        if p.precision == 5 || q.precision == 5 {
            return p.country >= 0 && p.country == q.country ? .weak(0.5, t("\(slot) one side names only the country")) : .unknown(0.3)
        }
        if p.admin1 >= 0 && q.admin1 >= 0 {
            if p.admin1 == q.admin1 {
                return .soft(0.4, t("\(slot) \(name(p.name)) and \(name(q.name)) both in \(name(p.admin1))" + (distance.map { ", \(Int($0.rounded())) km apart" } ?? "")))
            }
            // A named area reaching across governorates: near by coordinates with slack for its size.
            // A region reaching across governorates (a desert, a valley): compatible, weakly, when near.
            if let d = distance, d <= radius + slack(p) + slack(q) {
                if p.precision == 3 || q.precision == 3 {
                    return .weak(0.3, t("\(slot) \(name(p.name)) and \(name(q.name)) \(Int(d.rounded())) km apart, a wide region on one side"))
                }
                return .soft(0.3, t("\(slot) \(name(p.name)) and \(name(q.name)) \(Int(d.rounded())) km apart, a wide area on one side"))
            }
            return .veto(t("\(slot) \(name(p.name)) (\(name(p.admin1))) and \(name(q.name)) (\(name(q.admin1))) are different governorates"))
        }
        if let d = distance {
            if d <= radius + slack(p) + slack(q) { return .soft(0.3, t("\(slot) \(Int(d.rounded())) km apart, a wide area on one side")) }
            return .veto(t("\(slot) \(name(p.name)) and \(name(q.name)) are \(Int(d.rounded())) km apart"))
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
        var sharedInRole = false
        var conflict: (Int32, Int32)?
        for role: Int32 in 0...3 {
            var firstX: Int32 = -1, firstY: Int32 = -1, common = false
            for x in a.actors where x & 3 == role {
                if firstX < 0 { firstX = x }
                for y in b.actors where y == x { common = true }
            }
            for y in b.actors where y & 3 == role { firstY = y; break }
            guard firstX >= 0, firstY >= 0 else { continue }
            if common { sharedInRole = true; continue }
            // Different ids in one role conflict, unless one belongs to the other (a person and their
            // organisation, a force and its state), or both kinds are known and differ (a coalition's members).
            var lineage = false
            for x in a.actors where x & 3 == role { for y in b.actors where y & 3 == role {
                if PairScorer.descends(x >> 2, from: y >> 2, a) || PairScorer.descends(y >> 2, from: x >> 2, b) { lineage = true }
            } }
            if lineage { sharedInRole = true; continue }
            let kx = kinds(a, role), ky = kinds(b, role)
            let known = !kx.isEmpty && !ky.isEmpty && !kx.contains(-1) && !ky.contains(-1)
            if !known || kx.contains(where: { ky.contains($0) }) { conflict = conflict ?? (firstX, firstY) }
        }
        if let (x, y) = conflict {
            return .soft(0.1, t("\(roleName(x)) \(actorName(x)) against \(actorName(y))"))
        }
        if sharedInRole {
            return .agree(1, t("shared or related " + a.actors.filter { b.actors.contains($0) }.map { "\(roleName($0)) \(actorName($0))" }.joined(separator: ", ")))
        }
        // An actor in one role on one side and another role on the other still names the same people.
        for x in a.actors { for y in b.actors where x >> 2 == y >> 2 { return .weak(0.6, t("same actor in different roles")) } }
        return .unknown(0.5)
    }

    private func kinds(_ f: MentionFeatures, _ role: Int32) -> [Int32] {
        guard f.actorKinds.count == f.actors.count else { return [] }
        return f.actors.indices.filter { f.actors[$0] & 3 == role }.map { f.actorKinds[$0] }
    }

    /// Whether actor `x` (an interned id) has `ancestor` in its parent chain, as `f` records it.
    static func descends(_ x: Int32, from ancestor: Int32, _ f: MentionFeatures) -> Bool {
        f.ancestors.contains { $0.0 == x && $0.1 == ancestor }
    }
    private func roleName(_ key: Int32) -> String { ["agent", "patient", "recipient", "party"][Int(key & 3)] }
    private func actorName(_ key: Int32) -> String { name(key >> 2) }

    // MARK: count

    /// Two figures whose nearer ends are at least this close (smaller / larger) count one group differently.
    static let closeCountRatio = 0.8

    func count(_ a: MentionFeatures, _ b: MentionFeatures) -> Outcome {
        guard a.hasCount, b.hasCount else { return .unknown(0.5) }
        guard a.countOf < 0 || b.countOf < 0 || a.countOf == b.countOf else { return .unknown(0.5) }
        let qa = Quantity(min: Int(a.countMin), max: a.countMax == .max ? nil : Int(a.countMax), approximate: a.countApproximate)
        let qb = Quantity(min: Int(b.countMin), max: b.countMax == .max ? nil : Int(b.countMax), approximate: b.countApproximate)
        if qa.isCompatible(with: qb) {
            let exact = a.countMin == a.countMax && b.countMin == b.countMax
            return exact ? .agree(1, t("same count \(a.countMin)")) : .weak(0.7, t("counts \(show(qa)) and \(show(qb)) overlap"))
        }
        // How far apart: the nearer ends of the two ranges.
        let lo = Double(min(a.countMax, b.countMax)), hi = Double(max(a.countMin, b.countMin))
        if hi > 0 && lo / hi < 1.0 / 3 { return .veto(t("counts \(show(qa)) and \(show(qb)) differ more than threefold")) }
        // "about 30" against "thirty-six": close figures for one group are evidence for, and still a contradiction.
        if hi > 0 && lo / hi >= PairScorer.closeCountRatio {
            return .weak(0.5, t("counts \(show(qa)) and \(show(qb)) do not overlap but lie within \(Int((1 - PairScorer.closeCountRatio) * 100))% of each other"))
        }
        return .soft(0.2, t("counts \(show(qa)) and \(show(qb)) do not overlap"))
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
