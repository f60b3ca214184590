import Foundation
import SitrepCore

extension PlaceMatcher {
    /// Prior of one candidate: how the name matched, what kind of feature it is, its population, and how
    /// well it fits the words around the name.
    func prior(_ c: Gazetteer.Candidate, _ raw: Raw) -> Double {
        prior(c, head: raw.head, rural: raw.rural, direction: raw.direction, compass: lexicon.role(raw.nameHash) == .direction)
    }

    /// `prior(c, raw)` from the mention's fields (no copy of the mention per candidate). `compass`: the name is a
    /// compass word alone ("West", "Western", "Central"; a `direction` word of `place-qualifiers.tsv`): a division
    /// of that name ("West" in Cameroon, "Western" in Sri Lanka) needs its country in the context, so it weighs
    /// less than another reading of the word ("the West"); alone it is still the division.
    func prior(_ c: Gazetteer.Candidate, head: PlaceLexicon.Role?, rural: Bool, direction: Bool, compass: Bool = false) -> Double {
        let kind = gazetteer.kindOf[Int(c.index)]
        let population = Int(gazetteer.populationOf[Int(c.index)])
        var s: Double
        switch c.match {
        case .primary: s = 1.0
        case .alternate: s = 0.9
        case .skeleton: s = 0.6
        }
        switch kind {
        case .continent: s += 1.0
        case .country: s += c.match == .primary ? 1.2 : 0.8
        // (The population terms are the gazetteer's, computed once by `sizePrior`.)
        case .admin1: s += gazetteer.sizePriorOf[Int(c.index)] - (compass ? 0.6 : 0)
        case .region: s += 0.75
        case .admin2: s += gazetteer.sizePriorOf[Int(c.index)]
        case .city:
            s += gazetteer.sizePriorOf[Int(c.index)]
            // A city of a million or more called by its own name ("Rome", "London") outweighs a namesake town that
            // one mention of the town's country would lift ("the United States" named once does not move Rome to
            // Georgia).
            if population >= 1_000_000 && c.match == .primary { s += 0.4 }
        case .neighbourhood: s += 0.05
        }
        switch head {
        case .admin1?:
            if kind == .admin1 { s += 0.8 }
        case .region?:
            if kind == .admin1 || kind == .region { s += 0.6 }
        case .city?:
            if kind == .city { s += 0.6 } else if kind == .admin1 { s -= 0.3 }
        case .border?:
            if kind == .country { s += 0.5 }
        default:
            if rural && (kind == .admin1 || kind == .region) { s += 0.6 }
            else if direction && (kind == .admin1 || kind == .region) { s += 0.35 }
            else if direction && kind == .country { s += 0.2 }
        }
        return s
    }

    /// The population term of a prior for a division, county or city (0 for other kinds): larger places weigh more.
    static func sizePrior(kind: GazetteerPlaceKind, population: Int) -> Double {
        switch kind {
        case .admin1: return 0.3 + 0.06 * log10(Double(population) + 1)
        case .admin2: return 0.2 + 0.06 * log10(Double(population) + 1)
        case .city: return 0.1 + 0.1 * log10(Double(population) + 1)
        default: return 0
        }
    }

    /// Decides each raw mention's entry using priors and the document's other places. References without qualifier
    /// are built through `known`.
    func decide(_ raws: [Raw], _ t: UnsafeBufferPointer<UInt8>, _ known: inout PlaceLookupMemo) -> [PlaceMention?] {
        let g = gazetteer
        let kindOf = g.kindOf, popOf = g.populationOf, countryOf = g.countryIDOf, admin1Of = g.admin1IDOf
        // 1. Prior-best of each mention, and the document's countries and divisions from them.
        var priorBest: [Int32] = []
        priorBest.reserveCapacity(raws.count)
        // (The gazetteer-sized count arrays come zeroed from the matcher's pool and go back zeroed at the entries
        // this document touched: no allocation and clearing of five arrays per document.)
        var (countryCount, admin1Count, exactCountryCount, divisionNamedCount, countryNamed) =
            countScratch.take(countries: g.countryIDCount, divisions: g.admin1IDCount)
        // exactCountryCount: countries of mentions whose best reading is an exact (not skeleton) name, support for
        // variants. divisionNamedCount: mentions that name a division itself (a first- or second-level division), by
        // first-level division. countryNamed: countries named as such.
        var anyDivisionNamed = false
        var total = 0
        // Each candidate's prior, computed once: mention i's are at priorStart[i]..., in candidate order.
        // (Room for every candidate's prior at once, written in place below: no append per candidate.)
        var candidateTotal = 0
        raws.withUnsafeBufferPointer { rs in for ri in rs.indices { candidateTotal += rs[ri].candidates.count } }
        let priorBuffer = UnsafeMutablePointer<Double>.allocate(capacity: candidateTotal + 1)
        defer { priorBuffer.deallocate() }
        var priorCount = 0
        var priorStart: [Int] = []
        priorStart.reserveCapacity(raws.count)
        // (Loops below go by index: a `for r in raws` copies every mention.)
        for ri in raws.indices {
            var best: Int32 = -1
            var bs = -Double.infinity
            var bestExact = false
            priorStart.append(priorCount)
            let head = raws[ri].head, rural = raws[ri].rural, direction = raws[ri].direction
            // (One table lookup per mention.)
            let compass = raws[ri].nameHash != 0 && lexicon.role(raws[ri].nameHash) == .direction
            for c in raws[ri].candidates {
                let s = prior(c, head: head, rural: rural, direction: direction, compass: compass)
                (priorBuffer + priorCount).initialize(to: s)
                priorCount += 1
                if s > bs { bs = s; best = c.index; bestExact = c.match != .skeleton }
            }
            priorBest.append(best)
            guard best >= 0 else { continue }
            let b = Int(best)
            total += 1
            if countryOf[b] >= 0 {
                countryCount[Int(countryOf[b])] += 1
                if bestExact { exactCountryCount[Int(countryOf[b])] += 1 }
            }
            if admin1Of[b] >= 0 {
                admin1Count[Int(admin1Of[b])] += 1
                // (A county counts when its name is more than one word, "Morris County": a one-word county is
                // usually its town, "Manchester".)
                if kindOf[b] == .admin1 || (kindOf[b] == .admin2 && !raws[ri].singleWord) { divisionNamedCount[Int(admin1Of[b])] += 1; anyDivisionNamed = true }
            }
        }
        // The country most of the document's places lie in (by prior-best reading), and how many do.
        var topCountry: Int32 = -1, topCount: Int32 = 0
        for b in priorBest where b >= 0 {
            let c = countryOf[Int(b)]
            if c >= 0 && countryCount[Int(c)] > topCount { topCount = countryCount[Int(c)]; topCountry = c }
        }
        let dominated = topCount >= 3 && Double(topCount) >= 0.6 * Double(total)
        // First-level divisions named in the document (their best reading), with their countries; and those named by
        // an abbreviation ("CAMP MURRAY, Wash.", "Macon, Ga."), which vouch for the division wherever its full name
        // stands alone ("at home in Washington" is the state, not the capital).
        var namedDivisions: [(admin1: Int32, country: Int32)] = []
        var abbreviatedDivisions: [Int32] = []
        for i in raws.indices where priorBest[i] >= 0 {
            let b = Int(priorBest[i])
            guard kindOf[b] == .admin1, admin1Of[b] >= 0 else { continue }
            if !namedDivisions.contains(where: { $0.admin1 == admin1Of[b] }) { namedDivisions.append((admin1Of[b], countryOf[b])) }
            let s = raws[i].nameStart, e = raws[i].nameEnd
            if e - s <= 6 && (t[e - 1] == 0x2E || (e < t.count && t[e] == 0x2E)) && !abbreviatedDivisions.contains(admin1Of[b]) {
                abbreviatedDivisions.append(admin1Of[b])
            }
        }
        // One sense per document: a word that follows another name somewhere ("Kevin Allen") is that
        // name's part wherever it stands alone ("Allen said").
        var personLike: [UInt64] = []
        // (Not after an organisation's name: "the University of Perpetual Help Dalta System Calamba campus" leaves
        // "Calamba" a place elsewhere.)
        for i in raws.indices where raws[i].afterOtherName && raws[i].singleWord && !raws[i].afterOrganisation { personLike.append(raws[i].nameHash) }
        // The same when the word before matched only as a spelling variant ("Jeremy Allen": "Jeremy" looks like
        // a place name only by its consonants, so it is a given name, not a place before a place).
        for i in raws.indices.dropFirst() where raws[i].singleWord && raws[i].forcedIndex == nil {
            if raws[i - 1].singleWord && raws[i - 1].nameEnd + 1 == raws[i].nameStart && raws[i - 1].end == raws[i - 1].nameEnd
                && raws[i].start == raws[i].nameStart
                && !raws[i - 1].candidates.isEmpty && !raws[i - 1].candidates.contains(where: { $0.match != .skeleton }) {
                personLike.append(raws[i].nameHash)
            }
        }
        // Countries named as such: a spelling variant of a town needs its country named, or several of its
        // towns named exactly ("Bassett" is no Turkish village because "Side" was matched once).
        for i in raws.indices where priorBest[i] >= 0 {
            let b = Int(priorBest[i])
            if kindOf[b] == .country && countryOf[b] >= 0 && raws[i].candidates.contains(where: { $0.index == priorBest[i] && $0.match != .skeleton }) {
                countryNamed[Int(countryOf[b])] = true
            }
        }
        // One sense per document, for names: a word standing alone that begins a longer name found in the
        // same document ("Yarmouk" after "the Yarmouk Basin") is that longer name.
        var longerByFirstWord: [UInt64: Int32] = [:]
        // (A found name counts whether or not it is also a given span: "Suffolk County" given makes "Suffolk" no less the county.)
        for i in raws.indices where !raws[i].singleWord && !raws[i].appended && priorBest[i] >= 0 && raws[i].firstWordHash != 0 {
            if longerByFirstWord[raws[i].firstWordHash] == nil { longerByFirstWord[raws[i].firstWordHash] = priorBest[i] }
        }
        // Given names the main tier knows not at all or only as spelling variants: small towns of the second tier,
        // and one sense per document (a town vouched for once is that town at every mention of its name).
        var smallForUnknown: [Int: PlaceRef] = [:]
        var smallByName: [UInt64: PlaceRef] = [:]
        for i in raws.indices where raws[i].forcedIndex != nil && raws[i].anaphoric == nil && !raws[i].candidates.contains(where: { $0.match != .skeleton }) {
            if let p = smallPlaceForUnknownName(i, raws, priorBest: priorBest, t, countryNamed: countryNamed, divisionNamedCount: divisionNamedCount) {
                smallForUnknown[i] = p
                if smallByName[raws[i].nameHash] == nil { smallByName[raws[i].nameHash] = p }
            }
        }
        // 2. Rescore with context.
        var out: [PlaceMention?] = []
        out.reserveCapacity(raws.count)
        var nearAdmin1: [Int32] = [], nearCountry: [Int32] = [], divisionIDs: [Int32] = []
        // The gazetteer entry of each mention read as a town (city, district or exact precision) for
        // `oneSensePerName`: -1 for a town of the second tier (its id is looked up there), -2 for anything else.
        var townIndex = [Int32](repeating: -2, count: raws.count)
        // (By index and without a mutable copy: a mention is not copied, nor its arrays retained, per mention.)
        // (Mentions are read in place through a pointer: no copy of a mention, nor retains of its arrays, per mention
        // or candidate.)
        raws.withUnsafeBufferPointer { rs in
        for i in rs.indices {
            let rp = rs.baseAddress! + i
            if let role = rp.pointee.anaphoric {
                // The division (or city) of the nearest place named before it.
                var ref: PlaceMention? = nil
                var k = i - 1
                while k >= 0 && ref == nil { if let m = out[k], m.place.precision != .country, m.place.id != nil { ref = m }; k -= 1 }
                if let m = ref, let idx = g.index(ofID: m.place.id!) {
                    let target: Int32? = role == .admin1 ? g.admin1Index(of: idx) : idx
                    if let tg = target {
                        let q = rp.pointee.qualifierWords.joined(separator: " ") + (role == .admin1 ? " the province" : " the city")
                        let placeRef = g.placeRef(tg, qualifier: q, precision: role == .admin1 ? .admin1 : .city)
                        out.append(PlaceMention(range: TextRange(start: Int32(rp.pointee.start), end: Int32(rp.pointee.end)), place: placeRef, score: 0.6))
                        continue
                    }
                }
                out.append(nil); continue
            }
            // (Both tables are usually empty: no hashing then.)
            if !smallByName.isEmpty, let small = smallForUnknown[i] ?? (rp.pointee.forcedIndex != nil ? smallByName[rp.pointee.nameHash] : nil) {
                out.append(PlaceMention(range: TextRange(start: Int32(rp.pointee.start), end: Int32(rp.pointee.end)), place: small, score: 0.6))
                townIndex[i] = -1
                continue
            }
            guard !rp.pointee.candidates.isEmpty else { out.append(nil); continue }
            // A contraction ("I'll", "We’d", "They've") is no place, whatever its letters spell.
            if rp.pointee.forcedIndex == nil && rp.pointee.singleWord && Self.endsInContraction(rp.pointee.nameStart, rp.pointee.nameEnd, t) {
                out.append(nil); continue
            }
            // (Priors cached for the scanned candidates; one added below is scored afresh.)
            let p0 = priorStart[i], ownCount = rp.pointee.candidates.count
            // (The one-sense table found once per mention, and not at all when empty.)
            var longer: Int32? = rp.pointee.singleWord && !longerByFirstWord.isEmpty ? longerByFirstWord[rp.pointee.nameHash] : nil
            // Not for a country's own name (not a spelling variant): "Mexico" after "Mexico City", "Kuwait" after "Kuwait
            // City" is the country.
            if longer != nil
                && rp.pointee.candidates.contains(where: { $0.match != .skeleton && kindOf[Int($0.index)] == .country }) {
                longer = nil
            }
            // Unless the name is a division the document names by its abbreviation too ("Camp Murray, Wash." … "at home
            // in Washington" is the state, though "Washington, D.C." is named as well).
            if longer != nil && !abbreviatedDivisions.isEmpty
                && rp.pointee.candidates.contains(where: { kindOf[Int($0.index)] == .admin1 && abbreviatedDivisions.contains(admin1Of[Int($0.index)]) }) {
                longer = nil
            }
            // Nor when the name is a division where the document's other places lie ("Washington" in a story about
            // Seattle and Tacoma that names "Washington, D.C." once is the state), or is qualified as a region
            // ("central Washington").
            if longer != nil && rp.pointee.candidates.contains(where: { c in
                let k = Int(c.index)
                guard kindOf[k] == .admin1, admin1Of[k] >= 0 else { return false }
                if rp.pointee.direction || rp.pointee.rural { return true }
                let aid = admin1Of[k]
                // Towns of that division the document names (its prior-best readings, this mention's aside).
                let pb = Int(priorBest[i])
                let ownTown = pb >= 0 && admin1Of[pb] == aid && kindOf[pb] != .admin1 && !(kindOf[pb] == .admin2 && !rp.pointee.singleWord) ? 1 : 0
                return Int(admin1Count[Int(aid)]) - Int(divisionNamedCount[Int(aid)]) - ownTown > 0
            }) {
                longer = nil
            }
            // The mention's candidates, with that longer name's entry added when it is not among them (rare: a new
            // array only then).
            var cands = rp.pointee.candidates
            if let longer, !cands.contains(where: { $0.index == longer }) {
                cands.append(Gazetteer.Candidate(index: longer, match: .primary))
            }
            let own = Int(priorBest[i])
            let ownCountry = own >= 0 ? countryOf[own] : -1
            let ownAdmin1 = own >= 0 ? admin1Of[own] : -1
            // Divisions and countries named right next to this name ("Duma, in Hama province").
            // (Emptied only when not empty: most are, and `removeAll` is a call even then.)
            if !nearAdmin1.isEmpty { nearAdmin1.removeAll(keepingCapacity: true) }
            if !nearCountry.isEmpty { nearCountry.removeAll(keepingCapacity: true) }
            var j = i + 1
            // (The following mentions read in place too.)
            while j < rs.count && rs[j].start - rp.pointee.end < 60 {
                let qp = rs.baseAddress! + j
                // (The same name again locates nothing: "at home in Washington … to Washington, D.C.")
                if qp.pointee.nameHash == rp.pointee.nameHash && qp.pointee.nameHash != 0 { j += 1; continue }
                for c in qp.pointee.candidates {
                    let k = Int(c.index)
                    if kindOf[k] == .admin1 { nearAdmin1.append(admin1Of[k]) }
                    if kindOf[k] == .country { nearCountry.append(countryOf[k]) }
                }
                if let b = qp.pointee.candidates.first, qp.pointee.head == .admin1 { nearAdmin1.append(admin1Of[Int(b.index)]) }
                j += 1
            }
            // A bare name shared by a division and a city in it means the city ("Homs", "Deir Ezzor"), within
            // the country of the strongest division of that name: a smaller foreign division must not lift its
            // town above a large division elsewhere ("Florida", "Montana").
            if !divisionIDs.isEmpty { divisionIDs.removeAll(keepingCapacity: true) }
            var divisionCountry: Int32 = -1
            if rp.pointee.head == nil && !rp.pointee.direction && !rp.pointee.rural {
                var bestPrior = -Double.infinity
                for (q, c) in cands.enumerated() where kindOf[Int(c.index)] == .admin1 {
                    divisionIDs.append(admin1Of[Int(c.index)])
                    let p = q < ownCount ? priorBuffer[p0 + q] : prior(c, head: rp.pointee.head, rural: rp.pointee.rural, direction: rp.pointee.direction, compass: lexicon.role(rp.pointee.nameHash) == .direction)
                    if p > bestPrior { bestPrior = p; divisionCountry = countryOf[Int(c.index)] }
                }
            }
            // The best candidate (the highest score, the lower entry on a tie, the earlier on a full tie) and the best
            // score of the others, kept as the scores come (no array of scores).
            var bestScore = -Double.infinity, best = cands[0], othersBest = -Double.infinity
            for (q, c) in cands.enumerated() {
                let k = Int(c.index)
                let kind = kindOf[k], cid = countryOf[k], aid = admin1Of[k]
                var s = q < ownCount ? priorBuffer[p0 + q] : prior(c, head: rp.pointee.head, rural: rp.pointee.rural, direction: rp.pointee.direction, compass: lexicon.role(rp.pointee.nameHash) == .direction)
                if longer == c.index { s += 1.0 }
                if kind == .admin1 && aid >= 0 && !namedDivisions.isEmpty {
                    if abbreviatedDivisions.contains(aid) { s += 0.3 }
                    // A name shared by a country and a division of another country is the division when two other
                    // divisions of its country are named ("Alaska, Hawaii … Georgia"; "Tbilisi, Georgia" keeps the country).
                    var siblings = 0
                    for d in namedDivisions where d.country == cid && d.admin1 != aid { siblings += 1 }
                    if siblings >= 2 && cands.contains(where: { kindOf[Int($0.index)] == .country && countryOf[Int($0.index)] != cid }) { s += 0.3 }
                }
                if kind == .city && aid >= 0 && cid == divisionCountry && divisionIDs.contains(aid) { s += 0.5 }
                if cid >= 0 {
                    let others = Int(countryCount[Int(cid)]) - (ownCountry == cid ? 1 : 0)
                    s += 0.6 * Double(max(0, others)) / Double(max(1, total - 1))
                    if nearCountry.contains(cid) { s += 0.3 }
                }
                if aid >= 0 {
                    let inDivision = Int(admin1Count[Int(aid)]) - (ownAdmin1 == aid ? 1 : 0)
                    if inDivision > 0 { s += 0.3 + 0.4 * Double(inDivision) / Double(max(1, total - 1)) }
                    if kind != .admin1 && nearAdmin1.contains(aid) { s += 0.6 }
                }
                if q == 0 || s > bestScore || (s == bestScore && c.index < best.index) {
                    if q > 0 { othersBest = max(othersBest, bestScore) }
                    bestScore = s; best = c
                } else {
                    othersBest = max(othersBest, s)
                }
            }
            let second = max(bestScore - 1.5, othersBest)
            let b = Int(best.index)
            let kind = kindOf[b], pop = popOf[b], cid = countryOf[b], aid = admin1Of[b]
            let local = kind == .city || kind == .neighbourhood || kind == .admin2
            // The second tier: a small town whose division the document names ("Riverdale, N.J.").
            if local && (rp.pointee.forcedIndex != nil || !rp.pointee.insideLongerRun),
               let small = smallPlace(for: rp, best: best.index, t, nearAdmin1: divisionRightAfter(i, raws, t), admin1Count: admin1Count, divisionNamedCount: divisionNamedCount, anyDivisionNamed: anyDivisionNamed, ownAdmin1: ownAdmin1) {
                out.append(PlaceMention(range: TextRange(start: Int32(rp.pointee.start), end: Int32(rp.pointee.end)), place: small, score: 0.7))
                townIndex[i] = -1
                continue
            }
            // A small town abroad named once, with nothing else of its country in a document about another country
            // ("Middletown" among Yorkshire towns is no New Jersey town): a namesake the gazetteer lacks.
            if dominated && local && pop < 100_000 && cid >= 0 && cid != topCountry && !countryNamed[Int(cid)]
                && Int(countryCount[Int(cid)]) - (ownCountry == cid ? 1 : 0) <= 0 {
                out.append(nil); continue
            }
            // The same for a village abroad (under 20,000) when the document's places cluster in one other country
            // (three or more there) without dominating it: a suburb's name shared with a village elsewhere ("Rehab"
            // beside New Cairo in a story that also names Liverpool often is no Jordanian village).
            if !dominated && topCount >= 3 && local && pop < 20_000 && cid >= 0 && cid != topCountry && !countryNamed[Int(cid)]
                && !nearCountry.contains(cid) && Int(countryCount[Int(cid)]) - (ownCountry == cid ? 1 : 0) <= 0 {
                out.append(nil); continue
            }
            // (The cheap tests first: the hashes are searched last.)
            if rp.pointee.forcedIndex == nil && rp.pointee.singleWord && !rp.pointee.cue
                && kind != .country && kind != .admin1 && kind != .continent && pop < 1_000_000 && Self.holds(personLike, rp.pointee.nameHash) {
                out.append(nil); continue
            }
            // A division's name that follows a given name somewhere ("Lin-Manuel Miranda") is that person's name at
            // every bare mention too, when nothing else the document names lies in the division's country (no other
            // name of it, the country not named): "Miranda tweeted" in a New York story is no Venezuelan state.
            if rp.pointee.forcedIndex == nil && rp.pointee.singleWord && !rp.pointee.cue && kind == .admin1 && cid >= 0
                && !countryNamed[Int(cid)] && Self.holds(personLike, rp.pointee.nameHash) {
                var otherNames = 0
                for q in raws.indices where priorBest[q] >= 0 && countryOf[Int(priorBest[q])] == cid && raws[q].nameHash != rp.pointee.nameHash {
                    otherNames += 1
                }
                if otherNames == 0 { out.append(nil); continue }
            }
            // Inside an organisation's or person's name ("Hayat Tahrir al-Sham", "Ammar Hammo") an alternate
            // name or a spelling variant is that name's part, not a place.
            if rp.pointee.forcedIndex == nil && rp.pointee.afterOtherName && best.match != .primary && kind != .country && kind != .continent {
                out.append(nil); continue
            }
            // A spelling variant of one word opening a sentence or line ("Powered", "Hopes") is not enough.
            if rp.pointee.forcedIndex == nil && rp.pointee.singleWord && rp.pointee.sentenceStart && best.match == .skeleton {
                out.append(nil); continue
            }
            // A town of under 150,000 inside a longer capitalised name ("John Kelly", "Notre Dame", "Adrian Dunbar",
            // "Nancy Pelosi", "Sandy Hook") is part of that name.
            if rp.pointee.forcedIndex == nil && rp.pointee.insideLongerRun && !rp.pointee.cue && local && pop < 150_000 {
                out.append(nil); continue
            }
            // A spelling variant (skeleton match) needs the document to be about that country already.
            // A single word needs another place of that country named exactly; a longer name ("Deir Ezzour",
            // "Albu Kamal") is rarely a coincidence and stands on its own. An article or function word does not make
            // a name longer ("El Niño", "The Rs", "More As" are one word), and a run mixing an acronym with other
            // words ("The FSA", "As UNIAN") is no spelling variant of a place at all.
            if best.match == .skeleton && cid >= 0 {
                var multiWord = !rp.pointee.singleWord && !rp.pointee.appended
                if multiWord {
                    let words = contentWords(rp.pointee.nameStart, rp.pointee.nameEnd, t)
                    if words < 0 { out.append(nil); continue }
                    multiWord = words >= 2
                }
                if !multiWord && !(countryNamed[Int(cid)] || exactCountryCount[Int(cid)] >= 2) { out.append(nil); continue }
            }
            // A short other name of a place (five letters or fewer, not the entry's own name: "Boni" for Bonn, "Levi"
            // for Levis, "Julia" for Plovdiv) stands only where the document is about that place's country: the
            // country named, near or anywhere, or another name of it read there. Otherwise the mention is a small
            // town of the second tier that the document vouches for (see `smallPlaceForUnknownName`), or no place.
            // Only towns and counties: countries, divisions and named areas keep their short names ("UAE", "Calif.",
            // "N.J.", "the Iraqi border"), and so does a city of a million or more ("Kyiv", "Milan": the English names
            // GeoNames lists as other names), and a name that is the own name of another entry in the same country
            // ("Raqqa", the division, for the city Ar Raqqah).
            if best.match == .alternate && cid >= 0 && local && pop < 1_000_000
                && !countryNamed[Int(cid)] && !nearCountry.contains(cid)
                && Self.foldedLength(rp.pointee.nameStart, rp.pointee.nameEnd, t, atMost: Self.shortAlternateLength)
                && !cands.contains(where: { $0.match == .primary && countryOf[Int($0.index)] == cid })
                && !countrySupportedElsewhere(cid, i, raws, priorBest) {
                if let small = smallPlaceForUnknownName(i, raws, priorBest: priorBest, t, countryNamed: countryNamed, divisionNamedCount: divisionNamedCount) {
                    out.append(PlaceMention(range: TextRange(start: Int32(rp.pointee.start), end: Int32(rp.pointee.end)), place: small, score: 0.6))
                    townIndex[i] = -1
                } else {
                    out.append(nil)
                }
                continue
            }
            // A village-sized name on its own needs support: a locative word before it or its division named.
            if rp.pointee.forcedIndex == nil && rp.pointee.singleWord && !rp.pointee.cue && local {
                let supported = aid >= 0 && Int(admin1Count[Int(aid)]) - (own == b ? 1 : 0) > 0
                let countrySupported = cid >= 0 && Int(countryCount[Int(cid)]) - (ownCountry == cid ? 1 : 0) > 0
                let exact = best.match != .skeleton && rp.pointee.end - rp.pointee.start >= 5
                if pop < 1000 && !supported && !(countrySupported && exact) { out.append(nil); continue }
                if best.match == .skeleton && pop < 20_000 && !supported { out.append(nil); continue }
            }
            var precision = kind.precision
            switch rp.pointee.head {
            case .admin1?: if kind == .admin1 { precision = .admin1 }
            case .region?: if kind != .city || rp.pointee.rural { precision = .region }
            case .city?: if kind == .city { precision = .city }
            case .border?: precision = .region
            default: if rp.pointee.rural { precision = .region }
            }
            let qualifier = rp.pointee.qualifierWords.isEmpty ? nil : rp.pointee.qualifierWords.joined(separator: " ")
            // (A reference without qualifier is the same whenever its entry and precision recur: built once.)
            let ref = qualifier == nil ? known.placeRef(g, best.index, precision: precision)
                : g.placeRef(best.index, qualifier: qualifier, precision: precision)
            let margin = bestScore - second
            var score = 0.5 + 0.5 * tanh(2 * margin)
            if best.match == .skeleton { score *= 0.8 }
            out.append(PlaceMention(range: TextRange(start: Int32(rp.pointee.start), end: Int32(rp.pointee.end)), place: ref, score: score))
            switch precision {
            case .city, .district, .exact: townIndex[i] = best.index
            default: break
            }
        }
        }
        oneSensePerName(&out, raws, townIndex, t)
        // Back to the pool, zeroed: every count above was written at a prior-best reading's country or division.
        // (Through buffer pointers: no uniqueness check per store.)
        countryCount.withUnsafeMutableBufferPointer { cc in
        exactCountryCount.withUnsafeMutableBufferPointer { ec in
        countryNamed.withUnsafeMutableBufferPointer { cn in
        admin1Count.withUnsafeMutableBufferPointer { ac in
        divisionNamedCount.withUnsafeMutableBufferPointer { dc in
            for b in priorBest where b >= 0 {
                let c = Int(countryOf[Int(b)]), a = Int(admin1Of[Int(b)])
                if c >= 0 { cc[c] = 0; ec[c] = 0; cn[c] = false }
                if a >= 0 { ac[a] = 0; dc[a] = 0 }
            }
        }}}}}
        countScratch.give((countryCount, admin1Count, exactCountryCount, divisionNamedCount, countryNamed))
        return out
    }
}

extension PlaceMatcher {
    /// One sense per document for a town's name: a bare mention of a town or district whose name the document
    /// gives more often to another town ("Riverdale, N.J." three times, then "the Riverdale gas station", where
    /// the second tier was not consulted) takes that town. A mention located where it stands (a head noun or
    /// qualifier, a division right after it) keeps its own reading, and a tie changes nothing.
    /// `townIndex`: each mention's gazetteer entry when it reads as a town, -1 for a town of the second tier, -2
    /// otherwise (see `decide`). (Readings compare as integers: no id string compared, no mention copied.)
    func oneSensePerName(_ out: inout [PlaceMention?], _ raws: [Raw], _ townIndex: [Int32], _ t: UnsafeBufferPointer<UInt8>) {
        // (Most documents name no town twice under two readings: one pass over the mentions, no table, then.)
        // key: the gazetteer entry; for a town of the second tier the entry of its id, or else -1 - k for the k-th
        // such id not in the gazetteer (ids are unique in each, so equal keys are equal ids).
        var locals: [(hash: UInt64, index: Int, key: Int32)] = []
        // (Room for every mention at once: no regrowth.)
        locals.reserveCapacity(min(out.count, raws.count, townIndex.count))
        var otherIDs: [String] = []
        for i in 0..<min(out.count, raws.count, townIndex.count) where townIndex[i] != -2 && raws[i].nameHash != 0 && raws[i].anaphoric == nil {
            var key = townIndex[i]
            if key == -1 {
                guard let p = out[i]?.place, let id = p.id else { continue }
                switch p.precision {
                case .city?, .district?, .exact?: break
                default: continue
                }
                if let k = gazetteer.index(ofID: id) { key = k }
                else if let k = otherIDs.firstIndex(of: id) { key = -1 - Int32(k) }
                else { otherIDs.append(id); key = -Int32(otherIDs.count) }
            }
            locals.append((raws[i].nameHash, i, key))
        }
        guard locals.count >= 3 else { return }
        // The names given three times or more, in ascending order of hash, each with its mentions in text order. (The
        // hashes are sorted alone, a plain sort of integers, and a name's mentions gathered by a pass over `locals`,
        // which is in text order: no sort of the tuples by a closure.)
        var hashes = [UInt64](repeating: 0, count: locals.count)
        for q in locals.indices { hashes[q] = locals[q].hash }
        hashes.sort()
        var group: [(hash: UInt64, index: Int, key: Int32)] = []
        var h0 = 0
        while h0 < hashes.count {
            var h1 = h0 + 1
            while h1 < hashes.count && hashes[h1] == hashes[h0] { h1 += 1 }
            defer { h0 = h1 }
            guard h1 - h0 >= 3 else { continue }
            group.removeAll(keepingCapacity: true)
            for q in locals.indices where locals[q].hash == hashes[h0] { group.append(locals[q]) }
            let a = 0, b = group.count
            // The reading given most often (first named on a tie of counts: no change below then).
            var bestKey: Int32? = nil, bestCount = 0, tie = false
            for q in a..<b {
                let key = group[q].key
                var c = 0
                for r in a..<b where group[r].key == key { c += 1 }
                if c > bestCount { bestCount = c; bestKey = key; tie = false } else if c == bestCount && key != bestKey { tie = true }
            }
            guard !tie, let winner = bestKey, bestCount < b - a else { continue }
            guard let q0 = (a..<b).first(where: { group[$0].key == winner }), let model = out[group[q0].index]?.place else { continue }
            for q in a..<b where group[q].key != winner {
                let i = group[q].index
                if raws[i].head != nil || !raws[i].qualifierWords.isEmpty || !divisionRightAfter(i, raws, t).isEmpty { continue }
                guard var m = out[i].take() else { continue }
                m.place = model
                m.place.qualifier = nil
                out[i] = m
            }
        }
    }
}

/// Zeroed per-document count arrays for `PlaceMatcher.decide`, kept for reuse (one set per caller at a time, so
/// matchers shared across threads stay safe).
final class PlaceCountScratch: @unchecked Sendable {
    typealias Counts = (country: [Int32], admin1: [Int32], exactCountry: [Int32], divisionNamed: [Int32], countryNamed: [Bool])
    private let lock = NSLock()
    private var free: [Counts] = []

    /// A set of all-zero arrays of these sizes.
    func take(countries: Int, divisions: Int) -> Counts {
        lock.lock()
        let c = free.popLast()
        lock.unlock()
        if let c, c.country.count == countries, c.admin1.count == divisions { return c }
        return ([Int32](repeating: 0, count: countries), [Int32](repeating: 0, count: divisions),
                [Int32](repeating: 0, count: countries), [Int32](repeating: 0, count: divisions),
                [Bool](repeating: false, count: countries))
    }

    /// Returns a set, all zero again.
    func give(_ c: Counts) {
        lock.lock()
        if free.count < 32 { free.append(c) }
        lock.unlock()
    }
}

extension PlaceMatcher {
    /// Hashes of the sentence openers (`place-sentence-openers.tsv`) that are also Arabic articles ("A Nasr", "As Sweida",
    /// "An Nabk", "At Tall"): a spelling variant may start with them.
    static let articleOpeners: [UInt64] = ["a", "an", "as", "at"].map { NameKey.hash(Array($0.utf8)) }

    /// The word in bytes `s..<e` ends in an English contraction: an apostrophe (' or ’) and "ll", "d", "ve", "re", "m"
    /// or "t" ("I'll", "We’d", "Don't"; not "O'Fallon", "Dar'a").
    static func endsInContraction(_ s: Int, _ e: Int, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s >= 0, e <= t.count, e - s >= 3 else { return false }
        // (Most words have no apostrophe where one would stand, ' or the last byte of ’: no loop for them.)
        let a = t[e - 2], b = t[e - 3]
        if a != 0x27 && a != 0x99 && b != 0x27 && b != 0x99 { return false }
        // (A range, not an array literal: no array allocated per call.)
        for tail in 1...2 where e - tail - 1 > s {
            let q = e - tail
            let apostrophe = t[q - 1] == 0x27 || (q - 3 > s && t[q - 3] == 0xE2 && t[q - 2] == 0x80 && t[q - 1] == 0x99)
            guard apostrophe else { continue }
            let a = t[q] | 0x20
            if tail == 1 && (a == 0x64 || a == 0x6D || a == 0x74) { return true }  // d m t
            if tail == 2 {
                let b = t[q + 1] | 0x20
                if (a == 0x6C && b == 0x6C) || (a == 0x76 && b == 0x65) || (a == 0x72 && b == 0x65) { return true }  // ll ve re
            }
        }
        return false
    }

    /// The longest other name (alternate, not the entry's own) that needs its country supported by the document:
    /// five letters. (From the alternate-name readings of 403 news texts and GeoWebNews' development half with no
    /// support for their country: of five letters or fewer all but the cities of a million were wrong (people's
    /// names, "Levi", "Julia", "Adams"; words, "Opera", "Turn"); of six, as many right ("Geneva") as wrong.)
    static let shortAlternateLength = 5

    /// The name in bytes `s..<e` folds to at most `limit` bytes (letters, digits and inner spaces).
    static func foldedLength(_ s: Int, _ e: Int, _ t: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Bool {
        guard s >= 0, e <= t.count, s < e else { return false }
        // (A name of many bytes is long whatever it folds to: no fold then.)
        if e - s > 4 * limit { return false }
        var fold: [UInt8] = []
        NameKey.fold(UnsafeBufferPointer(rebasing: t[s..<e]), into: &fold)
        return fold.count <= limit
    }

    /// Another mention of the document (by another name than mention `i`'s) reads, by its prior-best and exact (not
    /// skeleton) name, as a place of country `cid`.
    func countrySupportedElsewhere(_ cid: Int32, _ i: Int, _ raws: [Raw], _ priorBest: [Int32]) -> Bool {
        let h = raws[i].nameHash
        for q in raws.indices where q != i && priorBest[q] >= 0 && gazetteer.countryIDOf[Int(priorBest[q])] == cid
            && (h == 0 || raws[q].nameHash != h) {
            let b = priorBest[q]
            if raws[q].candidates.contains(where: { $0.index == b && $0.match != .skeleton }) { return true }
        }
        return false
    }

    /// `hashes` holds `h` (a loop over the few hashes: the generic `contains` is a call per element).
    @inline(__always) static func holds(_ hashes: [UInt64], _ h: UInt64) -> Bool {
        for x in hashes where x == h { return true }
        return false
    }

    /// Arabic articles written as words of their own ("Al Bab", "El Mina", "As Suwayda", "A Nasr").
    static let articleWords: Set<String> = ["a", "al", "el", "il", "ul", "as", "ash", "es", "ad", "ed", "az", "ez", "an", "en", "ar", "er", "at", "et"]

    /// How many words of the name in bytes `s..<e` carry it: words other than an Arabic article or a stop word
    /// ("the", "more", `place-stopwords.tsv`). -1 when the name mixes a word in capitals of two or more letters
    /// with words that are not ("The FSA", "As UNIAN"; "DEIR EZZOR" is all capitals and counts as two words).
    /// Words are separated by spaces and hyphens.
    func contentWords(_ s: Int, _ e: Int, _ t: UnsafeBufferPointer<UInt8>) -> Int {
        guard s >= 0, e <= t.count, s < e else { return 0 }
        var count = 0, capitalWords = 0, otherWords = 0
        var fold: [UInt8] = []
        var i = s
        while i < e {
            while i < e && (t[i] == 0x20 || t[i] == 0x2D) { i += 1 }
            let a = i
            while i < e && t[i] != 0x20 && t[i] != 0x2D { i += 1 }
            guard i > a else { continue }
            var allCaps = i - a >= 2
            for k in a..<i where !(t[k] >= 0x41 && t[k] <= 0x5A) { allCaps = false; break }
            if allCaps { capitalWords += 1 } else { otherWords += 1 }
            NameKey.fold(UnsafeBufferPointer(rebasing: t[a..<i]), into: &fold)
            let word = String(decoding: fold, as: UTF8.self)
            if Self.articleWords.contains(word) || lexicon.isStopword(NameKey.hash(fold)) { continue }
            count += 1
        }
        return capitalWords > 0 && otherWords > 0 ? -1 : count
    }
}

