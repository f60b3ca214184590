import Testing
import Foundation
import SitrepCore
import SitrepStore
import GRDB
@testable import SitrepStoreSQLite

/// Invented mentions and events over two invented documents.
enum SampleEvents {
    static let first = Document(path: "a.txt", outlet: "Levant Wire", text: "Buses carried 400 fighters from Deir ez-Zor to Idlib overnight, a monitor said.")
    static let second = Document(path: "b.txt", outlet: "Gulf Daily", text: "Hundreds of fighters were bused to Idlib; six hostages were freed in return.")

    static let idlib = PlaceRef(name: "Idlib", id: "geonames:169389", lat: 35.93, lon: 36.63, admin1: "Idlib", country: "SY", precision: .admin1)

    static func mention(_ doc: Document, _ n: Int, _ type: EventType, relations: [MentionRelation] = []) -> EventMention {
        EventMention(id: "\(doc.id)#\(n)", document: doc.id, outlet: doc.outlet, published: CalendarDay(iso: "2018-09-25"),
                     type: type, actors: [ActorRole(role: .agent, id: "syria-gov", name: "Syrian government")],
                     count: .exactly(400, of: "fighters"), destination: idlib,
                     date: EventDate(start: CalendarDay(iso: "2018-09-23")!, end: CalendarDay(iso: "2018-09-23")!, text: "overnight"),
                     datePrecision: .day, certainty: .reported, attributedTo: "a monitor", trigger: TextRange(0, 5),
                     evidence: Evidence(text: doc.text, range: doc.fullRange), relations: relations)
    }

    static func event(_ id: String, _ type: EventType, _ ms: [EventMention], summary: String) -> StoredEvent {
        let record = EventRecord(id: id, type: type, summary: summary,
                                 date: ms[0].date, actors: ms[0].actors, count: ms[0].count, destination: ms[0].destination,
                                 certainty: .reported,
                                 mentions: ms.map { MentionRecord(document: $0.document, outlet: $0.outlet, published: $0.published,
                                                                  attributedTo: $0.attributedTo, certainty: $0.certainty, evidence: $0.evidence) },
                                 corroboration: Corroboration(documents: ms.count, outlets: ms.count, independentOrigins: 1))
        return StoredEvent(record: record, mentionIDs: ms.map(\.id), detail: Data(#"{"rules":{"count_rule":"spans"}}"#.utf8))
    }
}

@Suite struct SQLiteEventStoreTests {
    func roundTrip(_ store: SQLiteStore) throws {
        _ = try store.save([SampleEvents.first, SampleEvents.second])
        let a0 = SampleEvents.mention(SampleEvents.first, 0, .transfer)
        let b0 = SampleEvents.mention(SampleEvents.second, 0, .transfer, relations: [MentionRelation(relation: .exchange, target: "\(SampleEvents.second.id)#1")])
        let b1 = SampleEvents.mention(SampleEvents.second, 1, .release)
        try store.replaceMentions(ofDocument: SampleEvents.first.id, with: [StoredMention(mention: a0, blockKeys: ["5|admin1:idlib|2018-09"])])
        try store.replaceMentions(ofDocument: SampleEvents.second.id, with: [
            StoredMention(mention: b0, blockKeys: ["5|admin1:idlib|2018-09", "5|admin1:idlib|2018-10"]),
            StoredMention(mention: b1, blockKeys: ["9|admin1:idlib|2018-09"]),
        ])
        #expect(try store.mentionCount() == 3)
        #expect(try store.mentions(withBlockKeys: ["5|admin1:idlib|2018-09"]) == [a0, b0].sorted { $0.id < $1.id })
        #expect(try store.mentions(ids: [b1.id, "missing", a0.id]) == [b1, a0])

        let transfer = SampleEvents.event("ev_000000000001", .transfer, [a0, b0], summary: "Transfer of 400 fighters to Idlib")
        let release = SampleEvents.event("ev_000000000002", .release, [b1], summary: "Release of hostages")
        try store.replaceEvents(holding: [a0.id, b0.id, b1.id], with: [transfer, release])
        #expect(try store.eventCount() == 2)

        let read = try #require(try store.event(id: "ev_000000000001"))
        #expect(read.mentionIDs == [a0.id, b0.id])
        #expect(read.detail == transfer.detail)
        var expected = transfer.record
        expected.related = [Relation(relation: .exchange, event: "ev_000000000002")]
        #expect(read.record == expected)
        // The exchange goes both ways.
        #expect(try store.event(id: "ev_000000000002")?.record.related == [Relation(relation: .exchange, event: "ev_000000000001")])
        #expect(try store.eventIDs(startingWith: "ev_0000", limit: 10) == ["ev_000000000001", "ev_000000000002"])

        // Filters.
        #expect(try store.events(matching: EventQuery(type: .release)).map(\.record.id) == ["ev_000000000002"])
        #expect(try store.events(matching: EventQuery(actor: "SYRIA-GOV")).count == 2)
        #expect(try store.events(matching: EventQuery(actor: "Syrian government", place: "idlib")).count == 2)
        #expect(try store.events(matching: EventQuery(place: "aleppo")).isEmpty)
        #expect(try store.events(matching: EventQuery(since: CalendarDay(iso: "2018-09-24"))).isEmpty)
        #expect(try store.events(matching: EventQuery(since: CalendarDay(iso: "2018-09-23"), until: CalendarDay(iso: "2018-09-23"))).count == 2)
        #expect(try store.events(matching: EventQuery(text: "release")).map(\.record.id) == ["ev_000000000002"])
        #expect(try store.events(matching: EventQuery(text: "monitor")).map(\.record.id) == ["ev_000000000001"])
        #expect(try store.events(matching: EventQuery(text: "\"(((")).isEmpty)
        #expect(try store.events(matching: EventQuery(limit: 1, offset: 1)).count == 1)

        // Re-analysis of the second document: its mentions are replaced, the events holding them rebuilt.
        let old = try store.replaceMentions(ofDocument: SampleEvents.second.id, with: [])
        #expect(Set(old) == [b0, b1])
        try store.replaceEvents(holding: Set(old.map(\.id)), with: [SampleEvents.event("ev_000000000001", .transfer, [a0], summary: "Transfer")])
        #expect(try store.eventCount() == 1)
        #expect(try store.event(id: "ev_000000000001")?.record.related == [])
        #expect(try store.mentionCount() == 1)
    }

    @Test func mentionsAndEventsRoundTripInAFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("events.sqlite")
        try roundTrip(try SQLiteStore(path: path))
        // Reopened: everything is still there.
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.eventCount() == 1)
        #expect(try reopened.mentionCount() == 1)
        #expect(try reopened.appliedMigrations() == ["v1.documents", "v2.events"])
    }

    @Test func mentionsAndEventsRoundTripInMemory() throws {
        try roundTrip(try SQLiteStore(location: .memory))
    }

    @Test func aMentionOfAnotherDocumentIsRefused() throws {
        let store = try SQLiteStore.inMemory()
        _ = try store.save([SampleEvents.first, SampleEvents.second])
        let m = SampleEvents.mention(SampleEvents.second, 0, .transfer)
        #expect(throws: SitrepError.self) {
            try store.replaceMentions(ofDocument: SampleEvents.first.id, with: [StoredMention(mention: m, blockKeys: [])])
        }
        #expect(try store.mentionCount() == 0)
    }

    @Test func deletingADocumentRemovesItsMentions() throws {
        let store = try SQLiteStore.inMemory()
        _ = try store.save([SampleEvents.first])
        try store.replaceMentions(ofDocument: SampleEvents.first.id, with: [StoredMention(mention: SampleEvents.mention(SampleEvents.first, 0, .transfer), blockKeys: ["k"])])
        try store.writer.write { try $0.execute(sql: "DELETE FROM document") }
        #expect(try store.mentionCount() == 0)
        #expect(try store.mentions(withBlockKeys: ["k"]).isEmpty)
    }

    @Test func aVersionOneDatabaseIsUpgradedKeepingItsDocuments() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        do {
            // Written as the first release did: only the documents migration.
            let queue = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1.documents") { db in try db.execute(sql: SQLiteSchema.v1Documents) }
            try migrator.migrate(queue)
            try queue.close()
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.appliedMigrations() == ["v1.documents", "v2.events"])
        _ = try store.save([SampleEvents.first])
        #expect(try store.eventCount() == 0)
    }
}
