import Testing
import SitrepCore
@testable import SitrepExtract

/// Idioms, generic statements, threatened events, deadlines and duplicate triggers: what must NOT become an event,
/// or must not become one twice, or must not take a date that is not its own.
struct PrecisionTests {
    struct Case: CustomStringConvertible, Sendable {
        var text: String
        var absent: EventType
        var description: String { text }
    }

    static let nonEvents: [Case] = [
        Case(text: "The government struck a deal with the rebel commanders on Monday.", absent: .attack),
        Case(text: "A deal appears to have been struck by the two factions after long talks.", absent: .attack),
        Case(text: "The tribes strike truces with whoever holds the valley.", absent: .attack),
        Case(text: "Many such deals have been signed in the past.", absent: .agreement),
        Case(text: "Both armies point to the bombings to justify continued military operations in the south.", absent: .offensive),
        Case(text: "The spy agency hopes to exacerbate rivalries and accelerate splits among the militias.", absent: .groupChange),
        Case(text: "Years of neglect feed recruitment by the armed movements in the north.", absent: .groupChange),
        Case(text: "Similar ceasefires collapsed within weeks.", absent: .agreement),
        // Withdrawing money or paper moves no force: an object of class money or document vetoes the trigger.
        Case(text: "The widow withdrew $2,450.15 from her account before she left town.", absent: .withdrawal),
        Case(text: "He kept withdrawing his late aunt's monthly pension of 9,000 rupees.", absent: .withdrawal),
        Case(text: "Depositors rushed to withdraw cash and savings from the small lender.", absent: .withdrawal),
        Case(text: "The mayor withdrew his candidacy a week before the vote.", absent: .withdrawal),
        Case(text: "The ruling party withdrew the bill after a stormy debate.", absent: .withdrawal),
        Case(text: "The farmer's family withdrew the complaint against the landlord.", absent: .withdrawal),
        Case(text: "The controversial bill was withdrawn on Friday.", absent: .withdrawal),
        Case(text: "Students demanded the withdrawal of the fee rise proposal.", absent: .withdrawal),
        Case(text: "Two soldiers withdrew money from a cash machine near the barracks.", absent: .withdrawal),
        // Road and pipeline accidents and ordinary theft: the deaths and arrests they bring are no conflict event.
        Case(text: "A lorry plunged into a river near the pass, killing eleven travellers.", absent: .attack),
        Case(text: "A minibus overturned on the highway, killing six people.", absent: .attack),
        Case(text: "A leaking pipeline exploded near the creek, killing villagers scavenging petrol.", absent: .attack),
        Case(text: "Police arrested two herdsmen for stealing goats at the market.", absent: .capture),
        // Shots into the air (celebration, warning) hit nobody: an object of class sky vetoes the attack.
        Case(text: "Wedding guests fired into the air as the bride arrived.", absent: .attack),
        Case(text: "Supporters of the winning candidate were firing into the sky all night.", absent: .attack),
    ]

    /// Near misses of the money and paper veto: forces and groups that withdraw, with or without an object.
    static let forcesWithdraw: [String] = [
        "Troops withdrew from the hill town on Sunday.",
        "The army withdrew its forces from the border crossing.",
        "The rebels withdrew.",
        "Hundreds of soldiers were withdrawn from the province.",
        "The withdrawal of foreign troops began on Monday.",
        "The militia withdrew its fighters from the bank of the river.",
    ]

    @Test(arguments: forcesWithdraw)
    func forcesThatWithdrawStayWithdrawals(_ text: String) {
        let types = extract(text).map(\.type)
        #expect(types.contains(.withdrawal), "\(types)")
    }

    @Test(arguments: nonEvents)
    func idiomsAndGenericNounsNameNoEvent(_ c: Case) {
        let types = extract(c.text).map(\.type)
        #expect(!types.contains(c.absent), "\(types)")
    }

    @Test func struckADealIsStillAnAgreement() {
        let types = extract("The government struck a deal with the rebel commanders on Monday.").map(\.type)
        #expect(types == [.agreement])
    }

    @Test func aSpecificDealIsKeptNextToAGenericOne() {
        // Only the noun after the generic cue goes: the ceasefire reached on Monday stays.
        let ms = extract("Unlike similar accords, the ceasefire reached between the army and the rebels on Monday held.",
                         actors: ["the army": (nil, "army", .stateForce), "the rebels": (nil, "rebels", .armedGroup)])
        #expect(ms.filter { $0.type == .agreement }.count == 1)
    }

    @Test func anImminentAttackDidNotHappen() {
        let ms = extract("The truce may be an attempt to head off an imminent militant attack on the airport.")
        for m in ms where m.type == .attack { #expect(m.certainty != .asserted && m.certainty != .reported) }
        let plain = extract("Officials moved guards to the airport to stop an imminent attack by militants on the base.")
        for m in plain where m.type == .attack { #expect(m.certainty == .planned) }
    }

    @Test func aDeadlineDoesNotDateAPastEventInItsSentence() throws {
        let ms = extract("The army transferred 400 prisoners to the city, although the groups must disarm by October 15.",
                         published: "2018-10-05")
        let transfer = try #require(ms.first { $0.type == .transfer })
        #expect(transfer.date?.text == nil, "\(String(describing: transfer.date))")
    }

    @Test func aDeadlineDoesNotCarryToTheNextSentence() throws {
        let ms = extract("The groups must withdraw their heavy weapons by mid-October. The army transferred 400 prisoners to the city.",
                         published: "2018-10-05")
        let transfer = try #require(ms.first { $0.type == .transfer })
        #expect(transfer.date?.text == nil, "\(String(describing: transfer.date))")
    }

    @Test func aDateInARelativeClauseBelongsToThatClause() throws {
        let ms = extract("The army, which had shelled the town on Saturday, captured dozens of villages on Monday.",
                         published: "2018-10-10")
        let takeover = try #require(ms.first { $0.type == .takeover })
        #expect(takeover.date?.text == "Monday")
        let attack = try #require(ms.first { $0.type == .attack })
        #expect(attack.date?.text == "Saturday")
    }

    /// A time after a reduced relative participle ("guards seized in 2015") dates the participle's event, not the verb
    /// before it; a time before the participle still dates the verb.
    @Test(arguments: [
        ("The militia on Friday freed nine guards seized at the dam in 2015.", EventType.release, "Friday", "2015"),
        ("The rebels handed over eleven hostages kidnapped near the airport in June.", .release, nil, "June"),
    ] as [(String, EventType, String?, String)])
    func aTimeAfterAReducedRelativeIsNotTheMainVerbs(_ text: String, _ type: EventType, _ own: String?, _ relative: String) throws {
        let ms = extract(text, published: "2019-10-10")
        let main = try #require(first(type, ms))
        #expect(main.date?.text == own, "\(String(describing: main.date))")
        #expect(ms.contains { $0.type != type && $0.date?.text == relative }, "\(ms.map { ($0.type, $0.date?.text) })")
    }

    @Test func aFrontedDateDatesTheClauseAfterItsComma() throws {
        let ms = extract("On Saturday, rebels seized dozens of villages in the valley.", published: "2018-10-10")
        let takeover = try #require(ms.first { $0.type == .takeover })
        #expect(takeover.date?.text == "Saturday")
    }

    @Test func twoTriggersForOneMoveAreOneMention() throws {
        let ms = extract("Hundreds of fighters were given safe passage and bused out of the town to the desert.")
        let moves = ms.filter { $0.type == .transfer }
        #expect(moves.count == 1)
        let move = try #require(moves.first)
        #expect(move.count?.min == 200)
    }

    @Test func twoMovesOfDifferentGroupsStayTwo() {
        let ms = extract("Some 300 fighters were bused out of the town, and 1,200 civilians were evacuated to the camps.")
        #expect(ms.filter { $0.type == .transfer }.count == 2)
    }

    @Test func aNumberOfIsVagueButCounted() throws {
        let ms = extract("The regime moved a number of militant commanders to the desert.")
        let move = try #require(ms.first { $0.type == .transfer })
        #expect(move.count?.min == 2 && move.count?.max == nil)
    }
}
