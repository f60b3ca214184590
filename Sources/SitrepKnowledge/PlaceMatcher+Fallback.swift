import SitrepCore

extension PlaceMatcher {
    /// Where a name the gazetteer does not know lies (a street, a building, an organisation's seat): a place
    /// found inside it ("Colorado State University"), when that place agrees with the document's focus, else
    /// the focus itself. A place inside the name that lies in another country than the focus is a coincidence
    /// of words ("Vienna/Fairfax-GMU Metro" in a Virginia story, "Liverpool Academy" in Cairo) and is passed over.
    public func fallback(for span: TextRange, found: [PlaceMention], focus: PlaceRef?) -> PlaceRef? {
        var inside: PlaceMention? = nil
        for m in found where m.range.start < span.end && m.range.end > span.start {
            if inside == nil || m.score > inside!.score { inside = m }
        }
        guard let m = inside else { return focus }
        guard let f = focus, let fc = f.country else { return m.place }
        guard let c = m.place.country, c == fc else { return f }
        // The same country: a division or country inside the name is less precise than a focus town in it.
        if m.place.precision == .country { return f }
        if m.place.precision == .admin1 && f.admin1 == m.place.name && f.precision != .admin1 { return f }
        return m.place
    }
}
