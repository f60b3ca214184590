import SitrepCore

/// A person tied to an organisation by the text: "X, head of Y", "a spokesman with Y", "Y spokesman X".
public struct ActorAffiliation: Hashable, Sendable {
    /// The person as written ("Rami Abdel Rahman", or "a spokesman" when no name is given).
    public var person: TextRange
    public var personName: String
    /// The person's dictionary id when the person is in the dictionary.
    public var personID: String?
    /// The role word as listed in `actor-roles.tsv` ("head", "spokesman").
    public var role: String
    public var organisation: TextRange
    /// The organisation's dictionary id, `nil` for an organisation in no dictionary.
    public var organisationID: String?
    public var organisationName: String

    public init(person: TextRange, personName: String, personID: String? = nil, role: String,
                organisation: TextRange, organisationID: String?, organisationName: String) {
        self.person = person; self.personName = personName; self.personID = personID; self.role = role
        self.organisation = organisation; self.organisationID = organisationID; self.organisationName = organisationName
    }
}

/// Everything the actor matcher found in one document.
public struct ActorFindings: Sendable {
    /// Actor mentions sorted by start offset; longest match wins, no two overlap.
    public var mentions: [ActorMention]
    /// People tied to organisations.
    public var affiliations: [ActorAffiliation]
    /// Acronyms defined in brackets in this document ("(SOHR)", "(JTS)") and the actor each stands for.
    public var documentAcronyms: [String: ActorMention]

    public init(mentions: [ActorMention] = [], affiliations: [ActorAffiliation] = [], documentAcronyms: [String: ActorMention] = [:]) {
        self.mentions = mentions; self.affiliations = affiliations; self.documentAcronyms = documentAcronyms
    }

    /// The affiliation of the person at `range`, keyed by the person's range (organisation id or name).
    public var affiliationsByPerson: [TextRange: String] {
        var out: [TextRange: String] = [:]
        for a in affiliations { out[a.person] = a.organisationID ?? a.organisationName }
        return out
    }
}

extension ActorMention {
    /// The named entity this actor mention is, for combining with the recogniser (a dictionary hit wins):
    /// persons are PER, states LOC, other named actors ORG; generic groups ("rebels") are no name.
    public var entityMention: EntityMention? {
        switch kind {
        case .person: return EntityMention(range: range, label: .person, fromDictionary: true)
        case .state: return EntityMention(range: range, label: .location, fromDictionary: true)
        case .civilians: return nil
        default:
            if id == nil && score >= 0.8 { return nil }  // generic phrase
            return EntityMention(range: range, label: .organisation, fromDictionary: true)
        }
    }
}
