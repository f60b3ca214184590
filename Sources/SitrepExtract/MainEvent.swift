import SitrepCore

/// Picks the event a short text is mainly about, for one-label-per-snippet evaluation (CASE 2021)
/// and for headlines: concrete violence and its outcomes first, talk last; earlier first, told with its sides first; events
/// stated as not happened, planned or conditional only when nothing else is there.
public enum MainEvent {
    /// How strongly a type claims to be the main event of a text.
    static func weight(_ t: EventType) -> Double {
        switch t {
        case .sexualViolence, .riot: 7
        case .attack, .abduction, .takeover, .protest, .propertyDestruction: 6
        case .clash: 6
        case .weaponsSeized, .baseEstablished: 5.5
        case .capture: 5.5
        case .withdrawal, .groupChange: 5
        case .agreement, .offensive: 4
        case .transfer, .surrender, .release: 3
        case .negotiation: 1
        }
    }

    /// Words that open a clause naming a cause or an earlier event ("after the worst fighting", "because of attacks").
    static let subordinators = [" after ", " following ", " amid ", " because of ", " in the wake of ", " since ", " due to ", " in response to ", " ending ", " to end "]

    /// Whether the trigger stands in a clause opened by a subordinator within the 40 bytes before it.
    static func isSubordinate(_ m: EventMention) -> Bool {
        let offset = Int(m.trigger.start - m.evidence.start)
        let utf8 = Array(m.evidence.text.utf8)
        guard offset > 0, offset <= utf8.count else { return false }
        let lo = max(0, offset - 40)
        let window = " " + String(decoding: utf8[lo..<offset], as: UTF8.self).lowercased()
        guard let clauseStart = window.lastIndex(where: { $0 == "," || $0 == ";" }) .map({ window.index(after: $0) }) ?? Optional(window.startIndex) else { return false }
        let clause = " " + window[clauseStart...]
        return subordinators.contains { clause.contains($0) }
    }

    /// Whether the trigger follows a claim of responsibility in its clause ("claimed responsibility for a car bomb").
    static func isClaimed(_ m: EventMention, phrases: [String]) -> Bool {
        guard !phrases.isEmpty else { return false }
        let offset = Int(m.trigger.start - m.evidence.start)
        let utf8 = Array(m.evidence.text.utf8)
        guard offset > 0, offset <= utf8.count else { return false }
        let before = " " + String(decoding: utf8[max(0, offset - 80)..<offset], as: UTF8.self).lowercased()
        let clause = before.split(separator: ";").last.map(String.init) ?? before
        return phrases.contains { clause.contains(" " + $0 + " ") }
    }

    /// The main event, or `nil` when the text names none or only events inside a claim of responsibility.
    public static func choose(_ mentions: [EventMention], lexicon: ExtractionLexicon) -> EventMention? {
        let free = mentions.filter { !isClaimed($0, phrases: lexicon.responsibilityPhrases) }
        if free.isEmpty, !mentions.isEmpty {
            // Every event stands inside a claim: the text is about who did it.
            return nil
        }
        return choose(free)
    }

    public static func choose(_ mentions: [EventMention]) -> EventMention? {
        var best: (Double, EventMention)?
        for (i, m) in mentions.enumerated() {
            var score = weight(m.type) - Double(i) * 0.6
            switch m.certainty {
            case .denied, .planned, .conditional: score -= 4
            case .possible: score -= 1
            default: break
            }
            if m.background { score -= 2 }
            if isSubordinate(m) { score -= 3.5 }
            if m.mode != nil && m.type.acledModes.contains(m.mode!) { score += 0.5 }
            // A death toll marks what the text reports ("ten were killed and two captured when they attacked").
            if m.fatalities != nil { score += 0.5 }
            // Who did it to whom: the event told with its sides is what the text reports; a bare mention
            // ("an attack was reported") is more often context.
            score += 0.25 * Double(min(m.actors.count, 3))
            if best == nil || score > best!.0 { best = (score, m) }
        }
        return best?.1
    }
}
