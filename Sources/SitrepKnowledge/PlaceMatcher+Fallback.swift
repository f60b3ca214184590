import SitrepCore

extension PlaceMatcher {
    /// Where a name the gazetteer does not know lies (a street, a building, an organisation's seat): a place
    /// found inside it ("Colorado State University"), when that place agrees with the document's focus, else
    /// the focus itself. A place inside the name that lies in another country than the focus is a coincidence
    /// of words ("Vienna/Fairfax-GMU Metro" in a Virginia story, "Liverpool Academy" in Cairo) and is passed over,
    /// unless it is a town that ends the name ("British Embassy Tokyo" in a story about Britain);
    /// a country inside the name is not: an organisation named for a country ("Bank of Japan", "US Federal
    /// Reserve", "Nazi Germany") is placed by it, whatever the document is about.
    public func fallback(for span: TextRange, found: [PlaceMention], focus: PlaceRef?) -> PlaceRef? {
        var inside: PlaceMention? = nil
        for m in found where m.range.start < span.end && m.range.end > span.start {
            if inside == nil || m.score > inside!.score { inside = m }
        }
        guard let m = inside else { return focus }
        guard let f = focus, let fc = f.country else { return m.place }
        if m.place.precision == .country { return m.place }
        // A town that ends the name is where it lies ("British Embassy Tokyo", "Hilton Lagos"), abroad or not; one
        // that opens it may be its namesake ("Liverpool Academy" in Cairo).
        if m.range.end == span.end && m.range.start > span.start && m.place.precision == .city { return m.place }
        guard let c = m.place.country, c == fc else { return f }
        // The same country: a division inside the name is less precise than a focus town in it.
        if m.place.precision == .admin1 && f.admin1 == m.place.name && f.precision != .admin1 { return f }
        return m.place
    }
}

extension PlaceMatcher {
    /// As `fallback(for:found:focus:)`, first looking right after the name: a place named there after a seat
    /// link ("the Palais des Nations in Geneva", "the Agriculture Park at Wana", `place-seat-links.tsv`)
    /// locates the name, wherever the document is otherwise about. `found` are the document's places.
    /// A town inside the name that a street word follows ("Victoria Street", "Washington Square", `place-street-words.tsv`)
    /// names a street, not where it is: the focus then.
    public func fallback(for span: TextRange, in text: String, found: [PlaceMention], focus: PlaceRef?) -> PlaceRef? {
        let original = text
        var text = text
        return text.withUTF8 { t -> PlaceRef? in
            if let seat = seatPlace(after: Int(span.end), t, found) { return seat.place }
            if let owner = possessivePlace(before: Int(span.start), t, found) { return owner.place }
            if let named = initialsPlace(Int(span.start), Int(span.end), t, found: found, focus: focus) { return named }
            if let elsewhere = locatedElsewhere(Int(span.start), Int(span.end), t, found) { return elsewhere.place }
            // An organisation named "… of" a first-level division ("Bank of England", "University of Texas") is
            // placed by it, as one named for a country is, wherever the document is otherwise about.
            if let f = focus, let m = found.first(where: { m in
                m.range.start >= span.start && m.range.end <= span.end && m.place.precision == .admin1 && m.place.lat != nil
                    && m.place.country != f.country && Int(m.range.start) >= Int(span.start) + 3
                    && t[Int(m.range.start) - 1] == 0x20 && t[Int(m.range.start) - 2] == 0x66 && t[Int(m.range.start) - 3] == 0x6F
            }) {
                return m.place
            }
            // A town of 50,000 or more that ends the name but was not taken for a place inside the longer name
            // ("Robinson College Cambridge"): where the name lies, as a town found there would be.
            if !found.contains(where: { $0.range.start < span.end && $0.range.end > span.start }),
               let town = endingTown(Int(span.start), Int(span.end), t, original) {
                return town
            }
            let p = fallback(for: span, found: found, focus: focus)
            guard let f = focus, let p, p != f, p.precision != .country,
                  let m = found.first(where: { $0.range.start < span.end && $0.range.end > span.start && $0.place == p })
            else { return p }
            var i = Int(m.range.end)
            let end = min(Int(span.end), t.count)
            while i < end && t[i] == 0x20 { i += 1 }
            guard i > Int(m.range.end) else { return p }
            var word: [UInt8] = []
            while i < end && word.count < 12 {
                let l = t[i] | 0x20
                guard l >= 0x61 && l <= 0x7A else { break }
                word.append(l); i += 1
            }
            return !word.isEmpty && lexicon.isStreetWord(NameKey.hash(word)) ? f : p
        }
    }

    /// The town the last word of the name in bytes `s..<e` of `text` stands for, resolved in the document's context,
    /// when the name has two words or more, that word is capitalised, four letters or longer and no stop word, and
    /// the town has 50,000 people or more ("Robinson College Cambridge"; not "Barclays Center"), and the document does not
    /// write the word in lower case elsewhere.
    func endingTown(_ s: Int, _ e: Int, _ t: UnsafeBufferPointer<UInt8>, _ text: String) -> PlaceRef? {
        guard s >= 0, e <= t.count, e - s >= 6 else { return nil }
        var a = e
        while a > s && t[a - 1] != 0x20 { a -= 1 }
        guard a > s, e - a >= 4, t[a] >= 0x41 && t[a] <= 0x5A else { return nil }
        var fold: [UInt8] = []
        for k in a..<e {
            let l = t[k] | 0x20
            guard l >= 0x61 && l <= 0x7A else { return nil }
            fold.append(l)
        }
        guard !lexicon.isStopword(NameKey.hash(fold)), !lexicon.isStreetWord(NameKey.hash(fold)) else { return nil }
        // A word the document also writes in lower case is a common noun there ("the Marigny Plantation … the
        // plantation"), not a town.
        var i = 0
        while i + fold.count <= t.count {
            defer { i += 1 }
            guard t[i] == fold[0] else { continue }
            var k = 1
            while k < fold.count && t[i + k] == fold[k] { k += 1 }
            guard k == fold.count else { continue }
            let before = i > 0 ? t[i - 1] | 0x20 : 0x20, after = i + k < t.count ? t[i + k] | 0x20 : 0x20
            if !(before >= 0x61 && before <= 0x7A) && !(after >= 0x61 && after <= 0x7A) { return nil }
        }
        guard let m = resolve(spans: [TextRange(start: Int32(a), end: Int32(e))], in: text).first ?? nil,
              m.place.precision == .city, m.place.lat != nil, population(m.place) >= 50_000 else { return nil }
        var p = m.place
        p.qualifier = nil
        return p
    }

    /// One sense per document for an unknown name: where the same name (alone or opening a longer one) stands
    /// elsewhere with a seat link after it or a possessive place before it ("London's Heathrow Animal Reception
    /// Centre" … "passed through Heathrow"), that place.
    func locatedElsewhere(_ s: Int, _ e: Int, _ t: UnsafeBufferPointer<UInt8>, _ found: [PlaceMention]) -> PlaceMention? {
        let n = e - s
        guard s >= 0, e <= t.count, n >= 3 else { return nil }
        var i = 0
        while i + n <= t.count {
            defer { i += 1 }
            guard i != s, t[i] == t[s] else { continue }
            var k = 1
            while k < n && t[i + k] == t[s + k] { k += 1 }
            guard k == n else { continue }
            // Whole words only: no letter right before, and the name ends or goes on with capitalised words.
            if i > 0 && ((t[i - 1] | 0x20) >= 0x61 && (t[i - 1] | 0x20) <= 0x7A) { continue }
            var end = i + n
            if end < t.count && ((t[end] | 0x20) >= 0x61 && (t[end] | 0x20) <= 0x7A) { continue }
            // Over the capitalised words that follow ("Heathrow Animal Reception Centre").
            while end + 1 < t.count && t[end] == 0x20 && t[end + 1] >= 0x41 && t[end + 1] <= 0x5A {
                var j = end + 1
                while j < t.count && (((t[j] | 0x20) >= 0x61 && (t[j] | 0x20) <= 0x7A) || t[j] == 0x27) { j += 1 }
                end = j
            }
            if let owner = possessivePlace(before: i, t, found) { return owner }
            if let seat = seatPlace(after: end, t, found) { return seat }
        }
        return nil
    }

    /// A name of two to four capitals (dots allowed) that spells the initials of a country or division the document
    /// is about: "SA" in a story about South Africa, "NSW" after "New South Wales". The candidates are the countries
    /// and first-level divisions found, and the focus's country. Function words ("of", "the", "and") give no initial.
    func initialsPlace(_ s: Int, _ e: Int, _ t: UnsafeBufferPointer<UInt8>, found: [PlaceMention], focus: PlaceRef?) -> PlaceRef? {
        guard s >= 0, e <= t.count, e > s, e - s <= 8 else { return nil }
        var letters: [UInt8] = []
        for k in s..<e {
            let b = t[k]
            if b >= 0x41 && b <= 0x5A { letters.append(b) } else if b != 0x2E { return nil }
        }
        guard letters.count >= 2 && letters.count <= 4 else { return nil }
        func initials(_ name: String) -> [UInt8] {
            var out: [UInt8] = []
            for w in name.split(whereSeparator: { $0 == " " || $0 == "-" }) {
                let l = w.lowercased()
                if l == "of" || l == "the" || l == "and" { continue }
                guard let f = w.utf8.first, f >= 0x41 && f <= 0x5A else { continue }
                out.append(f)
            }
            return out
        }
        var candidates: [PlaceRef] = found.compactMap { m in
            m.place.precision == .country || m.place.precision == .admin1 ? m.place : nil
        }
        if let c = focus?.country, let entry = gazetteer.country(code: c), let i = gazetteer.index(ofID: entry.id) {
            candidates.append(gazetteer.placeRef(i))
        }
        for p in candidates where p.lat != nil && initials(p.name) == letters {
            var q = p
            q.qualifier = nil
            return q
        }
        return nil
    }

    /// The town, district or division right before "'s NAME" (its possessive) ending at byte `start`: "London's
    /// Heathrow Animal Reception Centre" lies in London. A country is no owner here ("Britain's High Court" is
    /// placed by the focus or the name itself).
    func possessivePlace(before start: Int, _ t: UnsafeBufferPointer<UInt8>, _ found: [PlaceMention]) -> PlaceMention? {
        guard start >= 4, start <= t.count, t[start - 1] == 0x20, t[start - 2] == 0x73 else { return nil }
        // "'s " or "’s " (U+2019 is E2 80 99).
        var e = start - 3
        if t[e] == 0x27 { } else if e >= 2 && t[e] == 0x99 && t[e - 1] == 0x80 && t[e - 2] == 0xE2 { e -= 2 } else { return nil }
        guard let m = found.last(where: { Int($0.range.end) == e }), m.place.lat != nil else { return nil }
        switch m.place.precision {
        case .city?, .district?, .exact?, .admin1?, .region?: return m
        default: return nil
        }
    }

    /// The place that starts right after "NAME in (the)" at byte `end`, or nil.
    func seatPlace(after end: Int, _ t: UnsafeBufferPointer<UInt8>, _ found: [PlaceMention]) -> PlaceMention? {
        func spaces(_ i: Int) -> Int {
            var i = i
            while i < t.count && (t[i] == 0x20 || t[i] == 0x09 || t[i] == 0x0A) { i += 1 }
            return i
        }
        /// The end of the lower-case ASCII word at `i` (or `i` when none).
        func word(_ i: Int) -> Int {
            var j = i
            while j < t.count && t[j] >= 0x61 && t[j] <= 0x7A { j += 1 }
            return j
        }
        guard end >= 0 && end <= t.count else { return nil }
        let ls = spaces(end)
        let le = word(ls)
        guard le > ls, le - ls <= 8, le < t.count, t[le] == 0x20 || t[le] == 0x09 || t[le] == 0x0A,
              lexicon.isSeatLink(NameKey.hash(Array(t[ls..<le]))) else { return nil }
        var p = spaces(le)
        // An article before the place ("in the Vatican").
        let ae = word(p)
        if ae - p == 3 && t[p] == 0x74 && t[p + 1] == 0x68 && t[p + 2] == 0x65 { p = spaces(ae) }
        guard let m = found.first(where: { Int($0.range.start) == p }), m.place.lat != nil else { return nil }
        // A place that opens a longer name ("at Washington Square") is not the seat.
        let e = Int(m.range.end)
        if e + 1 < t.count && t[e] == 0x20 && t[e + 1] >= 0x41 && t[e + 1] <= 0x5A { return nil }
        return m
    }
}
