import Foundation
import SitrepCore
import SitrepLanguage
import Testing
@testable import SitrepKnowledge

/// The first-unit filter of the actor dictionary and the filter of the word lists only skip lookups that would
/// fail: every unit of these sentences gives the same match and value with and without them.
@Suite struct ActorFilterFastPathTests {
    static let entries: [ActorEntry] = [
        ActorEntry(id: "tamarisk-front", name: "Tamarisk Front", kind: .armedGroup, aliases: ["al-Tamarisk", "TF", "Jabhat Tamarisk"]),
        ActorEntry(id: "ostrava-monitor", name: "Ostrava Monitor for Rights", kind: .monitor, aliases: ["OMR", "the Ostrava Monitor"]),
        ActorEntry(id: "qasr-brigade", name: "Alqasr Brigade", kind: .armedGroup, aliases: ["Liwa al-Qasr"]),
        ActorEntry(id: "varn-army", name: "Varnese army", kind: .stateForce, aliases: ["Varnese armed forces", "The Varnese"]),
        ActorEntry(id: nil, name: "rebel fighters", kind: .armedGroup),
        ActorEntry(id: nil, name: "gunmen", kind: .armedGroup),
    ]

    static let texts: [String] = [
        "Fighters of the Tamarisk Front and al-Tamarisk shelled the village; TF denied it.",
        "The Ostrava Monitor for Rights (OMR) said rebel fighters and gunmen clashed with the Varnese army.",
        "Liwa al-Qasr, Alqasr Brigade and Elqasr Brigade; Qasr Brigade; the Varnese armed forces; The Varnese said.",
        "A spokesman for the Tamarisk Front, Idris Kamel, and the group's commander told reporters.",
        "Jabhat Tamarisk’s head said TAMARISK FRONT fighters withdrew from the Ostrava Monitor's office.",
        "",
    ]

    @Test(arguments: texts)
    func firstUnitFilterKeepsEveryMatch(_ text: String) throws {
        let dictionary = try ActorDictionary(entries: Self.entries)
        let units = ActorUnits.units(text)
        for i in 0...units.count {
            let a = dictionary.longestMatch(units, at: i), b = dictionary.longestMatch(units, at: i, filtered: false)
            #expect(a?.end == b?.end && a?.entry == b?.entry)
        }
    }

    /// The matcher's walks over names, bracket acronyms and role words visit only the units one pass picks
    /// (`ActorMatcher.Candidates`); visiting every unit finds the same mentions, affiliations and acronyms.
    @Test(arguments: texts + [
        "The Harbour Watch for Civic Rights (HWCR) said HWCR counted 40 dead; (HWCR) again, and (TF) after TF.",
        "Ostrava Monitor for Rights (OMR), a spokesman for the Tamarisk Front, Idris Kamel, said the Varnese army withdrew.",
        "( ) (A) (AB) (TF (TF) TF) Tamarisk Front (TF). the the Tamarisk Front the Varnese army, rebel fighters gunmen",
        "IS IS IS TAMARISK IS FRONT; a commander with the Varnese army and the head of Alqasr Brigade, Samir Adel, spoke.",
        "(TF)", "TF (",
    ])
    func candidateWalksEqualFullWalks(_ text: String) throws {
        let matcher = try ActorMatcher(dictionary: try ActorDictionary(entries: Self.entries))
        let filtered = matcher.analyze(text, tokens: nil, entities: [], filtered: true)
        let full = matcher.analyze(text, tokens: nil, entities: [], filtered: false)
        #expect(filtered.mentions == full.mentions)
        #expect(filtered.affiliations == full.affiliations)
        #expect(filtered.documentAcronyms == full.documentAcronyms)
        #expect(matcher.analyze(text, tokens: nil).mentions == full.mentions)
    }

    @Test(arguments: texts)
    func wordListFilterKeepsEveryValue(_ text: String) throws {
        let list = try ActorWordList.parse("# role\tvalue\nspokesman\tspokesman\ncommander\tcommander\nhead\thead\nchief\tchief\n", input: "test")
        for u in ActorUnits.units(text) {
            #expect(list[u] == list.lookup(u))
        }
        #expect(list[ActorUnits.units("Spokesman")[0]] == "spokesman")
    }
}
