import Foundation
import SitrepCore

/// A gold standard for linking: which documents report one event, and which must never share one.
/// `{"clusters": [{"name": "...", "type": "transfer", "documents": ["a.txt", "b.txt"]}], "must_not_merge": [["a.txt", "c.txt"]]}`
public struct ClusterGold: Codable, Sendable, Hashable {
    public struct Cluster: Codable, Sendable, Hashable {
        public var name: String
        public var type: EventType
        public var documents: [String]
        public init(name: String, type: EventType, documents: [String]) { self.name = name; self.type = type; self.documents = documents }
    }

    public var clusters: [Cluster]
    public var mustNotMerge: [[String]]

    enum CodingKeys: String, CodingKey {
        case clusters
        case mustNotMerge = "must_not_merge"
    }

    public init(clusters: [Cluster], mustNotMerge: [[String]] = []) { self.clusters = clusters; self.mustNotMerge = mustNotMerge }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        clusters = try c.decode([Cluster].self, forKey: .clusters)
        mustNotMerge = try c.decodeIfPresent([[String]].self, forKey: .mustNotMerge) ?? []
    }

    /// Reads a gold file; a clear `eval.badGold` error names the file otherwise.
    public static func load(path: String) throws -> ClusterGold {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SitrepError(code: "eval.badGold", input: path, message: "cannot read the gold file")
        }
        do { return try JSONDecoder().decode(ClusterGold.self, from: data) } catch {
            throw SitrepError(code: "eval.badGold", input: path, message: "not a cluster gold file (\(error)); expected {\"clusters\": [{\"name\", \"type\", \"documents\"}], \"must_not_merge\": [[a, b]]}")
        }
    }
}

/// Scores linking against a `ClusterGold`.
public enum ClusterScorer {
    /// What the system did, per document: the canonical events (with their types) each document has mentions in.
    public struct SystemEvent: Sendable, Hashable {
        public var id: String
        public var type: EventType
        public var documents: Set<String>
        public init(id: String, type: EventType, documents: Set<String>) { self.id = id; self.type = type; self.documents = documents }
    }

    public struct Result: Codable, Sendable, Hashable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var items: Int
        public var goldClusters: Int
        public var forbiddenMerges: Int
        public var forbiddenPairs: Int

        enum CodingKeys: String, CodingKey {
            case precision, recall, f1, items
            case goldClusters = "gold_clusters"
            case forbiddenMerges = "forbidden_merges"
            case forbiddenPairs = "forbidden_pairs"
        }
    }

    /// Each (gold cluster, document) item goes to the event of the cluster's type that holds the most of that
    /// cluster's documents among those the document's mentions fall into (ties: the smaller id); a document with
    /// no mention of that type stands alone. B-cubed over those items; a forbidden pair counts when one event
    /// holds mentions of both documents.
    public static func score(gold: ClusterGold, events: [SystemEvent]) -> Result {
        var goldLabel: [String: String] = [:], systemLabel: [String: String] = [:]
        for (g, cluster) in gold.clusters.enumerated() {
            let docs = Set(cluster.documents)
            let candidates = events.filter { $0.type == cluster.type && !$0.documents.isDisjoint(with: docs) }
            for d in cluster.documents {
                let item = "\(g)\t\(d)"
                goldLabel[item] = "gold:\(g)"
                let holding = candidates.filter { $0.documents.contains(d) }
                let best = holding.max { a, b in
                    let na = a.documents.intersection(docs).count, nb = b.documents.intersection(docs).count
                    return na != nb ? na < nb : a.id > b.id
                }
                systemLabel[item] = best.map { "event:" + $0.id } ?? "alone:" + item
            }
        }
        let (p, r, f) = bCubed(gold: goldLabel, system: systemLabel)
        var forbidden = 0
        for pair in gold.mustNotMerge where pair.count >= 2 {
            if events.contains(where: { e in pair.allSatisfy { e.documents.contains($0) } }) { forbidden += 1 }
        }
        return Result(precision: p, recall: r, f1: f, items: goldLabel.count, goldClusters: gold.clusters.count,
                      forbiddenMerges: forbidden, forbiddenPairs: gold.mustNotMerge.count)
    }

    /// B-cubed precision, recall and F1 of a system clustering against a gold one, over the same items
    /// (item → cluster label). Items missing from `system` stand alone.
    public static func bCubed(gold: [String: String], system: [String: String]) -> (precision: Double, recall: Double, f1: Double) {
        guard !gold.isEmpty else { return (0, 0, 0) }
        var goldMembers: [String: Set<String>] = [:], systemMembers: [String: Set<String>] = [:]
        for (item, g) in gold {
            goldMembers[g, default: []].insert(item)
            systemMembers[system[item] ?? "alone:" + item, default: []].insert(item)
        }
        var p = 0.0, r = 0.0
        for (item, g) in gold {
            let gm = goldMembers[g]!, sm = systemMembers[system[item] ?? "alone:" + item]!
            let both = Double(gm.intersection(sm).count)
            p += both / Double(sm.count)
            r += both / Double(gm.count)
        }
        p /= Double(gold.count); r /= Double(gold.count)
        let f = p + r > 0 ? 2 * p * r / (p + r) : 0
        return (p, r, f)
    }
}
