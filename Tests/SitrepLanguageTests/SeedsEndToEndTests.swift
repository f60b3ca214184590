import Foundation
import SitrepCore
import Testing
@testable import SitrepLanguage

/// End-to-end checks on the shared seed articles (read from `../shared/seeds/` beside the package, never copied).
/// Assertions are about general behaviour; the suite is skipped when the folder is absent.
struct SeedsEndToEndTests {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

    static func seeds() -> [(name: String, text: String)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
        }
    }

    static let annotated: [(name: String, text: String, annotations: LanguageAnnotations)] =
        seeds().map { ($0.name, $0.text, Shared.analyzer.annotate($0.text, published: nil)) }

    static var all: [(text: String, q: QuantityMention)] {
        annotated.flatMap { doc in doc.annotations.quantities.map { (doc.text.slice($0.range) ?? "", $0) } }
    }

    @Test(.enabled(if: !seeds().isEmpty)) func tokensSentencesAndQuantitiesSliceCleanly() {
        for doc in Self.annotated {
            var next = 0
            for s in doc.annotations.sentences {
                #expect(s.tokens.lowerBound == next, "\(doc.name): sentences skip tokens")
                next = s.tokens.upperBound
                #expect(doc.text.slice(s.range) != nil)
            }
            #expect(next == doc.annotations.tokens.count)
            for t in doc.annotations.tokens { #expect(doc.text.slice(t.range) != nil, "\(doc.name): token \(t.range)") }
            for q in doc.annotations.quantities { #expect(doc.text.slice(q.range) != nil) }
        }
    }

    @Test(.enabled(if: !seeds().isEmpty)) func someNFightersIsAnApproximateCountOfFighters() {
        let hedged = Self.all.filter { ($0.text.hasPrefix("Some ") || $0.text.hasPrefix("some ")) && $0.q.of != nil }
        #expect(!hedged.isEmpty)
        for h in hedged { #expect(h.q.approximate && h.q.min == h.q.max, "\(h.text)") }
        #expect(Self.all.contains { $0.q.kind == .count && $0.q.of == "fighters" && $0.q.min == 400 && $0.q.approximate })
    }

    @Test(.enabled(if: !seeds().isEmpty)) func areasAreAreasAndNeverCounts() {
        let areas = Self.all.filter { $0.q.kind == .area }
        #expect(areas.contains { $0.q.min == 400 })
        for q in Self.all where q.text.contains("sq.") || q.text.contains("km") || q.text.contains("kilomet") {
            #expect(q.q.kind != .count, "\(q.text) is a count")
        }
    }

    @Test(.enabled(if: !seeds().isEmpty)) func overAHundredIsARangeAboveAHundred() {
        let over = Self.all.filter { $0.text.lowercased().hasPrefix("over a hundred") }
        #expect(!over.isEmpty)
        for o in over { #expect(o.q.min == 101 && (o.q.max ?? 0) > 101 && o.q.kind == .count) }
    }

    @Test(.enabled(if: !seeds().isEmpty)) func yearsDatesAndIdentifiersAreNeverCounts() {
        for q in Self.all where q.q.kind == .count {
            #expect(!(q.q.min >= 1990 && q.q.min <= 2030 && q.q.min == q.q.max && q.q.of == nil), "\(q.text) looks like a year")
        }
        #expect(Self.all.contains { $0.q.kind == .year })
        #expect(Self.all.contains { $0.q.kind == .calendar })
    }

    @Test(.enabled(if: !seeds().isEmpty)) func everyLineIsAtLeastOneSentenceAndDatelinesStandAlone() {
        for doc in Self.annotated {
            let lines = doc.text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(Set(doc.annotations.sentences.map(\.paragraph)).count == lines.count, "\(doc.name)")
            for s in doc.annotations.sentences where s.isHeadline {
                let text = doc.text.slice(s.range) ?? ""
                if text.hasSuffix(":") || text.hasSuffix("–") { #expect(text.count < 60) }
            }
        }
    }
}
