import SitrepCore
import SitrepStore
import SitrepStoreSQLite
import Testing

struct SQLiteStoreRoundTripTests {
    @Test func everyFieldSurvivesAReopenFromDisk() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("round-trip.sqlite")
        let original = SampleDocuments.full
        do {
            let store = try SQLiteStore(path: path)
            let result = try store.save([original])
            #expect(result.added == [original.id])
            try store.close()
        }
        let reopened = try SQLiteStore(path: path)
        let loaded = try #require(try reopened.document(id: original.id))
        #expect(loaded == original)
        // Spot checks that equality is not vacuous.
        #expect(loaded.removed.count == 3)
        #expect(loaded.removed[1].kind == .caption)
        #expect(loaded.offsetMap.segments.count == 2)
        #expect(loaded.offsetMap.rawOffset(170) == 418)
        #expect(loaded.published?.interval.days == 5)
        #expect(loaded.published?.time == "08:15 GMT")
        #expect(loaded.text.contains("💥"))
        #expect(loaded.encoding == "windows-1252")
        #expect(loaded.rawLength == 2_048)
    }

    @Test func documentWithNothingOptionalRoundTrips() throws {
        let store = try SQLiteStore.inMemory()
        let bare = Document(text: "Two mortar rounds fell near the stadium; no one was hurt.")
        _ = try store.save([bare])
        let loaded = try #require(try store.document(id: bare.id))
        #expect(loaded == bare)
        #expect(loaded.published == nil && loaded.title == nil && loaded.path == nil && loaded.removed.isEmpty)
    }

    @Test func unknownIdIsNil() throws {
        let store = try SQLiteStore.inMemory()
        #expect(try store.document(id: "doc_0000000000000000") == nil)
    }

    @Test func documentsComeBackInStoredOrderAndPage() throws {
        let store = try SQLiteStore.inMemory()
        let batch = [SampleDocuments.protest, SampleDocuments.convoy, SampleDocuments.arabic, SampleDocuments.ceasefire]
        _ = try store.save(Array(batch.prefix(2)))
        _ = try store.save(Array(batch.suffix(2)))
        #expect(try store.documents(limit: nil, offset: 0).map(\.id) == batch.map(\.id))
        #expect(try store.documents(limit: 2, offset: 1).map(\.id) == batch[1...2].map(\.id))
        #expect(try store.documents(limit: 10, offset: 3).map(\.id) == [batch[3].id])
        #expect(try store.documents(limit: 0, offset: 0).isEmpty)
        #expect(try store.documents(limit: nil, offset: -5).count == 4)
        #expect(try store.documentCount() == 4)
    }

    @Test func memoryLocationOpensAWorkingStore() throws {
        let store = try SQLiteStore(location: StoreLocation(parsing: "memory:"))
        #expect(store.location == .memory)
        #expect(try store.documentCount() == 0)
        _ = try store.save([SampleDocuments.convoy])
        #expect(try store.document(id: SampleDocuments.convoy.id) == SampleDocuments.convoy)
        #expect(try store.appliedMigrations() == ["v1.documents", "v2.events"])
    }

    @Test func sqliteLocationOpensTheFile() throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteStore(location: StoreLocation(parsing: "sqlite:" + folder.file("a.sqlite")))
        _ = try store.save([SampleDocuments.convoy])
        #expect(try store.documentCount() == 1)
        #expect(FileManager.default.fileExists(atPath: folder.file("a.sqlite")))
    }

    @Test func postgresLocationIsNotSupportedYet() throws {
        let error = #expect(throws: SitrepError.self) {
            try SQLiteStore(location: .postgres(url: "postgres://ops:pw@db/events"))
        }
        #expect(error?.code == "store.unsupported")
        #expect(error?.message.contains("PostgreSQL") == true)
        #expect(error?.input?.contains("pw") == false)
    }
}

import Foundation

struct SQLiteStoreIDPrefixTests {
    @Test func idPrefixFindsMatchingDocumentsInIdOrder() throws {
        let store = try SQLiteStore.inMemory()
        let documents = [SampleDocuments.convoy, SampleDocuments.ceasefire, SampleDocuments.protest, SampleDocuments.full]
        _ = try store.save(documents)
        for document in documents {
            let prefix = String(document.id.prefix(9))
            let expected = documents.map(\.id).filter { $0.hasPrefix(prefix) }.sorted()
            #expect(try store.documentIDs(startingWith: prefix, limit: 10) == expected)
            #expect(try store.documentIDs(startingWith: document.id, limit: 10) == [document.id])
        }
        #expect(try store.documentIDs(startingWith: "doc_", limit: 10) == documents.map(\.id).sorted())
        #expect(try store.documentIDs(startingWith: "doc_", limit: 2).count == 2)
    }

    @Test(arguments: ["", "*", "doc_*", "?", "[a-f]", "nothing"])
    func oddPrefixesFindNothingWithoutError(prefix: String) throws {
        let store = try SQLiteStore.inMemory()
        _ = try store.save([SampleDocuments.convoy])
        #expect(try store.documentIDs(startingWith: prefix, limit: 10).isEmpty)
    }
}
