/// One canonical event as users and other programs see it (CONTRACT.md §2):
/// `sitrep analyze --format jsonl`, `sitrep export --format jsonl` and the HTTP API.
///
/// Unknown fields encode as `null`, never as a guess.
public struct EventRecord: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var type: EventType
    public var mode: EventMode?
    public var summary: String
    public var date: EventDate?
    public var actors: [ActorRole]
    public var count: Quantity?
    public var fatalities: Quantity?
    public var location: PlaceRef?
    public var origin: PlaceRef?
    public var destination: PlaceRef?
    public var certainty: Certainty
    public var mentions: [MentionRecord]
    public var corroboration: Corroboration
    public var contradictions: [Contradiction]
    public var related: [Relation]

    public init(id: String, type: EventType, mode: EventMode? = nil, summary: String, date: EventDate? = nil,
                actors: [ActorRole] = [], count: Quantity? = nil, fatalities: Quantity? = nil,
                location: PlaceRef? = nil, origin: PlaceRef? = nil, destination: PlaceRef? = nil,
                certainty: Certainty, mentions: [MentionRecord] = [],
                corroboration: Corroboration = .init(documents: 0, outlets: 0, independentOrigins: 0),
                contradictions: [Contradiction] = [], related: [Relation] = []) {
        self.id = id; self.type = type; self.mode = mode; self.summary = summary; self.date = date
        self.actors = actors; self.count = count; self.fatalities = fatalities
        self.location = location; self.origin = origin; self.destination = destination
        self.certainty = certainty; self.mentions = mentions; self.corroboration = corroboration
        self.contradictions = contradictions; self.related = related
    }

    enum CodingKeys: String, CodingKey {
        case id, type, mode, summary, date, actors, count, fatalities, location, origin, destination
        case certainty, mentions, corroboration, contradictions, related
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(mode, forKey: .mode)
        try c.encode(summary, forKey: .summary)
        try c.encode(date, forKey: .date)              // explicit null when unknown
        try c.encode(actors, forKey: .actors)
        try c.encode(count, forKey: .count)
        try c.encode(fatalities, forKey: .fatalities)
        try c.encode(location, forKey: .location)
        try c.encode(origin, forKey: .origin)
        try c.encode(destination, forKey: .destination)
        try c.encode(certainty, forKey: .certainty)
        try c.encode(mentions, forKey: .mentions)
        try c.encode(corroboration, forKey: .corroboration)
        try c.encode(contradictions, forKey: .contradictions)
        try c.encode(related, forKey: .related)
    }

    /// ACLED's event type and sub-event type for this event.
    public var acled: ACLEDCategory { type.acled(mode: mode) }
}

/// The day or interval an event happened, with the words it was read from.
public struct EventDate: Hashable, Codable, Sendable {
    public var start: CalendarDay
    public var end: CalendarDay
    public var text: String?

    public init(start: CalendarDay, end: CalendarDay, text: String?) {
        self.start = start; self.end = end; self.text = text
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(text, forKey: .text)
    }
}

/// An actor in a role: who did it, to whom, who received it, who took part.
public struct ActorRole: Hashable, Codable, Sendable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case agent, patient, recipient, party
    }

    public var role: Role
    /// A stable identifier from the actor dictionary, or `nil` for an unnamed actor ("rebel forces").
    public var id: String?
    public var name: String

    public init(role: Role, id: String?, name: String) {
        self.role = role; self.id = id; self.name = name
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(role, forKey: .role)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
    }
}

/// A count of people or things as a range: "dozens" is 24–99, "some 400" is 400 approximately.
public struct Quantity: Hashable, Codable, Sendable {
    public var min: Int
    /// `nil` when open-ended ("more than 250" with no upper bound stated).
    public var max: Int?
    public var approximate: Bool
    /// What is counted ("fighters", "hostages", "civilians"), when the text says.
    public var of: String?
    public var text: String?

    public init(min: Int, max: Int?, approximate: Bool, of: String? = nil, text: String? = nil) {
        self.min = min; self.max = max; self.approximate = approximate; self.of = of; self.text = text
    }

    public static func exactly(_ n: Int, of: String? = nil, text: String? = nil) -> Quantity {
        Quantity(min: n, max: n, approximate: false, of: of, text: text)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(min, forKey: .min)
        try c.encode(max, forKey: .max)
        try c.encode(approximate, forKey: .approximate)
        try c.encode(of, forKey: .of)
        try c.encode(text, forKey: .text)
    }

    /// Two counts can describe the same group: their ranges overlap (approximate ones with 10% slack).
    public func isCompatible(with other: Quantity) -> Bool {
        func bounds(_ q: Quantity) -> (Double, Double) {
            let lo = Double(q.min), hi = Double(q.max ?? Int.max / 2)
            return q.approximate ? (lo * 0.9, hi * 1.1) : (lo, hi)
        }
        let (a0, a1) = bounds(self), (b0, b1) = bounds(other)
        return a0 <= b1 && b0 <= a1
    }
}

/// A resolved place with coordinates.
public struct PlaceRef: Hashable, Codable, Sendable {
    public enum Precision: String, Codable, Sendable, CaseIterable {
        case exact, city, district, region, admin1, country
    }

    public var name: String
    /// `geonames:170794`, `ocha:C4236`, `sitrep:yarmouk-basin`.
    public var id: String?
    public var lat: Double?
    public var lon: Double?
    public var admin1: String?
    /// ISO 3166-1 alpha-2.
    public var country: String?
    public var precision: Precision?
    /// What the text added to the name ("eastern", "countryside", "near the border").
    public var qualifier: String?

    // (Inlinable: a call from another module is a plain store of the fields, not an opaque call.)
    @inlinable
    public init(name: String, id: String? = nil, lat: Double? = nil, lon: Double? = nil, admin1: String? = nil,
                country: String? = nil, precision: Precision? = nil, qualifier: String? = nil) {
        self.name = name; self.id = id; self.lat = lat; self.lon = lon; self.admin1 = admin1
        self.country = country; self.precision = precision; self.qualifier = qualifier
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(id, forKey: .id)
        try c.encode(lat, forKey: .lat)
        try c.encode(lon, forKey: .lon)
        try c.encode(admin1, forKey: .admin1)
        try c.encode(country, forKey: .country)
        try c.encode(precision, forKey: .precision)
        try c.encodeIfPresent(qualifier, forKey: .qualifier)
    }
}

/// One document's report of an event, with the exact span of evidence.
public struct MentionRecord: Hashable, Codable, Sendable {
    public var document: String
    public var outlet: String?
    public var published: CalendarDay?
    /// The source the outlet attributes the report to ("Syrian Observatory for Human Rights").
    public var attributedTo: String?
    public var certainty: Certainty
    public var evidence: Evidence

    enum CodingKeys: String, CodingKey {
        case document, outlet, published
        case attributedTo = "attributed_to"
        case certainty, evidence
    }

    public init(document: String, outlet: String?, published: CalendarDay?, attributedTo: String?,
                certainty: Certainty, evidence: Evidence) {
        self.document = document; self.outlet = outlet; self.published = published
        self.attributedTo = attributedTo; self.certainty = certainty; self.evidence = evidence
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document, forKey: .document)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(published, forKey: .published)
        try c.encode(attributedTo, forKey: .attributedTo)
        try c.encode(certainty, forKey: .certainty)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// The text a claim rests on and where it stands in the document's cleaned text (UTF-8 offsets).
public struct Evidence: Hashable, Codable, Sendable {
    public var text: String
    public var start: Int32
    public var end: Int32

    public init(text: String, range: TextRange) {
        self.text = text; self.start = range.start; self.end = range.end
    }

    public var range: TextRange { TextRange(start: start, end: end) }
}

/// How many reports, outlets and independent original sources stand behind an event.
public struct Corroboration: Hashable, Codable, Sendable {
    public var documents: Int
    public var outlets: Int
    public var independentOrigins: Int

    enum CodingKeys: String, CodingKey {
        case documents, outlets
        case independentOrigins = "independent_origins"
    }

    public init(documents: Int, outlets: Int, independentOrigins: Int) {
        self.documents = documents; self.outlets = outlets; self.independentOrigins = independentOrigins
    }
}

/// Where sources disagree about one field of an event.
public struct Contradiction: Hashable, Codable, Sendable {
    public enum Field: String, Codable, Sendable, CaseIterable {
        case occurrence, count, date, location, actor
    }

    public var field: Field
    /// Each side's value, as the sources give it.
    public var values: [JSONScalar]
    /// Indexes into the event's `mentions`.
    public var mentions: [Int]

    public init(field: Field, values: [JSONScalar], mentions: [Int]) {
        self.field = field; self.values = values; self.mentions = mentions
    }
}

/// A link from one event to another.
public struct Relation: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// One in return for the other: fighters for hostages.
        case exchange
        /// A move that carries out an agreement.
        case partOf = "part_of"
        case responseTo = "response_to"
    }

    public var relation: Kind
    public var event: String

    public init(relation: Kind, event: String) {
        self.relation = relation; self.event = event
    }
}

/// A JSON string, number, boolean or null: the values of a contradiction.
public enum JSONScalar: Hashable, Codable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        }
    }
}
