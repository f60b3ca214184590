import Foundation
import Testing
@testable import SitrepCore

@Suite struct VocabularyTests {
    @Test func thereAreNineteenTypes() {
        #expect(EventType.allCases.count == 19)
    }

    @Test func everyACLEDSubEventTypeIsReachableFromSomeTypeAndMode() {
        var reached = Set<ACLEDCategory>()
        for type in EventType.allCases {
            reached.insert(type.acled())
            for mode in EventMode.allCases { reached.insert(type.acled(mode: mode)) }
        }
        #expect(ACLEDCategory.all.count == 25)
        #expect(Set(ACLEDCategory.all) == reached)
    }

    @Test(arguments: [
        (EventType.attack, EventMode?.some(.airstrike), "Air/drone strike"),
        (.attack, .shelling, "Shelling/artillery/missile attack"),
        (.attack, nil, "Attack"),
        (.takeover, .government, "Government regains territory"),
        (.takeover, nil, "Non-state actor overtakes territory"),
        (.protest, .excessiveForce, "Excessive force against protesters"),
        (.capture, nil, "Arrests"),
        (.abduction, nil, "Abduction/forced disappearance"),
        (.weaponsSeized, nil, "Disrupted weapons use"),
    ])
    func modeChoosesTheSubEventType(type: EventType, mode: EventMode?, sub: String) {
        #expect(type.acled(mode: mode).subEventType == sub)
    }

    @Test func rawValuesAreTheContractsWords() {
        #expect(EventType.groupChange.rawValue == "group_change")
        #expect(EventType.baseEstablished.rawValue == "base_established")
        #expect(Relation.Kind.partOf.rawValue == "part_of")
    }
}
