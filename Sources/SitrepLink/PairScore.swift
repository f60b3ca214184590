/// Why two mentions are (or are not) one event: one value per feature and the combined score.
public struct PairScore: Sendable, Hashable, Codable {
    /// `nil` when the pair may merge; otherwise what rules it out ("type: surrender is not transfer").
    public var veto: String?
    /// Combined score 0…1 (meaningful when not vetoed).
    public var score: Double
    /// Agreeing evidence besides type (date, place, actors, count; each up to 1).
    public var evidence: Double
    /// Feature → value 0…1: `type`, `date`, `place`, `actors`, `count`.
    public var features: [String: Double]
    /// Readable reasons, one per feature ("date: same day 2018-09-23").
    public var reasons: [String]
    /// The veto comes from a rule (type, date, place, count, a disagreement), not merely from too little
    /// agreeing evidence or a low score: such a pair can never sit in one event.
    public var hard = false

    enum CodingKeys: String, CodingKey { case veto, score, evidence, features, reasons }

    public init(veto: String? = nil, score: Double = 0, evidence: Double = 0, features: [String: Double] = [:], reasons: [String] = []) {
        self.veto = veto; self.score = score; self.evidence = evidence; self.features = features; self.reasons = reasons
    }
}
