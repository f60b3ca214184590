import Foundation
import SitrepCore
import Testing
@testable import SitrepIngest

/// Reads the five real articles in ../shared/seeds (never copied into the repository) when they are there.
@Suite struct SeedsEndToEndTests {
    static let seeds: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() } // Tests/SitrepIngestTests/x.swift → package root
        return url.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
    }()
    static let present = FileManager.default.fileExists(atPath: seeds)

    static func documents() -> [Document] {
        let reader = DocumentReader()
        let (sources, _) = reader.expand([seeds])
        var docs: [Document] = []
        for s in sources { reader.read(s) { if case .document(let d) = $0 { docs.append(d) } } }
        return docs
    }

    static func today() -> CalendarDay {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDay(year: c.year!, month: c.month!, day: c.day!)!
    }

    @Test(.enabled(if: present, "../shared/seeds is not there"))
    func seedsCleanAndDateAsExpected() throws {
        let docs = Self.documents()
        #expect(docs.count == 5)
        #expect(Set(docs.map(\.id)).count == 5)

        // The seed that repeats half its body keeps each paragraph once.
        let repeated = try #require(docs.first { !$0.removed.filter { $0.kind == .duplicateParagraph }.isEmpty })
        let paragraphs = repeated.text.components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(Set(paragraphs).count == paragraphs.count)

        let all = docs.map(\.text).joined(separator: "\n")
        let removedText = docs.flatMap(\.removed).map(\.text).joined(separator: "\n")
        for furniture in ["moderates all comments", "Share this article", "You may also like", "Read more:", "3 min read",
                          "Powered by automated translation", "(AFP/FILE)", "EPA/", "Image from Youtube"] {
            #expect(!all.contains(furniture), "\(furniture) left in text")
            #expect(removedText.contains(furniture), "\(furniture) not in removed")
        }
        #expect(docs.flatMap(\.removed).contains { $0.kind == .commentSection })

        func doc(_ outlet: String) -> Document? { docs.first { $0.outlet == outlet } }
        let bawaba = try #require(doc("Al Bawaba"))
        #expect(bawaba.published?.day?.iso == "2018-10-01")
        #expect(bawaba.published?.method == .dateline)
        let sevenD = try #require(doc("7Dnews"))
        #expect(sevenD.published?.day?.iso == "2018-08-03")
        #expect(sevenD.published?.method == .byline)
        #expect(sevenD.published?.reason.contains("2019") == true)
        let direct = try #require(docs.first { $0.text.contains("told Syria Direct") })
        #expect(direct.published?.day?.iso == "2018-02-13")
        #expect(direct.published?.method == .dateline)
        #expect(direct.outlet == nil)
        #expect(doc("Rudaw") != nil)

        let undated = docs.filter { ![bawaba.id, sevenD.id, direct.id].contains($0.id) }
        #expect(undated.count == 2)
        let today = Self.today()
        for d in undated {
            if let p = d.published {
                #expect(p.method == .inferred || p.method == .caption)
                #expect(p.end < today && p.start.year == 2018)
                #expect(!p.reason.isEmpty)
            }
        }
        for d in docs {
            for s in d.offsetMap.segments {
                #expect(d.text.slice(TextRange(start: s.clean, end: s.clean + s.length)) != nil)
            }
        }
    }
}
