import SitrepCore

// The knowledge layer's output: places with coordinates, actors with dictionary ids, and
// named entities the dictionaries do not know. These types are the contract between
// SitrepKnowledge and SitrepExtract; their producers live in their own files.

/// A place named in the text, resolved to the gazetteer.
public struct PlaceMention: Hashable, Sendable {
    public var range: TextRange
    /// Resolved place; `qualifier` holds what the text added ("eastern", "countryside").
    public var place: PlaceRef
    /// 0…1: how sure the match and the choice between same-named places are.
    public var score: Double
    public init(range: TextRange, place: PlaceRef, score: Double) {
        self.range = range; self.place = place; self.score = score
    }
}

/// What kind of actor an actor-dictionary entry is.
public enum ActorKind: String, Sendable, Hashable, Codable, CaseIterable {
    case state, stateForce = "state_force", armedGroup = "armed_group"
    case internationalForce = "international_force", monitor, media
    case governmentBody = "government_body", internationalOrganisation = "international_organisation"
    case person, civilians, other
}

/// An actor named in the text: a dictionary entry, or a typed but unnamed group ("rebel forces").
public struct ActorMention: Hashable, Sendable {
    public var range: TextRange
    /// The dictionary id (`isis`, `syria-gov`, `sohr`), `nil` for an actor in no dictionary.
    public var id: String?
    /// Canonical name for dictionary actors; the text for others.
    public var name: String
    public var kind: ActorKind
    public var score: Double
    public init(range: TextRange, id: String?, name: String, kind: ActorKind, score: Double) {
        self.range = range; self.id = id; self.name = name; self.kind = kind; self.score = score
    }
}

/// Named-entity labels (CoNLL's, less MISC).
public enum EntityLabel: String, Sendable, Hashable, Codable, CaseIterable {
    case person = "PER", organisation = "ORG", location = "LOC", misc = "MISC"
}

/// A name found by the dictionaries or by the learned recogniser.
public struct EntityMention: Hashable, Sendable {
    public var range: TextRange
    public var label: EntityLabel
    /// True when a dictionary found it; false when the model did.
    public var fromDictionary: Bool
    public init(range: TextRange, label: EntityLabel, fromDictionary: Bool) {
        self.range = range; self.label = label; self.fromDictionary = fromDictionary
    }
}

/// Everything the knowledge layer found in one document, each list sorted by start offset.
public struct KnowledgeAnnotations: Sendable {
    public var places: [PlaceMention] = []
    public var actors: [ActorMention] = []
    public var entities: [EntityMention] = []
    public init() {}
}
