import Foundation
import Testing
import SitrepCore
@testable import SitrepExtract

/// Organisation heads (`organisation-heads.tsv`), interceptions, scare-quoted triggers, snipers and trend sentences
/// (`trend-verbs.tsv`), through the whole pipeline. Sentences written for Sitrep.
struct OrganisationTrendTests {
    static func mentions(_ sentence: String) -> [EventMention] {
        FullPipeline.mentions(FullPipeline.document("Published 4 March 2024\n\n" + sentence + "\n", path: "t.txt"))
    }

    /// A capitalised "X Army" whose name is no state's is an armed group: its takeover is a non-state one; a state's
    /// army ("the Sudanese Army", "the Army" alone, a state word) stays a state force; the dictionary's names stand.
    @Test(arguments: [
        ("The Arakan Army said it had captured the town of Kyauktaw on Monday.", EventMode.nonState),
        ("The Kachin Independence Army seized the town of Hpakant after days of fighting.", .nonState),
        ("The Moonvale Army captured the village of Tarsk on Sunday.", .nonState),
        ("The Free Syrian Army took control of the village of Kafr Nabl on Sunday.", .nonState),
        ("The Sudanese Army retook the town of Wad Madani on Friday.", .government),
        ("The Army said it had recaptured the town of Kyauktaw on Monday.", .government),
        ("The National Army recaptured the town of Kyauktaw on Monday.", .government),
    ])
    func armyNameDecidesTheSide(_ sentence: String, _ mode: EventMode) {
        let m = first(.takeover, Self.mentions(sentence))
        #expect(m?.mode == mode, "\(sentence): \(String(describing: m?.mode))")
    }

    /// A named front or movement is an armed actor; the bare nouns are none.
    @Test(arguments: [
        ("The Eastern Hills Front captured the town of Tarsk on Sunday.", "Hills Front"),
        ("The Crimson Dawn Movement abducted four aid workers near Tarsk.", "Crimson Dawn Movement"),
    ])
    func namedFrontOrMovementIsAnActor(_ sentence: String, _ name: String) {
        let found = Self.mentions(sentence)
        #expect(found.contains { m in m.actors.contains { $0.name.hasSuffix(name) } }, "\(sentence)")
    }

    @Test(arguments: [
        "Soldiers on the front said shelling had killed two of their comrades.",
        "The deal guarantees freedom of movement for traders between the towns.",
    ])
    func bareFrontOrMovementIsNoActor(_ sentence: String) {
        let found = Self.mentions(sentence)
        #expect(!found.contains { m in m.actors.contains { ["front", "movement"].contains($0.name.lowercased()) } }, "\(sentence)")
    }

    /// An interception is the interceptor's act (ACLED: disrupted weapons use), even when the launcher is named.
    @Test(arguments: [
        "The coalition said it intercepted a Houthi drone launched towards Abha.",
        "Air defences intercepted a rebel missile over the capital on Tuesday.",
    ])
    func interceptionIsDisruptedWeaponsUse(_ sentence: String) {
        let found = Self.mentions(sentence)
        let main = MainEvent.choose(found)
        #expect(main?.type == .weaponsSeized, "\(sentence): \(found.map { "\($0.type)/\(String(describing: $0.mode))" })")
    }

    /// A trigger in scare quotes takes its object after the closing quote: "neutralised" counts the dead.
    @Test(arguments: [
        ("The army said it had \"neutralised\" 14 militants near the border.", 14),
        ("Police said they had \u{201C}neutralized\u{201D} 3 gunmen in the raid.", 3),
    ])
    func scareQuotedTriggerFindsItsObject(_ sentence: String, _ dead: Int) {
        let found = Self.mentions(sentence)
        #expect(found.contains { $0.fatalities?.min == dead }, "\(sentence): \(found.map { "\($0.type) \(String(describing: $0.fatalities))" })")
    }

    /// Snipers are armed actors: their killing is an event of its own, not a toll for the sentence before.
    @Test(arguments: [
        "Snipers killed two soldiers near the village last week.",
        "A sniper shot dead a farmer in his field on Friday.",
    ])
    func snipersDoTheirAttack(_ sentence: String) {
        let found = Self.mentions(sentence)
        #expect(found.contains { m in m.actors.contains { $0.name.lowercased().contains("sniper") } }, "\(sentence)")
    }

    /// A killing that names its doer in its own sentence is its own event, not a toll for the sentence before.
    @Test func namedKillerKeepsItsKilling() {
        let found = Self.mentions("Fighting broke out near the village on Monday. Snipers killed two soldiers near the bridge.")
        let killing = found.first { m in m.actors.contains { $0.name.lowercased().contains("sniper") } }
        #expect(killing?.fatalities?.min == 2)
    }

    /// Prisoners exchanged or swapped: a release by exchange with its count.
    @Test(arguments: [
        ("The two sides exchanged 120 prisoners on Sunday.", 120),
        ("Rebels and the army swapped 40 detainees near the river on Friday.", 40),
        ("The warring parties exchanged more than 300 captives at the airport.", 301),
    ])
    func exchangedPrisonersAreCounted(_ sentence: String, _ count: Int) {
        let m = first(.release, Self.mentions(sentence))
        #expect(m?.mode == .exchange && m?.count?.min == count, "\(sentence): \(String(describing: m?.count))")
    }

    /// A noun trigger whose verb is one of change in amount names a trend; with an object of its own it stays an event.
    @Test(arguments: [
        ("Attacks on aid convoys have risen sharply this year.", EventType.attack, false),
        ("Kidnappings in the northern districts rose by a third last year.", .abduction, false),
        ("Abductions of farmers have roughly doubled compared with last year.", .abduction, false),
        ("Air strikes on the province have fallen since the truce.", .attack, false),
        ("The bombing of the market increased fears among traders.", .attack, true),
    ])
    func trendSentencesNameNoEvent(_ sentence: String, _ type: EventType, _ event: Bool) {
        let found = Self.mentions(sentence)
        #expect(found.contains { $0.type == type } == event, "\(sentence): \(found.map { "\($0.type)" })")
    }
}

/// A new report after a denial ("…, saying …") is no part of what was denied. Sentences written for Sitrep.
struct DenialScopeTests {
    @Test(arguments: [
        ("The ministry denied that any of its officers had been detained, saying its own police had arrested 12 smugglers on Monday.", EventType.capture, Certainty.denied, false),
        ("The rebels denied that they had shelled the town, adding that their fighters had captured the nearby village of Tarsk.", .takeover, .denied, false),
        ("The army denied that its troops had shelled the market on Monday.", .attack, .denied, true),
    ])
    func reportAfterDenialIsNotDenied(_ sentence: String, _ type: EventType, _ certainty: Certainty, _ expected: Bool) {
        let found = OrganisationTrendTests.mentions(sentence)
        let later = found.last { $0.type == type }
        #expect((later?.certainty == certainty) == expected, "\(sentence): \(found.map { "\($0.type) \($0.certainty)" })")
    }
}
