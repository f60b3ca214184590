import Testing
import SitrepCore
@testable import SitrepLanguage

struct CertaintyCase: CustomStringConvertible, Sendable {
    var text: String
    /// A word or phrase of the text whose certainty is checked.
    var at: String
    var expected: Certainty
    var description: String { "\(expected): \(at) in \(text)" }
}

@Suite struct CertaintyTests {
    static let cases: [CertaintyCase] = [
        .init(text: "The army shelled the village at dawn.", at: "shelled", expected: .asserted),
        .init(text: "The army reportedly shelled the village.", at: "shelled", expected: .reported),
        .init(text: "The army allegedly shelled the village.", at: "shelled", expected: .reported),
        .init(text: "The militants appear to have left the town.", at: "left", expected: .reported),
        .init(text: "The militants seem to have left the town.", at: "left", expected: .reported),
        .init(text: "The commander is believed to be hiding in the hills.", at: "hiding", expected: .reported),
        .init(text: "According to witnesses, the soldiers opened fire.", at: "opened fire", expected: .reported),
        .init(text: "Residents said the soldiers opened fire.", at: "opened fire", expected: .reported),
        .init(text: "The army may have shelled the village.", at: "shelled", expected: .possible),
        .init(text: "The militants might have crossed the river.", at: "crossed", expected: .possible),
        .init(text: "The convoy could reach the border tonight.", at: "reach", expected: .possible),
        .init(text: "The town was possibly hit by a drone.", at: "hit", expected: .possible),
        .init(text: "It is unclear whether the fighters left the city.", at: "left", expected: .possible),
        .init(text: "It remains to be seen whether the truce will hold.", at: "hold", expected: .possible),
        // A feared event is a possibility, also where "would" marks its future.
        .init(text: "The villagers were afraid that the militia would burn their houses.", at: "burn", expected: .possible),
        // "feared", "fearing", "fears" before a noun phrase: the feared event has not happened.
        .init(text: "Many families stayed in the camp, fearing reprisals from the militia.", at: "reprisals", expected: .possible),
        .init(text: "The traders feared abduction on the southern road.", at: "abduction", expected: .possible),
        .init(text: "Officials feared that the jets would strike the camp again.", at: "strike", expected: .possible),
        .init(text: "Aid workers are worried that the fighters will block the road.", at: "block", expected: .possible),
        .init(text: "The families fear that the gunmen will return, and the army sealed the road.", at: "sealed", expected: .asserted),
        .init(text: "It was not clear what the rebels planned to do with the fighters who surrendered on Monday.",
              at: "surrendered", expected: .asserted),
        .init(text: "It is unclear whether the fighters left, but the town is calm.", at: "calm", expected: .asserted),
        .init(text: "A possible offensive was averted last week.", at: "averted", expected: .asserted),
        .init(text: "A possible offensive was averted last week.", at: "offensive", expected: .possible),
        .init(text: "The alleged attack on the convoy killed four people.", at: "attack", expected: .reported),
        .init(text: "The envoy hinted that further strikes were possible.", at: "strikes", expected: .possible),
        .init(text: "The observatory speculates that the deal included a prisoner swap.", at: "included", expected: .possible),
        .init(text: "An attack on the airport cannot be ruled out.", at: "attack", expected: .possible),
        .init(text: "The army did not shell the village.", at: "shell", expected: .denied),
        .init(text: "The army didn't shell the village.", at: "shell", expected: .denied),
        .init(text: "The army never entered the town.", at: "entered", expected: .denied),
        .init(text: "None of the prisoners had been released by then.", at: "released", expected: .denied),
        .init(text: "No civilians were hurt in the blast.", at: "hurt", expected: .denied),
        .init(text: "The ministry said that the convoy had not crossed the border.", at: "crossed", expected: .denied),
        .init(text: "Colonel Adnan Hussein denied that his troops had shelled the market.", at: "shelled", expected: .denied),
        .init(text: "The army rejected claims that its jets had hit the school.", at: "hit", expected: .denied),
        .init(text: "The army will not withdraw from the hills.", at: "withdraw", expected: .denied),
        .init(text: "The militia not only looted the shops but also burned them.", at: "looted", expected: .asserted),
        .init(text: "The militia not only looted the shops but also burned them.", at: "burned", expected: .asserted),
        .init(text: "The group no longer controls the border crossing.", at: "controls", expected: .asserted),
        .init(text: "There is nothing stopping the army from advancing.", at: "advancing", expected: .asserted),
        .init(text: "The deal was delayed due to the weather.", at: "delayed", expected: .asserted),
        .init(text: "In May the militia took the town.", at: "took", expected: .asserted),
        .init(text: "Government forces have yet to enter the town.", at: "enter", expected: .denied),
        .init(text: "The fighters failed to reach the border.", at: "reach", expected: .denied),
        .init(text: "The rebels had no choice but to surrender.", at: "surrender", expected: .asserted),
        .init(text: "The rebels will have to withdraw their tanks by mid-October.", at: "withdraw", expected: .planned),
        .init(text: "The convoy is set to leave on Sunday.", at: "leave", expected: .planned),
        .init(text: "Officials plan to reopen the crossing.", at: "reopen", expected: .planned),
        .init(text: "The talks are due to resume next week.", at: "resume", expected: .planned),
        .init(text: "The minister is expected to visit the camp.", at: "visit", expected: .planned),
        .init(text: "If the deadline is not met, the army will attack the town.", at: "attack", expected: .conditional),
        .init(text: "If the deadline is not met, the army will attack the town.", at: "met", expected: .conditional),
        .init(text: "The group threatened to execute the hostages unless the prisoners were freed.", at: "freed", expected: .conditional),
        .init(text: "The governor did not say that the prisoners were moved.", at: "moved", expected: .possible),
        .init(text: "The governor did not say that the prisoners were moved.", at: "say", expected: .denied),
        .init(text: "The prisoners were moved, but the guards did not leave.", at: "moved", expected: .asserted),
        .init(text: "The group did not immediately claim the bombing.", at: "bombing", expected: .asserted),
        .init(text: "There was no evidence that the prisoners had been moved.", at: "moved", expected: .possible),
        .init(text: "Not all of the fighters left the town.", at: "left", expected: .asserted),
        .init(text: "The army ruled out an offensive on the city.", at: "offensive", expected: .denied),
        .init(text: "The army has not ruled out an offensive on the city.", at: "offensive", expected: .possible),
        .init(text: "The rescuers were unable to reach the village.", at: "reach", expected: .denied),
        .init(text: "When the talks failed to produce a deal, Mr. Karimi ordered the assault.", at: "ordered", expected: .asserted),
        .init(text: "The unit did not withdraw, it regrouped near the bridge.", at: "regrouped", expected: .asserted),
        .init(text: "The No. 1 rebel group then took the town.", at: "took", expected: .asserted),
        .init(text: "It is not true that the army shelled the camp.", at: "shelled", expected: .denied),
        .init(text: "The group did not immediately claim the bombing.", at: "claim", expected: .denied),
        .init(text: "The prisoners were moved, but the guards did not leave.", at: "leave", expected: .denied),
    ]

    @Test(arguments: cases)
    func certaintyOfAClause(_ c: CertaintyCase) {
        let a = Analysed(c.text)
        #expect(a.certainty(at: c.at) == c.expected, "\(a.dump)")
    }

    @Test func denialAttributedToANamedPersonKeepsTheSource() throws {
        let a = Analysed("Major Samir Haddad said the convoy had not crossed the border.")
        let src = try #require(a.attribution(source: "Major Samir Haddad"), "\(a.dump)")
        #expect(a.slice(src.scope) == "the convoy had not crossed the border")
        #expect(a.certainty(at: "crossed") == .denied)
        #expect(a.marks.mark(at: try #require(a.range(of: "crossed"))).flatMap { a.slice($0.cue) } == "not")
    }

    @Test func negatedReportingVerbIsNoAttribution() {
        let a = Analysed("The governor did not say that the prisoners were moved.")
        #expect(a.attributions.isEmpty, "\(a.dump)")
    }

    @Test func denialVerbMarksItsComplementDenied() {
        let a = Analysed("The ministry denied that any prisoners were moved.")
        #expect(a.attribution(source: "The ministry") != nil, "\(a.dump)")
        #expect(a.certainty(at: "moved") == .denied, "\(a.dump)")
    }

    @Test func strongerMarkWinsWhereScopesNest() {
        // reported (attribution) around possible (might): possible.
        let a = Analysed("Activists said the fighters might return.")
        #expect(a.certainty(at: "return") == .possible, "\(a.dump)")
        // denied around possible: denied.
        let b = Analysed("The army denied that its jets may have struck the school.")
        #expect(b.certainty(at: "struck") == .denied, "\(b.dump)")
    }

    @Test func marksContainingListsInnermostFirst() throws {
        let a = Analysed("Activists said the fighters might return.")
        let list = a.marks.marks(containing: try #require(a.range(of: "return")))
        #expect(list.map(\.certainty) == [.reported, .possible] || list.map(\.certainty) == [.possible, .reported], "\(a.dump)")
        #expect(list.count == 2)
        #expect(list[0].scope.length <= list[1].scope.length)
    }

    @Test func negationStaysInItsClause() {
        let a = Analysed("The fighters, who had not been paid, surrendered on Monday.")
        #expect(a.certainty(at: "paid") == .denied, "\(a.dump)")
        #expect(a.certainty(at: "surrendered") == .asserted, "\(a.dump)")
    }

    @Test func unmarkedTextIsAsserted() {
        let marks: [CertaintyMark] = []
        #expect(marks.certainty(at: TextRange(0, 4)) == .asserted)
        let a = Analysed("Fighters crossed the river.")
        #expect(a.marks.isEmpty, "\(a.dump)")
    }
}
