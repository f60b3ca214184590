import Foundation
import SitrepCore
import Testing
@testable import SitrepKnowledge

/// The loader's buffer paths give what the array paths they replaced give: the fold written into a caller's buffer,
/// the kind code read from bytes, the division key decoded once, and the interned country and division ids.
@Suite struct GazetteerLoadFastPathTests {
    /// Names in the scripts and spellings the gazetteer holds, and odd bytes.
    static let names: [String] = [
        "Deir ez-Zor", "DEIR EZ-ZOR", "Qal'at al-Madiq", "Tell`Abyad", "Ḥalab", "Ţafas", "ʿAyn al-ʿArab", "Dar‘ā",
        "الرقة", "دير الزور", "إدلب", "Ærøskøbing", "Straße", "Łódź", "İstanbul", "Москва", "Αθήνα", "東京", "서울",
        "Washington, D.C.", "  spaced  out  ", "-", "'", "x", "Idlib2", "a\u{0301}b", "\u{0301}", "ǅemal", "ﬁn",
        "São Tomé", "Ísafjörður", "Nuuk – Godthåb", "אילת", "ք", "",
    ]

    /// `NameKey.fold` as it was written before it wrote into a buffer: appending byte by byte.
    static func referenceFold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        let n = bytes.count
        var i = 0
        var pendingSpace = false
        func emit(_ b: UInt8) {
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(b)
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                if b >= 0x41 && b <= 0x5A { emit(b | 0x20) }
                else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { emit(b) }
                else if b == 0x27 || b == 0x60 { continue }
                else { pendingSpace = true }
                continue
            }
            var scalar: UInt32 = 0
            var len = 1
            if b & 0xE0 == 0xC0 { scalar = UInt32(b & 0x1F); len = 2 }
            else if b & 0xF0 == 0xE0 { scalar = UInt32(b & 0x0F); len = 3 }
            else if b & 0xF8 == 0xF0 { scalar = UInt32(b & 0x07); len = 4 }
            else { i += 1; pendingSpace = true; continue }
            if i + len > n { break }
            for k in 1..<len { scalar = (scalar << 6) | UInt32(bytes[i + k] & 0x3F) }
            let start = i
            i += len
            switch scalar {
            case 0x2018, 0x2019, 0x02BB, 0x02BC, 0x02BE, 0x02BF, 0x00B4, 0x02B9, 0x02CA: continue
            case 0x0300...0x036F, 0x064B...0x065F, 0x0670, 0x0640: continue
            case 0x0622, 0x0623, 0x0625, 0x0671: emit(0xD8); emit(0xA7)
            case 0x0629: emit(0xD9); emit(0x87)
            case 0x0649, 0x06CC: emit(0xD9); emit(0x8A)
            case 0x06A9: emit(0xD9); emit(0x83)
            case 0x0600...0x06FF, 0x0750...0x077F: for k in start..<i { emit(bytes[k]) }
            case 0x00C0...0x024F, 0x1E00...0x1EFF:
                let mapped = LatinFolding.table[Int(scalar)]
                if mapped.isEmpty { pendingSpace = true } else { for m in mapped { emit(m) } }
            case 0x2010...0x2015, 0x00A0, 0x2000...0x200F, 0x2028...0x202F: pendingSpace = true
            default:
                if let s = Unicode.Scalar(scalar), s.properties.isAlphabetic {
                    for u in String(s).lowercased().utf8 { emit(u) }
                } else {
                    pendingSpace = true
                }
            }
        }
        return out
    }

    /// The fold written at a pointer, with room for `capacity` bytes (nil: it reported too little room).
    static func bufferFold(_ text: String, capacity: Int) -> [UInt8]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, capacity)) { o -> [UInt8]? in
                let w = NameKey.fold(b, writingTo: o.baseAddress!, capacity: capacity)
                return w < 0 ? nil : Array(UnsafeBufferPointer(start: o.baseAddress!, count: w))
            }
        }
    }

    @Test(arguments: names)
    func bufferFoldEqualsAppendingFold(_ name: String) {
        let expected = Self.referenceFold(name)
        var viaArray: [UInt8] = [0x7A]
        var copy = name
        copy.withUTF8 { NameKey.fold($0, into: &viaArray) }
        #expect(viaArray == expected)
        #expect(Self.bufferFold(name, capacity: 4 * name.utf8.count + 16) == expected)
        // With less room the fold either fits and is the same, or says that it needs more.
        for room in 0...(expected.count + 2) {
            let got = Self.bufferFold(name, capacity: room)
            if room >= expected.count { #expect(got == nil || got == expected, "\(room)") } else { #expect(got == nil, "\(room)") }
        }
    }

    @Test func bufferFoldEqualsAppendingFoldOnMixedSpellings() {
        for a in Self.names { for b in Self.names.prefix(12) {
            let s = a + " " + b
            #expect(Self.bufferFold(s, capacity: 4 * s.utf8.count + 16) == Self.referenceFold(s), "\(s)")
        } }
    }

    @Test(arguments: ["K", "C", "A1", "A2", "R", "P", "N", "continent", "country", "admin1", "admin2", "region", "city",
                      "neighbourhood", "", "A", "A3", "B1", "c", "p", "PP", "cityx", "Ä"])
    func kindFromBytesEqualsKindFromString(_ code: String) {
        let bytes = Array(code.utf8)
        #expect(bytes.withUnsafeBufferPointer { GazetteerPlaceKind(code: $0) } == GazetteerPlaceKind(code: code))
    }

    @Test(arguments: [("SY", "13"), ("US", "NJ"), ("", ""), ("IQ", ""), ("", "07"), ("XK", "Ä1"), ("Ü", "x"),
                      ("A very long country field", "and a long division code")])
    func admin1KeyFromBytesEqualsConcatenation(_ country: String, _ code: String) {
        let line = Array((country + "\t" + code).utf8)
        let c = 0..<country.utf8.count, a = (country.utf8.count + 1)..<line.count
        let key = line.withUnsafeBufferPointer { GazetteerBuilder.admin1Key($0, c, a, country, code) }
        #expect(key == country + "." + code)
    }

    /// Country and division ids are handed out in order of first entry, as a dictionary of the code strings does.
    @Test func internedIDsEqualDictionaryInterning() throws {
        let g = try Gazetteer.loadDefault()
        var cIDs: [String: Int32] = [:], aIDs: [String: Int32] = [:]
        var cOf: [Int32] = [], aOf: [Int32] = []
        for p in g.places {
            if p.country.isEmpty { cOf.append(-1) } else if let c = cIDs[p.country] { cOf.append(c) } else {
                cIDs[p.country] = Int32(cIDs.count); cOf.append(Int32(cIDs.count - 1))
            }
            if p.admin1Code.isEmpty || p.kind == .country || p.kind == .continent { aOf.append(-1) } else if let a = aIDs[p.admin1Key] {
                aOf.append(a)
            } else {
                aIDs[p.admin1Key] = Int32(aIDs.count); aOf.append(Int32(aIDs.count - 1))
            }
        }
        #expect(g.countryIDOf == cOf)
        #expect(g.admin1IDOf == aOf)
        #expect(g.countryIDCount == cIDs.count)
        #expect(g.admin1IDCount == aIDs.count)
        var byID = [Int32](repeating: -1, count: aIDs.count)
        for (i, p) in g.places.enumerated() where p.kind == .admin1 && aOf[i] >= 0 { byID[Int(aOf[i])] = Int32(i) }
        #expect(g.admin1PlaceOfID == byID)
        for (i, p) in g.places.enumerated() { #expect(p.admin1Key == p.country + "." + p.admin1Code, "\(i)") }
    }

    /// Odd codes (not two ASCII letters) intern like the dictionary too.
    @Test func internedIDsOnOddCodes() {
        func place(_ id: String, _ kind: GazetteerPlaceKind, _ country: String, _ code: String) -> GazetteerPlace {
            GazetteerPlace(id: id, kind: kind, name: id, lat: 0, lon: 0, country: country, admin1Code: code, population: 0)
        }
        let places = [place("t:1", .city, "SY", "13"), place("t:2", .city, "Ü", "1"), place("t:3", .admin1, "SYR", "13"),
                      place("t:4", .city, "", "5"), place("t:5", .country, "SY", "13"), place("t:6", .city, "Ü", "1"),
                      place("t:7", .admin1, "SY", "13"), place("t:8", .city, "SYR", "2")]
        let g = Gazetteer(places: places, foldedHead: NameKeyTable(capacity: 16), skeletonHead: NameKeyTable(capacity: 16),
                          firstWords: NameKeyTable(capacity: 16), hitPlace: [], hitNext: [], hitPrimary: [], hitFoldedLength: [],
                          hitFirstByte: [], hitImportant: [], demonyms: NameKeyTable(capacity: 16), idIndex: [:])
        #expect(g.countryIDOf == [0, 1, 2, -1, 0, 1, 0, 2])
        // (A division code with no country still makes a key: ".5".)
        #expect(g.admin1IDOf == [0, 1, 2, 3, -1, 1, 0, 4])
        #expect(g.countryIDCount == 3)
        #expect(g.admin1IDCount == 5)
        #expect(g.admin1PlaceOfID == [6, -1, 2, -1, -1])
    }

    /// A row of more fields than the reused field buffer first holds.
    @Test func rowsWithManyFields() throws {
        let row = (0..<40).map { "f\($0)" }.joined(separator: "\t")
        var seen: [[String]] = []
        try GazetteerBuilder.forEachRow(Array((row + "\nx\ty\n" + row).utf8), file: "test.tsv") { f, _, buf in
            seen.append(f.map { GazetteerBuilder.string(buf, $0) })
        }
        #expect(seen.count == 3)
        #expect(seen[0] == (0..<40).map { "f\($0)" })
        #expect(seen[1] == ["x", "y"])
        #expect(seen[2] == seen[0])
    }

    /// The scan's first pass lower-cases and hashes plain words eight bytes at a time: words of eight letters and more
    /// (demonyms and stop words are found by that hash, names by those bytes), words ending the text, capitals and
    /// digits give what the general fold gives to the same words with an accent (which sends them down `NameKey.fold`).
    @Test(arguments: ["Troops massed near the Jordanian border and the Lebanese border.",
                      "Coalition aircraft struck Qamishli", "Alexander visited DAMASCUS, Jerablus and Raqqa2 and Kobani",
                      "Breaking: Hasakah", "Residents of Deir ez-Zor and Qamishli", "Abcdefghijklmnop Damascus Qamishlix Q"])
    func firstPassEightByteFoldEqualsGeneralFold(_ text: String) {
        let matcher = PlaceMatcher(gazetteer: PlaceMatchingFastPathTests.gazetteer)
        // An accent after the first letter of every word without a hyphen: those words fold through the general path.
        // (Hyphenated words are left alone: bytes before an article's hyphen decide their capitalisation.)
        let marked = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            var w = String(word)
            guard !w.contains("-"), let first = w.firstIndex(where: \.isLetter) else { return w }
            w.insert("\u{0301}", at: w.index(after: first))
            return w
        }.joined(separator: " ")
        let plain = matcher.find(in: text, tokens: nil)
        let general = matcher.find(in: marked, tokens: nil)
        #expect(plain.map(\.place.id) == general.map(\.place.id))
        #expect(plain.map(\.place.qualifier) == general.map(\.place.qualifier))
    }

    /// `GazetteerBuilder.double` as it was: digits accumulated in doubles, the fraction's scale divided by ten per digit.
    static func referenceDouble(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var i = 0
        var neg = false
        if i < bytes.count && bytes[i] == 0x2D { neg = true; i += 1 }
        var v = 0.0, scale = 0.0, any = false
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                any = true
                if scale == 0 { v = v * 10 + Double(b - 0x30) } else { v += Double(b - 0x30) * scale; scale /= 10 }
            } else if b == 0x2E && scale == 0 { scale = 0.1 } else { return nil }
            i += 1
        }
        return any ? (neg ? -v : v) : nil
    }

    static func parsed(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { GazetteerBuilder.double($0, 0..<bytes.count) }
    }

    /// The same bits as the digit-by-digit parse, on coordinates, populations, long fractions and bad numbers.
    @Test func doubleEqualsDigitByDigitParse() {
        var texts = ["0", "-0", "33.5138", "-117.1234567", "36.2021", "180", "90.0000001", "1.", ".5", "-.25", "", "-", ".",
                     "1.2.3", "12a", "1e5", " 1", "123456789012345678901234567890", "9007199254740993", "562949953421311.75",
                     "0." + String(repeating: "3", count: 400), "1." + String(repeating: "9", count: 330) + "5.5",
                     "0.000000000000000000000000000001", "4503599627370497.5"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let whole = Int(state >> 40) % 400 - 200
            let digits = Int(state >> 20) % 12
            var fraction = ""
            var x = state
            for _ in 0..<digits { fraction.append(Character(String(x % 10))); x /= 10 }
            texts.append(digits == 0 ? "\(whole)" : "\(whole).\(fraction)")
        }
        for t in texts {
            let a = Self.parsed(t), b = Self.referenceDouble(t)
            #expect(a?.bitPattern == b?.bitPattern, "\(t)")
        }
    }
}
