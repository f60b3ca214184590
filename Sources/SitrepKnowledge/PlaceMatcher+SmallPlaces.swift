import SitrepCore

extension PlaceMatcher {
    /// A small town of the second tier (`SmallPlaces`) that this name stands for instead of the main
    /// gazetteer's choice `best`, or nil. The gate: the town's first-level division is named right after the
    /// name ("Riverdale, N.J.", "Nelson, British Columbia"), or the document names that division (or one of its
    /// counties) as such, and the town is better supported that way than `best` is ("Riverdale" in a story
    /// about Morris County, New Jersey, is not the larger Riverdale in Georgia). Towns of the document merely
    /// lying in a division are no gate ("London" does not make "Washington" an English town). Countries,
    /// divisions and named areas are never replaced, and a city of 100,000 or more yields only to a division
    /// named right after the name.
    ///
    /// - Parameters:
    ///   - nearAdmin1: divisions named just after the name; `admin1Count`: the document's mentions by division;
    ///     `divisionNamedCount`: mentions naming a division or county, by first-level division, and
    ///     `anyDivisionNamed` whether there is any;
    ///   - ownAdmin1: the division of this mention's own prior-best reading (not counted as support).
    ///   - r: the mention, read in place (not copied with its arrays).
    func smallPlace(for r: UnsafePointer<Raw>, best: Int32, _ t: UnsafeBufferPointer<UInt8>, nearAdmin1: [Int32],
                    admin1Count: [Int32], divisionNamedCount: [Int32], anyDivisionNamed: Bool, ownAdmin1: Int32) -> PlaceRef? {
        let g = gazetteer
        let kind = g.kindOf[Int(best)]
        guard kind == .city || kind == .admin2 || kind == .neighbourhood, r.pointee.nameEnd > r.pointee.nameStart else { return nil }
        let bigBest = g.populationOf[Int(best)] >= 100_000
        // Cheap test before the tier is loaded: some division must be named at all.
        guard !nearAdmin1.isEmpty || (!bigBest && anyDivisionNamed),
              let tier = SmallPlaces.loadDefault() else { return nil }
        var fold: [UInt8] = []
        NameKey.fold(UnsafeBufferPointer(rebasing: t[r.pointee.nameStart..<r.pointee.nameEnd]), into: &fold)
        let hits = fold.withUnsafeBufferPointer { tier.indices(folded: $0) }
        guard !hits.isEmpty else { return nil }
        /// (gate holds, support): named right after counts most, then the division named in the document,
        /// then the document's other places in it.
        func support(_ aid: Int32) -> (Bool, Double) {
            guard aid >= 0 else { return (false, 0) }
            let near = nearAdmin1.contains(aid)
            let named = Int(divisionNamedCount[Int(aid)])
            let towns = max(0, Int(admin1Count[Int(aid)]) - (aid == ownAdmin1 ? 1 : 0))
            return (near || (named > 0 && !bigBest), (near ? 2.0 : 0) + Double(named) + 0.1 * Double(towns))
        }
        let bestSupport = support(g.admin1IDOf[Int(best)]).1
        var chosen: Int32 = -1
        var chosenSupport = 0.0
        var chosenAdmin1: Int32 = -1
        for h in hits {
            guard let a1 = g.admin1ByKey[tier.admin1Key(h)] else { continue }
            let (gate, s) = support(g.admin1IDOf[Int(a1)])
            guard gate else { continue }
            if s > chosenSupport || (s == chosenSupport && chosen >= 0 && tier.populationOf[Int(h)] > tier.populationOf[Int(chosen)]) {
                chosen = h; chosenSupport = s; chosenAdmin1 = a1
            }
        }
        guard chosen >= 0, chosenSupport > bestSupport else { return nil }
        let e = tier.entry(chosen)
        let qualifier = r.pointee.qualifierWords.isEmpty ? nil : r.pointee.qualifierWords.joined(separator: " ")
        var precision = PlaceRef.Precision.city
        if r.pointee.rural || r.pointee.head == .region { precision = .region }
        return PlaceRef(name: e.name, id: e.id, lat: e.lat, lon: e.lon, admin1: g.places[Int(chosenAdmin1)].name,
                        country: e.country, precision: precision, qualifier: qualifier)
    }

    /// The first-level divisions the name right after mention `i` can be ("Riverdale, N.J.", "Nelson (British
    /// Columbia)"): only a comma, spaces or a bracket between them, and an exact (not skeleton) name.
    func divisionRightAfter(_ i: Int, _ raws: [Raw], _ t: UnsafeBufferPointer<UInt8>) -> [Int32] {
        guard i + 1 < raws.count else { return [] }
        // (Fields read in place: no copy of the two mentions.)
        let end = raws[i].nameEnd, nextStart = raws[i + 1].nameStart
        guard nextStart >= end, nextStart - end <= 3 else { return [] }
        for k in end..<nextStart where !(t[k] == 0x2C || t[k] == 0x20 || t[k] == 0x28) { return [] }
        var out: [Int32] = []
        for c in raws[i + 1].candidates where c.match != .skeleton && gazetteer.kindOf[Int(c.index)] == .admin1 {
            out.append(gazetteer.admin1IDOf[Int(c.index)])
        }
        return out
    }

    /// A small town of the second tier for a given name (a span to resolve) that the main gazetteer knows not at
    /// all or only as a spelling variant ("Samos" in a story about Greece, "Southold" in one about Long Island).
    /// The town must be vouched for: its first-level division is named in the document, or its country or
    /// division right after it ("Visbek, Germany"), or a locative word before it ("in", "at", "town of") while
    /// its country is named as such and it lies within 300 km of the document's other places in that country
    /// (when it names any: "in Congress" in a story about Washington is no Arizona town). Among several, the one
    /// named with its division first, then the nearest to the document's places, then the largest. Nil when none.
    func smallPlaceForUnknownName(_ i: Int, _ raws: [Raw], priorBest: [Int32], _ t: UnsafeBufferPointer<UInt8>,
                                  countryNamed: [Bool], divisionNamedCount: [Int32]) -> PlaceRef? {
        let g = gazetteer
        let r = raws[i]
        guard r.nameEnd > r.nameStart, let tier = SmallPlaces.loadDefault() else { return nil }
        var fold: [UInt8] = []
        NameKey.fold(UnsafeBufferPointer(rebasing: t[r.nameStart..<r.nameEnd]), into: &fold)
        let hits = fold.withUnsafeBufferPointer { tier.indices(folded: $0) }
        guard !hits.isEmpty else { return nil }
        // Countries and divisions named right after the name, and a locative word right before it.
        var after: [Int32] = []
        for q in raws where q.nameStart >= r.nameEnd && q.nameStart - r.nameEnd <= 3 && !q.appended {
            var ok = true
            for k in r.nameEnd..<q.nameStart where !(t[k] == 0x2C || t[k] == 0x20 || t[k] == 0x28) { ok = false }
            if ok { for c in q.candidates where c.match != .skeleton { after.append(c.index) } }
        }
        let cue = locativeWordBefore(r.nameStart, t)
        var chosen: Int32 = -1, chosenScore = -Double.infinity, chosenAdmin1: Int32 = -1
        for h in hits {
            let key = tier.admin1Key(h)
            guard let dot = key.firstIndex(of: "."), let ci = g.countryByCode[String(key[..<dot])] else { continue }
            let cid = g.countryIDOf[Int(ci)]
            let a1 = g.admin1ByKey[key] ?? -1
            let aid = a1 >= 0 ? g.admin1IDOf[Int(a1)] : -1
            let divisionNamed = aid >= 0 && divisionNamedCount[Int(aid)] > 0
            let rightAfter = after.contains(ci) || (a1 >= 0 && after.contains(a1))
            // The nearest of the document's other places in the same country (towns, divisions, areas).
            var nearest = Double.infinity
            let lat = tier.latOf[Int(h)], lon = tier.lonOf[Int(h)]
            for (j, b) in priorBest.enumerated() where j != i && b >= 0 && g.countryIDOf[Int(b)] == cid {
                let k = g.kindOf[Int(b)]
                guard k != .country && k != .continent else { continue }
                let p = g.places[Int(b)]
                nearest = min(nearest, Self.kilometres(lat, lon, p.lat, p.lon))
            }
            let countryGate = cue && cid >= 0 && countryNamed[Int(cid)] && (nearest == .infinity || nearest <= 300)
            guard divisionNamed || rightAfter || countryGate else { continue }
            let score = (rightAfter ? 20.0 : 0) + (divisionNamed ? 10 : 0) - (nearest == .infinity ? 1 : min(1, nearest / 1000))
                + 1e-8 * Double(tier.populationOf[Int(h)])
            if score > chosenScore { chosen = h; chosenScore = score; chosenAdmin1 = a1 }
        }
        guard chosen >= 0 else { return nil }
        let e = tier.entry(chosen)
        let qualifier = r.qualifierWords.isEmpty ? nil : r.qualifierWords.joined(separator: " ")
        return PlaceRef(name: e.name, id: e.id, lat: e.lat, lon: e.lon, admin1: chosenAdmin1 >= 0 ? g.places[Int(chosenAdmin1)].name : nil,
                        country: e.country, precision: .city, qualifier: qualifier)
    }

    /// A locative word ("in", "at", "near", "of" as in "the town of") right before byte offset `start`.
    func locativeWordBefore(_ start: Int, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var e = start
        while e > 0 && t[e - 1] == 0x20 { e -= 1 }
        guard e < start else { return false }
        var s = e
        while s > 0 && (t[s - 1] | 0x20) >= 0x61 && (t[s - 1] | 0x20) <= 0x7A { s -= 1 }
        guard s < e, e - s <= 8 else { return false }
        var fold: [UInt8] = []
        NameKey.fold(UnsafeBufferPointer(rebasing: t[s..<e]), into: &fold)
        guard let role = lexicon.role(fold) else { return NameKey.hash(fold) == Self.ofHash }
        return role == .cue || role == .relation
    }
}
