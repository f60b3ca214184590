import Foundation
import Testing
import SitrepCore
@testable import SitrepExtract

/// Whole invented dispatches through the whole pipeline, compared with `Fixtures/<case>.expected.jsonl`.
/// Regenerate after a deliberate change with `SITREP_UPDATE_GOLDEN=1 swift test --filter GoldenDispatchTests`
/// and read the diff.
struct GoldenDispatchTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let cases = ["hama-evacuation", "border-clashes", "city-protest", "aden-swap", "sahel-roundup", "deir-evacuation", "truce-analysis"]

    /// The fields a reader checks, one line per mention, keys sorted.
    struct Line: Encodable {
        var type: String
        var mode: String?
        var trigger: String
        var agent: [String]
        var patient: [String]
        var recipient: [String]
        var party: [String]
        var count: String?
        var fatalities: String?
        var location: String?
        var origin: String?
        var destination: String?
        var date: String?
        var certainty: String
        var source: String?
        var background: Bool
        var relations: [String]
        var evidence: String
    }

    static func lines(_ text: String, name: String) throws -> String {
        let doc = FullPipeline.document(text, path: "\(name).txt")
        let found = FullPipeline.mentions(doc)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func q(_ x: Quantity?) -> String? {
            x.map { "\($0.min)-\($0.max.map(String.init) ?? "")\($0.approximate ? "~" : "")\($0.of.map { " " + $0 } ?? "")" }
        }
        return try found.map { m in
            let roles = { (r: ActorRole.Role) in m.actors.filter { $0.role == r }.map { $0.id ?? $0.name } }
            let line = Line(
                type: m.type.rawValue, mode: m.mode?.rawValue, trigger: doc.text(at: m.trigger) ?? "",
                agent: roles(.agent), patient: roles(.patient), recipient: roles(.recipient), party: roles(.party),
                count: q(m.count), fatalities: q(m.fatalities),
                location: m.location?.name, origin: m.origin?.name, destination: m.destination?.name,
                date: m.date.map { "\($0.start.iso)..\($0.end.iso) \(m.datePrecision?.rawValue ?? "")" },
                certainty: m.certainty.rawValue, source: m.attributedTo, background: m.background,
                relations: m.relations.map { "\($0.relation.rawValue) #\($0.target.split(separator: "#").last ?? "")" },
                evidence: m.evidence.text)
            return String(decoding: try encoder.encode(line), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    @Test(arguments: cases)
    func dispatchMatchesGolden(_ name: String) throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let actual = try Self.lines(text, name: name)
        let expectedURL = Self.fixtures.appendingPathComponent("\(name).expected.jsonl")
        if ProcessInfo.processInfo.environment["SITREP_UPDATE_GOLDEN"] != nil {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        let a = actual.split(separator: "\n"), e = expected.split(separator: "\n")
        for (i, pair) in zip(a, e).enumerated() where pair.0 != pair.1 {
            Issue.record("\(name) line \(i + 1):\n  expected \(pair.1)\n  actual   \(pair.0)")
        }
        #expect(a.count == e.count, "\(name): \(a.count) mentions, expected \(e.count)")
    }

    /// What the golden files must show, asserted apart so a careless regeneration cannot hide a regression.
    @Test func evacuationDispatchKeyFacts() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("hama-evacuation.txt"), encoding: .utf8)
        let found = FullPipeline.mentions(FullPipeline.document(text, path: "hama-evacuation.txt"))
        let move = found.first { $0.type == .transfer && $0.mode == .bus }
        #expect(move?.count?.min == 350)
        #expect(move?.certainty == .reported)
        #expect(move?.attributedTo?.contains("Observatory") == true)
        #expect(move?.date?.start.iso == "2019-03-12")
        let release = found.first { $0.type == .release }
        #expect(release?.count?.min == 12)
        #expect(release?.relations.contains { $0.relation == .exchange } == true)
        #expect(found.contains { $0.certainty == .denied && $0.type == .transfer })
        #expect(found.contains { $0.type == .takeover })
    }

    @Test func furnitureLinesYieldNoEvents() throws {
        // "Read more" links and comment policies are removed by cleaning; nothing is extracted from them.
        for name in ["border-clashes", "city-protest"] {
            let text = try String(contentsOf: Self.fixtures.appendingPathComponent("\(name).txt"), encoding: .utf8)
            let found = FullPipeline.mentions(FullPipeline.document(text, path: "\(name).txt"))
            #expect(!found.isEmpty)
            #expect(!found.contains { $0.evidence.text.contains("200 militants in desert sweep") })
            #expect(!found.contains { $0.evidence.text.contains("Comments that attack") })
        }
    }

    /// The analysis piece: background events keep their own years and months and are marked background; the photo
    /// caption, the "Read more:" line and the comment policy yield nothing.
    @Test func analysisDispatchKeepsBackgroundDatesAndDropsFurniture() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("truce-analysis.txt"), encoding: .utf8)
        let found = FullPipeline.mentions(FullPipeline.document(text, path: "truce-analysis.txt"))
        #expect(!found.isEmpty)
        for furniture in ["swap 200 prisoners", "Comments on this article", "walks along a trench"] {
            #expect(!found.contains { $0.evidence.text.contains(furniture) }, "\(furniture)")
        }
        let old = found.filter { $0.date.map { $0.end.iso < "2020-01-01" } ?? false }
        #expect(old.count >= 3 && old.allSatisfy(\.background))
        #expect(found.contains { $0.type == .clash && $0.date?.start.iso == "2017-01-01" })
        #expect(found.contains { $0.type == .attack && $0.mode == .shelling && $0.date?.start.iso == "2020-03-01" })
    }

    /// The Sahel roundup: weekday dates, "on the night of", ranges and the dead of an ambush.
    @Test func roundupDispatchKeyFacts() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("sahel-roundup.txt"), encoding: .utf8)
        let found = FullPipeline.mentions(FullPipeline.document(text, path: "sahel-roundup.txt"))
        let raid = try #require(found.first { $0.fatalities?.min == 15 })
        #expect(raid.fatalities?.max == 20 && raid.date?.start.iso == "2022-03-10")
        #expect(found.contains { $0.type == .abduction && $0.count?.min == 20 && $0.date?.start.iso == "2022-03-08" })
        #expect(found.contains { $0.mode == .remoteExplosive && $0.fatalities?.min == 3 })
        #expect(!found.contains { $0.attributedTo == "On Friday" || $0.attributedTo == "41 people" })
    }

    @Test func clashDispatchKeyFacts() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("border-clashes.txt"), encoding: .utf8)
        let found = FullPipeline.mentions(FullPipeline.document(text, path: "border-clashes.txt"))
        let first = found.first { $0.type == .attack || $0.type == .clash }
        #expect(first?.fatalities?.min == 23)
        #expect(found.contains { $0.mode == .shelling && $0.relations.contains { $0.relation == .responseTo } })
        #expect(found.contains { $0.type == .capture && $0.count?.min == 15 })
        #expect(found.allSatisfy { $0.date != nil })
    }
}
