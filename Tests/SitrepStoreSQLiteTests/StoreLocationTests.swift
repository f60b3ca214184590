import SitrepCore
import SitrepStore
import Testing

struct StoreLocationTests {
    @Test(arguments: [
        ("sqlite:./sitrep.sqlite", StoreLocation.sqlite(path: "./sitrep.sqlite")),
        ("sqlite:/var/lib/sitrep/events.db", .sqlite(path: "/var/lib/sitrep/events.db")),
        ("sqlite:relative/name with space.sqlite", .sqlite(path: "relative/name with space.sqlite")),
        ("sqlite:///srv/sitrep.sqlite", .sqlite(path: "/srv/sitrep.sqlite")),
        ("SQLite:data.sqlite", .sqlite(path: "data.sqlite")),
        ("archive/2019.sqlite", .sqlite(path: "archive/2019.sqlite")),
        ("/tmp/x.SQLITE3", .sqlite(path: "/tmp/x.SQLITE3")),
        ("memory:", .memory),
        ("MEMORY:", .memory),
        ("postgres://sitrep@db.internal:5432/events", .postgres(url: "postgres://sitrep@db.internal:5432/events")),
        ("postgresql://db/events", .postgres(url: "postgresql://db/events")),
    ])
    func acceptedFormsParse(text: String, expected: StoreLocation) throws {
        #expect(try StoreLocation(parsing: text) == expected)
    }

    @Test(arguments: [
        "", "sqlite:", "sqlite://", "memory", "postgres://", "mysql://db/events",
        "notes.txt", "sitrep", "ftp://host/file.sqlite", "redis:cache",
    ])
    func badFormsAreUsageErrorsListingTheForms(text: String) {
        do {
            let location = try StoreLocation(parsing: text)
            Issue.record("\(text) parsed as \(location)")
        } catch {
            #expect(error.code == "usage.badStore")
            #expect(error.isUsageError)
            #expect(error.message.contains("sqlite:PATH"))
            #expect(error.message.contains("memory:"))
            #expect(error.message.contains("postgres://"))
        }
    }

    @Test func defaultIsTheSQLiteFileInTheCurrentFolder() throws {
        #expect(StoreLocation.default == .sqlite(path: "./sitrep.sqlite"))
        #expect(try StoreLocation(parsing: StoreLocation.default.description) == .default)
    }

    @Test func descriptionHidesThePostgresPassword() throws {
        let location = try StoreLocation(parsing: "postgres://ops:s3cr3t@db.internal/events")
        #expect(location.description == "postgres://ops:***@db.internal/events")
        #expect(!location.description.contains("s3cr3t"))
        #expect(StoreLocation.memory.description == "memory:")
    }
}
