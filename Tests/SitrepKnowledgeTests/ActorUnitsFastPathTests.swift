import Foundation
import SitrepCore
import SitrepLanguage
import Testing
@testable import SitrepKnowledge

/// The byte-level `ActorUnits.units` gives exactly the units of the plain cutter it replaced (kept here as
/// `ReferenceActorUnits`): same spans, extended starts, folded, alternative and exact hashes, tokens, flags.
@Suite struct ActorUnitsFastPathTests {
    static let texts: [String] = [
        "Fighters of the Tamarisk Front shelled Qal'at Yamur on Tuesday, the Ostrava Monitor's office said.",
        "Al Kharaz and El Morrow met al-Vendi, as-Sarim, ash-Shorq and ar-Ruwad near Alqatir and Elnusrat.",
        "Ibn Tarek, Abdel Hamid, Abdal Karim, Abd-Rahim, Mohammed, MUHAMMAD, Mohamed and Muhammed bin Zayan.",
        "IBN ABDEL MOHAMMED SAID - the AL-QASR BRIGADE (AQB) said; Amman-based WANA Institute - UK-backed.",
        "Émile Zørn and Ḥasan al-Ṭayyib visited São Lucas, Kraków, Łódź, Œland, Ÿves and İzmir; ÀÉÎÕÜ àéîõü.",
        "Quotes ‘single’ “double” O’Neil Qal`at Dar’a Ma\u{02BF}arra Ha\u{02BC}il Ba\u{02BE}th — dashes – and -- hyphens -x- x-.",
        "The Syrian Observatory for Human Rights (SOHR) said 45 people were killed; SOHR's director Rami said.",
        "Reports from U.S. and U.K. officials: 1,200 killed near Harran’s market (AP) — officials said. 's 'S ’s",
        "Кремль заявил, что ВСУ — المرصد السوري لحقوق الإنسان — 東京 🙂 x🙂y al-🙂 ĀāĂăĄąĆćżŽžſ",
        "",
        "A",
        "-",
        "al-",
        "al- el-al-al al al Al",
        "x y z . , ; Ab Cd Ef Gh Ij Kl Mn Op Qr St Uv Wx Yz",
        "a-b-c-d Al-Al El-Qaeda-Linked ELQAEDA alqaeda al-qaeda's Al Qaeda's abd-al ABD IBN-X ibnx mohammedan",
        "alqa's-x Alqaeda's Alqa’s elqaĀ-x ElĀĀĀ-q Al’qaida Alq’aida Elqa'sx al-alqaida’s-al Alé-x Alĳab-",
        "counterinsurgency internationally mcDonaldson iPhones abcDEFghij abcdefghijklmnopqrstuvwxyz cafeteríá ab'cdef-ghijklm's",
        "Oppositionsgruppen westwärts ostwarts reconnaissance brigadeCommanders xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    ]

    static func seeds() -> [String] { PlaceSeedsTests.seeds() }

    static func same(_ a: [ActorUnit], _ b: [ActorUnit]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            if x.start != y.start || x.end != y.end || x.extendedStart != y.extendedStart || x.folded != y.folded
                || x.alternative != y.alternative || x.exact != y.exact || x.token != y.token || x.flags != y.flags {
                return false
            }
        }
        return true
    }

    @Test(arguments: texts)
    func fastUnitsEqualReferenceOnOwnSentences(_ text: String) {
        #expect(Self.same(ActorUnits.units(text), ReferenceActorUnits.units(text)))
    }

    /// Texts with more units than the first room (a quarter more than the tokens, and 16): hyphenated words of
    /// many parts and possessives, so the cutter runs again with room for one unit per byte.
    @Test(arguments: [(1, "ab-cd-ef-gh"), (30, "ab-cd-ef-gh"), (200, "Al-Qa-Ri-Ma-Zu-Lo"), (64, "x-y-z-w-v-u-t-s-r-q-p"),
                      (50, "bin-Zayd's al-ab-ra"), (17, "-a-b-c-"), (0, "ab")])
    func denseUnitsEqualReference(repeats: Int, word: String) {
        let text = Array(repeating: word, count: repeats).joined(separator: " ")
        let units = ActorUnits.units(text)
        #expect(Self.same(units, ReferenceActorUnits.units(text)))
        if repeats > 0 { #expect(units.count >= repeats) }
    }

    @Test func fastUnitsEqualReferenceOnSeeds() {
        let seeds = Self.seeds()
        #expect(!seeds.isEmpty)
        for text in seeds {
            #expect(Self.same(ActorUnits.units(text), ReferenceActorUnits.units(text)))
        }
    }

    /// Every sentence glued to every other one, and a mixed line cut at every byte: tokens and hyphen
    /// parts starting and ending anywhere, including inside multi-byte characters.
    @Test func fastUnitsEqualReferenceOnCutsAndJoins() {
        for a in Self.texts { for b in Self.texts {
            let text = a + " " + b
            #expect(Self.same(ActorUnits.units(text), ReferenceActorUnits.units(text)))
        } }
        let mixed = Array((Self.texts[1] + Self.texts[3] + Self.texts[4] + Self.texts[5] + Self.texts[8]).utf8)
        for cut in 0..<mixed.count {
            let text = String(decoding: mixed[cut...], as: UTF8.self)
            #expect(Self.same(ActorUnits.units(text), ReferenceActorUnits.units(text)))
        }
    }

    /// Token ranges that run past the text or are empty are cut the same way too.
    @Test func fastUnitsEqualReferenceOnOddTokens() {
        let text = "al-Qaida’s Ibn-Sina said"
        let tokens = [Token(range: TextRange(start: 0, end: 12), kind: .word), Token(range: TextRange(start: 5, end: 5), kind: .word),
                      Token(range: TextRange(start: 13, end: 40), kind: .word), Token(range: TextRange(start: 1, end: 2), kind: .word)]
        var t = text
        let fast = t.withUTF8 { ActorUnits.units(bytes: $0, tokens: tokens) }
        #expect(Self.same(fast, ReferenceActorUnits.units(text, tokens: tokens)))
    }

    /// Word tokens of ASCII letters are read a word of eight bytes at a time (`ActorUnits.plainPart`); the same
    /// text read byte by byte (`fast: false`) gives the same units.
    @Test(arguments: texts + ["Tamarisk TAMARISK tamarisk Tamarisks abcdefgh Abcdefgh ABCDEFGH abcdefghi a Ab AB ab Al El al el",
                              "Al Tamar El Sarim Al-Tamar al Qasr Ibn Abdel Abdal Abd Mohammed Muhammad MOHAMED alqasrwatan Elnusratfront",
                              "x", "Ab", "ABCDEFGHIJKLMNOPQRSTUVWX", ", . ; : ( ) [ ] & ! ? / % + = # @ \" ' ` ~ | * — – … « » © ’s (AB) a,b.c", "abcdefghijklmnop", "abcdefghijklmnopq", "Sixteenletterswd", "Al",
                              "Alqasrbr Alqasrbri Alboukamal Alqasrbrig ELQASRBRIGADE Elqasrbrigades alqasrbrigadex Mohammeds Abdelkarim",
                              "Eightltr NINELETTR Tenletters elevenlettr Twelveletter THIRTEENLETTR fourteenletter Fifteenletterss"])
    func wordAtATimeEqualsByteByByte(_ text: String) {
        var t = text
        let tokens = EntityWordSplitter.split(text)
        let fast = t.withUTF8 { ActorUnits.units(bytes: $0, tokens: tokens) }
        let plain = t.withUTF8 { ActorUnits.units(bytes: $0, tokens: tokens, fast: false) }
        #expect(Self.same(fast, plain))
        #expect(Self.same(fast, ReferenceActorUnits.units(text)))
    }

    /// A text of 64 tokens or more keeps each plain word's units in `ActorWordCache` and looks repeated words up:
    /// words repeated in every case, with articles, name variants and words of eight and nine letters (and slots
    /// shared by many words, in a text of hundreds of distinct ones) give the units computed afresh.
    @Test(arguments: [
        "Al Tamar and al Tamar met AL TAMAR; Ibn Sarim, IBN SARIM and ibn sarim; Elqasrbrigade elqasrbrigade ELQASRBRIGADE",
        "the THE The abcdefgh ABCDEFGH Abcdefgh abcdefghi Abcdefghi ABCDEFGHI Mohammed MOHAMMED mohammed Abd ABD abd El EL el",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z Aa Bb Cc Dd Ee Ff Gg Hh Ii Jj Kk Ll Mm Nn Oo Pp Qq Rr Ss Tt Uu",
    ])
    func cachedWordsEqualReference(_ phrase: String) {
        var words = Array(repeating: phrase, count: 6)
        // Hundreds of distinct words too: every slot is taken over again and again.
        for i in 0..<600 {
            var n = i, word = i % 3 == 0 ? "W" : "w"
            repeat { word.append(Character(Unicode.Scalar(UInt8(0x61 + n % 26)))); n /= 26 } while n > 0
            words.append(word + (i % 5 == 0 ? "letters" : ""))
        }
        let text = words.joined(separator: " ")
        var t = text
        let tokens = EntityWordSplitter.split(text)
        #expect(tokens.count >= 64)
        let fast = t.withUTF8 { ActorUnits.units(bytes: $0, tokens: tokens) }
        let plain = t.withUTF8 { ActorUnits.units(bytes: $0, tokens: tokens, fast: false) }
        #expect(Self.same(fast, plain))
        #expect(Self.same(fast, ReferenceActorUnits.units(text)))
    }

    /// The running byte-by-byte hash equals the plain one on every length around the eight-byte words.
    @Test(arguments: [0, 1, 2, 7, 8, 9, 15, 16, 17, 24, 31])
    func unitHashEqualsPlainHash(_ length: Int) {
        let bytes = (0..<length).map { UInt8(0x61 + ($0 * 7) % 26) }
        var u = ActorUnits.UnitHash()
        for b in bytes { u.add(b) }
        #expect(u.value == ReferenceActorUnits.plainHash(bytes))
        #expect(ActorUnits.hashFolded(String(decoding: bytes, as: UTF8.self)) == ReferenceActorUnits.plainHash(bytes))
    }

    @Test func unitsStillFoldDiacriticsArticlesAndVariants() {
        let a = ActorUnits.units("al-Qaïda Ibn Mohammed"), b = ActorUnits.units("Qaida bin Muhammad")
        #expect(a.map(\.folded) == b.map(\.folded))
        #expect(a[0].extendedStart == 0 && a[0].start == 3)
    }
}

/// The unit cutter as it was before the fast path.
enum ReferenceActorUnits {
    /// The unit hash of a byte string, written plainly: full little-endian words of eight bytes, then the rest.
    static func plainHash(_ bytes: [UInt8]) -> UInt64 {
        var h = ActorUnits.offset
        var k = 0
        while k + 8 <= bytes.count {
            var w: UInt64 = 0
            for q in 0..<8 { w |= UInt64(bytes[k + q]) << UInt64(8 * q) }
            h = ActorUnits.chunk(h, w)
            k += 8
        }
        var rest: UInt64 = 0
        for q in 0..<(bytes.count - k) { rest |= UInt64(bytes[k + q]) << UInt64(8 * q) }
        return ActorUnits.final(h, rest, bytes.count)
    }

    static func hashFolded(_ s: String) -> UInt64 { plainHash(Array(s.utf8)) }

    /// Folded forms of the Arabic article, dropped before a hyphen or as a separate word before a name.
    static let articles: Set<UInt64> = Set(["al", "el", "a", "as", "ash", "ad", "ar", "az", "ez", "at", "an", "ath",
                                            "adh", "es", "et", "ed", "er", "ul", "ud", "ur"].map(hashFolded))
    /// Standalone article words ("Al Jazeera", "El Baradei").
    static let standaloneAl = hashFolded("al"), standaloneEl = hashFolded("el")
    static let replacements: [UInt64: UInt64] = [
        hashFolded("ibn"): hashFolded("bin"), hashFolded("abdel"): hashFolded("abdul"),
        hashFolded("abdal"): hashFolded("abdul"), hashFolded("abd"): hashFolded("abdul"),
        hashFolded("mohammed"): hashFolded("mohammad"), hashFolded("muhammad"): hashFolded("mohammad"),
        hashFolded("mohamed"): hashFolded("mohammad"), hashFolded("muhammed"): hashFolded("mohammad"),
    ]

    /// Base letters of U+0100…U+017F (Latin Extended-A).
    static let latinExtendedA: [UInt8] = Array(
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrsssssssstttttt" .utf8)
        + Array("uuuuuuuuuuuuwwyyyzzzzzzs".utf8)

    /// Base letter of a Latin-1 supplement letter (second byte after 0xC3), or 0.
    @inline(__always) static func latin1Base(_ b: UInt8) -> UInt8 {
        switch b | 0x20 {  // fold upper (0x80–0x9E) onto lower (0xA0–0xBE)
        case 0xA0...0xA5: return 0x61
        case 0xA7: return 0x63
        case 0xA8...0xAB: return 0x65
        case 0xAC...0xAF: return 0x69
        case 0xB1: return 0x6E
        case 0xB2...0xB6, 0xB8: return 0x6F
        case 0xB9...0xBC: return 0x75
        case 0xBD, 0xBF: return 0x79
        default: return 0
        }
    }

    /// Apostrophe-like mark at `i`: its length, else 0.
    @inline(__always) static func apostrophe(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let c = b[i]
        if c == 0x27 || c == 0x60 { return 1 }
        if c == 0xE2, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x98 || b[i + 2] == 0x99 { return 3 }
        if c == 0xCA, i + 1 < end, b[i + 1] == 0xBF || b[i + 1] == 0xBE || b[i + 1] == 0xBC { return 2 }
        return 0
    }

    static func units(_ text: String, tokens: [Token]? = nil) -> [ActorUnit] {
        var text = text
        let tokens = tokens ?? EntityWordSplitter.split(text)
        return text.withUTF8 { units(bytes: $0, tokens: tokens) }
    }

    static func units(bytes b: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [ActorUnit] {
        var out: [ActorUnit] = []
        out.reserveCapacity(tokens.count + tokens.count / 4)
        var pendingArticleStart: Int32 = -1
        for (ti, token) in tokens.enumerated() {
            let tStart = Int(token.range.start), tEnd = min(Int(token.range.end), b.count)
            guard tStart < tEnd else { continue }
            let first = b[tStart]
            let isWordToken = first >= 0x80 ? EntityWordSplitter.nonWordLength(b, tStart) == 0
                : (first >= 0x30 && first <= 0x39) || ((first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A)
            if !isWordToken {
                // Punctuation: one unit with its bytes; hyphens and dashes between words are not units.
                pendingArticleStart = -1
                if first == 0x2D && tEnd - tStart == 1 { continue }
                // A possessive token ('s) is the unit "s".
                let ap = apostrophe(b, tStart, tEnd)
                if ap > 0 && tStart + ap < tEnd && (b[tStart + ap] | 0x20) == 0x73 && tStart + ap + 1 == tEnd {
                    let h = plainHash([0x73])
                    out.append(ActorUnit(start: Int32(tStart), end: Int32(tEnd), extendedStart: Int32(tStart),
                                         folded: h, exact: h, token: Int32(ti), flags: ActorUnit.word | ActorUnit.lastInToken))
                    continue
                }
                let h = plainHash(Array(b[tStart..<tEnd]))
                out.append(ActorUnit(start: Int32(tStart), end: Int32(tEnd), extendedStart: Int32(tStart),
                                     folded: h, exact: h, token: Int32(ti), flags: ActorUnit.lastInToken))
                continue
            }
            // A word: parts between hyphens.
            var i = tStart
            var partStart = tStart
            var folded: [UInt8] = [], exact: [UInt8] = []
            var foldedCount = 0, head: UInt16 = 0, rest: [UInt8] = []
            @inline(__always) func fold(_ x: UInt8) {
                folded.append(x)
                foldedCount += 1
                if foldedCount <= 2 { head = head << 8 | UInt16(x) } else { rest.append(x) }
            }
            var hasLetter = false, hasLower = false, capitalised = false
            var partIndex = 0
            var articleStart: Int32 = pendingArticleStart
            pendingArticleStart = -1
            func finishPart(_ end: Int, last: Bool) {
                guard end > partStart else { return }
                var f = plainHash(folded)
                let first = UInt8(truncatingIfNeeded: foldedCount >= 2 ? head >> 8 : head)
                if foldedCount >= 3 && foldedCount <= 8 && (first == 0x61 || first == 0x69 || first == 0x6D),
                   let r = replacements[f] { f = r }
                var flags = ActorUnit.word
                if capitalised { flags |= ActorUnit.capitalised }
                if hasLetter && !hasLower { flags |= ActorUnit.allCaps }
                if last { flags |= ActorUnit.lastInToken }
                if !last && articles.contains(f) {
                    if articleStart < 0 { articleStart = Int32(partStart) }
                } else {
                    let ext = articleStart >= 0 ? articleStart : Int32(partStart)
                    let attached = foldedCount >= 5 && (head == 0x616C || head == 0x656C)  // "al…", "el…"
                    out.append(ActorUnit(start: Int32(partStart), end: Int32(end), extendedStart: ext,
                                         folded: f, alternative: attached ? plainHash(rest) : 0, exact: plainHash(exact),
                                         token: Int32(ti), flags: flags))
                    articleStart = -1
                }
                partIndex += 1
            }
            while i < tEnd {
                let c = b[i]
                if c == 0x2D {
                    finishPart(i, last: false)
                    i += 1; partStart = i
                    folded = []; exact = []; hasLetter = false; hasLower = false; capitalised = false
                    foldedCount = 0; head = 0; rest = []
                    continue
                }
                let ap = apostrophe(b, i, tEnd)
                if ap > 0 {
                    // A possessive 's at the end of the token becomes its own unit.
                    if i + ap + 1 == tEnd && (b[i + ap] | 0x20) == 0x73 {
                        finishPart(i, last: false)
                        let h = plainHash([0x73])
                        out.append(ActorUnit(start: Int32(i), end: Int32(tEnd), extendedStart: Int32(i), folded: h, exact: h,
                                             token: Int32(ti), flags: ActorUnit.word | ActorUnit.lastInToken))
                        partStart = tEnd; i = tEnd
                        break
                    }
                    i += ap; continue
                }
                exact.append(c)
                if c < 0x80 {
                    if c >= 0x41 && c <= 0x5A {
                        hasLetter = true; if i == partStart { capitalised = true }
                        fold(c | 0x20)
                    } else {
                        if c >= 0x61 && c <= 0x7A { hasLetter = true; hasLower = true }
                        fold(c)
                    }
                    i += 1
                } else if c == 0xC3, i + 1 < tEnd, latin1Base(b[i + 1]) != 0 {
                    let d = b[i + 1]
                    hasLetter = true
                    if d < 0xA0 { if i == partStart { capitalised = true } } else { hasLower = true }
                    exact.append(d)
                    fold(latin1Base(d))
                    i += 2
                } else if (c == 0xC4 || c == 0xC5), i + 1 < tEnd {
                    let d = b[i + 1]
                    let cp = (Int(c & 0x1F) << 6) | Int(d & 0x3F)
                    hasLetter = true
                    if cp % 2 == 0 { if i == partStart { capitalised = true } } else { hasLower = true }
                    exact.append(d)
                    fold(latinExtendedA[cp - 0x100])
                    i += 2
                } else {
                    hasLetter = true; hasLower = true
                    fold(c)
                    i += 1
                }
            }
            finishPart(tEnd, last: true)
            // A standalone "Al"/"El" before another word is an article.
            if let lastUnit = out.last, lastUnit.token == Int32(ti), lastUnit.start == Int32(tStart),
               lastUnit.end == Int32(tEnd), lastUnit.folded == standaloneAl || lastUnit.folded == standaloneEl,
               ti + 1 < tokens.count, tokens[ti + 1].range.start > token.range.end {
                pendingArticleStart = lastUnit.extendedStart
                out.removeLast()
            }
        }
        return out
    }
}
