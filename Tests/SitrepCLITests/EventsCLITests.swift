import Foundation
import Testing

/// `sitrep events`, `sitrep show ev_…`, `sitrep eval clusters` and `sitrep bench link`, run as a user would.
@Suite(.serialized) struct EventsCLITests {
    let gold = SitrepBinary.packageRoot.appendingPathComponent("Tests/SitrepLinkTests/Fixtures/gold")

    @Test func eventsOnAnEmptyStoreSaysHowToFillIt() throws {
        let r = try SitrepBinary.run(["events", "--store", "memory:"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("No events stored"))
        let jsonl = try SitrepBinary.run(["events", "--store", "memory:", "--format", "jsonl", "--type", "transfer", "--since", "2018-01-01"])
        #expect(jsonl.status == 0)
        #expect(jsonl.stdout.isEmpty)
    }

    @Test func badEventFiltersAreUsageErrors() throws {
        #expect(try SitrepBinary.run(["events", "--store", "memory:", "--type", "picnic"]).status == 2)
        #expect(try SitrepBinary.run(["events", "--store", "memory:", "--since", "last week"]).status == 2)
    }

    @Test func showingAnUnknownEventNamesIt() throws {
        let r = try SitrepBinary.run(["show", "ev_0123456789ab", "--store", "memory:"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("ev_0123456789ab"))
    }

    @Test func evalClustersEndsWithOneJSONObject() throws {
        let r = try SitrepBinary.run(["eval", "clusters", gold.appendingPathComponent("hostages").path,
                                      gold.appendingPathComponent("hostages/gold.json").path])
        #expect(r.status == 0, "\(r.stderr)")
        let last = try #require(r.stdout.split(separator: "\n").last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        for key in ["precision", "recall", "f1", "forbidden_merges", "documents"] { #expect(object[key] != nil, "missing \(key)") }
        #expect(object["documents"] as? Int == 5)
        #expect((object["missing_documents"] as? [Any])?.isEmpty == true)
    }

    @Test func benchLinkPrintsOneRowPerSize() throws {
        let r = try SitrepBinary.run(["bench", "link", "--sizes", "300,600"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).first?.isNumber == true }
        #expect(rows.count == 2)
    }
}

/// A report whose outlet is unknown is named by its title (else its file name) in every text view, never by a bare id.
@Suite(.serialized) struct UnknownOutletLabelTests {
    @Test func eventsAndShowNameTheDocumentWhenTheOutletIsUnknown() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let dispatch = """
        Militia frees twelve abducted farmers near Hama

        Gunmen released twelve farmers they had abducted near Hama on Monday, a local council member said.
        """
        try dispatch.write(to: dir.appendingPathComponent("farmers-freed.txt"), atomically: true, encoding: .utf8)
        let store = dir.appendingPathComponent("events.sqlite").path
        let analyzed = try SitrepBinary.run(["analyze", dir.path, "--store", store])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")

        let listed = try SitrepBinary.run(["events", "--store", store])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("Militia frees twelve abducted farmers"), "\(listed.stdout)")
        #expect(!listed.stdout.contains("sources: doc_"), "\(listed.stdout)")

        let id = try #require(listed.stdout.split(separator: "\n").first { $0.hasPrefix("ev_") }?.split(separator: " ").first)
        let shown = try SitrepBinary.run(["show", String(id), "--store", store])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("outlet unknown: “Militia frees twelve abducted farmers"), "\(shown.stdout)")
    }
}
