import Testing
import SitrepCore
@testable import SitrepLink

@Suite struct MergeRuleTests {
    @Test func twoOutletsReportingOneTransferAreOneEvent() {
        let events = link([septemberTransfer("a#0", outlet: "Rudaw"), septemberTransfer("b#0", outlet: "Al Bawaba")])
        #expect(events.count == 1)
        #expect(events[0].record.corroboration.documents == 2)
        #expect(events[0].record.corroboration.outlets == 2)
        #expect(events[0].record.id.hasPrefix("ev_"))
    }

    @Test func transferModesBusAndEvacuationAreCompatible() {
        var b = septemberTransfer("b#0", outlet: "B")
        b.mode = .evacuation
        #expect(together("a#0", "b#0", in: link([septemberTransfer("a#0", outlet: "A"), b])))
    }

    @Test func containmentByGovernorateMergesANamedAreaWithItsProvince() {
        // Yarmouk Basin (a region of Daraa) against "Daraa" (the governorate): one place by containment.
        let a = mention("a#0", published: "2018-07-31", .withdrawal, actors: [Actors.isisAgent], location: Places.yarmoukBasin, date: "2018-07-30")
        var province = Places.daraa
        province.lat = nil; province.lon = nil // no centroid: only the governorate can relate them
        let b = mention("b#0", published: "2018-08-01", .withdrawal, actors: [Actors.isisAgent], location: province, date: "2018-07-30")
        let events = link([a, b])
        #expect(events.count == 1)
        #expect(events[0].record.location?.name == "Yarmouk Basin") // the more precise place
        #expect(events[0].merges.first?.score.reasons.contains { $0.contains("lies in") } == true)
    }

    @Test func nearbyPlacesWithinTheTypeRadiusMerge() {
        // Idlib city and Saraqib are about 17 km apart: within a capture's 50 km.
        let a = mention("a#0", published: "2019-03-02", .capture, actors: [Actors.rebels], count: .exactly(12), location: Places.idlibCity, date: "2019-03-01")
        let b = mention("b#0", published: "2019-03-02", .capture, actors: [Actors.rebels], count: .exactly(12), location: Places.saraqib, date: "2019-03-01")
        #expect(together("a#0", "b#0", in: link([a, b])))
    }

    @Test func datesWithinTheWindowMergeAndAreListedAsADateDisagreement() {
        let events = link([septemberTransfer("a#0", outlet: "A", date: "2018-09-22"), septemberTransfer("b#0", outlet: "B", date: "2018-09-23")])
        #expect(events.count == 1)
        #expect(events[0].record.contradictions.contains { $0.field == .date })
        #expect(events[0].record.date?.start == day("2018-09-22"))
        #expect(events[0].record.date?.end == day("2018-09-23"))
    }

    @Test func undatedReportMergesWithADatedOneOfTheSameWeek() {
        let events = link([septemberTransfer("a#0", outlet: "A"), septemberTransfer("b#0", outlet: "B", published: "2018-09-26", date: nil)])
        #expect(events.count == 1)
        #expect(events[0].record.date?.start == day("2018-09-23")) // the undated report adds no date
    }

    @Test func abductionReportedAsCaptureIsCompatibleData() {
        #expect(sharedRules.types.score(.abduction, nil, .capture, nil) > 0)
        #expect(sharedRules.types.score(.surrender, nil, .transfer, nil) == 0)
        #expect(sharedRules.types.score(.release, .exchange, .release, nil) == 1)
        #expect(sharedRules.types.score(.attack, .airstrike, .attack, .suicideBombing) == 0)
        #expect(sharedRules.types.family[.abduction] == sharedRules.types.family[.capture])
        #expect(sharedRules.types.family[.surrender] != sharedRules.types.family[.transfer])
    }

    @Test func mergeReasonsNameEveryFeature() {
        let events = link([septemberTransfer("a#0", outlet: "A"), septemberTransfer("b#0", outlet: "B")])
        let note = events[0].merges[0]
        #expect(note.mention == "b#0" && note.joined == "a#0")
        #expect(Set(note.score.features.keys) == ["type", "date", "place", "actors", "count"])
        #expect(note.score.score >= sharedRules.mergeThreshold)
        #expect(note.score.reasons.contains("date: same day 2018-09-23"))
    }
}

@Suite struct NonMergeTrapTests {
    @Test func surrenderIsNotATransferEvenWithTheSameCountAndGovernorate() {
        let transfer = septemberTransfer("a#0", outlet: "A")
        let surrender = mention("b#0", outlet: "B", published: "2018-09-25", .surrender, actors: [Actors.isisAgent],
                                count: .exactly(400, of: "fighters"), location: Places.idlib, date: "2018-09-23")
        #expect(link([transfer, surrender]).count == 2)
    }

    @Test func februaryIsNotSeptember() {
        let sep = mention("a#0", published: "2018-09-25", .surrender, actors: [Actors.isisAgent], count: .exactly(400), location: Places.idlib, date: "2018-09-23")
        let feb = mention("b#0", published: "2018-02-14", .surrender, actors: [Actors.isisAgent], count: .exactly(400), location: Places.idlib, date: "2018-02-13")
        let events = link([sep, feb])
        #expect(events.count == 2)
        let undatedFeb = mention("c#0", published: "2018-02-14", .surrender, actors: [Actors.isisAgent], count: .exactly(400), location: Places.idlib)
        #expect(link([sep, undatedFeb]).count == 2) // undated, but published seven months earlier
    }

    @Test func anEventDatedAfterTheOtherReportWasPublishedIsAnotherEvent() {
        let a = septemberTransfer("a#0", outlet: "A", published: "2018-09-20", date: nil)
        let b = septemberTransfer("b#0", outlet: "B", published: "2018-09-25", date: "2018-09-23")
        #expect(link([a, b]).count == 2)
    }

    @Test func differentGovernoratesFarApartDoNotMerge() {
        let a = mention("a#0", published: "2019-03-02", .capture, actors: [Actors.rebels], count: .exactly(12), location: Places.idlibCity, date: "2019-03-01")
        let b = mention("b#0", published: "2019-03-02", .capture, actors: [Actors.rebels], count: .exactly(12), location: Places.homs, date: "2019-03-01")
        #expect(link([a, b]).count == 2)
    }

    @Test func differentCountriesDoNotMerge() {
        let a = mention("a#0", published: "2019-03-02", .attack, count: .exactly(3), location: Places.mosul, date: "2019-03-01")
        let b = mention("b#0", published: "2019-03-02", .attack, count: .exactly(3), location: Places.idlib, date: "2019-03-01")
        #expect(link([a, b]).count == 2)
    }

    @Test func differentAgentsConflictWithoutStrongEvidence() {
        // Same day, same governorate, no place match beyond it and no count: the agents decide.
        let a = mention("a#0", published: "2019-03-02", .takeover, actors: [Actors.regime], location: Places.saraqib, date: "2019-03-01")
        let b = mention("b#0", published: "2019-03-02", .takeover, actors: [Actors.rebels], location: Places.jisrShughur, date: "2019-03-01")
        #expect(link([a, b]).count == 2)
    }

    @Test func countsMoreThanThreefoldApartDoNotMerge() {
        let a = septemberTransfer("a#0", outlet: "A", count: .exactly(400))
        let b = septemberTransfer("b#0", outlet: "B", count: .exactly(40))
        #expect(link([a, b]).count == 2)
    }

    @Test func sameTypeAndDayWithNothingElseInCommonIsNotEnough() {
        let a = mention("a#0", published: "2019-03-02", .protest, date: "2019-03-01")
        let b = mention("b#0", published: "2019-03-02", .protest, date: "2019-03-01")
        #expect(link([a, b]).count == 2)
    }

    @Test func aThirdReportConflictingWithOneMemberStaysOut() {
        // b is near a and c is near b, but a and c are in different governorates far apart.
        let a = mention("a#0", published: "2019-03-02", .capture, actors: [Actors.rebels], count: .exactly(12), location: Places.jisrShughur, date: "2019-03-01")
        let b = mention("b#0", published: "2019-03-02", .capture, actors: [Actors.rebels], count: .exactly(12), location: Places.idlib, date: "2019-03-01")
        let c = mention("c#0", published: "2019-03-02", .capture, actors: [Actors.rebels], count: .exactly(12), location: Places.homs, date: "2019-03-01")
        let events = link([a, b, c])
        #expect(together("a#0", "b#0", in: events))
        #expect(!together("a#0", "c#0", in: events))
    }
}
