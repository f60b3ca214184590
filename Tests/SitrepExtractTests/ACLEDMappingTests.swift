import Testing
import SitrepCore
@testable import SitrepExtract

/// The ACLED sub-event type of a mention (ACLED's codebook: releases, exchanges, surrenders and talks are agreements).
struct ACLEDMappingTests {
    func label(_ text: String) -> String? {
        let found = extract(text, actors: testActors)
        return MainEvent.choose(found).map { ACLEDMapping.subEventType(of: $0, in: found) }
    }

    @Test(arguments: [
        "The Valley Guard released 40 prisoners on Sunday.",
        "More than 60 fighters surrendered to the Valley Guard.",
        "The Crescent Front started peace talks with the government.",
    ])
    func releasesSurrendersAndTalksAreAgreements(_ text: String) {
        #expect(label(text) == "Agreement")
    }

    @Test func flightFromFightingStaysOther() {
        #expect(label("About 7,000 villagers fled to the hills.") == "Other")
    }

    @Test func contractTableStaysTheDefault() {
        let found = extract("Gunmen killed 20 villagers in the hills.")
        let main = try! #require(MainEvent.choose(found))
        #expect(ACLEDMapping.category(main) == main.type.acled(mode: main.mode))
    }
}
