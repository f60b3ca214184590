import SitrepCore
import SitrepStore
import SitrepStoreSQLite
import Testing

struct SQLiteStoreConcurrencyTests {
    @Test func concurrentSavesAndReadsFromManyTasksAllLand() async throws {
        let folder = try TemporaryFolder()
        let store: any DocumentStore = try SQLiteStore(path: folder.file("shared.sqlite"))
        let places = ["Idlib", "Daraa", "Manbij", "Raqqa", "Deir ez-Zor", "Tadmur"]
        let batches: [[Document]] = places.map { place in
            (1...25).map { n in
                SampleDocuments.plain("Report \(n) from \(place): \(n * 3) families crossed the bridge before noon.")
            }
        }
        // Every task also saves the first batch: the overlap must be counted present, never doubled.
        let results = try await withThrowingTaskGroup(of: SaveResult.self) { group in
            for batch in batches {
                group.addTask {
                    _ = try store.documents(limit: 5, offset: 0)
                    return try store.save(batch + batches[0])
                }
            }
            return try await group.reduce(into: [SaveResult]()) { $0.append($1) }
        }
        let given = batches.count * 2 * 25
        let added = results.reduce(0) { $0 + $1.added.count }
        let present = results.reduce(0) { $0 + $1.alreadyPresent.count }
        #expect(added == 150)
        #expect(present == given - added)
        #expect(try store.documentCount() == 150)
        #expect(try store.searchDocuments("Manbij", limit: 100).count == 25)
    }
}
