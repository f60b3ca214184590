import SitrepCore

/// Strings → small integers, so features compare as numbers.
struct Interner {
    private(set) var ids: [String: Int32] = [:]
    mutating func id(_ s: String?) -> Int32 {
        guard let s, !s.isEmpty else { return -1 }
        if let i = ids[s] { return i }
        let i = Int32(ids.count); ids[s] = i; return i
    }
}

/// One place reduced to what comparison needs.
struct PlaceFeature: Sendable {
    var id: Int32 = -1
    var name: Int32 = -1
    var admin1: Int32 = -1
    var country: Int32 = -1
    var lat = Float.nan
    var lon = Float.nan
    /// `PlaceRef.Precision` index (exact 0 … country 5), 6 = unknown.
    var precision: UInt8 = 6

    /// A city named like its governorate ("Idlib", "Deir ez-Zor"): the text may mean either.
    var namesAdmin1 = false

    var isPresent: Bool { name >= 0 || id >= 0 }
    var hasCoordinates: Bool { !lat.isNaN && !lon.isNaN }
    var isCoarse: Bool { precision >= 3 && precision <= 5 } // region, admin1, country
}

/// A mention reduced to numbers: what pair scoring and blocking read. Compact so millions fit in memory.
struct MentionFeatures: Sendable {
    static let unknownDay = Int32.min

    var type: EventType
    var mode: EventMode?
    var family: UInt8
    /// Day numbers of when it happened; `unknownDay` when neither the text nor the publication says.
    var start: Int32 = unknownDay
    var end: Int32 = unknownDay
    var dateKind: DateKind = .unknown
    var published: Int32 = unknownDay
    var location = PlaceFeature()
    var origin = PlaceFeature()
    var destination = PlaceFeature()
    /// `id << 2 | role` for actors with a dictionary id (agent 0, patient 1, recipient 2, party 3).
    var actors: [Int32] = []
    /// Interned actor kind per entry of `actors` (-1 unknown); empty when no actor table is loaded.
    var actorKinds: [Int32] = []
    /// `(actor id, ancestor id)` pairs from the actor table's parent chains (a person → the organisation they lead).
    var ancestors: [(Int32, Int32)] = []
    /// Interned document id: mentions of one document are compared with each other (restatements).
    var document: Int32 = -1
    /// The text places it in the past as background: kept apart from its document's main events.
    var background = false
    var countMin: Int32 = -1
    var countMax: Int32 = -1
    var countApproximate = false
    var countOf: Int32 = -1
    /// For types about people taken or freed (`peopleTypes`): the listed class of the people it is about (from the
    /// count's noun, else the first patient's name), -1 when unknown. Hostages and captured fighters are not one event.
    var peopleClass: Int32 = -1
    var denied = false
    var future = false
    /// No usable time: neither a date nor a publication day, or a period longer than 14 months
    /// (with its window). Such a mention is blocked by place alone (`?` month) and compared with
    /// every mention of its place blocks.
    var timeless = true

    enum DateKind: UInt8, Sendable {
        case unknown, day, coarse, beforePublication, fromPublication
        var isTextual: Bool { self == .day || self == .coarse || self == .beforePublication }
    }

    var hasCount: Bool { countMin >= 0 }
}

extension MentionFeatures {
    /// Reads a mention's features, interning its strings in `interner`.
    init(_ m: EventMention, rules: LinkRules, interner: inout Interner) {
        self.init(type: m.type, mode: m.mode, family: UInt8(truncatingIfNeeded: rules.types.family[m.type] ?? 0))
        if let p = m.published { published = Int32(truncatingIfNeeded: p.dayNumber) }
        if let d = m.date {
            start = Int32(truncatingIfNeeded: d.start.dayNumber); end = Int32(truncatingIfNeeded: d.end.dayNumber)
            switch m.datePrecision {
            case .beforePublication: dateKind = .beforePublication
            case .day, nil: dateKind = start == end ? .day : .coarse
            default: dateKind = .coarse
            }
        } else if published != MentionFeatures.unknownDay {
            start = published - Int32(rules.reportLagDays); end = published; dateKind = .fromPublication
        }
        if start != MentionFeatures.unknownDay {
            let w = rules.windows[m.type].days
            let first = CalendarDay(dayNumber: Int(start) - w), last = CalendarDay(dayNumber: Int(end) + w)
            timeless = (last.year * 12 + last.month) - (first.year * 12 + first.month) > 14
        }
        location = PlaceFeature(m.location, &interner)
        origin = PlaceFeature(m.origin, &interner)
        destination = PlaceFeature(m.destination, &interner)
        var keyed: [(Int32, Int32)] = []
        for a in m.actors {
            guard let id = a.id else { continue }
            let role: Int32 = switch a.role { case .agent: 0; case .patient: 1; case .recipient: 2; case .party: 3 }
            let key = interner.id("actor:" + id)
            keyed.append((key << 2 | role, interner.id(rules.actors[id]?.kind.map { "kind:" + $0 })))
            var seen = Set<String>([id]), up = rules.actors[id]?.parent
            while let p = up, seen.insert(p).inserted {
                ancestors.append((key, interner.id("actor:" + p)))
                up = rules.actors[p]?.parent
            }
        }
        keyed.sort { $0.0 < $1.0 }
        actors = keyed.map(\.0)
        if !rules.actors.isEmpty { actorKinds = keyed.map(\.1) }
        document = interner.id("doc:" + m.document)
        background = m.background
        if let c = m.count {
            countMin = Int32(clamping: c.min); countMax = c.max.map { Int32(clamping: $0) } ?? Int32.max
            countApproximate = c.approximate
            countOf = interner.id(c.of.map { "of:" + rules.countClass($0, type: m.type) })
        }
        if MentionFeatures.peopleTypes.contains(m.type) {
            let patient = m.actors.first { $0.role == .patient }
            // An armed group or force taken or freed is its fighters ("captured Islamic State members").
            let armed = patient?.id.flatMap { rules.actors[$0]?.kind }.flatMap { MentionFeatures.fighterKinds.contains($0) ? "fighter" : nil }
            let noun = m.count?.of.flatMap { rules.listedPeopleClass($0, type: m.type) }
                ?? patient.flatMap { rules.listedPeopleClass($0.name, type: m.type) } ?? armed
            peopleClass = interner.id(noun.map { "people:" + $0 })
        }
        denied = m.certainty == .denied
        future = m.certainty == .planned || m.certainty == .conditional
    }

    /// Types whose reports must agree on who was taken or freed.
    static let peopleTypes: Set<EventType> = [.abduction, .capture, .release]
    /// Actor kinds (actor dictionary) whose members count as fighters.
    static let fighterKinds: Set<String> = ["armed_group", "state_force", "international_force"]

    /// "hostages" and "hostage" count the same thing.
    static func countNoun(_ s: String) -> String {
        let l = s.lowercased()
        return l.hasSuffix("s") && l.count > 3 ? String(l.dropLast()) : l
    }
}

extension PlaceFeature {
    init(_ p: PlaceRef?, _ interner: inout Interner) {
        guard let p else { return }
        id = interner.id(p.id.map { "place:" + $0 })
        name = interner.id("name:" + OriginRegistry.words(p.name).joined(separator: " "))
        admin1 = interner.id(p.admin1.map { "admin1:" + OriginRegistry.words($0).joined(separator: " ") })
        if let a = p.admin1 { namesAdmin1 = OriginRegistry.words(a) == OriginRegistry.words(p.name) }
        country = interner.id(p.country.map { "country:" + $0.uppercased() })
        if let la = p.lat, let lo = p.lon { lat = Float(la); lon = Float(lo) }
        precision = p.precision.map { UInt8(PlaceRef.Precision.allCases.firstIndex(of: $0)!) } ?? 6
    }
}
