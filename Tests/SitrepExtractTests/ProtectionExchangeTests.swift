import Foundation
import Testing
import SitrepCore
@testable import SitrepExtract

/// Escorts, mine clearance, bus moves with a goal, returned fire, exchanges and interceptions, through the whole
/// pipeline. Sentences written for Sitrep.
struct ProtectionExchangeTests {
    static func mentions(_ sentence: String) -> [EventMention] {
        FullPipeline.mentions(FullPipeline.document("Published 4 March 2024\n\n" + sentence + "\n", path: "t.txt"))
    }

    static func show(_ found: [EventMention]) -> String {
        found.map { m in "\(m.type)/\(String(describing: m.mode)) \(m.actors.map { "\($0.role):\($0.id ?? $0.name)" })" }.joined(separator: "; ")
    }

    /// Escorting is protection: the escort's "by" phrase is no doer of an event word before it, and a noun for armed
    /// men ("gunmen") is no attack of its own.
    @Test(arguments: [
        "Gunmen escorted by soldiers boarded the buses on Monday.",
        "The monitor said 300 people, including 90 gunmen, had boarded the buses and that the convoy was escorted by military police.",
        "Soldiers escorted a convoy of twelve buses out of the town on Monday.",
        "Armed guards accompanied by police drove the trucks to the depot.",
    ])
    func escortIsNoAttack(_ sentence: String) {
        let found = Self.mentions(sentence)
        #expect(!found.contains { $0.type == .attack || $0.type == .clash }, "\(sentence): \(Self.show(found))")
    }

    /// Clearing mines is no seizure of weapons; seizing them still is.
    @Test(arguments: [
        ("Army engineers were clearing mines in the village on Wednesday.", false),
        ("Deminers cleared mines from farmland near the river last week.", false),
        ("Demining teams resumed work in the fields after the harvest.", false),
        ("The army began mine clearance in the recaptured villages.", false),
        ("Police seized rifles and grenades in a raid on a farm.", true),
    ])
    func clearingMinesIsNoSeizure(_ sentence: String, _ seizure: Bool) {
        let found = Self.mentions(sentence)
        #expect(found.contains { $0.type == .weaponsSeized } == seizure, "\(sentence): \(Self.show(found))")
    }

    /// "left for X", "heading for X": the goal of a move is its destination.
    @Test(arguments: [
        ("Twelve buses carrying fighters and their families left for Idlib on Tuesday.", "Idlib", nil as Int?),
        ("Fifteen buses carrying 600 people left Douma for Jarablus on Tuesday.", "Jarabulus", 600),
        ("Buses carrying 300 rebels left the town on Monday evening, heading for Idlib.", "Idlib", 300),
        ("Hundreds of fighters left for northern Syria from Douma in buses given safe passage to Idlib.", "Idlib", nil),
    ])
    func busMoveHasItsGoal(_ sentence: String, _ destination: String, _ count: Int?) {
        let found = Self.mentions(sentence)
        let move = found.first { $0.type == .transfer }
        #expect(move?.destination?.name == destination, "\(sentence): \(String(describing: move?.destination?.name))")
        if let count { #expect(move?.count?.min == count, "\(sentence): \(String(describing: move?.count))") }
    }

    /// A goal is only a destination for a move: "fighting for Aleppo" stays where it happened.
    @Test func goalOfAFightIsItsPlace() {
        let found = Self.mentions("Rebels and government troops are fighting for Aleppo.")
        #expect(found.contains { $0.type == .clash && $0.location?.name == "Aleppo" }, "\(Self.show(found))")
    }

    /// Returning fire is an armed exchange.
    @Test(arguments: [
        "Soldiers returned heavy fire, the ministry said.",
        "Troops at the outpost returned fire on Sunday.",
        "Police returned gunfire after the ambush near the bridge.",
    ])
    func returnedFireIsAClash(_ sentence: String) {
        let found = Self.mentions(sentence)
        #expect(found.contains { $0.type == .clash }, "\(sentence): \(Self.show(found))")
    }

    /// An exchange of prisoners has two sides, its parties, not a doer.
    @Test(arguments: [
        ("The government and the rebels exchanged 200 prisoners on Friday.", 2),
        ("Houthi rebels and the Saudi-led coalition agreed to swap 1,000 prisoners.", 2),
        ("The army swapped 40 detainees with the rebels near the river.", 2),
    ])
    func exchangeTakesBothSides(_ sentence: String, _ sides: Int) {
        let found = Self.mentions(sentence)
        let swap = found.first { $0.type == .release && $0.mode == .exchange }
        let parties = swap?.actors.filter { $0.role == .party } ?? []
        #expect(parties.count == sides, "\(sentence): \(Self.show(found))")
        #expect(swap?.actors.contains { $0.role == .agent } == false, "\(sentence): \(Self.show(found))")
    }

    /// Missiles fired at a target are their launcher's attack, never the interceptor's; the interception is what the
    /// sentence reports (ACLED: disrupted weapons use).
    @Test(arguments: [
        "Navy ships intercepted Houthi missiles fired at a commercial tanker.",
        "British and US navy ships intercepted 21 Houthi drones and missiles fired at shipping lanes.",
        "A destroyer intercepted Houthi missiles fired at a cargo vessel on Tuesday.",
    ])
    func interceptedMissilesAreTheLaunchersAttack(_ sentence: String) {
        let found = Self.mentions(sentence)
        for attack in found where attack.type == .attack {
            #expect(attack.actors.filter { $0.role == .agent }.allSatisfy { $0.id == "houthis" }, "\(sentence): \(Self.show(found))")
        }
        #expect(MainEvent.choose(found)?.type == .weaponsSeized, "\(sentence): \(Self.show(found))")
    }

    /// A decision called a move, money transferred and ships in a port are no movement of people; moving people is.
    @Test(arguments: [
        ("Analysts called the government's move a gamble ahead of the vote.", false),
        ("Investors transferred most of the funds into money market accounts.", false),
        ("The navy has 27 ships in the gulf near the port.", false),
        ("The rebels moved 200 prisoners to a camp near the border.", true),
    ])
    func noMoveFromDecisionsMoneyOrShips(_ sentence: String, _ move: Bool) {
        let found = Self.mentions(sentence)
        #expect(found.contains { $0.type == .transfer } == move, "\(sentence): \(Self.show(found))")
    }

    /// Establishing a base needs a verb of setting it up; a headquarters visited or named is none. Defusing a bomb is
    /// disrupted weapons use; defusing a quarrel is none.
    @Test(arguments: [
        ("The minister visited the army headquarters in the capital on Monday.", EventType?.none),
        ("The rebels installed their headquarters in the old school of the town.", .baseEstablished),
        ("Diplomats tried to defuse tensions between the two neighbours.", nil),
        ("A bomb squad defused two bombs hidden under a bridge.", .weaponsSeized),
        ("Analysts said the move of 400 fighters to the north was a gamble.", .transfer),
    ])
    func establishingAndDefusingNeedTheirObject(_ sentence: String, _ type: EventType?) {
        let found = Self.mentions(sentence)
        let kinds: Set<EventType> = [.baseEstablished, .weaponsSeized, .transfer]
        let named = found.first { kinds.contains($0.type) }?.type
        #expect(named == type, "\(sentence): \(Self.show(found))")
    }

    /// A weapon compound ("artillery shells") is no verb describing the weapon: the clause's subject still fires it.
    @Test(arguments: [
        "The Moonvale Army said it can deliver artillery shells to the front.",
        "Moonvale Army gunners fired artillery shells at the ridge.",
    ])
    func weaponCompoundKeepsItsDoer(_ sentence: String) {
        let found = Self.mentions(sentence)
        #expect(found.contains { m in m.type == .attack && m.actors.contains { $0.role == .agent } }, "\(sentence): \(Self.show(found))")
    }
}
