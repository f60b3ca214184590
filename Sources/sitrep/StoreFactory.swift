import SitrepCore
import SitrepStore
import SitrepStoreSQLite

/// Opens the store a `--store` URL names.
enum StoreFactory {
    static func open(_ url: String) throws -> any DocumentStore {
        let location = try StoreLocation(parsing: url)
        return try SQLiteStore(location: location)
    }
}
