import Foundation
import Testing
import SitrepCore
@testable import SitrepKnowledge

@Suite struct GazetteerTests {
    static let gazetteer = try! Gazetteer.loadDefault()

    @Test func everyShippedDataFileLoads() throws {
        let g = try Gazetteer.loadDefault()
        #expect(g.places.count > 40_000)
        #expect(g.places.contains { $0.id == "sitrep:yarmouk-basin" && $0.kind == .region })
        #expect(g.demonym("Syrian")?.country == "SY")
        let lexicon = try PlaceLexicon.loadDefault()
        #expect(lexicon.stopwordCount > 100 && lexicon.roleCount > 50)
        #expect(lexicon.openerTable[NameKey.hash(Array("the".utf8))] != nil)
        #expect(lexicon.connectorTable[NameKey.hash(Array("ez".utf8))] != nil)
    }

    @Test func shippedWordListsAreSortedWithoutDuplicates() throws {
        let dir = try GazetteerResources.directory()
        for name in ["place-qualifiers.tsv", "place-stopwords.tsv", "place-sentence-openers.tsv", "place-name-connectors.tsv",
                     "place-demonyms.tsv",
                     "places-extra.tsv"] {
            let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.split(separator: "\t")[0]) }
            #expect(rows == rows.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }, "\(name) is not sorted")
            #expect(Set(rows).count == rows.count, "\(name) has duplicates")
        }
    }

    @Test func namedAreasHaveCoordinatesAndASource() throws {
        let dir = try GazetteerResources.directory()
        let text = try String(contentsOfFile: dir + "/places-extra.tsv", encoding: .utf8)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(f.count == 10, "\(line)")
            #expect(Double(f[3]) != nil && Double(f[4]) != nil)
            #expect(f[9].count > 10, "no source for \(f[0])")
        }
    }

    @Test func badRowReportsFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gaz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = "# comment\nsitrep:a\tregion\tSomewhere\t33.1\t36.2\tSY\t06\t0\t\tmade up\nsitrep:b\tregion\tElsewhere\tnorth\t36.2\tSY\t06\t0\t\tmade up\n"
        try body.write(to: dir.appendingPathComponent("gazetteer.tsv"), atomically: true, encoding: .utf8)
        do {
            _ = try Gazetteer.load(from: dir.path)
            Issue.record("a bad latitude must throw")
        } catch let e as SitrepError {
            #expect(e.code == "knowledge.badRow")
            #expect(e.input == "gazetteer.tsv:3")
        }
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: SitrepError.self) { try Gazetteer.load(from: "/nonexistent/gazetteer.tsv") }
    }

    @Test(arguments: [("Democratic People's Republic of Korea", "KP"), ("People's Republic of China", "CN"),
                      ("United Republic of Tanzania", "TZ"), ("Republic of Moldova", "MD")])
    func officialLongNameOfACountryIsThatCountry(_ name: String, _ iso: String) throws {
        let c = try #require(Self.gazetteer.candidates(named: name, skeleton: false).first)
        #expect(Self.gazetteer.places[Int(c.index)].kind == .country)
        #expect(Self.gazetteer.places[Int(c.index)].country == iso)
    }

    @Test func largeTownsMissingFromTheOlderCityListAreInTheMainTier() throws {
        // GeoNames cities500 counts these at 50,000 or more; the 2018 cities15000 copy lacks them.
        for (name, iso) in [("Muntinlupa", "PH"), ("Harrow", "GB")] {
            #expect(Self.gazetteer.candidates(named: name, skeleton: false).contains { Self.gazetteer.places[Int($0.index)].country == iso }, "\(name)")
        }
        // A small namesake stays in the second tier only.
        #expect(!Self.gazetteer.candidates(named: "Visbek", skeleton: false).contains { Self.gazetteer.places[Int($0.index)].country == "DE" })
    }

    @Test func aDivisionIsCentredOnItsWholeExtentNotWhereMostPeopleLive() throws {
        // British Columbia's towns crowd its south-west; the middle of their whole range lies far to the north.
        let bc = try #require(Self.gazetteer.candidates(named: "British Columbia", skeleton: false).first { Self.gazetteer.places[Int($0.index)].kind == .admin1 })
        #expect(Self.gazetteer.places[Int(bc.index)].lat > 52.5)
    }

    /// Districts with no town of 15,000 coded to them are placed at their seat, the town of the bare name in the same
    /// first-level division; "Qada' X" also answers to "X District".
    @Test(arguments: [("Manbij District", "SY", 36.5, 37.9), ("Jarabulus district", "SY", 36.8, 38.0),
                      ("Tikrit District", "IQ", 34.6, 43.7), ("Samarra District", "IQ", 34.2, 43.9),
                      ("Zhob District", "PK", 31.3, 69.4),
                      // Seats by another spelling of the town (OCHA's, GeoNames' alternates) or without "Al-".
                      ("Mayadin District", "SY", 35.0, 40.5), ("Douma District", "SY", 33.6, 36.4),
                      ("Tel Afar District", "IQ", 36.4, 42.4), ("Al-Tall District", "SY", 33.6, 36.3)])
    func districtWithoutALargeTownIsPlacedAtItsSeat(_ name: String, _ iso: String, _ lat: Double, _ lon: Double) throws {
        let g = Self.gazetteer
        let d = try #require(g.candidates(named: name, skeleton: false).first { g.kindOf[Int($0.index)] == .admin2 && g.places[Int($0.index)].country == iso })
        let p = g.places[Int(d.index)]
        #expect(abs(p.lat - lat) < 0.3 && abs(p.lon - lon) < 0.3, "\(p.name) \(p.lat) \(p.lon)")
    }

    @Test(arguments: [("Clashes spread across Manbij District overnight.", "geonames:167355"),
                      ("Aid reached villages of the Tikrit District on Friday.", "geonames:90148")])
    func districtNamedInFullInATextIsTheDistrict(_ text: String, _ id: String) {
        let found = PlaceMatcher(gazetteer: Self.gazetteer).find(in: text, tokens: nil)
        #expect(found.map(\.place.id) == [id], "\(found.map(\.place.name))")
    }

    @Test(arguments: [("Manbij", "SY"), ("Tikrit", "IQ"), ("Jarabulus", "SY")])
    func seatNameAloneStaysTheTown(_ name: String, _ iso: String) {
        // The district answers only to its full name: the bare seat name is the town.
        let found = PlaceMatcher(gazetteer: Self.gazetteer).find(in: "Fighting was reported in \(name) on Monday.", tokens: nil)
        #expect(found.count == 1 && found.first?.place.precision == .city && found.first?.place.country == iso, "\(found.map(\.place.name))")
    }

    /// A division's population sums its towns but not the sections of a town (GeoNames PPLX), which its town counts
    /// already: the county of Boston (one PPLX "South Boston" listed at 571,281) is smaller than Long Island's.
    @Test(arguments: [("Detectives from Suffolk County reopened the file last week.", "geonames:5140076"),
                      ("Suffolk County prosecutors dropped the charge against him.", "geonames:5140076"),
                      ("Boston police and Suffolk County prosecutors met on Monday.", "geonames:4952349")])
    func countyNamedAloneIsTheLargerNamesake(_ text: String, _ id: String) throws {
        let found = PlaceMatcher(gazetteer: Self.gazetteer).find(in: text, tokens: nil)
        let county = try #require(found.first { $0.place.name == "Suffolk County" })
        #expect(county.place.id == id, "\(county.place.admin1 ?? "-")")
    }

    @Test(arguments: [("Cherokee County", "AL"), ("Geneva County", "AL"), ("Butler County", "AL")])
    func usCountyIsNotPlacedAtATownOfItsName(_ name: String, _ state: String) {
        // US counties are often named for people: a town of the name in the state need not be the seat.
        let g = Self.gazetteer
        #expect(!g.candidates(named: name, skeleton: false).contains {
            g.kindOf[Int($0.index)] == .admin2 && g.places[Int($0.index)].admin1Key == "US." + state
        }, "\(name), \(state)")
    }

    @Test(arguments: ["South Sudan District", "Manbij County", "Tikrit Agency"])
    func aSeatNameWithAnotherGenericWordIsNoDivision(_ name: String) {
        let g = Self.gazetteer
        #expect(!g.candidates(named: name, skeleton: false).contains { g.kindOf[Int($0.index)] == .admin2 }, "\(name)")
    }

    /// A first-level division listed in scripts/gazetteer/admin1-points.tsv sits at GeoNames' own point for it, not at
    /// the middle of its towns (Alaska's towns lie in its south; Virginia's point is GeoNames' at Richmond).
    @Test(arguments: [("geonames:5879092", 64.00028, -150.00028), ("geonames:6254928", 37.54812, -77.44675),
                      ("geonames:5551752", 34.5003, -111.50098), ("geonames:6269131", 52.16045, -0.70312)])
    func divisionSitsAtGeoNamesPoint(_ id: String, _ lat: Double, _ lon: Double) throws {
        let g = Self.gazetteer
        let p = g.places[Int(try #require(g.index(ofID: id)))]
        #expect(p.kind == .admin1)
        #expect(abs(p.lat - lat) < 0.001 && abs(p.lon - lon) < 0.001, "\(p.name) \(p.lat),\(p.lon)")
    }

    @Test func bareCityNameRanksTheCityAboveItsGovernorate() {
        let m = PlaceMatcher(gazetteer: Self.gazetteer)
        let found = m.find(in: "Shelling hit Homs on Tuesday.", tokens: nil)
        #expect(found.count == 1)
        #expect(found.first?.place.precision == .city)
        #expect(found.first?.place.country == "SY")
    }
}
