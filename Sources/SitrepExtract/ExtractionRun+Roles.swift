import SitrepCore
import SitrepKnowledge
import SitrepLanguage

/// Who did it, to whom, how many: windows around the trigger, voice, frames.
extension ExtractionRun {
    static let thatKey = WordKey.of("that")
    static let ofKey = WordKey.of("of")
    static let onKey = WordKey.of("on")
    static let againstKey = WordKey.of("against")
    static let toKey = WordKey.of("to")
    static let pronouns = WordKeySet(words: ["them", "they", "it", "him", "her", "those", "these"])
    static let subjectPronouns = WordKeySet(words: ["it", "they", "he", "she", "we"])
    /// Pronouns by which a source speaks of itself ("the army said it had …"); "he" or "she" after a group or a person
    /// is mostly someone else ("Authorities say he left a note").
    static let selfPronouns = WordKeySet(words: ["it", "they", "we"])
    static let relativeWho = WordKey.of("who")
    static let notCountedOnMoves: Set<String> = ["hostages", "captives", "hostage", "captive"]

    /// Types whose sides are parties rather than agent and patient.
    static let partyTypes = EventTypeSet([.clash, .agreement, .negotiation])
    /// Types whose subject does it to itself (no patient).
    static let intransitiveTypes = EventTypeSet([.surrender, .withdrawal, .protest, .riot, .groupChange])

    static func isQuote(_ k: TokenKind) -> Bool { k == .quote || k == .openQuote || k == .closeQuote }

    @inline(__always) func isHardBreak(_ i: Int) -> Bool {
        let t = view.tokens[i]
        if t.kind == .dash { return true }
        if t.kind == .punctuation {
            let b = view.firstByte(i)
            return b == 0x2C || b == 0x3B || b == 0x3A || b == 0x28 || b == 0x29 || b == 0x2E || b == 0x5B || b == 0x5D
        }
        return t.kind == .openQuote || t.kind == .closeQuote
    }

    /// Tokens before the trigger back to the clause start: punctuation, clause words, "that", another trigger.
    func leftWindow(sentence: Int, start: Int, previousEnd: Int) -> Range<Int> {
        let lo = max(sentences[sentence].tokens.lowerBound, previousEnd)
        var j = start
        while j > lo {
            let k = j - 1
            if isHardBreak(k) || view.function[k] == .clauseBreak || view.keys[k] == ExtractionRun.thatKey { break }
            j -= 1
        }
        return j..<start
    }

    /// Tokens after the trigger up to the next phrase or clause boundary (at most eight).
    func rightWindow(from start: Int, sentenceEnd: Int, nextStart: Int, allowOf: Bool = true) -> Range<Int> {
        let hi = min(sentenceEnd, nextStart, start + 8)
        var j = start
        while j < hi {
            if isHardBreak(j) { break }
            // "killing at least 23", "up to 400": a count that starts with a preposition is no boundary.
            if view.function[j] != nil, !view.counts(startingIn: j..<(j + 1)).isEmpty { j += 1; continue }
            switch view.function[j] {
            case .location where timeStarts(at: j + 1) != nil:
                // "captured on Monday the port": a time phrase is no boundary of the object.
                j = timeStarts(at: j + 1)!; continue
            case .clauseBreak, .origin, .destination, .location, .agent, .party: return start..<j
            default: break
            }
            if !allowOf, view.keys[j] == ExtractionRun.ofKey { break }
            j += 1
        }
        return start..<j
    }

    /// The tokens of a prepositional phrase: after the first `cls` word within `limit` tokens of `start`.
    func phrase(after start: Int, _ matches: (Int) -> Bool, sentenceEnd: Int, limit: Int = 6) -> Range<Int>? {
        var j = start
        while j < min(sentenceEnd, start + limit) {
            if matches(j) {
                let r = rightWindow(from: j + 1, sentenceEnd: sentenceEnd, nextStart: sentenceEnd)
                return r.isEmpty ? nil : r
            }
            if view.tokens[j].kind == .punctuation, view.firstByte(j) == 0x2E || view.firstByte(j) == 0x3B { return nil }
            // "gunmen escorted by soldiers": the phrase after a verb of protection or company is that verb's.
            if view.function[j] == .escort { return nil }
            j += 1
        }
        return nil
    }

    /// The token after a time expression that starts at token `i`, if one does.
    func timeStarts(at i: Int) -> Int? {
        guard i < view.tokens.count else { return nil }
        let offset = view.tokens[i].range.start
        let all = view.language.times
        // Sorted times (the usual case): the first starting at the offset is where a binary search lands.
        let k: Int
        if timesSorted {
            k = firstTime(atOrAfter: offset)
            guard k < all.count, all[k].range.start == offset else { return nil }
        } else {
            guard let f = all.firstIndex(where: { $0.range.start == offset }) else { return nil }
            k = f
        }
        return view.firstToken(atOrAfter: all[k].range.end)
    }

    func actors(in r: Range<Int>) -> [ActorSpan] {
        guard !r.isEmpty else { return [] }
        let all = view.actors(startingIn: r)
        guard !all.isEmpty else { return [] }
        var out: [ActorSpan] = []
        out.reserveCapacity(all.count)
        for a in all {
            // One noun phrase "ISIS fighters": the dictionary actor stands for the typed noun after it.
            if let last = out.last, !a.fromDictionary, last.fromDictionary, a.tokens.lowerBound <= last.tokens.upperBound + 1 { continue }
            if let last = out.last, a.fromDictionary, !last.fromDictionary, a.tokens.lowerBound <= last.tokens.upperBound {
                out[out.count - 1] = a; continue
            }
            out.append(a)
        }
        return out
    }

    /// Whether an actor may do an event: not a monitor or news outlet, not the source of a report.
    func isPossibleDoer(_ a: ActorSpan) -> Bool {
        if a.kind == .monitor || a.kind == .media { return false }
        let r = view.range(tokens: a.tokens)
        guard isAttributionSource(r) else { return true }
        // "The army said it had killed 27 militants": a source whose report opens with "it", "they" or "we" speaks of
        // what it did itself, and may do the event.
        return !view.language.attributions.contains {
            guard $0.source.overlaps(r) else { return false }
            let t = view.firstToken(atOrAfter: $0.scope.start)
            return t >= view.keys.count || !ExtractionRun.selfPronouns.contains(view.keys[t])
        }
    }

    /// The first actor of a window: the head of its noun phrase. The same as `actors(in: r).first` without the list:
    /// the first actor stands unless it is a typed noun that a dictionary actor right after it replaces ("fighters"
    /// then "ISIS" overlapping it); once a second actor is appended or skipped, the first is settled.
    func firstActor(in r: Range<Int>) -> ActorSpan? {
        guard !r.isEmpty else { return nil }
        let all = view.actors(startingIn: r)
        guard let first = all.first else { return nil }
        let i = all.startIndex
        if !first.fromDictionary, i + 1 < all.endIndex {
            let next = all[i + 1]
            if next.fromDictionary, next.tokens.lowerBound <= first.tokens.upperBound { return next }
        }
        return first
    }

    /// The counts whose first token lies in `r`, as a slice of the document's list (nothing copied).
    func counts(in r: Range<Int>) -> ArraySlice<CountSpan> {
        view.counts(startingIn: r)
    }

    /// The class of the head (last classifiable word) of a window's first noun phrase, else of its first actor or place.
    func argumentClass(in r: Range<Int>) -> ArgumentClass? {
        if let head = headClass(in: r) { return head }
        if !view.places(startingIn: r).isEmpty {
            return .territory
        }
        if let a = firstActor(in: r) {
            switch a.kind {
            case .armedGroup, .stateForce, .internationalForce: return .combatant
            case .civilians: return .civilian
            default: return nil
            }
        }
        return nil
    }

    /// The class of the head (last classifiable word) of a window's first noun phrase.
    func headClass(in r: Range<Int>) -> ArgumentClass? {
        var head: ArgumentClass?
        for j in r {
            if view.function[j] == .conj || (view.tokens[j].kind == .punctuation && view.firstByte(j) == 0x2C) {
                if head != nil { break } else { continue }
            }
            // "properties of its members": the head stands before "of".
            if head != nil, view.keys[j] == ExtractionRun.ofKey { break }
            if let c = view.argument[j], c != .pact || head == nil { head = c }
        }
        return head
    }

    func analyse(_ index: Int) {
        // Changed in place (a class): the list holds the same candidate.
        let c = candidates[index]
        let s = sentences[c.sentence].tokens
        // "Trump's move", "the move comes after …": a verb-only trigger used as a noun names a decision, no event,
        // unless what moved or where follows it ("the move of 400 fighters", "the move to Idlib").
        if c.isNoun, c.entry.verbal, c.end >= s.upperBound
            || (view.keys[c.end] != ExtractionRun.ofKey && view.function[c.end] != .destination) {
            c.dropped = true; return
        }
        var firstInSentence = index
        while firstInSentence > 0, candidates[firstInSentence - 1].sentence == c.sentence { firstInSentence -= 1 }
        let sameSentence = firstInSentence..<candidates.count
        var previousEnd = s.lowerBound, nextStart = s.upperBound, anyBefore = false
        for j in sameSentence where j != index {
            if j < index { previousEnd = anyBefore ? max(previousEnd, candidates[j].headEnd) : candidates[j].headEnd; anyBefore = true }
            else { nextStart = min(nextStart, candidates[j].start) }
        }

        var left = leftWindow(sentence: c.sentence, start: c.start, previousEnd: previousEnd)
        // "free 22 hostages captured in the raid": a noun trigger heading the noun phrase of a reduced relative is
        // part of that phrase, not a boundary.
        if c.isPassive, left.isEmpty, let k = sameSentence.last(where: { $0 < index }), candidates[k].isNoun,
           candidates[k].end == c.start {
            var before = s.lowerBound
            for j in sameSentence where j < k { before = max(before, candidates[j].headEnd) }
            left = leftWindow(sentence: candidates[k].sentence, start: candidates[k].start, previousEnd: before).lowerBound..<c.start
        }
        var afterTrigger = c.end
        // "it had “neutralised” 27 terrorists": a trigger in scare quotes takes its object after the closing quote.
        if c.start > s.lowerBound, afterTrigger + 1 < s.upperBound, ExtractionRun.isQuote(view.tokens[c.start - 1].kind),
           ExtractionRun.isQuote(view.tokens[afterTrigger].kind) {
            afterTrigger += 1
        }
        var right = rightWindow(from: afterTrigger, sentenceEnd: s.upperBound, nextStart: nextStart)
        if c.isNoun, afterTrigger < s.upperBound,
           [ExtractionRun.ofKey, ExtractionRun.onKey, ExtractionRun.againstKey].contains(view.keys[afterTrigger]) {
            right = rightWindow(from: afterTrigger + 1, sentenceEnd: s.upperBound, nextStart: nextStart)
        } else if c.isNoun {
            right = afterTrigger..<afterTrigger
        }
        let byPhrase = phrase(after: c.end, { view.function[$0] == .agent }, sentenceEnd: min(s.upperBound, nextStart))
        let withPhrase = phrase(after: c.end, { view.function[$0] == .party }, sentenceEnd: min(s.upperBound, nextStart), limit: 8)
        let toPhrase = phrase(after: c.end, { view.keys[$0] == ExtractionRun.toKey }, sentenceEnd: min(s.upperBound, nextStart))

        // The argument that undergoes the event, and the one that does it.
        var objectWindow: Range<Int>
        var subjectWindow: Range<Int>? = left
        if let g = c.gap, !g.isEmpty {
            objectWindow = g
        } else if c.isPassive {
            objectWindow = left
            subjectWindow = byPhrase
        } else {
            objectWindow = right
        }
        if c.isNoun {
            // "Assad's transfer", "the regime offensive": a possessor or modifier just before the noun.
            var j = c.start
            while j > left.lowerBound, view.function[j - 1] == .det { j -= 1 }
            let premod = actors(in: left).last { $0.tokens.upperBound >= j - 1 && $0.tokens.upperBound <= c.start }
            if let byPhrase, firstActor(in: byPhrase) != nil { subjectWindow = byPhrase }
            else if let premod { subjectWindow = premod.tokens }
            else { subjectWindow = nil }
        }

        // "the release of detained fighters": a participle before its noun, after a preposition, describes the noun:
        // the noun undergoes the event and nobody in the clause does it.
        let premodifier = isPremodifier(c, sentence: s)
        if premodifier {
            objectWindow = rightWindow(from: c.end, sentenceEnd: s.upperBound, nextStart: nextStart)
            subjectWindow = byPhrase
        }
        if isSelfMove(c, objectWindow: objectWindow) {
            moveOfItself(c, left: left, sentence: s, objectWindow: objectWindow, byPhrase: byPhrase)
            return
        }

        var object = firstActor(in: objectWindow)
        var objectCounts = counts(in: objectWindow)
        var objectFromRelative: ActorSpan?
        // "were reportedly spared and secretly bused out": a coordinated passive shares the first verb's subject.
        if c.isPassive, object == nil, objectCounts.isEmpty,
           objectWindow.contains(where: { view.function[$0] == .conj }) || (c.start > s.lowerBound && previousEnd >= c.start - 3),
           let prev = sameSentence.last(where: { $0 < index }), candidates[prev].isPassive {
            let before = s.lowerBound..<candidates[prev].start
            object = actors(in: before).last
            objectCounts = counts(in: before).suffix(1)
        }
        if c.isPassive, !objectWindow.isEmpty {
            // The subject of a passive: the head noun phrase nearest the verb's clause start.
            object = firstActor(in: objectWindow)
        }
        // "The villagers abducted near the town were released": a passive right after a reduced relative clause has
        // that clause's noun phrase as its subject.
        // (The relative's own "by" phrase and places are not the passive's subject: "women kidnapped by gunmen near
        // the town were freed".)
        if c.isPassive, !c.reducedRelative, c.gap == nil, let prev = sameSentence.last(where: { $0 < index && candidates[$0].reducedRelative }),
           let p = candidates[prev].patients.first, p.tokens.upperBound <= candidates[prev].start,
           !(candidates[prev].end..<c.start).contains(where: { isHardBreak($0) || view.function[$0] == .clauseBreak }) {
            object = p
            objectCounts = counts(in: max(s.lowerBound, p.tokens.lowerBound - 6)..<candidates[prev].start).suffix(1)
            objectFromRelative = p
        }
        // "moved them to Badiya": a pronoun object stands for the last group named before it in the sentence.
        var objectFromPronoun = false
        if object == nil, objectWindow.contains(where: { ExtractionRun.pronouns.contains(view.keys[$0]) }) {
            objectFromPronoun = true
            let before = s.lowerBound..<c.start
            object = actors(in: before).last { [.armedGroup, .civilians, .stateForce, .other].contains($0.kind) || $0.fromDictionary }
            if let last = counts(in: before).last { objectCounts = [last] }
        }
        var subject = subjectWindow.flatMap { w in actors(in: w).first { isPossibleDoer($0) } }
        // "Police fired tear gas at students marching on parliament": a present participle right after a group
        // describes that group, which does it (not the clause's first actor).
        if !c.isNoun, !c.isPassive, !premodifier, c.gap == nil, c.start > s.lowerBound, view.hasSuffix(c.start, "ing"),
           let w = subjectWindow, let last = actors(in: w).last, last.tokens.upperBound == c.start, isPossibleDoer(last) {
            subject = last
        }
        // "The military said it regained the town": a pronoun subject is the last possible doer named before it.
        if subject == nil, !c.isPassive, !c.isNoun, !premodifier, let w = subjectWindow,
           w.contains(where: { ExtractionRun.subjectPronouns.contains(view.keys[$0]) }) {
            subject = actors(in: s.lowerBound..<w.lowerBound).last { isPossibleDoer($0) }
        }
        // "ejected Islamic State … and captured over a hundred fighters": a coordinated verb shares the first verb's subject.
        // ("drones and missiles fired at": a trigger opened by a weapon noun and ended by its verb follows a coordinated
        // noun, not a verb; "used napalm and incendiary bombs" is a weapon phrase of its own.)
        let opensWithWeapon = !c.isNoun && c.end - c.start >= 2 && view.argument[c.start] == .weapon
            && view.argument[c.end - 1] != .weapon
        if !c.isNoun, !c.isPassive, !premodifier, !opensWithWeapon, c.start > s.lowerBound, view.function[c.start - 1] == .conj,
           let prev = sameSentence.last(where: { $0 < index }), !candidates[prev].agents.isEmpty {
            subject = candidates[prev].agents[0]
        }
        // "the guards, who opened fire on them": a relative "who" right after a group makes that group the doer, and a
        // pronoun object is then someone else.
        if !c.isNoun, !c.isPassive, !premodifier, c.gap == nil, c.start >= s.lowerBound + 2,
           view.keys[c.start - 1] == ExtractionRun.relativeWho,
           let antecedent = actors(in: s.lowerBound..<(c.start - 1)).last,
           antecedent.tokens.upperBound >= c.start - 2, isPossibleDoer(antecedent) {
            subject = antecedent
            if objectFromPronoun, object?.tokens == antecedent.tokens { object = nil; objectCounts = [] }
        }
        // "intercepted 21 Houthi drones and missiles fired at ships": a verb right after a weapon noun describes that
        // weapon; its doer is the side named in the weapon's noun phrase (back to the verb before it), never the
        // clause's subject. ("deliver artillery shells": a weapon word read as a verb is the head of that noun phrase.)
        var describesWeapon = false
        if subject == nil, !c.isNoun, !c.isPassive, !premodifier, c.gap == nil, c.start > s.lowerBound,
           (view.argument[c.start - 1] == .weapon && view.argument[c.start] != .weapon) || opensWithWeapon {
            describesWeapon = true
            var verbEnd = s.lowerBound
            for j in sameSentence where j < index && !candidates[j].isNoun { verbEnd = max(verbEnd, candidates[j].headEnd) }
            var lo = c.start - 1
            while lo > verbEnd, lo > c.start - 8, !isHardBreak(lo - 1), view.function[lo - 1] != .clauseBreak { lo -= 1 }
            subject = actors(in: lo..<(opensWithWeapon ? c.start + 1 : c.start)).first { isPossibleDoer($0) }
        }
        if subject == nil, !describesWeapon, !c.isPassive, !c.isNoun, !premodifier, c.gap == nil || !(c.gap!.isEmpty) {
            // "Militants stormed …, setting off car bombs": the clause's subject is the sentence's first actor.
            subject = actors(in: s.lowerBound..<c.start).first { isPossibleDoer($0) }
        }
        if subject == nil, c.isNoun, !c.entry.weak, c.type == .attack || c.type == .clash {
            // Only an armed actor can be the unstated doer of a named attack ("Militants stormed …, setting off car bombs").
            subject = actors(in: s.lowerBound..<c.start).first {
                [.armedGroup, .stateForce, .internationalForce].contains($0.kind) && isPossibleDoer($0)
            }
        }
        c.argumentClass = argumentClass(in: objectFromRelative?.tokens ?? objectWindow)
        // "intercepted two ballistic missiles", "cleared hundreds of landmines": a weapon noun that is itself a trigger
        // ends the object window, yet it is the object a framed verb needs.
        // "intercepted a Houthi ballistic missile", "intercepted a rebel missile": the noun is the head even after a
        // name or a classified modifier.
        if c.entry.frame != nil, !c.isNoun, !c.isPassive, c.gap == nil, objectFromRelative == nil,
           nextStart < s.upperBound, objectWindow.upperBound == nextStart,
           c.argumentClass == nil || headClass(in: objectWindow) == nil || view.argument[nextStart] != nil {
            let whole = rightWindow(from: afterTrigger, sentenceEnd: s.upperBound, nextStart: s.upperBound)
            if let head = headClass(in: whole) { c.argumentClass = head }
            else if c.argumentClass == nil { c.argumentClass = argumentClass(in: whole) }
        }
        // "carried out executions" names no move (such a match is skipped); "buses carrying 300 fighters" is one
        // only near a transfer cue, like a group's own movement.
        if c.entry.frame == "carry" { c.selfMove = true }
        // "A deal seems to have been struck": the passive's subject is itself a noun trigger just before the verb.
        if c.argumentClass == nil, c.isPassive, let prev = sameSentence.last(where: { $0 < index }),
           candidates[prev].isNoun, candidates[prev].headEnd == previousEnd {
            c.argumentClass = argumentClass(in: candidates[prev].start..<candidates[prev].end)
        }
        // "withdrew $300 from her account", "withdrew the bill": an object of a vetoed class makes the trigger no event.
        if let cls = c.argumentClass, c.entry.rules?.vetoes(cls) == true {
            c.dropped = true; return
        }
        if ExtractionRun.intransitiveTypes.contains(c.type), !c.isPassive {
            // "Thousands of civilians are fleeing": an intransitive verb's class is its subject's.
            c.argumentClass = subjectWindow.flatMap { argumentClass(in: $0) } ?? subject.flatMap { argumentClass(in: $0.tokens) }
        }

        // Frames: the argument decides the type ("captured dozens of towns" is a takeover).
        if let cls = c.argumentClass, let (t, m) = c.entry.rules?[cls] {
            c.type = t
            if let m { c.mode = m }
            c.frameResolved = true
        }
        // "recaptured 20 fighters": a takeover's side (government, non-state) is no mode of the type a frame chose.
        if c.type != .takeover, c.mode == .government || c.mode == .nonState { c.mode = nil }

        // Roles by type.
        if ExtractionRun.partyTypes.contains(c.type) {
            var parties: [ActorSpan] = []
            parties += actors(in: left)
            if c.isNoun, parties.isEmpty, let subjectWindow { parties += actors(in: subjectWindow) }
            if let byPhrase { parties += actors(in: byPhrase) }
            if let withPhrase { parties += actors(in: withPhrase) }
            if !c.isNoun, !c.isPassive { parties += actors(in: right) }
            if parties.isEmpty, !c.isNoun, let subject { parties.append(subject) }
            c.parties = ExtractionRun.unique(parties)
        } else if ExtractionRun.intransitiveTypes.contains(c.type) {
            if let a = c.isPassive ? object : subject { c.agents = [a] }
            if c.isNoun, let o = firstActor(in: right) { c.agents = [o] }
            if c.type == .surrender, let toPhrase, let r = firstActor(in: toPhrase) { c.recipients = [r] }
        } else {
            if let subject { c.agents = [subject] }
            if let object { c.patients = [object] }
        }
        if c.type == .release, c.mode == .exchange {
            // "The government and the Houthis exchanged 300 detainees", "agreed to swap prisoners with the rebels", "a
            // swap between the two sides": an exchange has two sides, its parties, rather than a doer.
            var sides = c.agents
            if !c.isNoun { sides += actors(in: left).filter { isPossibleDoer($0) } }
            if let withPhrase { sides += actors(in: withPhrase) }
            if let byPhrase { sides += actors(in: byPhrase) }
            // "agreed to swap": the sides of the verb the infinitive completes.
            if !c.isNoun, c.start > s.lowerBound + 1, view.keys[c.start - 1] == ExtractionRun.toKey,
               let prev = sameSentence.last(where: { $0 < index && candidates[$0].headEnd == c.start - 1 }) {
                sides += candidates[prev].parties + candidates[prev].agents
            }
            sides = ExtractionRun.unique(sides)
            if sides.count >= 2 {
                c.parties = sides
                c.agents = []
                c.patients.removeAll { p in sides.contains { ($0.id ?? $0.name) == (p.id ?? p.name) } }
            }
        }
        if let a = c.agents.first, let p = c.patients.first, a.tokens == p.tokens { c.agents = [] }
        // Civilians taken by a state force are arrested (a capture); by anyone else, abducted.
        if c.type == .abduction, c.triggerType == .capture, let a = c.agents.first,
           [.state, .stateForce, .governmentBody].contains(a.kind) {
            c.type = .capture
        }
        // ACLED: only state forces arrest; civilians seized or arrested by an armed group are abducted.
        if c.type == .capture, c.triggerType == .capture, let a = c.agents.first, a.kind == .armedGroup,
           c.argumentClass == .civilian || c.patients.contains(where: { $0.kind == .civilians }),
           !c.patients.contains(where: { ExtractionRun.armedKinds.contains($0.kind) }) {
            c.type = .abduction
        }
        // "Syria is moving troops to the border": a side moving its own unnamed forces redeploys (ACLED's change
        // to group/activity); moving a named group or people is a transfer.
        if c.type == .transfer, !c.isPassive, let a = c.agents.first, a.fromDictionary,
           let p = c.patients.first, !p.fromDictionary, [.stateForce, .armedGroup].contains(p.kind) {
            c.type = .groupChange
            c.mode = nil
        }
        // "The government sent 500 troops to the region", "Troops were relocated to the capital": unnamed state forces
        // moved by the state, or by nobody named, redeploy too.
        if c.type == .transfer, c.mode == nil || c.mode == .relocation, let p = c.patients.first, !p.fromDictionary,
           p.kind == .stateForce, c.agents.allSatisfy({ [.state, .stateForce, .governmentBody].contains($0.kind) }) {
            c.type = .groupChange
            c.mode = nil
        }

        // Counts: the undergoing group's; a death toll for killing words; hostages never on a move.
        var count = objectCounts.first?.quantity
        if ExtractionRun.intransitiveTypes.contains(c.type), count == nil {
            count = counts(in: c.isPassive ? objectWindow : left).last?.quantity
            // "As many as 400 fighters, including …, “surrendered themselves”": the clause's subject count.
            if count == nil, !c.isPassive { count = counts(in: s.lowerBound..<c.start).first?.quantity }
        }
        if c.type == .transfer, let of = count?.of, ExtractionRun.notCountedOnMoves.contains(of) { count = nil }
        if c.entry.fatal { c.fatalities = count } else { c.count = count }

    }

    static func unique(_ actors: [ActorSpan]) -> [ActorSpan] {
        // A handful of actors: a list compare, not a hashed set.
        guard actors.count > 1 else { return actors }
        var seen: [String] = []
        var out: [ActorSpan] = []
        seen.reserveCapacity(actors.count); out.reserveCapacity(actors.count)
        for a in actors {
            let key = a.id ?? a.name.lowercased()
            if !seen.contains(key) { seen.append(key); out.append(a) }
        }
        return out
    }
}
