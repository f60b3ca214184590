import Testing
import SitrepCore
@testable import SitrepKnowledge

/// Resolution by document context: the focus a street or building falls back to, names inside longer names,
/// spelling variants that need their country, and the named areas and demonyms added for news outside Syria.
@Suite struct PlaceResolutionContextTests {
    static let matcher = PlaceMatcher(gazetteer: try! Gazetteer.loadDefault())

    /// A mention of the gazetteer's best entry for `name` in country `cc`.
    func mention(_ name: String, _ cc: String?, _ at: Int32, score: Double = 0.9) throws -> PlaceMention {
        let g = Self.matcher.gazetteer
        let c = try #require(g.candidates(named: name, skeleton: false).first { cc == nil || g.places[Int($0.index)].country == cc })
        return PlaceMention(range: TextRange(start: at, end: at + 4), place: g.placeRef(c.index), score: score)
    }

    func places(_ text: String) -> [PlaceMention] { Self.matcher.find(in: text, tokens: nil) }

    @Test func repeatedStrayTownLosesToTheTownTheOtherPlacesSurround() throws {
        // A street named three times after a town elsewhere in the country, against one city with its state
        // and a neighbouring town named.
        let found = [
            try mention("Franklin", "US", 0), try mention("Franklin", "US", 10), try mention("Franklin", "US", 20),
            try mention("New Orleans", "US", 30), try mention("Louisiana", "US", 40), try mention("Metairie", "US", 50),
        ]
        #expect(try #require(Self.matcher.focus(of: found)).name == "New Orleans")
    }

    @Test func placeInsideANameInAnotherCountryGivesWayToTheFocus() throws {
        // "Liverpool Academy" in a story about Cairo.
        let found = [try mention("Liverpool", "GB", 0)]
        let focus = try mention("Cairo", "EG", 40).place
        let span = TextRange(start: 0, end: Int32("Liverpool Academy".utf8.count))
        #expect(Self.matcher.fallback(for: span, found: found, focus: focus)?.name == "Cairo")
    }

    @Test func placeInsideANameInTheFocusCountryIsKept() throws {
        let found = [try mention("Pasadena", "US", 0)]
        let focus = try mention("Los Angeles", "US", 40).place
        let span = TextRange(start: 0, end: 20)
        #expect(Self.matcher.fallback(for: span, found: found, focus: focus)?.name == "Pasadena")
    }

    @Test func nothingInsideFallsBackToTheFocus() throws {
        let focus = try mention("Chicago", "US", 40).place
        #expect(Self.matcher.fallback(for: TextRange(start: 0, end: 10), found: [], focus: focus)?.name == "Chicago")
        #expect(Self.matcher.fallback(for: TextRange(start: 0, end: 10), found: [], focus: nil) == nil)
    }

    @Test func givenNameBeforeASurnameThatIsATownIsNotAPlace() {
        // "Jeremy" resembles a place only by its consonants; "Allen" after it is a surname.
        let found = places("Board members met Jeremy Allen at the winery on Tuesday.")
        #expect(!found.contains { $0.place.name == "Allen" })
    }

    @Test func townInsideAPersonsNameIsNotAPlace() {
        let found = places("Adrian Dunbar added that the campaign would continue.")
        #expect(found.isEmpty, "\(found.map(\.place.name))")
    }

    @Test(arguments: [
        "Her daughter, Sandy Marlowe, still remembers the last morning.",
        "Nancy Okafor told the committee the budget was short.",
    ])
    func townOfUnder150000AsAGivenNameIsNotAPlace(_ text: String) {
        let found = places(text)
        #expect(found.isEmpty, "\(found.map(\.place.name))")
    }

    @Test(arguments: [("The plant in Nancy Sud closed last year.", "FR"), ("Crews arrived in Sandy City Hall at noon.", "US")])
    func townBeforeACapitalisedWordAfterALocativeWordStaysAPlace(_ text: String, _ country: String) {
        // (A locative word before the name vouches for it even inside a longer capitalised run.)
        let found = places(text)
        #expect(found.contains { $0.place.country == country }, "\(found.map(\.place.name))")
    }

    @Test func aFunctionWordOpeningTheSentenceIsNoGivenName() {
        let found = places("The Calamba mayor met reporters on Monday. In Calamba, schools stayed shut.")
        #expect(found.filter { $0.place.country == "PH" }.count == 2, "\(found.map(\.place.name))")
    }

    @Test func aGivenNameOpeningTheSentenceStillMakesTheNextWordASurname() {
        let found = places("Jeremy Calamba told reporters the plan had failed.")
        #expect(!found.contains { $0.place.country == "PH" }, "\(found.map(\.place.name))")
    }

    @Test func spellingVariantOfAVillageNeedsItsCountryNamed() {
        // One exact Turkish town ("Side") is not enough for a surname to become a Turkish village by its
        // consonants.
        let found = places("Police in the South Side charged Gino Bassett with the stabbing in Chicago.")
        #expect(!found.contains { $0.place.country == "TR" && $0.place.precision == .city && $0.place.name != "Side" }, "\(found.map(\.place.name))")
    }

    @Test(arguments: [
        ("Tensions on the Korean Peninsula rose again.", "Korean Peninsula"),
        ("Tankers crossed the Gulf towards Qatar and Bahrain.", "Persian Gulf"),
        ("Wildfires spread along the West Coast from California to Oregon.", "West Coast"),
        ("Oil spills in the Niger Delta angered Nigeria's fishermen.", "Niger Delta"),
    ])
    func namedAreasWinOverDivisionsOfTheSameNameElsewhere(_ text: String, _ expected: String) {
        #expect(places(text).contains { $0.place.name == expected }, "\(places(text).map(\.place.name))")
    }

    @Test(arguments: [("Salvadoran", "SV"), ("Serb", "RS"), ("Philippine", "PH")])
    func demonymsNameTheirCountry(_ word: String, _ country: String) throws {
        let g = Self.matcher.gazetteer
        let p = try #require(g.demonym(word))
        #expect(p.kind == .country && p.country == country)
    }

    @Test(arguments: [("Latin American", "South America"), ("Siberian", "Siberia"), ("Central American", "Central America")])
    func regionalAdjectivesNameTheirArea(_ word: String, _ area: String) throws {
        #expect(try #require(Self.matcher.gazetteer.demonym(word)).name == area)
    }

    @Test func commonWordsAreNotTownsOnTheirOwn() {
        let found = places("University officials met at the Summit. Federal Enterprise rules apply.")
        #expect(found.isEmpty, "\(found.map(\.place.name))")
    }
}
