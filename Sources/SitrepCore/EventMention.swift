/// One document's report of one event: what extraction (`SitrepExtract`) produces, what the
/// store keeps per document, and what linking (`SitrepLink`) merges into canonical events.
///
/// Every text-derived field points back into the document's cleaned text: `trigger` is the
/// word that names the event, `evidence` the sentence (or clause) it rests on.
public struct EventMention: Hashable, Codable, Sendable, Identifiable {
    /// `<document id>#<index in document>`: stable for one document and one extractor version.
    public var id: String
    public var document: String
    public var outlet: String?
    /// The document's publication day when exact (for ordering and the record's `published`).
    public var published: CalendarDay?
    public var type: EventType
    public var mode: EventMode?
    public var actors: [ActorRole]
    public var count: Quantity?
    public var fatalities: Quantity?
    public var location: PlaceRef?
    public var origin: PlaceRef?
    public var destination: PlaceRef?
    /// When it happened, from the text; `nil` when the text gives nothing (never the publication day silently).
    public var date: EventDate?
    /// How fine `date` is: a resolved day, a week, a month …, or only "before publication".
    public var datePrecision: TimePrecision?
    public var certainty: Certainty
    /// The source the outlet attributes this report to, as written ("the Syrian Observatory for Human Rights").
    public var attributedTo: String?
    /// The actor-dictionary id of that source when known (`sohr`, `afp`), for counting independent origins.
    public var attributedToID: String?
    /// The word or phrase that names the event.
    public var trigger: TextRange
    /// The sentence or clause the mention rests on.
    public var evidence: Evidence
    /// Links to other mentions of the same document ("in exchange for", "part of a deal").
    public var relations: [MentionRelation]
    /// True for events the text places in the past as background ("in a previous deal", "in 2017").
    public var background: Bool

    // Inlinable: built in another module (extraction), the record is then made in place, not copied in and out of
    // an opaque initialiser with an outlined copy and destroy of every optional field.
    @inlinable
    public init(id: String, document: String, outlet: String? = nil, published: CalendarDay? = nil,
                type: EventType, mode: EventMode? = nil, actors: [ActorRole] = [], count: Quantity? = nil,
                fatalities: Quantity? = nil, location: PlaceRef? = nil, origin: PlaceRef? = nil,
                destination: PlaceRef? = nil, date: EventDate? = nil, datePrecision: TimePrecision? = nil,
                certainty: Certainty, attributedTo: String? = nil, attributedToID: String? = nil,
                trigger: TextRange, evidence: Evidence, relations: [MentionRelation] = [], background: Bool = false) {
        self.id = id; self.document = document; self.outlet = outlet; self.published = published
        self.type = type; self.mode = mode; self.actors = actors; self.count = count; self.fatalities = fatalities
        self.location = location; self.origin = origin; self.destination = destination
        self.date = date; self.datePrecision = datePrecision; self.certainty = certainty
        self.attributedTo = attributedTo; self.attributedToID = attributedToID
        self.trigger = trigger; self.evidence = evidence; self.relations = relations; self.background = background
    }
}

/// A link from one mention to another mention of the same document.
public struct MentionRelation: Hashable, Codable, Sendable {
    public var relation: Relation.Kind
    /// The other mention's `id`.
    public var target: String
    /// The words that state the link ("in exchange for").
    public var cue: TextRange?

    @inlinable
    public init(relation: Relation.Kind, target: String, cue: TextRange? = nil) {
        self.relation = relation; self.target = target; self.cue = cue
    }
}

/// How fine a resolved time is.
public enum TimePrecision: String, Codable, Sendable, CaseIterable, Comparable {
    case day, week, month, season, year
    /// Only known to lie before (or on) the publication date.
    case beforePublication = "before_publication"

    private var rank: Int { TimePrecision.allCases.firstIndex(of: self)! }
    public static func < (a: TimePrecision, b: TimePrecision) -> Bool { a.rank < b.rank }
}
