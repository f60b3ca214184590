import Foundation
import SitrepCore

/// One event mention as the store keeps it, with the blocking keys linking looks it up by.
public struct StoredMention: Sendable, Hashable {
    public var mention: EventMention
    /// `BlockKey.text` values from `SitrepLink`: the store only indexes them.
    public var blockKeys: [String]

    public init(mention: EventMention, blockKeys: [String]) { self.mention = mention; self.blockKeys = blockKeys }
}

/// One canonical event as the store keeps it: the record, its mentions' ids (in record order) and the
/// linker's explanation (merge reasons, field rules) as JSON the store does not interpret.
public struct StoredEvent: Sendable, Hashable {
    public var record: EventRecord
    public var mentionIDs: [String]
    public var detail: Data?

    public init(record: EventRecord, mentionIDs: [String], detail: Data? = nil) {
        self.record = record; self.mentionIDs = mentionIDs; self.detail = detail
    }
}

/// Where event mentions and canonical events are kept, beside the documents they come from.
///
/// Mentions are replaced per document (re-analysis); events are replaced per touched block (the
/// events holding the mentions a change affected). `related` is filled when events are read, from the
/// stored mention relations, so links stay right when either side is rebuilt. Errors as `DocumentStore`.
public protocol EventStore: AnyObject, Sendable {
    /// Replaces every stored mention of `document` with `mentions`, in one transaction; returns the old ones.
    @discardableResult
    func replaceMentions(ofDocument document: String, with mentions: [StoredMention]) throws -> [EventMention]

    /// Every stored mention that has at least one of these block keys, in id order.
    func mentions(withBlockKeys keys: Set<String>) throws -> [EventMention]

    /// The stored mentions with these ids (missing ones are skipped), in the order given.
    func mentions(ids: [String]) throws -> [EventMention]

    func mentionCount() throws -> Int

    /// In one transaction: removes every event holding one of `mentionIDs`, then stores `events`.
    func replaceEvents(holding mentionIDs: Set<String>, with events: [StoredEvent]) throws

    /// The stored event with this id, with `related` filled, or `nil`.
    func event(id: String) throws -> StoredEvent?

    /// The ids of the events that hold any of these mentions, each once, in id order.
    func eventIDs(holdingMentions mentionIDs: [String]) throws -> [String]

    /// Ids starting with `prefix`, in id order, at most `limit` (lets users name an event by a prefix).
    func eventIDs(startingWith prefix: String, limit: Int) throws -> [String]

    /// Events that pass every filter of `query`, with `related` filled.
    func events(matching query: EventQuery) throws -> [StoredEvent]

    func eventCount() throws -> Int
}
