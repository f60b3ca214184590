import SitrepCore

/// One actor of the dictionary (`Resources/actors.tsv`), or a generic typed phrase ("rebel forces")
/// from `Resources/generic-actors.tsv`, which has no id.
public struct ActorEntry: Hashable, Sendable {
    /// Stable identifier (`isis`, `syria-gov`); `nil` for generic phrases.
    public var id: String?
    public var name: String
    public var kind: ActorKind
    /// Other names, as written in the data file (the canonical name is matched too).
    public var aliases: [String]
    /// The organisation it belongs to (a faction's umbrella, a person's organisation, a force's state).
    public var parent: String?
    /// ISO 3166-1 alpha-2.
    public var country: String?
    /// Dates of validity, where names change (Jabhat al-Nusra → Jabhat Fatah al-Sham → HTS).
    public var validFrom: CalendarDay?
    public var validTo: CalendarDay?

    public init(id: String?, name: String, kind: ActorKind, aliases: [String] = [], parent: String? = nil,
                country: String? = nil, validFrom: CalendarDay? = nil, validTo: CalendarDay? = nil) {
        self.id = id; self.name = name; self.kind = kind; self.aliases = aliases; self.parent = parent
        self.country = country; self.validFrom = validFrom; self.validTo = validTo
    }

    /// Whether the actor existed under this name on `day` (true when the dictionary gives no dates).
    public func isValid(on day: CalendarDay) -> Bool {
        if let validFrom, day < validFrom { return false }
        if let validTo, validTo < day { return false }
        return true
    }
}
