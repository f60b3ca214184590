import Foundation
import Testing
import SitrepCore
@testable import SitrepKnowledge

/// Places named as modifiers of a noun (`PlaceMatcher.findToponyms`): adjectival demonyms and names before a
/// hyphen and a listed word; `find` itself never reports them.
@Suite struct PlaceModifierTests {
    static let matcher = PlaceMatcher(gazetteer: try! Gazetteer.loadDefault())

    func covered(_ text: String, _ m: PlaceMention) -> String {
        String(decoding: Array(text.utf8)[Int(m.range.start)..<Int(m.range.end)], as: UTF8.self)
    }

    /// (sentence, the modifier's words, the country code of its place)
    @Test(arguments: [
        ("Brazilian farmers sold more soy this winter.", "Brazilian", "BR"),
        ("The talks drew Kenyan diplomats to the table.", "Kenyan", "KE"),
        ("Officials praised the South Korean delegation on Tuesday.", "South Korean", "KR"),
        ("A Polish court heard the appeal.", "Polish", "PL"),
        ("The Egyptian-made rifles were seized.", "Egyptian", "EG"),
        ("A Toronto-based charity delivered blankets.", "Toronto", "CA"),
        ("Militias that are Iran-backed guarded the road.", "Iran", "IR"),
        ("The Sydney-born violinist played twice.", "Sydney", "AU"),
        ("A New York-based fund bought the tower.", "New York", "US"),
    ])
    func modifiersAreToponyms(_ text: String, _ words: String, _ country: String) {
        let found = Self.matcher.findToponyms(in: text)
        let hit = found.first { covered(text, $0) == words }
        #expect(hit?.place.country == country, "\(text) → \(found.map { "\(covered(text, $0))=\($0.place.name)/\($0.place.country ?? "-")" })")
        // The places of events leave modifiers out.
        #expect(!Self.matcher.find(in: text, tokens: nil).contains { covered(text, $0) == words })
    }

    /// Near misses: a people, a language, a demonym ending its phrase, a capitalised word before an unlisted or
    /// capitalised hyphen part, a common word before "-based".
    @Test(arguments: [
        "The Dutch were quick to answer the call.",
        "She wrote the letter in Swedish to her aunt.",
        "Several Norwegians said the fjord froze.",
        "The menu was printed in Portuguese, then in Greek.",
        "Swedish speakers filled the hall.",
        "A Pro-reform candidate won the seat.",
        "Evidence-based policies were promised.",
        "A Cloud-based service went down.",
        "The Mid-season break began.",
    ])
    func nonModifiersAreNotToponyms(_ text: String) {
        let found = Self.matcher.findToponyms(in: text)
        #expect(found.isEmpty, "\(text) → \(found.map { "\(covered(text, $0))=\($0.place.name)" })")
    }

    @Test func placesFoundStayAndModifiersJoinThem() {
        let text = "Turkish officials flew from Ankara to a Berlin-based summit."
        let names = Self.matcher.findToponyms(in: text).map { covered(text, $0) }
        #expect(names == ["Turkish", "Ankara", "Berlin"], "\(names)")
    }

    @Test(arguments: [
        ("nonheads.tsv", "two words\n"),
        ("suffixes.tsv", "# ok\nbased\tled\n"),
    ])
    func badRowsNameFileAndLine(_ name: String, _ body: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("modifier-words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.tsv").path
        try "said\n".write(toFile: good, atomically: true, encoding: .utf8)
        let bad = dir.appendingPathComponent(name).path
        try body.write(toFile: bad, atomically: true, encoding: .utf8)
        do {
            _ = try name.hasPrefix("nonheads") ? PlaceModifierWords.load(nonHeads: bad, suffixes: good)
                                                : PlaceModifierWords.load(nonHeads: good, suffixes: bad)
            Issue.record("no error for \(name)")
        } catch let e as SitrepError {
            #expect(e.input?.hasPrefix(name + ":") == true, "\(e)")
        }
    }
}
