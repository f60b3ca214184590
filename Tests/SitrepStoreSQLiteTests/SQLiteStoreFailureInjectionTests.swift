import Foundation
import GRDB
import SitrepCore
import SitrepStore
@testable import SitrepStoreSQLite
import Testing

/// Failures injected inside SQLite itself (a trigger that aborts), after earlier rows of the
/// batch, their removed parts and their full-text entries were written.
struct SQLiteStoreFailureInjectionTests {
    static func injectFailure(into store: SQLiteStore, whenTextContains marker: String) throws {
        try store.writer.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER injected_failure BEFORE INSERT ON main.document
                WHEN instr(new.text, '\(marker)') > 0
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """)
        }
    }

    @Test func sqliteErrorMidBatchLeavesEarlierDataIntact() throws {
        let store = try SQLiteStore.inMemory()
        _ = try store.save([SampleDocuments.convoy])
        try Self.injectFailure(into: store, whenTextContains: "tear gas")

        let error = #expect(throws: SitrepError.self) {
            try store.save([SampleDocuments.full, SampleDocuments.ceasefire, SampleDocuments.protest])
        }
        #expect(error?.code == "store.invalidDocument")
        #expect(error?.message.contains("injected failure") == true)

        #expect(try store.documentCount() == 1)
        #expect(try store.document(id: SampleDocuments.full.id) == nil)
        #expect(try store.searchDocuments("ceasefire", limit: 5).isEmpty)
        #expect(try store.searchDocuments("convoy", limit: 5).map(\.document.id) == [SampleDocuments.convoy.id])
        let orphanParts = try store.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM removed_part") }
        #expect(orphanParts == 0)
    }

    @Test func fileStoreRollsBackOnDiskToo() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("inject.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            _ = try store.save([SampleDocuments.arabic])
            try Self.injectFailure(into: store, whenTextContains: "Douma")
            #expect(throws: SitrepError.self) {
                try store.save([SampleDocuments.full, SampleDocuments.ceasefire])
            }
            try store.close()
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.documents(limit: nil, offset: 0).map(\.id) == [SampleDocuments.arabic.id])
    }
}
