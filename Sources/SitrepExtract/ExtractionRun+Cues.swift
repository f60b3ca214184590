import SitrepCore
import SitrepKnowledge
import SitrepLanguage

/// Sentence-level cues: weapons and police words that set modes, contexts that veto weak triggers,
/// and how kill and injury clauses join the attack they belong to.
extension ExtractionRun {
    /// All matches of a phrase table within a token range.
    func matches<V>(_ table: PhraseTable<V>, in r: Range<Int>) -> [PhraseTable<V>.Match] {
        var out: [PhraseTable<V>.Match] = []
        var i = r.lowerBound
        while i < r.upperBound {
            i = view.nextStart(from: i, to: r.upperBound, bit: table.bit)
            if i >= r.upperBound { break }
            if let m = table.longestMatch(at: i, keys: view.keys, limit: r.upperBound, blocks: { view.isPunctuation($0) }) {
                out.append(m); i = m.end
            } else { i += 1 }
        }
        return out
    }

    /// Whether a phrase of the table matches within a token range: `!matches(table, in: r).isEmpty`, without the
    /// list (the scan stops at the first match, which is the first one `matches` finds).
    func hasMatch<V>(_ table: PhraseTable<V>, in r: Range<Int>) -> Bool {
        firstMatch(table, in: r) != nil
    }

    /// `matches(table, in: r).first`, without the list.
    func firstMatch<V>(_ table: PhraseTable<V>, in r: Range<Int>) -> PhraseTable<V>.Match? {
        var i = r.lowerBound
        while i < r.upperBound {
            i = view.nextStart(from: i, to: r.upperBound, bit: table.bit)
            if i >= r.upperBound { break }
            if let m = table.longestMatch(at: i, keys: view.keys, limit: r.upperBound, blocks: { view.isPunctuation($0) }) { return m }
            i += 1
        }
        return nil
    }

    static func modeRank(_ m: EventMode?) -> Int {
        switch m {
        case .chemical: 7
        case .suicideBombing: 6
        case .grenade: 5
        case .remoteExplosive, .bombing: 4
        case .airstrike: 3
        case .shelling: 2
        case .execution: 1
        default: 0
        }
    }

    /// Mode cues of the other sentences of a sentence's paragraph (at most three sentences either side).
    func cuesOfParagraph(around s: Int) -> [ModeCue] {
        let p = sentences[s].paragraph
        var out: [ModeCue] = []
        for t in max(0, s - 3)...min(sentences.count - 1, s + 3) where t != s && sentences[t].paragraph == p {
            out += modeCues(ofSentence: t)
        }
        return out
    }

    /// The mode-cue values of a sentence's words, in order, found once per sentence.
    func modeCues(ofSentence t: Int) -> [ModeCue] {
        if let known = modeCueCache[t] { return known }
        let found = matches(lexicon.modeCues, in: sentences[t].tokens).flatMap { lexicon.modeCues.patterns[$0.pattern].value }
        modeCueCache[t] = found
        return found
    }

    func applyCues(sentence s: Int, candidates r: Range<Int>) {
        guard !r.isEmpty else { return }
        let tokens = sentences[s].tokens
        let cues = modeCues(ofSentence: s)
        var paragraphCues: [ModeCue]?
        for i in r { applyModeCues(candidates[i], cues: cues, paragraphCues: &paragraphCues, sentence: s) }
        // Disasters and accidents are no conflict events, whatever the word; ordinary crime makes weak triggers,
        // arrests and seizures none. An armed group from the dictionary keeps the event.
        let vetoes = matches(lexicon.vetoes, in: tokens).map { lexicon.vetoes.patterns[$0.pattern].value }
        if !vetoes.isEmpty {
            // A natural disaster vetoes every trigger; an accident word ("warehouse", "blaze") only the weak ones:
            // "fighters looted the warehouse" still names an event.
            let natural = vetoes.contains { $0 == .disaster }
            let disaster = natural
            let strongArmed = r.contains { !candidates[$0].entry.weak && ![.capture, .weaponsSeized].contains(candidates[$0].type) }
            for i in r {
                let c = candidates[i]
                let participants = c.agents + c.patients + c.parties
                let armed = participants.contains { [.armedGroup, .internationalForce].contains($0.kind) && $0.fromDictionary }
                if armed { continue }
                // "attacks against the security forces near the oil refinery": an accident word does not undo a strong
                // trigger with armed sides.
                if !natural, !c.entry.weak, c.type == .attack || c.type == .clash,
                   participants.contains(where: { ExtractionRun.armedKinds.contains($0.kind) }) { continue }
                // A protest about a crime is still a protest ("marched to denounce corruption").
                if !disaster, vetoes.allSatisfy({ $0 == .crime }), c.type == .protest || c.type == .riot { continue }
                // Evacuations and relocations after an accident are its response, no conflict event.
                let response = !vetoes.allSatisfy({ $0 == .crime }) && c.type == .transfer
                if disaster || c.entry.weak || response || (!strongArmed && [.capture, .weaponsSeized].contains(c.type)) {
                    candidates[i].dropped = true
                }
            }
        }
    }

    /// One candidate's mode cues, changed in place.
    func applyModeCues(_ c: Candidate, cues: [ModeCue], paragraphCues: inout [ModeCue]?, sentence s: Int) {
        // Attacks on armed forces are battles, unless a weapon makes them an explosion.
        let base: EventType = c.triggerType == .attack && c.type == .clash && c.entry.frame == "strike" ? .attack : c.type
        var best: ModeCue?
        for cue in cues where cue.appliesTo == base {
            if let b = best, b.rank >= cue.rank { continue }
            best = cue
        }
        if best == nil, c.mode == nil, !c.entry.direct, base == .attack || base == .protest {
            // "The attacks – mostly using grenades – …": a weapon or police word in the paragraph's other sentences
            // (not for a trigger that names its own weapon: "opened fire" after a paragraph about air raids).
            if paragraphCues == nil { paragraphCues = cuesOfParagraph(around: s) }
            for cue in paragraphCues! where cue.appliesTo == base && cue.becomes == base {
                if let b = best, b.rank >= cue.rank { continue }
                best = cue
            }
        }
        if let best {
            if base == .attack, best.becomes == .attack {
                if ExtractionRun.modeRank(best.mode) > ExtractionRun.modeRank(c.mode) || c.type != .attack {
                    if c.type == .clash, c.agents.isEmpty, let first = c.parties.first {
                        // Back from a clash to an attack: the first side does it, the others undergo it.
                        c.agents = [first]
                        c.patients = Array(c.parties.dropFirst())
                        c.parties = []
                    }
                    c.type = .attack; c.mode = best.mode
                }
            } else if base == .transfer, best.becomes == .transfer {
                // "aboard buses", "a convoy": a transfer keeps the mode its own words give.
                if c.mode == nil { c.mode = best.mode }
            } else {
                c.type = best.becomes
                c.mode = best.mode
            }
        }
        if c.type == .takeover {
            let kind = c.agents.first?.kind
            switch kind {
            case .state?, .stateForce?, .governmentBody?: c.mode = .government
            case .armedGroup?, .internationalForce?, .other?: c.mode = .nonState
            default: break
            }
        }
        if c.type != .attack, c.mode.map({ [.airstrike, .shelling, .suicideBombing, .remoteExplosive, .grenade, .chemical, .bombing, .execution].contains($0) }) == true {
            c.mode = nil
        }
    }

    /// Weak triggers stay only with an argument, a resolved frame, or a figure.
    func filterWeak() {
        // Fields read by index: no copy of each candidate.
        for i in candidates.indices where candidates[i].entry.weak && !candidates[i].dropped {
            if candidates[i].entry.framed, !candidates[i].frameResolved {
                candidates[i].dropped = true; continue
            }
            let triggerType = candidates[i].triggerType
            // "Fighters gathered in the valley": armed men gathering or marching is no protest.
            if triggerType == .protest, candidates[i].agents.contains(where: { [.armedGroup, .stateForce, .internationalForce].contains($0.kind) }) {
                candidates[i].dropped = true; continue
            }
            // "Protesters marched": a participant noun is a protest unless the sentence names one already.
            if triggerType == .protest || triggerType == .riot {
                let other = bySentence[candidates[i].sentence].contains { j in
                    j != i && !candidates[j].dropped && !candidates[j].entry.weak && [.protest, .riot].contains(candidates[j].type)
                }
                candidates[i].dropped = other
                continue
            }
            let hasArgument = !(candidates[i].agents.isEmpty && candidates[i].patients.isEmpty && candidates[i].parties.isEmpty)
                || candidates[i].count != nil || candidates[i].fatalities != nil || candidates[i].frameResolved
            if !hasArgument { candidates[i].dropped = true }
        }
    }

    /// "Soldiers raided a house and arrested a man", "attackers raided the village and set houses ablaze": a weak attack
    /// verb with no toll is the means of the arrest, abduction or destruction its sentence names with a strong word.
    func dropMeans() {
        let outcomes = EventTypeSet([.capture, .abduction, .propertyDestruction])
        for range in bySentence {
            guard range.contains(where: { !candidates[$0].dropped && !candidates[$0].entry.weak && outcomes.contains(candidates[$0].type) })
            else { continue }
            // Verbs only: a noun ("hostages captured in its raid") is the circumstance `inheritFromCircumstances` reads.
            for i in range where !candidates[i].dropped && !candidates[i].isNoun && candidates[i].entry.weak && !candidates[i].entry.fatal
                && candidates[i].type == .attack && candidates[i].mode == nil && candidates[i].fatalities == nil {
                candidates[i].dropped = true
            }
        }
    }

    /// "Many such deals have taken place", "to justify continued military operations", "accelerate splits": a noun
    /// trigger after a generic cue (in its noun phrase or as its governing verb, no clause break between) names a kind
    /// of event, not one that happened.
    func dropGeneric() {
        for i in candidates.indices where candidates[i].isNoun && !candidates[i].dropped {
            let start = candidates[i].start
            let lo = max(sentences[candidates[i].sentence].tokens.lowerBound, start - 5)
            var from = lo
            for j in lo..<start where isHardBreak(j) || view.function[j] == .clauseBreak { from = j + 1 }
            if matches(lexicon.genericCues, in: from..<start).contains(where: { $0.end <= start }) {
                candidates[i].dropped = true
            } else if isTrendSubject(i) {
                candidates[i].dropped = true
            }
        }
    }

    /// "Attacks on civilians in the area have roughly doubled", "abductions rose sharply this year": a noun trigger
    /// that is the subject of a verb of change in amount (`trend-verbs.tsv`) with no object of its own names a trend.
    func isTrendSubject(_ i: Int) -> Bool {
        let c = candidates[i]
        let end = sentences[c.sentence].tokens.upperBound
        // The trigger heads the clause's subject: no preposition before it in its clause ("the number of people hurt
        // in the attack has risen" is about a number).
        let before = leftWindow(sentence: c.sentence, start: c.start, previousEnd: sentences[c.sentence].tokens.lowerBound)
        if before.contains(where: { j in
            view.keys[j] == ExtractionRun.ofKey || [.location, .origin, .destination, .agent, .party].contains(view.function[j])
        }) { return false }
        var j = c.end
        while j < min(end, c.end + 12) {
            if isHardBreak(j) || view.function[j] == .clauseBreak || view.keys[j] == ExtractionRun.thatKey { return false }
            if lexicon.trendVerbs.contains(view.keys[j]) {
                // No object: the clause ends, or an adverb, a preposition, a participle ("compared with") or a time
                // follows ("the attack increased tensions" is an attack).
                let k = j + 1
                if k >= end || isHardBreak(k) || view.hasSuffix(k, "ly") || view.hasSuffix(k, "ed") || timeStarts(at: k) != nil {
                    return true
                }
                if let f = view.function[k] { return f != .det }
                return false
            }
            j += 1
        }
        return false
    }

    /// Whether two mentions of one type in a sentence can be one event: nothing they say differs.
    func compatible(_ a: Candidate, _ b: Candidate) -> Bool {
        if let x = a.count, let y = b.count, x.min != y.min || x.max != y.max { return false }
        if let x = a.location, let y = b.location, x.id != y.id { return false }
        if let x = a.origin, let y = b.origin, x.id != y.id { return false }
        if let x = a.destination, let y = b.destination, x.id != y.id { return false }
        if let x = a.patients.first, let y = b.patients.first, (x.id ?? x.name) != (y.id ?? y.name) { return false }
        return true
    }

    /// One event told with several words in one sentence: "Militants stormed the city …, setting off car bombs and
    /// murdering civilians" is one attack; "a deal seems to have been struck" one agreement. The first mention keeps
    /// the others' mode (the most specific), toll and victims.
    /// Types whose several triggers in one sentence tell one happening ("given safe passage … bused out").
    static let combinedTypes = EventTypeSet([.attack, .agreement, .negotiation, .takeover, .transfer, .release,
                                                 .surrender, .withdrawal])

    func combineWithinSentences() {
        // The first live candidate of each type in the sentence: a few pairs scanned, not a dictionary per sentence.
        var keeper: [(type: EventType, index: Int)] = []
        for (s, range) in bySentence.enumerated() {
            let cues = relationMatches[s]
            keeper.removeAll(keepingCapacity: true)
            for i in range where !candidates[i].dropped {
                let t = candidates[i].type
                guard ExtractionRun.combinedTypes.contains(t) else { continue }
                guard let k = keeper.first(where: { $0.type == t })?.index else { keeper.append((t, i)); continue }
                let a = candidates[k], b = candidates[i]
                let sameDoer = a.agents.isEmpty || b.agents.isEmpty || a.agents[0].name == b.agents[0].name
                // "in response to an attack", "in exchange for": events joined by a cue stay two.
                let joined = cues.contains { $0.start >= a.end && $0.end <= b.start }
                guard sameDoer, !joined, compatible(a, b) else { continue }
                if ExtractionRun.modeRank(b.mode) > ExtractionRun.modeRank(a.mode) { candidates[k].mode = b.mode }
                if a.fatalities == nil { candidates[k].fatalities = b.fatalities }
                if a.patients.isEmpty { candidates[k].patients = b.patients }
                if a.agents.isEmpty { candidates[k].agents = b.agents }
                if a.parties.isEmpty { candidates[k].parties = b.parties }
                if a.location == nil { candidates[k].location = b.location }
                if a.origin == nil { candidates[k].origin = b.origin }
                if a.destination == nil { candidates[k].destination = b.destination }
                if a.count == nil { candidates[k].count = b.count }
                if a.recipients.isEmpty { candidates[k].recipients = b.recipients }
                candidates[i].dropped = true
                candidates[i].mergedInto = k
            }
        }
    }

    /// "Police seized rifles and grenades": weapon nouns that are what was seized are no attack.
    func dropSeizedWeapons() {
        for range in bySentence {
            guard let seizure = range.first(where: { !candidates[$0].dropped && candidates[$0].type == .weaponsSeized }) else { continue }
            let z = candidates[seizure]
            // The weapons before a passive seizure are its subject: "grenades and ammunition were discovered".
            let subjectOfPassive: (Candidate) -> Bool = { c in z.isPassive && c.end <= z.start && z.start - c.end <= 4 }
            for i in range where candidates[i].isNoun && candidates[i].type == .attack && candidates[i].fatalities == nil
                && (candidates[i].agents.isEmpty || candidates[i].start > z.start || subjectOfPassive(candidates[i])) {
                candidates[i].dropped = true
            }
            // "intercepted two missiles fired at a ship": a reduced relative right after the seized weapons describes them.
            for i in range where candidates[i].reducedRelative && candidates[i].type == .attack && candidates[i].fatalities == nil
                && candidates[i].start > z.end && candidates[i].start <= z.end + 6 && view.argument[candidates[i].start - 1] == .weapon
                && !(z.end..<candidates[i].start).contains(where: { isHardBreak($0) }) {
                candidates[i].dropped = true
            }
        }
    }

    /// "Militants stormed the city … More than 250 people were killed": a kill or injury clause gives its
    /// toll to the attack or clash of its sentence, or of the sentence before in the same paragraph.
    func mergeTolls() {
        let violent = EventTypeSet([.attack, .clash, .riot, .offensive, .takeover])
        for i in candidates.indices where !candidates[i].dropped && candidates[i].entry.weak && candidates[i].triggerType == .attack {
            let c = candidates[i]
            let s = c.sentence
            var host: Int?
            for j in bySentence[s] where j != i && !candidates[j].dropped && violent.contains(candidates[j].type)
                && !(candidates[j].entry.weak && candidates[j].triggerType == .attack) {
                host = j; break
            }
            // (A killing that names its doer, as agent or as a side of the fight its toll makes, is its own event.)
            if host == nil, s > 0, c.agents.isEmpty, c.parties.isEmpty, sentences[s - 1].paragraph == sentences[s].paragraph {
                host = bySentence[s - 1].last { !candidates[$0].dropped && violent.contains(candidates[$0].type) }
            }
            guard let h = host else { continue }
            if candidates[h].fatalities == nil, let f = c.fatalities { candidates[h].fatalities = f }
            if candidates[h].patients.isEmpty, !c.patients.isEmpty, c.entry.fatal { candidates[h].patients = c.patients }
            // "Taliban attacks … 27 security personnel were killed": a toll of armed men makes the attack a battle.
            if candidates[h].type == .attack, candidates[h].mode == nil, c.type == .clash,
               candidates[h].triggerType == .attack, !candidates[h].patients.contains(where: { $0.kind == .civilians }) {
                candidates[h].type = .clash
                candidates[h].parties = ExtractionRun.unique(candidates[h].agents + candidates[h].patients)
                candidates[h].agents = []; candidates[h].patients = []
            }
            candidates[i].dropped = true
            candidates[i].mergedInto = h
        }
    }
}
