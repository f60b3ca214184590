import Testing
import Foundation
import SitrepCore
@testable import SitrepLink

/// Who an abduction, capture or release is about: nouns for the same held people compare, close figures are
/// evidence for one event (and still a contradiction), different people never merge. Invented dispatches.
@Suite struct HeldPeopleTests {
    /// Two reports of one kidnapping near Sweida: one dated, one only "before publication"; no actor in common.
    func pair(_ a: Quantity, _ b: Quantity, _ typeB: EventType = .abduction) -> [LinkedEvent] {
        let x = mention("a#0", published: "2019-05-08", .abduction, count: a, location: Places.sweida, date: "2019-05-06")
        let y = mention("b#0", published: "2019-05-10", typeB, count: b, location: Places.sweida,
                        date: "2019-04-10", through: "2019-05-10", precision: .beforePublication)
        return link([x, y])
    }

    @Test(arguments: [("villagers", "hostage"), ("women and children", "hostage"), ("female hostages", "hostage"), ("fighters", "fighter")])
    func onAnAbductionPeopleNounsCountTheHostages(noun: String, expected: String) {
        #expect(sharedRules.countClass(noun, type: .abduction) == expected)
    }

    @Test func onAnAttackCiviliansStayCivilians() {
        #expect(sharedRules.countClass("villagers", type: .attack) == "civilian")
    }

    @Test func closeFiguresForOneGroupMergeAndAreAContradiction() {
        let events = pair(.exactly(30, of: "women and children"), .exactly(36, of: "hostages"))
        #expect(together("a#0", "b#0", in: events))
        let e = event(of: "a#0", in: events)!
        #expect(e.record.contradictions.first { $0.field == .count }?.values == ["30", "36"])
    }

    @Test func farApartFiguresAreNoEvidence() {
        // 30 against 60: within the threefold limit but not close; place and a weak date alone are too little.
        #expect(!together("a#0", "b#0", in: pair(.exactly(30, of: "villagers"), .exactly(60, of: "hostages"))))
    }

    @Test func hostagesAndCapturedFightersAreNeverOneEvent() {
        #expect(!together("a#0", "b#0", in: pair(.exactly(30, of: "hostages"), .exactly(30, of: "fighters"), .capture)))
    }

    @Test func aHeldPeopleRowWithAnUnknownTypeIsReportedWithItsLine() throws {
        let path = NSTemporaryDirectory() + "held-people-\(UInt32.random(in: 0...UInt32.max)).tsv"
        try "# test\nabduction\thostage|civilian\nkidnap\thostage\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { _ = try LinkRules.loadHeldPeople(path: path); Issue.record("no error") } catch let e as SitrepError {
            #expect(e.input?.hasSuffix(":3") == true)
        }
    }
}

/// One document's capture and abduction stay two; a report fitting two clusters brings them together.
@Suite struct RestatementTypeAndClusterMergeTests {
    @Test func aCaptureAndAnAbductionInOneDocumentAreTwoEvents() {
        let capture = mention("d#0", published: "2019-05-10", .capture, actors: [Actors.isisPatient], location: Places.sweida,
                              date: "2019-04-10", through: "2019-05-10", precision: .beforePublication)
        let abduction = mention("d#1", published: "2019-05-10", .abduction, count: .exactly(20, of: "women"), location: Places.sweida,
                                date: "2019-04-10", through: "2019-05-10", precision: .beforePublication)
        #expect(!together("d#0", "d#1", in: link([capture, abduction])))
    }

    @Test func aCapturedArmedGroupIsItsFightersNotHostages() {
        let a = mention("a#0", published: "2019-05-08", .capture, actors: [Actors.isisPatient], location: Places.sweida, date: "2019-05-06")
        let b = mention("b#0", published: "2019-05-08", .abduction, actors: [Actors.isisAgent], count: .exactly(20, of: "hostages"),
                        location: Places.sweida, date: "2019-05-06")
        var rules = sharedRules
        rules.actors["isis"] = LinkRules.ActorInfo(kind: "armed_group")
        #expect(!together("a#0", "b#0", in: Linker(rules: rules).link([a, b])))
        // Without the actor dictionary the same pair merges: the kind is what keeps them apart.
        #expect(together("a#0", "b#0", in: link([a, b])))
    }

    @Test func aReportThatFitsTwoClustersJoinsThem() {
        // x and z (one document) restate one abduction; y, another outlet's, matches z closely but x only weakly.
        let x = mention("d#0", published: "2019-05-10", .abduction, location: Places.sweida,
                        date: "2019-04-10", through: "2019-05-10", precision: .beforePublication)
        let y = mention("e#0", published: "2019-05-12", .abduction, count: .exactly(36, of: "hostages"), location: Places.sweida,
                        date: "2019-04-12", through: "2019-05-12", precision: .beforePublication)
        let z = mention("d#1", published: "2019-05-10", .abduction, count: .exactly(30, of: "villagers"), location: Places.sweida, date: "2019-05-06")
        let events = link([x, y, z])
        #expect(together("d#0", "e#0", in: events) && together("d#1", "e#0", in: events))
        #expect(event(of: "e#0", in: events)?.record.contradictions.contains { $0.field == .count } == true)
    }
}
