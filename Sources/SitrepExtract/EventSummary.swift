import SitrepCore

/// A one-line English summary of a mention, generated from its fields (never from the text itself):
/// "About 400 fighters (Islamic State) moved from Deir ez-Zor to Idlib by Syrian government".
public enum EventSummary {
    public static func text(_ m: EventMention) -> String {
        func names(_ r: ActorRole.Role) -> String? {
            let n = m.actors.filter { $0.role == r }.map(\.name)
            return n.isEmpty ? nil : n.joined(separator: " and ")
        }
        var parts: [String] = []
        let agent = names(.agent), patient = names(.patient), parties = names(.party)
        let count = m.count.map(describe)
        var object = [count, patient].compactMap { $0 }.joined(separator: " ")
        if let c = m.count, let of = c.of, let p = patient, !p.lowercased().contains(of.lowercased()) {
            object = "\(describe(c)) \(of) (\(p))"
        } else if let c = m.count, let of = c.of, patient == nil {
            object = "\(describe(c)) \(of)"
        }
        let verb = phrase(m.type, m.mode)
        switch m.type {
        case .clash, .agreement, .negotiation:
            parts.append(parties.map { "\(verb.capitalizedFirst) between \($0)" } ?? verb.capitalizedFirst)
        case .surrender, .withdrawal, .protest, .riot, .groupChange:
            let who = agent ?? (object.isEmpty ? nil : object)
            parts.append(who.map { "\($0) \(verb)" } ?? verb.capitalizedFirst)
            if let r = names(.recipient) { parts.append("to \(r)") }
        default:
            if !object.isEmpty {
                parts.append("\(object) \(passive(m.type, m.mode))")
                if let agent { parts.append("by \(agent)") }
            } else if let agent {
                // No one undergoes it: "Attack by X", not "X attacked", which reads as if X were attacked.
                parts.append("\(noun(m.type, m.mode).capitalizedFirst) by \(agent)")
            } else {
                parts.append(noun(m.type, m.mode).capitalizedFirst)
            }
        }
        if let o = m.origin { parts.append("from \(o.name)") }
        if let d = m.destination { parts.append("to \(d.name)") }
        if let l = m.location { parts.append("in \(l.name)") }
        if let f = m.fatalities { parts.append("(\(describe(f)) killed)") }
        var line = parts.joined(separator: " ")
        if let first = line.first, first.isLowercase { line = line.capitalizedFirst }
        switch m.certainty {
        case .denied: line = "Denied: " + line
        case .possible: line = "Possibly: " + line
        case .planned: line = "Planned: " + line
        case .conditional: line = "If: " + line
        default: break
        }
        return line
    }

    static func describe(_ q: Quantity) -> String {
        if let max = q.max, max == q.min { return q.approximate ? "about \(q.min)" : "\(q.min)" }
        if let max = q.max { return "\(q.min)–\(max)" }
        return "more than \(q.min - 1)"
    }

    static func phrase(_ t: EventType, _ mode: EventMode?) -> String {
        switch t {
        case .attack:
            switch mode {
            case .airstrike: return "air strike"
            case .shelling: return "shelling"
            case .suicideBombing: return "suicide bombing"
            case .remoteExplosive, .bombing: return "bombing"
            case .grenade: return "grenade attack"
            case .chemical: return "chemical attack"
            case .execution: return "execution"
            default: return "attacked"
            }
        case .clash: return "clash"
        case .takeover: return "took control"
        case .offensive: return "offensive"
        case .withdrawal: return "withdrew"
        case .transfer: return "moved"
        case .surrender: return "surrendered"
        case .capture: return "captured"
        case .abduction: return "abducted"
        case .release: return "released"
        case .agreement: return "agreement"
        case .negotiation: return "negotiations"
        case .protest: return "protested"
        case .groupChange: return "changed allegiance or structure"
        case .riot: return mode == .mobViolence ? "mob violence" : "rioted"
        case .sexualViolence: return "sexual violence"
        case .propertyDestruction: return "property destroyed"
        case .baseEstablished: return "set up a base"
        case .weaponsSeized: return "weapons seized"
        }
    }

    /// The event as a noun, for an event told with its doer only.
    static func noun(_ t: EventType, _ mode: EventMode?) -> String {
        switch t {
        case .attack: return mode == nil ? "attack" : phrase(t, mode)
        case .takeover: return "takeover"
        case .transfer: return "transfer"
        case .capture: return "capture"
        case .abduction: return "abduction"
        case .release: return "release"
        case .propertyDestruction: return "destruction of property"
        case .baseEstablished: return "base set up"
        case .weaponsSeized: return "seizure of weapons"
        default: return phrase(t, mode)
        }
    }

    static func passive(_ t: EventType, _ mode: EventMode?) -> String {
        switch t {
        case .attack: return mode == .execution ? "executed" : "attacked"
        case .takeover: return "taken over"
        case .offensive: return "targeted in an offensive"
        case .transfer: return "moved"
        case .capture: return "captured"
        case .abduction: return "abducted"
        case .release: return "released"
        case .sexualViolence: return "sexually assaulted"
        case .propertyDestruction: return "destroyed"
        case .baseEstablished: return "base set up"
        case .weaponsSeized: return "seized"
        default: return phrase(t, mode)
        }
    }
}

extension String {
    var capitalizedFirst: String { isEmpty ? self : prefix(1).uppercased() + dropFirst() }
}

extension EventMention {
    /// The event record of CONTRACT.md §2 for this one mention (`sitrep analyze --mentions`).
    public func record() -> EventRecord {
        EventRecord(
            id: id, type: type, mode: mode, summary: EventSummary.text(self), date: date, actors: actors,
            count: count, fatalities: fatalities, location: location, origin: origin, destination: destination,
            certainty: certainty,
            mentions: [MentionRecord(document: document, outlet: outlet, published: published, attributedTo: attributedTo,
                                     certainty: certainty, evidence: evidence)],
            corroboration: Corroboration(documents: 1, outlets: outlet == nil ? 0 : 1, independentOrigins: 1),
            contradictions: [],
            related: relations.map { Relation(relation: $0.relation, event: $0.target) })
    }
}
