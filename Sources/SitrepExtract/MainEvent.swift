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
    static let subordinators = [" after ", " following ", " amid ", " because of ", " in the wake of ", " since ", " due to ", " in response to ", " ending ", " to end ", " before "]

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
        guard let clause = clauseBefore(m) else { return false }
        return phrases.contains { clause.contains(" " + $0 + " ") }
    }

    /// The lowercased clause (up to 80 bytes) before the trigger, opened by a space.
    static func clauseBefore(_ m: EventMention) -> String? {
        let offset = Int(m.trigger.start - m.evidence.start)
        let utf8 = Array(m.evidence.text.utf8)
        guard offset > 0, offset <= utf8.count else { return nil }
        let before = " " + String(decoding: utf8[max(0, offset - 80)..<offset], as: UTF8.self).lowercased()
        return before.split(separator: ";").last.map(String.init) ?? before
    }

    /// Whether a claim of responsibility covers the trigger. A participle cue followed directly by its preposition
    /// ("a pastor accused of blasphemy was stoned", "who was accused of theft, was stoned") covers the trigger only while
    /// its phrase runs on up to it: a comma, a form of "be" or a clause break ends that phrase. Said of a side
    /// ("accused the army of shelling the town") it covers the clause.
    static func isClaimed(_ m: EventMention, lexicon: ExtractionLexicon) -> Bool {
        guard !lexicon.responsibilityPhrases.isEmpty, let clause = clauseBefore(m) else { return false }
        for phrase in lexicon.responsibilityPhrases {
            let needle = " " + phrase + " "
            var from = clause.startIndex
            while let r = clause.range(of: needle, range: from..<clause.endIndex) {
                from = clause.index(before: r.upperBound)
                guard let prep = lexicon.participlePrepositions[phrase], clause[r.upperBound...].hasPrefix(prep + " ")
                else { return true }
                let tail = clause[clause.index(r.upperBound, offsetBy: prep.count)...]
                if !phraseEnds(tail, lexicon: lexicon) { return true }
            }
        }
        return false
    }

    /// Whether a comma, a form of "be" or a clause break stands in `tail` (the phrase after the cue's preposition).
    static func phraseEnds(_ tail: Substring, lexicon: ExtractionLexicon) -> Bool {
        if tail.contains(",") { return true }
        return tail.split(separator: " ").contains { word in
            let c = lexicon.functionWords[WordKey.of(String(word))]
            return c == .be || c == .clauseBreak
        }
    }

    /// The main event, or `nil` when the text names none or only events inside a claim of responsibility.
    public static func choose(_ mentions: [EventMention], lexicon: ExtractionLexicon) -> EventMention? {
        let free = mentions.filter { !isClaimed($0, lexicon: lexicon) }
        if free.isEmpty, !mentions.isEmpty {
            // Every event stands inside a claim: the text is about who did it.
            return nil
        }
        return choose(free)
    }

    /// Bytes between a seizure's trigger and an attack trigger told in its object ("intercepted two missiles fired at").
    static let seizedObjectReach: Int32 = 48

    /// Whether an attack is told in the object of a seizure or interception in its sentence ("Navy ships intercepted
    /// Houthi missiles fired at a tanker"): the weapons' own attack is the occasion; the interception is what happened.
    static func describesSeizedWeapons(_ m: EventMention, in mentions: [EventMention]) -> Bool {
        guard m.type == .attack else { return false }
        let bytes = Array(m.evidence.text.utf8)
        return mentions.contains { z in
            guard z.type == .weaponsSeized, z.evidence.start == m.evidence.start, z.trigger.end <= m.trigger.start,
                  m.trigger.start - z.trigger.end <= seizedObjectReach else { return false }
            let lo = Int(z.trigger.end - m.evidence.start), hi = Int(m.trigger.start - m.evidence.start)
            guard lo >= 0, hi <= bytes.count, lo <= hi else { return false }
            // (No clause break between: "seized rifles; the next day militants attacked" is two events.)
            return !bytes[lo..<hi].contains { $0 == 0x2C || $0 == 0x3B || $0 == 0x2E }
        }
    }

    public static func choose(_ mentions: [EventMention]) -> EventMention? {
        var best: (Double, EventMention)?
        for (i, m) in mentions.enumerated() {
            var score = weight(m.type) - Double(i) * 0.6
            if describesSeizedWeapons(m, in: mentions) { score -= 2 }
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
