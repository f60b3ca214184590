import Testing
import SitrepCore
@testable import SitrepKnowledge

/// A short other name of a place (five letters or fewer, not the entry's own name) stands only where the document
/// supports the place's country; otherwise a small town of that name the document vouches for, or no place.
@Suite struct PlaceShortAlternateTests {
    static let matcher = PlaceMatcher(gazetteer: try! Gazetteer.loadDefault())

    func places(_ text: String) -> [PlaceMention] { Self.matcher.find(in: text, tokens: nil) }

    /// Sentences where a short other name of a foreign town must not be read as that town (its entry's name).
    static let unsupported: [(text: String, notPlace: String)] = [
        ("Gunmen on motorbikes raided a market near Boni on Thursday, local officials said.", "Bonn"),
        ("The Malian army said it had struck a convoy near Boni, close to the border with Burkina Faso.", "Bonn"),
        ("Her old dog Levi slept by the stove while the family packed.", "Levis"),
        ("The shopkeeper said Julia had left the village before the shelling started.", "Plovdiv"),
        ("Nothing was said about the opera, and Adams left early.", "Pulandian"),
    ]

    @Test(arguments: unsupported)
    func shortOtherNameWithoutItsCountryIsNoPlace(_ c: (text: String, notPlace: String)) {
        let found = places(c.text)
        #expect(!found.contains { $0.place.name == c.notPlace }, "\(found.map(\.place.name))")
    }

    /// Sentences where a short other name still stands: its country is named or another of its places is, or the
    /// place is a city of a million or more known in English by that name; and own names and longer names are
    /// untouched.
    static let supported: [(text: String, name: String, place: String, country: String)] = [
        // Other names with their country supported.
        ("The overnight ferry from Stockholm docked at Abo, in south-western Finland, before dawn.", "Abo", "Turku", "FI"),
        ("Police in Tel Aviv said a man was stabbed in Jaffa late on Friday.", "Jaffa", "Yafo", "IL"),
        ("Germany's former capital, Boni to some older maps, hosted the climate talks.", "Boni", "Bonn", "DE"),
        // English names of large cities that GeoNames lists as other names.
        ("Missiles struck Kyiv overnight, the city's mayor said.", "Kyiv", "Kiev", "UA"),
        ("Shares closed lower in Milan after the bank's warning.", "Milan", "Milano", "IT"),
        // Own names and longer other names.
        ("Protesters gathered in Rome on Saturday to demand a ceasefire.", "Rome", "Rome", "IT"),
        ("Missiles struck Kiev overnight, the city's mayor said.", "Kiev", "Kiev", "UA"),
        ("Delegations met in Geneva on Monday for a new round of talks.", "Geneva", "Geneve", "CH"),
    ]

    @Test(arguments: supported)
    func shortOtherNameStandsWhereSupported(_ c: (text: String, name: String, place: String, country: String)) throws {
        let found = places(c.text)
        let r = try #require(c.text.range(of: c.name))
        let start = Int32(c.text.utf8.distance(from: c.text.startIndex, to: r.lowerBound))
        let m = try #require(found.first { $0.range.start <= start && $0.range.end > start }, "\(found.map(\.place.name))")
        #expect(m.place.name == c.place)
        #expect(m.place.country == c.country)
    }

    /// Countries keep their short other names.
    @Test func countryAbbreviationStands() {
        let found = places("Flights to the UAE resumed on Sunday.")
        #expect(found.contains { $0.place.name == "United Arab Emirates" }, "\(found.map(\.place.name))")
    }

    /// A short other name of a foreign town that is the own name of a small town the document vouches for (its
    /// division named) is that small town: "Koro" (Coro, Venezuela, lists it) in Mali's Mopti region, "Oban"
    /// (Aubagne, France) in Scotland.
    static let smallTowns: [(text: String, name: String, country: String)] = [
        ("Gunmen attacked a village near Koro in the Mopti region of Mali on Sunday.", "Koro", "ML"),
        ("The ferry from Oban to Mull was cancelled as storms swept across Scotland.", "Oban", "GB"),
    ]

    @Test(arguments: smallTowns)
    func smallTownOfThatNameIsPreferred(_ c: (text: String, name: String, country: String)) throws {
        let found = places(c.text)
        let r = try #require(c.text.range(of: c.name))
        let start = Int32(c.text.utf8.distance(from: c.text.startIndex, to: r.lowerBound))
        let m = try #require(found.first { $0.range.start <= start && $0.range.end > start }, "\(found.map(\.place.name))")
        #expect(m.place.name == c.name)
        #expect(m.place.country == c.country)
    }
}
