import SitrepCore
@testable import SitrepLink

/// Invented places, actors and a compact way to write mentions for linking tests.
enum Places {
    static let idlib = PlaceRef(name: "Idlib", id: "geonames:169389", lat: 35.93, lon: 36.63, admin1: "Idlib", country: "SY", precision: .admin1)
    static let idlibCity = PlaceRef(name: "Idlib city", id: "geonames:169388", lat: 35.93, lon: 36.63, admin1: "Idlib", country: "SY", precision: .city)
    static let saraqib = PlaceRef(name: "Saraqib", id: "geonames:172503", lat: 35.86, lon: 36.80, admin1: "Idlib", country: "SY", precision: .city)
    static let jisrShughur = PlaceRef(name: "Jisr al-Shughur", id: "geonames:169577", lat: 35.81, lon: 36.32, admin1: "Idlib", country: "SY", precision: .city)
    static let deirEzZor = PlaceRef(name: "Deir ez-Zor", id: "geonames:170794", lat: 35.34, lon: 40.14, admin1: "Deir ez-Zor", country: "SY", precision: .city)
    static let deirEzZorProvince = PlaceRef(name: "Deir ez-Zor province", id: "geonames:170792", lat: 35.0, lon: 40.5, admin1: "Deir ez-Zor", country: "SY", precision: .admin1)
    static let daraa = PlaceRef(name: "Daraa", id: "geonames:170903", lat: 32.75, lon: 36.2, admin1: "Daraa", country: "SY", precision: .admin1)
    static let yarmoukBasin = PlaceRef(name: "Yarmouk Basin", id: "sitrep:yarmouk-basin", lat: 32.78, lon: 35.95, admin1: "Daraa", country: "SY", precision: .region)
    static let sweida = PlaceRef(name: "Sweida", id: "geonames:163345", lat: 32.71, lon: 36.57, admin1: "As-Suwayda", country: "SY", precision: .city)
    static let sweidaVillage = PlaceRef(name: "Shabki", id: "geonames:999001", lat: 32.80, lon: 36.75, admin1: "As-Suwayda", country: "SY", precision: .city)
    static let mosul = PlaceRef(name: "Mosul", id: "geonames:99072", lat: 36.34, lon: 43.13, admin1: "Nineveh", country: "IQ", precision: .city)
    static let homs = PlaceRef(name: "Homs", id: "geonames:169577x", lat: 34.73, lon: 36.71, admin1: "Homs", country: "SY", precision: .city)
}

enum Actors {
    static let regime = ActorRole(role: .agent, id: "syria-gov", name: "Syrian government")
    static let rebels = ActorRole(role: .agent, id: "fsa", name: "Free Syrian Army")
    static let isisPatient = ActorRole(role: .patient, id: "isis", name: "Islamic State")
    static let isisAgent = ActorRole(role: .agent, id: "isis", name: "Islamic State")
    static let sdfAgent = ActorRole(role: .agent, id: "sdf", name: "Syrian Democratic Forces")
}

func day(_ s: String) -> CalendarDay { CalendarDay(iso: s)! }

/// A mention of an invented dispatch; everything but the id, document and type is optional.
func mention(_ id: String, doc: String? = nil, outlet: String? = nil, published: String? = nil, _ type: EventType,
             mode: EventMode? = nil, actors: [ActorRole] = [], count: Quantity? = nil, location: PlaceRef? = nil,
             origin: PlaceRef? = nil, destination: PlaceRef? = nil, date: String? = nil, through: String? = nil,
             precision: TimePrecision? = nil, certainty: Certainty = .asserted, attributedTo: String? = nil,
             attributedToID: String? = nil, relations: [MentionRelation] = [], evidence: String = "invented evidence") -> EventMention {
    let document = doc ?? String(id.split(separator: "#")[0])
    return EventMention(id: id, document: document, outlet: outlet, published: published.map(day), type: type, mode: mode,
                        actors: actors, count: count, location: location, origin: origin, destination: destination,
                        date: date.map { EventDate(start: day($0), end: day(through ?? $0), text: "on \($0)") },
                        datePrecision: precision ?? (date == nil ? nil : (through == nil ? .day : .month)),
                        certainty: certainty, attributedTo: attributedTo, attributedToID: attributedToID,
                        trigger: TextRange(0, 4), evidence: Evidence(text: evidence, range: TextRange(start: 0, end: Int32(evidence.utf8.count))),
                        relations: relations)
}

let sharedRules: LinkRules = try! LinkRules.standard()

func link(_ mentions: [EventMention], texts: [String: String] = [:]) -> [LinkedEvent] {
    Linker(rules: sharedRules).link(mentions, documentText: { texts[$0] })
}

/// The event holding a mention.
func event(of id: String, in events: [LinkedEvent]) -> LinkedEvent? { events.first { $0.mentionIDs.contains(id) } }

func together(_ a: String, _ b: String, in events: [LinkedEvent]) -> Bool {
    guard let e = event(of: a, in: events) else { return false }
    return e.mentionIDs.contains(b)
}

/// A September transfer of 400 fighters from Deir ez-Zor to Idlib, as one outlet tells it.
func septemberTransfer(_ id: String, outlet: String, published: String = "2018-09-25", date: String? = "2018-09-23",
                       count: Quantity? = .exactly(400, of: "fighters"), attributedTo: String? = nil, certainty: Certainty = .reported) -> EventMention {
    mention(id, outlet: outlet, published: published, .transfer, mode: .bus, actors: [Actors.regime, Actors.isisPatient],
            count: count, origin: Places.deirEzZor, destination: Places.idlib, date: date, certainty: certainty, attributedTo: attributedTo)
}
