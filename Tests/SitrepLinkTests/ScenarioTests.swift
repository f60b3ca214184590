import Testing
import Foundation
import SitrepCore
@testable import SitrepLink

/// The cases the project's seed articles hold, rebuilt as the mentions extraction should give (invented
/// evidence, real places): what linking must make of them.
@Suite struct SeedShapedScenarioTests {
    static let albukamal = PlaceRef(name: "Albukamal", id: "geonames:173001", lat: 34.45, lon: 40.92, admin1: "Deir ez-Zor", country: "SY", precision: .city)
    static let easternIdlib = PlaceRef(name: "Idlib", id: "geonames:169389", lat: 35.93, lon: 36.63, admin1: "Idlib", country: "SY", precision: .admin1, qualifier: "eastern countryside")
    static let badiya = PlaceRef(name: "Badiya", id: "sitrep:badiya", lat: 34.0, lon: 38.5, admin1: nil, country: "SY", precision: .region)
    static let easternSweida = PlaceRef(name: "Sweida", id: "geonames:163345r", lat: 32.65, lon: 36.9, admin1: "As-Suwayda", country: "SY", precision: .region, qualifier: "eastern")
    static let deraa = PlaceRef(name: "Deraa", id: "geonames:170903", lat: 32.75, lon: 36.2, admin1: "Daraa", country: "SY", precision: .admin1)

    var mentions: [EventMention] {
        let isis = Actors.isisPatient
        return [
            // Report 1 (published 29 September): some 400 moved from Albukamal to eastern Idlib on Saturday, per SOHR,
            // possibly in exchange for hostages' release.
            mention("r1#0", outlet: "Rudaw", published: "2018-09-29", .transfer, actors: [Actors.regime, isis],
                    count: Quantity(min: 400, max: 400, approximate: true, of: "fighters"), origin: Self.albukamal,
                    destination: Self.easternIdlib, date: "2018-09-22", certainty: .reported,
                    attributedTo: "the Syrian Observatory for Human Rights", relations: [MentionRelation(relation: .exchange, target: "r1#1")]),
            mention("r1#1", outlet: "Rudaw", published: "2018-09-29", .release, certainty: .possible),
            // Report 2 (published 1 October): on the night of 23 September, 400 bused from Deir ez-Zor to Idlib, per SOHR.
            mention("r2#0", outlet: "Al Bawaba", published: "2018-10-01", .transfer, mode: .bus, actors: [Actors.regime, isis],
                    count: .exactly(400, of: "fighters"), origin: Places.deirEzZor, destination: Places.idlib, date: "2018-09-23",
                    certainty: .reported, attributedTo: "Syrian Observatory for Human Rights"),
            // Report 3 (published 1 August): safe passage out of Deraa on Tuesday; thirty women and children abducted last Wednesday.
            mention("r3#0", outlet: "The National", published: "2018-08-01", .transfer, mode: .safePassage, actors: [isis],
                    origin: Self.deraa, destination: Self.badiya, date: "2018-07-31", certainty: .reported, attributedTo: "local sources"),
            mention("r3#1", outlet: "The National", published: "2018-08-01", .abduction, actors: [Actors.isisAgent],
                    count: .exactly(30, of: "hostages"), location: Places.sweida, date: "2018-07-25"),
            // Report 4 (published 3 August): commanders relocated from Yarmouk Basin to eastern Sweida, which a commander
            // denies; thirty-six hostages from the recent attacks.
            mention("r4#0", outlet: "7Dnews", published: "2018-08-03", .transfer, mode: .relocation, actors: [isis],
                    origin: Places.yarmoukBasin, destination: Self.easternSweida, certainty: .reported, attributedTo: "opposition activists"),
            mention("r4#1", outlet: "7Dnews", published: "2018-08-03", .transfer, mode: .relocation, actors: [isis],
                    origin: Places.yarmoukBasin, destination: Self.easternSweida, certainty: .denied, attributedTo: "a rebel commander"),
            mention("r4#2", outlet: "7Dnews", published: "2018-08-03", .abduction, actors: [Actors.isisAgent],
                    count: .exactly(36, of: "hostages"), location: Places.sweida),
            // Report 5 (published 13 February): hundreds surrender in eastern Idlib on Tuesday.
            mention("r5#0", outlet: "Syria Direct", published: "2018-02-13", .surrender, actors: [Actors.isisAgent],
                    count: Quantity(min: 200, max: 999, approximate: true, of: "fighters"), location: Self.easternIdlib, date: "2018-02-13"),
        ]
    }

    @Test func theSeptemberTransferIsOneEventWithTwoOutletsAndOneOrigin() {
        let events = link(mentions)
        let e = event(of: "r1#0", in: events)!
        #expect(Set(e.mentionIDs) == ["r1#0", "r2#0"])
        #expect(e.record.corroboration == Corroboration(documents: 2, outlets: 2, independentOrigins: 1))
    }

    @Test func theJulyMoveIsOneEventCarryingTheDenial() {
        let events = link(mentions)
        let e = event(of: "r3#0", in: events)!
        #expect(Set(e.mentionIDs) == ["r3#0", "r4#0", "r4#1"])
        #expect(e.record.contradictions.contains { $0.field == .occurrence })
        #expect(e.record.certainty == .reported)
    }

    @Test func theHostageFiguresAreACountContradictionOnTheAbduction() {
        let events = link(mentions)
        let e = event(of: "r3#1", in: events)!
        #expect(Set(e.mentionIDs) == ["r3#1", "r4#2"])
        #expect(e.record.contradictions.first { $0.field == .count }?.values == ["30", "36"])
    }

    @Test func theFebruarySurrenderStaysApartAndTheTransferIsLinkedToTheRelease() {
        let events = link(mentions)
        let surrender = event(of: "r5#0", in: events)!
        #expect(surrender.mentionIDs == ["r5#0"])
        let transfer = event(of: "r1#0", in: events)!, release = event(of: "r1#1", in: events)!
        #expect(transfer.record.related.contains(Relation(relation: .exchange, event: release.record.id)))
        #expect(release.record.related.contains(Relation(relation: .exchange, event: transfer.record.id)))
    }
}

/// The gold set in `Fixtures/gold/evacuations`, with the mentions extraction should find in it.
@Suite struct GoldSetTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/gold/evacuations")
    static let kafrNabl = PlaceRef(name: "Kafr Nabl", id: "geonames:171986", lat: 35.61, lon: 36.56, admin1: "Idlib", country: "SY", precision: .city)
    static let khanSheikhoun = PlaceRef(name: "Khan Sheikhoun", id: "geonames:169075", lat: 35.44, lon: 36.65, admin1: "Idlib", country: "SY", precision: .city)
    static let douma = PlaceRef(name: "Douma", id: "geonames:169304", lat: 33.57, lon: 36.40, admin1: "Rif Dimashq", country: "SY", precision: .city)

    @Test func hand_extractedMentionsScorePerfectlyWithoutForbiddenMerges() throws {
        let gold = try ClusterGold.load(path: Self.folder.appendingPathComponent("gold.json").path)
        var texts: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path) where name.hasSuffix(".txt") {
            texts[name] = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        }
        let rebels = ActorRole(role: .patient, id: "rebels", name: "rebels")
        let ms = [
            mention("a1-levant-wire.txt#0", outlet: "Levant Wire", published: "2019-10-14", .transfer, mode: .bus, actors: [rebels],
                    count: Quantity(min: 250, max: 250, approximate: true, of: "fighters"), origin: Self.kafrNabl, date: "2019-10-13",
                    certainty: .reported, attributedTo: "the Syrian Observatory for Human Rights"),
            mention("a2-gulf-daily.txt#0", outlet: "Gulf Daily", published: "2019-10-15", .transfer, mode: .evacuation, actors: [rebels],
                    count: Quantity(min: 250, max: 250, approximate: true, of: "fighters"), origin: Self.kafrNabl, date: "2019-10-13",
                    certainty: .reported, attributedTo: "the UK-based Syrian Observatory for Human Rights"),
            mention("a3-reprint.txt#0", outlet: nil, published: "2019-10-13", .transfer, mode: .bus, actors: [rebels],
                    count: Quantity(min: 200, max: 999, approximate: true, of: "fighters"), origin: Self.kafrNabl, date: "2019-10-13",
                    attributedTo: nil),
            mention("a6-denial.txt#0", outlet: "Northern Voice", published: "2019-10-16", .transfer, mode: .evacuation, actors: [rebels],
                    origin: Self.kafrNabl, date: "2019-10-13", certainty: .denied, attributedTo: "a commander of the rebel coalition"),
            mention("a4-surrender.txt#0", outlet: "Idlib Monitor", published: "2019-02-13", .surrender, actors: [rebels],
                    count: Quantity(min: 24, max: 99, approximate: true, of: "fighters"), location: Self.khanSheikhoun, date: "2019-02-12"),
            mention("a5-douma.txt#0", outlet: "Damascus Courier", published: "2019-09-03", .transfer, actors: [rebels],
                    count: Quantity(min: 250, max: 250, approximate: true, of: "fighters"), origin: Self.douma, date: "2019-09-02",
                    certainty: .reported, attributedTo: "state media"),
        ]
        let events = link(ms, texts: texts)
        let system = events.map { ClusterScorer.SystemEvent(id: $0.record.id, type: $0.record.type, documents: Set($0.record.mentions.map(\.document))) }
        let result = ClusterScorer.score(gold: gold, events: system)
        #expect(result.f1 == 1)
        #expect(result.forbiddenMerges == 0)
        let kafr = event(of: "a1-levant-wire.txt#0", in: events)!
        // SOHR (twice) and the AFP reprint; the denial does not corroborate.
        #expect(kafr.record.corroboration == Corroboration(documents: 4, outlets: 4, independentOrigins: 2))
        #expect(kafr.record.contradictions.map(\.field) == [.occurrence])
    }
}
