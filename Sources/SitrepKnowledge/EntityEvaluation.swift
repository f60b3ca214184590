/// Entity-level precision, recall and F1 (exact span and label), as CoNLL's conlleval counts them,
/// with MISC left out of both gold and predicted entities.
public struct EntityEvaluation: Sendable {
    public struct Counts: Hashable, Sendable, Codable {
        public var truePositives = 0
        public var predicted = 0
        public var gold = 0
        public init() {}
        public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public static let labels: [EntityLabel] = [.person, .organisation, .location]
    public private(set) var byLabel: [EntityLabel: Counts] = [:]
    public private(set) var overall = Counts()

    public init() {}

    /// Adds one sentence's gold and predicted tags.
    public mutating func add(gold: [EntityTag?], predicted: [EntityTag?]) {
        let g = Set(EntitySpans.spans(gold).filter { $0.label != .misc })
        let p = Set(EntitySpans.spans(predicted).filter { $0.label != .misc })
        for s in g { byLabel[s.label, default: Counts()].gold += 1 }
        for s in p { byLabel[s.label, default: Counts()].predicted += 1 }
        for s in g.intersection(p) { byLabel[s.label, default: Counts()].truePositives += 1 }
        overall.gold += g.count
        overall.predicted += p.count
        overall.truePositives += g.intersection(p).count
    }
}
