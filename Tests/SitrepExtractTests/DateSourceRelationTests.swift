import Testing
import SitrepCore
@testable import SitrepExtract

/// When, on whose word, how sure, and how events of one document relate.
struct DateSourceRelationTests {
    static let july31 = DayInterval(day: CalendarDay(year: 2018, month: 7, day: 31)!)

    @Test func dateComesFromTheSentence() {
        let m = first(.capture, extract("Troops captured 40 fighters on Tuesday.", published: "2018-08-02",
                                        times: ["on Tuesday": (Self.july31, .day)]))
        #expect(m?.date?.start.iso == "2018-07-31")
        #expect(m?.datePrecision == .day)
        #expect(m?.date?.text == "on Tuesday")
    }

    @Test func noDateFallsBackExplicitlyBeforePublicationNeverThePublicationDay() {
        let m = first(.transfer, extract("The 400 fighters have been transferred to the desert.", published: "2018-10-01"))
        #expect(m?.datePrecision == .beforePublication)
        #expect(m?.date?.text == nil)
        #expect(m?.date?.end.iso == "2018-10-01")
        #expect(m?.date?.start != m?.date?.end)
    }

    @Test func noPublicationNoDate() {
        let m = first(.transfer, extract("The 400 fighters have been transferred to the desert."))
        #expect(m?.date == nil)
    }

    @Test func paragraphDateCarriesToTheNextSentence() {
        let text = "On Tuesday rebels entered the valley. They captured 20 soldiers."
        let m = first(.capture, extract(text, published: "2018-08-02", times: ["On Tuesday": (Self.july31, .day)]))
        #expect(m?.date?.start.iso == "2018-07-31")
    }

    @Test func oldDatesAndPreviousDealsAreBackground() {
        let old = DayInterval(start: CalendarDay(year: 2017, month: 1, day: 1)!, end: CalendarDay(year: 2017, month: 12, day: 31)!)
        let a = first(.transfer, extract("Dozens of fighters were sent to the border in 2017.", published: "2018-10-01",
                                         times: ["in 2017": (old, .year)]))
        #expect(a?.background == true)
        let b = first(.transfer, extract("The attack was launched from an area to which fighters had been moved in a previous deal."))
        #expect(b?.background == true)
        let c = first(.capture, extract("Troops captured 40 fighters on Tuesday.", published: "2018-08-02",
                                        times: ["on Tuesday": (Self.july31, .day)]))
        #expect(c?.background == false)
    }

    @Test func denialIsAMentionWithDeniedCertainty() {
        let m = first(.transfer, extract("The commander said that none of the prisoners had been relocated to the desert."))
        #expect(m != nil)
        #expect(m?.certainty == .denied)
    }

    @Test func hedgesAndPlans() {
        #expect(first(.agreement, extract("A deal may have been struck with the militia."))?.certainty == .possible)
        #expect(first(.withdrawal, extract("The factions will have to withdraw their heavy weapons by October."))?.certainty == .planned)
        #expect(first(.attack, extract("If the deadline is missed, the army will attack the town."))?.certainty != .asserted)
        #expect(first(.capture, extract("Troops captured 40 fighters."))?.certainty == .asserted)
    }

    /// Nested cues: the mention takes the language layer's decision (the strongest mark; a future inside a wider
    /// possibility is possible), not the narrowest cue around its trigger.
    @Test(arguments: [
        ("The villagers feared that the militia would abduct their sons.", EventType.abduction, Certainty.possible),
        ("If the talks fail, the army will attack the town.", .attack, .conditional),
        ("It remains to be seen whether the rebels will withdraw from the hills.", .withdrawal, .possible),
    ])
    func nestedCuesFollowTheLanguageLayer(_ text: String, _ type: EventType, _ expected: Certainty) {
        #expect(first(type, extract(text))?.certainty == expected)
    }

    /// A call on someone to act ("called on", "urges", "urging") asks for an event; it does not report one.
    @Test(arguments: [
        ("The bishop called on the militia to release the hostages.", EventType.release),
        ("The envoy is urging both armies to withdraw from the ridge.", .withdrawal),
        ("The council urges the rebels to lay down their arms and surrender.", .surrender),
    ])
    func callsToActArePlans(_ text: String, _ type: EventType) {
        #expect(first(type, extract(text))?.certainty == .planned)
    }

    /// "Suspected" or "alleged" right before the doer hedges who did it, not whether it happened; before the event
    /// noun it still hedges the event.
    @Test(arguments: [
        ("Suspected bandits abducted six traders on the highway.", EventType.abduction, Certainty.asserted),
        ("Alleged militia members attacked a police station in the town.", .clash, .asserted),
        ("The suspected abduction of six traders alarmed the town.", .abduction, .possible),
    ])
    func aHedgeOnTheDoerIsNotOnTheEvent(_ text: String, _ type: EventType, _ expected: Certainty) {
        #expect(first(type, extract(text))?.certainty == expected, "\(extract(text).map { ($0.type, $0.certainty) })")
    }

    /// A source that reports what it did itself ("said it had …") may be the doer; a monitor's report stays its own.
    @Test(arguments: [
        ("The army said it had carried out air strikes on two rebel depots on Sunday.", EventType.attack, "army"),
        ("The border guards said they had detained 14 armed fighters crossing from the north.", .capture, "border guards"),
    ])
    func aSourceReportingItsOwnActIsTheDoer(_ text: String, _ type: EventType, _ doer: String) throws {
        // (A report about "he" is about someone else: "Police say he planted the bomb" keeps the police out.)
        let m = try #require(first(type, extract(text)), "\(extract(text).map(\.type))")
        #expect(m.attributedTo?.contains(doer) == true)
        #expect(m.actors.contains { $0.role == .agent && $0.name.contains(doer) }, "\(m.actors)")
    }

    @Test func aSourceReportingAboutHimIsNoDoer() {
        let ms = extract("Investigators say he planted the bomb that wrecked the bus depot.", published: "2019-10-10")
        #expect(!ms.contains { $0.actors.contains { $0.role == .agent && $0.name.contains("Investigators") } }, "\(ms.map(\.actors))")
    }

    /// A capital or a country that speaks ("Ankara says …") is a government, not where the event happened.
    @Test(arguments: [
        "Ankara says the militants shelled a border post last week.",
        "Baghdad said on Monday that gunmen had abducted three engineers.",
    ])
    func aPlaceThatSpeaksIsNoLocation(_ text: String) throws {
        let doc = FullPipeline.document("Report\n\nPublished 10 October 2019\n\n" + text + "\n", path: "speaks.txt")
        let ms = FullPipeline.mentions(doc)
        #expect(!ms.isEmpty)
        #expect(ms.allSatisfy { $0.location?.name != "Ankara" && $0.location?.name != "Baghdad" }, "\(ms.map { $0.location?.name })")
    }

    /// Armed groups of Yemen, the Sahel and Somalia are in the actor dictionary (the whole pipeline, own sentences; an
    /// ambushed patrol makes a clash, whose sides are parties).
    @Test(arguments: [
        ("Houthi rebels fired missiles at an oil terminal on the Red Sea coast.", "houthis"),
        ("JNIM fighters ambushed a gendarmerie patrol near the Niger border.", "jnim"),
        ("Al-Shabaab militants stormed a hotel in the capital overnight.", "al-shabaab"),
    ])
    func armedGroupsBeyondSyriaAreKnown(_ text: String, _ id: String) {
        let doc = FullPipeline.document("Report\n\nPublished 10 October 2019\n\n" + text + "\n", path: "groups.txt")
        let ms = FullPipeline.mentions(doc)
        #expect(ms.contains { $0.actors.contains { $0.id == id } }, "\(ms.map(\.actors))")
    }

    /// A place inside an organisation's name ("… Co-operation in Europe") is no event location.
    @Test func aPlaceInAnOrganisationsNameIsNoLocation() {
        let text = "Report\n\nPublished 10 October 2019\n\nSeparatist forces shelled a school near the front line on Tuesday, the Organization for Security and Co-operation in Europe said.\n"
        let ms = FullPipeline.mentions(FullPipeline.document(text, path: "osce.txt"))
        #expect(!ms.isEmpty)
        #expect(ms.allSatisfy { $0.location?.name != "Europe" }, "\(ms.map { $0.location?.name })")
    }

    /// Those who die are the dead, not the doers: "died" takes its subject as the patient and its count as the toll.
    @Test(arguments: [
        ("Four policemen died when gunmen stormed their post on the highway.", "policemen", 4),
        ("At least eleven villagers died in the air raid on the market.", "villagers", 11),
    ])
    func theSubjectOfDiedIsTheDead(_ text: String, _ dead: String, _ toll: Int) throws {
        let ms = extract(text, published: "2019-10-10")
        let m = try #require(ms.first { $0.fatalities?.min == toll }, "\(ms.map { ($0.type, $0.fatalities?.min) })")
        #expect(!m.actors.contains { $0.role == .agent && $0.name.contains(dead) }, "\(m.actors)")
    }

    /// "came under fire": the subject is the target (like a passive), and the event is an attack.
    @Test(arguments: [
        "The convoy came under heavy fire from gunmen near the bridge.",
        "Two army outposts came under attack overnight.",
    ])
    func comingUnderFireIsAnAttackOnTheSubject(_ text: String) throws {
        let m = try #require(first(.attack, extract(text)), "\(extract(text).map(\.type))")
        #expect(!m.actors.contains { $0.role == .agent && ($0.name.contains("convoy") || $0.name.contains("outposts")) }, "\(m.actors)")
    }

    @Test func attributedSourceMakesItReported() {
        let m = first(.capture, extract("Troops captured 40 fighters, according to the Levant Observer.", actors: testActors))
        #expect(m?.attributedTo?.contains("Levant Observer") == true)
        #expect(m?.attributedToID == "levant-observer")
        #expect(m?.certainty == .reported)
    }

    @Test func exchangeLinksBothWays() {
        let found = extract("Some 400 fighters were transferred to the desert in exchange for the release of 30 hostages.")
        let move = first(.transfer, found), release = first(.release, found)
        #expect(move?.relations.contains { $0.relation == .exchange && $0.target == release?.id } == true)
        #expect(release?.relations.contains { $0.relation == .exchange && $0.target == move?.id } == true)
    }

    @Test func movePartOfADeal() {
        let found = extract("Fighters were given safe passage out of the town, in what sources said was part of a secret deal.")
        let move = first(.transfer, found), deal = first(.agreement, found)
        #expect(deal != nil)
        #expect(move?.relations.contains { $0.relation == .partOf && $0.target == deal?.id } == true)
    }

    @Test func underAWithdrawalAgreementIsPartOfAnAgreementNotAWithdrawal() {
        let found = extract("Dozens of fighters were sent to the border under a withdrawal agreement.")
        #expect(first(.withdrawal, found) == nil)
        let move = first(.transfer, found), deal = first(.agreement, found)
        #expect(move?.relations.contains { $0.relation == .partOf && $0.target == deal?.id } == true)
    }

    @Test func responseTo() {
        let found = extract("The army shelled the town in response to an attack on a checkpoint.")
        let shelling = found.first { $0.mode == .shelling }
        #expect(shelling?.relations.contains { $0.relation == .responseTo } == true)
    }

    @Test func mentionIdsAndEvidencePointIntoTheText() {
        let text = "Intro line without events.\nRebels clashed with troops near the dam."
        let found = extract(text)
        #expect(found.count == 1)
        let m = found[0]
        #expect(m.id.hasSuffix("#0"))
        #expect(text.slice(m.evidence.range) == m.evidence.text)
        #expect(text.slice(m.trigger) == "clashed")
    }
}
