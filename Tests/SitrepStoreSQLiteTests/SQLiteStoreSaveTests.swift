import SitrepCore
import SitrepStore
import SitrepStoreSQLite
import Testing

struct SQLiteStoreSaveTests {
    @Test func savingTheSameDocumentTwiceKeepsOneRow() throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteStore(path: folder.file("idem.sqlite"))
        let first = try store.save([SampleDocuments.full])
        let second = try store.save([SampleDocuments.full])
        #expect(first == SaveResult(added: [SampleDocuments.full.id], alreadyPresent: []))
        #expect(second == SaveResult(added: [], alreadyPresent: [SampleDocuments.full.id]))
        #expect(try store.documentCount() == 1)
        // The removed parts are not doubled either.
        #expect(try store.document(id: SampleDocuments.full.id)?.removed.count == 3)
    }

    @Test func aPresentDocumentIsLeftAsItWas() throws {
        let store = try SQLiteStore.inMemory()
        var first = SampleDocuments.convoy
        first.path = "first/convoy.txt"
        var again = SampleDocuments.convoy
        again.path = "second/copy-of-convoy.txt"
        again.outlet = "Another Outlet"
        _ = try store.save([first])
        let result = try store.save([again])
        #expect(result.alreadyPresent == [first.id])
        let stored = try #require(try store.document(id: first.id))
        #expect(stored.path == "first/convoy.txt")
        #expect(stored.outlet == nil)
    }

    @Test func mixedBatchCountsNewAndPresentInOrder() throws {
        let store = try SQLiteStore.inMemory()
        _ = try store.save([SampleDocuments.convoy, SampleDocuments.protest])
        let result = try store.save([
            SampleDocuments.ceasefire, SampleDocuments.convoy, SampleDocuments.arabic, SampleDocuments.protest,
            SampleDocuments.ceasefire,
        ])
        #expect(result.added == [SampleDocuments.ceasefire.id, SampleDocuments.arabic.id])
        #expect(result.alreadyPresent == [SampleDocuments.convoy.id, SampleDocuments.protest.id, SampleDocuments.ceasefire.id])
        #expect(try store.documentCount() == 4)
    }

    @Test func emptyBatchDoesNothing() throws {
        let store = try SQLiteStore.inMemory()
        #expect(try store.save([]) == SaveResult())
        #expect(try store.documentCount() == 0)
    }

    @Test func failureMidBatchLeavesTheStoreAsBefore() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("rollback.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try store.save([SampleDocuments.convoy])

        // A window that ends before it starts: the third document of the batch is refused.
        let broken = SampleDocuments.plain(
            "Gunfire was heard overnight near the eastern checkpoint, residents said.",
            published: PublicationDate(start: SampleDocuments.day("2019-05-10"), end: SampleDocuments.day("2019-05-02"),
                                       method: .inferred, reason: "test"))
        let error = #expect(throws: SitrepError.self) {
            try store.save([SampleDocuments.protest, SampleDocuments.full, broken, SampleDocuments.arabic])
        }
        #expect(error?.code == "store.invalidDocument")
        #expect(error?.input == broken.id)

        #expect(try store.documentCount() == 1)
        #expect(try store.document(id: SampleDocuments.protest.id) == nil)
        #expect(try store.document(id: SampleDocuments.full.id) == nil)
        #expect(try store.document(id: SampleDocuments.convoy.id) == SampleDocuments.convoy)
        #expect(try store.searchDocuments("Séverac", limit: 5).isEmpty)

        // The store is still usable, and the same batch without the broken one goes in whole.
        let retry = try store.save([SampleDocuments.protest, SampleDocuments.full, SampleDocuments.arabic])
        #expect(retry.added.count == 3)
        try store.close()
        #expect(try SQLiteStore(path: path).documentCount() == 4)
    }

    @Test func documentWithoutIdIsRefusedAndTheBatchRolledBack() throws {
        let store = try SQLiteStore.inMemory()
        _ = try store.save([SampleDocuments.convoy])
        var noID = SampleDocuments.ceasefire
        noID.id = ""
        let error = #expect(throws: SitrepError.self) { try store.save([SampleDocuments.protest, noID]) }
        #expect(error?.code == "store.invalidDocument")
        #expect(try store.documents(limit: nil, offset: 0).map(\.id) == [SampleDocuments.convoy.id])
    }
}
