import Testing
import SitrepCore
@testable import SitrepKnowledge

@Suite struct PlaceMatcherTests {
    static let matcher = PlaceMatcher(gazetteer: try! Gazetteer.loadDefault())

    func places(_ text: String) -> [PlaceMention] { Self.matcher.find(in: text, tokens: nil) }

    func covered(_ text: String, _ m: PlaceMention) -> String {
        let b = Array(text.utf8)[Int(m.range.start)..<Int(m.range.end)]
        return String(decoding: b, as: UTF8.self)
    }

    @Test(arguments: [
        ("Convoys left Deir ez-Zor at dawn.", "geonames:170794"),
        ("Convoys left Deir Ezzor at dawn.", "geonames:170794"),
        ("Convoys left Dayr az-Zawr at dawn.", "geonames:170794"),
        ("Convoys left Deir Ezzour at dawn.", "geonames:170794"),
        ("Convoys left Deir e-Zor at dawn.", "geonames:170794"),
        ("Fighters massed near Alboukamal in Syria.", "albu"),
        ("Fighters massed near al-Boukamal in Syria.", "albu"),
        ("Fighters massed near Abu Kamal in Syria.", "albu"),
        ("Fighters massed near Albu Kamal in Syria.", "albu"),
        ("A bus reached Uqayrbat in Syria.", "uqayr"),
        ("A bus reached Oqeirbat in Syria.", "uqayr"),
        ("Residents of دير الزور fled.", "geonames:170794"),
    ])
    func transliterationVariantsResolveToOnePlace(_ text: String, _ expected: String) {
        let found = places(text)
        let ids = found.map { $0.place.id ?? "" }
        let names = found.map { NameKey.folded($0.place.name) }
        let ok = ids.contains(expected) || names.contains { $0.contains(expected) }
        #expect(ok, "\(text) → \(ids) \(names)")
    }

    @Test(arguments: ["Deraa", "Daraa", "Dar'a"])
    func daraaSpellingsAllFindDaraa(_ spelling: String) {
        let found = places("The army entered \(spelling) in Syria.")
        #expect(found.contains { $0.place.country == "SY" && NameKey.skeleton($0.place.name) == NameKey.skeleton("Daraa") })
    }

    @Test(arguments: ["Sweida", "al-Sweida", "As-Suwayda"])
    func sweidaSpellingsAllFindSweida(_ spelling: String) {
        let found = places("Gunmen attacked \(spelling) in Syria.")
        #expect(found.contains { $0.place.country == "SY" && $0.place.admin1 == "As-Suwayda" })
    }

    @Test(arguments: [
        "Hope and Faith were all that Trump and Kelly brought to the Press briefing.",
        "The Foreign Ministry and the Commission met in a Park.",
        "Snow fell while Paul, David and Thomas read the news.",
        "the border was quiet and the desert was empty",
    ])
    func commonWordsAndPersonNamesAreNotPlaces(_ text: String) {
        #expect(places(text).isEmpty, "\(places(text).map { $0.place.name })")
    }

    @Test func demonymAloneIsNotAPlaceButItsBorderIs() {
        #expect(places("Syrian and Iraqi officials met.").isEmpty)
        let border = places("Fighters fled towards the Iraqi border.")
        #expect(border.count == 1)
        #expect(border.first?.place.precision == .region)
        #expect(border.first?.place.country == "SY" || border.first?.place.country == "IQ")
    }

    @Test(arguments: [
        ("Clashes in the eastern Idlib countryside went on.", "eastern", PlaceRef.Precision.region, "Idlib"),
        ("Clashes in the eastern Idlib province went on.", "eastern province", .admin1, "Idlib"),
        ("Clashes in rural eastern Idlib went on.", "rural eastern", .region, "Idlib"),
        ("Clashes in southern Syria went on.", "southern", .country, "Syria"),
        ("Clashes in eastern Deir ez-Zor went on.", "eastern", .admin1, "Deir ez-Zor"),
        ("Clashes in Daraa province went on.", "province", .admin1, "Daraa"),
        ("Clashes in Sweida city went on.", "city", .city, "Suwayda"),
        ("Clashes in Tafas town went on.", "town", .city, "afas"),
    ])
    func qualifiedPlacesKeepQualifierAndPrecision(_ text: String, _ qualifier: String, _ precision: PlaceRef.Precision,
                                                  _ name: String) {
        let found = places(text)
        #expect(found.count == 1, "\(text) → \(found.map { $0.place.name })")
        guard let m = found.first else { return }
        #expect(m.place.country == "SY")
        #expect(m.place.precision == precision, "\(text) → \(m.place)")
        #expect(NameKey.folded(m.place.name).contains(NameKey.folded(name)), "\(m.place.name)")
        #expect((m.place.qualifier ?? "").contains(qualifier.split(separator: " ").last.map(String.init) ?? ""), "\(m.place.qualifier ?? "-")")
    }

    @Test func countrysideBorderingAGovernorateFindsBoth() {
        let text = "Fighting spread to the Damascus countryside bordering the Sweida governorate."
        let found = places(text)
        #expect(found.count == 2)
        #expect(found.first?.place.precision == .region)
        #expect(found.last?.place.precision == .admin1)
        #expect(found.last?.place.admin1 == "As-Suwayda")
    }

    @Test func namedAreasResolveToTheirEntry() {
        let found = places("Fighters in the Yarmouk Basin and the Badiya were besieged near Talul al-Safa.")
        let ids = Set(found.compactMap { $0.place.id })
        #expect(ids.isSuperset(of: ["sitrep:yarmouk-basin", "sitrep:badiya", "sitrep:talul-al-safa"]), "\(ids)")
    }

    @Test func sameNameResolvesByTheGovernorateInContext() {
        // Two invented texts: "Duma" is the Rural Damascus town in one and the Sweida village in the other.
        let a = places("Rescue teams reached Duma after the strikes on Harasta in Rural Damascus.")
        let b = places("Villagers in Duma, in the Sweida governorate, said the road to Shahba was cut.")
        let da = a.first { NameKey.folded($0.place.name).hasPrefix("d") && $0.place.name.lowercased().contains("uma") }
        let db = b.first { NameKey.folded($0.place.name).hasPrefix("d") && $0.place.name.lowercased().contains("uma") }
        #expect(da?.place.admin1 == "Rural Damascus", "\(String(describing: da?.place))")
        #expect(db?.place.admin1 == "As-Suwayda", "\(String(describing: db?.place))")
    }

    @Test func countryOfTheOtherPlacesDecidesAnAmbiguousCity() {
        let us = places("Voters in Ohio and Indiana, and in Columbus, went to the polls.")
        let col = us.first { $0.place.name == "Columbus" }
        #expect(col?.place.country == "US")
    }

    @Test func rangesPointAtTheName() {
        let text = "They moved to Idlib."
        let found = places(text)
        #expect(found.count == 1)
        if let m = found.first { #expect(covered(text, m) == "Idlib") }
    }

    @Test func resolvingGivenSpansHandlesDemonyms() {
        let text = "Syrian troops moved."
        let r = Self.matcher.resolve(spans: [TextRange(start: 0, end: 6)], in: text)
        #expect(r.first??.place.country == "SY")
        #expect(r.first??.place.precision == .country)
    }
}

@Suite struct PlaceAnaphoraTests {
    @Test func eastOfTheProvinceIsTheDivisionNamedBefore() throws {
        let m = PlaceMatcher(gazetteer: try Gazetteer.loadDefault())
        let text = "Government forces shelled Maarat al-Numan in Idlib on Monday. Rebels said fighting spread east of the province."
        let found = m.find(in: text, tokens: nil)
        let last = try #require(found.last)
        let b = Array(text.utf8)[Int(last.range.start)..<Int(last.range.end)]
        #expect(String(decoding: b, as: UTF8.self) == "east of the province")
        #expect(last.place.precision == .admin1)
        #expect(last.place.admin1 == "Idlib")
        #expect(last.place.qualifier?.hasPrefix("east of") == true)
    }
}

@Suite struct PlaceMatcherRobustnessTests {
    @Test func oddInputNeverCrashesAndRangesStayInside() throws {
        let m = PlaceMatcher(gazetteer: try Gazetteer.loadDefault())
        var rng = SystemRandomNumberGenerator()
        var inputs = ["", " ", "-", "'s", "Al-", "al- Al -- ‘ ’ ʿ", String(repeating: "A", count: 5000),
                      String(repeating: "Deir ", count: 2000), "U.S.A.", "دير", "Idlib\u{0}Homs", "Ḩ̣̣̣̣̣̣̣̣amāh"]
        for _ in 0..<50 {
            let scalars = (0..<200).map { _ in Unicode.Scalar(UInt32.random(in: 0x20...0x2FF, using: &rng)) ?? " " }
            inputs.append(String(String.UnicodeScalarView(scalars)))
        }
        for text in inputs {
            let n = text.utf8.count
            for p in m.find(in: text, tokens: nil) {
                #expect(p.range.start >= 0 && p.range.end <= n && p.range.start < p.range.end)
                #expect(p.score >= 0 && p.score <= 1)
            }
            _ = m.resolve(spans: [TextRange(start: 0, end: Int32(n)), TextRange(start: -5, end: 3)], in: text)
        }
    }
}
