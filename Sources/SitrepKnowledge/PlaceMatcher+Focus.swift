import Foundation
import SitrepCore

extension PlaceMatcher {
    /// The document's main place, for names the gazetteer does not know (streets, buildings, small towns).
    ///
    /// First the country the document is most about (every found place votes for its country), then inside
    /// that country the town or district that best fits the document: named often, close to the other places
    /// named (a town in the division the document names, near its other towns), and large. Failing a town, its
    /// most often named first-level division, else the country itself. A stray match in another country ("Kent"
    /// as a surname) cannot become the focus of a document about somewhere else, and a repeated stray name far
    /// from all the others ("Franklin" as a street) loses to the town the other places cluster around.
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
        // Distinct places of the document with how often they are named.
        var distinct: [String: (count: Double, place: PlaceRef)] = [:]
        for m in found { if let id = m.place.id { distinct[id, default: (0, m.place)].count += 1 } }
        var local: [String: (Double, PlaceRef)] = [:]
        var division: [String: (Double, PlaceRef)] = [:]
        var countryRef: PlaceRef? = nil
        for (id, d) in distinct where d.place.country == country {
            switch d.place.precision {
            case .city?, .district?, .exact?:
                local[id] = (fit(d.place, id: id, count: d.count, among: distinct), d.place)
            case .admin1?:
                division[id] = (d.count, d.place)
            case .country?:
                if countryRef == nil { countryRef = d.place }
            default:
                break
            }
        }
        // Of two places next to each other (a town and the city it neighbours or lies in) the one named more
        // often is the document's subject; at equal counts the fit decides (size among it). The fit alone would
        // favour the less named of the two: it is credited with its neighbour's many mentions, the neighbour
        // with its few.
        let dominated = local.keys.filter { t in
            guard let dt = distinct[t] else { return false }
            return local.keys.contains { c in
                guard c != t, let dc = distinct[c], dc.count > dt.count else { return false }
                return Self.nextTo(dc.place, dt.place)
            }
        }
        for t in dominated { local[t] = nil }
        func best(_ d: [String: (Double, PlaceRef)]) -> PlaceRef? {
            d.max { a, b in
                if a.value.0 != b.value.0 { return a.value.0 < b.value.0 }
                let pa = population(a.value.1), pb = population(b.value.1)
                return pa != pb ? pa < pb : a.key > b.key
            }?.value.1
        }
        return best(local) ?? best(division) ?? countryRef ?? gazetteer.country(code: country).map { gazetteer.placeRef(gazetteer.index(ofID: $0.id)!) }
    }

    func population(_ p: PlaceRef) -> Int {
        guard let id = p.id, let i = gazetteer.index(ofID: id) else { return 0 }
        return Int(gazetteer.populationOf[Int(i)])
    }

    /// How well a town fits as the document's focus: how often it is named (with diminishing returns), how
    /// close the document's other places lie (its own division counts in full, towns by distance) and its size.
    func fit(_ p: PlaceRef, id: String, count: Double, among distinct: [String: (count: Double, place: PlaceRef)]) -> Double {
        var s = 1 + 0.5 * log2(count)
        for (qid, q) in distinct where qid != id {
            // A small town of the second tier was admitted on its division's word: it does not pull the focus.
            if gazetteer.index(ofID: qid) == nil && q.place.precision != .admin1 { continue }
            let weight = min(2, q.count)
            if q.place.precision == .admin1 {
                if q.place.country == p.country && q.place.name == p.admin1 { s += 0.8 * weight }
                continue
            }
            if q.place.precision == .country || q.place.country == nil { continue }
            guard let la = p.lat, let lo = p.lon, let qa = q.place.lat, let qo = q.place.lon else { continue }
            let d = Self.kilometres(la, lo, qa, qo)
            s += weight * (d < 25 ? 1 : exp(-(d - 25) / 150))
        }
        return s + 0.15 * log10(Double(population(p)) + 1)
    }

    /// Whether two places lie within 50 km of each other: a town and the city it neighbours or lies in.
    static func nextTo(_ a: PlaceRef, _ b: PlaceRef) -> Bool {
        guard let la = a.lat, let lo = a.lon, let qa = b.lat, let qo = b.lon else { return false }
        return kilometres(la, lo, qa, qo) < 50
    }

    /// Great-circle distance in kilometres.
    public static func kilometres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6371.0088, d = Double.pi / 180
        let dlat = (lat2 - lat1) * d, dlon = (lon2 - lon1) * d
        let a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * d) * cos(lat2 * d) * sin(dlon / 2) * sin(dlon / 2)
        return 2 * r * asin(min(1, sqrt(a)))
    }
}


