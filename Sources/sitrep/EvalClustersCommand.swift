import ArgumentParser
import Foundation
import SitrepCore
import SitrepIngest
import SitrepLink
import SitrepStore
import SitrepStoreSQLite

/// `sitrep eval clusters DIR GOLD.json`: linking accuracy against a gold clustering of documents.
struct EvalClustersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Score cross-document linking: B-cubed precision/recall/F1 over documents, and forbidden merges.",
        discussion: """
        Analyses every document in DIR into a fresh in-memory store (extraction, then linking), takes for
        each gold cluster the canonical event of its type that its documents' mentions fall into, and
        prints B-cubed precision, recall and F1 over (cluster, document) items and the number of
        must_not_merge pairs that share an event. GOLD.json:
        {"clusters": [{"name": "...", "type": "transfer", "documents": ["a.txt", "b.txt"]}],
         "must_not_merge": [["a.txt", "c.txt"]]}
        Documents are named by their path relative to DIR (or their file name). The last line is one JSON object.
        """)

    @Argument(help: "Folder of documents.")
    var folder: String

    @Argument(help: "Gold clusters (JSON).")
    var gold: String

    func run() throws {
        let gold = try ClusterGold.load(path: gold)
        let store = try SQLiteStore.inMemory()
        let reader = DocumentReader()
        let summary = try IngestRun(reader: reader, store: store).run(paths: [folder], quiet: true)
        let pipeline = try AnalysisPipeline.loadDefault()
        var mentions: [EventMention] = []
        var nameOf: [String: Set<String>] = [:] // document id → names gold may use
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for id in summary.documentIDs {
            guard let document = try store.document(id: id) else { continue }
            mentions += pipeline.mentions(in: document)
            if let path = document.path {
                var names: Set<String> = [(path as NSString).lastPathComponent]
                if path.hasPrefix(prefix) { names.insert(String(path.dropFirst(prefix.count))) }
                nameOf[id] = names
            }
        }
        try LinkStage.loadDefault().linkAndStore(store: store, newMentions: mentions, analysedDocuments: summary.documentIDs)
        let events = try store.events(matching: EventQuery())
        let system = events.map { e in
            ClusterScorer.SystemEvent(id: e.record.id, type: e.record.type,
                                      documents: Set(e.record.mentions.flatMap { nameOf[$0.document] ?? [$0.document] }))
        }
        let known = Set(nameOf.values.flatMap { $0 })
        let missing = Set(gold.clusters.flatMap(\.documents) + gold.mustNotMerge.flatMap { $0 }).subtracting(known).sorted()
        for name in missing { Console.error("gold names \(name), which is not a document read from \(folder)") }
        let result = ClusterScorer.score(gold: gold, events: system)
        print("documents \(summary.documentIDs.count) · mentions \(mentions.count) · events \(events.count) · gold clusters \(gold.clusters.count)")
        print(String(format: "B-cubed precision %.3f  recall %.3f  F1 %.3f  over %d items; forbidden merges %d of %d",
                     result.precision, result.recall, result.f1, result.items, result.forbiddenMerges, result.forbiddenPairs))
        if mentions.isEmpty { Console.error("warning: extraction found no mentions; every document stands alone") }
        struct Line: Encodable {
            var result: ClusterScorer.Result
            var documents: Int, mentions: Int, events: Int
            var missingDocuments: [String]
            enum CodingKeys: String, CodingKey { case documents, mentions, events, missingDocuments = "missing_documents" }
            func encode(to encoder: Encoder) throws {
                try result.encode(to: encoder)
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(documents, forKey: .documents); try c.encode(mentions, forKey: .mentions)
                try c.encode(events, forKey: .events); try c.encode(missingDocuments, forKey: .missingDocuments)
            }
        }
        print(try Console.json(Line(result: result, documents: summary.documentIDs.count, mentions: mentions.count,
                                    events: events.count, missingDocuments: missing), pretty: false))
    }
}
