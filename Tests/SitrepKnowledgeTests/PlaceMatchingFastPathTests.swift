import Foundation
import SitrepCore
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

    /// Words far from any name are hashed without `NameKey.fold` when they are plain ASCII: "… of the province" far
    /// from a name is recognised alike in plain spelling and with a combining accent on "of", "the" and the noun (which
    /// sends them through the general fold, which drops it; the direction word's own bytes make the qualifier).
    @Test(arguments: [("north", "province"), ("east", "city"), ("outskirts", "province")])
    func farWordsHashLikeTheirFold(_ direction: String, _ noun: String) {
        let matcher = PlaceMatcher(gazetteer: Self.gazetteer)
        let plain = "Shelling hit Idlib on Monday. then clashes spread quickly across the \(direction) of the \(noun) overnight."
        let marked = "Shelling hit Idlib on Monday. then clashes spread quickly across the \(direction) of\u{0301} the\u{0301} \(noun)\u{0301} overnight."
        let a = matcher.find(in: plain, tokens: nil), b = matcher.find(in: marked, tokens: nil)
        #expect(a.count == 2, "\(a.map(\.place.name))")
        #expect(a.map(\.place.id) == b.map(\.place.id))
        #expect(a.map(\.place.qualifier) == b.map(\.place.qualifier))
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

    /// The skeleton written into a scratch buffer (as the candidate lookup hashes it) is the skeleton built as an
    /// array, and so is its table key; spelling variants still find their place by skeleton.
    @Test(arguments: ["Deir Ezzour", "Dayr az-Zawr", "Alboukamal", "al Bab", "Oqeirbat", "Raqqah", "Khan Shaykhun", "Tal Rifaat",
                      "x", "ab", "Qamishli town", "حلب", "الرقة"])
    func skeletonInPlaceEqualsArraySkeleton(_ name: String) {
        let folded = Array(NameKey.folded(name).utf8)
        var array: [UInt8] = []
        folded.withUnsafeBufferPointer { NameKey.skeleton(ofFolded: $0, into: &array) }
        let inPlace = folded.withUnsafeBufferPointer { f in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, f.count)) { o -> [UInt8] in
                Array(o[0..<NameKey.skeleton(ofFolded: f, writingTo: o)])
            }
        }
        #expect(inPlace == array)
        #expect(array.withUnsafeBufferPointer { Gazetteer.skeletonKey($0, firstByte: folded.first ?? 0) }
                == Gazetteer.skeletonKey(array, firstByte: folded.first ?? 0))
    }

    @Test(arguments: [("Dayr az-Zawr", "Deir ez-Zor"), ("Deir Ezzour", "Deir ez-Zor"), ("Albukamal", "Abu Kamal")])
    func variantSpellingFindsPlaceBySkeleton(_ variant: String, _ name: String) {
        let g = Self.gazetteer
        let exact = Set(g.candidates(named: name, skeleton: false).map(\.index))
        #expect(!exact.isEmpty)
        let found = g.candidates(named: variant).filter { $0.match == .skeleton || exact.contains($0.index) }
        #expect(found.contains { exact.contains($0.index) }, "\(variant)")
    }

    /// The per-document counts of countries and divisions are reused from document to document: a document matched
    /// after others gives what it gives alone (no count of an earlier document is left over).
    @Test(arguments: [["Troops left Homs for Hama province, and later Aleppo and Idlib saw fighting in Syria.",
                       "Police in Springfield, Illinois, and in Peoria said roads were closed across the state.",
                       "Troops left Homs for Hama province, and later Aleppo and Idlib saw fighting in Syria."],
                      ["Floods hit Lagos and Abuja, and residents of Kano in Nigeria moved to higher ground.",
                       "Officials in Georgia and Tbilisi met as talks in Paris and Lyon went on in France.",
                       "Floods hit Lagos and Abuja, and residents of Kano in Nigeria moved to higher ground."]])
    func countsDoNotCarryOverBetweenDocuments(_ texts: [String]) {
        let shared = PlaceMatcher(gazetteer: Self.gazetteer)
        for text in texts {
            let alone = PlaceMatcher(gazetteer: Self.gazetteer).find(in: text, tokens: nil)
            let after = shared.find(in: text, tokens: nil)
            #expect(!alone.isEmpty)
            #expect(after.map(\.place.id) == alone.map(\.place.id), "\(text)")
            #expect(after.map(\.score) == alone.map(\.score), "\(text)")
            #expect(after.map(\.range) == alone.map(\.range), "\(text)")
        }
    }

    /// A space ends a word without being decoded; a tab (decoded as a separator) ends it the same way: the words,
    /// their offsets and flags do not depend on which of the two separates them.
    @Test(arguments: ["Shelling hit al-Bab and Deir ez-Zor on Monday", "The U.S. envoy met Kurdish officials in Qamishli's north",
                      "Convoys reached Dar‘a and Ḥalab by night", "IDLIB governor visited Ma'arrat al-Nu'man", "a b  c   d",
                      "Officials in Springfield's centre said", "Word", "short words only x y z"])
    func spaceEndsWordsLikeOtherSeparators(_ text: String) {
        func words(_ s: String) -> [[Int]] {
            var copy = s
            return copy.withUTF8 { t in
                PlaceWordScanner.words(t).map { [$0.start, $0.end, $0.capitalised ? 1 : 0, $0.arabic ? 1 : 0, $0.breakBefore ? 1 : 0,
                                                 $0.sentenceStart ? 1 : 0] }
            }
        }
        let spaced = words(text)
        #expect(!spaced.isEmpty)
        #expect(spaced == words(text.replacingOccurrences(of: " ", with: "\t")))
    }
    /// The population term of a prior is read from the gazetteer (computed once at load): every candidate of these
    /// names gets the prior the plain formula with `log10` of its population gives, under each head noun.
    @Test(arguments: ["Springfield", "Georgia", "Homs", "Damascus", "Hama", "Washington", "Morris County", "Deir Ezzour",
                      "Kano", "Paris"])
    func priorFromLoadTimeSizeEqualsPlainFormula(_ name: String) {
        let g = Self.gazetteer
        let matcher = PlaceMatcher(gazetteer: g)
        let cands = g.candidates(named: name)
        #expect(!cands.isEmpty, "\(name)")
        func plain(_ c: Gazetteer.Candidate, _ head: PlaceLexicon.Role?, _ rural: Bool, _ direction: Bool) -> Double {
            let kind = g.kindOf[Int(c.index)], population = Int(g.populationOf[Int(c.index)])
            var s = c.match == .primary ? 1.0 : c.match == .alternate ? 0.9 : 0.6
            switch kind {
            case .continent: s += 1.0
            case .country: s += c.match == .primary ? 1.2 : 0.8
            case .admin1: s += 0.3 + 0.06 * log10(Double(population) + 1)
            case .region: s += 0.75
            case .admin2: s += 0.2 + 0.06 * log10(Double(population) + 1)
            case .city:
                s += 0.1 + 0.1 * log10(Double(population) + 1)
                if population >= 1_000_000 && c.match == .primary { s += 0.4 }
            case .neighbourhood: s += 0.05
            }
            switch head {
            case .admin1?: if kind == .admin1 { s += 0.8 }
            case .region?: if kind == .admin1 || kind == .region { s += 0.6 }
            case .city?: if kind == .city { s += 0.6 } else if kind == .admin1 { s -= 0.3 }
            case .border?: if kind == .country { s += 0.5 }
            default:
                if rural && (kind == .admin1 || kind == .region) { s += 0.6 }
                else if direction && (kind == .admin1 || kind == .region) { s += 0.35 }
                else if direction && kind == .country { s += 0.2 }
            }
            return s
        }
        let heads: [PlaceLexicon.Role?] = [nil, .admin1, .region, .city, .border]
        for c in cands {
            for head in heads {
                for (rural, direction) in [(false, false), (true, false), (false, true)] {
                    #expect(matcher.prior(c, head: head, rural: rural, direction: direction) == plain(c, head, rural, direction),
                            "\(name) \(c.index)")
                }
            }
        }
    }
    /// A separate article is skipped in a skeleton unless it is the last word; "last" is read from the space after
    /// it (no count of the key's words first). A skipped article writes nothing, so the key without it has the
    /// same skeleton; a last one is kept. (Folded keys as bytes, including doubled and trailing spaces.)
    @Test(arguments: [("ras al ain", "ras ain", false), ("deir ez zor", "deir zor", false), ("tell an", "tell", true),
                      ("al bab", "bab", false), ("bab al ", "bab ", false), ("al  bab", " bab", false), ("el", "", true),
                      ("abu al duhur al", "abu duhur al", false), ("bab al", "bab", true), ("as sin", "sin", false)])
    func skeletonSkipsArticleUnlessLast(_ key: String, _ withoutArticle: String, _ articleIsLast: Bool) {
        func skeleton(_ k: String) -> [UInt8] {
            let f = Array(k.utf8)
            return f.withUnsafeBufferPointer { fb in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, fb.count)) { o -> [UInt8] in
                    Array(o[0..<NameKey.skeleton(ofFolded: fb, writingTo: o)])
                }
            }
        }
        if articleIsLast {
            #expect(skeleton(key) != skeleton(withoutArticle), "\(key)")
            #expect(!skeleton(key).isEmpty)
        } else {
            #expect(skeleton(key) == skeleton(withoutArticle), "\(key)")
        }
    }

    /// Words two to four before a name are folded only when the qualifier scan reaches them (not in the scan's first
    /// pass): their qualifiers are still found, and a word further away or across a break adds nothing.
    @Test(arguments: [
        ("Government forces shelled villages in rural eastern Idlib on Monday, residents said.", "Idlib", "rural eastern"),
        ("Rebels advanced on the outskirts of Daraa overnight.", "Daraa", "outskirts of"),
        ("Rural. Eastern Idlib saw heavy shelling on Monday.", "Idlib", "eastern"),
        ("Aid trucks finally reached Idlib on Monday.", "Idlib", ""),
    ])
    func qualifiersBeforeTheNameAreFoundOnDemand(_ text: String, _ name: String, _ qualifier: String) {
        let matcher = PlaceMatcher(gazetteer: Self.gazetteer)
        let found = matcher.find(in: text, tokens: nil)
        let m = found.first { String(decoding: Array(text.utf8)[Int($0.range.start)..<Int($0.range.end)], as: UTF8.self).hasSuffix(name) }
        #expect(m != nil, "\(found)")
        #expect((m?.place.qualifier ?? "") == qualifier, "\(m?.place.qualifier ?? "-")")
    }

    /// A two-word relation before a name ("east of", "outskirts of") is looked up by its hash continued from the first
    /// word's (a word of ASCII letters and digits) or by its string (any other word, "north-east"): both find it.
    @Test(arguments: [("Shelling hit farms east of Idlib on Monday.", "east of"),
                      // (A hyphen folds to a space.)
                      ("Clashes broke out north-east of Idlib at night.", "north east of"),
                      ("Troops gathered on the outskirts of Daraa overnight.", "outskirts of"),
                      ("Smoke rose south of Raqqa after the strike.", "south of")])
    func relationBeforeNameFoundByHashOrString(_ text: String, _ qualifier: String) {
        let matcher = PlaceMatcher(gazetteer: Self.gazetteer)
        let found = matcher.find(in: text, tokens: nil)
        #expect(found.first?.place.qualifier == qualifier, "\(text)")
        // The word's own hash continued by " of" is the hash of the pair's bytes.
        let first = String(qualifier.dropLast(3))
        var h = NameKey.hash(Array(first.utf8))
        for b in Array(" of".utf8) { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        #expect(h == NameKey.hash(Array(qualifier.utf8)))
    }

    /// The contraction test answers no at once for a word with no apostrophe two or three bytes from its end; words
    /// with one there are still read in full.
    @Test(arguments: [("I'll", true), ("We’d", true), ("They've", true), ("Don't", true), ("I'm", true), ("She’ll", true),
                      ("O'Fallon", false), ("Dar'a", false), ("Idlib", false), ("abc", false), ("ab", false),
                      ("Hay’at", false), ("x'y", false), ("we're", true), ("Ma’arrat", false)])
    func contractionCheck(_ word: String, _ expected: Bool) {
        let bytes = Array(word.utf8)
        let got = bytes.withUnsafeBufferPointer { PlaceMatcher.endsInContraction(0, bytes.count, $0) }
        #expect(got == expected, "\(word)")
    }
}
