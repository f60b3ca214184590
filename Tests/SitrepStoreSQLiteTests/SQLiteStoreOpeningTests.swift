import Foundation
import GRDB
import SitrepCore
import SitrepStore
@testable import SitrepStoreSQLite
import Testing

struct SQLiteStoreOpeningTests {
    @Test func newFileIsCreatedInWALModeWithTheSchema() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("new.sqlite")
        let store = try SQLiteStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        let mode = try store.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try store.appliedMigrations() == SQLiteSchema.migrationIdentifiers)
    }

    @Test func migrationsRunOnceAndReopenCleanly() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("reopen.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            _ = try store.save([SampleDocuments.convoy])
            try store.close()
        }
        for _ in 0..<3 {
            let store = try SQLiteStore(path: path)
            let rows = try store.writer.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
            #expect(rows == SQLiteSchema.migrationIdentifiers)
            #expect(try store.documentCount() == 1)
            try store.close()
        }
    }

    @Test func emptyFileBecomesAStore() throws {
        let folder = try TemporaryFolder()
        try folder.write(Data(), to: "empty.sqlite")
        let store = try SQLiteStore(path: folder.file("empty.sqlite"))
        _ = try store.save([SampleDocuments.protest])
        #expect(try store.documentCount() == 1)
    }

    @Test(arguments: [
        Data("Ceasefire notes, not a database.\n".utf8),
        Data([0x00, 0x01, 0x02, 0xFF]),
        Data("SQLite format 2\u{0}and then some bytes that are not a page".utf8),
        Data(repeating: 0x41, count: 8_192),
    ])
    func fileThatIsNotADatabaseIsRefusedUntouched(content: Data) throws {
        let folder = try TemporaryFolder()
        try folder.write(content, to: "notes.sqlite")
        let error = #expect(throws: SitrepError.self) { try SQLiteStore(path: folder.file("notes.sqlite")) }
        #expect(error?.code == "store.notADatabase")
        #expect(try folder.bytes("notes.sqlite") == content)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.sqlite"])
    }

    @Test func damagedDatabaseAfterAValidHeaderIsRefusedUntouched() throws {
        let folder = try TemporaryFolder()
        var content = Data(SQLiteStore.sqliteHeader)
        content.append(Data(repeating: 0xEE, count: 4_080))
        try folder.write(content, to: "damaged.sqlite")
        let error = #expect(throws: SitrepError.self) { try SQLiteStore(path: folder.file("damaged.sqlite")) }
        #expect(["store.notADatabase", "store.corrupt"].contains(error?.code ?? ""))
        #expect(try folder.bytes("damaged.sqlite") == content)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["damaged.sqlite"])
    }

    /// The bytes of the database file and of its write-ahead log (the shared-memory index is not data).
    static func databaseBytes(_ folder: TemporaryFolder, _ name: String) throws -> [String: Data] {
        var bytes: [String: Data] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !file.hasSuffix("-shm") {
            bytes[file] = try folder.bytes(file)
        }
        return bytes
    }

    @Test(arguments: [true, false])
    func databaseFromANewerSitrepIsRefusedUntouched(closedCleanly: Bool) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("future.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            _ = try store.save([SampleDocuments.ceasefire])
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9.somethingNew')")
            }
            // Released without close(), the newest writes may still sit in the -wal file.
            if closedCleanly { try store.close() }
        }
        let before = try Self.databaseBytes(folder, "future.sqlite")
        let error = #expect(throws: SitrepError.self) { try SQLiteStore(path: path) }
        #expect(error?.code == "store.tooNew")
        #expect(error?.message.contains("newer version") == true)
        let after = try Self.databaseBytes(folder, "future.sqlite")
        for (file, bytes) in before { #expect(after[file] == bytes, "\(file) changed") }
        // A read-only look may leave an empty log beside a file that had none: no data in it.
        for (file, bytes) in after where before[file] == nil { #expect(file.hasSuffix("-wal") && bytes.isEmpty) }
    }

    @Test func anotherProgramsDatabaseIsRefusedUntouched() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread')") }
            try queue.close()
        }
        let before = try folder.bytes("other.sqlite")
        let error = #expect(throws: SitrepError.self) { try SQLiteStore(path: path) }
        #expect(error?.code == "store.foreignDatabase")
        #expect(try folder.bytes("other.sqlite") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["other.sqlite"])
    }

    @Test func missingFolderIsAClearError() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("no/such/folder/x.sqlite")
        let error = #expect(throws: SitrepError.self) { try SQLiteStore(path: path) }
        #expect(error?.code == "store.cannotOpen")
        #expect(error?.message.contains("does not exist") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.file("no")))
    }

    @Test func folderInsteadOfFileIsAClearError() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: SitrepError.self) { try SQLiteStore(path: folder.path) }
        #expect(error?.code == "store.cannotOpen")
        #expect(error?.message.contains("folder") == true)
    }

    @Test func twoStoresOnOneFileSeeEachOthersWrites() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("shared.sqlite")
        let writerStore = try SQLiteStore(path: path)
        let readerStore = try SQLiteStore(path: path)
        _ = try writerStore.save([SampleDocuments.convoy])
        #expect(try readerStore.document(id: SampleDocuments.convoy.id) == SampleDocuments.convoy)
        #expect(try readerStore.save([SampleDocuments.convoy]).alreadyPresent == [SampleDocuments.convoy.id])
    }
}
