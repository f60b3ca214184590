import Testing
import SitrepCore
@testable import SitrepKnowledge

/// Names that look like places only by accident: a spelling variant made "longer" by an article or function word,
/// a run mixing an acronym with other words, a village abroad whose name a suburb of the story's country shares;
/// and demonyms of smaller countries and of divisions resolved when given as spans.
@Suite struct PlaceNoiseTests {
    static let matcher = PlaceFallbackTests.matcher
    let t = PlaceFallbackTests()

    @Test(arguments: [
        // (text, the words that must not be a place, or must be one, and whether they are)
        ("The FSA said its fighters held the road near the border.", "The FSA", false),
        ("More As the storm passed, fishermen returned to the harbour.", "More As", false),
        ("El Niño brought heavy rain to the coast this year.", "El Niño", false),
        ("As UNIAN reported, officials were named.", "As UNIAN", false),
        ("Officials said The GRU had been named.", "The GRU", false),
        // A contraction is no place.
        ("I'll be there before noon, she said.", "I'll", false),
        ("We’d gone home before the storm, she said.", "We’d", false),
        // Near-misses: an apostrophe inside a name; two words that carry the name, in mixed case or all in capitals, stay places.
        ("Police in O'Fallon said the road was closed.", "O'Fallon", true),
        ("Shelling hit Deir Ezzour overnight and the road was closed.", "Deir Ezzour", true),
        ("Shelling hit Albu Kamal overnight, and DEIR EZZOUR was quiet.", "DEIR EZZOUR", true),
    ])
    func variantSpellingsNeedTwoWordsOfName(_ text: String, _ words: String, _ isPlace: Bool) throws {
        let span = try t.span(words, in: text)
        let found = Self.matcher.find(in: text, tokens: nil)
        let hit = found.first { $0.range.start < span.end && $0.range.end > span.start }
        #expect((hit != nil) == isPlace, "\(words) → \(hit?.place.name ?? "-")")
    }

    @Test(arguments: [
        // (text, the name, its offset among the name's occurrences, whether that occurrence is a place)
        ("Lin-Manuel Miranda thought he had a migraine. Miranda tweeted on Thursday from New York.", "Miranda", 1, false),
        ("Lin-Manuel Miranda thought he had a migraine. Miranda tweeted on Thursday from New York.", "Miranda", 0, false),
        // Near-misses: the division's country has other places in the document; no given name before it.
        ("Protests spread from Caracas to Miranda, said the activist Carlos Miranda.", "Miranda", 0, true),
        ("Protests spread through Miranda on Thursday, officials in New York said.", "Miranda", 0, true),
        // A capitalised direction before a division is its qualifier, not a given name: the division stays.
        ("Eastern Idlib saw heavy shelling on Monday.", "Idlib", 0, true),
        ("Rebels said Southern Idlib was quiet, and Northern Aleppo too.", "Aleppo", 0, true),
    ])
    func aDivisionNamedAfterAGivenNameIsThePerson(_ text: String, _ name: String, _ occurrence: Int, _ isPlace: Bool) throws {
        var starts: [Int32] = []
        var rest = Substring(text)
        var offset = 0
        while let r = rest.utf8.firstRange(of: name.utf8) {
            let s = rest.utf8.distance(from: rest.utf8.startIndex, to: r.lowerBound)
            starts.append(Int32(offset + s))
            offset += s + name.utf8.count
            rest = Substring(rest.utf8[r.upperBound...])
        }
        let start = try #require(starts.count > occurrence ? starts[occurrence] : nil)
        let found = Self.matcher.find(in: text, tokens: nil)
        let hit = found.first { $0.range.start <= start && $0.range.end > start }
        #expect((hit != nil) == isPlace, "\(name) #\(occurrence) → \(hit?.place.name ?? "-")")
    }

    @Test(arguments: [
        // (text, the name, the expected place): a sentence opener before a name is no part of a spelling variant.
        ("In Russia, several firms make mining equipment.", "Russia", "Russia"),
        ("In China, some observers were cautious.", "China", "China"),
        // Near-miss: an Arabic article opening the name still allows a variant spelling.
        ("Protesters gathered in As Sweida on Friday, and Daraa was quiet.", "As Sweida", "As Suwayda'"),
    ])
    func aSentenceOpenerIsNoPartOfAVariantSpelling(_ text: String, _ name: String, _ expected: String) throws {
        let span = try t.span(name, in: text)
        let found = Self.matcher.find(in: text, tokens: nil)
        let hit = try #require(found.first { $0.range.start <= span.start && $0.range.end >= span.end })
        #expect(hit.place.name == expected, "\(name) → \(hit.place.name)")
    }

    @Test(arguments: [
        // (text, the village's name, its expected country or nil when it is taken for no place)
        ("Academies in Cairo, Giza and Alexandria train boys who dream of Liverpool and Manchester; a new branch "
            + "opened in Rehab last month.", "Rehab", nil),
        // Near-misses: its country named; a large city abroad.
        ("Academies in Cairo, Giza and Alexandria train boys who dream of Liverpool and Manchester; a new branch "
            + "opened in Rehab, Jordan, last month.", "Rehab", "JO"),
        ("Academies in Cairo, Giza and Alexandria train boys who dream of Liverpool and Manchester; a new branch "
            + "opened in Madrid last month.", "Madrid", "ES"),
    ] as [(String, String, String?)])
    func aVillageAbroadAloneOfItsCountryIsANamesake(_ text: String, _ name: String, _ country: String?) throws {
        let span = try t.span(name, in: text)
        let found = Self.matcher.find(in: text, tokens: nil)
        let hit = found.first { $0.range.start == span.start }
        #expect(hit?.place.country == country, "\(name) → \(hit?.place.name ?? "-")")
    }

    @Test(arguments: [
        // (text, the demonym span, the expected place's name)
        ("A Bahamian court ruled on Tuesday.", "Bahamian", "Bahamas"),
        ("The Saint Lucian minister spoke in Castries.", "Saint Lucian", "Saint Lucia"),
        ("Sierra Leonean troops arrived.", "Sierra Leonean", "Sierra Leone"),
        ("A Texan rancher sold the herd.", "Texan", "Texas"),
        ("Floridian voters went to the polls.", "Floridian", "Florida"),
    ])
    func demonymsResolveToTheirPlace(_ text: String, _ demonym: String, _ expected: String) throws {
        let r = Self.matcher.resolve(spans: [try t.span(demonym, in: text)], in: text)
        let p = try #require(r.first ?? nil).place
        #expect(p.name == expected, "\(demonym) → \(p.name)")
        // A demonym alone is not reported as a place.
        let found = Self.matcher.find(in: text, tokens: nil)
        #expect(!found.contains { $0.place.name == expected && $0.place.precision != .city }, "\(demonym) found as a place")
    }
}
