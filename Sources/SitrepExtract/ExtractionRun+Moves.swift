import SitrepCore
import SitrepKnowledge

/// Movements told of the moved group itself ("250 fighters left the town aboard buses"), participles that
/// describe their noun ("the release of detained fighters"), and what an event borrows from the event it
/// happened in ("kidnapped in an attack on the city").
extension ExtractionRun {
    static let outKey = WordKey.of("out")
    static let premodifierWords = WordKeySet(words: ["of", "for"])
    /// Frames of verbs whose subject is the group that moves (`frames.tsv`): "leave" (its object is where
    /// they left), "arrive" (the place is where they went).
    static let selfMoveFrames: Set<String> = ["leave", "arrive"]
    /// How many sentences either side of a self-movement a transfer cue may stand in.
    static let moveCueReach = 2

    /// "the release of detained fighters": a one-word participle after a preposition and right before a noun phrase.
    func isPremodifier(_ c: Candidate, sentence s: Range<Int>) -> Bool {
        guard !c.isNoun, !c.isPassive, c.gap == nil, c.end == c.start + 1, c.start > s.lowerBound, c.end < s.upperBound,
              view.hasSuffix(c.start, "ed") || ExtractionRun.irregularParticiples.contains(view.keys[c.start]) else { return false }
        let p = c.start - 1
        let afterPreposition: Bool
        switch view.function[p] {
        case .location?, .origin?, .destination?, .agent?, .party?: afterPreposition = true
        default: afterPreposition = ExtractionRun.premodifierWords.contains(view.keys[p])
        }
        guard afterPreposition else { return false }
        let n = c.end
        return view.actors(startingIn: n..<(n + 1)).first != nil || view.counts(startingIn: n..<(n + 1)).first != nil
            || view.argument[n] != nil
    }

    /// Whether a transfer trigger tells a group moving itself: a self-movement verb ("left", "headed to"), or a
    /// weak move verb with no object ("fighters tried to move closer to the border").
    func isSelfMove(_ c: Candidate, objectWindow: Range<Int>) -> Bool {
        guard c.entry.type == .transfer, !c.isNoun, !c.isPassive else { return false }
        if let f = c.entry.frame, ExtractionRun.selfMoveFrames.contains(f) { return true }
        guard c.entry.weak, c.entry.frame == nil else { return false }
        let hasObject = firstActor(in: objectWindow) != nil || !counts(in: objectWindow).isEmpty
            || objectWindow.contains { ExtractionRun.pronouns.contains(view.keys[$0]) }
        return !hasObject
    }

    /// Roles of a self-movement: its subject is the moved group (patient), counted by the figure next to it; nobody
    /// moves them unless a "by" phrase says so. No group of people (or an object that is not a place: "left 10 dead")
    /// and it is no transfer. It stays only near a transfer cue (`requireMoveCues`).
    func moveOfItself(_ c: Candidate, left: Range<Int>, sentence s: Range<Int>, objectWindow: Range<Int>, byPhrase: Range<Int>?) {
        let isMover: (ActorSpan) -> Bool = {
            ($0.fromDictionary || [.armedGroup, .civilians, .stateForce, .internationalForce, .other].contains($0.kind)) && self.isPossibleDoer($0)
        }
        if let f = c.entry.frame, ExtractionRun.selfMoveFrames.contains(f) {
            // "left 10 dead", "left the hostages": an object that is not a place makes it no movement of the subject.
            // "arrived in Homs aboard a convoy": a place opening the object is where they went, whatever follows.
            let placeFirst = view.places(startingIn: objectWindow).first.map { $0.tokens.lowerBound <= objectWindow.lowerBound + 1 } ?? false
            let cls = placeFirst ? .territory : argumentClass(in: objectWindow)
            let person = actors(in: objectWindow).contains { [.armedGroup, .civilians, .other].contains($0.kind) }
            // ("left three villages", "left four hamlets near Homs": a count of places is where they left.)
            let hasPlace = !view.places(startingIn: objectWindow).isEmpty
            let countsPeople = counts(in: objectWindow).contains { q in
                // (The counted noun, or the first classed word of the next three when the language layer names none.)
                let next = q.tokens.upperBound
                let key = q.quantity.of.map(WordKey.of)
                    ?? (next..<min(next + 3, s.upperBound)).first { lexicon.argumentClasses[view.keys[$0]] != nil }.map { view.keys[$0] }
                guard let key else { return true }
                switch lexicon.argumentClasses[key] {
                case .territory?, .property?: return false
                case .civilian?, .combatant?: return true
                default: return !hasPlace
                }
            }
            if person || countsPeople || (cls != nil && cls != .territory && cls != .property) {
                c.dropped = true; return
            }
        }
        // "ISIS members boarding buses": an -ing form's subject is the noun phrase right before it; else the clause's.
        let gerund = view.hasSuffix(c.start, "ing")
        var patient: ActorSpan?
        if gerund { patient = actors(in: max(s.lowerBound, c.start - 6)..<c.start).last { $0.tokens.upperBound >= c.start - 1 && isMover($0) } }
        var h = c.start - 1
        if patient == nil, h > s.lowerBound, view.keys[h] == ExtractionRun.toKey {
            // "rebels agreed to leave": an infinitive's subject is the subject of the verb it completes, a trigger
            // ("agreed") or another verb ("tried to move").
            if let prev = candidates.indices.last(where: { $0 < candidates.count && candidates[$0].sentence == c.sentence && candidates[$0].headEnd == h }) {
                patient = (candidates[prev].agents + candidates[prev].parties + candidates[prev].patients).first(where: isMover)
                h = -1
            } else {
                h -= 2
            }
        }
        if patient == nil, h >= s.lowerBound {
            // The clause's subject, whose head stands right before the verb (adverbs aside): "250 fighters and their
            // families left", not "the last holdout left in the country".
            while h > left.lowerBound, view.function[h] == .adverb || view.hasSuffix(h, "ly") { h -= 1 }
            // (A dictionary actor stands for the typed noun after it: "ISIS members".)
            let window = min(left.lowerBound, max(s.lowerBound, h - 6))..<c.start
            let headIsMover = actors(in: window).contains { ($0.tokens.contains(h) || ($0.fromDictionary && $0.tokens.upperBound == h)) && isMover($0) }
            if headIsMover { patient = actors(in: window).first(where: isMover) }
        }
        guard let patient else { c.dropped = true; return }
        c.patients = [patient]
        if let byPhrase, let a = actors(in: byPhrase).first(where: { isPossibleDoer($0) }) { c.agents = [a] }
        let near = counts(in: max(s.lowerBound, patient.tokens.lowerBound - 6)..<patient.tokens.upperBound)
            .last { $0.tokens.upperBound >= patient.tokens.lowerBound - 2 }
        c.count = near?.quantity
        if let near, near.tokens.upperBound == patient.tokens.lowerBound || patient.tokens.contains(near.tokens.upperBound) {
            // "Around 300 fighters and their families left three villages": the figure right before the group counts it.
            c.count?.of = view.text(tokens: (patient.tokens.upperBound - 1)..<patient.tokens.upperBound).lowercased()
        }
        let cls: ArgumentClass?
        switch patient.kind {
        case .armedGroup, .stateForce, .internationalForce: cls = .combatant
        case .civilians: cls = .civilian
        default: cls = patient.fromDictionary ? .combatant : nil
        }
        c.argumentClass = cls
        if let cls, let (t, m) = c.entry.rules?[cls] {
            c.type = t
            if let m { c.mode = m }
        }
        c.frameResolved = true
        c.selfMove = true
    }

    /// A self-movement is a transfer only with a transfer cue near it (within `moveCueReach` sentences): a bus or
    /// convoy word, "safe passage", an evacuation, or a deal or another transfer told as such.
    func requireMoveCues() {
        guard candidates.contains(where: { $0.selfMove && !$0.dropped }) else { return }
        // Per sentence: 0 not yet asked, 1 no cue, 2 a cue (a list, not a dictionary of sentence numbers).
        var cueCache = [UInt8](repeating: 0, count: sentences.count)
        func hasCue(_ s: Int) -> Bool {
            if cueCache[s] != 0 { return cueCache[s] == 2 }
            let cue = matches(lexicon.modeCues, in: sentences[s].tokens).contains { m in
                lexicon.modeCues.patterns[m.pattern].value.contains { $0.appliesTo == .transfer }
            } || bySentence[s].contains { j in
                let o = candidates[j]
                return !o.dropped && !o.selfMove && (o.type == .agreement || o.type == .transfer)
            }
            cueCache[s] = cue ? 2 : 1
            return cue
        }
        for i in candidates.indices where candidates[i].selfMove && !candidates[i].dropped {
            let s = candidates[i].sentence
            let reach = max(0, s - ExtractionRun.moveCueReach)...min(sentences.count - 1, s + ExtractionRun.moveCueReach)
            if !reach.contains(where: hasCue) { candidates[i].dropped = true }
        }
    }

    static let duringKey = WordKey.of("during")
    static let possessives = WordKeySet(words: ["its", "their"])
    static let circumstanceTypes = EventTypeSet([.attack, .clash, .offensive])
    static let takenPeopleTypes = EventTypeSet([.abduction, .capture])

    /// "kidnapped in an attack on the city", "captured in its recent attacks on Sweida": an event told as happening
    /// in a named attack takes that attack's place when it has none, and people taken in it were taken by its doer.
    func inheritFromCircumstances() {
        var live: [Int] = []
        for range in bySentence where range.count > 1 {
            live.removeAll(keepingCapacity: true)
            for i in range where !candidates[i].dropped { live.append(i) }
            for (k, i) in live.enumerated() where k + 1 < live.count {
                let j = live[k + 1]
                let a = candidates[i], b = candidates[j]
                guard b.isNoun, ExtractionRun.circumstanceTypes.contains(b.type), !ExtractionRun.circumstanceTypes.contains(a.type),
                      a.end < b.start, b.start - a.end <= 4 else { continue }
                let first = a.end
                guard view.function[first] == .location || view.keys[first] == ExtractionRun.duringKey else { continue }
                if (first..<b.start).contains(where: { isHardBreak($0) || view.function[$0] == .clauseBreak }) { continue }
                if candidates[i].location == nil { candidates[i].location = b.location }
                guard ExtractionRun.takenPeopleTypes.contains(a.type), a.isPassive, a.agents.isEmpty else { continue }
                var doer = b.agents.first
                if doer == nil, (first..<b.start).contains(where: { ExtractionRun.possessives.contains(view.keys[$0]) }) {
                    // "in its raid": the possessor is the armed side the sentence names before.
                    let s = sentences[a.sentence].tokens
                    doer = actors(in: s.lowerBound..<a.start).first { ExtractionRun.armedKinds.contains($0.kind) && isPossibleDoer($0) }
                }
                if let doer { candidates[i].agents = [doer] }
            }
        }
    }
}
