import Testing
import SitrepCore
@testable import SitrepExtract

/// Groups moving themselves, reduced relatives, participles before their noun, hostages counted on the abduction,
/// and what an event takes from the attack it happened in. Invented sentences.
struct MovementAndHostageTests {
    static let homs = place("Homs", admin1: "Homs")
    static let talBisa = place("Talbiseh", admin1: "Homs")
    static let hama = place("Hama", admin1: "Hama")

    // MARK: hostages on the abduction

    @Test func hostagesCapturedInARaidAreAnAbductionWithTheirCount() {
        let ms = extract("The Crescent Front offered to free twenty-two hostages captured in its raid on Talbiseh.",
                         places: ["Talbiseh": Self.talBisa], actors: testActors)
        let m = first(.abduction, ms)
        #expect(m?.count?.min == 22)
        #expect(names(m, .patient).contains { $0.contains("hostages") })
        #expect(m?.location?.name == "Talbiseh")
        #expect(ids(m, .agent) == ["crescent-front"])
        #expect(!ms.contains { $0.type == .capture })
    }

    @Test func captivesTakenHostageCountOnTheAbduction() {
        let m = first(.abduction, extract("The deal may include the release of about 40 captives taken hostage in the north."))
        #expect(m?.count?.min == 40)
        #expect(m?.count?.approximate == true)
    }

    @Test(arguments: [
        ("Gunmen captured 12 farmers near Homs on Sunday.", EventType.abduction, "Gunmen"),
        ("Valley Guard troops captured 12 farmers near Homs.", EventType.capture, "Valley Guard"),
    ])
    func civiliansCapturedByAnArmedGroupAreAbductedByTheStateArrested(text: String, type: EventType, doer: String) {
        let ms = extract(text, places: ["Homs": Self.homs], actors: testActors)
        let m = first(type, ms)
        #expect(m != nil)
        #expect(names(m, .agent).contains { $0.contains(doer) })
    }

    @Test func fightersCapturedInAValleyAreStillACapture() {
        let m = first(.capture, extract("The Valley Guard demanded the release of fighters captured in Homs last month.",
                                        places: ["Homs": Self.homs], actors: testActors))
        #expect(names(m, .patient).contains("fighters"))
        #expect(m?.actors.contains { $0.role == .agent } == false)
    }

    @Test func anActiveVerbWithAFrontedTimeKeepsItsSubject() {
        let m = first(.takeover, extract("Valley Guard forces captured on Monday the port of Homs.", places: ["Homs": Self.homs], actors: testActors))
        #expect(ids(m, .agent) == ["valley-guard"])
    }

    @Test func aParticipleBeforeItsNounDescribesIt() {
        let m = first(.capture, extract("Five women were freed in exchange for the release of detained fighters, relatives said."))
        #expect(names(m, .patient) == ["fighters"])
        #expect(m?.actors.contains { $0.role == .agent } == false)
    }

    @Test func aPassiveAfterAReducedRelativeHasItsNounPhrase() {
        let m = first(.release, extract("The villagers abducted near Hama last week were released on Friday.", places: ["Hama": Self.hama]))
        #expect(names(m, .patient).contains("villagers"))
    }

    @Test func sinceThenWhenDatesTheWhenClause() {
        let day = CalendarDay(iso: "2019-05-01")!
        let m = first(.abduction, extract("Twelve civilians have been held since 1 May, when they were kidnapped in an attack on Hama.",
                                          published: "2019-05-20", places: ["Hama": Self.hama],
                                          times: ["1 May": (DayInterval(day: day), .day)]))
        #expect(m?.date?.start == day)
        #expect(m?.location?.name == "Hama")
    }

    // MARK: groups moving themselves

    @Test(arguments: [
        "About 300 fighters and their relatives left Homs aboard green buses on Monday.",
        "About 300 fighters left Homs under a deal brokered by the elders.",
        "About 300 fighters departed from Homs after an evacuation agreement was reached.",
    ])
    func aGroupLeavingWithATransferCueIsMoved(text: String) {
        let m = first(.transfer, extract(text, places: ["Homs": Self.homs]))
        #expect(m != nil)
        #expect(names(m, .patient).contains("fighters"))
        #expect(m?.actors.contains { $0.role == .agent } == false)
        #expect(m?.count?.min == 300)
        #expect(m?.origin?.name == "Homs")
    }

    @Test(arguments: [
        "Some 250 militants and their wives left four encircled hamlets near Homs aboard army buses on Tuesday.",
        "Some 250 militants and their wives left two besieged districts of Homs aboard army buses on Tuesday.",
        "Around 250 militants and their families left three besieged villages near Homs aboard army buses on Tuesday.",
        "Some 250 militants headed to Homs aboard a convoy of buses after the truce.",
        "Some 250 militants arrived in Homs aboard a convoy of buses after the truce.",
        "Some 250 militants were bused to Homs on Tuesday.",
    ])
    func movedGroupIsThePatientOfItsOwnMovement(text: String) {
        let m = first(.transfer, extract(text, places: ["Homs": Self.homs]))
        #expect(m != nil)
        #expect(names(m, .patient).contains("militants"))
        #expect(names(m, .agent).isEmpty)
        #expect(m?.count?.min == 250)
        #expect(m?.count?.of == "militants")
    }

    @Test func besiegedBeforeItsNounIsNoOffensive() {
        let found = extract("Some 250 militants left two besieged districts of Homs aboard army buses.", places: ["Homs": Self.homs])
        #expect(first(.offensive, found) == nil)
    }

    @Test(arguments: [
        "About 300 fighters left Homs on Monday.",
        "Some fighters tried to move closer to the border at night.",
        "The city is the last rebel holdout left in the region, a buffer deal says.",
        "The attack left 10 civilians dead, medics said, as buses waited.",
    ])
    func movementWithoutATransferCueOrAMovedGroupIsNoTransfer(text: String) {
        #expect(first(.transfer, extract(text, places: ["Homs": Self.homs])) == nil)
    }

    @Test func arrivingNamesTheDestination() {
        let m = first(.transfer, extract("The convoy said 200 rebels arrived in Hama aboard buses.", places: ["Hama": Self.hama]))
        #expect(m?.destination?.name == "Hama")
        #expect(m?.count?.min == 200)
    }

    @Test func busesCarryingFightersAreATransfer() {
        let m = first(.transfer, extract("Twelve buses carrying 400 rebel fighters left Homs at dawn.", places: ["Homs": Self.homs]))
        #expect(m?.count?.min == 400)
        #expect(m?.mode == .bus)
        #expect(m?.origin?.name == "Homs")
    }

    @Test func carryingOutAnAttackIsNoTransfer() {
        let ms = extract("Militants carried out an attack on a bus station in Homs.", places: ["Homs": Self.homs])
        #expect(!ms.contains { $0.type == .transfer })
    }

    @Test func agreeingToLeaveMovesTheSideThatAgreed() {
        let m = first(.transfer, extract("The Crescent Front agreed to leave Homs under the truce.", places: ["Homs": Self.homs], actors: testActors))
        #expect(ids(m, .patient) == ["crescent-front"])
    }

    @Test func aMoveLocatedInAnotherCountryThanItsEndsLosesThatLocation() {
        let lebanon = PlaceRef(name: "Lebanon", id: "test:lb", lat: 33.9, lon: 35.9, admin1: nil, country: "LB", precision: .country)
        let homs = PlaceRef(name: "Homs", id: "test:homs", lat: 34.7, lon: 36.7, admin1: "Homs", country: "SY", precision: .city)
        let hama = PlaceRef(name: "Hama", id: "test:hama", lat: 35.1, lon: 36.7, admin1: "Hama", country: "SY", precision: .city)
        let m = first(.transfer, extract("The army relocated 50 fighters from the crossing at the border with Lebanon to Hama.",
                                         places: ["Lebanon": lebanon, "Hama": hama, "Homs": homs]))
        #expect(m?.destination?.name == "Hama")
        #expect(m?.location == nil)
    }
}

/// Restated events take their document's one place; a reduced relative takes no date from its sentence's other events.
struct RestatementAndRelativeDateTests {
    static let hama = place("Hama", admin1: "Hama")
    static let homs = place("Homs", admin1: "Homs")

    @Test func aRestatementWithNoPlaceTakesTheDocumentsOnePlace() {
        let ms = extract("Rebels released eight soldiers near Hama on Monday.\n\nThe freed soldiers were released after talks, elders said.",
                         places: ["Hama": Self.hama])
        let releases = ms.filter { $0.type == .release }
        #expect(releases.count == 2)
        #expect(releases.allSatisfy { $0.location?.name == "Hama" })
    }

    @Test func twoPlacesInADocumentLendNone() {
        let ms = extract("Rebels released eight soldiers near Hama on Monday.\n\nOthers were released in Homs.\n\nThe freed men were released after talks.",
                         places: ["Hama": Self.hama, "Homs": Self.homs])
        #expect(ms.contains { $0.type == .release && $0.location == nil })
    }

    @Test func aReducedRelativeIsNotDatedByItsSentencesMainVerb() {
        let friday = CalendarDay(iso: "2019-05-17")!
        let ms = extract("Twenty women kidnapped by gunmen near Hama were freed on Friday.", published: "2019-05-20",
                         places: ["Hama": Self.hama], times: ["Friday": (DayInterval(day: friday), .day)])
        #expect(first(.release, ms)?.date?.start == friday)
        #expect(first(.abduction, ms)?.date?.start != friday)
    }
}
