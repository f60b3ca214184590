import Testing
import SitrepCore
@testable import SitrepExtract

/// The one-line summary of a mention, made from its fields.
struct EventSummaryTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let type: EventType, mode: EventMode?, agent: String?, patient: String?, expected: String
        var testDescription: String { expected }
    }

    /// With someone undergoing it the event reads in the passive; with its doer only, as a noun with "by"
    /// (never "X attacked", which reads as if X were attacked); with neither, as the noun alone.
    @Test(arguments: [
        Case(type: .attack, mode: nil, agent: "Valley Guard", patient: "villagers", expected: "Villagers attacked by Valley Guard"),
        Case(type: .attack, mode: nil, agent: "Valley Guard", patient: nil, expected: "Attack by Valley Guard"),
        Case(type: .attack, mode: .airstrike, agent: "Valley Guard", patient: nil, expected: "Air strike by Valley Guard"),
        Case(type: .capture, mode: nil, agent: "Valley Guard", patient: nil, expected: "Capture by Valley Guard"),
        Case(type: .propertyDestruction, mode: nil, agent: "Valley Guard", patient: nil, expected: "Destruction of property by Valley Guard"),
        Case(type: .surrender, mode: nil, agent: "Crescent Front", patient: nil, expected: "Crescent Front surrendered"),
        Case(type: .attack, mode: nil, agent: nil, patient: nil, expected: "Attack"),
        Case(type: .transfer, mode: nil, agent: nil, patient: nil, expected: "Transfer"),
    ])
    func summaryReadsTheRightWayRound(_ c: Case) {
        var actors: [ActorRole] = []
        if let a = c.agent { actors.append(ActorRole(role: .agent, id: nil, name: a)) }
        if let p = c.patient { actors.append(ActorRole(role: .patient, id: nil, name: p)) }
        var m = EventMention(id: "m", document: "d", type: c.type, actors: actors, certainty: .asserted,
                             trigger: TextRange(start: 0, end: 1), evidence: Evidence(text: "x", range: TextRange(start: 0, end: 1)))
        m.mode = c.mode
        #expect(EventSummary.text(m) == c.expected)
    }
}
