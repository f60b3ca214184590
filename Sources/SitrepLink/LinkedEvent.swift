import SitrepCore

/// A canonical event with what explains it: the record users see, its mentions' ids, why each
/// mention joined, and the rules behind the canonical field values.
public struct LinkedEvent: Sendable, Hashable, Codable {
    public var record: EventRecord
    /// Mention ids, in the order of `record.mentions`.
    public var mentionIDs: [String]
    /// Why each mention after the first joined the event.
    public var merges: [MergeNote]
    /// Field → the rule that chose its canonical value, in words (`count_rule`, `date_rule`, …).
    public var rules: [String: String]

    public init(record: EventRecord, mentionIDs: [String], merges: [MergeNote], rules: [String: String]) {
        self.record = record; self.mentionIDs = mentionIDs; self.merges = merges; self.rules = rules
    }
}

/// One merge: a mention joined the event because it matched `joined` with this score.
public struct MergeNote: Sendable, Hashable, Codable {
    public var mention: String
    /// The already-linked mention it matched best.
    public var joined: String
    public var score: PairScore

    public init(mention: String, joined: String, score: PairScore) {
        self.mention = mention; self.joined = joined; self.score = score
    }
}

/// What a stored event keeps beside its record to explain it: the merges and the field rules.
public struct EventExplanation: Sendable, Hashable, Codable {
    public var merges: [MergeNote]
    public var rules: [String: String]
    /// Mention ids in record order, so each merge can name the mention index it concerns.
    public var mentionIDs: [String]

    public init(merges: [MergeNote], rules: [String: String], mentionIDs: [String]) {
        self.merges = merges; self.rules = rules; self.mentionIDs = mentionIDs
    }
}

extension LinkedEvent {
    public var explanation: EventExplanation { EventExplanation(merges: merges, rules: rules, mentionIDs: mentionIDs) }
}
