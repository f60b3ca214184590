/// The 19 event types of Sitrep's vocabulary (CONTRACT.md §3). Raw values are the contract's.
public enum EventType: String, Codable, Sendable, CaseIterable {
    case attack, clash, takeover, offensive, withdrawal, transfer, surrender, capture
    case abduction, release, agreement, negotiation, protest
    case groupChange = "group_change"
    case riot
    case sexualViolence = "sexual_violence"
    case propertyDestruction = "property_destruction"
    case baseEstablished = "base_established"
    case weaponsSeized = "weapons_seized"

    /// One line for `--help` and the web UI.
    public var meaning: String {
        switch self {
        case .attack: "violence by an armed actor: assault, bombing, shelling, airstrike, execution"
        case .clash: "armed fighting between two organised sides"
        case .takeover: "a side takes control of an area"
        case .offensive: "a campaign or advance is launched or pressed"
        case .withdrawal: "a side leaves an area"
        case .transfer: "people are moved: evacuation, safe passage, busing, deportation, relocation"
        case .surrender: "fighters give themselves up"
        case .capture: "people are detained, arrested, taken prisoner"
        case .abduction: "civilians kidnapped or taken hostage"
        case .release: "hostages or prisoners freed or exchanged"
        case .agreement: "a deal, ceasefire, de-escalation or exchange is agreed"
        case .negotiation: "talks, demands, offers that are not (yet) an agreement"
        case .protest: "demonstration, sit-in"
        case .groupChange: "a group splits, merges, renames, reorganises, pledges allegiance"
        case .riot: "violent demonstration or mob violence"
        case .sexualViolence: "sexual violence by an armed or organised actor"
        case .propertyDestruction: "looting, burning or destroying property without a fight"
        case .baseEstablished: "a group sets up a headquarters or base"
        case .weaponsSeized: "weapons, mines or explosives seized or defused"
        }
    }
}

/// Refines an event type. Some modes choose the ACLED sub-event type; others only describe.
public enum EventMode: String, Codable, Sendable, CaseIterable {
    // attack
    case airstrike, shelling
    case suicideBombing = "suicide_bombing"
    case remoteExplosive = "remote_explosive"
    case grenade, chemical, bombing, execution
    // takeover
    case government
    case nonState = "non_state"
    // protest
    case withIntervention = "with_intervention"
    case excessiveForce = "excessive_force"
    // riot
    case mobViolence = "mob_violence"
    // transfer
    case bus, evacuation
    case safePassage = "safe_passage"
    case deportation, relocation
    // release
    case exchange
}

/// ACLED's event type and sub-event type for one Sitrep event.
public struct ACLEDCategory: Hashable, Codable, Sendable {
    public var eventType: String
    public var subEventType: String

    enum CodingKeys: String, CodingKey {
        case eventType = "event_type"
        case subEventType = "sub_event_type"
    }

    public init(_ eventType: String, _ subEventType: String) {
        self.eventType = eventType
        self.subEventType = subEventType
    }

    /// All 25 ACLED sub-event types, grouped by event type.
    public static let all: [ACLEDCategory] = [
        .init(battles, "Armed clash"), .init(battles, "Government regains territory"),
        .init(battles, "Non-state actor overtakes territory"),
        .init(explosions, "Chemical weapon"), .init(explosions, "Air/drone strike"), .init(explosions, "Suicide bomb"),
        .init(explosions, "Shelling/artillery/missile attack"), .init(explosions, "Remote explosive/landmine/IED"),
        .init(explosions, "Grenade"),
        .init(violenceAgainstCivilians, "Sexual violence"), .init(violenceAgainstCivilians, "Attack"),
        .init(violenceAgainstCivilians, "Abduction/forced disappearance"),
        .init(protests, "Peaceful protest"), .init(protests, "Protest with intervention"),
        .init(protests, "Excessive force against protesters"),
        .init(riots, "Violent demonstration"), .init(riots, "Mob violence"),
        .init(strategic, "Agreement"), .init(strategic, "Arrests"), .init(strategic, "Change to group/activity"),
        .init(strategic, "Disrupted weapons use"), .init(strategic, "Headquarters or base established"),
        .init(strategic, "Looting/property destruction"), .init(strategic, "Non-violent transfer of territory"),
        .init(strategic, "Other"),
    ]

    public static let battles = "Battles"
    public static let explosions = "Explosions/Remote violence"
    public static let violenceAgainstCivilians = "Violence against civilians"
    public static let protests = "Protests"
    public static let riots = "Riots"
    public static let strategic = "Strategic developments"
}

extension EventType {
    /// The ACLED category of this type, refined by `mode` where one type maps to several sub-event types.
    public func acled(mode: EventMode? = nil) -> ACLEDCategory {
        typealias C = ACLEDCategory
        switch self {
        case .attack:
            switch mode {
            case .airstrike: return C(C.explosions, "Air/drone strike")
            case .shelling: return C(C.explosions, "Shelling/artillery/missile attack")
            case .suicideBombing: return C(C.explosions, "Suicide bomb")
            case .remoteExplosive, .bombing: return C(C.explosions, "Remote explosive/landmine/IED")
            case .grenade: return C(C.explosions, "Grenade")
            case .chemical: return C(C.explosions, "Chemical weapon")
            default: return C(C.violenceAgainstCivilians, "Attack")
            }
        case .clash, .offensive: return C(C.battles, "Armed clash")
        case .takeover:
            return mode == .government ? C(C.battles, "Government regains territory")
                : C(C.battles, "Non-state actor overtakes territory")
        case .withdrawal: return C(C.strategic, "Non-violent transfer of territory")
        case .transfer, .surrender, .release, .negotiation: return C(C.strategic, "Other")
        case .capture: return C(C.strategic, "Arrests")
        case .abduction: return C(C.violenceAgainstCivilians, "Abduction/forced disappearance")
        case .agreement: return C(C.strategic, "Agreement")
        case .protest:
            switch mode {
            case .withIntervention: return C(C.protests, "Protest with intervention")
            case .excessiveForce: return C(C.protests, "Excessive force against protesters")
            default: return C(C.protests, "Peaceful protest")
            }
        case .groupChange: return C(C.strategic, "Change to group/activity")
        case .riot: return mode == .mobViolence ? C(C.riots, "Mob violence") : C(C.riots, "Violent demonstration")
        case .sexualViolence: return C(C.violenceAgainstCivilians, "Sexual violence")
        case .propertyDestruction: return C(C.strategic, "Looting/property destruction")
        case .baseEstablished: return C(C.strategic, "Headquarters or base established")
        case .weaponsSeized: return C(C.strategic, "Disrupted weapons use")
        }
    }

    /// The modes that change this type's ACLED sub-event type.
    public var acledModes: [EventMode] {
        switch self {
        case .attack: [.airstrike, .shelling, .suicideBombing, .remoteExplosive, .grenade, .chemical]
        case .takeover: [.government, .nonState]
        case .protest: [.withIntervention, .excessiveForce]
        case .riot: [.mobViolence]
        default: []
        }
    }
}
