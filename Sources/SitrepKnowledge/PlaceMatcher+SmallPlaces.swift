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
    func smallPlace(for r: Raw, best: Int32, _ t: UnsafeBufferPointer<UInt8>, nearAdmin1: [Int32],
                    admin1Count: [Int32], divisionNamedCount: [Int32], anyDivisionNamed: Bool, ownAdmin1: Int32) -> PlaceRef? {
        let g = gazetteer
        let kind = g.kindOf[Int(best)]
        guard kind == .city || kind == .admin2 || kind == .neighbourhood, r.nameEnd > r.nameStart else { return nil }
        let bigBest = g.populationOf[Int(best)] >= 100_000
        // Cheap test before the tier is loaded: some division must be named at all.
        guard !nearAdmin1.isEmpty || (!bigBest && anyDivisionNamed),
              let tier = SmallPlaces.loadDefault() else { return nil }
        var fold: [UInt8] = []
        NameKey.fold(UnsafeBufferPointer(rebasing: t[r.nameStart..<r.nameEnd]), into: &fold)
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
        let qualifier = r.qualifierWords.isEmpty ? nil : r.qualifierWords.joined(separator: " ")
        var precision = PlaceRef.Precision.city
        if r.rural || r.head == .region { precision = .region }
        return PlaceRef(name: e.name, id: e.id, lat: e.lat, lon: e.lon, admin1: g.places[Int(chosenAdmin1)].name,
                        country: e.country, precision: precision, qualifier: qualifier)
    }

    /// The first-level divisions the name right after mention `i` can be ("Riverdale, N.J.", "Nelson (British
    /// Columbia)"): only a comma, spaces or a bracket between them, and an exact (not skeleton) name.
    func divisionRightAfter(_ i: Int, _ raws: [Raw], _ t: UnsafeBufferPointer<UInt8>) -> [Int32] {
        guard i + 1 < raws.count else { return [] }
        let r = raws[i], next = raws[i + 1]
        guard next.nameStart >= r.nameEnd, next.nameStart - r.nameEnd <= 3 else { return [] }
        for k in r.nameEnd..<next.nameStart where !(t[k] == 0x2C || t[k] == 0x20 || t[k] == 0x28) { return [] }
        var out: [Int32] = []
        for c in next.candidates where c.match != .skeleton && gazetteer.kindOf[Int(c.index)] == .admin1 {
            out.append(gazetteer.admin1IDOf[Int(c.index)])
        }
        return out
    }
}
