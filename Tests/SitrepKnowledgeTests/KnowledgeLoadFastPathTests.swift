import Testing
@testable import SitrepKnowledge

/// Fast paths of the place word scanner, the consonant skeleton and the gazetteer loader give what the
/// straightforward computations they replaced give (those are kept here as references).
@Suite struct KnowledgeLoadFastPathTests {
    static let texts: [String] = [
        "Shelling hit al-Sweida, ez-Zor and as-Suwayda; abcd-Efgh and abc-Def met x-Y and al-sweida.",
        "The al-Bab's market, el-Mina’s port, an-Nabk's edge, al-'Zor, al--Bab, al-, -al, al-É, al-Ḥasan.",
        "Quotes ‘al-Raqqa’ and “ez-Zor” — dashes – and U.S.-backed al-Qaeda-linked fighters near Um-Batna.",
        "Ḥalab, Ţafas, ʿAyn al-ʿArab, DEIR EZ-ZOR, Dar‘ā, الرقة, دير الزور, x-y-z-W, a-B, ab-C, abc-D, abcd-E.",
        "", "a", "-", "al-Z", "al-Z's", "ez-Zo", "Kremlin-backed, pro-Damascus, ex-Homs, co-Owner's",
    ]

    /// The capitalisation a word had from a second pass over its bytes (the scanner now notes the hyphen).
    static func referenceCapitalised(_ t: [UInt8], _ w: PlaceWord) -> Bool {
        let s = String(decoding: t[w.start..<w.end], as: UTF8.self)
        guard let first = s.unicodeScalars.first else { return false }
        if first.value >= 0x0600 && first.value <= 0x077F { return false }
        if first.value < 0x80 ? (first.value >= 0x41 && first.value <= 0x5A) : first.properties.isUppercase { return true }
        let start = w.start, end = w.end
        var k = start
        while k < end && k - start <= 4 && t[k] != 0x2D { k += 1 }
        return k < end - 1 && t[k] == 0x2D && k - start <= 3 && t[k + 1] >= 0x41 && t[k + 1] <= 0x5A
    }

    static func checkScanner(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let words = bytes.withUnsafeBufferPointer { PlaceWordScanner.words($0) }
        return words.allSatisfy { $0.capitalised == referenceCapitalised(bytes, $0) }
    }

    @Test(arguments: texts)
    func scannerCapitalisationEqualsSecondPass(_ text: String) {
        #expect(Self.checkScanner(text))
    }

    @Test func scannerCapitalisationEqualsSecondPassOnJoinsAndSeeds() {
        for a in Self.texts { for b in Self.texts { #expect(Self.checkScanner(a + b)) } }
        for text in PlaceSeedsTests.seeds() { #expect(Self.checkScanner(text)) }
    }

    /// The skeleton as it was computed before it was written in place (appending to the array).
    static func referenceSkeleton(_ f: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        let n = f.count
        var i = 0
        var wordCount = 0
        for b in f where b == 0x20 { wordCount += 1 }
        wordCount += 1
        var wordIndex = 0
        while i < n {
            var j = i
            while j < n && f[j] != 0x20 { j += 1 }
            defer { i = j + 1; wordIndex += 1 }
            var s = i
            let len = j - i
            if len == 0 { continue }
            if f[i] >= 0x80 {
                if len >= 8 && f[i] == 0xD8 && f[i + 1] == 0xA7 && f[i + 2] == 0xD9 && f[i + 3] == 0x84 { s += 4 }
                var k = s
                while k < j {
                    let b0 = f[k]
                    let l = b0 < 0x80 ? 1 : (b0 & 0xE0 == 0xC0 ? 2 : (b0 & 0xF0 == 0xE0 ? 3 : 4))
                    let isVowel = l == 2 && ((b0 == 0xD8 && (f[k + 1] == 0xA7 || f[k + 1] == 0xA1 || f[k + 1] == 0xA4 || f[k + 1] == 0xA6))
                        || (b0 == 0xD9 && (f[k + 1] == 0x88 || f[k + 1] == 0x8A)))
                    if !isVowel {
                        var same = out.count >= l
                        if same { for q in 0..<l where out[out.count - l + q] != f[k + q] { same = false; break } }
                        if !same || out.isEmpty { for q in 0..<l { out.append(f[k + q]) } }
                    }
                    k += l
                }
                continue
            }
            let isArticle = f.withUnsafeBufferPointer { NameKey.isArticle($0, i, j) }
            if wordIndex < wordCount - 1 && isArticle { continue }
            if len >= 4 && (f[i] == 0x61 || f[i] == 0x65) && f[i + 1] == 0x6C { s += 2 }
            var k = s
            var wordStart = true
            while k < j {
                let c = f[k]
                let next: UInt8 = k + 1 < j ? f[k + 1] : 0
                var cls: UInt8 = 0
                var step = 1
                if next == 0x68 && [0x6B, 0x64, 0x74, 0x73, 0x63, 0x67, 0x70].contains(c) {
                    cls = [0x6B: 0x68, 0x64: 0x64, 0x74: 0x74, 0x73: 0x73, 0x63: 0x73, 0x67: 0x6B, 0x70: 0x66][c]!
                    step = 2
                } else if [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0x77].contains(c) {
                    cls = 0x61
                } else if c == 0x68 {
                    cls = k + 1 == j ? 0 : 0x68
                } else {
                    cls = [0x71: 0x6B, 0x6B: 0x6B, 0x67: 0x6B, 0x63: 0x6B, 0x6A: 0x6B, 0x7A: 0x64, 0x64: 0x64, 0x70: 0x62,
                           0x76: 0x66, 0x78: 0x6B][c] ?? c
                }
                k += step
                if cls == 0 || (cls == 0x61 && wordStart) { continue }
                wordStart = false
                if out.last != cls { out.append(cls) }
            }
        }
        return out
    }

    static func skeleton(_ folded: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [9, 9, 9]  // (a used buffer: cleared first)
        folded.withUnsafeBufferPointer { NameKey.skeleton(ofFolded: $0, into: &out) }
        return out
    }

    @Test(arguments: ["Deir ez-Zor", "Dayr az-Zawr", "Alboukamal", "al Bab", "Raqqah", "Idlib", "Oqeirbat", "a", "h", "al",
                      "ash Shaddadi", "el", "دير الزور", "الرقة", "ادلب", "Shch Khth", "", " ", "ph gh dh th kh ch sh"])
    func skeletonEqualsReference(_ name: String) {
        let f = Array(NameKey.folded(name).utf8)
        #expect(Self.skeleton(f) == Self.referenceSkeleton(f))
    }

    @Test func skeletonEqualsReferenceOnGazetteerNames() throws {
        let g = try Gazetteer.loadDefault()
        var checked = 0
        for i in stride(from: 0, to: g.places.count, by: 3) {
            let f = Array(NameKey.folded(g.places[i].name).utf8)
            #expect(Self.skeleton(f) == Self.referenceSkeleton(f), "\(g.places[i].name)")
            checked += 1
        }
        #expect(checked > 1000)
    }

    /// The loader's byte test for the countries with skeleton keys is the set's membership.
    @Test func skeletonCountryOnBytesEqualsSetMembership() {
        var codes: [String] = ["", "S", "SYR", "sy", "Sy", "ÉG", "S\u{0301}"]
        for a in UInt8(0x41)...UInt8(0x5A) { for b in UInt8(0x41)...UInt8(0x5A) { codes.append(String(decoding: [a, b], as: UTF8.self)) } }
        for c in codes {
            let bytes = Array(c.utf8)
            let fast = bytes.withUnsafeBufferPointer { GazetteerBuilder.isSkeletonCountry($0) }
            #expect(fast == GazetteerBuilder.skeletonCountries.contains(c), "\(c)")
        }
    }

    /// Rows and fields as a plain split of the text gives them (lines on LF, a CR before it dropped, empty and
    /// `#` lines skipped, fields on every tab).
    static func referenceRows(_ text: String) -> [(line: Int, fields: [String])] {
        var body = Array(text.utf8)[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var out: [(Int, [String])] = []
        for (k, raw) in body.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var line = Array(raw.utf8)
            if line.last == 0x0D { line.removeLast() }
            if line.isEmpty || line[0] == 0x23 { continue }
            out.append((k + 1, line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }))
        }
        return out
    }

    @Test(arguments: ["a\tb\tc\n", "a\tb\tc", "\u{FEFF}x\ty\r\n# note\n\n\tz\t\n", "\t\t\n\t", "one\r\n\r\ntwo\t\r", "", "\n\n#\n",
                      "Tafas\tمدينة\tx|y\r\nlast\t"])
    func rowsEqualPlainSplit(_ text: String) throws {
        var rows: [(line: Int, fields: [String])] = []
        try GazetteerBuilder.forEachRow(Array(text.utf8), file: "test.tsv") { f, line, buf in
            rows.append((line, f.map { GazetteerBuilder.string(buf, $0) }))
        }
        let expected = Self.referenceRows(text)
        #expect(rows.map(\.line) == expected.map(\.line))
        #expect(rows.map(\.fields) == expected.map(\.fields))
    }

    /// `SeenKeys` is a set that is emptied per row.
    @Test func seenKeysActLikeASet() {
        var seen = SeenKeys()
        var reference = Set<UInt64>()
        let keys: [UInt64] = [5, 7, 5, 0, 0, 9, 7, 1, 2, 3, 4, 5, 6, 7, 8]
        for (k, key) in keys.enumerated() {
            if k % 6 == 0 { seen.reset(); reference.removeAll() }
            #expect(seen.insert(key) == reference.insert(key).inserted)
        }
    }
}
