import Foundation
import SitrepCore
import SitrepLanguage
import Testing
@testable import SitrepKnowledge

/// The recogniser's fast path (light atoms completed only for scored tokens, flat buffers, place marks
/// grown word by word, batched vector weight sums, the name-vote table) gives exactly what the plain
/// path gives: full atoms for every word, per-sentence arrays, the list-based marks, `EntitySpans`
/// and a dictionary of votes keyed by the name's bytes.
@Suite struct NERFastPathTests {
    static let texts: [String] = [
        "Fighters of the Tamarisk Front shelled Qal'at Yamur on Tuesday, the Ostrava Monitor said.",
        "no capital letter appears in this sentence at all, not even after 1,200 people fled.",
        "BREAKING NEWS FROM THE NORTH\nTroops of the Ardent Shield entered Vel Harun.\nVel Harun was calm later.",
        "Commander Idris Okonjo met Mira Santoro in Port Aldane. Okonjo said Santoro of the Aldane Council agreed.",
        "The Movement of Dawn and the Brotherhood of the Pass met in Lake Tirrin; the Movement of Dawn left.",
        "Émile Zørn and Ḥasan al-Ṭayyib visited São Lucas and Kraków, then İzmir.",
        "Reports from U.S. and U.K. officials: 45 killed near Harran's market (AP) — officials in Harran said.",
        "Jordan said Jordan would close the border; Jordan Pike, a reporter, said nothing about Jordan.",
        "Rebels said they took Tell Sarrah. \"We hold Tell Sarrah,\" said Yusuf Demir of the Tell Sarrah Council.",
        "",
        "A",
        "x y z . , ; Ab Cd Ef Gh Ij Kl Mn Op Qr St Uv Wx Yz",
    ]

    static func seeds() -> [String] { PlaceSeedsTests.seeds() }

    /// The plain path (the recogniser before the fast path): full atoms for every word (`atoms(of:)`), nested per-sentence arrays, spans through
    /// `EntitySpans`, votes in a dictionary keyed by the name's bytes.
    static func referenceFind(_ recogniser: EntityRecognizer, _ text: String, known: [EntityMention] = []) -> [EntityMention] {
        let utf8 = Array(text.utf8)
        let tokens = EntityWordSplitter.split(text).filter { $0.range.end <= Int32(utf8.count) && !$0.range.isEmpty }
        guard !tokens.isEmpty else { return known.sorted { $0.range < $1.range } }
        var sentences: [Range<Int>] = []
        var start = 0
        for i in tokens.indices {
            let r = tokens[i].range
            var breakAfter = false
            if r.length == 1, utf8[Int(r.start)] == 0x2E || utf8[Int(r.start)] == 0x21 || utf8[Int(r.start)] == 0x3F { breakAfter = true }
            if i + 1 < tokens.count {
                let gapStart = Int(r.end), gapEnd = Int(tokens[i + 1].range.start)
                if gapStart < gapEnd, utf8[gapStart..<gapEnd].contains(0x0A) { breakAfter = true }
            }
            if breakAfter || i + 1 == tokens.count { sentences.append(start..<(i + 1)); start = i + 1 }
        }
        let atoms = sentences.map { range in
            range.map { NERFeatures.atoms(of: String(decoding: utf8[Int(tokens[$0].range.start)..<Int(tokens[$0].range.end)], as: UTF8.self)) }
        }
        let tags = recogniser.tagIndexes(atoms: atoms).map { $0.map(EntityTagIndex.tag(at:)) }
        var found: [EntityMention] = []
        for (s, range) in sentences.enumerated() {
            for span in EntitySpans.spans(tags[s]) where span.label != .misc {
                let r = TextRange(start: tokens[range.lowerBound + span.start].range.start,
                                  end: tokens[range.lowerBound + span.end - 1].range.end)
                if known.contains(where: { $0.range.overlaps(r) }) { continue }
                found.append(EntityMention(range: r, label: span.label, fromDictionary: false))
            }
        }
        func nameBytes(_ r: TextRange) -> ArraySlice<UInt8> { utf8[Int(r.start)..<Int(r.end)] }
        var votes: [ArraySlice<UInt8>: [EntityLabel: Int]] = [:]
        for m in known where m.label != .misc { votes[nameBytes(m.range), default: [:]][m.label, default: 0] += 1000 }
        for m in found { votes[nameBytes(m.range), default: [:]][m.label, default: 0] += 1 }
        for i in found.indices {
            guard let v = votes[nameBytes(found[i].range)], v.count > 1,
                  let best = v.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }),
                  best.value > (v[found[i].label] ?? 0) else { continue }
            found[i].label = best.key
        }
        return (found + known).sorted { $0.range < $1.range }
    }

    @Test(arguments: texts)
    func fastFindEqualsThePlainPath(text: String) throws {
        let recogniser = try EntityRecognizer.loadDefault()
        #expect(recogniser.find(in: text, tokens: nil) == Self.referenceFind(recogniser, text))
    }

    @Test func fastFindEqualsThePlainPathWithKnownNames() throws {
        let recogniser = try EntityRecognizer.loadDefault()
        // "Jordan" known as a place: the model's other readings of the same name follow it.
        let text = Self.texts[7]
        let known = [EntityMention(range: TextRange(start: 0, end: 6), label: .location, fromDictionary: true)]
        let fast = recogniser.find(in: text, tokens: nil, known: known)
        #expect(fast == Self.referenceFind(recogniser, text, known: known))
        #expect(fast.contains { $0.label == .location && !$0.fromDictionary })
    }

    /// Known names in any order, nested, overlapping, empty or past the model's names: a model name
    /// is dropped exactly when it overlaps one of them (found through the names sorted by start).
    @Test(arguments: [0, 1, 2, 3])
    func knownNamesDropOverlappingModelNamesAsComparingEachDoes(layout: Int) throws {
        let recogniser = try EntityRecognizer.loadDefault()
        for text in Self.texts where text.utf8.count > 20 {
            let words = EntityWordSplitter.split(text).map(\.range)
            var ranges: [TextRange]
            switch layout {
            case 0: ranges = words.enumerated().filter { $0.offset % 3 == 1 }.map(\.element).reversed()
            case 1: ranges = [TextRange(start: 0, end: Int32(text.utf8.count / 2)), TextRange(start: 2, end: 5), words[words.count - 1]]
            case 2: ranges = words.map { TextRange(start: $0.end, end: $0.end) } + [TextRange(start: words[1].start, end: words[4].end)]
            default: ranges = zip(words, words.dropFirst(2)).enumerated().filter { $0.offset % 4 == 0 }
                .map { TextRange(start: $0.element.0.start, end: $0.element.1.end) }
            }
            let known = ranges.map { EntityMention(range: $0, label: .organisation, fromDictionary: true) }
            #expect(recogniser.find(in: text, tokens: nil, known: known) == Self.referenceFind(recogniser, text, known: known))
        }
    }

    /// Model names merged with the sorted known names come out as sorting them all does (a model name
    /// first on an equal range; model names out of order are sorted).
    static let mergeCases: [(found: [(Int32, Int32)], known: [(Int32, Int32)])] = [
        ([(0, 4), (6, 9), (20, 25)], [(30, 35), (5, 6), (10, 12), (0, 2), (10, 12)]),
        ([(3, 8), (3, 9)], [(3, 8), (1, 2), (3, 8)]),
        ([(10, 12), (2, 4)], [(5, 6)]),
        ([], [(4, 5), (1, 2)]),
        ([(1, 2)], []),
    ]

    /// Places joining the known names (those overlapping none so far) come out as testing every name does:
    /// names and places in text order, overlapping at either end, nested, equal, touching, or out of order and
    /// empty (which take the name-by-name path).
    static let placeCases: [(names: [(Int32, Int32)], places: [(Int32, Int32)])] = [
        ([(0, 4), (10, 20), (30, 31)], [(3, 5), (4, 6), (8, 10), (12, 14), (19, 25), (20, 22), (22, 30), (29, 30), (31, 40)]),
        ([(5, 50), (6, 7)], [(0, 5), (0, 6), (49, 60), (50, 51), (60, 70), (65, 66), (70, 71)]),
        ([], [(1, 3), (2, 4), (3, 5), (5, 9), (9, 12)]),
        ([(2, 6)], [(1, 3), (5, 5), (5, 9), (9, 12)]),
        ([(3, 3), (3, 8), (2, 9)], [(0, 3), (3, 4), (8, 9), (9, 10)]),
        ([(10, 12), (0, 2)], [(1, 5), (11, 11), (12, 14)]),
        ([(0, 1), (1, 2), (1, 40), (2, 3)], [(0, 0), (3, 4), (39, 41), (40, 41), (41, 42)]),
        ([(4, 9)], [(5, 7), (1, 3), (8, 12)]),
    ]

    @Test(arguments: 0..<8)
    func placesJoinKnownNamesAsTestedOneByOne(index: Int) {
        let (names, places) = Self.placeCases[index]
        let known = names.map { EntityMention(range: TextRange(start: $0.0, end: $0.1), label: .organisation, fromDictionary: true) }
        let p = places.map { PlaceMention(range: TextRange(start: $0.0, end: $0.1), place: PlaceRef(name: "P"), score: 0.9) }
        var fast = known, plain = known
        EntityRecognizer.addPlaces(p, to: &fast)
        EntityRecognizer.addPlaces(p, to: &plain, plain: true)
        #expect(fast == plain)
        #expect(fast.count > known.count)
    }

    @Test(arguments: 0..<5)
    func mergedNamesAreTheSortedNames(index: Int) {
        let (found, known) = Self.mergeCases[index]
        let f = found.enumerated().map { EntityMention(range: TextRange(start: $0.element.0, end: $0.element.1),
                                                       label: $0.offset % 2 == 0 ? .person : .location, fromDictionary: false) }
        let k = known.enumerated().map { EntityMention(range: TextRange(start: $0.element.0, end: $0.element.1),
                                                       label: $0.offset % 2 == 0 ? .organisation : .location, fromDictionary: true) }
        #expect(EntityRecognizer.merged(f, k) == (f + k).sorted { $0.range < $1.range })
    }

    @Test func fastFindEqualsThePlainPathOnTheSeedArticles() throws {
        let recogniser = try EntityRecognizer.loadDefault()
        let seeds = Self.seeds()
        try #require(!seeds.isEmpty, "seed articles not found")
        for text in seeds {
            let fast = recogniser.find(in: text, tokens: nil)
            #expect(!fast.isEmpty)
            #expect(fast == Self.referenceFind(recogniser, text))
        }
    }

    @Test(arguments: ["Idlib", "al-Nusra", "U.S.", "1,200", "a", "SDF", "of", "McDonald's", "x1", "", "ab", "abc", "ABCD",
                      "Hay'at-Tahrir-al-Sham-Brigades", "--", "2018-07-01", "iPhone"])
    func lightAtomsCompletedAreTheFullAtoms(word: String) {
        var copy = word
        copy.withUTF8 { b in
            let full = NERFeatures.asciiAtoms(b)
            var light = NERFeatures.asciiLightAtoms(b)
            #expect(!light.complete)
            #expect(light.lower == full.lower && light.lowerFNV == full.lowerFNV && light.shortShape == full.shortShape)
            #expect(light.capitalised == full.capitalised && light.allCaps == full.allCaps && light.hasLetter == full.hasLetter)
            #expect(light.cannotStart == full.cannotStart && light.lowercaseWord == full.lowercaseWord)
            NERFeatures.completeASCII(&light, b)
            #expect(light.complete)
            #expect(light.word == full.word && light.shape == full.shape)
            #expect([light.prefixes.0, light.prefixes.1, light.prefixes.2, light.prefixes.3]
                    == [full.prefixes.0, full.prefixes.1, full.prefixes.2, full.prefixes.3])
            #expect([light.suffixes.0, light.suffixes.1, light.suffixes.2, light.suffixes.3]
                    == [full.suffixes.0, full.suffixes.1, full.suffixes.2, full.suffixes.3])
        }
    }

    @Test(arguments: ["“", "”", "—", "’s", "’S", "O’Brien", "…", "a—B", "‘Hay’at’", "x‱", "1–2", "DAESH’s", "\u{2066}"])
    func quoteAndDashAtomsAreTheUnicodeAtoms(word: String) throws {
        var copy = word
        let fast = try #require(copy.withUTF8 { NERFeatures.punctuatedAtoms($0) })
        let general = NERFeatures.unicodeAtoms(of: word)
        #expect(fast.word == general.word && fast.lower == general.lower && fast.lowerFNV == general.lowerFNV)
        #expect(fast.shape == general.shape && fast.shortShape == general.shortShape)
        #expect([fast.prefixes.0, fast.prefixes.1, fast.prefixes.2, fast.prefixes.3]
                == [general.prefixes.0, general.prefixes.1, general.prefixes.2, general.prefixes.3])
        #expect([fast.suffixes.0, fast.suffixes.1, fast.suffixes.2, fast.suffixes.3]
                == [general.suffixes.0, general.suffixes.1, general.suffixes.2, general.suffixes.3])
        #expect(fast.capitalised == general.capitalised && fast.allCaps == general.allCaps && fast.hasLetter == general.hasLetter)
        #expect(fast.cannotStart == general.cannotStart && fast.lowercaseWord == general.lowercaseWord && fast.complete)
    }

    @Test(arguments: ["Ḥamāh", "é", "\u{2071}", "Ⅻ", "Hay’at-Şam"])
    func wordsWithLettersBeyondASCIIGoThroughUnicodeCase(word: String) {
        var copy = word
        #expect(copy.withUTF8 { NERFeatures.punctuatedAtoms($0) } == nil)
    }

    @Test func placeMarksGrownWordByWordEqualLongestFirstMarks() {
        // Names that are prefixes of longer names, a name longer than the run, a name of seven words.
        let gazetteer = EntityGazetteer(placeNames: """
            # test
            Ras
            Ras al-Ain
            Ras al-Ain Upper Camp
            Tell Abyad
            Wadi
            One Two Three Four Five Six Seven
            Ḥamāh
            """)
        let sentences = [
            ["Shelling", "hit", "Ras", "al-Ain", "Upper", "Camp", "and", "Ras", "al-Ain", "Lower", "and", "Ras", "."],
            ["Tell", "Abyad", "Tell", "Wadi", "Abyad", "RAS", "AL-AIN", "near", "Ḥamāh"],
            ["One", "Two", "Three", "Four", "Five", "Six", "Seven"],
            ["Wadi"], [],
        ]
        for words in sentences {
            let atoms = words.map(NERFeatures.atoms(of:))
            var out = [UInt64](repeating: 7, count: atoms.count)
            atoms.withUnsafeBufferPointer { a in out.withUnsafeMutableBufferPointer { gazetteer.marks(a, into: $0.baseAddress!) } }
            #expect(out == gazetteer.marks(atoms))
            #expect(out == gazetteer.atoms([words])[0])
        }
        let first = sentences[0].map(NERFeatures.atoms(of:))
        #expect(gazetteer.marks(first).filter { $0 == EntityGazetteer.placeBegin }.count == 3)
    }

    @Test func batchedWeightSumsEqualOneFeatureAtATime() throws {
        let weights = try EntityRecognizer.loadDefault().weights
        let atoms = ["Idlib", "the", "Front", "said", "McDonald's", "1,200"].map(NERFeatures.atoms(of:))
        var hashes: [UInt64] = []
        let facts = NERFeatures.DocumentFacts([atoms])
        atoms.withUnsafeBufferPointer { a in
            for i in 0..<a.count {
                var f = [UInt64](repeating: 0, count: NERFeatures.staticCount)
                f.withUnsafeMutableBufferPointer { NERFeatures.tokenFeatures(a, i, headline: 0, dictionary: nil, facts: facts, into: $0.baseAddress!) }
                hashes += f
            }
        }
        hashes.append(12345)  // an unknown feature adds nothing
        var batched = [Int32](repeating: 3, count: 16), single = [Int32](repeating: 3, count: 16)
        for chunk in stride(from: 0, to: hashes.count, by: PerceptronWeightTable.batchLimit) {
            let part = Array(hashes[chunk..<min(hashes.count, chunk + PerceptronWeightTable.batchLimit)])
            part.withUnsafeBufferPointer { h in batched.withUnsafeMutableBufferPointer { weights.add(h.baseAddress!, count: h.count, to: $0.baseAddress!) } }
        }
        for h in hashes { single.withUnsafeMutableBufferPointer { weights.add(h, to: $0.baseAddress!) } }
        #expect(batched == single)
        #expect(batched[0..<EntityTagIndex.count].contains { $0 != 3 })
        #expect(batched[EntityTagIndex.count...].allSatisfy { $0 == 3 })
    }
}

/// `NameKey.fold`'s ASCII path gives what the general path gives: the same text with a combining
/// accent added at the end (which the fold drops) goes through the general path.
@Suite struct NameKeyASCIIFoldTests {
    @Test(arguments: ["Deir ez-Zor", "Qal'at al-Madiq", "  -Abu--Kamal- ", "Ras`al", "U.S.", "Tell 12 (north)", "a", "'", "--", "ALEPPO", "x-1_y"])
    func asciiFoldEqualsTheGeneralFold(text: String) {
        #expect(NameKey.folded(text) == NameKey.folded(text + "\u{0301}"))
        #expect(!NameKey.folded(text).hasPrefix(" ") && !NameKey.folded(text).hasSuffix(" "))
    }
}
