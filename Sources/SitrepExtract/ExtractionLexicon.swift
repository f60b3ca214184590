import Foundation
import SitrepCore
import SitrepKnowledge

/// What a trigger row says: the event it names and how to read its arguments.
final class TriggerEntry: Sendable {
    enum PartOfSpeech: Sendable { case verb, noun, written }
    let type: EventType
    let mode: EventMode?
    let frame: String?
    let pos: PartOfSpeech
    /// Its count is a death toll ("killed", "died").
    let fatal: Bool
    /// Only an event with an argument, in a conflict context, or when its frame resolves.
    let weak: Bool
    /// Only an event when its frame resolves ("found weapons", not "found a body").
    let framed: Bool
    /// Names its own weapon ("opened fire", "stabbed"): weapon words elsewhere in the paragraph do not set its mode.
    let direct: Bool
    /// `undergone`: its subject undergoes the event, as in a passive ("positions came under fire").
    let undergone: Bool
    /// `verbal`: only a verb names the event; the noun ("the move", "China's move") names a decision, no event.
    let verbal: Bool
    let line: String
    /// Its frame's rules (`nil` exactly when it has no frame).
    let rules: FrameRules?

    /// (A class: every candidate of the entry shares it, one reference rather than a copy of its strings.)
    init(type: EventType, mode: EventMode?, frame: String?, pos: PartOfSpeech, fatal: Bool, weak: Bool, framed: Bool,
         direct: Bool = false, undergone: Bool = false, verbal: Bool = false, line: String, rules: FrameRules? = nil) {
        self.type = type; self.mode = mode; self.frame = frame; self.pos = pos; self.fatal = fatal; self.weak = weak
        self.framed = framed; self.direct = direct; self.undergone = undergone; self.verbal = verbal; self.line = line
        self.rules = rules ?? frame.map { _ in FrameRules(nil, vetoes: nil) }
    }
}

/// The class of a trigger's argument, which frames use to choose the event type.
enum ArgumentClass: String, Sendable, CaseIterable {
    case territory, military, weapon, combatant, civilian, property
    /// A deal, truce or ceasefire: "struck a deal" is an agreement, not an attack.
    case pact
    /// Money and what holds it ("withdrew $300", "withdrew her savings"): no force moves.
    case money
    /// A bid, bill, complaint or other paper ("withdrew his candidacy", "withdrew the complaint").
    case document
    /// The air or sky as a target ("fired into the air"): warning or celebratory shots, no attack.
    case sky
}

/// A word that refines an event of one type into another type and/or mode.
struct ModeCue: Sendable {
    var appliesTo: EventType
    var becomes: EventType
    var mode: EventMode?
    var rank: Int
}

/// A phrase that joins two events.
struct RelationCue: Sendable {
    var relation: Relation.Kind
    /// The type the event after the cue must have.
    var targetType: EventType?
}

/// Contexts whose weak triggers are not conflict events.
enum VetoContext: String, Sendable, CaseIterable {
    case disaster, accident, crime
}

/// What the lexicon knows about one word: the tables it can start, its function class.
struct WordInfo: Sendable {
    var starts: UInt16 = 0
    var function: FunctionClass?
    /// Its class in `argument-classes.tsv`, if it has one.
    var argument: ArgumentClass?
}

/// Closed-class words the role and place rules read (`function-words.tsv`).
enum FunctionClass: String, Sendable, CaseIterable {
    case be, det, origin, destination, location, agent, party
    case clauseBreak = "break"
    case skip, adverb, conj
    /// Verbs of protection and company ("escorted", "guarded", "accompanied"): a "by" or "with" phrase after them is
    /// theirs, never the argument of an event word before them ("gunmen escorted by soldiers").
    case escort
}

/// Every data file of the extractor, loaded once and shared (immutable, `Sendable`).
public struct ExtractionLexicon: Sendable {
    var triggers = PhraseTable<TriggerEntry>(bit: 1)
    var frames: [String: [ArgumentClass: (EventType, EventMode?)]] = [:]
    /// Frame rows of type `none`: an argument of that class makes the trigger no event ("withdrew $300").
    var frameVetoes: [String: Set<ArgumentClass>] = [:]
    var argumentClasses: [UInt64: ArgumentClass] = [:]
    var actorNouns = PhraseTable<ActorKind>(bit: 2)
    /// Organisation heads (`organisation-heads.tsv`): the kind a head names after an organisation's name, and whether
    /// it is an actor without one.
    var organisationHeads: [UInt64: (kind: ActorKind, named: Bool)] = [:]
    /// Words that make a name before an organisation head a state's (`state-name-words.tsv`).
    var stateNameWords = WordKeySet(words: [])
    /// Verbs of change in amount (`trend-verbs.tsv`): "attacks have risen" names a trend.
    var trendVerbs = WordKeySet(words: [])
    /// Participles that open a new report of a source after a comma (`report-participles.tsv`): "…, saying …".
    var reportParticiples = WordKeySet(words: [])
    var modeCues = PhraseTable<[ModeCue]>(bit: 4)
    var certaintyCues = PhraseTable<Certainty>(bit: 8)
    var relationCues = PhraseTable<RelationCue>(bit: 16)
    var backgroundCues = PhraseTable<Bool>(bit: 32)
    var vetoes = PhraseTable<VetoContext>(bit: 64)
    /// Words that make a noun trigger generic or hypothetical ("many such deals", "to justify continued operations").
    var genericCues = PhraseTable<Bool>(bit: 128)
    /// One lookup per token: which tables the word starts (bits) and its function class.
    var wordInfo = WordInfoTable([:])
    var functionWords: [UInt64: FunctionClass] = [:]
    /// Phrases that put an event inside a claim of responsibility ("claimed responsibility for").
    public private(set) var responsibilityPhrases: [String] = []
    /// Responsibility cues that, followed directly by this preposition, modify the noun before them ("a pastor accused
    /// of blasphemy was stoned"): the claim then covers only that phrase, not the clause's own verb.
    public private(set) var participlePrepositions: [String: String] = [:]

    /// The files this lexicon reads, in load order.
    public static let files = ["event-triggers.tsv", "frames.tsv", "argument-classes.tsv", "actor-nouns.tsv",
                               "mode-cues.tsv", "certainty-cues.tsv", "relation-cues.tsv", "background-cues.tsv",
                               "context-vetoes.tsv", "function-words.tsv", "responsibility-cues.tsv",
                               "generic-cues.tsv", "organisation-heads.tsv", "state-name-words.tsv",
                               "trend-verbs.tsv", "report-participles.tsv"]

    /// Loads the shipped data, or the files in `directory` where it has them (others from the bundle).
    public static func load(directory: URL? = nil) throws -> ExtractionLexicon {
        var lex = ExtractionLexicon()
        for row in try ResourceTable.rows("frames.tsv", directory: directory, minFields: 4) {
            guard let cls = ArgumentClass(rawValue: row.field(1)) else { throw row.error("unknown argument class '\(row.field(1))'") }
            if lex.frames[row.field(0), default: [:]][cls] != nil || lex.frameVetoes[row.field(0)]?.contains(cls) == true {
                throw row.error("duplicate frame row")
            }
            if row.field(2) == "none" {
                lex.frameVetoes[row.field(0), default: []].insert(cls)
                continue
            }
            guard let type = EventType(rawValue: row.field(2)) else { throw row.error("unknown event type '\(row.field(2))'") }
            let mode = try parseMode(row.field(3), row)
            lex.frames[row.field(0), default: [:]][cls] = (type, mode)
        }
        try lex.loadTriggers(try ResourceTable.rows("event-triggers.tsv", directory: directory, minFields: 6))
        for row in try ResourceTable.rows("argument-classes.tsv", directory: directory, minFields: 2) {
            guard let cls = ArgumentClass(rawValue: row.field(1)) else { throw row.error("unknown argument class '\(row.field(1))'") }
            let key = WordKey.of(row.field(0))
            if lex.argumentClasses[key] != nil { throw row.error("duplicate word '\(row.field(0))'") }
            lex.argumentClasses[key] = cls
        }
        for row in try ResourceTable.rows("actor-nouns.tsv", directory: directory, minFields: 2) {
            guard let kind = ActorKind(rawValue: row.field(1)) else { throw row.error("unknown actor kind '\(row.field(1))'") }
            lex.actorNouns.add(PhraseTable<ActorKind>.slots(row.field(0)), value: kind)
        }
        for row in try ResourceTable.rows("organisation-heads.tsv", directory: directory, minFields: 2) {
            guard let kind = ActorKind(rawValue: row.field(1)) else { throw row.error("unknown actor kind '\(row.field(1))'") }
            let flag = row.field(2)
            guard flag.isEmpty || flag == "-" || flag == "named" else { throw row.error("unknown flag '\(flag)'") }
            let key = WordKey.of(row.field(0))
            if lex.organisationHeads[key] != nil { throw row.error("duplicate head '\(row.field(0))'") }
            lex.organisationHeads[key] = (kind, flag == "named")
            // A named head is matched like an actor noun, then kept only after a name.
            if flag == "named" { lex.actorNouns.add(PhraseTable<ActorKind>.slots(row.field(0)), value: kind) }
        }
        lex.stateNameWords = WordKeySet(words: try ResourceTable.rows("state-name-words.tsv", directory: directory, minFields: 1).map { $0.field(0) })
        lex.reportParticiples = WordKeySet(words: try ResourceTable.rows("report-participles.tsv", directory: directory, minFields: 1).map { $0.field(0) })
        lex.trendVerbs = WordKeySet(words: try ResourceTable.rows("trend-verbs.tsv", directory: directory, minFields: 1).map { $0.field(0) })
        var cuesByPhrase: [(String, [ModeCue])] = []
        var cueIndex: [String: Int] = [:]
        for row in try ResourceTable.rows("mode-cues.tsv", directory: directory, minFields: 5) {
            guard let applies = EventType(rawValue: row.field(1)), let becomes = EventType(rawValue: row.field(2)) else {
                throw row.error("unknown event type in '\(row.field(1))' / '\(row.field(2))'")
            }
            guard let rank = Int(row.field(4)) else { throw row.error("rank '\(row.field(4))' is not a number") }
            let cue = ModeCue(appliesTo: applies, becomes: becomes, mode: try parseMode(row.field(3), row), rank: rank)
            if let i = cueIndex[row.field(0)] {
                if cuesByPhrase[i].1.contains(where: { $0.appliesTo == applies }) { throw row.error("duplicate cue for \(applies.rawValue)") }
                cuesByPhrase[i].1.append(cue)
            } else {
                cueIndex[row.field(0)] = cuesByPhrase.count
                cuesByPhrase.append((row.field(0), [cue]))
            }
        }
        for (phrase, cues) in cuesByPhrase { lex.modeCues.add(PhraseTable<[ModeCue]>.slots(phrase), value: cues) }
        for row in try ResourceTable.rows("certainty-cues.tsv", directory: directory, minFields: 2) {
            guard let c = Certainty(rawValue: row.field(1)) else { throw row.error("unknown certainty '\(row.field(1))'") }
            lex.certaintyCues.add(PhraseTable<Certainty>.slots(row.field(0)), value: c)
        }
        for row in try ResourceTable.rows("relation-cues.tsv", directory: directory, minFields: 3) {
            guard let r = Relation.Kind(rawValue: row.field(1)) else { throw row.error("unknown relation '\(row.field(1))'") }
            var target: EventType?
            if row.field(2) != "-" {
                guard let t = EventType(rawValue: row.field(2)) else { throw row.error("unknown event type '\(row.field(2))'") }
                target = t
            }
            lex.relationCues.add(PhraseTable<RelationCue>.slots(row.field(0)), value: RelationCue(relation: r, targetType: target))
        }
        for row in try ResourceTable.rows("background-cues.tsv", directory: directory, minFields: 1) {
            lex.backgroundCues.add(PhraseTable<Bool>.slots(row.field(0)), value: true)
        }
        for row in try ResourceTable.rows("context-vetoes.tsv", directory: directory, minFields: 2) {
            guard let v = VetoContext(rawValue: row.field(1)) else { throw row.error("unknown context '\(row.field(1))'") }
            lex.vetoes.add(PhraseTable<VetoContext>.slots(row.field(0)), value: v)
        }
        for row in try ResourceTable.rows("generic-cues.tsv", directory: directory, minFields: 1) {
            lex.genericCues.add(PhraseTable<Bool>.slots(row.field(0)), value: true)
        }
        for row in try ResourceTable.rows("function-words.tsv", directory: directory, minFields: 2) {
            guard let c = FunctionClass(rawValue: row.field(1)) else { throw row.error("unknown word class '\(row.field(1))'") }
            let key = WordKey.of(row.field(0))
            if lex.functionWords[key] != nil { throw row.error("duplicate word '\(row.field(0))'") }
            lex.functionWords[key] = c
        }
        for row in try ResourceTable.rows("responsibility-cues.tsv", directory: directory, minFields: 1) {
            lex.responsibilityPhrases.append(row.field(0).lowercased())
            if !row.field(1).isEmpty, row.field(1) != "-" { lex.participlePrepositions[row.field(0).lowercased()] = row.field(1).lowercased() }
        }
        lex.buildWordInfo()
        return lex
    }

    private mutating func buildWordInfo() {
        var info: [UInt64: WordInfo] = [:]
        func mark(_ keys: [UInt64], _ bit: UInt16) {
            for k in keys { info[k, default: WordInfo()].starts |= bit }
        }
        mark(triggers.firstWords, triggers.bit); mark(actorNouns.firstWords, actorNouns.bit)
        mark(modeCues.firstWords, modeCues.bit); mark(certaintyCues.firstWords, certaintyCues.bit)
        mark(relationCues.firstWords, relationCues.bit); mark(backgroundCues.firstWords, backgroundCues.bit)
        mark(vetoes.firstWords, vetoes.bit); mark(genericCues.firstWords, genericCues.bit)
        for (k, f) in functionWords { info[k, default: WordInfo()].function = f }
        for (k, c) in argumentClasses { info[k, default: WordInfo()].argument = c }
        wordInfo = WordInfoTable(info)
    }

    static func parseMode(_ text: String, _ row: ResourceRow) throws -> EventMode? {
        if text == "-" || text.isEmpty { return nil }
        guard let m = EventMode(rawValue: text) else { throw row.error("unknown event mode '\(text)'") }
        return m
    }

    private mutating func loadTriggers(_ rows: [ResourceRow]) throws {
        var seen = Set<String>()
        for row in rows {
            let pattern = row.field(0)
            if !seen.insert(pattern + "\t" + row.field(1)).inserted { throw row.error("duplicate trigger '\(pattern)'") }
            guard let type = EventType(rawValue: row.field(2)) else { throw row.error("unknown event type '\(row.field(2))'") }
            let mode = try ExtractionLexicon.parseMode(row.field(3), row)
            let frame = row.field(4) == "-" ? nil : row.field(4)
            if let frame, frames[frame] == nil, frameVetoes[frame] == nil {
                throw row.error("unknown frame '\(frame)'")
            }
            let flags = Set(row.field(5).split(separator: ",").map(String.init))
            for f in flags where !["fatal", "weak", "framed", "direct", "undergone", "verbal", "-"].contains(f) { throw row.error("unknown flag '\(f)'") }
            let pos: TriggerEntry.PartOfSpeech
            switch row.field(1) {
            case "v": pos = .verb
            case "n": pos = .noun
            case "-": pos = .written
            default: throw row.error("part of speech must be v, n or -, not '\(row.field(1))'")
            }
            let entry = TriggerEntry(type: type, mode: mode, frame: frame, pos: pos, fatal: flags.contains("fatal"),
                                     weak: flags.contains("weak"), framed: flags.contains("framed"),
                                     direct: flags.contains("direct"), undergone: flags.contains("undergone"),
                                     verbal: flags.contains("verbal"), line: row.location,
                                     rules: frame.map { FrameRules(frames[$0], vetoes: frameVetoes[$0]) })
            var words = pattern.split(separator: " ").map(String.init)
            if words.isEmpty { throw row.error("empty pattern") }
            var slots = words.map { $0 == "*" ? [UInt64]() : $0.split(separator: "|").map { WordKey.of(String($0)) } }
            switch pos {
            case .verb where !words[0].contains("|"):
                slots[0] = Inflection.verbForms(words[0]).map(WordKey.of)
            case .noun where !words[words.count - 1].contains("|"):
                slots[slots.count - 1] = Inflection.nounForms(words[words.count - 1]).map(WordKey.of)
            default: break
            }
            words.removeAll()
            triggers.add(slots, value: entry)
        }
    }
}
