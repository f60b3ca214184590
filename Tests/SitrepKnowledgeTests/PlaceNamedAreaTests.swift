import Foundation
import Testing
import SitrepCore
@testable import SitrepKnowledge

/// Named areas that are not settlements (seas, oceans, regions) and names shared by a country, a state and a
/// city: which entry the matcher picks, and where it puts it.
@Suite struct PlaceNamedAreaTests {
    static let matcher = PlaceMatcher(gazetteer: try! Gazetteer.loadDefault())

    static func km(_ la1: Double, _ lo1: Double, _ la2: Double, _ lo2: Double) -> Double {
        let r = 6371.0, d = Double.pi / 180
        let a = sin((la2 - la1) * d / 2) * sin((la2 - la1) * d / 2)
            + cos(la1 * d) * cos(la2 * d) * sin((lo2 - lo1) * d / 2) * sin((lo2 - lo1) * d / 2)
        return 2 * r * asin(min(1, sqrt(a)))
    }

    struct Area: CustomTestStringConvertible, Sendable {
        let text: String, name: String, expected: String, lat: Double, lon: Double
        var testDescription: String { name }
    }

    /// Each area's reference point is its gazetteer's (GeoNames') point, within 100 km.
    @Test(arguments: [
        Area(text: "Two tankers were stopped in the Mediterranean on Friday.", name: "Mediterranean",
             expected: "Mediterranean Sea", lat: 35.0, lon: 20.0),
        Area(text: "The typhoon formed over the Pacific Ocean and turned north.", name: "Pacific Ocean",
             expected: "Pacific Ocean", lat: 3.5, lon: -132.2),
        Area(text: "Envoys toured the Middle East for a week of talks.", name: "Middle East",
             expected: "Middle East", lat: 33.1, lon: 35.9),
        Area(text: "Hikers crossed the Appalachians on foot last summer.", name: "Appalachians",
             expected: "Appalachian Mountains", lat: 40.0, lon: -78.0),
        Area(text: "Piracy returned to shipping lanes in the Indian Ocean.", name: "Indian Ocean",
             expected: "Indian Ocean", lat: -10.0, lon: 70.0),
        Area(text: "A cargo ship sank in the Atlantic after the storm.", name: "Atlantic",
             expected: "Atlantic Ocean", lat: 10.0, lon: -25.0),
        // Pakistan's former tribal areas and their agencies, at their headquarters towns.
        Area(text: "A drone strike hit a compound in North Waziristan on Tuesday, officials said.", name: "North Waziristan",
             expected: "North Waziristan", lat: 33.0, lon: 70.07),
        Area(text: "Troops opened a market in South Waziristan Agency last week.", name: "South Waziristan",
             expected: "South Waziristan", lat: 32.3, lon: 69.57),
        Area(text: "The militants fled into the Federally Administered Tribal Areas after the raid.", name: "Federally Administered Tribal Areas",
             expected: "Federally Administered Tribal Areas", lat: 33.6, lon: 70.5),
    ])
    func namedAreaResolvesToItsReferencePoint(_ a: Area) throws {
        let found = Self.matcher.find(in: a.text, tokens: nil)
        let at = Int32(try #require(a.text.range(of: a.name)).lowerBound.utf16Offset(in: a.text))
        let m = try #require(found.first { $0.range.start <= at && at < $0.range.end }, "\(found.map(\.place.name))")
        #expect(m.place.name == a.expected)
        let lat = try #require(m.place.lat), lon = try #require(m.place.lon)
        #expect(Self.km(lat, lon, a.lat, a.lon) < 100, "\(a.expected) at \(lat),\(lon)")
    }

    struct Compass: CustomTestStringConvertible, Sendable {
        /// `span`: the first occurrence of this piece of `text` is resolved as a given name.
        let text: String, span: String, expected: String, country: String?
        var testDescription: String { "\(span) in \(text.prefix(30)) → \(expected)" }
    }

    /// A compass word alone ("West", "Western") is the Western world in general news, and a division of that name
    /// ("West" in Cameroon, "Western" in Sri Lanka) only where the document is about its country.
    @Test(arguments: [
        Compass(text: "Moscow accused the West of staging the crisis to isolate it.", span: "West",
                expected: "Western Europe", country: nil),
        Compass(text: "Several Western governments recalled their envoys from the capital.", span: "Western",
                expected: "Western Europe", country: nil),
        // Near misses: the division, with its country and its towns named.
        Compass(text: "Separatists attacked a school near Bafoussam, in the West of Cameroon, and fled towards Douala.", span: "West",
                expected: "West", country: "CM"),
        Compass(text: "Miners in Tarkwa and Takoradi, in Ghana, marched through the Western capital on Monday.", span: "Western",
                expected: "Western", country: "GH"),
    ])
    func compassWordNeedsItsDivisionsCountry(_ c: Compass) throws {
        let r = try #require(c.text.range(of: c.span))
        let s = Int32(c.text.utf8.distance(from: c.text.startIndex, to: r.lowerBound))
        let e = s + Int32(c.span.utf8.count)
        let m = try #require(Self.matcher.resolve(spans: [TextRange(start: s, end: e)], in: c.text).first ?? nil)
        #expect(m.place.name == c.expected)
        #expect(m.place.country == c.country)
    }

    struct Shared: CustomTestStringConvertible, Sendable {
        /// `at`: a piece of `text` that begins with the name looked at.
        let text: String, at: String, expected: String, country: String
        var testDescription: String { "\(at) → \(expected), \(country)" }
    }

    /// A name shared by a world city and a namesake town, a country and a state, or a state and a capital.
    @Test(arguments: [
        // A city of millions by its own name is not moved abroad by one mention of another country.
        Shared(text: "LONDON - Doctors in Liverpool and London said the boy could be flown to Rome, while U.S. officials offered help.",
               at: "Rome,", expected: "Rome", country: "IT"),
        Shared(text: "The county fair in Rome, Georgia, drew crowds from Atlanta and Macon.",
               at: "Rome,", expected: "Rome", country: "US"),
        // A country's name among its namesake state's sister states is the state.
        Shared(text: "The team flew to Guam, Saipan and Thailand this year, and twice to Alaska and Hawaii. In 2019 it joins the Georgia National Guard.",
               at: "Georgia National", expected: "Georgia", country: "US"),
        Shared(text: "The team flew to Guam, Saipan and Thailand this year, and twice to Alaska and Hawaii. In 2019 it heads to Georgia.",
               at: "Georgia.", expected: "Georgia", country: "US"),
        Shared(text: "Russia and Georgia traded accusations after talks in Tbilisi broke down.",
               at: "Georgia traded", expected: "Georgia", country: "GE"),
        // A state named by its abbreviation in the dateline is the state wherever its full name stands alone.
        Shared(text: "TACOMA, Wash. - The commander said the unit spends most of its year at home in Washington. Over the past two years its members have also been sent to Guam, Alaska, Florida and Washington, D.C.",
               at: "Washington. Over", expected: "Washington", country: "US"),
        Shared(text: "The commander said the unit spends most of its year at home in Washington. Over the past two years its members have also been sent to Guam, Alaska, Florida and Washington, D.C.",
               at: "Washington. Over", expected: "Washington, D.C.", country: "US"),
    ])
    func sharedNameResolvesByTheDocument(_ c: Shared) throws {
        let found = Self.matcher.find(in: c.text, tokens: nil)
        let at = Int32(try #require(c.text.range(of: c.at)).lowerBound.utf16Offset(in: c.text))
        let m = try #require(found.first { $0.range.start <= at && at < $0.range.end }, "\(found.map(\.place.name))")
        #expect(m.place.name == c.expected)
        #expect(m.place.country == c.country)
    }
}
