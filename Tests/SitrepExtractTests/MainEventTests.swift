import Testing
import SitrepCore
@testable import SitrepExtract

/// The main event of a short text (CASE 2021 evaluation, headlines), and paragraph-level cues.
struct MainEventTests {
    @Test func weaponInTheNextSentenceSetsTheMode() {
        let found = extract("Coordinated attacks hit eleven police posts on Friday night. Most of them were carried out with hand grenades.")
        #expect(MainEvent.choose(found)?.mode == .grenade)
    }

    /// A trigger that names its own weapon keeps it: air raids told in the paragraph's other sentences are no mode for
    /// gunfire or a stabbing, while a plain attack word still takes them.
    @Test(arguments: [
        ("Jets bombed the market at dawn. Later, guards at the checkpoint opened fire on the crowd.", nil as EventMode?),
        ("Warplanes carried out air raids on the valley all week. A man was stabbed to death near the mosque.", nil),
        ("Warplanes carried out air raids on the valley all week. The attack on the mosque killed four people.", .airstrike),
    ])
    func triggerNamingItsWeaponKeepsIt(_ text: String, _ mode: EventMode?) {
        let found = extract(text)
        let last = found.filter { $0.type == .attack }.max { $0.trigger.start < $1.trigger.start }
        #expect(last != nil)
        #expect(last?.mode == mode)
    }

    @Test func claimOfResponsibilityIsNoMainEvent() {
        let found = extract("The Crescent Front claimed responsibility for the bombing of a market.", actors: testActors)
        #expect(!found.isEmpty)
        #expect(MainEvent.choose(found, lexicon: Shared.extractor.lexicon) == nil)
    }

    @Test func killingArmedMenIsAClashKillingCiviliansAnAttack() {
        #expect(MainEvent.choose(extract("Security forces killed 20 rebels in the hills."))?.type == .clash)
        #expect(MainEvent.choose(extract("Gunmen killed 20 villagers in the hills."))?.type == .attack)
    }

    @Test func deniedAndPlannedEventsComeLast() {
        let found = extract("The army will attack the town. Rebels clashed with police near the dam.")
        #expect(MainEvent.choose(found)?.type == .clash)
    }

    @Test func causeClauseIsNotTheMainEvent() {
        let found = extract("The two sides agreed a ceasefire after the worst fighting in years.")
        #expect(MainEvent.choose(found)?.type == .agreement)
    }

    struct SidesCase: CustomStringConvertible, Sendable {
        var firstSides: Int
        var secondSides: Int
        var expected: EventType
        var description: String { "\(firstSides) sides, then \(secondSides)" }
    }

    /// Two events of equal weight: the later one wins only when it is told with clearly more sides (three more).
    @Test(arguments: [
        SidesCase(firstSides: 0, secondSides: 3, expected: .clash),
        SidesCase(firstSides: 0, secondSides: 1, expected: .attack),
        SidesCase(firstSides: 1, secondSides: 3, expected: .attack),
        SidesCase(firstSides: 2, secondSides: 2, expected: .attack),
    ])
    func eventToldWithItsSidesIsPreferred(_ c: SidesCase) {
        func mention(_ id: String, _ type: EventType, sides: Int) -> EventMention {
            let roles = (0..<sides).map { ActorRole(role: .party, id: nil, name: "Side \($0)") }
            return EventMention(id: id, document: "d", type: type, actors: roles, certainty: .asserted,
                                trigger: TextRange(start: 0, end: 1), evidence: Evidence(text: "x", range: TextRange(start: 0, end: 1)))
        }
        let chosen = MainEvent.choose([mention("a", .attack, sides: c.firstSides), mention("b", .clash, sides: c.secondSides)])
        #expect(chosen?.type == c.expected)
    }

    @Test func armedGroupMovingItsOwnForcesRedeploys() {
        let found = extract("The Crescent Front moved fighters to the northern front.", actors: testActors)
        #expect(first(.groupChange, found) != nil)
        #expect(first(.transfer, found) == nil)
    }
}
