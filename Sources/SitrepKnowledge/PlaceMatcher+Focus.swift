import SitrepCore

extension PlaceMatcher {
    /// The document's main place, for names the gazetteer does not know (streets, buildings, small towns).
    ///
    /// First the country the document is most about (every found place votes for its country), then inside
    /// that country the most often named town or district (population breaks ties), else its most often named
    /// first-level division, else the country itself. A stray match in another country ("Kent" as a surname)
    /// cannot become the focus of a document about somewhere else.
    public func focus(of found: [PlaceMention]) -> PlaceRef? {
        // A continent or sea votes for itself: a document about "Europe" or "the EU" has no one country.
        var countryVotes: [String: Double] = [:]
        var outside: [String: PlaceRef] = [:]
        for m in found {
            if let c = m.place.country, !c.isEmpty {
                countryVotes[c, default: 0] += m.score
            } else if let id = m.place.id {
                countryVotes["#" + id, default: 0] += m.score
                outside["#" + id] = m.place
            }
        }
        guard let country = countryVotes.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key
        else { return found.first?.place }
        if let region = outside[country] { return region }
        var local: [String: (Double, PlaceRef)] = [:]
        var division: [String: (Double, PlaceRef)] = [:]
        var countryRef: PlaceRef? = nil
        for m in found where m.place.country == country {
            guard let id = m.place.id else { continue }
            switch m.place.precision {
            case .city?, .district?, .exact?:
                local[id, default: (0, m.place)].0 += 1
            case .admin1?:
                division[id, default: (0, m.place)].0 += 1
            case .country?:
                if countryRef == nil { countryRef = m.place }
            default:
                break
            }
        }
        func population(_ p: PlaceRef) -> Int {
            guard let id = p.id, let i = gazetteer.index(ofID: id) else { return 0 }
            return Int(gazetteer.populationOf[Int(i)])
        }
        func best(_ d: [String: (Double, PlaceRef)]) -> PlaceRef? {
            d.max { a, b in
                if a.value.0 != b.value.0 { return a.value.0 < b.value.0 }
                let pa = population(a.value.1), pb = population(b.value.1)
                return pa != pb ? pa < pb : a.key > b.key
            }?.value.1
        }
        return best(local) ?? best(division) ?? countryRef ?? gazetteer.country(code: country).map { gazetteer.placeRef(gazetteer.index(ofID: $0.id)!) }
    }
}
