import Testing
import SitrepCore
@testable import SitrepKnowledge

/// The document's main place (fallback for names the gazetteer does not know) and the abbreviations and
/// organisation names that stand for divisions and continents.
@Suite struct PlaceFocusTests {
    static let matcher = PlaceMatcher(gazetteer: try! Gazetteer.loadDefault())

    /// A mention of the gazetteer's best entry for `name` in country `cc`.
    func mention(_ name: String, _ cc: String?, _ at: Int32, score: Double = 0.9) throws -> PlaceMention {
        let g = Self.matcher.gazetteer
        let c = try #require(g.candidates(named: name, skeleton: false).first { cc == nil || g.places[Int($0.index)].country == cc })
        return PlaceMention(range: TextRange(start: at, end: at + 4), place: g.placeRef(c.index), score: score)
    }

    @Test func strayTownInAnotherCountryDoesNotBecomeTheFocus() throws {
        // Two stray matches of an English town against a document about Chicago.
        let found = [
            try mention("Kent", "GB", 0), try mention("Kent", "GB", 10),
            try mention("Chicago", "US", 20), try mention("Illinois", "US", 30), try mention("United States", "US", 40),
        ]
        let f = try #require(Self.matcher.focus(of: found))
        #expect(f.name == "Chicago")
    }

    @Test func mostNamedTownOfTheMainCountryWins() throws {
        let found = [
            try mention("Houston", "US", 0), try mention("Dallas", "US", 10), try mention("Dallas", "US", 20),
            try mention("Texas", "US", 30),
        ]
        #expect(try #require(Self.matcher.focus(of: found)).name == "Dallas")
    }

    /// Of a town and the city next to it, the one named more often is the focus: a town with neighbours around
    /// it does not take the focus from a city named many times, and an article about the town that names the
    /// city once keeps the town.
    @Test(arguments: [
        ("IE", ["Dublin", "Swords", "Dublin", "Malahide", "Dublin", "Balbriggan", "Dublin", "Ireland", "Dublin"], "Dublin"),
        ("IE", ["Swords", "Dublin", "Swords", "Malahide", "Ireland"], "Swords"),
        ("GB", ["Manchester", "Stockport", "Manchester", "Oldham", "Manchester"], "Manchester"),
        ("GB", ["Stockport", "Stockport", "Manchester", "Stockport"], "Stockport"),
    ])
    func townNextToACityWinsOnlyWhenNamedAsOften(_ cc: String, _ names: [String], _ expected: String) throws {
        let found = try names.enumerated().map { try mention($0.element, cc, Int32($0.offset * 10)) }
        let f = try #require(Self.matcher.focus(of: found))
        #expect(f.name == expected, "\(names) → \(f.name)")
    }

    @Test func documentAboutAContinentHasTheContinentAsFocus() throws {
        let found = [try mention("Europe", nil, 0), try mention("Europe", nil, 10), try mention("Europe", nil, 20),
                     try mention("Belgium", "BE", 30)]
        #expect(try #require(Self.matcher.focus(of: found)).name == "Europe")
    }

    @Test func divisionWhenNoTownIsNamed() throws {
        let found = [try mention("Ontario", "CA", 0), try mention("Canada", "CA", 10)]
        #expect(try #require(Self.matcher.focus(of: found)).name == "Ontario")
    }

    @Test func noPlacesNoFocus() {
        #expect(Self.matcher.focus(of: []) == nil)
    }

    @Test(arguments: [
        ("Crews in Fresno, Calif., cleared the road.", "Calif.", "California"),
        ("The mill in Macon, Ga., closed on Monday.", "Ga.", "Georgia"),
        ("A ferry left Nelson, B.C., at noon.", "B.C.", "British Columbia"),
        ("Hunters near Billings, Mont., reported the bear.", "Mont.", "Montana"),
        ("The plant outside Spokane, Wash., shut down.", "Wash.", "Washington"),
    ])
    func postalAbbreviationAfterATownIsItsDivision(_ text: String, _ abbreviation: String, _ division: String) throws {
        let start = try #require(text.utf8.firstRange(of: abbreviation.utf8)).lowerBound
        let s = text.utf8.distance(from: text.utf8.startIndex, to: start)
        let span = TextRange(start: Int32(s), end: Int32(s + abbreviation.utf8.count))
        let r = try #require(Self.matcher.resolve(spans: [span], in: text).first ?? nil)
        #expect(r.place.name == division, "\(abbreviation) → \(r.place.name)")
        #expect(r.place.precision == .admin1)
    }

    @Test func theEUStandsForEurope() {
        let found = Self.matcher.find(in: "Ministers of the EU met in the morning.", tokens: nil)
        #expect(found.contains { $0.place.name == "Europe" })
    }
}

/// Name priors that decide between a large division and a foreign town of the same name, and comma names.
@Suite struct PlaceNamePriorTests {
    static let matcher = PlaceFocusTests.matcher

    @Test func nameBeforeTheCommaIsAPrimaryName() {
        let g = Self.matcher.gazetteer
        let c = g.candidates(named: "Washington", skeleton: false)
        #expect(c.contains { g.places[Int($0.index)].name == "Washington, D.C." && $0.match == .primary })
    }

    @Test(arguments: [("Wildfires spread across Montana on Sunday.", "Montana", "US"),
                      ("Storms battered Ontario overnight.", "Ontario", "CA")])
    func bareNameOfALargeDivisionBeatsASmallerForeignTown(_ text: String, _ name: String, _ country: String) throws {
        let m = try #require(Self.matcher.find(in: text, tokens: nil).first)
        #expect(m.place.name == name && m.place.country == country && m.place.precision == .admin1,
                "\(m.place.name) \(m.place.country ?? "")")
    }
}

/// The per-document key table (small miss filter) behaves like the large one.
@Suite struct NameKeyTableTests {
    @Test(arguments: [6, 10, 21])
    func storedKeysAreFoundAndOthersMiss(_ filterBits: Int) {
        var t = NameKeyTable(capacity: 4, filterBits: filterBits)
        let words = ["homs", "hama", "idlib", "raqqa", "daraa", "aleppo", "latakia", "tartus", "quneitra", "sweida"]
        for (i, w) in words.enumerated() { t.set(NameKey.hash(Array(w.utf8)), Int32(i)) }
        for (i, w) in words.enumerated() { #expect(t[NameKey.hash(Array(w.utf8))] == Int32(i)) }
        #expect(t[NameKey.hash(Array("damascus".utf8))] == nil)
        #expect(t.count == words.count)
    }
}

/// A town named like a small foreign division does not win over a large division of that name elsewhere,
/// while a bare division-and-city name inside one country still means the city.
@Suite struct DivisionTownTests {
    @Test func bareNameOfAStateIsTheStateNotAForeignTown() throws {
        let m = try #require(PlaceFocusTests.matcher.find(in: "Heavy rain fell over Florida and Georgia on Tuesday.", tokens: nil).first)
        #expect(m.place.name == "Florida" && m.place.country == "US", "\(m.place.name) \(m.place.country ?? "")")
    }
}
