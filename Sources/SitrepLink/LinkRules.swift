import SitrepCore

/// Everything linking decides with: type compatibility, merge windows, known original sources and thresholds.
public struct LinkRules: Sendable {
    public var types: TypeCompatibility
    public var windows: MergeWindows
    public var origins: OriginRegistry
    /// Actor id → kind (`state`, `armed_group`, …) when the actor dictionary is available. Two different
    /// ids in one role conflict unless both kinds are known and differ (a coalition's members).
    public var actorKinds: [String: String] = [:] {
        didSet { for (id, k) in actorKinds { actors[id, default: ActorInfo()].kind = k } }
    }
    /// What linking knows of a dictionary actor: its kind and the actor it belongs to (a person's
    /// organisation, a force's state). Plain data: the CLI fills it from the actor dictionary.
    public struct ActorInfo: Sendable, Hashable {
        public var kind: String?
        public var parent: String?
        public init(kind: String? = nil, parent: String? = nil) { self.kind = kind; self.parent = parent }
    }
    /// Actor id → kind and parent. An actor and one of its ancestors in one role are not a conflict.
    public var actors: [String: ActorInfo] = [:]
    /// Singular count noun → its class (`count-nouns.tsv`): "members" and "fighters" count the same people.
    public var countNouns: [String: String] = [:]
    /// Per event type, count classes that count the same people on it (`held-people.tsv`) → the class that names them:
    /// on an abduction "30 villagers" and "36 hostages" are two figures for one group.
    public var heldPeople: [EventType: [String: String]] = [:]
    /// A mention with no date of its own is taken to report something from this many days before publication.
    public var reportLagDays = 30
    /// The lowest pair score that merges two mentions.
    public var mergeThreshold = 0.55
    /// How much agreeing evidence (besides type) a merge needs: date, place, actors, count each add up to 1.
    public var minimumEvidence = 2.0
    /// Estimated Jaccard similarity of two documents' word shingles from which they are copies of one article.
    public var copyThreshold = 0.7

    public init(types: TypeCompatibility, windows: MergeWindows, origins: OriginRegistry) {
        self.types = types; self.windows = windows; self.origins = origins
    }

    /// The shipped data files.
    public static func standard() throws -> LinkRules {
        var rules = try LinkRules(types: .load(), windows: .load(), origins: .load())
        rules.countNouns = try LinkRules.loadCountNouns()
        rules.heldPeople = try LinkRules.loadHeldPeople()
        return rules
    }

    /// Loads `Resources/count-nouns.tsv` (or another file in its format): class, then |-separated nouns.
    public static func loadCountNouns(path: String? = nil) throws -> [String: String] {
        let file = try path.map { try LinkDataFile(path: $0) } ?? LinkDataFile.bundled("count-nouns.tsv")
        var out: [String: String] = [:]
        for (line, f) in file.rows {
            guard f.count == 2, !f[0].isEmpty else { throw file.error(line: line, "expected a class and |-separated nouns") }
            for noun in f[1].split(separator: "|").map(String.init) {
                guard out[noun] == nil else { throw file.error(line: line, "'\(noun)' is listed twice") }
                out[noun] = f[0]
            }
        }
        return out
    }

    /// Loads `Resources/held-people.tsv` (or another file in its format): an event type, then |-separated count
    /// classes that count the same people on it; the first names them.
    public static func loadHeldPeople(path: String? = nil) throws -> [EventType: [String: String]] {
        let file = try path.map { try LinkDataFile(path: $0) } ?? LinkDataFile.bundled("held-people.tsv")
        var out: [EventType: [String: String]] = [:]
        for (line, f) in file.rows {
            guard f.count == 2, let type = EventType(rawValue: f[0]) else { throw file.error(line: line, "expected an event type and |-separated count classes") }
            guard out[type] == nil else { throw file.error(line: line, "'\(f[0])' is listed twice") }
            let classes = f[1].split(separator: "|").map(String.init)
            guard let first = classes.first else { throw file.error(line: line, "no count classes") }
            out[type] = Dictionary(classes.map { ($0, first) }, uniquingKeysWith: { a, _ in a })
        }
        return out
    }

    /// The class of a count noun on an event of `type`: as `countClass(_:)`, then merged by `heldPeople`
    /// ("villagers" on an abduction count its hostages).
    public func countClass(_ noun: String, type: EventType) -> String {
        let c = countClass(noun)
        return heldPeople[type]?[c] ?? c
    }

    /// The class of a noun for people when `count-nouns.tsv` lists it (or its last word), merged by `heldPeople`
    /// for `type`; `nil` for a noun it does not list ("others", "tanks").
    public func listedPeopleClass(_ noun: String, type: EventType) -> String? {
        let n = MentionFeatures.countNoun(noun)
        guard let c = countNouns[n] ?? n.split(separator: " ").last.flatMap({ countNouns[String($0)] }) else { return nil }
        return heldPeople[type]?[c] ?? c
    }

    /// The class of a count noun: "members" → `fighter`; a noun not listed is its own class.
    public func countClass(_ noun: String) -> String {
        let n = MentionFeatures.countNoun(noun)
        if let c = countNouns[n] { return c }
        // "ISIS fighters", "female hostages": the last word decides.
        if let last = n.split(separator: " ").last.map(String.init), let c = countNouns[last] { return c }
        return n
    }
}
