import Foundation
import GRDB
import SitrepCore

extension SQLiteStore {
    /// The 16 bytes every SQLite 3 database file starts with.
    static let sqliteHeader: [UInt8] = Array("SQLite format 3\u{0}".utf8)

    /// Checks the file before SQLite touches it, inspects an existing database read-only,
    /// then opens it in WAL mode and runs the migrations it lacks.
    static func openFile(path: String) throws -> DatabasePool {
        guard !path.isEmpty else {
            throw SitrepError(code: "store.cannotOpen", input: path, message: "the store path is empty")
        }
        let input = path
        let existing = try checkFile(path: path)
        if existing {
            try inspect(path: path, input: input)
        }
        return try guarding(input: input) {
            let pool = try DatabasePool(path: path, configuration: configuration())
            let migrator = SQLiteSchema.migrator
            let state = try pool.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if state.0 { throw tooNew(input: input) }
            if !state.1 { try migrator.migrate(pool) }
            return pool
        }
    }

    /// `true` when a non-empty file is already there. Refuses folders, a missing parent folder,
    /// unreadable files and files that do not start with the SQLite header.
    static func checkFile(path: String) throws -> Bool {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
            let parent = (path as NSString).deletingLastPathComponent
            let folder = parent.isEmpty ? "." : parent
            var parentIsFolder: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &parentIsFolder), parentIsFolder.boolValue else {
                throw SitrepError(code: "store.cannotOpen", input: path,
                                  message: "the folder \(folder) does not exist; create it or name another store with --store sqlite:PATH")
            }
            return false
        }
        if isFolder.boolValue {
            throw SitrepError(code: "store.cannotOpen", input: path,
                              message: "this is a folder, not a database file; name a file such as \(path)/sitrep.sqlite")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SitrepError(code: "store.cannotOpen", input: path, message: "cannot read this file; check its permissions")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        if head.isEmpty { return false } // An empty file is an empty database.
        guard [UInt8](head) == sqliteHeader else {
            throw SitrepError(code: "store.notADatabase", input: path,
                              message: "this file is not a SQLite database and was left untouched; name another file with --store sqlite:PATH")
        }
        return true
    }

    /// Reads an existing database without changing it: it must be empty, or Sitrep's and
    /// migrated by this version or an older one.
    static func inspect(path: String, input: String) throws {
        let migrator = SQLiteSchema.migrator
        let known = Set(SQLiteSchema.migrationIdentifiers)
        func readSchema(readonly: Bool) throws -> (tables: [String], applied: Set<String>) {
            var config = Configuration()
            config.readonly = readonly
            config.busyMode = .timeout(10)
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                let tables = try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'
                    """)
                return (tables, try migrator.appliedIdentifiers(db))
            }
        }
        let (tables, applied) = try guarding(input: input) {
            do {
                // Read-only, so that not even a checkpoint touches the file.
                return try readSchema(readonly: true)
            } catch let error as DatabaseError
                where error.resultCode.primaryResultCode != .SQLITE_NOTADB && error.resultCode.primaryResultCode != .SQLITE_CORRUPT {
                // A WAL file whose index must be rebuilt needs a writable connection; it only reads.
                return try readSchema(readonly: false)
            }
        }
        // A first migration that crashed leaves at most an empty grdb_migrations table.
        if applied.isEmpty && tables.allSatisfy({ $0 == "grdb_migrations" }) { return }
        guard let first = SQLiteSchema.migrationIdentifiers.first, applied.contains(first) else {
            throw SitrepError(code: "store.foreignDatabase", input: path,
                              message: "this SQLite database was not made by Sitrep and was left untouched; name another file with --store sqlite:PATH")
        }
        if !applied.isSubset(of: known) { throw tooNew(input: path) }
    }

    static func tooNew(input: String) -> SitrepError {
        SitrepError(code: "store.tooNew", input: input,
                    message: "this store was written by a newer version of Sitrep and was left untouched; upgrade Sitrep to use it")
    }
}
