import Testing
import SitrepCore
@testable import SitrepExtract

/// Who did it to whom, how many, how many died.
struct RoleAndCountTests {
    @Test func activeVoiceAgentAndPatient() {
        let m = first(.capture, extract("The Valley Guard captured 35 Crescent Front fighters near the river.", actors: testActors))
        #expect(ids(m, .agent) == ["valley-guard"])
        #expect(ids(m, .patient) == ["crescent-front"])
        #expect(m?.count?.min == 35 && m?.count?.max == 35)
    }

    @Test func passiveWithByPhraseSwapsRoles() {
        let m = first(.transfer, extract("Some 300 Crescent Front fighters were bused out of the town by the Valley Guard.", actors: testActors))
        #expect(ids(m, .agent) == ["valley-guard"])
        #expect(ids(m, .patient) == ["crescent-front"])
        #expect(m?.count?.min == 300)
        #expect(m?.count?.approximate == true)
    }

    @Test func reducedRelativeWithByIsPassive() {
        let m = first(.abduction, extract("The talks covered civilians held hostage by the Crescent Front since spring.", actors: testActors))
        #expect(ids(m, .agent) == ["crescent-front"])
        #expect(names(m, .patient).contains("civilians"))
    }

    @Test func coordinatedPassiveKeepsItsSubjectAsPatient() {
        let m = first(.transfer, extract("Hundreds of Crescent Front fighters were quietly pardoned and secretly bused out of the valley.", actors: testActors))
        #expect(ids(m, .patient) == ["crescent-front"])
        #expect(m?.actors.contains { $0.role == .agent } == false)
        #expect(m?.count?.min == 200)
    }

    @Test func unnamedTypedActorsKeptAsText() {
        let m = first(.abduction, extract("Militants kidnapped women and children from the market."))
        #expect(names(m, .agent) == ["Militants"])
        #expect(names(m, .patient) == ["women and children"])
    }

    @Test func surrenderHasItsRecipient() {
        let m = first(.surrender, extract("About 200 Crescent Front fighters surrendered to the Valley Guard on the plain.", actors: testActors))
        #expect(ids(m, .agent) == ["crescent-front"])
        #expect(ids(m, .recipient) == ["valley-guard"])
        #expect(m?.count?.min == 200)
    }

    @Test func clashSidesAreParties() {
        let m = first(.clash, extract("The Crescent Front clashed with the Valley Guard outside the town.", actors: testActors))
        #expect(Set(ids(m, .party)) == ["crescent-front", "valley-guard"])
        #expect(m?.actors.contains { $0.role == .agent } == false)
    }

    @Test func passiveDeathTollIsFatalitiesWithOpenRange() {
        let m = first(.attack, extract("More than 250 people were killed in the raid on the villages."))
        #expect(m?.fatalities?.min == 251)
        #expect(m?.fatalities.map { $0.max == nil || $0.max! > 251 } == true)
        #expect(m?.count == nil)
    }

    @Test func killingClauseGivesItsTollToTheAttack() {
        let found = extract("Gunmen stormed the village, killing 27 civilians, fighters and elders.")
        let attacks = found.filter { $0.type == .attack }
        #expect(attacks.count == 1)
        #expect(attacks.first?.fatalities?.min == 27)
    }

    @Test func tollInNextSentenceJoinsThePreviousAttack() {
        let found = extract("Militants stormed the town before dawn and burned the market. Forty people were killed.")
        let attack = first(.attack, found)
        #expect(attack?.fatalities?.min == 40)
        #expect(found.filter { $0.type == .attack }.count == 1)
    }

    @Test func hostagesAreNotCountedOnTheMove() {
        let found = extract("The deal moved 30 hostages to the coast.")
        #expect(first(.transfer, found)?.count == nil)
    }

    @Test func areaIsNeverACount() {
        let found = extract("The rebels captured a roughly 400 sq. km pocket of farmland.")
        #expect(found.allSatisfy { $0.count?.min != 400 })
    }

    @Test func pronounObjectTakesTheGroupNamedBefore() {
        let m = first(.transfer, extract("They took 400 fighters from the valley and moved them to the desert."))
        #expect(m?.count?.min == 400)
    }

    /// A relative "who" after a group: that group does the clause's verb, and a pronoun object is not that group.
    @Test(arguments: [
        "The convoy was stopped near the ridge by the Valley Guard, who opened fire on them.",
        "The villagers fled toward the river and ran into the Valley Guard who opened fire on them.",
    ])
    func relativeWhoMakesItsGroupTheDoer(_ text: String) {
        let m = first(.attack, extract(text, actors: testActors))
        #expect(ids(m, .agent) == ["valley-guard"])
        #expect(!ids(m, .patient).contains("valley-guard"))
    }
}

/// Where: origin, destination and location from prepositions and appositions.
struct PlaceRoleTests {
    let places: [String: PlaceRef] = [
        "Marj Hamra": place("Marj Hamra"), "Harun": place("Harun", precision: .admin1),
        "Zarqa valley": place("Zarqa valley", precision: .region), "Tell Baruda": place("Tell Baruda"),
    ]

    @Test func fromAppositionToGivesOriginAndDestination() {
        let m = first(.transfer, extract("Some 400 fighters have been transferred from Marj Hamra, eastern Harun, to the Zarqa valley.", places: places))
        #expect(m?.origin?.name == "Marj Hamra")
        #expect(m?.destination?.name == "Zarqa valley")
        #expect(m?.location == nil)
    }

    @Test func outOfTerritoryInPlaceIsOrigin() {
        let m = first(.transfer, extract("Hundreds of fighters were given safe passage out of their remaining pocket in Tell Baruda on Tuesday.", places: places))
        #expect(m?.origin?.name == "Tell Baruda")
    }

    @Test func movedThemToPlaceIsDestination() {
        let m = first(.transfer, extract("Officers took the prisoners and moved them to Marj Hamra.", places: places))
        #expect(m?.destination?.name == "Marj Hamra")
    }

    @Test func attackPlaceIsLocation() {
        let m = first(.attack, extract("Militants attacked a school in Tell Baruda.", places: places))
        #expect(m?.location?.name == "Tell Baruda")
        #expect(m?.origin == nil && m?.destination == nil)
    }
}
