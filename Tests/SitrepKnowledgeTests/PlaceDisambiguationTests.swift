import Testing
import SitrepCore
@testable import SitrepKnowledge

/// Choosing among namesakes: divisions named without their generic word, division abbreviations after a town,
/// organisation names before a town, and the division a document vouches for by its abbreviation.
@Suite struct PlaceDisambiguationTests {
    static let matcher = PlaceMatcher(gazetteer: try! Gazetteer.loadDefault())

    func places(_ text: String) -> [PlaceMention] { Self.matcher.find(in: text, tokens: nil) }

    @Test(arguments: [("Laguna", "PH"), ("Bergamo", "IT"), ("Namur", "BE")])
    func secondLevelDivisionAnswersToItsBareName(_ name: String, _ country: String) {
        // GeoNames calls them "Province of Laguna", "Provincia di Bergamo", "Province de Namur".
        let g = Self.matcher.gazetteer
        let hit = g.candidates(named: name, skeleton: false).contains {
            g.kindOf[Int($0.index)] == .admin2 && g.places[Int($0.index)].country == country
        }
        #expect(hit, "\(name) in \(country)")
    }

    @Test(arguments: [
        "Floods reached Calamba on Sunday and several towns of Laguna were cut off.",
        "Officials from Calamba said roads in Laguna stayed shut after the storm.",
    ])
    func provinceNamedBareBesideOneOfItsTownsIsThatProvince(_ text: String) throws {
        let laguna = try #require(places(text).first { $0.place.name.hasSuffix("Laguna") })
        #expect(laguna.place.country == "PH", "\(laguna.place.name) \(laguna.place.country ?? "-")")
    }

    @Test(arguments: [
        "Pupils from the Grace Memorial Mission Academy Calamba campus sang. Officials in Calamba praised them.",
        "Coaches from the Institute of Applied Sports Calamba branch came. Calamba welcomed them.",
    ])
    func townAfterAnOrganisationsNameIsStillAPlaceElsewhere(_ text: String) {
        // Four capitalised words, or "of", before the town: an organisation, not a person whose surname it is.
        let found = places(text)
        #expect(found.contains { $0.place.name == "Calamba" && $0.place.country == "PH" }, "\(found.map(\.place.name))")
    }

    @Test(arguments: ["Fans of Maria Calamba cheered. Calamba welcomed them.", "Coach Andrew Calamba arrived. Calamba spoke."])
    func townAfterAGivenNameIsThatPersonsSurnameEverywhere(_ text: String) {
        let found = places(text)
        #expect(!found.contains { $0.place.name == "Calamba" }, "\(found.map(\.place.name))")
    }

    @Test(arguments: [
        ("Farmers near Towson, Md. sold corn at dawn.", "Maryland"),
        ("The co-op in Easton, Pa. closed early.", "Pennsylvania"),
        ("A storm hit Macon, Ga. overnight.", "Georgia"),
    ])
    func divisionAbbreviationAfterATownAndACommaIsTheDivision(_ text: String, _ division: String) {
        let found = places(text)
        #expect(found.contains { $0.place.name == division && $0.place.country == "US" }, "\(found.map(\.place.name))")
    }

    @Test func townBeforeADivisionAbbreviationLiesInThatDivision() {
        // Easton, Maryland is the larger Easton; "Pa." after the name moves it to Pennsylvania.
        let found = places("The co-op in Easton, Pa. closed early.")
        let easton = found.first { $0.place.name == "Easton" }
        #expect(easton?.place.admin1 == "Pennsylvania", "\(easton?.place.admin1 ?? "-")")
    }

    @Test(arguments: [
        "He thanked the crew, Mr. Obi said on Monday.",
        "Later, Dr. Ade left the meeting early.",
        "Inside, St. Anne's choir was singing.",
    ])
    func courtesyTitleAfterACommaIsNoDivision(_ text: String) {
        let found = places(text)
        #expect(!found.contains { $0.place.precision == .admin1 }, "\(found.map(\.place.name))")
    }

    @Test(arguments: [
        "OLYMPIA, Wash. - The unit trains at home in Washington every spring. Last year the team flew to Washington, D.C. for a parade.",
        "SPOKANE, Wash. - Crews stayed in Washington all winter; only two went on to Washington, D.C. in March.",
    ])
    func theSameNameNearbyDoesNotLocateAName(_ text: String) throws {
        // The state, vouched for by "Wash.", is not pulled to the capital because the name comes again just after.
        let first = try #require(places(text).first { $0.place.name.hasPrefix("Washington") && $0.range.start > 12 })
        #expect(first.place.precision == .admin1, "\(first.place.name)")
    }

    @Test(arguments: [
        ("Doctors at the CHU in Montpellier treated him.", "CHU", false),
        ("Talks in the UK ended on Friday.", "UK", true),
    ])
    func givenAcronymResolvesOnlyToACountryOrDivision(_ text: String, _ span: String, _ resolves: Bool) throws {
        // As the scan takes a short all-capital word: "CHU" (a hospital) is no town of Chu.
        let r = try #require(text.range(of: span))
        let start = Int32(text.utf8.distance(from: text.startIndex, to: r.lowerBound))
        let range = TextRange(start: start, end: start + Int32(span.utf8.count))
        let m = Self.matcher.resolve(spans: [range], in: text)[0]
        #expect((m != nil) == resolves, "\(m?.place.name ?? "-")")
        if let m { #expect(m.place.precision == .country || m.place.precision == .admin1) }
    }

    @Test(arguments: [
        ("The family moved to St. Louis last spring.", "St. Louis"),
        ("Cattle were shipped from Ft. Worth by rail.", "Fort Worth"),
        ("Crowds gathered in Mt. Vernon on Sunday.", "Mount Vernon"),
    ])
    func nameAfterAnAbbreviatedFirstWordIsOneName(_ text: String, _ name: String) {
        // The period after "St", "Ft", "Mt" does not end the sentence there.
        let found = places(text)
        #expect(found.contains { $0.place.name == name && $0.place.country == "US" }, "\(found.map(\.place.name))")
    }

    @Test(arguments: [("St. Petersburg", "RU"), ("Saint Louis", "US"), ("Ft. Worth", "US")])
    func eitherFormOfTheFirstWordIsAName(_ name: String, _ country: String) {
        let g = Self.matcher.gazetteer
        #expect(g.candidates(named: name, skeleton: false).contains { g.places[Int($0.index)].country == country }, "\(name)")
    }

    @Test func aTitleWithAPeriodDoesNotJoinTheNameAfterIt() {
        // "Dr." is no abbreviated first word of a place name.
        let found = places("We met Dr. Paris at the clinic on Monday.")
        #expect(!found.contains { $0.range.end - $0.range.start > 5 }, "\(found.map(\.place.name))")
    }

    @Test(arguments: [
        ("The couple grew up in Dewsbury and married in Wakefield before moving to Leeds. He ran a shop in Middletown for years.", false),
        ("The couple grew up in Dewsbury and married in Wakefield before moving to Leeds. He ran a shop in Middletown, New Jersey, for years.", true),
    ])
    func smallTownAbroadNamedAloneInADocumentAboutAnotherCountryIsNoPlace(_ text: String, _ kept: Bool) {
        // Three English towns and a bare name that the gazetteer knows only as a small American town.
        let found = places(text)
        #expect(found.contains { $0.place.name == "Middletown" } == kept, "\(found.map(\.place.name))")
    }

    @Test func largeCityAbroadNamedAloneStays() {
        let found = places("Flights left Dewsbury, Wakefield and Leeds. The team then flew to Chicago.")
        #expect(found.contains { $0.place.name == "Chicago" }, "\(found.map(\.place.name))")
    }
}
