import SitrepCore

/// Links event mentions into canonical events.
///
/// 1. Blocking: each mention gets keys (type family × place × month, see `BlockKey`); only mentions
///    that share a key are compared, in date order within the key.
/// 2. Pairs that `PairScorer` does not veto join one component (union–find).
/// 3. Each component is clustered deterministically: its mentions in a fixed order (date, publication,
///    id), each joining the best-scoring cluster none of whose members it conflicts with. The result
///    depends only on the set of mentions, never on the order they came in.
public struct Linker: Sendable {
    public let rules: LinkRules

    public init(rules: LinkRules) { self.rules = rules }

    /// Canonical events for these mentions, in a stable order (by event date, then id).
    /// `documentText` gives a document's text for near-copy detection (`nil`: no copy detection).
    public func link(_ mentions: [EventMention], documentText: @escaping (String) -> String? = { _ in nil }) -> [LinkedEvent] {
        let clusters = self.clusters(mentions)
        var events = build(clusters.map { $0.map { mentions[$0] } }, documentText: documentText)
        Linker.relate(&events, mentions: mentions)
        return events
    }

    /// Canonical events for clusters already formed (each in canonical order), sorted by date then id.
    public func build(_ clusters: [[EventMention]], documentText: @escaping (String) -> String?) -> [LinkedEvent] {
        let builder = EventBuilder(rules: rules, documentText: documentText)
        return clusters.map { builder.build($0, merges: $0.count > 1 ? mergeNotes($0) : []) }
            .sorted { ($0.record.date?.start ?? CalendarDay(dayNumber: Int.max / 2), $0.record.id) < ($1.record.date?.start ?? CalendarDay(dayNumber: Int.max / 2), $1.record.id) }
    }

    /// Fills `record.related`: a relation between two mentions (in any document) links the events holding them.
    /// `exchange` goes both ways; `part_of` and `response_to` point from the event whose mention states them.
    public static func relate(_ events: inout [LinkedEvent], mentions: [EventMention]) {
        var eventOf: [String: Int] = [:]
        for (e, ev) in events.enumerated() { for id in ev.mentionIDs { eventOf[id] = e } }
        var related = [Set<Relation>](repeating: [], count: events.count)
        for m in mentions {
            guard let e = eventOf[m.id] else { continue }
            for r in m.relations {
                guard let f = eventOf[r.target], f != e else { continue }
                related[e].insert(Relation(relation: r.relation, event: events[f].record.id))
                if r.relation == .exchange { related[f].insert(Relation(relation: .exchange, event: events[e].record.id)) }
            }
        }
        for e in events.indices {
            events[e].record.related = related[e].sorted { ($0.relation.rawValue, $0.event) < ($1.relation.rawValue, $1.event) }
        }
    }

    /// The clusters as index lists into `mentions`, each in canonical order.
    public func clusters(_ mentions: [EventMention]) -> [[Int]] {
        var interner = Interner()
        let features = mentions.map { MentionFeatures($0, rules: rules, interner: &interner) }
        let scorer = PairScorer(rules: rules, interner: nil)
        let components = Linker.components(features: features, scorer: scorer, keyInterner: &interner)
        let ordered = Linker.canonicalOrder(mentions)
        var rankOf = [Int](repeating: 0, count: mentions.count)
        for (r, i) in ordered.enumerated() { rankOf[i] = r }
        var out: [[Int]] = []
        for component in components {
            let sorted = component.sorted { rankOf[$0] < rankOf[$1] }
            out += Linker.cluster(sorted, features: features, scorer: scorer)
        }
        return out.sorted { rankOf[$0[0]] < rankOf[$1[0]] }
    }

    /// Mention indexes in the order clustering visits them: dated first by start day, then publication, then id.
    static func canonicalOrder(_ mentions: [EventMention]) -> [Int] {
        mentions.indices.sorted { i, j in
            let a = mentions[i], b = mentions[j]
            let da = a.date?.start.dayNumber ?? Int.max, db = b.date?.start.dayNumber ?? Int.max
            if da != db { return da < db }
            let pa = a.published?.dayNumber ?? Int.max, pb = b.published?.dayNumber ?? Int.max
            if pa != pb { return pa < pb }
            return a.id < b.id
        }
    }

    /// Groups of mentions connected by unvetoed pairs, found through shared block keys.
    static func components(features: [MentionFeatures], scorer: PairScorer, keyInterner: inout Interner) -> [[Int]] {
        var buckets: [FeatureKey: [Int32]] = [:]
        buckets.reserveCapacity(features.count)
        for (i, f) in features.enumerated() {
            for k in blockKeys(f, rules: scorer.rules) { buckets[k, default: []].append(Int32(i)) }
        }
        var uf = UnionFind(count: features.count)
        for (key, var members) in buckets where members.count > 1 {
            if key.month == -1 {
                // One document's mentions of one family: every pair (restatements of its events).
                for (x, i) in members.enumerated() { for j in members[(x + 1)...] where scorer.score(features[Int(i)], features[Int(j)]).veto == nil { uf.union(Int(i), Int(j)) } }
            } else if key.month == 0 {
                timelessPairs(members, features: features, scorer: scorer) { i, j in uf.union(i, j) }
            } else {
                members.sort { features[Int($0)].start < features[Int($1)].start }
                sweep(members, features: features, scorer: scorer) { i, j in uf.union(i, j) }
            }
        }
        return uf.groups()
    }

    /// Compares mentions of one bucket whose (widened) dates can meet; calls `edge` for unvetoed pairs.
    static func sweep(_ members: [Int32], features: [MentionFeatures], scorer: PairScorer, edge: (Int, Int) -> Void) {
        // Wide enough for any pair of types a bucket can hold (a family may mix types).
        let window = Int64(2 * scorer.rules.windows.widestDays)
        for x in members.indices {
            let a = features[Int(members[x])]
            let reach = a.start == MentionFeatures.unknownDay ? Int64.max : Int64(a.end) + window
            var y = x + 1
            while y < members.count {
                let b = features[Int(members[y])]
                if b.start != MentionFeatures.unknownDay, a.start != MentionFeatures.unknownDay, Int64(b.start) > reach { break }
                if scorer.score(a, b).veto == nil { edge(Int(members[x]), Int(members[y])) }
                y += 1
            }
        }
    }

    /// In a place's `?` block: every pair with at least one timeless mention (dated pairs meet in month blocks).
    static func timelessPairs(_ members: [Int32], features: [MentionFeatures], scorer: PairScorer, edge: (Int, Int) -> Void) {
        let timeless = members.filter { features[Int($0)].timeless }
        guard !timeless.isEmpty else { return }
        for (x, i) in timeless.enumerated() {
            for j in timeless[(x + 1)...] where scorer.score(features[Int(i)], features[Int(j)]).veto == nil { edge(Int(i), Int(j)) }
            for j in members where !features[Int(j)].timeless {
                if scorer.score(features[Int(i)], features[Int(j)]).veto == nil { edge(Int(i), Int(j)) }
            }
        }
    }

    /// Integer block keys of a mention (the same partition as `BlockKey.keys(for:rules:)`).
    static func blockKeys(_ f: MentionFeatures, rules: LinkRules) -> [FeatureKey] {
        var places: [UInt64] = []
        for p in [f.location, f.origin, f.destination] where p.isPresent {
            if p.admin1 >= 0 { places.append(1 << 40 | UInt64(p.admin1)) }
            else if p.country >= 0 { places.append(2 << 40 | UInt64(p.country)) }
            else if p.hasCoordinates {
                let la = Int((Double(p.lat) / 2).rounded(.down)) + 1000, lo = Int((Double(p.lon) / 2).rounded(.down)) + 1000
                places.append(3 << 40 | UInt64(la << 12 | lo))
            }
        }
        if places.isEmpty { places = f.actors.map { 4 << 40 | UInt64($0 >> 2) } }
        if places.isEmpty { places = [5 << 40] }
        // Month keys over the (widened) date; every mention also gets its places' `?` key, where the
        // timeless ones (no usable date) meet everything of their place.
        var months: [Int32] = [0]
        if !f.timeless {
            let w = rules.windows[f.type].days
            let first = CalendarDay(dayNumber: Int(f.start) - w), last = CalendarDay(dayNumber: Int(f.end) + w)
            let a = first.year * 12 + first.month - 1, b = last.year * 12 + last.month - 1
            for m in a...b { months.append(Int32(m + 1)) }
        }
        var keys: [FeatureKey] = []
        keys.reserveCapacity(places.count * months.count + 1)
        if f.document >= 0 { keys.append(FeatureKey(family: f.family, place: 6 << 40 | UInt64(f.document), month: -1)) }
        for p in places { for m in months {
            let k = FeatureKey(family: f.family, place: p, month: m)
            if !keys.contains(k) { keys.append(k) }
        } }
        return keys
    }

    /// Deterministic clustering of one component (indexes already in canonical order): each mention joins
    /// the cluster with the best pair score among those it has no veto against; otherwise it starts one.
    static func cluster(_ sorted: [Int], features: [MentionFeatures], scorer: PairScorer) -> [[Int]] {
        if sorted.count == 1 { return [sorted] }
        var clusters: [[Int]] = []
        for i in sorted {
            var best: (cluster: Int, score: Double)?
            for (c, members) in clusters.enumerated() {
                var top = -1.0
                var allowed = true
                for j in members {
                    let s = scorer.score(features[j], features[i])
                    // A hard conflict keeps a mention out; a weak pair inside a cluster is fine.
                    if s.hard { allowed = false; break }
                    if s.veto == nil { top = max(top, s.score) }
                }
                if allowed, top >= scorer.rules.mergeThreshold, best == nil || top > best!.score { best = (c, top) }
            }
            if let best { clusters[best.cluster].append(i) } else { clusters.append([i]) }
        }
        // A mention that fits two clusters joins one: "30 abducted" restating its own document's abduction and
        // matching another outlet's "36 taken". Clusters that could have been one (no hard conflict between any of
        // their members, one pair that merges) become one, earliest first. Skipped on very large components.
        guard sorted.count <= Linker.clusterMergeLimit else { return clusters }
        var merged = true
        while merged {
            merged = false
            search: for a in clusters.indices { for b in clusters.indices where b > a {
                var top = -1.0, allowed = true
                outer: for i in clusters[a] { for j in clusters[b] {
                    let s = scorer.score(features[i], features[j])
                    if s.hard { allowed = false; break outer }
                    if s.veto == nil { top = max(top, s.score) }
                } }
                if allowed, top >= scorer.rules.mergeThreshold {
                    clusters[a] += clusters[b]
                    clusters.remove(at: b)
                    merged = true
                    break search
                }
            } }
        }
        let rank = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($0.element, $0.offset) })
        return clusters.map { $0.sorted { rank[$0]! < rank[$1]! } }
    }

    /// Components larger than this skip the cluster-merging pass (it compares every pair of clusters).
    static let clusterMergeLimit = 400

    /// For each mention after the first: the earlier member it matches best, with the score's explanation.
    func mergeNotes(_ members: [EventMention]) -> [MergeNote] {
        var interner = Interner()
        let features = members.map { MentionFeatures($0, rules: rules, interner: &interner) }
        let scorer = PairScorer(rules: rules, interner: interner)
        var notes: [MergeNote] = []
        for i in 1..<members.count {
            var best: (Int, PairScore)?
            for j in 0..<i {
                let s = scorer.score(features[j], features[i])
                if best == nil || (s.veto == nil && best!.1.veto != nil) || ((s.veto == nil) == (best!.1.veto == nil) && s.score > best!.1.score) { best = (j, s) }
            }
            notes.append(MergeNote(mention: members[i].id, joined: members[best!.0].id, score: best!.1))
        }
        return notes
    }
}

/// `BlockKey` in numbers: the same partition, without strings.
struct FeatureKey: Hashable {
    var family: UInt8
    /// Kind in the top bits (admin1, country, cell, actor, none), then an interned id or cell number.
    var place: UInt64
    /// Months since year 0, plus one; 0 for no date; -1 for a document's own block.
    var month: Int32
}

/// Disjoint sets over 0..<count with path halving and union by size.
struct UnionFind {
    private var parent: [Int32]
    private var size: [Int32]

    init(count: Int) { parent = (0..<count).map { Int32($0) }; size = [Int32](repeating: 1, count: count) }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while Int(parent[x]) != x { parent[x] = parent[Int(parent[x])]; x = Int(parent[x]) }
        return x
    }

    mutating func union(_ a: Int, _ b: Int) {
        var ra = find(a), rb = find(b)
        guard ra != rb else { return }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = Int32(ra); size[ra] += size[rb]
    }

    /// Every set, members ascending, sets ordered by their smallest member.
    mutating func groups() -> [[Int]] {
        var byRoot: [Int: Int] = [:]
        var out: [[Int]] = []
        for i in parent.indices {
            let r = find(i)
            if let g = byRoot[r] { out[g].append(i) } else { byRoot[r] = out.count; out.append([i]) }
        }
        return out
    }
}
