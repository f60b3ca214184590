import Testing
import SitrepCore
@testable import SitrepKnowledge

/// Where a name the gazetteer does not know lies: a country inside the name, and a place named right after it
/// ("… in Geneva"), before the document's focus.
@Suite struct PlaceFallbackTests {
    static let matcher = PlaceMatcher(gazetteer: try! Gazetteer.loadDefault())

    /// A mention of the gazetteer's best entry for `name` in country `cc`.
    func mention(_ name: String, _ cc: String?, _ at: Int32) throws -> PlaceMention {
        let g = Self.matcher.gazetteer
        let c = try #require(g.candidates(named: name, skeleton: false).first { cc == nil || g.places[Int($0.index)].country == cc })
        return PlaceMention(range: TextRange(start: at, end: at + Int32(name.utf8.count)), place: g.placeRef(c.index), score: 0.9)
    }

    /// The byte range of the first `needle` in `text`.
    func span(_ needle: String, in text: String) throws -> TextRange {
        let r = try #require(text.utf8.firstRange(of: needle.utf8))
        let s = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)
        return TextRange(start: Int32(s), end: Int32(s + needle.utf8.count))
    }

    @Test(arguments: [
        // (name, the country inside it, its offset in the name, its code, the focus town, its country)
        ("Central Bank of Norway", "Norway", 16, "NO", "Chicago", "US"),
        ("Embassy of Kenya", "Kenya", 11, "KE", "Toronto", "CA"),
        ("Peru Football Federation", "Peru", 0, "PE", "Lisbon", "PT"),
        ("Bank of Canada", "Canada", 8, "CA", "Hamilton", "CA"),
    ])
    func countryInsideANameLocatesIt(_ name: String, _ country: String, _ at: Int32, _ cc: String, _ town: String, _ tc: String) throws {
        let found = [try mention(country, cc, 100 + at)]
        let focus = try mention(town, tc, 300).place
        let span = TextRange(start: 100, end: 100 + Int32(name.utf8.count))
        let p = try #require(Self.matcher.fallback(for: span, found: found, focus: focus))
        #expect(p.name == country && p.precision == .country, "\(name) → \(p.name)")
    }

    @Test(arguments: [
        ("Delegates met at the Lakeview Assembly Hall in Winnipeg on Monday, the ministry in Halifax said.",
         "Lakeview Assembly Hall", "Winnipeg"),
        ("The exhibit opens at the Marigold Arts Pavilion at Kelowna next week, organisers in Halifax said.",
         "Marigold Arts Pavilion", "Kelowna"),
        ("She studies at the Northgate Conservatory in the Vatican this year; her family lives in Halifax.",
         "Northgate Conservatory", "Vatican"),
    ])
    func placeNamedAfterASeatLinkLocatesTheName(_ text: String, _ name: String, _ place: String) throws {
        let found = Self.matcher.find(in: text, tokens: nil)
        let focus = try mention("Halifax", "CA", 0).place
        let p = try #require(Self.matcher.fallback(for: try span(name, in: text), in: text, found: found, focus: focus))
        #expect(p.name == place, "\(name) → \(p.name)")
    }

    @Test(arguments: [
        // No seat link, or no place after it: the focus.
        ("Delegates met at the Lakeview Assembly Hall, Winnipeg officials said; the ministry in Halifax agreed.",
         "Lakeview Assembly Hall"),
        ("Delegates met at the Lakeview Assembly Hall in March, the ministry in Halifax said.", "Lakeview Assembly Hall"),
        ("Delegates met at the Lakeview Assembly Hall from Winnipeg, the ministry in Halifax said.", "Lakeview Assembly Hall"),
        ("Delegates met at the Lakeview Assembly Hall in Winnipeg Square, the ministry in Halifax said.", "Lakeview Assembly Hall"),
    ])
    func withoutASeatLinkTheFocusStays(_ text: String, _ name: String) throws {
        let found = Self.matcher.find(in: text, tokens: nil)
        let focus = try mention("Halifax", "CA", 0).place
        let p = try #require(Self.matcher.fallback(for: try span(name, in: text), in: text, found: found, focus: focus))
        #expect(p.name == "Halifax", "\(name) → \(p.name)")
    }
}

/// A town inside a street's, square's or river's name is not where the name lies: the focus is.
@Suite struct PlaceStreetNameTests {
    static let matcher = PlaceFallbackTests.matcher

    @Test(arguments: [
        // (text, the unknown name, the focus town and country, the expected place)
        ("The cafe on Halifax Street in the old quarter of Kelowna reopened.", "Halifax Street", "Kelowna", "CA", "Kelowna"),
        ("Crowds filled Toronto Square near the market in Kelowna.", "Toronto Square", "Kelowna", "CA", "Kelowna"),
        ("Barges moved slowly down the Columbia River past Kelowna.", "Columbia River", "Kelowna", "CA", "Kelowna"),
        // Not a street word: the town inside the name stays ("Halifax Regional Library").
        ("Readers visited the Halifax Regional Library before travelling to Kelowna.", "Halifax Regional Library", "Kelowna", "CA", "Halifax"),
    ])
    func townBeforeAStreetWordGivesWayToTheFocus(_ text: String, _ name: String, _ town: String, _ cc: String, _ expected: String) throws {
        let t = PlaceFallbackTests()
        let found = Self.matcher.find(in: text, tokens: nil)
        let focus = try t.mention(town, cc, 0).place
        let p = try #require(Self.matcher.fallback(for: try t.span(name, in: text), in: text, found: found, focus: focus))
        #expect(p.name == expected, "\(name) → \(p.name)")
    }
}
