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
