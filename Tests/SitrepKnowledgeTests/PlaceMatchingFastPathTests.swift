import Testing
@testable import SitrepKnowledge

/// The place matcher's fast paths give what the straightforward computation gives.
@Suite struct PlaceMatchingFastPathTests {
    static let gazetteer = try! Gazetteer.loadDefault()

    /// A trailing combining accent sends a word down the general (scalar) folding path, which drops the accent:
    /// the ASCII fast paths must give the same key.
    @Test(arguments: ["Deir ez-Zor", "Qal'at al-Madiq", "DARAA", "Idlib2", "Abu-Kamal", "al--Bab", "x", "Tell`Abyad",
                      "'Ayn Issa", "Homs.", "Sweida, Daraa"])
    func asciiFoldEqualsGeneralFold(_ word: String) {
        #expect(NameKey.folded(word) == NameKey.folded(word + "\u{0301}"))
        #expect(NameKey.folded(word) == NameKey.folded("\u{0301}" + word))
    }

    @Test func accentedAndArabicWordsFoldLikeTheirPlainSpelling() {
        #expect(NameKey.folded("Ḥalab") == NameKey.folded("Halab"))
        #expect(NameKey.folded("Ţafas") == "tafas")
        #expect(NameKey.folded("Dar‘ā") == NameKey.folded("Dara"))
        #expect(NameKey.folded("الرقة") == NameKey.folded("الرقه"))
        #expect(NameKey.folded("إدلب") == NameKey.folded("ادلب"))
    }

    /// The scan folds plain words inline and others with `NameKey.fold`: both spellings find the same places.
    @Test func plainAndAccentedSpellingsResolveAlike() {
        let matcher = PlaceMatcher(gazetteer: Self.gazetteer)
        let plain = matcher.find(in: "Shelling hit Deir ez-Zor and Daraa province on Monday, residents of Idlib said.", tokens: nil)
        let marked = matcher.find(in: "Shelling hit Deir\u{0301} ez-Zor and Daraa\u{0301} province on Monday, residents of Idlib\u{0301} said.",
                                  tokens: nil)
        #expect(plain.count == 3)
        #expect(plain.map(\.place.id) == marked.map(\.place.id))
        #expect(plain.map(\.place.qualifier) == marked.map(\.place.qualifier))
    }

    /// `placeRef` finds a place's division by interned id; `admin1(of:)` by its key string.
    @Test func placeRefDivisionEqualsKeyLookup() {
        let g = Self.gazetteer
        var checked = 0
        for i in stride(from: 0, to: g.places.count, by: 7) {
            let p = g.places[i]
            let expected = p.kind == .country || p.kind == .continent ? nil : g.admin1(of: p)?.name
            #expect(g.placeRef(Int32(i)).admin1 == expected, "\(p.id)")
            if expected != nil { checked += 1 }
        }
        #expect(checked > 100)
    }

    /// A one-word name's hash is the one the scan's first pass computed with the word's fold: words of the stop list
    /// stay unmatched in plain and accented spelling alike (as the lexicon's check of their fold says), and place
    /// names found once are found again at their next mention (the lookup memo is keyed by that hash).
    @Test(arguments: [("Alexander", false), ("Daniel", false), ("Dániel", false), ("Capital", false), ("Homs", true),
                      ("Idlib", true), ("Idlib\u{0301}", true), ("Raqqa", true)])
    func singleWordHashFromFirstPass(_ word: String, _ isPlace: Bool) {
        let matcher = PlaceMatcher(gazetteer: Self.gazetteer)
        let fold = Array(NameKey.folded(word).utf8)
        #expect(matcher.lexicon.isStopword(NameKey.hash(fold)) == !isPlace)
        let text = "Officials visited \(word) on Monday and residents left \(word) by night."
        let found = matcher.find(in: text, tokens: nil)
        let offsets = text.utf8.indices.filter { text.utf8[$0...].starts(with: word.utf8) }.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
        #expect(offsets.count == 2)
        let starts = Set(found.map { Int($0.range.start) })
        for o in offsets { #expect(starts.contains(o) == isPlace, "\(word) at \(o)") }
    }

    /// The longer name's entry is added to a lone word's candidates without copying the mention: the lone word
    /// standing for a longer name found in the same document still resolves to that longer name.
    @Test(arguments: ["Fighting flared in the Yarmouk Basin on Sunday. By evening the shelling of Yarmouk had stopped.",
                      "Families returned to Yarmouk on foot after a week of raids around the Yarmouk Basin."])
    func loneWordTakesLongerNameOfDocument(_ text: String) {
        let matcher = PlaceMatcher(gazetteer: Self.gazetteer)
        let found = matcher.find(in: text, tokens: nil)
        let ids = found.map(\.place.id)
        #expect(ids.count == 2)
        #expect(ids.allSatisfy { $0 == "sitrep:yarmouk-basin" }, "\(ids)")
    }
}
