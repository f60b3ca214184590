import Foundation
import GRDB
import SitrepCore
import SitrepStore

/// The embedded store: one SQLite file (WAL journal) or an in-memory database, through GRDB.
///
/// Opening never changes a file that is not a Sitrep database: a file that is not SQLite is
/// refused (`store.notADatabase`), so is another program's database (`store.foreignDatabase`)
/// and one written by a newer Sitrep (`store.tooNew`). Every `save` is one transaction.
public final class SQLiteStore: DocumentStore {
    /// Where this store lives.
    public let location: StoreLocation
    let writer: any DatabaseWriter

    init(location: StoreLocation, writer: any DatabaseWriter) {
        self.location = location
        self.writer = writer
    }

    /// Opens (or creates) the SQLite file at `path`; its folder must exist.
    public convenience init(path: String) throws {
        let writer = try SQLiteStore.openFile(path: path)
        self.init(location: .sqlite(path: path), writer: writer)
    }

    /// A store in memory: a real SQLite database with the same schema, gone when released.
    public static func inMemory() throws -> SQLiteStore {
        let writer = try SQLiteStore.guarding(input: "memory:") {
            let queue = try DatabaseQueue(configuration: SQLiteStore.configuration())
            try SQLiteSchema.migrator.migrate(queue)
            return queue
        }
        return SQLiteStore(location: .memory, writer: writer)
    }

    /// Opens the store a `--store` location names (`sqlite:` or `memory:`).
    ///
    /// A PostgreSQL location throws `store.unsupported`: PostgreSQL arrives with a later release.
    public convenience init(location: StoreLocation) throws {
        switch location {
        case .sqlite(let path):
            try self.init(path: path)
        case .memory:
            let store = try SQLiteStore.inMemory()
            self.init(location: .memory, writer: store.writer)
        case .postgres:
            throw SitrepError(code: "store.unsupported", input: location.description,
                              message: "PostgreSQL stores arrive with a later release of Sitrep; use sqlite:PATH or memory: for now")
        }
    }

    /// Folds the write-ahead log into the database file and closes it; later calls fail.
    /// Optional (releasing the store closes it too), but after it the `.sqlite` file alone holds everything.
    public func close() throws {
        try guarding {
            try writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            try writer.close()
        }
    }

    /// The migrations this database has applied, in order.
    public func appliedMigrations() throws -> [String] {
        try guarding { try writer.read { try SQLiteSchema.migrator.appliedMigrations($0) } }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another sitrep process (an ingest while a server reads) waits rather than failing.
        config.busyMode = .timeout(10)
        config.label = "sitrep"
        config.prepareDatabase { db in
            // Safe with WAL: a power cut may lose the last transactions, never corrupt the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Measured on 20,000 × 4 KB saves: a 32 MB page cache and a 16 MB log between
            // checkpoints cut CPU per batch by about a tenth.
            try db.execute(sql: "PRAGMA cache_size = -32000")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 4000")
        }
        return config
    }

    /// Runs a database operation, turning GRDB errors into `SitrepError`s.
    func guarding<T>(input: String? = nil, _ body: () throws -> T) throws -> T {
        try SQLiteStore.guarding(input: input ?? location.description, body)
    }

    static func guarding<T>(input: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SitrepError {
            throw error
        } catch let error as DatabaseError {
            throw storeError(error, input: input)
        }
    }

    static func storeError(_ error: DatabaseError, input: String) -> SitrepError {
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_NOTADB:
            return SitrepError(code: "store.notADatabase", input: input,
                               message: "this file is not a SQLite database; name another file with --store sqlite:PATH")
        case .SQLITE_CORRUPT:
            return SitrepError(code: "store.corrupt", input: input,
                               message: "the database file is damaged (\(detail)); restore it from a copy")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return SitrepError(code: "store.cannotOpen", input: input,
                               message: "cannot open or write the database (\(detail)); check the path and permissions")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return SitrepError(code: "store.busy", input: input,
                               message: "the database is locked by another process; try again when it has finished")
        case .SQLITE_FULL:
            return SitrepError(code: "store.full", input: input, message: "the disk is full; nothing of this batch was stored")
        case .SQLITE_IOERR:
            return SitrepError(code: "store.io", input: input, message: "input/output error on the database (\(detail))")
        case .SQLITE_TOOBIG:
            return SitrepError(code: "store.invalidDocument", input: input,
                               message: "the document is too large for the store (SQLite's limit is 1 GB a value); nothing of this batch was stored")
        case .SQLITE_CONSTRAINT:
            return SitrepError(code: "store.invalidDocument", input: input,
                               message: "a document breaks a store rule (\(detail)); nothing of this batch was stored")
        default:
            return SitrepError(code: "store.failed", input: input, message: "database error: \(detail)")
        }
    }
}
