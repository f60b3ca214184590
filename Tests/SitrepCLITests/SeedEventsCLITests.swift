import Foundation
import Testing

/// Issue 5's criteria on the seed articles, at the level an analyst sees: the canonical events `sitrep analyze`
/// prints. Skipped when `../shared/seeds` is not beside the package.
@Suite(.serialized) struct SeedEventsCLITests {
    typealias Event = [String: Any]

    static func events() throws -> [Event]? {
        let seeds = SitrepBinary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard FileManager.default.fileExists(atPath: seeds.path) else { return nil }
        let r = try SitrepBinary.run(["analyze", seeds.path, "--store", "memory:", "--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        return try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? Event)
        }
    }

    static func start(_ e: Event) -> String { (e["date"] as? [String: Any])?["start"] as? String ?? "" }
    static func corroboration(_ e: Event, _ key: String) -> Int { (e["corroboration"] as? [String: Any])?[key] as? Int ?? 0 }
    static func contradictions(_ e: Event, _ field: String) -> [[String: Any]] {
        (e["contradictions"] as? [[String: Any]] ?? []).filter { $0["field"] as? String == field }
    }
    static func published(_ e: Event) -> [String] { (e["mentions"] as? [[String: Any]] ?? []).compactMap { $0["published"] as? String } }

    @Test func seedReportsLinkIntoTheEventsAnAnalystExpects() throws {
        guard let events = try Self.events() else { return }
        let byID = Dictionary(events.map { ($0["id"] as! String, $0) }, uniquingKeysWith: { a, _ in a })

        // September: one transfer told by two outlets resting on one monitor, exchanged for a release.
        let september = try #require(events.first { $0["type"] as? String == "transfer" && Self.start($0).hasPrefix("2018-09") })
        #expect(Self.corroboration(september, "outlets") == 2)
        #expect(Self.corroboration(september, "independent_origins") == 1)
        #expect(!Self.published(september).contains { $0.hasPrefix("2018-02") }, "the February surrender is another event")
        let related = september["related"] as? [[String: Any]] ?? []
        #expect(related.contains { $0["relation"] as? String == "exchange" && (byID[$0["event"] as? String ?? ""]?["type"] as? String) == "release" })

        // July: the two outlets' transfer reports are one event that carries the commander's denial.
        let july = try #require(events.first { $0["type"] as? String == "transfer" && Self.start($0).hasPrefix("2018-07") })
        #expect(Self.corroboration(july, "outlets") == 2)
        #expect((Self.contradictions(july, "occurrence").first?["values"] as? [String] ?? []).contains("denied"))

        // The abduction: 30 against 36 hostages, one event.
        let abduction = try #require(events.first { $0["type"] as? String == "abduction" && !Self.contradictions($0, "count").isEmpty })
        #expect(Set(Self.contradictions(abduction, "count").first?["values"] as? [String] ?? []) == ["30", "36"])
        #expect(Self.corroboration(abduction, "outlets") == 2)

        // February: the surrender stands apart.
        #expect(events.contains { $0["type"] as? String == "surrender" && Self.start($0) == "2018-02-13" })
    }
}
