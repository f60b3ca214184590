import Foundation
import SitrepCore
import SitrepKnowledge
import SitrepLink
import SitrepStore
import SitrepStoreSQLite

/// The linking stage of `sitrep analyze` and `sitrep eval clusters`: stores each document's mentions
/// (replacing what an earlier analysis stored), relinks only the events they touch, stores those events.
struct LinkStage {
    let rules: LinkRules

    /// The shipped link rules, with the actor dictionary's kinds and parents (a person → their organisation).
    static func loadDefault() throws -> LinkStage {
        var rules = try LinkRules.standard()
        for e in try ActorDictionary.loadDefault().actors {
            guard let id = e.id else { continue }
            rules.actors[id] = LinkRules.ActorInfo(kind: e.kind.rawValue, parent: e.parent)
        }
        return LinkStage(rules: rules)
    }

    /// Stores `newMentions` (grouped by document: each document's earlier mentions are replaced, and a
    /// document listed in `analysedDocuments` with no mention loses its old ones), relinks the touched
    /// events, and returns the canonical events that hold the new mentions, in date order.
    @discardableResult
    func linkAndStore(store: some DocumentStore & EventStore, newMentions: [EventMention],
                      analysedDocuments: [String] = []) throws -> [EventRecord] {
        try linkAndStoreDetailed(store: store, newMentions: newMentions, analysedDocuments: analysedDocuments).map(\.record)
    }

    /// As `linkAndStore`, with each event's stored explanation.
    func linkAndStoreDetailed(store: some DocumentStore & EventStore, newMentions: [EventMention],
                              analysedDocuments: [String] = []) throws -> [StoredEvent] {
        var byDocument = Dictionary(grouping: newMentions, by: \.document)
        for d in analysedDocuments where byDocument[d] == nil { byDocument[d] = [] }
        var removed: [EventMention] = []
        for document in byDocument.keys.sorted() {
            let stored = byDocument[document]!.map { StoredMention(mention: $0, blockKeys: BlockKey.keys(for: $0, rules: rules).map(\.text)) }
            removed += try store.replaceMentions(ofDocument: document, with: stored)
        }
        let relink = try IncrementalLinker(rules: rules).relink(added: newMentions, removed: removed, source: StoreMentionSource(store: store))
        let texts = DocumentTexts(store: store)
        let events = Linker(rules: rules).build(relink.clusters, documentText: texts.text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stored = try events.map { StoredEvent(record: $0.record, mentionIDs: $0.mentionIDs, detail: try encoder.encode($0.explanation)) }
        try store.replaceEvents(holding: relink.affected, with: stored)
        // Read back: `related` is resolved by the store across every stored event.
        let newIDs = Set(newMentions.map(\.id))
        return try stored.filter { !newIDs.isDisjoint(with: $0.mentionIDs) }.compactMap { try store.event(id: $0.record.id) }
    }
}

extension LinkStage {
    /// What `sitrep analyze` prints for the events a run touched: briefings (text), or CONTRACT.md records.
    static func render(_ events: [StoredEvent], format: OutputFormat, labels: [String: String] = [:]) throws -> String {
        switch format {
        case .jsonl: return try events.map { try Console.json($0.record, pretty: false) }.joined(separator: "\n")
        case .json: return try Console.json(events.map(\.record), pretty: true)
        case .text:
            if events.isEmpty { return "No events found." }
            return events.map { EventBriefing($0, labels: labels).brief }.joined(separator: "\n\n")
                + "\n\n\(Format.plural(events.count, "canonical event")). `sitrep show ev_…` shows one with its evidence and why its reports were merged."
        }
    }
}

/// The store as linking's mention source.
struct StoreMentionSource: MentionSource {
    let store: any EventStore
    func mentions(withBlockKeys keys: Set<String>) throws -> [EventMention] { try store.mentions(withBlockKeys: keys) }
}

/// Document texts for copy detection, read from the store once each.
final class DocumentTexts: @unchecked Sendable {
    private let store: any DocumentStore
    private var cache: [String: String?] = [:]
    init(store: any DocumentStore) { self.store = store }
    func text(_ id: String) -> String? {
        if let t = cache[id] { return t }
        let t = (try? store.document(id: id))??.text
        cache[id] = t
        return t
    }
}

extension StoreFactory {
    /// The store for commands that read or write events as well as documents.
    static func openLinked(_ url: String) throws -> SQLiteStore {
        try SQLiteStore(location: try StoreLocation(parsing: url))
    }
}

/// The text view of a canonical event: a short briefing (analyze, events) or everything (show).
struct EventBriefing {
    let record: EventRecord
    let explanation: EventExplanation?

    /// Document id → what a reader knows it by (its title, else its file name), for reports with no outlet.
    let labels: [String: String]

    init(_ event: StoredEvent, labels: [String: String] = [:]) {
        record = event.record
        explanation = event.detail.flatMap { try? JSONDecoder().decode(EventExplanation.self, from: $0) }
        self.labels = labels
    }

    /// Labels for the documents of `events` that name no outlet: "“Title” (doc_…)", else the file name.
    static func labels(for events: [StoredEvent], store: some DocumentStore) throws -> [String: String] {
        var out: [String: String] = [:]
        for m in events.flatMap(\.record.mentions) where m.outlet == nil && out[m.document] == nil {
            guard let d = try store.document(id: m.document) else { continue }
            if let t = d.title?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty {
                out[m.document] = "“\(Format.oneLine(t, width: 80))”"
            } else if let p = d.path, !p.isEmpty {
                out[m.document] = (p as NSString).lastPathComponent
            }
        }
        return out
    }

    /// Who reported a mention: its outlet, else the document's title or file name, else its id.
    func reporter(_ m: MentionRecord) -> String { m.outlet ?? labels[m.document] ?? m.document }

    /// A few lines: what, when, where, sources, corroboration, contradictions, links.
    var brief: String {
        let r = record
        var lines = ["\(r.id)  \(r.type.rawValue)\(r.mode.map { "/" + $0.rawValue } ?? "")  \(r.date.map(EventBriefing.dateText) ?? "date unknown")  [\(r.certainty.rawValue)]"]
        lines.append("  \(r.summary)")
        let outlets = r.mentions.map { m in reporter(m) + (m.attributedTo.map { " citing \($0)" } ?? "") + (m.certainty == .denied ? " (denies)" : "") }
        lines.append("  sources: " + EventBriefing.unique(outlets).joined(separator: "; "))
        let c = r.corroboration
        lines.append("  corroboration: \(Format.plural(c.documents, "document")), \(Format.plural(c.outlets, "outlet")), \(Format.plural(c.independentOrigins, "independent origin"))")
        for x in r.contradictions {
            lines.append("  contradiction (\(x.field.rawValue)): " + zip(x.values, x.mentions).map { "\(EventBriefing.show($0.0)) [#\($0.1)]" }.joined(separator: " vs "))
        }
        for rel in r.related { lines.append("  \(rel.relation.rawValue.replacingOccurrences(of: "_", with: " ")): \(rel.event)") }
        return lines.joined(separator: "\n")
    }

    /// Everything: the briefing, each mention's evidence, the merge reasons and the field rules.
    var full: String {
        let r = record
        var lines = [brief, ""]
        if let d = r.date { lines.append("  date         \(EventBriefing.dateText(d))\(d.text.map { "  \"\($0)\"" } ?? "")") }
        for (label, place) in [("location", r.location), ("origin", r.origin), ("destination", r.destination)] {
            if let p = place {
                lines.append("  \(label.padding(toLength: 12, withPad: " ", startingAt: 0)) \(p.name)\(p.admin1.map { ", \($0)" } ?? "")\(p.country.map { ", \($0)" } ?? "")  (\(p.id ?? "no id")\(p.lat.map { String(format: " %.3f", $0) } ?? "")\(p.lon.map { String(format: ",%.3f", $0) } ?? ""), \(p.precision?.rawValue ?? "precision unknown"))")
            }
        }
        for a in r.actors { lines.append("  \(a.role.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(a.name)\(a.id.map { " (\($0))" } ?? "")") }
        if let c = r.count { lines.append("  count        \(EventBriefing.quantity(c))") }
        if let f = r.fatalities { lines.append("  fatalities   \(EventBriefing.quantity(f))") }
        lines.append("")
        lines.append("  mentions:")
        for (i, m) in r.mentions.enumerated() {
            let id = explanation.map { i < $0.mentionIDs.count ? $0.mentionIDs[i] : "" } ?? ""
            lines.append("  [#\(i)] \(m.outlet ?? labels[m.document].map { "outlet unknown: \($0)" } ?? "outlet unknown") · \(m.published?.iso ?? "publication date unknown") · \(m.document) · \(m.certainty.rawValue)\(m.attributedTo.map { " · according to \($0)" } ?? "")\(id.isEmpty ? "" : " · \(id)")")
            lines.append("        \"\(Format.oneLine(m.evidence.text, width: 400))\"  (bytes \(m.evidence.start)–\(m.evidence.end))")
        }
        if let e = explanation {
            if !e.merges.isEmpty {
                lines.append("")
                lines.append("  why these mentions are one event:")
                for note in e.merges {
                    let idx = { (id: String) in e.mentionIDs.firstIndex(of: id).map { "#\($0)" } ?? id }
                    lines.append("  \(idx(note.mention)) joined \(idx(note.joined)) with score \(String(format: "%.2f", note.score.score))"
                                 + (note.score.veto.map { " (this pair alone: \($0); it joined through another member)" } ?? ""))
                    for reason in note.score.reasons { lines.append("      \(reason)") }
                }
            }
            lines.append("")
            lines.append("  rules:")
            for (k, v) in e.rules.sorted(by: { $0.key < $1.key }) { lines.append("    \(k): \(v)") }
        }
        return lines.joined(separator: "\n")
    }

    static func dateText(_ d: EventDate) -> String { d.start == d.end ? d.start.iso : "\(d.start.iso)…\(d.end.iso)" }

    static func quantity(_ q: Quantity) -> String {
        let core = q.max == q.min ? "\(q.min)" : q.max == nil ? "\(q.min) or more" : "\(q.min)–\(q.max!)"
        return (q.approximate ? "about " : "") + core + (q.of.map { " " + $0 } ?? "") + (q.text.map { "  \"\($0)\"" } ?? "")
    }

    static func show(_ v: JSONScalar) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        case .null: return "null"
        }
    }

    static func unique(_ xs: [String]) -> [String] { var seen = Set<String>(); return xs.filter { seen.insert($0).inserted } }
}
