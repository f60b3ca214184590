import Foundation
import SitrepCore
import SitrepKnowledge
import SitrepLanguage

/// Finds every reported event in a document as typed `EventMention`s with roles, counts, places,
/// date, source, certainty, relations and evidence (issue 4).
///
/// It reads the language layer (tokens, sentences, quantities, times, attributions, certainty) and
/// the knowledge layer (places, actors); triggers, frames and cue words are data files
/// (`ExtractionLexicon`). When the language annotations have no tokens it falls back to
/// `FallbackLanguage` so it can run on its own.
public struct EventExtractor: Sendable {
    public let lexicon: ExtractionLexicon

    /// Loads the shipped data files.
    public init() throws { lexicon = try ExtractionLexicon.load() }

    public init(lexicon: ExtractionLexicon) { self.lexicon = lexicon }

    public func extract(document: Document, language: LanguageAnnotations, knowledge: KnowledgeAnnotations) -> [EventMention] {
        let view = DocumentView(document: document, language: language, knowledge: knowledge, lexicon: lexicon)
        let run = ExtractionRun(view: view, lexicon: lexicon)
        return run.extract()
    }
}

/// An event under construction, in token coordinates.
///
/// A class: the run's passes read and change candidates in place, and a copy is one reference, not the
/// (many) reference-counted fields of a struct copied in and out of the list (about a tenth of extraction's
/// instructions). No candidate is ever duplicated, so sharing one object is the same as changing it in the list.
final class Candidate {
    @exclusivity(unchecked) var type: EventType
    /// The type the trigger named before frames and cues changed it.
    @exclusivity(unchecked) var triggerType: EventType
    @exclusivity(unchecked) var mode: EventMode?
    let entry: TriggerEntry
    let sentence: Int
    /// Trigger tokens (first to last fixed word).
    @exclusivity(unchecked) var start: Int
    @exclusivity(unchecked) var end: Int
    @exclusivity(unchecked) var headEnd: Int
    @exclusivity(unchecked) var gap: Range<Int>?
    @exclusivity(unchecked) var isNoun: Bool
    @exclusivity(unchecked) var isPassive: Bool
    @exclusivity(unchecked) var agents: [ActorSpan] = []
    @exclusivity(unchecked) var patients: [ActorSpan] = []
    @exclusivity(unchecked) var recipients: [ActorSpan] = []
    @exclusivity(unchecked) var parties: [ActorSpan] = []
    @exclusivity(unchecked) var count: Quantity?
    @exclusivity(unchecked) var fatalities: Quantity?
    @exclusivity(unchecked) var argumentClass: ArgumentClass?
    @exclusivity(unchecked) var frameResolved = false
    @exclusivity(unchecked) var location: PlaceRef?
    @exclusivity(unchecked) var origin: PlaceRef?
    @exclusivity(unchecked) var destination: PlaceRef?
    @exclusivity(unchecked) var dropped = false
    /// A movement told of the moved group itself ("fighters left the town"): a transfer only near a transfer cue.
    @exclusivity(unchecked) var selfMove = false
    /// A participle describing the noun before it ("the people kidnapped by the group"): it is dated only by a time
    /// in its own phrase, never by its sentence's or paragraph's other times.
    @exclusivity(unchecked) var reducedRelative: Bool
    /// Set on merged kill/injury clauses whose figures went to another event.
    @exclusivity(unchecked) var mergedInto: Int?

    init(type: EventType, triggerType: EventType, mode: EventMode?, entry: TriggerEntry, sentence: Int,
         start: Int, end: Int, headEnd: Int, gap: Range<Int>?, isNoun: Bool, isPassive: Bool, reducedRelative: Bool) {
        self.type = type; self.triggerType = triggerType; self.mode = mode; self.entry = entry; self.sentence = sentence
        self.start = start; self.end = end; self.headEnd = headEnd; self.gap = gap; self.isNoun = isNoun
        self.isPassive = isPassive; self.reducedRelative = reducedRelative
    }
}

/// The state of one extraction over one document.
final class ExtractionRun {
    let view: DocumentView
    let lexicon: ExtractionLexicon
    // The run is one thread's and no access to these overlaps a write: no dynamic exclusivity check per access
    // (each was a runtime call on the hot path).
    @exclusivity(unchecked) var candidates: [Candidate] = []
    /// `findTriggers`' per-token flags, one per token of the document (allocated once; each sentence clears its own).
    @exclusivity(unchecked) var consumed: [Bool] = []
    /// Relation-cue matches per sentence ("in exchange for"), found once: triggers, combining and relations read them.
    @exclusivity(unchecked) var relationMatches: [[PhraseTable<RelationCue>.Match]] = []
    /// Mode-cue values per sentence, found when first asked for (a sentence's own candidates or its paragraph's).
    @exclusivity(unchecked) var modeCueCache: [[ModeCue]?] = []
    /// Candidates by sentence index: `candidates[bySentence[s]]`.
    @exclusivity(unchecked) var bySentence: [Range<Int>] = []

    /// The day number of the publication date's start, when the document has one (read once per document).
    let publishedStartDay: Int?
    /// Whether the language layer's times are sorted by start (binary searches need it).
    let timesSorted: Bool
    /// Per time of the language layer, what its modifier and resolution allow (`ExtractionRun.timeMarks`).
    let timeMarks: [UInt8]
    /// The longest scope of the language layer's certainty marks and attributions, `nil` when the list is not sorted
    /// by scope start (`markedCertainty` and `attributionIndex` then scan it all).
    let certaintyReach: Int32?
    let attributionReach: Int32?

    init(view: DocumentView, lexicon: ExtractionLexicon) {
        self.view = view
        self.lexicon = lexicon
        sentences = view.language.sentences
        publishedStartDay = view.document.published?.start.dayNumber
        let times = view.language.times
        timesSorted = times.indices.dropFirst().allSatisfy { times[$0 - 1].range.start <= times[$0].range.start }
        timeMarks = ExtractionRun.timeMarks(times)
        certaintyReach = ExtractionRun.reach(view.language.certainties)
        attributionReach = ExtractionRun.reach(view.language.attributions)
    }

    /// The language layer's sentences, held once (not read through the view's annotations on every look).
    let sentences: [Sentence]

    func extract() -> [EventMention] {
        relationMatches = sentences.map { matches(lexicon.relationCues, in: $0.tokens) }
        // Room for a typical document's triggers up front: growing the list moves every (large) candidate.
        candidates.reserveCapacity(max(16, view.tokens.count / 16))
        modeCueCache = [[ModeCue]?](repeating: nil, count: sentences.count)
        consumed = [Bool](repeating: false, count: view.tokens.count)
        bySentence.reserveCapacity(sentences.count)
        for (s, sentence) in sentences.enumerated() {
            let first = candidates.count
            findTriggers(sentence: s, tokens: sentence.tokens)
            for c in first..<candidates.count { analyse(c) }
            applyCues(sentence: s, candidates: first..<candidates.count)
            bySentence.append(first..<candidates.count)
        }
        filterWeak()
        dropMeans()
        requireMoveCues()
        dropGeneric()
        dropSeizedWeapons()
        mergeTolls()
        combineWithinSentences()
        assignPlaces()
        inheritFromCircumstances()
        return buildMentions()
    }

    // MARK: triggers

    func findTriggers(sentence s: Int, tokens r: Range<Int>) {
        // The sentence's triggers go straight to the end of `candidates` (no list of hits copied over after).
        let base = candidates.count
        // Tokens no trigger may start at: the sentence's flags, cleared (reused, not a set).
        for j in r { consumed[j] = false }
        // The words of "in exchange for", "part of" join events; they name none.
        for m in relationMatches[s] { for j in m.start..<m.end { consumed[j] = true } }
        var i = r.lowerBound
        while i < r.upperBound {
            i = view.nextStart(from: i, to: r.upperBound, bit: lexicon.triggers.bit)
            if i >= r.upperBound { break }
            if consumed[i] { i += 1; continue }
            guard let m = lexicon.triggers.longestMatch(at: i, keys: view.keys, limit: r.upperBound,
                                                        blocks: { view.isPunctuation($0) }) else { i += 1; continue }
            let entry = lexicon.triggers.patterns[m.pattern].value
            // A trigger inside a longer actor name, before its head ("riot police", "Free Syrian Army"), names no event.
            if isInsideActorName(m.start, m.end, sentence: r) || startsActorNoun(m.start, m.end, limit: r.upperBound) { i = m.end; continue }
            // A month name ("talks began in March") is a date, not a trigger.
            if isInsideTime(m.start) { i = m.end; continue }
            // A capitalised trigger inside a name ("Oromo Liberation Army", "Operation Dawn") names no event.
            if !sentences[s].isHeadline || !isTitleCase(r), m.start > r.lowerBound, view.isCapitalized(m.start),
               (m.start + 1 < r.upperBound && view.isCapitalized(m.start + 1) && view.tokens[m.start + 1].kind == .word)
                || (view.isCapitalized(m.start - 1) && view.tokens[m.start - 1].kind == .word && view.function[m.start - 1] == nil) {
                i = m.end; continue
            }
            // "carried out attacks": a carrying verb names a move only with what it carries between its words.
            if entry.frame == "carry", m.end < r.upperBound, view.keys[m.end] == ExtractionRun.outKey { i = m.end; continue }
            let noun = isNoun(entry, at: m.start)
            // "the besieged town", "the wounded": a participle after an article is an adjective, no event.
            if entry.pos == .verb, noun, m.end == m.start + 1, view.hasSuffix(m.start, "ed") { i = m.end; continue }
            // "three besieged villages", "out of besieged Hama": a participle of a state (not of people taken or moved)
            // after a number or a preposition and before its noun is an adjective too.
            if isStateAdjective(entry, m.start, m.end, sentence: r) { i = m.end; continue }
            // "demonstrated its willingness": a protest verb with a direct object is no protest.
            if entry.type == .protest, !noun, m.end < r.upperBound, view.function[m.end] == .det { i = m.end; continue }
            let plainPassive = (!noun && isPassive(at: m.start, end: m.headEnd, limit: r.upperBound)) || entry.undergone
            let reduced = !noun && ((!plainPassive && isReducedRelative(entry, at: m.start, end: m.end, sentence: r))
                                    || (plainPassive && !entry.undergone && !hasAuxiliaryBefore(m.start)))
            candidates.append(Candidate(type: entry.type, triggerType: entry.type, mode: entry.mode, entry: entry, sentence: s,
                                        start: m.start, end: m.end, headEnd: m.headEnd, gap: m.gap, isNoun: noun,
                                        isPassive: plainPassive || reduced, reducedRelative: reduced))
            if let g = m.gap { for j in g.upperBound..<m.end { consumed[j] = true } }
            i = m.headEnd
        }
        // Compounds: "withdrawal agreement" is an agreement; "grenade attacks" one attack with a mode.
        // (Fields are read by index: no copy of either candidate.)
        var k = base
        while k + 1 < candidates.count {
            if candidates[k].isNoun, candidates[k + 1].start == candidates[k].end, candidates[k].gap == nil {
                let next = candidates[k + 1].type
                if next == .agreement || next == .negotiation {
                    candidates.remove(at: k); continue
                }
                if next == candidates[k].type {
                    // "roadside bomb exploded", "grenade attacks": one event; the stronger word's entry, the first word's mode.
                    if candidates[k + 1].entry.weak && !candidates[k].entry.weak {
                        candidates[k].end = candidates[k + 1].end; candidates[k].headEnd = candidates[k + 1].headEnd
                        candidates[k].gap = candidates[k + 1].gap
                        candidates[k].isNoun = candidates[k + 1].isNoun; candidates[k].isPassive = candidates[k + 1].isPassive
                        candidates.remove(at: k + 1)
                    } else {
                        let mode = candidates[k].mode, start = candidates[k].start
                        if candidates[k + 1].mode == nil { candidates[k + 1].mode = mode }
                        candidates[k + 1].start = start
                        candidates.remove(at: k)
                    }
                    continue
                }
            }
            k += 1
        }
    }

    /// A one-word participle of a type outside `reducedRelativeTypes`, after a number or a preposition and before
    /// a word: "three besieged villages", "in besieged Ghouta".
    func isStateAdjective(_ entry: TriggerEntry, _ start: Int, _ end: Int, sentence r: Range<Int>) -> Bool {
        guard entry.pos == .verb, end == start + 1, start > r.lowerBound, end < r.upperBound, view.hasSuffix(start, "ed"),
              !ExtractionRun.reducedRelativeTypes.contains(entry.type), view.tokens[end].kind == .word,
              view.function[end] == nil else { return false }
        let p = start - 1
        if view.tokens[p].kind == .number || view.counts(startingIn: max(r.lowerBound, p - 3)..<(p + 1)).contains(where: { $0.tokens.contains(p) }) {
            return true
        }
        switch view.function[p] {
        case .location?, .origin?, .destination?: return true
        default: return ExtractionRun.premodifierWords.contains(view.keys[p])
        }
    }

    /// Whether tokens `start..<end` lie in an actor span that goes on after them ("Riot police", "Liberation Army").
    func isInsideActorName(_ start: Int, _ end: Int, sentence r: Range<Int>) -> Bool {
        view.actors(startingIn: max(r.lowerBound, start - 6)..<(start + 1)).contains {
            $0.tokens.lowerBound <= start && $0.tokens.upperBound > end
        }
    }

    /// Whether a typed actor noun longer than the trigger starts at it ("riot police" when the dictionary
    /// named only "police").
    func startsActorNoun(_ start: Int, _ end: Int, limit: Int) -> Bool {
        guard view.starts[start] & lexicon.actorNouns.bit != 0,
              let a = lexicon.actorNouns.longestMatch(at: start, keys: view.keys, limit: limit, blocks: { view.isPunctuation($0) }) else { return false }
        return a.end > end
    }

    /// Whether token `i` lies inside a time expression of the language layer.
    func isInsideTime(_ i: Int) -> Bool {
        let offset = view.tokens[i].range.start
        let all = view.language.times
        var k = firstTime(atOrAfter: offset + 1) - 1
        while k >= 0, offset - all[k].range.start < 64 {
            if all[k].range.start <= offset && offset < all[k].range.end { return true }
            k -= 1
        }
        return false
    }

    /// Whether a sentence is set in title case (most of its content words capitalised), as headlines often are:
    /// only there does a capital letter say nothing about names.
    func isTitleCase(_ r: Range<Int>) -> Bool {
        var upper = 0, lower = 0
        for j in r where view.tokens[j].kind == .word && view.function[j] == nil {
            if view.isCapitalized(j) { upper += 1 } else { lower += 1 }
        }
        return upper > lower
    }

    func isNoun(_ entry: TriggerEntry, at i: Int) -> Bool {
        if entry.pos == .noun { return true }
        if entry.pos == .verb, i > 0 {
            // A verb lemma used as a noun: "the transfer", "an attack", "its release".
            if view.function[i - 1] == .det { return true }
            if i > 1, view.bytes[Int(view.tokens[i - 1].range.start)] == 0x27, view.function[i - 1] == .det { return true }
        }
        if entry.pos == .written, i > 0, view.function[i - 1] == .det, !view.hasSuffix(i, "ed") { return true }
        return false
    }

    /// Whether a form of "be" stands before the participle at `i` (adverbs and an earlier coordinated participle
    /// between): "were reportedly spared and secretly bused out".
    func hasAuxiliaryBefore(_ i: Int) -> Bool {
        var j = i - 1
        var steps = 0
        while j >= 0, steps < 4 {
            let f = view.function[j]
            if f == .be { return true }
            if f == .adverb || view.hasSuffix(j, "ly") { j -= 1; steps += 1; continue }
            if f == .conj, j > 0, view.hasSuffix(j - 1, "ed") || ExtractionRun.irregularParticiples.contains(view.keys[j - 1]) {
                j -= 2; steps += 1; continue
            }
            break
        }
        return false
    }

    /// A participle after a form of "be" (adverbs allowed between), or a participle followed by "by".
    func isPassive(at i: Int, end: Int, limit: Int) -> Bool {
        let participle = view.hasSuffix(i, "ed") || view.hasSuffix(i, "en") || view.hasSuffix(i, "wn")
            || ExtractionRun.irregularParticiples.contains(view.keys[i])
        guard participle else { return false }
        if hasAuxiliaryBefore(i) { return true }
        var k = end
        while k < min(limit, end + 4) {
            if view.function[k] == .agent { return true }
            if view.isPunctuation(k) { break }
            k += 1
        }
        return false
    }

    /// Types whose participle right after a noun phrase is a reduced relative clause ("hostages captured in the raid").
    static let reducedRelativeTypes = EventTypeSet([.capture, .abduction, .release, .transfer, .weaponsSeized])
    /// Kinds of actor that do, rather than undergo, an abduction named right after them ("gunmen kidnapped in …").
    static let armedKinds: Set<ActorKind> = [.armedGroup, .stateForce, .internationalForce]

    /// Whether a participle is past or passive in form ("captured", "taken", "held").
    func isParticiple(_ i: Int) -> Bool {
        view.hasSuffix(i, "ed") || view.hasSuffix(i, "en") || view.hasSuffix(i, "wn") || ExtractionRun.irregularParticiples.contains(view.keys[i])
    }

    /// "thirty-six hostages captured in its attacks", "30 captives taken hostage in August": a participle right after a
    /// noun phrase and followed by a preposition, a time or the clause's end is a reduced relative clause, so passive:
    /// its noun phrase undergoes the event. An armed group before an abduction verb does it ("gunmen kidnapped in …").
    func isReducedRelative(_ entry: TriggerEntry, at i: Int, end: Int, sentence r: Range<Int>) -> Bool {
        guard entry.pos != .noun, ExtractionRun.reducedRelativeTypes.contains(entry.type), i > r.lowerBound, isParticiple(i) else { return false }
        let p = i - 1
        guard view.tokens[p].kind == .word, view.function[p] == nil,
              !ExtractionRun.pronouns.contains(view.keys[p]), !ExtractionRun.subjectPronouns.contains(view.keys[p]) else { return false }
        let lo = max(r.lowerBound, p - 6)
        let actor = view.actors(startingIn: lo..<i).last { $0.tokens.upperBound == i }
        if entry.type == .abduction, let actor, ExtractionRun.armedKinds.contains(actor.kind) { return false }
        // The noun phrase: an actor, a count or a classed noun, or any word right after an article ("the shepherds").
        let endsNounPhrase = actor != nil || view.counts(startingIn: lo..<i).contains { $0.tokens.upperBound == i }
            || view.argument[p] != nil || (p > r.lowerBound && view.function[p - 1] == .det)
        guard endsNounPhrase else { return false }
        if end >= r.upperBound || isHardBreak(end) { return true }
        // "gunmen captured in the village on Sunday 12 farmers": a count or a group later in the clause is the object
        // of an active verb (the clause ends at a break or at the next event word).
        var j = end
        while j < min(r.upperBound, end + 8) {
            if isHardBreak(j) || view.function[j] == .clauseBreak || view.starts[j] & lexicon.triggers.bit != 0 { break }
            if view.counts(startingIn: j..<(j + 1)).first != nil { return false }
            if let a = view.actors(startingIn: j..<(j + 1)).first, [.armedGroup, .civilians, .other].contains(a.kind) { return false }
            j += 1
        }
        // "forces captured on Monday the port": a time phrase followed by the object is an active verb's.
        var after: Int?
        if let t = timeStarts(at: end) { after = t }
        else if view.function[end] == .location, let t = timeStarts(at: end + 1) { after = t }
        if let k = after {
            if k < r.upperBound, view.function[k] == .det || view.argument[k] != nil
                || view.actors(startingIn: k..<(k + 1)).first != nil { return false }
            return true
        }
        switch view.function[end] {
        case .location?, .origin?, .destination?, .agent?: return true
        default: return false
        }
    }

    /// (Built once, not per document.)
    static let irregularParticiples = WordKeySet(words: ["taken", "held", "given", "sent", "shot", "hit", "struck", "overrun", "brought",
                                                 "caught", "kept", "led", "freed", "found", "set", "split", "fought", "withdrawn",
                                                 "seen", "put", "beaten", "stolen", "built"])
}
