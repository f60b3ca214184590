import SitrepCore

/// Picks the event a short text is mainly about, for one-label-per-snippet evaluation (CASE 2021)
/// and for headlines: concrete violence and its outcomes first, talk last; earlier first; events
/// stated as not happened, planned or conditional only when nothing else is there.
public enum MainEvent {
    /// How strongly a type claims to be the main event of a text.
    static func weight(_ t: EventType) -> Double {
        switch t {
        case .sexualViolence, .riot: 7
        case .attack, .abduction, .takeover, .protest, .propertyDestruction: 6
        case .clash, .weaponsSeized, .baseEstablished: 5.5
        case .capture, .withdrawal, .groupChange: 5
        case .agreement, .offensive: 4
        case .transfer, .surrender, .release: 3
        case .negotiation: 1
        }
    }

    public static func choose(_ mentions: [EventMention]) -> EventMention? {
        var best: (Double, EventMention)?
        for (i, m) in mentions.enumerated() {
            var score = weight(m.type) - Double(i) * 0.35
            switch m.certainty {
            case .denied, .planned, .conditional: score -= 4
            case .possible: score -= 1
            default: break
            }
            if m.background { score -= 2 }
            if m.mode != nil && m.type.acledModes.contains(m.mode!) { score += 0.5 }
            if best == nil || score > best!.0 { best = (score, m) }
        }
        return best?.1
    }
}
