import Testing
import SitrepCore
@testable import SitrepExtract

/// One invented sentence per type (and per ambiguous trigger): the type, and the mode where it matters.
struct EventTypeTests {
    struct Case: CustomStringConvertible, Sendable {
        var text: String
        var type: EventType
        var mode: EventMode?
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Militants attacked a wedding party in the village, wounding nine guests.", type: .attack),
        Case(text: "Gunmen opened fire on a minibus carrying farmers.", type: .attack),
        Case(text: "Warplanes pounded the market town at dawn.", type: .attack, mode: .airstrike),
        Case(text: "Artillery shelled the northern districts overnight.", type: .attack, mode: .shelling),
        Case(text: "A roadside bomb exploded next to a bus carrying workers.", type: .attack, mode: .remoteExplosive),
        Case(text: "A suicide bomber blew himself up at a crowded checkpoint for civilians.", type: .attack, mode: .suicideBombing),
        Case(text: "Unknown men hurled a grenade into a tea shop.", type: .attack, mode: .grenade),
        Case(text: "Residents said chlorine gas was used in an attack on the suburb.", type: .attack, mode: .chemical),
        Case(text: "The militia executed six prisoners in the square.", type: .attack, mode: .execution),
        Case(text: "Rebels clashed with army units near the dam.", type: .clash),
        Case(text: "Tribal fighters attacked an army checkpoint on the highway.", type: .clash),
        Case(text: "The rebels captured dozens of towns and villages in the valley.", type: .takeover),
        Case(text: "The army captured over a hundred fighters in the hills.", type: .capture),
        Case(text: "Police seized rifles and ammunition in a raid on a farmhouse.", type: .weaponsSeized),
        Case(text: "Gunmen seized women from the village and drove them away.", type: .abduction),
        Case(text: "The brigade launched an offensive on the southern front.", type: .offensive),
        Case(text: "Government troops withdrew from the border crossing.", type: .withdrawal),
        Case(text: "Hundreds of fighters were bused out of the enclave.", type: .transfer, mode: .bus),
        Case(text: "The families were given safe passage out of the besieged town.", type: .transfer, mode: .safePassage),
        Case(text: "Forty militants handed themselves over to the border guards.", type: .surrender),
        Case(text: "Dozens of fighters gave themselves up after the siege.", type: .surrender),
        Case(text: "Police arrested twelve activists outside the court.", type: .capture),
        Case(text: "Two aid workers were kidnapped on the road to the camp.", type: .abduction),
        Case(text: "The group released seven hostages on Friday.", type: .release),
        Case(text: "The two sides reached an agreement on a local truce.", type: .agreement),
        Case(text: "Negotiations between the tribal elders and the militia continued.", type: .negotiation),
        Case(text: "Hundreds of students protested peacefully outside the ministry.", type: .protest),
        Case(text: "Police fired tear gas to disperse demonstrators in the capital.", type: .protest, mode: .withIntervention),
        Case(text: "Protesters threw stones at police and set cars on fire during the demonstration.", type: .riot),
        Case(text: "An angry mob lynched a man accused of theft.", type: .riot, mode: .mobViolence),
        Case(text: "Two factions announced they were splitting from the alliance.", type: .groupChange),
        Case(text: "The militia pledged allegiance to the northern coalition.", type: .groupChange),
        Case(text: "Soldiers raped women in the village, witnesses said.", type: .sexualViolence),
        Case(text: "Looters torched shops along the main street.", type: .propertyDestruction),
        Case(text: "The army set up a new military base near the airport.", type: .baseEstablished),
        Case(text: "Engineers defused a bomb planted under the bridge.", type: .weaponsSeized),
    ]

    @Test(arguments: cases)
    func typeOfEachSentence(_ c: Case) {
        let found = extract(c.text)
        let match = found.first { $0.type == c.type }
        #expect(match != nil, "no \(c.type) in \(found.map { "\($0.type)/\($0.mode?.rawValue ?? "-")" })")
        if let mode = c.mode { #expect(match?.mode == mode) }
    }

    @Test func capturedFightersIsCaptureButCapturedTownsIsTakeover() {
        #expect(first(.capture, extract("Troops captured 100 fighters.")) != nil)
        #expect(first(.takeover, extract("Troops captured 100 fighters.")) == nil)
        #expect(first(.takeover, extract("Troops captured dozens of towns.")) != nil)
        #expect(first(.capture, extract("Troops captured dozens of towns.")) == nil)
    }

    @Test func takeoverByStateForceIsGovernmentMode() {
        let m = first(.takeover, extract("The Valley Guard recaptured the town of Marj.", actors: testActors))
        #expect(m?.mode == .government)
        #expect(m?.type.acled(mode: m?.mode).subEventType == "Government regains territory")
        let n = first(.takeover, extract("The Crescent Front recaptured the town of Marj.", actors: testActors))
        #expect(n?.mode == .nonState)
    }

    @Test func disasterDeathsAreNoConflictEvent() {
        #expect(extract("At least 40 people died after heavy floods hit the coast.").isEmpty)
        #expect(extract("Six workers were killed when a gas explosion ripped through the factory.").isEmpty)
    }

    @Test func triggerInsideANameIsNoEvent() {
        #expect(extract("A spokesman for the Northern Liberation Army spoke to reporters.").isEmpty)
    }
}
