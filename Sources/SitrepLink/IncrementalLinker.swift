import SitrepCore

/// Where incremental linking finds the mentions already linked: a store, or memory.
public protocol MentionSource {
    /// Every stored mention that has at least one of these block keys (`BlockKey.text`).
    func mentions(withBlockKeys keys: Set<String>) throws -> [EventMention]
}

/// What changes when some mentions are added or removed: the mentions whose events must be rebuilt,
/// and their new clusters. Events holding any of `affected` are replaced by events of `clusters`.
public struct Relink: Sendable {
    /// Ids of every mention whose event may change (including removed ones).
    public var affected: Set<String>
    /// The new clusters over the affected mentions that still exist, each in canonical order.
    public var clusters: [[EventMention]]
}

/// Updates canonical events for a change without relinking everything: starting from the added and
/// removed mentions it walks, through shared block keys and unvetoed pairs, the whole connected
/// component they touch, and reclusters only that. The result equals linking all mentions afresh,
/// because clustering depends only on a component's set of mentions.
public struct IncrementalLinker {
    public let linker: Linker

    public init(rules: LinkRules) { linker = Linker(rules: rules) }

    /// `source` must already hold the added mentions and no longer hold the removed ones.
    public func relink(added: [EventMention], removed: [EventMention], source: MentionSource) throws -> Relink {
        let rules = linker.rules
        var visited: [String: EventMention] = [:]
        for m in added { visited[m.id] = m }
        // Removed mentions only lead to their former neighbours; added ones are members.
        var frontier: [(mention: EventMention, removed: Bool)] = added.map { ($0, false) } + removed.map { ($0, true) }
        var affected = Set(removed.map(\.id))
        var edges: [(String, String)] = []
        var interner = Interner()
        let scorer = PairScorer(rules: rules, interner: nil)
        var featureCache: [String: MentionFeatures] = [:]
        var keyCache: [String: Set<String>] = [:]
        func features(_ m: EventMention, removed: Bool) -> MentionFeatures {
            if !removed, let f = featureCache[m.id] { return f }
            let f = MentionFeatures(m, rules: rules, interner: &interner)
            if !removed { featureCache[m.id] = f }
            return f
        }
        func keys(_ m: EventMention, removed: Bool) -> Set<String> {
            if !removed, let k = keyCache[m.id] { return k }
            let k = Set(BlockKey.keys(for: m, rules: rules).map(\.text))
            if !removed { keyCache[m.id] = k }
            return k
        }
        while !frontier.isEmpty {
            var wanted = Set<String>()
            for (m, r) in frontier { wanted.formUnion(keys(m, removed: r)) }
            let candidates = try source.mentions(withBlockKeys: wanted)
            var next: [(mention: EventMention, removed: Bool)] = []
            for (m, r) in frontier {
                let fm = features(m, removed: r), km = keys(m, removed: r)
                for c in candidates where c.id != m.id {
                    guard BlockKey.areCandidates(keys(c, removed: false), km) else { continue }
                    guard scorer.score(fm, features(c, removed: false)).veto == nil else { continue }
                    if !r { edges.append((m.id, c.id)) }
                    if visited[c.id] == nil { visited[c.id] = c; next.append((c, false)) }
                }
            }
            frontier = next
        }
        affected.formUnion(visited.keys)
        // Components over the visited mentions, then the same deterministic clustering as a full link.
        let members = visited.values.sorted { $0.id < $1.id }
        var index: [String: Int] = [:]
        for (i, m) in members.enumerated() { index[m.id] = i }
        var uf = UnionFind(count: members.count)
        for (a, b) in edges { if let i = index[a], let j = index[b] { uf.union(i, j) } }
        let order = Linker.canonicalOrder(members)
        var rank = [Int](repeating: 0, count: members.count)
        for (r, i) in order.enumerated() { rank[i] = r }
        let feats = members.map { features($0, removed: false) }
        var clusters: [[EventMention]] = []
        for component in uf.groups() {
            let sorted = component.sorted { rank[$0] < rank[$1] }
            for c in Linker.cluster(sorted, features: feats, scorer: scorer) { clusters.append(c.map { members[$0] }) }
        }
        return Relink(affected: affected, clusters: clusters)
    }
}
