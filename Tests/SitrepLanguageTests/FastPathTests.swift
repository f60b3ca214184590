import Testing
@testable import SitrepLanguage
import SitrepCore

/// The eight-bytes-at-a-time shortcuts on the per-token paths give exactly what the straightforward
/// byte-by-byte computations give, on text written for the purpose (mixed case, hyphens, curly
/// apostrophes, non-Latin letters, words right at the end of the buffer).
@Suite struct FastPathTests {
    static let text = """
    Russian-backed fighters didn’t reach al-Qasr; the U.S.-led coalition SAID it wasn't over. \
    Officials in DEIR EZ-ZOR, Baʿth Valley and Umm el-Jimal reported 1,200 displaced — “thousands” more \
    were ‘feared’ missing. Counter-insurgency, twenty-five-year-old, ABCDEFGHIJKLMNOPQRSTUVWXYZ \
    abcdefghijklmnop qrstuvwxyz0123456789 x y z Ünïcödé naïve café 12-year-old F-16 [brackets] {braces} @at `tick` ~end
    """

    /// Every span of up to 20 bytes starting at every offset of `text` (and right up to its end).
    static func spans(_ n: Int) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        for s in 0..<n { for len in 0...20 where s + len <= n { out.append((s, s + len)) } }
        return out
    }

    @Test func wordKeysEqualTheByteByByteHashOnEverySpan() {
        var copy = Self.text
        copy.withUTF8 { p in
            for (s, e) in Self.spans(p.count) {
                #expect(ClauseTokens.hash(p, s, e) == ClauseTokens.slowHash(p, s, e), "span \(s)..<\(e)")
            }
        }
    }

    @Test(arguments: [("Said", "said"), ("didn’t", "didn't"), ("DON‘T", "don't"), ("ABCDEFGHIJKLMNOPQ", "abcdefghijklmnopq"),
                      ("Reported-Ly", "reported-ly")])
    func keysIgnoreCaseAndCurlyApostrophes(_ a: String, _ b: String) {
        #expect(ClauseTokens.key(a) == ClauseTokens.key(b))
        // The same word inside a longer buffer (fast path) and alone (byte-by-byte path).
        var padded = a + "                    "
        let inBuffer = padded.withUTF8 { ClauseTokens.hash($0, 0, a.utf8.count) }
        #expect(inBuffer == ClauseTokens.key(b))
    }

    @Test func keysOfDifferentWordsDiffer() {
        let words = ["said", "says", "sai", "said ", "a", "an", "and", "anD'", "n't", "not", "abcdefgh", "abcdefghi",
                     "abcdefgh\u{0}", "abcdefghijklmnop", "abcdefghijklmnopq", ""]
        let keys = Set(words.map(ClauseTokens.key))
        #expect(keys.count == words.count)
    }

    @Test func nonAlnumBytesMatchesTheByteTable() {
        // Every ASCII byte value in every one of the eight positions, among letters.
        for position in 0..<8 {
            for b in 0..<128 {
                var bytes = [UInt8](repeating: UInt8(ascii: "q"), count: 8)
                bytes[position] = UInt8(b)
                var x: UInt64 = 0
                for (i, v) in bytes.enumerated() { x |= UInt64(v) << UInt64(8 * i) }
                let mask = ByteClass.nonAlnumBytes(x)
                for i in 0..<8 {
                    let alnum = ByteClass.table[Int(bytes[i])] & 3 != 0
                    #expect((mask >> UInt64(8 * i + 7)) & 1 == (alnum ? 0 : 1), "byte \(bytes[i]) at \(i)")
                }
                #expect(mask & ~0x8080_8080_8080_8080 == 0)
            }
        }
    }

    @Test func hasByteFindsExactlyTheBytesThere() {
        for position in 0..<8 {
            for b in 0..<256 {
                var x: UInt64 = 0x4141_4141_4141_4141
                x &= ~(0xFF << UInt64(8 * position))
                x |= UInt64(b) << UInt64(8 * position)
                #expect(ClauseTokens.hasByte(x, 0x2D) == (b == 0x2D))
                #expect(ClauseTokens.hasByte(x, 0x41) == true)
            }
        }
    }

    /// The letter-run scan (eight bytes at a time where it can) against a plain loop over the byte table
    /// and the scalar classes, from every offset.
    @Test func letterRunsEndWhereThePlainLoopEnds() {
        var copy = Self.text
        copy.withUTF8 { p in
            for start in 0..<p.count {
                var j = start
                while j < p.count {
                    let b = p[j]
                    if b < 0x80 {
                        if ByteClass.table[Int(b)] & 3 != 0 { j += 1; continue }
                        break
                    }
                    let (c, n) = Tokenizer.classify(p, j, p.count)
                    if Tokenizer.isWordClass(c) { j += n } else { break }
                }
                #expect(Tokenizer.scanLetters(p, start, p.count) == j, "from \(start)")
            }
        }
    }

    /// The time scanner's ASCII letter-and-digit run (eight bytes at a time) against the plain byte loop, from every
    /// offset and with every end of buffer: accented letters, curly quotes, digits, runs longer than eight bytes.
    @Test(arguments: [
        "Shelling resumed at 0400GMT on Thursday, 12 Sept., near the Kafr-Nabl crossroads.",
        "Ceasefire talks (postponed twice) reopen Mon‘day’ — or perhaps in mid‑2019 — officials said.",
        "Zürich-based monitors counted ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 items; résumé naïve 7pm 10am",
        "x", "", "12345678", "abcdefgh!", "\u{7F}abc\u{80}"
    ])
    func alnumRunsEndWhereThePlainLoopEnds(_ sentence: String) {
        var copy = sentence
        copy.withUTF8 { p in
            for end in 0...p.count {
                for start in 0...end {
                    #expect(ByteClass.alnumRunEnd(p, start, end) == ByteClass.alnumRunEndPlain(p, start, end),
                            "\(start)..<\(end)")
                }
            }
        }
    }

    /// Clause-token flags (hyphenated names among them) against the rules spelled out byte by byte.
    @Test func hyphenNamesAreFlaggedAsTheByteLoopSays() {
        var copy = Self.text + " al-Qaeda ez-Zor ab-c x-Y al-qasr a-"
        copy.withUTF8 { p in
            let tokens = Tokenizer.tokenize(bytes: p)
            let ct = ClauseTokens(bytes: p, tokens: tokens)
            for (i, t) in tokens.enumerated() where t.kind == .word {
                let s = Int(t.range.start), e = Int(t.range.end)
                var expected = false
                if !ct.isCapitalized(i) {
                    var j = s + 1
                    while j + 1 < e { if p[j] == 0x2D, ByteClass.isUpper(p[j + 1]) { expected = true; break }; j += 1 }
                }
                #expect(ct.has(i, .hyphenName) == expected, "token \(i)")
                #expect(ct.key(i) == ClauseTokens.slowHash(p, s, e))
            }
        }
    }

    /// The quantity finder's cheap start test against its rule spelled out (a listed word, or a listed word before a hyphen).
    @Test func quantityStartTestMatchesThePlainLoop() throws {
        let finder = try QuantityFinder()
        var copy = Self.text + " thirty-six five-year-old two-thirds sixty-something hundred-odd one-off"
        copy.withUTF8 { p in
            let tokens = Tokenizer.tokenize(bytes: p)
            tokens.withUnsafeBufferPointer { t in
                let scanner = Scanner(p: p, t: t, lex: finder.lexicon)
                // The same test on the shared per-token keys and flags (as `LanguageAnalyzer` runs it).
                var shared = Scanner(p: p, t: t, lex: finder.lexicon)
                shared.clauseTokens = ClauseTokens(bytes: p, tokens: tokens)
                shared.startKeys = finder.startKeys
                let starts = finder.lexicon.starts
                for i in 0..<t.count {
                    let k = t[i]
                    var expected = k.kind == .number
                    if k.kind == .word {
                        let s = Int(k.range.start), e = Int(k.range.end)
                        if ByteClass.isAlpha(p[s]) {
                            if starts.value(p, s, e) != nil { expected = true } else {
                                var h = s
                                let stop = min(e, s + starts.maxLength + 1)
                                while h < stop, p[h] != UInt8(ascii: "-") { h += 1 }
                                expected = h < stop && starts.value(p, s, h) != nil
                            }
                        }
                    }
                    #expect(scanner.mayStart(i) == expected, "token \(i)")
                    #expect(shared.mayStart(i) == expected, "token \(i), shared keys")
                }
            }
        }
    }

    /// `noHyphen` is set only on words with no "-" byte (and on every such ASCII word of up to 16 bytes).
    @Test func noHyphenFlagMeansNoHyphen() {
        var copy = Self.text + " forty-two sixty seventy-seven-year-old abcdefgh-ijklmnop abcdefghijklmnopq a-b x"
        copy.withUTF8 { p in
            let tokens = Tokenizer.tokenize(bytes: p)
            let ct = ClauseTokens(bytes: p, tokens: tokens)
            for (i, t) in tokens.enumerated() where t.kind == .word {
                let s = Int(t.range.start), e = Int(t.range.end)
                let hyphen = p[s..<e].contains(UInt8(ascii: "-"))
                let shortASCII = e - s <= 16 && s + 16 <= p.count && p[s..<e].allSatisfy { $0 < 0x80 }
                if hyphen { #expect(!ct.has(i, .noHyphen), "token \(i)") }
                if shortASCII && !hyphen { #expect(ct.has(i, .noHyphen), "token \(i)") }
            }
        }
    }

    /// The quantity finder gives the same mentions with and without the shared per-token keys.
    @Test(arguments: [
        "Some forty-two fighters and thirty-six-year-old Omar, 20, were held; a dozen-odd others fled.",
        "Between Twenty and THIRTY families, a few hundred people and an estimated 1,500 troops arrived.",
        "Hundreds of residents, dozens of children and several thousand displaced left on 12-13 March.",
        "Nearly two-thirds of the 400 sq. km area, up to five-fold, sixty-something soldiers, one-off.",
        "Naïve café owners counted ünïcödé tallies: twenty–five (en dash), eleven, a-b, x.",
        "At least 40 of the group’s fighters, as many as a few hundred civilians and in excess of 3 km on 23rd July.",
    ])
    func quantitiesAreTheSameWithSharedKeys(_ text: String) throws {
        let finder = try QuantityFinder()
        let splitter = try SentenceSplitter()
        var copy = text
        copy.withUTF8 { p in
            let tokens = Tokenizer.tokenize(bytes: p)
            let sentences = splitter.split(bytes: p, tokens: tokens)
            let plain = finder.find(bytes: p, tokens: tokens, sentences: sentences)
            let shared = finder.find(bytes: p, tokens: tokens, sentences: sentences,
                                     clauseTokens: ClauseTokens(bytes: p, tokens: tokens))
            #expect(!plain.isEmpty)
            #expect("\(shared)" == "\(plain)")
        }
    }

    /// The quantity finder's first-hyphen search (eight bytes at a time) against the byte loop: every start and stop,
    /// in buffers cut at every length, hyphens at each position of a chunk, a hyphen as the last byte, no hyphen at all.
    @Test(arguments: [
        "Thirty-six displaced, forty-two-year-old, a dozen-odd and twenty–five (en dash) were counted on 12-13 March.",
        "-leading and trailing- hyphens --doubled-- x-y a-b-c-d-e-f-g-h-i ninety\u{2011}nine twenty‐one",
        "nohyphenatallinthislongerwordofmorethansixteenbytes 1234567-", "-", "", "abcdefg-", "abcdefgh-", "é-ü—ö-"
    ])
    func firstHyphenIsWhereTheByteLoopStops(_ sentence: String) {
        var copy = sentence
        copy.withUTF8 { whole in
            for cut in 0...whole.count {
                let p = UnsafeBufferPointer(rebasing: whole[0..<cut])
                for stop in 0...cut {
                    for start in 0...stop {
                        #expect(Scanner.firstHyphen(p, start, stop) == Scanner.firstHyphenPlain(p, start, stop),
                                "\(start)..<\(stop) of \(cut)")
                    }
                }
            }
        }
    }

    /// The clause-token flag for a final "s" against the last byte lowercased (ASCII letters only), on every kind of
    /// token: plural words, decades, possessives, capitals, curly quotes, a final non-ASCII letter, a URL.
    @Test func finalSIsFlaggedAsTheLastByteSays() {
        var copy = Self.text + " REPORTS says 1990s Ahmad’s it's bus. www.example.com/news Ås ß ſ s S"
        copy.withUTF8 { p in
            let tokens = Tokenizer.tokenize(bytes: p)
            let ct = ClauseTokens(bytes: p, tokens: tokens)
            for (i, t) in tokens.enumerated() {
                let s = Int(t.range.start), e = Int(t.range.end)
                let last = e > s ? ByteClass.lower(p[e - 1]) : 0
                #expect(ct.has(i, .endsInS) == (last == UInt8(ascii: "s")), "token \(i)")
            }
        }
    }
}

/// The time parser's start test (`canStart`, asked before every parse) turns away only tokens where no expression
/// starts: the words it now rejects unless a time word or number follows right after ("at", "more", "that", "end",
/// "early", "right", "as", "New", …) and "near"/"future" on their own, in sentences where they open an expression and
/// where they do not.
@Suite struct TimeStartTestTests {
    static let lexicon: TimeLexicon = try! TimeLexicon()

    @Test(arguments: [
        "The talks lasted at least two weeks, then met at the old market at 9 a.m. on Monday.",
        "More than three days passed; more people came, up to five years later, and no more than ten days after that.",
        "That night the guards left, that March was cold, this past week was calm and that was all.",
        "By the end of July the end users saw early results early this year, late Tuesday night and mid-afternoon.",
        "Later in the day he said it would happen at a later date; earlier reports came in fiscal 1999 and fiscal plans.",
        "Every Friday, every effort, every two weeks and every other day the crowd gathered right now, right away.",
        "Leave as soon as possible, as well as on New Year's Day, not a new year or a New Plan for the near future.",
        "They camped near the border in the future, past the hills, over the past three months and the coming days.",
        "About 7:15 p.m. about twenty people, around noon and around the corner, up to the ridge, no more rain at last.",
    ])
    func rejectedTokensStartNoExpression(_ sentence: String) {
        var copy = sentence
        copy.withUTF8 { p in
            var tokens: [TimeToken] = []
            TimeTokenScanner(lexicon: Self.lexicon).scan(p, into: &tokens)
            let parser = TimeExpressionParser(tokens: tokens, entries: Self.lexicon.entries)
            var rejected = 0, found = 0
            for k in 0..<tokens.count {
                let m = parser.parse(k)
                if m != nil { found += 1 }
                if !parser.canStart(k) {
                    rejected += 1
                    let word = String(decoding: p[tokens[k].start..<tokens[k].end], as: UTF8.self)
                    #expect(m == nil, "token \(k) \"\(word)\" is turned away but starts an expression")
                }
            }
            #expect(rejected > 0)
            #expect(found > 0)
        }
    }
}

/// The time-token scanner writes into room for one token per four bytes and scans again with more room when a text is
/// denser: every token is still there, in order, whatever the density and length.
@Suite struct TimeScannerRoomTests {
    @Test(arguments: [("7", 1, 0), ("7", 1, 3), ("7", 1, 400), ("7", 1, 2000), ("1998", 1, 300), ("May", 1, 250)])
    func everyTokenOfADenseTextIsKept(_ piece: String, _ perPiece: Int, _ repeats: Int) {
        var text = Array(repeating: piece, count: repeats).joined(separator: " ")
        var tokens: [TimeToken] = []
        text.withUTF8 { TimeTokenScanner(lexicon: TimeStartTestTests.lexicon).scan($0, into: &tokens) }
        #expect(tokens.count == perPiece * repeats)
        let stride = piece.utf8.count + 1
        for (i, t) in tokens.enumerated() {
            let copy = i / perPiece
            #expect(t.start == copy * stride + (i % perPiece) * 2, "token \(i)")
            if piece == "7" { #expect(t.number == 7 && t.word == i + 1) }
        }
    }
}

/// The time-token scanner's plain-word shortcut (a letter word after one space, not a time word, no possessive) gives
/// the tokens the general path gives, field by field, on text that mixes time words, names, numbers, possessives,
/// abbreviations and clock times with plain words.
@Suite struct TimeScannerShortcutTests {
    @Test(arguments: [
        "Rebels said on Monday that the Sunday Times reported 40 deaths last week, two weeks ago and in early March.",
        "Fighters of the Valley Guard left the town. March will see talks. The Treasury's 10-year note fell 3% a year.",
        "Officials met at 10 a.m. Police said the convoy, which left at 7pm on Sept. 3, reached Deir al-Nour by noon.",
        "In '98 and May ’02 the council's envoy spoke o'clock o’clock; Resolution 2018 passed; Mr Haddad's aides waited.",
        "a b c de fgh IJKL mnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz 1990s 21st 3rd late-2017 mid-October 2018-07-31",
        "Wednesday Wednesdays wednesday night\n\nNew paragraph: tomorrow, yesterday; today!  Two  spaces\tand tabs.",
        "x", "", "  Monday", "ends with a word", "ends with Monday", "ends with the council's",
        // The time-word shortcut: abbreviations with and without their stop, names after time words, amounts, sentence ends.
        "Talks resumed on Sept. 3 and Wed. night; the Jan summit and Feb meeting were set for Dec.",
        "Some 40 a year, 7 days later and 12 weeks ago. Last week The Monday Club met March Will Said the envoy.",
        "He said Monday that talks will resume next week. Next month deadline given until Friday ended",
        "ends with Sept.", "ends with Wed", "on 5 May 2018 the 3 said", "a Sunday Times editor said Monday's vote",
    ])
    func shortcutGivesTheGeneralPathsTokens(_ sentence: String) {
        var copy = sentence
        copy.withUTF8 { p in
            let scanner = TimeTokenScanner(lexicon: TimeStartTestTests.lexicon)
            var fast: [TimeToken] = [], slow: [TimeToken] = []
            scanner.scan(p, into: &fast)
            scanner.scan(p, into: &slow, shortcut: false)
            #expect(fast.count == slow.count)
            for (a, b) in zip(fast, slow) {
                #expect(a.start == b.start && a.end == b.end && a.word == b.word && a.sentence == b.sentence)
                #expect(a.entry == b.entry && a.number == b.number && a.digits == b.digits)
                #expect(a.flags == b.flags && a.gap == b.gap, "token at \(a.start)")
            }
        }
    }
}

/// The time layer's byte-level shortcuts on values give what the String forms they replace give: the clock or
/// part-of-day suffix written in one buffer, the ASCII character count, the "XXXX-XX-XX" prefix and "_REF" suffix
/// tests, and the precision order.
@Suite struct TimeValueShortcutTests {
    @Test(arguments: [
        ("1998-02-13", 6, nil, nil, nil), ("1998-02-13", 23, 45, nil, nil), ("XXXX-XX-XX", 0, 5, 9, nil),
        ("2018-10-01", 12, 0, 0, nil), ("2018-10-01", nil, nil, nil, "MO"), ("XXXX-XX-XX", nil, nil, nil, "NI"),
        ("2018-10-01", 7, nil, 30, nil), ("1998-02-13", 100, 3, nil, nil), ("1998-02-13", -1, nil, nil, nil),
        ("1998-02-13", 4, 120, nil, nil), ("", 1, 2, 3, nil), ("2018-10-01", nil, nil, nil, ""),
    ] as [(String, Int?, Int?, Int?, String?)])
    func timeSuffixIsTheGeneralOne(_ value: String, _ hour: Int?, _ minute: Int?, _ second: Int?, _ pod: String?) {
        var x = TimeExpression(type: .time)
        x.hour = hour; x.minute = minute; x.second = second; x.partOfDay = pod
        #expect(TimeResolver.timeSuffixed(value, x) == value + TimeResolver.timeSuffixGeneral(x))
    }

    @Test(arguments: ["", "2018", "2018-10-01", "XXXX-XX-XX", "XXXX-XX-XXTMO", "XXXX-XX-X", "XXXX-XY-XX", "XXXX_XX-XX",
                      "PAST_REF", "FUTURE_REF", "_REF", "REF", "PRESENT_RE", "2018-W38", "café-10-01", "a\r\nb-cdefghij",
                      "XXXX-XX-XXé", "e\u{301}_REF", "X_RE\u{301}F"])
    func valueTestsAreTheStringOnes(_ value: String) {
        #expect(TimeResolver.asciiLength(value) == value.count)
        #expect(TimeResolver.startsWithUnspecifiedDay(value) == value.hasPrefix("XXXX-XX-XX"))
        #expect(TimeExpressionFinder.endsWithRef(value) == value.hasSuffix("_REF"))
    }

    @Test func precisionRankIsTheComparableOrder() {
        for a in TimePrecision.allCases {
            for b in TimePrecision.allCases {
                #expect((TimeExpressionFinder.rank(a) <= TimeExpressionFinder.rank(b)) == (a <= b), "\(a) \(b)")
            }
        }
    }
}

/// A time word's code is kept packed in its entry (no String): every code reads back as written, `hasCode` is
/// `!code.isEmpty`, and `codeIs` is `code ==`.
@Suite struct TimeEntryCodeTests {
    @Test(arguments: ["", "N", "NI", "MO", "SU", "P1W", "XXXX-WXX-1", "PAST_REF", "FUTURE_R", "FUTURE_REF", "PRESENT_REF",
                      "XXXX-XX-XXTNI", "0123456789ABCDEF"])
    func codesReadBackAsWritten(_ code: String) {
        let e = TimeLexicon.Entry(kind: .set, number: 3, role: .none, unit: nil, code: code, plural: true)
        #expect(e.code == code)
        #expect(e.hasCode == !code.isEmpty)
        #expect(e.codeIs("NI") == (code == "NI"))
        #expect(e.codeIs("PAST_REF") == (code == "PAST_REF"))
        #expect(e.number == 3 && e.plural && e.kind == .set)
    }

    @Test func everyShippedCodeReadsBackThroughTheLookup() throws {
        let lexicon = try TimeLexicon()
        for e in lexicon.entries where e.hasCode {
            #expect(e.code.utf8.count <= TimeLexicon.Entry.maxCodeLength)
            #expect(e.code.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x80 })
        }
        #expect(lexicon.entries.contains { $0.codeIs("NI") })
    }
}

/// The phrase tables' keyed matches (the text's per-token keys, confirmed on the bytes) against the byte path:
/// every table of the quantity lexicon, forwards and backwards, from every token with every limit.
@Suite struct PhraseTableKeyedTests {
    @Test(arguments: [
        "At least 40 people and more than 250 fighters, as many as a few hundred civilians, died.",
        "An estimated total of 1,500 troops; a great number of the group’s fighters; just over 9 sq. km of land.",
        "AT LEAST a dozen or so Women and Children, in excess of 3 km, fewer than 10 percent of them.",
        "Hundreds of thousands fled: some dozens of families didn’t (and don't) know; approx. 20 buses.",
        "a couple of A Couple Of a couple’s of; between 20 and 30 per cent, up to five-fold, on the 23rd of July.",
        "Naïve café owners counted ünïcödé tallies in March: twenty–five, eleven, a-b, x, more than",
    ])
    func keyedMatchesAreTheBytePaths(_ text: String) throws {
        let lexicon = try QuantityLexicon()
        let tables = [lexicon.vague, lexicon.modifiers, lexicon.after, lexicon.before, lexicon.around, lexicon.nouns]
        var copy = text
        copy.withUTF8 { p in
            let tokens = Tokenizer.tokenize(bytes: p)
            let ct = ClauseTokens(bytes: p, tokens: tokens)
            var scratch: [UInt8] = []
            var hits = 0
            tokens.withUnsafeBufferPointer { t in
                ct.keys.withUnsafeBufferPointer { k in
                    for table in tables {
                        for j in 0...t.count {
                            for bound in 0...t.count {
                                if j < t.count, bound > j {
                                    let plain = table.match(p, t, at: j, limit: bound, scratch: &scratch)
                                    let keyed = table.match(p, t, k, at: j, limit: bound, scratch: &scratch)
                                    #expect(plain?.value == keyed?.value && plain?.end == keyed?.end, "at \(j) limit \(bound)")
                                    if plain != nil { hits += 1 }
                                }
                                if bound < j {
                                    let plain = table.match(p, t, endingBefore: j, floor: bound, scratch: &scratch)
                                    let keyed = table.match(p, t, k, endingBefore: j, floor: bound, scratch: &scratch)
                                    #expect(plain?.value == keyed?.value && plain?.start == keyed?.start, "before \(j) floor \(bound)")
                                    if plain != nil { hits += 1 }
                                }
                            }
                        }
                    }
                }
            }
            #expect(hits > 0)
        }
    }
}
