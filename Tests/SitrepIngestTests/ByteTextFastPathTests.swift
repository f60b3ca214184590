import Foundation
import Testing
@testable import SitrepIngest
import SitrepCore

/// The eight-bytes-at-a-time tests the cleaner's scanners use give, byte for byte, what the plain
/// per-byte tests give: every byte value in every position of the word.
@Suite struct ByteTextFastPathTests {
    /// Eight bytes of filler with `b` at `position`, as the little-endian word the scanners load.
    static func word(_ b: Int, at position: Int, filler: UInt8) -> (UInt64, [UInt8]) {
        var bytes = [UInt8](repeating: filler, count: 8)
        bytes[position] = UInt8(b)
        var x: UInt64 = 0
        for (i, v) in bytes.enumerated() { x |= UInt64(v) << UInt64(8 * i) }
        return (x, bytes)
    }

    static func bit(_ mask: UInt64, _ i: Int) -> Bool { (mask >> UInt64(8 * i + 7)) & 1 == 1 }

    @Test(arguments: [UInt8(ascii: "q"), UInt8(ascii: " "), 0xC3, UInt8(ascii: "5"), 0x0A])
    func byteMasksMatchThePerByteTests(filler: UInt8) {
        for position in 0..<8 {
            for b in 0..<256 {
                let (x, bytes) = Self.word(b, at: position, filler: filler)
                let nonWord = ByteText.nonWordBytes(x), nonLower = ByteText.nonLowerBytes(x), digits = ByteText.digitBytes(x)
                let newline = ByteText.bytesEqual(x, 0x0A), ells = ByteText.bytesEqual(x | 0x2020_2020_2020_2020, 0x6C)
                for i in 0..<8 {
                    let v = bytes[i]
                    #expect(Self.bit(nonWord, i) == !ByteText.isWordByte(v), "nonWord \(v) at \(i)")
                    #expect(Self.bit(nonLower, i) == !ByteText.isLower(v), "nonLower \(v) at \(i)")
                    #expect(Self.bit(digits, i) == ByteText.isDigit(v), "digit \(v) at \(i)")
                    #expect(Self.bit(newline, i) == (v == 0x0A), "newline \(v) at \(i)")
                    #expect(Self.bit(ells, i) == (v | 0x20 == 0x6C), "l \(v) at \(i)")
                }
                for m in [nonWord, nonLower, digits, newline, ells] { #expect(m & ~0x8080_8080_8080_8080 == 0) }
            }
        }
    }

    @Test func loadReadsEightBytesLittleEndian() {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        bytes.withUnsafeBufferPointer { p in
            #expect(ByteText.load8(p, 0) == 0x0807_0605_0403_0201)
            #expect(ByteText.load8(p, 1) == 0x0908_0706_0504_0302)
        }
    }
}

/// The copyright-outlet trim without Foundation gives what Foundation's `trimmingCharacters(in:)` gives.
@Suite struct ASCIITrimTests {
    @Test(arguments: ["(The Daily Ledger.", "..", "", "Al Bawaba (", " ©Ünï, ", ".\u{301}abc;", "|x|", "Ledger", "  (( ) ",
                      "Dār al-Ḥayāt;", "é.", ".é"])
    func asciiTrimIsFoundationsTrim(_ s: String) {
        #expect(CleaningPass.trimmingASCII(s, ".,;|( ") == s.trimmingCharacters(in: CharacterSet(charactersIn: ".,;|( ")))
        #expect(CleaningPass.trimmingASCII(s, ".,;|()").isEmpty == s.trimmingCharacters(in: CharacterSet(charactersIn: ".,;|()")).isEmpty)
    }
}

/// The line scanner writes its keys into a buffer it does not zero first: every key byte it keeps is one it wrote.
/// Each line's key equals a plain byte-by-byte key (lowercase ASCII, whitespace collapsed, curly quotes straight,
/// dashes '-', '…' as "..."), and the key buffer ends with the last key.
@Suite struct LineKeyBufferTests {
    static func referenceKey(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> [UInt8] {
        var out: [UInt8] = []
        var space = false
        var i = s
        while i < e {
            let b = p[i]
            if ByteText.isSpace(b) { space = true; i += 1; continue }
            let u = ByteText.unicodeSpaceLength(p, i, e)
            if u > 0 { space = true; i += u; continue }
            if space, !out.isEmpty { out.append(0x20) }
            space = false
            if b == 0xE2, i + 2 < e, p[i + 1] == 0x80 {
                switch p[i + 2] {
                case 0x98, 0x99: out.append(0x27); i += 3; continue
                case 0x9C, 0x9D: out.append(0x22); i += 3; continue
                case 0x93, 0x94: out.append(0x2D); i += 3; continue
                case 0xA6: out += [0x2E, 0x2E, 0x2E]; i += 3; continue
                default: break
                }
            }
            out.append(ByteText.lower(b))
            i += 1
        }
        return out
    }

    /// Words (split on whitespace and Unicode spaces) and those whose first byte is an uppercase letter, a digit or
    /// the lead byte of a Latin letter (0xC3…0xDF), counted byte by byte.
    static func referenceCounts(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> (words: Int, capitalized: Int) {
        var words = 0, capitalized = 0
        var inWord = false
        var i = s
        while i < e {
            let u = ByteText.isSpace(p[i]) ? 1 : ByteText.unicodeSpaceLength(p, i, e)
            if u > 0 { inWord = false; i += u; continue }
            if !inWord {
                words += 1
                let b = p[i]
                if ByteText.isUpper(b) || ByteText.isDigit(b) || (b >= 0xC3 && b < 0xE0) { capitalized += 1 }
            }
            inWord = true
            i += 1
        }
        return (words, capitalized)
    }

    @Test(arguments: [
        "Rebels Shelled The Market Town On Tuesday Morning, Officials Said.\n\nSecond line here",
        "AAAAAAAA BBBBBBBB 12345678 A B C D E F G H I J K L 1 2 3 4 5 6 7 8 9 0 Ab Cd Ef Gh Ij Kl Mn Op qR sT uV wX",
        "a a a a a a a a a a a a a a a a a a a a b bb bbb bbbb bbbbb bbbbbb bbbbbbb bbbbbbbb X. Y, Z; 9: 8! 7? (Q) [r]",
        "  Leading   spaces and\tTABS\u{00A0}and NBSP  \r\nCRLF line — with a dash … and “quotes” ‘too’\n",
        "x\ny\n\nZ",
        "",
        "Ünïcödé Wörds ÀND ascii MIXED in one long line that goes on well past sixteen bytes\u{2009}thin space",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 !?.,;: end.\n\n\n   \n last",
    ])
    func keysAreThePlainKeys(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { p in
            let scanned = ScannedLines(p)
            #expect(scanned.keys.count == (scanned.lines.last?.keyEnd ?? 0))
            for l in scanned.lines {
                #expect(Array(scanned.keys[l.keyStart..<l.keyEnd]) == Self.referenceKey(p, l.start, l.end))
                let counts = Self.referenceCounts(p, l.start, l.end)
                #expect(l.words == counts.words && l.capitalizedWords == counts.capitalized, "\(l.start)")
            }
        }
    }
}

/// A date scanner keeps its word list between scans: scanning many lines with one scanner finds what a new
/// scanner per line finds.
@Suite struct DateScannerReuseTests {
    @Test func reusedScannerFindsWhatFreshScannersFind() {
        let lines = [
            "Published March 4, 2019 - 10:15 GMT",
            "Officials said 212 families had left since 9 June, and more would follow last Thursday.",
            "no digits at all in this line",
            "The talks on 2017-11-30 and 30/11/2017 ended; a third round opened on the 3rd of December 2017 in the capital.",
            "Fri, 03 Aug 2018 and then Tuesday 13 February 2018, 14 of them, 1,200 others",
            "last Monday",
        ]
        let names = IngestLexicon.shared.calendar
        let shared = DateScanner(names: names)
        for line in lines {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { p in
                var m1: [DateMention] = [], r1: [RelativeWeekday] = []
                var m2: [DateMention] = [], r2: [RelativeWeekday] = []
                shared.scan(p, from: 0, to: p.count, mentions: &m1, relative: &r1)
                DateScanner(names: names).scan(p, from: 0, to: p.count, mentions: &m2, relative: &r2)
                #expect(m1 == m2, "\(line)")
                #expect(r1 == r2, "\(line)")
            }
        }
        // And the dated lines do find their dates (the comparison is not between two empty lists).
        let bytes = Array(lines[3].utf8)
        bytes.withUnsafeBufferPointer { p in
            var m: [DateMention] = [], r: [RelativeWeekday] = []
            shared.scan(p, from: 0, to: p.count, mentions: &m, relative: &r)
            #expect(m.count == 3)
        }
    }
}

/// A month-and-day mention resolved near an anchor (the anchor's day number computed once) is the occurrence the
/// plain comparison of distances picks: the nearest of the three years around the anchor, the earlier on a tie.
@Suite struct ResolvedNearTests {
    static func plain(_ m: DateMention, near anchor: CalendarDay) -> CalendarDay? {
        if let d = m.calendarDay { return d }
        guard m.year == nil, let day = m.day else { return nil }
        var best: CalendarDay?
        for y in (anchor.year - 1)...(anchor.year + 1) {
            guard let c = CalendarDay(year: y, month: m.month, day: day) else { continue }
            if best == nil || abs(c.dayNumber - anchor.dayNumber) < abs(best!.dayNumber - anchor.dayNumber) { best = c }
        }
        return best
    }

    @Test(arguments: [(2018, 1, 3), (2018, 7, 2), (2019, 12, 30), (2020, 2, 29), (2021, 3, 1), (2016, 6, 30)])
    func resolvedIsThePlainNearest(year: Int, month: Int, day: Int) {
        let anchor = CalendarDay(year: year, month: month, day: day)!
        var found = 0
        for mm in 1...12 {
            for dd in [1, 2, 15, 28, 29, 30, 31] {
                let m = DateMention(start: 0, end: 1, year: nil, month: mm, day: dd, weekday: nil)
                #expect(m.resolved(near: anchor) == Self.plain(m, near: anchor), "\(mm)-\(dd) near \(anchor)")
                if m.resolved(near: anchor) != nil { found += 1 }
            }
        }
        #expect(found > 70)
    }
}

/// The duplicate finder's hash table answers as a dictionary from hash to first line does, for hashes that share
/// their low bits (long probe runs), repeat, and fill the table to its limit.
@Suite struct LineHashTableTests {
    @Test(arguments: [0, 1, 7, 8, 9, 40, 300])
    func tableIsADictionary(lines n: Int) {
        var table = CleaningPass.LineHashTable(lines: n)
        var reference: [UInt64: Int] = [:]
        var rng: UInt64 = 0x9E37_79B9_7F4A_7C15
        var found = 0
        for line in 0..<n {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Few distinct values, many with equal low bits: repeats and collisions in the table.
            let h = (rng >> 60) << 32 | (line % 3 == 0 ? 0 : 5)
            let expected = reference[h]
            if expected == nil { reference[h] = line } else { found += 1 }
            #expect(table.firstLine(h, else: line) == expected)
        }
        #expect(n < 40 || found > 0)
    }
}
