import SitrepCore

extension PlaceMatcher {
    /// Where a name the gazetteer does not know lies (a street, a building, an organisation's seat): a place
    /// found inside it ("Colorado State University"), when that place agrees with the document's focus, else
    /// the focus itself. A place inside the name that lies in another country than the focus is a coincidence
    /// of words ("Vienna/Fairfax-GMU Metro" in a Virginia story, "Liverpool Academy" in Cairo) and is passed over;
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
    public func fallback(for span: TextRange, in text: String, found: [PlaceMention], focus: PlaceRef?) -> PlaceRef? {
        var text = text
        let seat = text.withUTF8 { seatPlace(after: Int(span.end), $0, found) }
        return seat?.place ?? fallback(for: span, found: found, focus: focus)
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
        return m
    }
}
