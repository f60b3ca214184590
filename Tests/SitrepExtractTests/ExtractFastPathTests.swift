import Testing
import SitrepCore
import SitrepKnowledge
import SitrepLanguage
@testable import SitrepExtract

/// The extractor's fast paths (open-addressing first-word index, in-place suffix test, per-token argument
/// classes, scan-grouped place restatements, list-based actor dedupe) answer exactly as the plain versions.
struct ExtractFastPathTests {
    // MARK: phrase table first-word index

    /// Patterns written as in the data files; enough distinct first words to make the index grow several times.
    static let phrases = ["in exchange for", "in response to", "in return for", "part of", "part of a deal",
                          "as part of", "after * talks", "car bomb", "car bomb attack", "roadside bomb", "suicide bomber",
                          "truck bomb", "mortar shells", "heavy shelling", "air strike", "air strikes", "drone strike",
                          "tear gas", "rubber bullets", "water cannon", "live fire", "armed men", "gunmen|militants stormed",
                          "peace talks", "cease fire", "safe passage", "prisoner swap", "hostage release"]

    static let table: PhraseTable<Int> = {
        var t = PhraseTable<Int>(bit: 1)
        for (n, p) in phrases.enumerated() { t.add(PhraseTable<Int>.slots(p), value: n) }
        return t
    }()

    /// The reference: every pattern tried in order, longest (most words) first, shorter span on a tie.
    static func reference(_ words: [String], at i: Int) -> (pattern: Int, end: Int)? {
        let keys = words.map(WordKey.of)
        return referencePhraseMatch(phrases, keys, at: i, limit: keys.count)
    }

    @Test(arguments: [
        "the rebels freed two men in exchange for food",
        "it was part of a deal struck last week",
        "a car bomb attack hit the market as part of a campaign",
        "after two days of talks the militants stormed the base",
        "police used tear gas and rubber bullets and water cannon",
        "heavy shelling followed an air strike and drone strike",
        "nothing in this sentence starts a pattern at all",
    ])
    func firstWordIndexFindsWhatAScanFinds(_ sentence: String) {
        let words = sentence.split(separator: " ").map(String.init)
        let keys = words.map(WordKey.of)
        for i in words.indices {
            let m = Self.table.longestMatch(at: i, keys: keys, limit: keys.count, blocks: { _ in false })
            let r = Self.reference(words, at: i)
            #expect(m?.pattern == r?.pattern, "\(sentence) @\(i)")
            #expect(m?.end == r?.end, "\(sentence) @\(i)")
            #expect(Self.table.startsPattern(keys[i]) == Self.phrases.contains { p in
                PhraseTable<Int>.slots(p)[0].contains(keys[i])
            })
        }
    }

    @Test func firstWordsAreEveryPatternsFirstWords() {
        let expected = Set(Self.phrases.flatMap { PhraseTable<Int>.slots($0)[0] })
        #expect(Set(Self.table.firstWords) == expected)
        #expect(Self.table.firstWords.count == expected.count)
    }

    // MARK: token helpers

    static func view(_ text: String) throws -> DocumentView {
        DocumentView(document: Document(text: text), language: .init(), knowledge: .init(), lexicon: Shared.extractor.lexicon)
    }

    @Test(arguments: [
        ("Militants ATTACKED the town", 1, "ed", true), ("The convoy was hit", 3, "ed", false),
        ("Troops were Withdrawn", 2, "wn", true), ("It was taken", 2, "en", true), ("A deal", 1, "ed", false),
        ("They quickly left", 1, "ly", true), ("Protesters gathered", 1, "ing", false), ("Shelling resumed", 0, "ing", true),
    ] as [(String, Int, String, Bool)])
    func suffixIsReadInPlace(_ text: String, _ token: Int, _ suffix: String, _ expected: Bool) throws {
        let v = try Self.view(text)
        let got: Bool
        switch suffix {
        case "ed": got = v.hasSuffix(token, "ed")
        case "wn": got = v.hasSuffix(token, "wn")
        case "en": got = v.hasSuffix(token, "en")
        case "ly": got = v.hasSuffix(token, "ly")
        default: got = v.hasSuffix(token, "ing")
        }
        #expect(got == expected)
        let word = v.text(tokens: token..<(token + 1)).lowercased()
        #expect(got == word.hasSuffix(suffix))
    }

    @Test(arguments: ["Rebels seized the town and two villages near the border.",
                      "Soldiers and civilians fled the base, leaving weapons and ammunition.",
                      "The army retook territory from fighters after a truce collapsed."])
    func argumentClassPerTokenIsTheLexicons(_ text: String) throws {
        let v = try Self.view(text)
        for j in v.tokens.indices {
            #expect(v.argument[j] == Shared.extractor.lexicon.argumentClasses[v.keys[j]], "\(text) token \(j)")
        }
    }

    // MARK: actors and places

    static func actor(_ name: String, _ id: String?, in store: ActorNames) -> ActorSpan {
        store.span(tokens: 0..<1, id: id, name: name, kind: .armedGroup, fromDictionary: id != nil)
    }

    @Test(arguments: [
        [("Rebels", nil), ("rebels", nil), ("Army", "a1"), ("army", nil), ("Syrian Army", "a1")],
        [("Police", nil)],
        [],
        [("Gunmen", "g"), ("Gunmen", "h"), ("GUNMEN", nil), ("gunmen", nil)],
    ] as [[(String, String?)]])
    func uniqueActorsAsAHashedSetWould(_ spec: [(String, String?)]) {
        // The store outlives the spans (they do not retain it).
        let store = ActorNames()
        withExtendedLifetime(store) {
            let actors = spec.map { Self.actor($0.0, $0.1, in: store) }
            var seen = Set<String>()
            let reference = actors.filter { seen.insert($0.id ?? $0.name.lowercased()).inserted }
            let got = ExtractionRun.unique(actors)
            #expect(got.map(\.name) == reference.map(\.name))
            #expect(got.map(\.id) == reference.map(\.id))
        }
    }

    /// A span reads back the name and id it was made with, whatever other spans share its store.
    @Test(arguments: [[("Rebels", nil), ("Syrian Army", "a1"), ("", nil), ("Ḥamāh militia", "m’1")]] as [[(String, String?)]])
    func actorSpansReadTheirOwnNames(_ spec: [(String, String?)]) {
        let store = ActorNames()
        withExtendedLifetime(store) {
            let spans = spec.map { Self.actor($0.0, $0.1, in: store) }
            for (span, (name, id)) in zip(spans, spec) {
                #expect(span.name == name)
                #expect(span.id == id)
                #expect(span.fromDictionary == (id != nil))
            }
        }
    }

    /// One mention: type, location, origin, certainty, background.
    typealias Spec = (EventType, String?, String?, Certainty, Bool)

    static func mentions(_ spec: [Spec]) -> [EventMention] {
        spec.enumerated().map { n, s in
            EventMention(id: "d#\(n)", document: "d", type: s.0, location: s.1.map { place($0) }, origin: s.2.map { place($0) },
                         certainty: s.3, trigger: TextRange(0, 1), evidence: Evidence(text: "", range: TextRange(0, 1)),
                         background: s.4)
        }
    }

    /// The grouping by a dictionary of types and a set of place keys that the scan replaced.
    static func referenceRestatements(_ out: inout [EventMention]) {
        var byType: [EventType: [Int]] = [:]
        for (i, m) in out.enumerated() where !m.background && (m.certainty == .asserted || m.certainty == .reported) {
            byType[m.type, default: []].append(i)
        }
        for (_, members) in byType where members.count > 1 {
            let placed = members.filter { out[$0].location != nil || out[$0].origin != nil || out[$0].destination != nil }
            guard !placed.isEmpty, placed.allSatisfy({ out[$0].origin == nil && out[$0].destination == nil }) else { continue }
            let ids = Set(placed.map { out[$0].location!.id ?? out[$0].location!.name })
            guard ids.count == 1, let place = out[placed[0]].location else { continue }
            for i in members where out[i].location == nil && out[i].origin == nil && out[i].destination == nil {
                out[i].location = place
            }
        }
    }

    @Test(arguments: [
        [(.release, "Idlib", nil, .asserted, false), (.release, nil, nil, .reported, false), (.attack, nil, nil, .asserted, false)],
        [(.release, "Idlib", nil, .asserted, false), (.release, "Homs", nil, .asserted, false), (.release, nil, nil, .asserted, false)],
        [(.transfer, nil, "Douma", .asserted, false), (.transfer, "Idlib", nil, .asserted, false), (.transfer, nil, nil, .asserted, false)],
        [(.attack, "Hama", nil, .asserted, false), (.attack, nil, nil, .possible, false), (.attack, nil, nil, .asserted, true),
         (.attack, nil, nil, .asserted, false), (.clash, "Aleppo", nil, .asserted, false), (.clash, nil, nil, .reported, false),
         (.attack, "Hama", nil, .reported, false)],
        [(.capture, nil, nil, .asserted, false), (.capture, nil, nil, .asserted, false)],
        [(.capture, "Raqqa", nil, .asserted, false)],
    ] as [[Spec]])
    func placeRestatementsAsTheDictionaryGrouping(_ spec: [Spec]) {
        var got = Self.mentions(spec), expected = got
        ExtractionRun.placeRestatements(&got)
        Self.referenceRestatements(&expected)
        #expect(got.map { $0.location?.name } == expected.map { $0.location?.name })
        #expect(got == expected)
    }
    // MARK: times after a token

    /// A run over `text` with hand-made date mentions for `phrases`, in the given order (sorted or not).
    static func run(_ text: String, times phrases: [String], sorted: Bool) -> ExtractionRun {
        var lang = Shared.language.annotate(text, published: nil)
        lang.times = []
        let day = CalendarDay(iso: "2019-05-02")!
        for phrase in phrases {
            for r in ranges(of: phrase, in: text) {
                lang.times.append(TimeMention(range: r, type: .date, interval: DayInterval(day: day), precision: .day, value: day.iso))
            }
        }
        if sorted { lang.times.sort { $0.range < $1.range } } else { lang.times.reverse() }
        let view = DocumentView(document: Document(text: text), language: lang, knowledge: .init(), lexicon: Shared.extractor.lexicon)
        return ExtractionRun(view: view, lexicon: Shared.extractor.lexicon)
    }

    @Test(arguments: [
        ("Rebels captured on Monday the hill town and on Tuesday the bridge.", ["Monday", "Tuesday"]),
        ("The convoy left on 2 May and returned on 9 May, officials said on Friday.", ["2 May", "9 May", "Friday"]),
        ("No day is named in this sentence at all.", []),
    ] as [(String, [String])])
    func timeAfterATokenAsALinearScanFindsIt(_ text: String, _ phrases: [String]) {
        for sorted in [true, false] {
            let run = Self.run(text, times: phrases, sorted: sorted)
            #expect(run.timesSorted == (sorted || phrases.count < 2))
            let times = run.view.language.times
            for i in 0...run.view.tokens.count {
                var expected: Int?
                if i < run.view.tokens.count,
                   let t = times.first(where: { $0.range.start == run.view.tokens[i].range.start }) {
                    expected = run.view.firstToken(atOrAfter: t.range.end)
                }
                #expect(run.timeStarts(at: i) == expected, "\(text) token \(i) sorted \(sorted)")
            }
        }
    }

    // MARK: word keys

    /// The plain key: the lowercased bytes (typographic apostrophes read as `'`) one at a time into chunks of eight,
    /// each chunk folded in by `WordKey.mix`; the empty word's key is `WordKey.empty`.
    static func referenceKey(_ word: String) -> UInt64 {
        let b = Array(word.utf8)
        var normal: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x98 || b[i + 2] == 0x99 {
                normal.append(0x27); i += 3; continue
            }
            if b[i] == 0xCA, i + 1 < b.count, b[i + 1] == 0xBC { normal.append(0x27); i += 2; continue }
            normal.append(b[i] >= 0x41 && b[i] <= 0x5A ? b[i] | 0x20 : b[i])
            i += 1
        }
        guard !normal.isEmpty else { return WordKey.empty }
        var h: UInt64 = 0
        for first in stride(from: 0, to: normal.count, by: 8) {
            var chunk: UInt64 = 0
            for (k, byte) in normal[first..<min(first + 8, normal.count)].enumerated() { chunk |= UInt64(byte) << UInt64(8 * k) }
            h = WordKey.mix(h ^ chunk)
        }
        return h
    }

    /// Keys read eight ASCII bytes at a time equal the byte-by-byte key, whatever the length, case, the
    /// letters next to `A`/`Z` (`@`, `[`, backquote, `{`) or where a UTF-8 byte or a curly apostrophe falls.
    @Test(arguments: ["a", "Rebels", "ABDUCTED", "kidnappings", "KidNappingS", "counter-offensive", "@[`{Az]^_~",
                      "AZaz@[`{AZaz@[`{x", "Ghouta’s", "government’s", "ʼAbduction", "Deir ez-Zor", "Ḥamāh",
                      "1234567890", "São Tomé residents", "intergovernmental", "ISIS’", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                      "it", "Army", "KILLED", "ZapAtAz", "captured", "é", "’s", "", "abcdefgh", "abcdefghi",
                      "abcdefghijklmnop", "abcdefghijklmnopq", "don’t", "DON'T", "counter’offensives’"])
    func wordKeyMatchesByteByByte(word: String) {
        #expect(WordKey.of(word) == ExtractFastPathTests.referenceKey(word))
        // Inside a longer buffer, away from its start: near its end (read byte by byte) and with words after it
        // (read with one load and the bytes past the word masked off).
        for text in ["xx " + word + " yy", "xx " + word + " YY ZZ WW VV"] {
            var copy = text
            copy.withUTF8 { p in
                let start = 3, end = 3 + word.utf8.count
                #expect(WordKey.of(p, start, end) == ExtractFastPathTests.referenceKey(word))
            }
        }
    }

    /// Words of up to eight bytes never share a key (one chunk, an invertible mix), nor with the empty word, and no
    /// key is 0 (the tables' empty slot): every case and apostrophe spelling of a word keeps its one key.
    @Test func shortWordsKeepDistinctKeys() {
        let words = ["a", "b", "ab", "ba", "the", "of", "on", "to", "it", "its", "it's", "attack", "attacks", "attacked",
                     "shelling", "rebels", "army", "police", "abcdefgh", "abcdefgi", "z", "zz", "zzzzzzzz", "1", "12", "'"]
        let keys = words.map(WordKey.of)
        #expect(Set(keys).count == words.count)
        #expect(!keys.contains(0))
        #expect(!keys.contains(WordKey.of("")))
        #expect(WordKey.of("IT’S") == WordKey.of("it's"))
        #expect(WordKey.of("Shelling") == WordKey.of("shelling"))
    }

    /// A key set answers as `Set<UInt64>` for its members, their other spellings and words outside it, small or
    /// large enough to probe past collisions.
    @Test(arguments: [["them", "they", "it", "him"], ["of"], [String](), (0..<40).map { "word\($0)" }])
    func wordKeySetMatchesSet(members: [String]) {
        let set = WordKeySet(words: members)
        let plain = Set(members.map(WordKey.of))
        for w in members + ["the", "They", "THEM", "Of", "word41", "word7", "x", ""] {
            #expect(set.contains(WordKey.of(w)) == plain.contains(WordKey.of(w)), "\(w)")
        }
    }

    // MARK: windows through the first-from tables

    /// Actors and counts starting in a window, looked up through the token tables, are those a scan of the sorted
    /// lists finds, for every window of the text and windows reaching outside it.
    @Test(arguments: [("Rebel forces and civilians fled as police and 300 soldiers arrived; women and children stayed.", true),
                      ("Militants attacked two villages, and 12 people were abducted by gunmen.", true),
                      ("Nothing happened here.", false), ("", false)])
    func windowsMatchAScanOfTheLists(text: String, hasActors: Bool) throws {
        let view = try ExtractFastPathTests.view(text)
        #expect(!view.actors.isEmpty == hasActors)
        let n = view.tokens.count
        for lo in -2...(n + 2) {
            for hi in lo...(n + 3) {
                let window = lo..<hi
                #expect(view.actors(startingIn: window).map(\.tokens) == view.actors.filter { window.contains($0.tokens.lowerBound) }.map(\.tokens))
                #expect(view.counts(startingIn: window).map(\.tokens) == view.counts.filter { window.contains($0.tokens.lowerBound) }.map(\.tokens))
                #expect(view.places(startingIn: window).isEmpty)
            }
        }
    }

    // MARK: time marks

    /// The deadline bit of `timeMarks` (modifiers compared one by one) is set exactly for the modifiers in
    /// `deadlineModifiers`, and the other bits as before.
    @Test(arguments: ["by", "until", "before", "after", "since", "around", "By", "untill", "", nil] as [String?])
    func timeMarksFollowTheModifierLists(modifier: String?) {
        let day = CalendarDay(iso: "2019-05-02")!
        let t = TimeMention(range: TextRange(start: 0, end: 4), type: .date, interval: DayInterval(day: day), precision: .day,
                            value: day.iso, modifier: modifier)
        let m = ExtractionRun.timeMarks([t])[0]
        let deadline = modifier.map { ExtractionRun.deadlineModifiers.contains($0) } ?? false
        #expect((m & ExtractionRun.deadlineTime != 0) == deadline)
        #expect((m & ExtractionRun.sinceTime != 0) == (modifier == "since"))
        #expect((m & ExtractionRun.afterTime != 0) == (modifier == "after"))
        #expect((m & ExtractionRun.usableTime != 0) == (modifier != "since"))
    }

    // MARK: certainty marks

    /// A run over a text of `length` bytes whose language layer has exactly `marks`.
    static func run(length: Int, marks: [CertaintyMark]) -> ExtractionRun {
        var lang = LanguageAnnotations()
        // (One token: a layer without tokens is replaced by the fallback's own annotations.)
        lang.tokens = [Token(range: TextRange(start: 0, end: Int32(length)), kind: .word)]
        lang.certainties = marks
        let view = DocumentView(document: Document(text: String(repeating: "x", count: length)), language: lang,
                                knowledge: .init(), lexicon: Shared.extractor.lexicon)
        return ExtractionRun(view: view, lexicon: Shared.extractor.lexicon)
    }

    /// The marks read in place, in start order with an early stop, answer as `mark(at:)` does for every range of the
    /// text: nested and equal scopes, every certainty (a planned mark inside a wider possibility among them), marks
    /// sorted by start or not.
    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func markedCertaintyAsTheLibrarysMark(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let length = 40
        var marks: [CertaintyMark] = []
        for _ in 0..<(4 + next(10)) {
            let a = next(length), b = a + next(length - a + 1)
            marks.append(CertaintyMark(scope: TextRange(start: Int32(a), end: Int32(b)), certainty: Certainty.allCases[next(6)], cue: nil))
        }
        // A planned mark with a wider possibility around it, both around the range 10..<12.
        marks.append(CertaintyMark(scope: TextRange(start: 8, end: 20), certainty: .planned, cue: nil))
        marks.append(CertaintyMark(scope: TextRange(start: 5, end: 30), certainty: .possible, cue: nil))
        for sorted in [true, false] {
            let list = sorted ? marks.sorted { $0.scope.start < $1.scope.start } : marks
            let run = Self.run(length: length, marks: list)
            if sorted { #expect(run.certaintyReach != nil) }
            for a in 0...length {
                for b in a...length {
                    let r = TextRange(start: Int32(a), end: Int32(b))
                    #expect(run.markedCertainty(at: r) == list.mark(at: r)?.certainty, "seed \(seed) \(a)..<\(b) sorted \(sorted)")
                }
            }
        }
    }

    /// The narrowest attribution around a range, its scope compared inline, is the one the plain scan finds (the
    /// first of equally narrow ones); a range overlaps a source exactly when the plain test says so.
    @Test(arguments: [1, 2, 3])
    func attributionIndexAsAPlainScan(seed: UInt64) {
        var state = seed &* 0xBF58_476D_1CE4_E5B9
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let length = 30
        var lang = LanguageAnnotations()
        lang.tokens = [Token(range: TextRange(start: 0, end: Int32(length)), kind: .word)]
        var made: [Attribution] = []
        for _ in 0..<(3 + next(8)) {
            let a = next(length), b = a + next(length - a + 1)
            let c = next(length), d = c + next(min(6, length - c) + 1)
            made.append(Attribution(scope: TextRange(a, b), source: TextRange(c, d), cue: TextRange(0, 1), cueKind: .reportingVerb))
        }
        // Sorted by scope start (the language layer's order: the window of the scopes that can hold a range) or not.
        for sorted in [true, false] {
            lang.attributions = sorted ? made.sorted { $0.scope.start < $1.scope.start } : made
            let view = DocumentView(document: Document(text: String(repeating: "x", count: length)), language: lang,
                                    knowledge: .init(), lexicon: Shared.extractor.lexicon)
            let run = ExtractionRun(view: view, lexicon: Shared.extractor.lexicon)
            if sorted { #expect(run.attributionReach != nil) }
            let all = lang.attributions
            for a in 0...length {
                for b in a...length {
                    let r = TextRange(a, b)
                    var expected: Int?
                    for k in all.indices where all[k].scope.contains(r) {
                        if expected == nil || all[k].scope.length < all[expected!].scope.length { expected = k }
                    }
                    #expect(run.attributionIndex(for: r) == expected, "seed \(seed) \(a)..<\(b) sorted \(sorted)")
                    #expect(run.isAttributionSource(r) == all.contains { $0.source.overlaps(r) }, "seed \(seed) \(a)..<\(b)")
                }
            }
        }
    }

    /// The rank follows `Certainty`'s own order.
    @Test func certaintyRankIsItsOrder() {
        for a in Certainty.allCases {
            for b in Certainty.allCases { #expect((ExtractionRun.rank(a) < ExtractionRun.rank(b)) == (a < b)) }
        }
    }

    // MARK: frame rules

    /// Every trigger entry's frame rules, read by class number, say what the lexicon's frame dictionaries say, for
    /// every class: the type and mode, and the vetoes.
    @Test func frameRulesAreTheLexiconsFrames() {
        let lexicon = Shared.extractor.lexicon
        var framed = 0
        for pattern in lexicon.triggers.patterns {
            let entry = pattern.value
            #expect((entry.rules == nil) == (entry.frame == nil), "\(entry.line)")
            guard let frame = entry.frame, let rules = entry.rules else { continue }
            framed += 1
            for cls in ArgumentClass.allCases {
                let expected = lexicon.frames[frame]?[cls]
                #expect(rules[cls]?.0 == expected?.0 && rules[cls]?.1 == expected?.1, "\(entry.line) \(cls)")
                #expect(rules.vetoes(cls) == (lexicon.frameVetoes[frame]?.contains(cls) == true), "\(entry.line) \(cls)")
            }
        }
        #expect(framed > 0)
    }

    // MARK: data files

    /// Rows (fields and line numbers) or the error's text, for comparing the two parses.
    static func parsed(_ parse: () throws -> [ResourceRow]) -> [String] {
        do { return try parse().map { "\($0.line): " + $0.fields.joined(separator: "|") } } catch { return ["\(error)"] }
    }

    /// A data file scanned line by line on its bytes gives the rows the character split gives: comments (also a `#`
    /// with an accent on it, which is no comment), blank lines, padded and empty fields, a missing last line feed,
    /// too few fields and an empty first field.
    @Test(arguments: ["# comment\nattack\tv\tattack\n\nkill\t v \tattack\n", "a\tb", "", "\n\n", "#\n#x\ty\n",
                      "#\u{301}\tx\n", " padded \t\tlast \n", "one\n", "\tx\n", "Ḥamāh\tplace\t’s\n#é\n",
                      "a\tb\n# done", "é\t ü \n\u{00A0}x\u{00A0}\ty\n", "a\t\t\n\t\t\t\n"])
    func dataFileBytesParseAsCharacters(_ text: String) {
        let bytes = Self.parsed { try ResourceTable.parse(text, file: "t.tsv", minFields: 2) }
        let characters = Self.parsed { try ResourceTable.parseLines(text, file: "t.tsv", minFields: 2) }
        #expect(bytes == characters, "\(text)")
    }

    // MARK: mention ids

    /// A mention id written byte by byte is the interpolated `<document id>#<n>`, for ids with and without
    /// multi-byte letters and numbers of every width up to the largest.
    @Test(arguments: ["doc-1", "", "ḥalab/2019-05-03", "a#b", "日本語 report"])
    func mentionIDsAreTheInterpolatedText(document: String) {
        let prefix = Array("\(document)#".utf8)
        for n in [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12_345, 1_000_000, Int.max] {
            #expect(ExtractionRun.mentionID(prefix, n) == "\(document)#\(n)", "\(document) \(n)")
        }
    }

    // MARK: times and sources by index

    /// The time and attribution a mention takes, found as indexes into the language layer's lists (not copied out),
    /// give the mention the text at that time's and that source's range: several events dated by one time and told
    /// by one source.
    @Test func datesAndSourcesReadByIndexAreTheirTexts() {
        let text = "Rebels attacked the market in Tell Baruda on 3 May and abducted 12 farmers, the Harun health office said. "
            + "Army units shelled two villages on 3 May and killed five fighters, the Harun health office said."
        let day = CalendarDay(iso: "2019-05-03")!
        let mentions = extract(text, published: "2019-05-06", times: ["3 May": (DayInterval(day: day), .day)])
        let dated = mentions.filter { $0.date?.text != nil }
        #expect(dated.count >= 2)
        for m in dated { #expect(m.date?.text == "3 May") }
        for m in mentions {
            if let source = m.attributedTo { #expect(text.contains(source)) }
        }
    }

    // MARK: first match without the list

    /// `hasMatch` and `firstMatch` (which `isBackground` and `certainty` use) answer as `matches`' list does, over every
    /// window of the sentence and for every cue table read that way.
    @Test(arguments: ["Officials may have agreed to a truce, but fighting could resume if talks fail.",
                      "In previous clashes last year, rebels reportedly denied that they had shelled the town.",
                      "Nothing here is a cue word at all.",
                      "A deal was not signed; it might be, officials said, unless the army attacks again."])
    func firstMatchIsTheListsFirst(_ text: String) {
        let run = Self.run(text, times: [], sorted: true)
        let n = run.view.tokens.count
        let lexicon = Shared.extractor.lexicon
        var found = 0
        for lo in 0...n {
            for hi in lo...n {
                let certainty = run.matches(lexicon.certaintyCues, in: lo..<hi)
                let first = run.firstMatch(lexicon.certaintyCues, in: lo..<hi)
                #expect(first?.start == certainty.first?.start && first?.end == certainty.first?.end
                        && first?.pattern == certainty.first?.pattern)
                #expect(run.hasMatch(lexicon.certaintyCues, in: lo..<hi) == !certainty.isEmpty)
                #expect(run.hasMatch(lexicon.backgroundCues, in: lo..<hi) == !run.matches(lexicon.backgroundCues, in: lo..<hi).isEmpty)
                found += certainty.count
            }
        }
        if text.hasPrefix("Nothing") { #expect(found == 0) } else { #expect(found > 0) }
    }
}

/// The second-word filter of `PhraseTable` (a first word's patterns are tried only when the next word can be their
/// second), the merge that orders a view's actors, and the in-place country test of organisation names answer as the
/// plain versions do.
struct ExtractSecondWordTests {
    /// First words shared by patterns of one word, of two and more, and with a gap second; a word starting only
    /// multi-word patterns ("the"); and enough first words to make the table grow.
    static let phrases = ["the rebels", "the army", "the armed forces", "the local police", "the security forces",
                          "after * talks", "after", "police", "police officers", "riot police", "armed men", "armed",
                          "car bomb", "car bomb attack", "w1 w2", "w3 w4", "w5 w6", "w7 w8", "w9 w10", "w11 w12",
                          "w13 w14|w15|w16", "w17 * w18", "w19", "w20 w21 w22"]

    static let table: PhraseTable<Int> = {
        var t = PhraseTable<Int>(bit: 1)
        for (n, p) in phrases.enumerated() { t.add(PhraseTable<Int>.slots(p), value: n) }
        return t
    }()

    /// Every pattern tried in order within `i..<limit`, most words first, the shorter span on a tie.
    static func reference(_ keys: [UInt64], at i: Int, limit: Int) -> (pattern: Int, end: Int)? {
        referencePhraseMatch(phrases, keys, at: i, limit: limit)
    }

    @Test(arguments: [
        "the rebels and the army met the armed forces near the town",
        "after two days of talks the local police and riot police left",
        "after the security forces came armed men with a car bomb attack",
        "police officers and police and armed civilians the",
        "w1 w2 w3 w5 w6 w13 w16 w17 a b w18 w19 w20 w21 w22 w20 w21",
        "nothing here starts any of the patterns at all the",
    ])
    func secondWordFilterFindsWhatAScanFinds(_ sentence: String) {
        let keys = sentence.split(separator: " ").map { WordKey.of(String($0)) }
        // Every start, with the sentence's end and with limits cutting a pattern after its first word.
        for limit in Set([keys.count, keys.count - 1, keys.count / 2]) where limit > 0 {
            for i in 0..<limit {
                let m = Self.table.longestMatch(at: i, keys: keys, limit: limit, blocks: { _ in false })
                let r = Self.reference(keys, at: i, limit: limit)
                #expect(m?.pattern == r?.pattern, "\(sentence) @\(i) limit \(limit)")
                #expect(m?.end == r?.end, "\(sentence) @\(i) limit \(limit)")
            }
        }
    }

    // MARK: actor order

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func actorMergeOrdersAsTheStableSort(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let store = ActorNames()
        for _ in 0..<40 {
            let n = next(12), d = next(n + 1)
            // Runs sorted (with equal starts across and within them) or, now and then, not.
            var starts = (0..<n).map { _ in next(9) }
            if next(3) > 0 { starts[..<d].sort(); starts[d...].sort() }
            let spans = starts.enumerated().map { k, s in
                store.span(tokens: s..<(s + 1 + k % 3), id: nil, name: "a\(k)", kind: .armedGroup, fromDictionary: k < d)
            }
            var expected = spans
            expected.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
            let got = DocumentView.sortedByStart(spans, runs: d)
            #expect(got.map(\.entry) == expected.map(\.entry), "\(starts) runs \(d)")
        }
    }

    // MARK: organisation names

    @Test(arguments: [("the Valdorian Army attacked", true), ("the Pakistan Army attacked", true), ("the National Army", false)])
    func countryNamesReadInPlaceAsAScan(_ text: String, _ placed: Bool) throws {
        let v = try ExtractFastPathTests.view(text)
        var knowledge = KnowledgeAnnotations()
        // A country over token 1, and places that cover it only in part or are no country.
        let r = v.tokens[1].range
        if placed {
            knowledge.places = [PlaceMention(range: TextRange(start: r.start, end: r.end - 1), place: PlaceRef(name: "x", precision: .country), score: 1),
                                PlaceMention(range: r, place: PlaceRef(name: "y", precision: .city), score: 1),
                                PlaceMention(range: TextRange(start: r.start - 1, end: r.end), place: PlaceRef(name: "z", precision: .country), score: 1)]
        }
        let lexicon = Shared.extractor.lexicon
        let scan = knowledge.places.contains { $0.range.start <= r.start && $0.range.end >= r.end && $0.place.precision == .country }
        // The word is no state word and no demonym: only the places decide.
        if !lexicon.stateNameWords.contains(v.keys[1]), DocumentView.gazetteer?.demonym(v.text(r)) == nil {
            #expect(v.namesState(1..<2, knowledge: knowledge, lexicon: lexicon) == scan)
        }
        #expect(scan == placed)
    }
}

/// The reference matcher of the phrase-table tests: every pattern of `phrases` tried in order within `i..<limit`,
/// most words first, the shorter span on a tie.
func referencePhraseMatch(_ phrases: [String], _ keys: [UInt64], at i: Int, limit: Int) -> (pattern: Int, end: Int)? {
    var best: (pattern: Int, end: Int, weight: Int)?
    for (n, p) in phrases.enumerated() {
        let slots = PhraseTable<Int>.slots(p)
        var j = i, s = 0, ok = true
        while s < slots.count {
            if slots[s].isEmpty {
                guard s + 1 < slots.count else { ok = false; break }
                var k = j, found = -1
                while k < limit, k - j <= PhraseTable<Int>.maxGap {
                    if slots[s + 1].contains(keys[k]) { found = k; break }
                    k += 1
                }
                guard found >= 0 else { ok = false; break }
                j = found; s += 1; continue
            }
            guard j < limit, slots[s].contains(keys[j]) else { ok = false; break }
            j += 1; s += 1
        }
        guard ok else { continue }
        let weight = slots.filter { !$0.isEmpty }.count
        if best == nil || weight > best!.weight || (weight == best!.weight && j < best!.end) { best = (n, j, weight) }
    }
    return best.map { ($0.pattern, $0.end) }
}
