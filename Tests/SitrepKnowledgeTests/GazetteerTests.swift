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

    @Test func bareCityNameRanksTheCityAboveItsGovernorate() {
        let m = PlaceMatcher(gazetteer: Self.gazetteer)
        let found = m.find(in: "Shelling hit Homs on Tuesday.", tokens: nil)
        #expect(found.count == 1)
        #expect(found.first?.place.precision == .city)
        #expect(found.first?.place.country == "SY")
    }
}
