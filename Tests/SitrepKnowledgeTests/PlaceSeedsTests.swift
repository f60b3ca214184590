import Foundation
import Testing
@testable import SitrepKnowledge

/// End to end on the five seed articles (read from ../shared/seeds, never copied): the places the project
/// exists for get the right gazetteer entry, and the sources are not places.
@Suite struct PlaceSeedsTests {
    static let seedDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/seeds").standardized.path

    static func seeds() -> [String] {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: seedDir) else { return [] }
        return files.filter { $0.hasSuffix(".txt") }.sorted().compactMap {
            try? String(contentsOfFile: seedDir + "/" + $0, encoding: .utf8)
        }
    }

    static func occurrences(of needle: String, in text: String) -> [Range<Int>] {
        let h = Array(text.utf8), n = Array(needle.utf8)
        var out: [Range<Int>] = []
        var i = 0
        while i + n.count <= h.count {
            if h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { out.append(i..<(i + n.count)); i += n.count } else { i += 1 }
        }
        return out
    }

    @Test(arguments: [
        ("Deir Ezzour", "geonames:170794"), ("Deir Ezzor", "geonames:170794"), ("Deir e-Zor", "geonames:170794"),
        ("Alboukamal", "geonames:174448"), ("al-Boukamal", "geonames:174448"),
        ("Deraa", "geonames:170905"), ("Sweida", "geonames:172408"), ("Shabki", "ocha:C6181"),
        ("Tafas", "geonames:163806"), ("Uqayrbat", "geonames:162803"), ("Yarmouk Basin", "sitrep:yarmouk-basin"),
        ("Badiya", "sitrep:badiya"), ("Damascus", "geonames:170654"), ("Talul al-Safa", "sitrep:talul-al-safa"),
    ])
    func seedPlacesResolveToTheirEntry(_ surface: String, _ id: String) throws {
        let texts = Self.seeds()
        try #require(!texts.isEmpty, "seeds not found at \(Self.seedDir)")
        let matcher = PlaceMatcher(gazetteer: try Gazetteer.loadDefault())
        var covered = 0
        for text in texts {
            let found = matcher.find(in: text, tokens: nil)
            for occ in Self.occurrences(of: surface, in: text) {
                // The mention holding this occurrence (qualifiers may widen it: "Sweida city", "Tafas town").
                guard let m = found.first(where: { Int($0.range.start) <= occ.lowerBound && Int($0.range.end) >= occ.upperBound }) else { continue }
                covered += 1
                // A qualified name ("Deraa province", "eastern Sweida") is the division; "Damascus countryside"
                // is the neighbouring division (Rural Damascus).
                if (m.place.qualifier ?? "").contains("countryside") && m.place.precision == .region {
                    #expect(m.place.country == "SY"); continue
                }
                if m.place.qualifier != nil && (m.place.precision == .admin1 || m.place.precision == .region)
                    && m.place.id != id {
                    let entry = try Gazetteer.loadDefault().places.first { $0.id == id }
                    #expect(entry.map { m.place.admin1 == Gazetteer.cachedAdmin1Name(of: $0) } ?? false,
                            "\(surface) → \(m.place.name) \(m.place.id ?? "")")
                    continue
                }
                #expect(m.place.id == id, "\(surface) → \(m.place.name) \(m.place.id ?? "")")
            }
        }
        #expect(covered > 0, "\(surface) was never found")
    }

    @Test(arguments: ["SOHR", "Rami Abdel Rahman", "SANA", "AFP", "Nour Radwan"])
    func sourcesAreNotPlaces(_ surface: String) throws {
        let texts = Self.seeds()
        try #require(!texts.isEmpty)
        let matcher = PlaceMatcher(gazetteer: try Gazetteer.loadDefault())
        for text in texts {
            let found = matcher.find(in: text, tokens: nil)
            for occ in Self.occurrences(of: surface, in: text) {
                let hit = found.first { Int($0.range.start) < occ.upperBound && Int($0.range.end) > occ.lowerBound }
                #expect(hit == nil, "\(surface) became \(hit?.place.name ?? "")")
            }
        }
    }
}
