import SitrepCore

/// Invented event mentions for benchmarks and property tests: events spread over time and a grid of
/// invented places, each told by one to five reports that vary the date by a day, round the count,
/// coarsen the place to its governorate or drop fields. Deterministic for a seed.
public struct SyntheticMentions: Sendable {
    public var seed: UInt64
    /// Events per day: the density stays constant as the corpus grows (more mentions, longer period).
    public var eventsPerDay = 60.0

    public init(seed: UInt64 = 7) { self.seed = seed }

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 { state &+= 0x9E37_79B9_7F4A_7C15; return MinHashSignature.mix(state) }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
    }

    static let types: [EventType] = [.attack, .clash, .transfer, .surrender, .capture, .abduction, .release, .takeover, .agreement, .protest]
    static let actorIDs = ["a-army", "a-rebels", "a-islamic-state", "a-police", "a-militia", "a-kurdish-forces", "a-tribes", "a-coalition"]

    /// Calls `body` with about `count` mentions, in report order; returns how many events they describe.
    @discardableResult
    public func generate(count: Int, _ body: (EventMention) -> Void) -> Int {
        generateLabeled(count: count) { m, _ in body(m) }
    }

    /// As `generate`, with the index of the invented event each mention reports (the true clustering).
    @discardableResult
    public func generateLabeled(count: Int, _ body: (EventMention, Int) -> Void) -> Int {
        var g = Generator(state: seed)
        let days = max(1, Int(Double(count) / 3 / eventsPerDay))
        let base = CalendarDay(year: 2000, month: 1, day: 1)!.dayNumber
        var made = 0, events = 0
        while made < count {
            events += 1
            let type = SyntheticMentions.types[g.int(SyntheticMentions.types.count)]
            let day = base + g.int(days)
            // 40 governorates of a 20×20 grid of places 0.25° apart (about 25 km).
            let px = g.int(20), py = g.int(20), gov = (px / 5) * 4 + py / 5 + 10 * g.int(4)
            let place = PlaceRef(name: "Place \(gov)-\(px)-\(py)", id: "synthetic:\(gov)-\(px)-\(py)",
                                 lat: 30 + Double(gov / 10) * 8 + Double(py) * 0.25, lon: 35 + Double(px) * 0.25,
                                 admin1: "Governorate \(gov)", country: "ZZ", precision: .city)
            let agent = SyntheticMentions.actorIDs[g.int(SyntheticMentions.actorIDs.count)]
            let size = 5 + g.int(400)
            let reports = 1 + g.int(5)
            for r in 0..<reports where made < count {
                let shift = g.chance(0.2) ? 1 : 0
                let d = CalendarDay(dayNumber: day + shift)
                var loc: PlaceRef? = place
                if g.chance(0.15) { loc = PlaceRef(name: "Governorate \(gov)", id: "synthetic:gov-\(gov)", admin1: "Governorate \(gov)", country: "ZZ", precision: .admin1) }
                if g.chance(0.05) { loc = nil }
                let count: Quantity? = g.chance(0.3) ? nil : g.chance(0.2) ? Quantity(min: size, max: size, approximate: true) : .exactly(size)
                let id = "syn_\(events)#\(r)"
                body(EventMention(id: id, document: "syn_\(events)_\(r)", outlet: "Outlet \(g.int(50))",
                                  published: CalendarDay(dayNumber: day + 1 + g.int(3)), type: type,
                                  actors: g.chance(0.8) ? [ActorRole(role: .agent, id: agent, name: agent)] : [],
                                  count: count, location: loc,
                                  date: g.chance(0.1) ? nil : EventDate(start: d, end: d, text: nil), datePrecision: .day,
                                  certainty: .reported, trigger: TextRange(0, 1), evidence: Evidence(text: "", range: TextRange(0, 1))), events - 1)
                made += 1
            }
        }
        return events
    }
}

/// Linking at scale without keeping whole mentions: features and keys only.
public enum LinkBenchmark {
    public struct Figures: Sendable {
        public var mentions: Int
        public var events: Int
        public var clusters: Int
        public var generateSeconds: Double
        /// Process CPU time of linking (blocking, pair scoring, clustering).
        public var linkSeconds: Double
        /// Wall-clock time of linking (longer than CPU time when the machine is shared).
        public var linkWallSeconds: Double
        /// B-cubed against the generator's true events (how often linking merges what differs, splits what is one).
        public var precision: Double
        public var recall: Double
        public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    }

    /// Generates `count` mentions (converted to features as they come), then links them. `clock` returns CPU seconds, `wallClock` elapsed seconds.
    public static func run(count: Int, seed: UInt64 = 7, rules: LinkRules, clock: () -> Double, wallClock: () -> Double) -> Figures {
        var interner = Interner()
        var features: [MentionFeatures] = []
        features.reserveCapacity(count)
        let t0 = clock()
        var truth: [Int32] = []
        truth.reserveCapacity(count)
        let events = SyntheticMentions(seed: seed).generateLabeled(count: count) { m, event in
            features.append(MentionFeatures(m, rules: rules, interner: &interner))
            truth.append(Int32(event))
        }
        let t1 = clock(), w1 = wallClock()
        let scorer = PairScorer(rules: rules, interner: nil)
        let components = Linker.components(features: features, scorer: scorer, keyInterner: &interner)
        var clusters = 0
        var found = [Int32](repeating: 0, count: features.count)
        for component in components {
            if component.count == 1 { found[component[0]] = Int32(clusters); clusters += 1; continue }
            let sorted = component.sorted { (features[$0].start, $0) < (features[$1].start, $1) }
            for c in Linker.cluster(sorted, features: features, scorer: scorer) {
                for i in c { found[i] = Int32(clusters) }
                clusters += 1
            }
        }
        let t2 = clock(), w2 = wallClock()
        let (p, r) = bCubed(truth: truth, found: found)
        return Figures(mentions: features.count, events: events, clusters: clusters, generateSeconds: t1 - t0, linkSeconds: t2 - t1, linkWallSeconds: w2 - w1,
                       precision: p, recall: r)
    }

    /// B-cubed over items from two labelings, by sorting (true, found) pairs: no hash table of millions of cells.
    static func bCubed(truth: [Int32], found: [Int32]) -> (Double, Double) {
        let n = truth.count
        guard n > 0 else { return (0, 0) }
        var cells = (0..<n).map { UInt64(UInt32(bitPattern: truth[$0])) << 32 | UInt64(UInt32(bitPattern: found[$0])) }
        cells.sort()
        var trueSize = [Int32: Int](), foundSize = [Int32: Int]()
        for i in 0..<n { trueSize[truth[i], default: 0] += 1; foundSize[found[i], default: 0] += 1 }
        var p = 0.0, r = 0.0, i = 0
        while i < n {
            var j = i
            while j < n && cells[j] == cells[i] { j += 1 }
            let c = Double(j - i)
            let t = Int32(bitPattern: UInt32(cells[i] >> 32)), f = Int32(bitPattern: UInt32(cells[i] & 0xFFFF_FFFF))
            p += c * c / Double(foundSize[f]!)
            r += c * c / Double(trueSize[t]!)
            i = j
        }
        return (p / Double(n), r / Double(n))
    }
}
