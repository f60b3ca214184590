import Testing
import Foundation
import SitrepCore
@testable import SitrepLink

/// One document restating its main event, resting it on a source, and actors related through the dictionary.
@Suite struct WithinDocumentTests {
    /// The leader of the invented government, and two unrelated armed groups.
    static let rules: LinkRules = {
        var r = sharedRules
        r.actors = ["syria-gov": .init(kind: "state"), "leader": .init(kind: "person", parent: "syria-gov"),
                    "group-a": .init(kind: "armed_group"), "group-b": .init(kind: "armed_group")]
        return r
    }()

    func linked(_ ms: [EventMention], rules: LinkRules = WithinDocumentTests.rules, texts: [String: String] = [:]) -> [LinkedEvent] {
        Linker(rules: rules).link(ms, documentText: { texts[$0] })
    }

    /// "On 23 September fighters were bused out…" and later "the transfer comes at a time when…".
    @Test func anUndatedRestatementJoinsItsDocumentsDatedEvent() {
        let dated = mention("d#1", outlet: "Paper", published: "2018-10-01", .transfer, mode: .bus, date: "2018-09-23")
        let restated = mention("d#5", outlet: "Paper", published: "2018-10-01", .transfer, date: "2018-09-01", through: "2018-10-01", precision: .beforePublication)
        let bare = mention("d#9", outlet: "Paper", published: "2018-10-01", .transfer)
        let events = linked([dated, restated, bare])
        #expect(events.count == 1)
        #expect(together("d#1", "d#5", in: events) && together("d#1", "d#9", in: events))
    }

    @Test func theSameBareMentionsInTwoDocumentsStayApart() {
        let a = mention("a#1", outlet: "One", published: "2018-10-01", .transfer, date: "2018-09-23")
        let b = mention("b#5", outlet: "Two", published: "2018-10-01", .transfer)
        #expect(linked([a, b]).count == 2)
    }

    @Test func aBackgroundEventOfTheDocumentStaysApart() {
        let main = mention("d#1", published: "2018-07-31", .transfer, origin: Places.daraa, date: "2018-07-31")
        var earlier = mention("d#7", published: "2018-07-31", .transfer)
        earlier.background = true
        #expect(!together("d#1", "d#7", in: linked([main, earlier])))
    }

    @Test func aConflictingRestatementStaysApart() {
        // Same document, same type, but counts threefold apart and different governorates: two moves.
        let a = mention("d#1", published: "2018-08-03", .transfer, count: .exactly(400, of: "fighters"), destination: Places.sweida, date: "2018-07-30")
        let b = mention("d#4", published: "2018-08-03", .transfer, count: .exactly(40, of: "fighters"), destination: Places.homs,
                        date: "2018-07-04", through: "2018-08-03", precision: .beforePublication)
        #expect(!together("d#1", "d#4", in: linked([a, b])))
    }

    @Test func aLeaderAndHisGovernmentInOneRoleAreNoConflict() {
        let byLeader = mention("a#1", published: "2018-10-01", .transfer, actors: [ActorRole(role: .agent, id: "leader", name: "The Leader"), Actors.isisPatient],
                               count: .exactly(400, of: "fighters"), destination: Places.idlib, date: "2018-09-23")
        // Only "before publication" and the place agree besides the actors: a disagreement would veto.
        let byState = mention("b#1", published: "2018-10-02", .transfer, actors: [Actors.regime],
                              destination: Places.idlibCity, date: "2018-09-02", through: "2018-10-02", precision: .beforePublication)
        let events = linked([byLeader, byState])
        #expect(together("a#1", "b#1", in: events))
        #expect(!(event(of: "a#1", in: events)?.record.contradictions.contains { $0.field == .actor } ?? true))
        // Without the dictionary's parents the two agents disagree, with too little else to overrule it.
        #expect(!together("a#1", "b#1", in: linked([byLeader, byState], rules: sharedRules)))
    }

    @Test func twoDifferentArmedGroupsInOneRoleStillConflict() {
        let a = mention("a#1", published: "2018-10-01", .capture, actors: [ActorRole(role: .agent, id: "group-a", name: "A")], destination: Places.idlib, date: "2018-09-23")
        let b = mention("b#1", published: "2018-10-02", .capture, actors: [ActorRole(role: .agent, id: "group-b", name: "B")], destination: Places.idlibCity,
                        date: "2018-09-02", through: "2018-10-02", precision: .beforePublication)
        // The same pair with one group on both sides merges: the veto comes from the two groups.
        let same = mention("c#1", published: "2018-10-02", .capture, actors: [ActorRole(role: .agent, id: "group-a", name: "A")], destination: Places.idlibCity,
                           date: "2018-09-02", through: "2018-10-02", precision: .beforePublication)
        #expect(together("a#1", "c#1", in: linked([a, same])))
        #expect(!together("a#1", "b#1", in: linked([a, b])))
    }

    @Test func aCityNamedLikeItsGovernorateContainsItsTowns() {
        // "from Deir ez-Zor" may be the governorate: a town of it is no location contradiction.
        let town = PlaceRef(name: "Town on the river", id: "geonames:999100", lat: 34.45, lon: 40.92, admin1: "Deir ez-Zor", country: "SY", precision: .city)
        let a = mention("a#1", published: "2018-10-01", .transfer, count: .exactly(400, of: "fighters"), origin: Places.deirEzZor, destination: Places.idlib, date: "2018-09-23")
        let b = mention("b#1", published: "2018-10-02", .transfer, count: .exactly(400, of: "fighters"), origin: town, destination: Places.idlib, date: "2018-09-23")
        let events = linked([a, b])
        #expect(together("a#1", "b#1", in: events))
        #expect(!(event(of: "a#1", in: events)?.record.contradictions.contains { $0.field == .location } ?? true))
    }
}

@Suite struct DocumentOriginTests {
    let registry = sharedRules.origins

    func origins(_ ms: [EventMention], texts: [String: String] = [:]) -> [String] {
        OriginResolver(registry: registry, documentText: { texts[$0] }).origins(of: ms)
    }

    @Test func anOutletsRestatementRestsOnTheMonitorItCites() {
        let cited = mention("a#1", outlet: "Paper", .transfer, attributedTo: "the Syrian Observatory for Human Rights")
        let own = mention("a#4", outlet: "Paper", .transfer)
        let analyst = mention("a#9", outlet: "Paper", .transfer, attributedTo: "Jane Analyst")
        #expect(Set(origins([cited, own, analyst])) == ["source:sohr"])
    }

    @Test func aShortNameIsTheFullNameTheDocumentGives() {
        let full = mention("a#1", outlet: "Paper", .transfer, attributedTo: "Activist Omar Invented")
        let short = mention("a#3", outlet: "Paper", .transfer, attributedTo: "Invented")
        let own = mention("a#5", outlet: "Paper", .transfer)
        #expect(Set(origins([full, short, own])) == ["source:activist omar invented"])
    }

    @Test func anotherDocumentsOwnReportStaysItsOutlet() {
        let cited = mention("a#1", outlet: "Paper", .transfer, attributedTo: "the Syrian Observatory for Human Rights")
        let other = mention("b#1", outlet: "Other Paper", .transfer)
        #expect(Set(origins([cited, other])) == ["source:sohr", "outlet:other paper"])
    }

    @Test func theWarMonitorIsTheMonitorTheDocumentNames() {
        let text = "Fighters were moved, the Syrian Observatory for Human Rights said. The war monitor added details."
        let generic = mention("a#2", outlet: "Paper", .transfer, attributedTo: "the war monitor")
        #expect(origins([generic], texts: ["a": text]) == ["source:sohr"])
    }
}

@Suite struct CountNounAndRegionTests {
    func pair(_ a: Quantity, _ b: Quantity) -> [LinkedEvent] {
        // Besides the count only "before publication" (weak) and the origin agree: the count decides.
        let x = mention("a#1", published: "2018-08-01", .transfer, count: a, origin: Places.daraa, date: "2018-07-02", through: "2018-08-01", precision: .beforePublication)
        let y = mention("b#1", published: "2018-08-03", .transfer, count: b, origin: Places.yarmoukBasin, date: "2018-07-04", through: "2018-08-03", precision: .beforePublication)
        return link([x, y])
    }

    @Test func fourHundredMembersAndFourHundredFightersAreOneFigure() {
        #expect(together("a#1", "b#1", in: pair(.exactly(400, of: "fighters"), .exactly(400, of: "members"))))
        #expect(!together("a#1", "b#1", in: pair(.exactly(400, of: "civilians"), .exactly(400, of: "members"))))
    }

    @Test(arguments: [("ISIS fighters", "fighter"), ("members", "fighter"), ("female hostages", "hostage"), ("captives", "hostage"), ("tanks", "tank")])
    func countNounsFallIntoClasses(noun: String, expected: String) {
        #expect(sharedRules.countClass(noun) == expected)
    }

    @Test func aNounListedTwiceIsReportedWithItsLine() throws {
        let path = NSTemporaryDirectory() + "count-nouns-\(UInt32.random(in: 0...UInt32.max)).tsv"
        try "# test\nfighter\tfighter|member\nhostage\tcaptive|member\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: SitrepError.self) { try LinkRules.loadCountNouns(path: path) }
        do { _ = try LinkRules.loadCountNouns(path: path) } catch let e as SitrepError { #expect(e.input?.hasSuffix(":3") == true) }
    }

    @Test func aWideRegionNearAnotherGovernorateIsWeakNotADisagreement() {
        var interner = Interner()
        let desert = PlaceRef(name: "Eastern desert", id: "sitrep:desert", lat: 33.8, lon: 38.2, admin1: "Homs", country: "SY", precision: .region)
        let town = PlaceRef(name: "Desert town", id: "geonames:999200", lat: 32.8, lon: 36.9, admin1: "As-Suwayda", country: "SY", precision: .city)
        let p = PlaceFeature(desert, &interner), q = PlaceFeature(town, &interner)
        let outcome = PairScorer(rules: sharedRules).place(p, q, radius: 80, slot: "destination")
        guard case .weak = outcome else { Issue.record("expected weak, got \(outcome)"); return }
        // Two towns of different governorates as far apart stay a veto.
        let other = PlaceRef(name: "Far town", id: "geonames:999201", lat: 33.8, lon: 38.2, admin1: "Homs", country: "SY", precision: .city)
        guard case .veto = PairScorer(rules: sharedRules).place(PlaceFeature(other, &interner), q, radius: 80, slot: "destination") else {
            Issue.record("expected a veto"); return
        }
    }

    @Test func aGovernorateCentroidNearATownOfAnotherGovernorateIsNoAgreement() {
        // Daraa's towns lie within 80 km of Sweida governorate's centroid; being in another governorate decides.
        var interner = Interner()
        let governorate = PlaceRef(name: "As-Suwayda", id: "geonames:163342", lat: 32.7, lon: 36.6, admin1: "As-Suwayda", country: "SY", precision: .admin1)
        let town = PlaceRef(name: "Border town", id: "geonames:999300", lat: 32.74, lon: 36.07, admin1: "Daraa", country: "SY", precision: .city)
        let outcome = PairScorer(rules: sharedRules).place(PlaceFeature(governorate, &interner), PlaceFeature(town, &interner), radius: 80, slot: "destination")
        if case .agree = outcome { Issue.record("a town of another governorate agreed with the governorate: \(outcome)") }
        // Two towns of neighbouring governorates still agree by distance.
        let neighbour = PlaceRef(name: "Neighbour", id: "geonames:999301", lat: 32.70, lon: 36.30, admin1: "As-Suwayda", country: "SY", precision: .city)
        guard case .agree = PairScorer(rules: sharedRules).place(PlaceFeature(neighbour, &interner), PlaceFeature(town, &interner), radius: 80, slot: "destination") else {
            Issue.record("two towns 22 km apart should agree"); return
        }
    }
}
