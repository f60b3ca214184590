import Testing
import SitrepCore
@testable import SitrepLink

@Suite struct CorroborationTests {
    @Test func twoOutletsCitingTheSameMonitorAreOneOrigin() {
        let a = septemberTransfer("a#0", outlet: "Rudaw", attributedTo: "the Britain-based Syrian Observatory for Human Rights (SOHR)")
        let b = septemberTransfer("b#0", outlet: "Al Bawaba", attributedTo: "Syrian Observatory for Human Rights")
        let c = corroboration([a, b])
        #expect(c == Corroboration(documents: 2, outlets: 2, independentOrigins: 1))
    }

    @Test func attributionByDictionaryIdCountsOnce() {
        var a = septemberTransfer("a#0", outlet: "A", attributedTo: "a war monitor")
        a.attributedToID = "sohr"
        let b = septemberTransfer("b#0", outlet: "B", attributedTo: "Rami Abdel Rahman")
        #expect(corroboration([a, b]).independentOrigins == 1)
    }

    @Test func wireStoryReprintedByTwoOutletsIsOneOrigin() {
        let texts = ["a": "BEIRUT (AFP) — Buses carried hundreds of fighters out of the desert overnight, officials said.",
                     "b": "Beirut (AFP) - Government buses carried some four hundred fighters out overnight. The move angered residents."]
        let c = corroboration([septemberTransfer("a#0", outlet: "Daily One"), septemberTransfer("b#0", outlet: "Gazette Two")], texts: texts)
        #expect(c.outlets == 2)
        #expect(c.independentOrigins == 1)
    }

    @Test func nearVerbatimCopiesAreOneOrigin() {
        let original = """
            Convoys of green buses left the besieged eastern districts at dawn on Sunday carrying fighters and their families \
            towards the northern countryside, where aid groups had prepared temporary shelters near the border crossing. \
            Residents watched from balconies as the vehicles passed checkpoints manned by soldiers and militia members. \
            Officials said the evacuation would continue for three days and that the remaining civilians could stay.
            """
        let copy = original.replacingOccurrences(of: "at dawn on Sunday", with: "at dawn on Sunday,") + " Share this article."
        let own = "Our correspondent in the north counted forty buses arriving after midnight, escorted by military police."
        let texts = ["a": original, "b": copy, "c": own]
        let ms = [septemberTransfer("a#0", outlet: "One"), septemberTransfer("b#0", outlet: "Two"), septemberTransfer("c#0", outlet: "Three")]
        let c = corroboration(ms, texts: texts)
        #expect(c.documents == 3)
        #expect(c.independentOrigins == 2) // the copy counts with its original; the own reporting counts for itself
        #expect(MinHashSignature(text: original).similarity(MinHashSignature(text: copy)) >= sharedRules.copyThreshold)
        #expect(MinHashSignature(text: original).similarity(MinHashSignature(text: own)) < 0.2)
    }

    @Test func ownReportersAndUnnamedSourcesCountForTheirOutlet() {
        let a = septemberTransfer("a#0", outlet: "Rudaw")
        let b = septemberTransfer("b#0", outlet: "Al Bawaba", attributedTo: "local sources")
        let c = septemberTransfer("c#0", outlet: "Al Bawaba", attributedTo: "a spokesman")
        let d = septemberTransfer("d#0", outlet: "Syria Direct", attributedTo: "SOHR")
        #expect(corroboration([a, b, c, d]) == Corroboration(documents: 4, outlets: 3, independentOrigins: 3))
    }

    @Test func aDenialDoesNotCorroborate() {
        let a = septemberTransfer("a#0", outlet: "A", attributedTo: "SOHR")
        let b = septemberTransfer("b#0", outlet: "B", count: nil, attributedTo: "a commander", certainty: .denied)
        let events = link([a, b])
        #expect(events.count == 1)
        #expect(events[0].record.corroboration.independentOrigins == 1)
        #expect(events[0].record.corroboration.documents == 2)
    }

    @Test func registryFindsAKnownNameInsideALongerAttribution() {
        #expect(sharedRules.origins.origin(named: "Rami Abdel Rahman, head of the Syrian Observatory")?.id == "sohr")
        #expect(sharedRules.origins.origin(named: "a Reuters witness")?.id == "reuters")
        #expect(sharedRules.origins.origin(named: "opposition spokesmen") == nil)
        #expect(sharedRules.origins.wireCredit(in: "AMMAN (Reuters) - Fighting resumed.")?.id == "reuters")
        #expect(sharedRules.origins.wireCredit(in: "AMMAN: Fighting resumed (as seen on video).") == nil)
    }

    private func corroboration(_ ms: [EventMention], texts: [String: String] = [:]) -> Corroboration {
        let events = link(ms, texts: texts)
        #expect(events.count == 1)
        return events.first?.record.corroboration ?? Corroboration(documents: 0, outlets: 0, independentOrigins: 0)
    }
}

@Suite struct ContradictionTests {
    @Test func aDenialJoinsTheEventAsAnOccurrenceContradiction() {
        let a = mention("a#0", outlet: "The National", published: "2018-07-25", .transfer, mode: .safePassage,
                        actors: [Actors.isisPatient], origin: Places.yarmoukBasin, destination: Places.sweida, date: "2018-07-24", certainty: .reported)
        let b = mention("b#0", outlet: "7Dnews", published: "2018-08-03", .transfer, mode: .relocation,
                        actors: [Actors.isisPatient], origin: Places.yarmoukBasin, destination: Places.sweidaVillage,
                        date: "2018-07-24", certainty: .denied, attributedTo: "a rebel commander")
        let events = link([a, b])
        #expect(events.count == 1)
        let r = events[0].record
        #expect(r.certainty == .reported)
        let occ = r.contradictions.first { $0.field == .occurrence }
        #expect(occ?.values == ["reported", "denied"])
        #expect(occ?.mentions == [0, 1])
    }

    @Test func thirtyAgainstThirtySixHostagesIsACountContradiction() {
        let a = mention("a#0", outlet: "One", published: "2018-07-31", .abduction, actors: [Actors.isisAgent],
                        count: .exactly(30, of: "hostages"), location: Places.sweida, date: "2018-07-25")
        let b = mention("b#0", outlet: "Two", published: "2018-08-03", .abduction, actors: [Actors.isisAgent],
                        count: .exactly(36, of: "hostages"), location: Places.sweida, date: "2018-07-25")
        let events = link([a, b])
        #expect(events.count == 1)
        let r = events[0].record
        let count = r.contradictions.first { $0.field == .count }
        #expect(count?.values == ["30", "36"])
        #expect(count?.mentions == [0, 1])
        #expect(r.count?.min == 30 && r.count?.max == 36)
        let rule = events[0].rules["count_rule"] ?? ""
        #expect(rule.contains("(30; 36)") && rule.contains("30–36") && rule.contains("the lowest, is 30"))
    }

    @Test func fourHundredAgainstHundredsIsNoContradiction() {
        let hundreds = Quantity(min: 200, max: 999, approximate: true, of: "fighters", text: "hundreds of fighters")
        let events = link([septemberTransfer("a#0", outlet: "A"), septemberTransfer("b#0", outlet: "B", count: hundreds)])
        #expect(events.count == 1)
        #expect(!events[0].record.contradictions.contains { $0.field == .count })
        #expect(events[0].record.count?.min == 200)
    }

    @Test func figuresOfAnotherGroupAreKeptBesideTheRangeNotInIt() {
        let members = Quantity(min: 400, max: 400, approximate: true, of: "members", text: "about 400 members")
        let commanders = Quantity(min: 2, max: nil, approximate: true, of: "commanders", text: "a number of commanders")
        let events = link([septemberTransfer("a#0", outlet: "A", count: commanders), septemberTransfer("b#0", outlet: "B"),
                           septemberTransfer("c#0", outlet: "C", count: members), septemberTransfer("d#0", outlet: "D", count: commanders)])
        #expect(events.count == 1)
        let count = events[0].record.count
        #expect(count?.min == 400 && count?.max == 400, "fighters and members are one listed class with two figures; commanders, first reported, also two: the tie goes to the listed class")
        #expect(count?.of == "fighters" || count?.of == "members")
        #expect(count?.text?.contains("a number of commanders") == true, "every figure's text is kept")
        #expect(!events[0].record.contradictions.contains { $0.field == .count })
        #expect(events[0].rules["count_rule"]?.contains("kept beside the range") == true)
    }

    @Test func fourHundredAgainstTwoHundredIsAContradictionWhenAllElseAgrees() {
        let events = link([septemberTransfer("a#0", outlet: "A"), septemberTransfer("b#0", outlet: "B", count: .exactly(200, of: "fighters"))])
        #expect(events.count == 1)
        #expect(events[0].record.contradictions.first { $0.field == .count }?.values == ["400", "200"])
    }

    @Test func differentCitiesOfOneGovernorateAreALocationContradiction() {
        // Saraqib and Jisr al-Shughur are about 43 km apart: beyond a clash's 30 km, inside one governorate.
        let a = mention("a#0", published: "2019-03-02", .clash, actors: [Actors.rebels], count: .exactly(12), location: Places.saraqib, date: "2019-03-01")
        let b = mention("b#0", published: "2019-03-03", .clash, actors: [Actors.rebels], count: .exactly(12), location: Places.jisrShughur, date: "2019-03-01")
        let events = link([a, b])
        #expect(events.count == 1)
        #expect(events[0].record.contradictions.first { $0.field == .location }?.mentions == [0, 1])
    }

    @Test func differentAgentsWithStrongEvidenceAreAnActorContradiction() {
        var a = septemberTransfer("a#0", outlet: "A")
        var b = septemberTransfer("b#0", outlet: "B")
        a.actors = [Actors.regime, Actors.isisPatient]
        b.actors = [Actors.sdfAgent, Actors.isisPatient]
        let events = link([a, b])
        #expect(events.count == 1)
        #expect(events[0].record.contradictions.first { $0.field == .actor }?.values == ["agent: Syrian government", "agent: Syrian Democratic Forces"])
    }

    @Test func partiesAndActorsNamedTogetherAreNoActorContradiction() {
        let regimeParty = ActorRole(role: .party, id: "syria-gov", name: "Syrian government")
        let sdfParty = ActorRole(role: .party, id: "sdf", name: "Syrian Democratic Forces")
        let deal = link([mention("a#0", outlet: "A", published: "2019-05-02", .agreement, actors: [regimeParty, sdfParty], location: Places.deirEzZor, date: "2019-05-01"),
                         mention("b#0", outlet: "B", published: "2019-05-02", .agreement, actors: [sdfParty, regimeParty], location: Places.deirEzZor, date: "2019-05-01")])
        #expect(deal.count == 1)
        #expect(!deal[0].record.contradictions.contains { $0.field == .actor })

        var a = septemberTransfer("a#0", outlet: "A"), b = septemberTransfer("b#0", outlet: "B"), c = septemberTransfer("c#0", outlet: "C")
        a.actors = [Actors.regime, Actors.sdfAgent, Actors.isisPatient]
        b.actors = [Actors.regime, Actors.isisPatient]
        c.actors = [Actors.sdfAgent, Actors.isisPatient]
        let joint = link([a, b, c])
        #expect(joint.count == 1)
        #expect(!joint[0].record.contradictions.contains { $0.field == .actor }, "one report names both agents together: they act jointly")
    }

    @Test func everyCanonicalFieldHasARule() {
        let events = link([septemberTransfer("a#0", outlet: "A"), septemberTransfer("b#0", outlet: "B")])
        for key in ["type_rule", "date_rule", "origin_rule", "destination_rule", "actors_rule", "count_rule", "certainty_rule", "origins_rule"] {
            #expect(events[0].rules[key] != nil, "missing \(key)")
        }
        #expect(events[0].record.summary.contains("from Deir ez-Zor to Idlib"))
    }
}

@Suite struct SourceReferenceTests {
    @Test func aGenericMonitorRefersBackToTheMonitorTheArticleNames() {
        let texts = ["a": "Buses left at dawn, according to a conflict monitor. The Syrian Observatory for Human Rights (SOHR) said a deal was struck.",
                     "b": "Hundreds of fighters were bused out overnight, the Syrian Observatory for Human Rights said."]
        let a = septemberTransfer("a#0", outlet: "Rudaw", attributedTo: "a conflict monitor")
        let b = septemberTransfer("b#0", outlet: "Al Bawaba", attributedTo: "SOHR")
        let events = link([a, b], texts: texts)
        #expect(events.count == 1)
        #expect(events[0].record.corroboration.independentOrigins == 1)
    }

    @Test func aGenericMonitorStaysWithItsOutletWhenTheArticleNamesNoneOrSeveral() {
        let texts = ["a": "Buses left at dawn, according to a conflict monitor.",
                     "c": "The monitor said so. SOHR and Syria Direct both reported the buses."]
        let a = septemberTransfer("a#0", outlet: "Rudaw", attributedTo: "a conflict monitor")
        let b = septemberTransfer("b#0", outlet: "Al Bawaba", attributedTo: "SOHR")
        let c = septemberTransfer("c#0", outlet: "Enab", attributedTo: "the monitor")
        #expect(link([a, b, c], texts: texts)[0].record.corroboration.independentOrigins == 3)
    }

    @Test func roleNounsAreRead() {
        #expect(sharedRules.origins.roleKind(of: "the UK-based war monitor") == .monitor)
        #expect(sharedRules.origins.roleKind(of: "a news agency") == .wire)
        #expect(sharedRules.origins.roleKind(of: "local sources") == nil)
        #expect(sharedRules.origins.originsNamed(in: "SOHR told AFP, and Reuters confirmed").map(\.id) == ["sohr", "afp", "reuters"])
    }
}
