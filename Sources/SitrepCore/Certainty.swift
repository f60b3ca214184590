/// How firmly a text states that an event happened (CONTRACT.md §2), plus the
/// language layer's `planned` and `conditional` for events that have not (yet) happened.
public enum Certainty: String, Codable, Sendable, CaseIterable, Comparable {
    /// The outlet states it.
    case asserted
    /// Attributed or hedged: "reportedly", "according to", "seems".
    case reported
    /// "may", "might", "speculates".
    case possible
    /// Future or planned: "will withdraw", "is set to".
    case planned
    /// Depends on a condition: "if the deadline isn't made".
    case conditional
    /// A source says it did not happen.
    case denied

    private var rank: Int { Certainty.allCases.firstIndex(of: self)! }
    public static func < (a: Certainty, b: Certainty) -> Bool { a.rank < b.rank }
}
