import Foundation
import SitrepCore
import Testing
@testable import SitrepLanguage

/// End-to-end checks on the shared seed articles (read from ../shared/seeds, never copied here).
enum SeedArticles {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let texts: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        return files.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }()
}

@Suite(.enabled(if: SeedArticles.texts.count == 5, "needs the five seed articles in ../shared/seeds"))
struct TimeSeedsEndToEndTests {

    func seed(containing phrase: String) throws -> String {
        try #require(SeedArticles.texts.first { $0.contains(phrase) })
    }

    @Test func theNightOfSeptember23InAnArticleOfOctober1() throws {
        let text = try seed(containing: "on the night of September 23")
        let found = finder.find(in: text, published: DayInterval(day: day("2018-10-01")))
        let m = try #require(found.first { text.slice($0.range) == "the night of September 23" })
        #expect(m.interval == DayInterval(day: day("2018-09-23")))
        #expect(m.precision == .day)
    }

    @Test func onTuesdayInAnArticleOfTuesday13February2018() throws {
        let text = try seed(containing: "handed themselves over to rebel forces on Tuesday")
        let found = finder.find(in: text, published: DayInterval(day: day("2018-02-13")))
        let tuesdays = found.filter { text.slice($0.range)?.hasPrefix("Tuesday") == true }
        #expect(tuesdays.count >= 5)
        for m in tuesdays { #expect(m.interval == DayInterval(day: day("2018-02-13")), "\(text.slice(m.range) ?? "")") }
        let sinceLate2017 = try #require(found.first { text.slice($0.range) == "late 2017" })
        #expect(sinceLate2017.modifier == "since")
    }

    @Test func mayInAHeadlineIsNotAMonth() throws {
        let text = try seed(containing: "May Sabotage")
        let found = finder.find(in: text, published: DayInterval(day: day("2018-10-01")))
        #expect(!found.contains { text.slice($0.range) == "May" })
    }
}
