import SitrepCore

/// Everything linking decides with: type compatibility, merge windows, known original sources and thresholds.
public struct LinkRules: Sendable {
    public var types: TypeCompatibility
    public var windows: MergeWindows
    public var origins: OriginRegistry
    /// Actor id → kind (`state`, `armed_group`, …) when the actor dictionary is available. Two different
    /// ids in one role conflict unless both kinds are known and differ (a coalition's members).
    public var actorKinds: [String: String] = [:]
    /// A mention with no date of its own is taken to report something from this many days before publication.
    public var reportLagDays = 30
    /// The lowest pair score that merges two mentions.
    public var mergeThreshold = 0.55
    /// How much agreeing evidence (besides type) a merge needs: date, place, actors, count each add up to 1.
    public var minimumEvidence = 2.0
    /// Estimated Jaccard similarity of two documents' word shingles from which they are copies of one article.
    public var copyThreshold = 0.7

    public init(types: TypeCompatibility, windows: MergeWindows, origins: OriginRegistry) {
        self.types = types; self.windows = windows; self.origins = origins
    }

    /// The shipped data files.
    public static func standard() throws -> LinkRules {
        try LinkRules(types: .load(), windows: .load(), origins: .load())
    }
}
