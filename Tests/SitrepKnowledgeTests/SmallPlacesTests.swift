import Foundation
import Testing
import SitrepCore
@testable import SitrepKnowledge

/// The second tier of small towns: used only when the document names the town's division, never against a
/// main-tier place otherwise.
@Suite struct SmallPlacesTests {
    static let matcher = PlaceMatcher(gazetteer: try! Gazetteer.loadDefault())

    /// The place found for the first occurrence of `name` in `text`.
    func place(_ name: String, in text: String) throws -> PlaceRef {
        let found = Self.matcher.find(in: text, tokens: nil)
        let m = try #require(found.first { text.slice($0.range)?.hasPrefix(name) ?? false })
        return m.place
    }

    @Test func shippedTierLoadsAndKnowsSmallTownsTheMainTierLacks() throws {
        let tier = try #require(SmallPlaces.loadDefault())
        #expect(tier.count > 50_000)
        let nj = tier.entries(named: "Riverdale").filter { $0.admin1Key == "US.NJ" }
        #expect(nj.count == 1)
        // Nothing in the second tier is also in the main tier.
        let g = try Gazetteer.loadDefault()
        for e in tier.entries(named: "Nelson") { #expect(g.index(ofID: e.id) == nil) }
    }

    @Test(arguments: [
        ("The fire started in a warehouse in Riverdale, N.J., late on Sunday.", "Riverdale", "US", 40.0, 42.0),
        ("Crews near Nelson, British Columbia, fought the blaze overnight.", "Nelson", "CA", 49.0, 50.0),
        ("Voters in Gainesville, Virginia, queued for hours.", "Gainesville", "US", 38.0, 39.5),
    ])
    func townWithItsDivisionNamedAfterItIsTheSmallNamesake(text: String, name: String, country: String, latMin: Double, latMax: Double) throws {
        let p = try place(name, in: text)
        #expect(p.country == country)
        #expect((p.lat ?? 0) >= latMin && (p.lat ?? 0) <= latMax)
    }

    @Test func townWithoutItsDivisionNamedKeepsTheMainTierPlace() throws {
        // No New Jersey, no British Columbia: the larger namesakes of the main tier stand.
        let p = try place("Nelson", in: "Rugby fans in Nelson and Wellington celebrated as New Zealand won.")
        #expect(p.country == "NZ")
        let r = try place("Gainesville", in: "The storm reached Gainesville and Ocala in Florida by noon.")
        #expect(r.admin1 == "Florida")
    }

    @Test func townsOfTheDocumentLyingInADivisionAreNoGate() throws {
        // Newark and Paterson lie in New Jersey, where a small Riverdale also lies; New Jersey itself is not named,
        // so the main tier's Riverdale stands.
        let p = try place("Riverdale", in: "Police in Newark and Paterson said the suspect was later seen in Riverdale.")
        #expect(p.admin1 != "New Jersey")
        let q = try place("Riverdale", in: "Police in Newark, New Jersey, said the suspect was later seen in Riverdale.")
        #expect(q.admin1 == "New Jersey")
    }

    /// Resolves every occurrence of `name` in `text` as a given span.
    func resolveAll(_ name: String, in text: String) -> [PlaceMention?] {
        var spans: [TextRange] = []
        let u = Array(text.utf8), n = Array(name.utf8)
        var k = 0
        while k + n.count <= u.count {
            if Array(u[k..<(k + n.count)]) == n { spans.append(TextRange(start: Int32(k), end: Int32(k + n.count))); k += n.count } else { k += 1 }
        }
        return Self.matcher.resolve(spans: spans, in: text)
    }

    @Test func givenNameUnknownToTheMainTierAfterALocativeWordIsASmallTownOfTheNamedCountry() throws {
        let text = "Greece moved hundreds of asylum seekers off the islands. Conditions in Samos remain dire, aid groups said."
        let r = try #require(resolveAll("Samos", in: text).first ?? nil)
        #expect(r.place.country == "GR")
        #expect(abs((r.place.lat ?? 0) - 37.75) < 0.5)
    }

    @Test func aSmallTownVouchedForOnceIsThatTownAtEveryMention() {
        let text = "Greece moved asylum seekers to camps in Samos this winter. The Samos camp now holds twice its capacity."
        let r = resolveAll("Samos", in: text)
        #expect(r.count == 2)
        #expect(r.allSatisfy { $0?.place.country == "GR" })
    }

    @Test func aSmallTownWithItsCountryRightAfterItNeedsNoLocativeWord() throws {
        let text = "Visbek, Germany, is home to the feed maker's new laboratory."
        let r = try #require(resolveAll("Visbek", in: text).first ?? nil)
        #expect(r.place.country == "DE")
    }

    @Test(arguments: [
        // The country is named, but the small town lies far from the document's towns of that country.
        ("Lawmakers in Congress met the president in Washington, United States, on Monday.", "Congress"),
        // No locative word, no country or division after it, no division named: a hotel chain's name.
        ("The Samos hotel chain opened its new building in Athens, Greece.", "Samos"),
        // A locative word, but its country is not named.
        ("The ferry reached Samos before dawn and left again at noon.", "Samos"),
    ])
    func smallNamesakeWithoutItsCountryOrDivisionVouchingIsNotChosen(_ text: String, _ name: String) {
        for r in resolveAll(name, in: text) {
            #expect(r == nil || r?.place.id.map { SmallPlaces.loadDefault()?.entries(named: name).map(\.id).contains($0) == true } != true,
                    "\(name) → \(String(describing: r?.place))")
        }
    }

    @Test func aBadRowIsReportedWithFileAndLine() throws {
        let path = NSTemporaryDirectory() + "sitrep-small-places-\(UUID().uuidString).tsv"
        try "# header\n1\tOkay Town\t1.0\t2.0\tUS\tNJ\t1200\n2\tBad Town\tnorth\t2.0\tUS\tNJ\t1200\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect { try SmallPlaces.load(file: path) } throws: { e in
            (e as? SitrepError)?.input?.hasSuffix(":3") ?? false
        }
        let okPath = path + ".ok.tsv"
        try "1\tOkay Town|Okay\t1.0\t2.0\tUS\tNJ\t1200\n".write(toFile: okPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: okPath) }
        let ok = try SmallPlaces.load(file: okPath)
        #expect(ok.entries(named: "okay").map(\.name) == ["Okay Town"])
        #expect(ok.entries(named: "Okay Town").first?.admin1Key == "US.NJ")
    }
}
