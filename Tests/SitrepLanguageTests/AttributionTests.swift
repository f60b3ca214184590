import Testing
import SitrepCore
@testable import SitrepLanguage

/// One expected attribution: texts of its parts (nil = must be absent).
struct AttributionCase: CustomStringConvertible, Sendable {
    var text: String
    var source: String
    var scope: String
    var kind: Attribution.Cue = .reportingVerb
    var affiliation: String? = nil
    var medium: String? = nil
    var via: String? = nil
    var description: String { text }
}

@Suite struct AttributionTests {
    static let cases: [AttributionCase] = [
        .init(text: "The defence ministry said that three convoys had left the city.",
              source: "The defence ministry", scope: "three convoys had left the city"),
        .init(text: "Three convoys left the city overnight, the provincial governor said.",
              source: "the provincial governor", scope: "Three convoys left the city overnight"),
        .init(text: "Three convoys left the city overnight, said Colonel Hassan Barzani.",
              source: "Colonel Hassan Barzani", scope: "Three convoys left the city overnight"),
        .init(text: "“We saw the trucks leave at dawn,” said Leila Haddad, a nurse at the district hospital.",
              source: "Leila Haddad", scope: "We saw the trucks leave at dawn", affiliation: "a nurse at the district hospital"),
        .init(text: "Omar Saleh, head of the Kirkuk Human Rights Council, told Reuters that 12 detainees were freed.",
              source: "Omar Saleh", scope: "12 detainees were freed", affiliation: "head of the Kirkuk Human Rights Council",
              medium: "Reuters"),
        .init(text: "“Twelve detainees were freed,” Omar Saleh, head of the Kirkuk Human Rights Council, told Reuters.",
              source: "Omar Saleh", scope: "Twelve detainees were freed", affiliation: "head of the Kirkuk Human Rights Council",
              medium: "Reuters"),
        .init(text: "According to the Norwegian Refugee Council, some 2,000 families fled the town.",
              source: "the Norwegian Refugee Council",
              scope: "According to the Norwegian Refugee Council, some 2,000 families fled the town.", kind: .accordingTo),
        .init(text: "Some 2,000 families fled the town last month, according to the Norwegian Refugee Council.",
              source: "the Norwegian Refugee Council", scope: "Some 2,000 families fled the town last month", kind: .accordingTo),
        .init(text: "The Kurdish Rudaw channel quoted a senior police officer as saying that the prisoners were moved to Erbil.",
              source: "a senior police officer", scope: "the prisoners were moved to Erbil", kind: .chained,
              via: "The Kurdish Rudaw channel"),
        .init(text: "Local sources said the militants had abandoned two checkpoints.",
              source: "Local sources", scope: "the militants had abandoned two checkpoints"),
        .init(text: "Activists reported that the market was shelled twice.",
              source: "Activists", scope: "the market was shelled twice"),
        .init(text: "Sources told the monitoring group that the hostages were released near the river.",
              source: "Sources", scope: "the hostages were released near the river", medium: "the monitoring group"),
        .init(text: "A spokesman with the Tigris Brigades militia said the road was reopened.",
              source: "A spokesman", scope: "the road was reopened", affiliation: "with the Tigris Brigades militia"),
        .init(text: "Dozens of families returned on Friday, in what residents said was a sign of calm.",
              source: "residents", scope: "was a sign of calm"),
        .init(text: "Reports suggest the commander was wounded in the raid.",
              source: "Reports", scope: "the commander was wounded in the raid"),
        .init(text: "The truce collapsed within hours, the UN mission added.",
              source: "the UN mission", scope: "The truce collapsed within hours"),
        .init(text: "A doctor in Mosul said the clinic was hit.",
              source: "A doctor", scope: "the clinic was hit"),
        .init(text: "The checkpoint was abandoned by noon, Karim Said, a spokesman with the Free Tribes militia claimed.",
              source: "Karim Said", scope: "The checkpoint was abandoned by noon",
              affiliation: "a spokesman with the Free Tribes militia"),
        .init(text: "Hussein al-Jaburi pointed out that the bridge had been mined.",
              source: "Hussein al-Jaburi", scope: "the bridge had been mined"),
        .init(text: "The Red Crescent announced it was suspending deliveries to the camp.",
              source: "The Red Crescent", scope: "it was suspending deliveries to the camp"),
        .init(text: "Farida Osman said to the Anadolu agency: “The shelling went on all night.”",
              source: "Farida Osman", scope: "The shelling went on all night.", medium: "the Anadolu agency"),
        .init(text: "The Baghdad Rights Network said in a statement on Monday that 14 civilians were killed.",
              source: "The Baghdad Rights Network", scope: "14 civilians were killed"),
        .init(text: "“We will not leave,” one resident told Al Arabiya by phone.",
              source: "one resident", scope: "We will not leave", medium: "Al Arabiya"),
        .init(text: "The official, who spoke on condition of anonymity, said the prisoners were transferred overnight.",
              source: "The official", scope: "the prisoners were transferred overnight"),
        .init(text: "A senior Kurdish official, speaking on condition of anonymity, told AFP the deal had collapsed.",
              source: "A senior Kurdish official", scope: "the deal had collapsed", medium: "AFP"),
        .init(text: "The monitor, which relies on sources inside the country, said at least 30 fighters were killed.",
              source: "The monitor", scope: "at least 30 fighters were killed"),
        .init(text: "Kurdish officials said on Sunday they had arrested 40 suspects.",
              source: "Kurdish officials", scope: "they had arrested 40 suspects"),
        .init(text: "A Hezbollah commander quoted by the Lebanese daily Al-Akhbar said the fighters would be moved.",
              source: "A Hezbollah commander", scope: "the fighters would be moved", kind: .chained,
              via: "the Lebanese daily Al-Akhbar"),
        .init(text: "A source close to the negotiations told Asharq Al-Awsat that the deal was finalised.",
              source: "A source", scope: "the deal was finalised", medium: "Asharq Al-Awsat"),
        .init(text: "The state news agency said that \"terrorists\" had fired rockets on the city.",
              source: "The state news agency", scope: "\"terrorists\" had fired rockets on the city"),
        .init(text: "The fighters were never seen again, according to their relatives.",
              source: "their relatives", scope: "The fighters were never seen again", kind: .accordingTo),
        .init(text: "Pentagon officials said Tuesday that two drones were shot down.",
              source: "Pentagon officials", scope: "two drones were shot down"),
        .init(text: "The commander said yesterday the road would stay closed.",
              source: "The commander", scope: "the road would stay closed"),
        .init(text: "The army rejected claims that its jets had hit the school.",
              source: "The army", scope: "its jets had hit the school"),
        .init(text: "The shepherd said the soldiers had burned his fields.",
              source: "The shepherd", scope: "the soldiers had burned his fields"),
        .init(text: "The convoy was attacked near the airport, Russian news agencies reported, citing the defence ministry.",
              source: "the defence ministry", scope: "The convoy was attacked near the airport", kind: .chained,
              via: "Russian news agencies"),
        .init(text: "The convoy was attacked near the airport, Turkish news agencies reported.",
              source: "Turkish news agencies", scope: "The convoy was attacked near the airport"),
        .init(text: "The commander added that two battalions had reached the front.",
              source: "The commander", scope: "two battalions had reached the front"),
        .init(text: "The fighting, which residents said began at dawn, killed at least eight people.",
              source: "residents", scope: "began at dawn"),
        .init(text: "Hundreds fled the city, the UN refugee agency UNHCR said on Wednesday.",
              source: "the UN refugee agency UNHCR", scope: "Hundreds fled the city"),
        .init(text: "Local media, including the Kurdish Rudaw network, reported clashes near the dam.",
              source: "Local media", scope: "clashes near the dam"),
        .init(text: "The coalition said in a statement: \"Twelve strikes hit the area.\"",
              source: "The coalition", scope: "Twelve strikes hit the area."),
        .init(text: "Tigris Holdings Corp. said it expects a loss this year.",
              source: "Tigris Holdings Corp.", scope: "it expects a loss this year"),
        .init(text: "The ministry hailed the ruling and said it would press for a trial.",
              source: "The ministry", scope: "it would press for a trial"),
        .init(text: "The agency, which said it had counted 40 bodies, asked for access to the camp.",
              source: "The agency", scope: "it had counted 40 bodies"),
        .init(text: "“We will hold the line,” said four-star Gen. Omar Tahir.",
              source: "four-star Gen. Omar Tahir", scope: "We will hold the line"),
        .init(text: "``We will hold the line,'' said Omar Tahir.",
              source: "Omar Tahir", scope: "We will hold the line"),
        .init(text: "The convoy left at dawn, smugglers said.",
              source: "smugglers", scope: "The convoy left at dawn"),
        .init(text: "Faisal Amin, Tigris Bank's chairman, said the talks had failed.",
              source: "Faisal Amin", scope: "the talks had failed", affiliation: "Tigris Bank's chairman"),
        .init(text: "A spokesman for the Basra port authority said the ship had docked.",
              source: "A spokesman", scope: "the ship had docked", affiliation: "for the Basra port authority"),
        .init(text: "The Tigris group, for example, has said that it will stay neutral.",
              source: "The Tigris group", scope: "it will stay neutral"),
        .init(text: "She declined to name the buyers but said the sale was complete.",
              source: "She", scope: "the sale was complete"),
        .init(text: "Nasser's said it had closed two stores.",
              source: "Nasser's", scope: "it had closed two stores"),
        .init(text: "Pentagon sources in Washington meanwhile said two carriers were moving.",
              source: "Pentagon sources", scope: "two carriers were moving"),
        .init(text: "Rebels capture key town, monitor says",
              source: "monitor", scope: "Rebels capture key town"),
        // A fronted time or place phrase before the subject is no name with an appositive.
        .init(text: "On Tuesday, the border police said four smugglers had been held.",
              source: "the border police", scope: "four smugglers had been held"),
        .init(text: "In Kandahar, the provincial council said the market had reopened.",
              source: "the provincial council", scope: "the market had reopened"),
        .init(text: "Last Sunday, the militia said it had left the dam.",
              source: "the militia", scope: "it had left the dam"),
    ]

    @Test(arguments: cases)
    func findsSourceScopeAndCue(_ c: AttributionCase) {
        let a = Analysed(c.text)
        let found = a.attribution(source: c.source)
        #expect(found != nil, "\(a.dump)")
        guard let found else { return }
        #expect(a.slice(found.scope) == c.scope, "\(a.dump)")
        #expect(found.cueKind == c.kind)
        #expect(a.slice(found.affiliation) == c.affiliation, "\(a.dump)")
        #expect(a.slice(found.medium) == c.medium, "\(a.dump)")
        #expect(a.slice(found.via) == c.via, "\(a.dump)")
        #expect(a.attributions.count == 1, "\(a.dump)")
    }

    static let notAttributions: [String] = [
        "The ministry did not say whether the convoy had left.",
        "The reported attack killed four people near the bridge.",
        "Turkey maintained a presence in the area for years.",
        "Fighters of the Islamic State moved north in the night.",
        "The rebels declined to say where the prisoners were held.",
        "The convoy is said to have reached the border.",
        "They also stressed setting aside their differences.",
        "The army retook the hill, in contradiction of its own previous reports.",
        "The militia claimed responsibility for the ambush on Sunday.",
        "The army added two battalions to the northern front.",
        "Rebels claimed the hilltop after a week of fighting.",
        "The soldiers told residents to leave their homes.",
        "The blast claimed the lives of six people.",
        // A fronted time before a hedging verb form, and "reported" before a participle (a reduced passive).
        "On Sunday, suspected smugglers crossed the river near the dam.",
        "In June, alleged members of the gang robbed two banks.",
        "Nine fishermen reported missing after the storm were found alive.",
        "Dozens of villagers reported killed in the raid were buried on Friday.",
    ]

    @Test(arguments: notAttributions)
    func noAttributionWithoutAReportingSource(_ text: String) {
        let a = Analysed(text)
        #expect(a.attributions.isEmpty, "\(a.dump)")
    }

    @Test func participleAfterATrailingAttributionAddsASecondScope() {
        let a = Analysed("Troops advanced on the town, the monitor said, adding that dozens were killed.")
        let said = a.attributions.first { a.slice($0.cue) == "said" }
        let adding = a.attributions.first { a.slice($0.cue) == "adding" }
        #expect(said.flatMap { a.slice($0.scope) } == "Troops advanced on the town", "\(a.dump)")
        #expect(adding.flatMap { a.slice($0.scope) } == "dozens were killed", "\(a.dump)")
        #expect(adding.flatMap { a.slice($0.source) } == "the monitor", "\(a.dump)")
    }

    @Test func pronounResolvesAcrossParagraphs() {
        let a = Analysed("“They were planning attacks,” said Jamal Othman, a security official.\n\nHe added that more arrests were expected.")
        let added = a.attributions.first { a.slice($0.cue) == "added" }
        #expect(added.flatMap { a.slice($0.source) } == "Jamal Othman", "\(a.dump)")
        #expect(added.flatMap { a.slice($0.affiliation) } == "a security official", "\(a.dump)")
    }

    @Test func pronounSpeakerResolvesToTheLastNamedSource() {
        let a = Analysed("“The bridge is gone,” said Mr Karimi. “We have no way to cross,” he added.")
        let added = a.attributions.first { a.slice($0.cue) == "added" }
        #expect(added.flatMap { a.slice($0.source) } == "Mr Karimi", "\(a.dump)")
        #expect(added.flatMap { a.slice($0.scope) } == "We have no way to cross", "\(a.dump)")
    }

    @Test func quotationOpeningTheNextSentenceKeepsTheSpeaker() {
        let a = Analysed("“The bridge is gone,” said Mr Karimi. “Nobody can cross now.”")
        let q = a.attributions.first { $0.cueKind == .quotation }
        #expect(q.flatMap { a.slice($0.source) } == "Mr Karimi", "\(a.dump)")
        #expect(q.flatMap { a.slice($0.scope) }?.hasPrefix("Nobody can cross now") == true, "\(a.dump)")
    }

    /// Which earlier attribution a quotation opening a sentence takes its speaker from (nil: none).
    @Test(arguments: [
        ("“The bridge is gone,” said Mr Karimi. “Nobody can cross now.”", "Mr Karimi"),
        ("“The road is cut,” said Leila Haddad. The convoy waited. “We will try again tomorrow.”", "Leila Haddad"),
        ("Omar Nasser said the town fell. “The men fled,” Rania Saad added. “Nothing is left.”", "Rania Saad"),
        ("“The men fled,” Rania Saad said. “Nothing is left,” said Omar Nasser.", nil),
        ("“The men fled,” said Rania Saad.\n\nThe river rose.\n\n“Nothing is left.”", nil),
        ("The river rose. “Nothing is left.”", nil),
    ] as [(String, String?)])
    func quotationTakesTheLatestSpeakerBeforeIt(_ text: String, _ speaker: String?) {
        let a = Analysed(text)
        let q = a.attributions.first { $0.cueKind == .quotation }
        #expect(q.flatMap { a.slice($0.source) } == speaker, "\(a.dump)")
    }

    @Test func aCueInsideAContinuedQuotationDoesNotHideItsSpeaker() {
        let a = Analysed("“The town is empty,” said Mr Karimi. “According to the militants, we are enemies. We left at night.”")
        let q = a.attributions.first { $0.cueKind == .quotation }
        #expect(q.flatMap { a.slice($0.source) } == "Mr Karimi", "\(a.dump)")
        #expect(q.flatMap { a.slice($0.scope) } == "According to the militants, we are enemies. We left at night.", "\(a.dump)")
        #expect(a.attribution(source: "the militants")?.cueKind == .accordingTo, "\(a.dump)")
    }

    @Test func quotationOverTwoSentencesIsOneScope() {
        let a = Analysed("“The fighters left at night. They took the trucks,” Hamid Farouq said.")
        let s = a.attribution(source: "Hamid Farouq")
        #expect(s.flatMap { a.slice($0.scope) } == "The fighters left at night. They took the trucks", "\(a.dump)")
    }

    @Test func quotedWordsInsideTheOutletsSentenceDoNotNarrowTheScope() {
        let a = Analysed("The families were moved to a “safe area” near the river, the monitor added.")
        let s = a.attribution(source: "the monitor")
        #expect(s.flatMap { a.slice($0.scope) } == "The families were moved to a “safe area” near the river", "\(a.dump)")
    }

    @Test func leadingAndTrailingAttributionsInOneSentenceSplitIt() {
        let a = Analysed("The council reported that the town was calm, “with shops open again”, added the council.")
        let first = a.attributions.first { a.slice($0.cue) == "reported" }
        #expect(first.flatMap { a.slice($0.scope) } == "the town was calm, “with shops open again", "\(a.dump)")
    }

    @Test func coveringPicksTheInnermostScope() throws {
        let a = Analysed("“The road is closed,” said Amal Nasser. Markets stayed open.")
        let inside = try #require(a.range(of: "road"))
        let outside = try #require(a.range(of: "Markets"))
        #expect(a.attributions.covering(inside).flatMap { a.slice($0.source) } == "Amal Nasser")
        #expect(a.attributions.covering(outside) == nil)
    }

    @Test func bytesAndStringEntryPointsAgree() {
        let a = Analysed("“The road is closed,” said Amal Nasser. Officials did not say whether it would reopen.")
        var copy = a.text
        let (attrs, marks) = copy.withUTF8 { p in
            let at = AttributionShared.attributions.find(bytes: p, tokens: a.tokens, sentences: a.sentences)
            return (at, AttributionShared.certainties.find(bytes: p, tokens: a.tokens, sentences: a.sentences, attributions: at))
        }
        #expect(attrs == a.attributions)
        #expect(marks == a.marks)
        #expect(!attrs.isEmpty && !marks.isEmpty)
    }

    @Test func emptyInputGivesNothing() {
        #expect(AttributionShared.attributions.find(in: "", tokens: [], sentences: []).isEmpty)
        let a = Analysed("said. told, “”")
        #expect(a.attributions.isEmpty, "\(a.dump)")
    }
}
