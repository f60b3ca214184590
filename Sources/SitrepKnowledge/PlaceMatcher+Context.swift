import Foundation
import SitrepCore

extension PlaceMatcher {
    /// Prior of one candidate: how the name matched, what kind of feature it is, its population, and how
    /// well it fits the words around the name.
    func prior(_ c: Gazetteer.Candidate, _ raw: Raw) -> Double {
        let p = gazetteer.places[Int(c.index)]
        var s: Double
        switch c.match {
        case .primary: s = 1.0
        case .alternate: s = 0.9
        case .skeleton: s = 0.6
        }
        switch p.kind {
        case .continent: s += 1.0
        case .country: s += c.match == .primary ? 1.2 : 0.8
        case .admin1: s += 0.3 + 0.04 * log10(Double(p.population) + 1)
        case .region: s += 0.45
        case .admin2: s += 0.1 + 0.04 * log10(Double(p.population) + 1)
        case .city: s += 0.1 + 0.1 * log10(Double(p.population) + 1)
        case .neighbourhood: s += 0.05
        }
        switch raw.head {
        case .admin1?:
            if p.kind == .admin1 { s += 0.8 }
        case .region?:
            if p.kind == .admin1 || p.kind == .region { s += 0.6 }
        case .city?:
            if p.kind == .city { s += 0.6 } else if p.kind == .admin1 { s -= 0.3 }
        case .border?:
            if p.kind == .country { s += 0.5 }
        default:
            if raw.rural && (p.kind == .admin1 || p.kind == .region) { s += 0.6 }
            else if raw.direction && (p.kind == .admin1 || p.kind == .region) { s += 0.35 }
            else if raw.direction && p.kind == .country { s += 0.2 }
        }
        return s
    }

    /// Decides each raw mention's entry using priors and the document's other places.
    func decide(_ raws: [Raw], _ t: UnsafeBufferPointer<UInt8>) -> [PlaceMention?] {
        let places = gazetteer.places
        // 1. Prior-best of each mention, and the document's countries and divisions from them.
        var priorBest: [Int32] = []
        priorBest.reserveCapacity(raws.count)
        var countryCount: [String: Int] = [:]
        var admin1Count: [String: Int] = [:]
        /// Countries of mentions whose best reading is an exact (not skeleton) name: support for variants.
        var exactCountryCount: [String: Int] = [:]
        var total = 0
        for r in raws {
            var best: Int32 = -1
            var bs = -Double.infinity
            var bestExact = false
            for c in r.candidates {
                let s = prior(c, r)
                if s > bs { bs = s; best = c.index; bestExact = c.match != .skeleton }
            }
            if best >= 0 && bestExact && !places[Int(best)].country.isEmpty {
                exactCountryCount[places[Int(best)].country, default: 0] += 1
            }
            priorBest.append(best)
            guard best >= 0 else { continue }
            let p = places[Int(best)]
            total += 1
            if !p.country.isEmpty { countryCount[p.country, default: 0] += 1 }
            if p.kind != .country && p.kind != .continent && !p.admin1Code.isEmpty { admin1Count[p.admin1Key, default: 0] += 1 }
        }
        // One sense per document: a word that follows another name somewhere ("Kevin Allen") is that
        // name's part wherever it stands alone ("Allen said").
        var personLike = Set<UInt64>()
        for r in raws where r.afterOtherName && r.singleWord { personLike.insert(r.nameHash) }
        // 2. Rescore with context.
        var out: [PlaceMention?] = []
        out.reserveCapacity(raws.count)
        for (i, r) in raws.enumerated() {
            guard !r.candidates.isEmpty else { out.append(nil); continue }
            let own = priorBest[i] >= 0 ? places[Int(priorBest[i])] : nil
            // Divisions and countries named right next to this name ("Duma, in Hama province").
            var nearAdmin1 = Set<String>()
            var nearCountry = Set<String>()
            var j = i + 1
            while j < raws.count && raws[j].start - r.end < 60 {
                for c in raws[j].candidates {
                    let p = places[Int(c.index)]
                    if p.kind == .admin1 { nearAdmin1.insert(p.admin1Key) }
                    if p.kind == .country { nearCountry.insert(p.country) }
                }
                if let b = raws[j].candidates.first, raws[j].head == .admin1 {
                    nearAdmin1.insert(places[Int(b.index)].admin1Key)
                }
                j += 1
            }
            // A bare name shared by a division and a city in it means the city ("Homs", "Deir Ezzor").
            var divisionKeys = Set<String>()
            if r.head == nil && !r.direction && !r.rural {
                for c in r.candidates where places[Int(c.index)].kind == .admin1 { divisionKeys.insert(places[Int(c.index)].admin1Key) }
            }
            var scored: [(Double, Gazetteer.Candidate)] = []
            for c in r.candidates {
                let p = places[Int(c.index)]
                var s = prior(c, r)
                if p.kind == .city && !divisionKeys.isEmpty && divisionKeys.contains(p.admin1Key) { s += 0.5 }
                if !p.country.isEmpty {
                    let others = (countryCount[p.country] ?? 0) - (own?.country == p.country ? 1 : 0)
                    s += 0.6 * Double(max(0, others)) / Double(max(1, total - 1))
                    if nearCountry.contains(p.country) { s += 0.3 }
                }
                if p.kind != .country && p.kind != .continent && !p.admin1Code.isEmpty {
                    let key = p.admin1Key
                    let selfCount = (own != nil && own!.kind != .country && own!.admin1Key == key) ? 1 : 0
                    let inDivision = (admin1Count[key] ?? 0) - selfCount
                    if inDivision > 0 { s += 0.3 + 0.4 * Double(inDivision) / Double(max(1, total - 1)) }
                    if nearAdmin1.contains(key) && p.kind != .admin1 { s += 0.6 }
                }
                scored.append((s, c))
            }
            scored.sort { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1.index < $1.1.index) }
            let (bestScore, best) = scored[0]
            let second = scored.count > 1 ? scored[1].0 : bestScore - 1.5
            let p = places[Int(best.index)]
            if r.forcedIndex == nil && r.singleWord && !r.cue && personLike.contains(r.nameHash)
                && p.kind != .country && p.kind != .admin1 && p.kind != .continent && p.population < 1_000_000 {
                out.append(nil); continue
            }
            // A small place inside a longer capitalised name ("John Kelly", "Notre Dame") is part of that name.
            if r.forcedIndex == nil && r.insideLongerRun && !r.cue
                && (p.kind == .city || p.kind == .neighbourhood || p.kind == .admin2) && p.population < 20_000 {
                out.append(nil); continue
            }
            // A spelling variant (skeleton match) needs the document to be about that country already.
            // A single word needs another place of that country in the document; a longer name ("Deir Ezzour",
            // "Albu Kamal") is rarely a coincidence and stands on its own.
            if best.match == .skeleton && !p.country.isEmpty {
                let others = exactCountryCount[p.country] ?? 0
                let multiWord = !r.singleWord && r.forcedIndex == nil
                if others <= 0 && !multiWord { out.append(nil); continue }
            }
            // A village-sized name on its own needs support: a locative word before it or its division named.
            if r.forcedIndex == nil && r.singleWord && !r.cue && (p.kind == .city || p.kind == .neighbourhood || p.kind == .admin2) {
                let supported = p.admin1Code.isEmpty ? false
                    : (admin1Count[p.admin1Key] ?? 0) - (priorBest[i] == best.index ? 1 : 0) > 0
                let countrySupported = !p.country.isEmpty
                    && (countryCount[p.country] ?? 0) - (own?.country == p.country ? 1 : 0) > 0
                let exact = best.match != .skeleton && r.end - r.start >= 5
                if p.population < 1000 && !supported && !(countrySupported && exact) { out.append(nil); continue }
                if best.match == .skeleton && p.population < 20_000 && !supported { out.append(nil); continue }
            }
            var precision = p.kind.precision
            switch r.head {
            case .admin1?: if p.kind == .admin1 { precision = .admin1 }
            case .region?: if p.kind != .city || r.rural { precision = .region }
            case .city?: if p.kind == .city { precision = .city }
            case .border?: precision = .region
            default: if r.rural { precision = .region }
            }
            let qualifier = r.qualifierWords.isEmpty ? nil : r.qualifierWords.joined(separator: " ")
            var ref = gazetteer.placeRef(best.index, qualifier: qualifier, precision: precision)
            if p.kind == .admin1 && precision == .region { ref.precision = .region }
            let margin = bestScore - second
            var score = 0.5 + 0.5 * tanh(2 * margin)
            if best.match == .skeleton { score *= 0.8 }
            out.append(PlaceMention(range: TextRange(start: Int32(r.start), end: Int32(r.end)), place: ref, score: score))
        }
        return out
    }
}
