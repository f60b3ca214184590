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
            var line = Array(raw)
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

    /// The scanner's eight-byte letter run is the count of leading bytes for which `(b | 0x20) - 0x61 < 26`.
    static func referenceLetterRun(_ bytes: [UInt8]) -> Int {
        var k = 0
        while k < 8 && (bytes[k] | 0x20) &- 0x61 < 26 { k += 1 }
        return k
    }

    static func run(_ bytes: [UInt8]) -> Int {
        PlaceWordScanner.asciiLetterRun(bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) })
    }

    @Test func asciiLetterRunEqualsByteLoop() {
        // Every byte value at every position of a run of letters, then pseudo-random mixes.
        for b in 0...255 { for pos in 0..<8 {
            var bytes = Array("abcdWXYZ".utf8)
            bytes[pos] = UInt8(b)
            #expect(Self.run(bytes) == Self.referenceLetterRun(bytes), "\(b) at \(pos)")
        } }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet: [UInt8] = Array("aZ@[`{zA09 -'.\n".utf8) + [0x80, 0xC3, 0xA9, 0xFF, 0xE1, 0xDA, 0x7F, 0x00]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<8 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(state >> 60 < 9 ? UInt8(0x61 + (state >> 33) % 26) : alphabet[Int((state >> 33) % UInt64(alphabet.count))])
            }
            #expect(Self.run(bytes) == Self.referenceLetterRun(bytes))
        }
    }

    static func sameWords(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let fast = bytes.withUnsafeBufferPointer { PlaceWordScanner.words($0) }
        let slow = bytes.withUnsafeBufferPointer { ReferencePlaceWordScanner.words($0) }
        guard fast.count == slow.count else { return false }
        for (a, b) in zip(fast, slow) where a.start != b.start || a.end != b.end || a.capitalised != b.capitalised
            || a.arabic != b.arabic || a.breakBefore != b.breakBefore || a.sentenceStart != b.sentenceStart { return false }
        return true
    }

    /// The whole scanner gives the words of the scanner it replaced, on own sentences, their joins, every cut of
    /// them (ends inside multi-byte characters and inside eight-byte blocks), and the seed texts.
    @Test func scannerEqualsReferenceScanner() {
        for a in Self.texts {
            #expect(Self.sameWords(a))
            for b in Self.texts { #expect(Self.sameWords(a + b)) }
            let bytes = Array(a.utf8)
            for cut in 0...bytes.count {
                #expect(Self.sameWords(String(decoding: bytes[..<cut], as: UTF8.self)))
                #expect(Self.sameWords(String(decoding: bytes[cut...], as: UTF8.self)))
            }
        }
        for text in PlaceSeedsTests.seeds() { #expect(Self.sameWords(text)) }
    }
}

/// The place word scanner as it was before the eight-byte letter runs, the noted hyphen and the in-place output.
enum ReferencePlaceWordScanner {
    static func words(_ t: UnsafeBufferPointer<UInt8>) -> [PlaceWord] {
        var out: [PlaceWord] = []
        out.reserveCapacity(t.count / 6)
        let n = t.count
        var i = 0
        var brk = true
        var sentence = true
        @inline(__always) func scalarAt(_ i: Int) -> (UInt32, Int) {
            let b = t[i]
            if b < 0x80 { return (UInt32(b), 1) }
            var len = 1, v: UInt32 = 0
            if b & 0xE0 == 0xC0 { len = 2; v = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { len = 3; v = UInt32(b & 0x0F) }
            else if b & 0xF8 == 0xF0 { len = 4; v = UInt32(b & 0x07) }
            else { return (0xFFFD, 1) }
            if i + len > n { return (0xFFFD, n - i) }
            for k in 1..<len { v = (v << 6) | UInt32(t[i + k] & 0x3F) }
            return (v, len)
        }
        @inline(__always) func isLetter(_ v: UInt32) -> Bool {
            if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
            switch v {
            case 0xC0...0x24F, 0x1E00...0x1EFF, 0x0370...0x052F: return v != 0xD7 && v != 0xF7
            case 0x0621...0x064A, 0x066E...0x06D3, 0x06FA...0x06FF, 0x0750...0x077F: return true
            case 0x064B...0x065F, 0x0670: return true  // harakat inside Arabic words
            case 0x0300...0x036F: return true  // combining accents
            default: return false
            }
        }
        @inline(__always) func isApostrophe(_ v: UInt32) -> Bool {
            v == 0x27 || v == 0x2019 || v == 0x2018 || v == 0x02BF || v == 0x02BE || v == 0x02BC || v == 0x60
        }
        while i < n {
            let (v, len) = scalarAt(i)
            if isLetter(v) {
                let start = i
                var j = i + len
                while j < n {
                    // Fast path: ASCII letters.
                    let a = t[j] | 0x20
                    if a >= 0x61 && a <= 0x7A && t[j] < 0x80 { j += 1; continue }
                    let (w, l) = scalarAt(j)
                    if isLetter(w) { j += l; continue }
                    // Dotted capitals: U.S., U.K.
                    if w == 0x2E && j + 1 < n && t[j - 1] >= 0x41 && t[j - 1] <= 0x5A
                        && (j - 2 < start || t[j - 2] == 0x2E) && t[j + 1] >= 0x41 && t[j + 1] <= 0x5A
                        && (j + 2 >= n || t[j + 2] == 0x2E || !isLetter(UInt32(t[j + 2]))) {
                        j += 1; continue
                    }
                    if (w == 0x2D || isApostrophe(w)) && j + l < n {
                        let (x, _) = scalarAt(j + l)
                        if isLetter(x) { j += l; continue }
                    }
                    break
                }
                var end = j
                var dotted = false
                if j < n && t[j] == 0x2E && j - start >= 3 && t[j - 2] == 0x2E { end = j + 1; j += 1; dotted = true }
                // Possessive 's / ’s
                if end - start > 3 && (t[end - 1] == 0x73) {
                    if t[end - 2] == 0x27 { end -= 2 }
                    else if end - start > 5 && t[end - 2] == 0x99 && t[end - 3] == 0x80 && t[end - 4] == 0xE2 { end -= 4 }
                }
                let arabic = v >= 0x0600 && v <= 0x077F
                var cap = false
                if !arabic {
                    if v < 0x80 { cap = v >= 0x41 && v <= 0x5A }
                    else if let s = Unicode.Scalar(v) { cap = s.properties.isUppercase }
                    if !cap {
                        // article-hyphen-Capital: "al-Sweida", "ez-Zor", "as-Suwayda"
                        var k = start
                        while k < end && k - start <= 4 && t[k] != 0x2D { k += 1 }
                        if k < end - 1 && t[k] == 0x2D && k - start <= 3 && t[k + 1] >= 0x41 && t[k + 1] <= 0x5A { cap = true }
                    }
                }
                out.append(PlaceWord(start: start, end: end, capitalised: cap, arabic: arabic,
                                     breakBefore: brk, sentenceStart: sentence))
                brk = false
                sentence = false
                i = j
                _ = dotted
                continue
            }
            switch v {
            case 0x20, 0x09, 0xA0:
                break
            case 0x0A:
                brk = true; sentence = true
            case 0x2E, 0x21, 0x3F, 0x3A:
                brk = true; sentence = true
            case 0x201C, 0x201D, 0x22, 0x28, 0x5B:
                brk = true; sentence = sentence || false
            default:
                brk = true
            }
            i += len
        }
        return out
    }
}
