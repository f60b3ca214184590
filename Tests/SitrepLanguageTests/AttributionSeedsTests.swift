import Foundation
import SitrepCore
import Testing
@testable import SitrepLanguage

/// End to end on the real articles in ../shared/seeds (skipped when the folder is absent):
/// general behaviour only, never the seeds' text in this repository.
struct AttributionSeedsTests {
    static let seeds: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/seeds").standardizedFileURL

    static func texts() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) else { return [] }
        return names.filter { $0.hasSuffix(".txt") }.sorted()
            .compactMap { try? String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test(.enabled(if: !texts().isEmpty, "../shared/seeds is absent"))
    func accordingToAnOrganisationAttributesItsClause() throws {
        var checked = 0
        for text in Self.texts() {
            let a = Analysed(text)
            for cue in a.attributions where cue.cueKind == .accordingTo {
                guard let src = a.slice(cue.source), src.contains("Observatory for Human Rights") else { continue }
                // The scope is the text before the cue in its sentence, and the source is the whole name.
                #expect(src.hasPrefix("the Syrian Observatory"), "\(src)")
                #expect(cue.scope.end <= cue.cue.start || cue.scope.contains(cue.cue))
                #expect(a.attributions.covering(TextRange(start: cue.scope.start, end: cue.scope.start + 1)) != nil)
                #expect(a.marks.certainty(at: TextRange(start: cue.scope.start, end: cue.scope.start + 1)) >= .reported)
                checked += 1
            }
        }
        #expect(checked >= 1)
    }

    @Test(.enabled(if: !texts().isEmpty, "../shared/seeds is absent"))
    func noneOfThemHadBeenRelocatedIsDenied() throws {
        var checked = 0
        for text in Self.texts() {
            guard let r = text.range(of: "had been relocated") else { continue }
            let a = Analysed(text)
            let s = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
            let range = TextRange(s, s + "had been relocated".utf8.count)
            #expect(a.marks.certainty(at: range) == .denied, "\(a.dump)")
            // And somebody stands behind the denial.
            #expect(a.attributions.covering(range) != nil)
            checked += 1
        }
        #expect(checked >= 1)
    }

    @Test(.enabled(if: !texts().isEmpty, "../shared/seeds is absent"))
    func everyAttributionIsWellFormed() {
        for text in Self.texts() {
            let a = Analysed(text)
            #expect(!a.attributions.isEmpty)
            let n = Int32(text.utf8.count)
            for at in a.attributions {
                #expect(at.scope.end <= n && at.source.end <= n && !at.scope.isEmpty && !at.source.isEmpty)
                #expect(a.slice(at.source) != nil && a.slice(at.scope) != nil)
                // A source is a phrase, not a sentence.
                #expect(at.source.length < 120, "\(a.slice(at.source) ?? "")")
            }
            for m in a.marks { #expect(m.scope.end <= n && !m.scope.isEmpty) }
        }
    }
}
