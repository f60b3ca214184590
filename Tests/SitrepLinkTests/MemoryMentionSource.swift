import SitrepCore
@testable import SitrepLink

/// An in-memory mention store with events, updated incrementally as documents are (re)analysed.
final class MemoryLinkStore: MentionSource {
    let rules: LinkRules
    var mentions: [String: EventMention] = [:]
    var byKey: [String: Set<String>] = [:]
    var events: [String: LinkedEvent] = [:]
    var eventOfMention: [String: String] = [:]
    /// How many events the last update rebuilt.
    var lastRebuilt = 0

    init(rules: LinkRules) { self.rules = rules }

    func mentions(withBlockKeys keys: Set<String>) throws -> [EventMention] {
        var ids = Set<String>()
        for k in keys { ids.formUnion(byKey[k] ?? []) }
        return ids.sorted().map { mentions[$0]! }
    }

    /// Replaces a document's mentions and updates the events they touch.
    func replace(document: String, with new: [EventMention]) throws {
        let old = mentions.values.filter { $0.document == document }
        for m in old { remove(m) }
        for m in new { add(m) }
        let relink = try IncrementalLinker(rules: rules).relink(added: new, removed: old, source: self)
        let stale = Set(relink.affected.compactMap { eventOfMention[$0] })
        for id in stale { for m in events[id]!.mentionIDs { eventOfMention[m] = nil }; events[id] = nil }
        let built = Linker(rules: rules).build(relink.clusters, documentText: { _ in nil })
        for e in built {
            events[e.record.id] = e
            for m in e.mentionIDs { eventOfMention[m] = e.record.id }
        }
        lastRebuilt = built.count
    }

    private func add(_ m: EventMention) {
        mentions[m.id] = m
        for k in BlockKey.keys(for: m, rules: rules) { byKey[k.text, default: []].insert(m.id) }
    }

    private func remove(_ m: EventMention) {
        mentions[m.id] = nil
        for k in BlockKey.keys(for: m, rules: rules) { byKey[k.text]?.remove(m.id) }
    }

    /// Events as sets of mention ids, for comparison.
    var partition: Set<Set<String>> { Set(events.values.map { Set($0.mentionIDs) }) }
}
