import Foundation
import SitrepCore
import SitrepLanguage
import Testing
@testable import SitrepKnowledge

/// The tagger's grouped scoring (word-type cache, per-document neighbourhood blocks, the weight table's
/// history and mark blocks, light atoms completed only as far as needed) gives exactly the tags of
/// scoring every feature of `NERFeatures.tokenFeatures` and `historyFeatures` one at a time.
@Suite struct NERBlockScoringTests {
    /// The straightforward tagger: same skipping rules, every feature hashed and looked up on its own.
    static func referenceTags(_ r: EntityRecognizer, _ document: [[NERFeatures.Atoms]]) -> [[Int]] {
        let facts = NERFeatures.DocumentFacts(document)
        var memory = NERLabelMemory()
        var result: [[Int]] = []
        for sentence in document {
            let marks = r.dictionary?.sentenceAtoms(sentence)
            let headline: UInt64 = NERFeatures.isHeadline(sentence) ? 1 : 0
            var out = [Int](repeating: 0, count: sentence.count)
            var t1 = PerceptronDecoder.startTag, t2 = PerceptronDecoder.startTag
            sentence.withUnsafeBufferPointer { a in
                for i in 0..<a.count {
                    let skip = (t1 == 0 || t1 == PerceptronDecoder.startTag) ? a[i].cannotStart
                        : a[i].lowercaseWord && !r.connectors.contains(a[i])
                    if skip { t2 = t1; t1 = 0; continue }
                    var f = [UInt64](repeating: 0, count: NERFeatures.staticCount)
                    f.withUnsafeMutableBufferPointer {
                        NERFeatures.tokenFeatures(a, i, headline: headline, dictionary: marks, facts: facts, into: $0.baseAddress!)
                    }
                    var h = [UInt64](repeating: 0, count: NERFeatures.historyCount)
                    let word = NERFeatures.feature(3, a[i].lower)
                    NERFeatures.historyFeatures(previous: t1, beforeThat: t2, lower: word, shortShape: NERFeatures.feature(5, a[i].shortShape),
                                                memory: memory.majority(word), into: &h)
                    var scores = [Int32](repeating: 0, count: EntityTagIndex.count)
                    scores.withUnsafeMutableBufferPointer { s in for x in f + h { r.weights.add(x, to: s.baseAddress!) } }
                    var best = 0
                    for t in 1..<EntityTagIndex.count where scores[t] > scores[best] && EntityTagIndex.allowed(t, after: t1) { best = t }
                    out[i] = best
                    t2 = t1; t1 = best
                }
            }
            for i in out.indices where out[i] > 0 { memory.record(NERFeatures.feature(3, sentence[i].lower), tag: out[i]) }
            result.append(out)
        }
        return result
    }

    /// A text's tokens and sentences as the recogniser splits them.
    static func split(_ text: String) -> (tokens: [Token], sentences: [Range<Int>]) {
        let utf8 = Array(text.utf8)
        let tokens = EntityWordSplitter.split(text)
        var sentences: [Range<Int>] = []
        var start = 0
        for i in tokens.indices {
            let r = tokens[i].range
            var breakAfter = r.length == 1 && [0x2E, 0x21, 0x3F].contains(utf8[Int(r.start)])
            if i + 1 < tokens.count, utf8[Int(r.end)..<Int(tokens[i + 1].range.start)].contains(0x0A) { breakAfter = true }
            if breakAfter || i + 1 == tokens.count { sentences.append(start..<(i + 1)); start = i + 1 }
        }
        return (tokens, sentences)
    }

    /// Tags of the grouped tagger for a text: from full atoms, and from light atoms completed on demand.
    static func fastTags(_ r: EntityRecognizer, _ text: String) -> (full: [[Int]], light: [[Int]], reference: [[Int]]) {
        let (tokens, sentences) = split(text)
        let utf8 = Array(text.utf8)
        let words = tokens.map { String(decoding: utf8[Int($0.range.start)..<Int($0.range.end)], as: UTF8.self) }
        let document = sentences.map { $0.map { NERFeatures.atoms(of: words[$0]) } }
        let full = r.tagIndexes(atoms: document)
        var light = words.map { w -> NERFeatures.Atoms in
            var copy = w
            return copy.withUTF8 { b in b.allSatisfy { $0 < 0x80 } ? NERFeatures.asciiLightAtoms(b) : NERFeatures.atoms(of: w) }
        }
        let flat = utf8.withUnsafeBufferPointer { b in
            tokens.withUnsafeBufferPointer { t in r.tagIndexes(flat: &light, sentences: sentences, words: (b.baseAddress!, t.baseAddress!)) }
        }
        return (full, sentences.map { Array(flat[$0]) }, referenceTags(r, document))
    }

    static let texts: [String] = [
        "Fighters of the Tamarisk Front shelled Qal'at Yamur on Tuesday, the Ostrava Monitor said.",
        "Commander Idris Okonjo met Mira Santoro in Port Aldane. Okonjo said Santoro of the Aldane Council agreed. Okonjo left.",
        "BREAKING NEWS FROM THE NORTH\nTroops of the Ardent Shield entered Vel Harun.\nVel Harun was calm later.",
        "Jordan said Jordan would close the border; Jordan Pike, a reporter, said nothing about Jordan. Pike said so.",
        "Reports from U.S. and U.K. officials: 45 killed near Harran's market (AP) — officials in Harran said.",
        "Shelling hit Aleppo, Idlib and Deir ez-Zor; the Syrian Democratic Forces and the Free Syrian Army said Raqqa held.",
        "Émile Zørn and Ḥasan al-Ṭayyib visited São Lucas and Kraków, then İzmir.",
        "A B C D E F. G H I J K L M N O P Q R S T U V W X Y Z. Kael Vorn said Q and R met in Dunmar.",
    ]

    @Test(arguments: texts)
    func groupedScoringEqualsFeatureByFeature(text: String) throws {
        let r = try EntityRecognizer.loadDefault()
        let (full, light, reference) = Self.fastTags(r, text)
        #expect(full == reference)
        #expect(light == reference)
        #expect(reference.joined().contains { $0 != 0 })
    }

    @Test func groupedScoringEqualsFeatureByFeatureOnTheSeedArticles() throws {
        let r = try EntityRecognizer.loadDefault()
        let seeds = PlaceSeedsTests.seeds()
        try #require(!seeds.isEmpty, "seed articles not found")
        for text in seeds {
            let (full, light, reference) = Self.fastTags(r, text)
            #expect(full == reference)
            #expect(light == reference)
        }
    }

    /// Word-feature sums kept across documents (`NERWordScoreMemo`) and per-type neighbour scores: a
    /// recogniser that has tagged other documents first (the words' sums then come from the memo) tags
    /// each text as the reference does, in any order and a second time.
    @Test(arguments: [0, 3, 6])
    func wordSumsKeptAcrossDocumentsGiveTheSameTags(rotation: Int) throws {
        let r = try EntityRecognizer.loadDefault()
        let texts = Array(Self.texts[rotation...] + Self.texts[..<rotation])
        for pass in 0..<2 {
            for text in texts {
                let (full, light, reference) = Self.fastTags(r, text)
                #expect(full == reference, "pass \(pass): \(text)")
                #expect(light == reference, "pass \(pass): \(text)")
            }
        }
        #expect(r.wordMemo.count > 20)
    }

    /// One feature's vector (`PerceptronWeightTable.vector`) is the batch sum of that feature alone.
    @Test func oneFeatureVectorIsItsSum() throws {
        let weights = try EntityRecognizer.loadDefault().weights
        var nonZero = 0
        for word in ["Okonjo", "the", "said", "of", "in", ",", "zzqx-unknown"] {
            let lower = NERFeatures.atoms(of: word).lower
            for template: UInt64 in [3, 14, 15, 16, 17] {
                var h = NERFeatures.feature(template, lower)
                let v = weights.vector(h)
                #expect(v == weights.sum(&h, count: 1), "\(word) template \(template)")
                if v != SIMD16<Int32>(repeating: 0) { nonZero += 1 }
            }
        }
        #expect(nonZero > 5)
    }

    @Test func marksOutsideThePlaceMarksAreScoredOneByOne() throws {
        // A dictionary whose marks are any value (here the word's own hash for capitalised words): the
        // mark blocks do not cover them, and the tags still equal feature-by-feature scoring.
        let marks: @Sendable ([NERFeatures.Atoms]) -> [UInt64] = { $0.map { $0.capitalised ? $0.lower : 0 } }
        let dictionary = EntityDictionaryFeatures(
            atoms: { $0.map { $0.map { NERFeatures.atoms(of: $0).capitalised ? NERFeatures.atoms(of: $0).lower : 0 } } },
            sentenceAtoms: marks,
            marks: { a, out in for (i, m) in marks(Array(a)).enumerated() { out[i] = m } })
        let shipped = try EntityRecognizer.loadDefault()
        let r = try EntityRecognizer(file: shipped.weightFile(), input: "shipped weights", dictionary: dictionary)
        for text in Self.texts {
            let (full, light, reference) = Self.fastTags(r, text)
            #expect(full == reference)
            #expect(light == reference)
        }
    }

    @Test func documentsWithThousandsOfShapesFallBackToOneByOne() throws {
        // Over 4,095 distinct word shapes: windows with the later shapes are scored feature by feature.
        let classes: [Character] = ["A", "b", "7"]
        var words: [String] = []
        var k = 0
        while words.count < 4300 {
            var w = "A", n = k, last = 0
            for _ in 0..<13 {
                var c = n % 2
                n /= 2
                if c >= last { c += 1 }
                w.append(classes[c]); last = c
            }
            words.append(w)
            k += 1
        }
        let text = words.joined(separator: " ") + " met Idris Okonjo in Port Aldane."
        let r = try EntityRecognizer.loadDefault()
        let (full, light, reference) = Self.fastTags(r, text)
        #expect(full == reference)
        #expect(light == reference)
    }

    @Test func historyAndMarkBlocksAreTheSumsOfTheirFeatures() throws {
        let weights = try EntityRecognizer.loadDefault().weights
        #expect(PerceptronWeightTable.historyTags == PerceptronDecoder.startTag + 1)
        func sum(_ hashes: [UInt64]) -> [Int32] {
            var s = [Int32](repeating: 0, count: EntityTagIndex.count)
            s.withUnsafeMutableBufferPointer { p in for h in hashes { weights.add(h, to: p.baseAddress!) } }
            return s
        }
        func lanes(_ v: SIMD16<Int32>) -> [Int32] { (0..<EntityTagIndex.count).map { v[$0] } }
        var nonZero = 0
        for t2 in 0...PerceptronDecoder.startTag {
            for t1 in 0...PerceptronDecoder.startTag {
                for memory in UInt64(0)...4 {
                    let expected = sum([NERFeatures.feature(40, UInt64(t1)), NERFeatures.feature(41, UInt64(t2), UInt64(t1)),
                                        NERFeatures.feature(45, memory)])
                    let block = lanes(weights.historyBlocks[PerceptronWeightTable.historyIndex(t1, t2, memory)])
                    #expect(block == expected)
                    if block.contains(where: { $0 != 0 }) { nonZero += 1 }
                }
            }
        }
        #expect(nonZero > 100)
        let values = [weights.markValues.0, weights.markValues.1, weights.markValues.2]
        #expect(values.map(weights.markIndex) == [0, 1, 2])
        #expect(weights.markIndex(12345) == 3)
        for (b, before) in values.enumerated() {
            for (a, at) in values.enumerated() {
                for (c, after) in values.enumerated() {
                    #expect(lanes(weights.markBlocks[9 * b + 3 * a + c])
                            == sum([NERFeatures.feature(31, at), NERFeatures.feature(33, before, at, after)]))
                }
            }
        }
    }

    /// The argmax's table of allowed successors is `EntityTagIndex.allowed`, for every previous tag and the start.
    @Test(arguments: Array(0...PerceptronDecoder.startTag))
    func allowedTagMasksAreTheBIORule(previous: Int) {
        for t in 0..<EntityTagIndex.count {
            #expect((PerceptronDecoder.allowedTags[previous] >> UInt16(t)) & 1 == (EntityTagIndex.allowed(t, after: previous) ? 1 : 0))
        }
        // The masked argmax equals the plain one on scores that favour each tag in turn.
        for favoured in 0..<EntityTagIndex.count {
            var scores = [Int32](repeating: 0, count: 16)
            scores[favoured] = 9; scores[(favoured + 3) % EntityTagIndex.count] = 5
            let plain = PerceptronDecoder.argmax(scores.map(Float.init)[0..<EntityTagIndex.count].map { $0 }, after: previous)
            #expect(scores.withUnsafeBufferPointer { PerceptronDecoder.argmax($0.baseAddress!, after: previous) } == plain)
        }
    }

    /// The vector argmax picks what the scalar loop picks: ties to the first tag, lanes past the nine
    /// tags ignored whatever they hold, `Int32.min` and `Int32.max` scores, every previous tag.
    @Test(arguments: Array(0...PerceptronDecoder.startTag))
    func vectorArgmaxEqualsTheScalarLoop(previous: Int) {
        var rng = SplitMix64(seed: UInt64(previous) &+ 17)
        let edge: [Int32] = [Int32.min, Int32.min + 1, -1, 0, 1, Int32.max - 1, Int32.max]
        let lanes = PerceptronDecoder.allowedLanes[previous], fill = PerceptronDecoder.disallowedFill[previous]
        for round in 0..<4000 {
            var v = SIMD16<Int32>(repeating: 0)
            for t in 0..<16 {
                switch round % 4 {
                case 0: v[t] = Int32(truncatingIfNeeded: rng.next())
                case 1: v[t] = Int32(truncatingIfNeeded: rng.next() % 4)  // many ties
                case 2: v[t] = edge[Int(rng.next() % UInt64(edge.count))]
                default: v[t] = t < EntityTagIndex.count ? Int32.min : Int32(truncatingIfNeeded: rng.next())
                }
            }
            let scalar = withUnsafeTemporaryAllocation(of: Int32.self, capacity: 16) { p in
                for t in 0..<16 { p[t] = v[t] }
                return PerceptronDecoder.argmax(p.baseAddress!, allowed: PerceptronDecoder.allowedTags[previous],
                                                tagCount: EntityTagIndex.count)
            }
            #expect(PerceptronDecoder.argmax(v, lanes: lanes, fill: fill) == scalar)
        }
    }

    /// The decoder's argmax over the tags that may follow (B- tags in order, then the one I- tag) picks what
    /// the scalar loop over every allowed tag picks: ties to the first tag, `Int32.min` and `Int32.max`
    /// scores, lanes past the nine tags ignored, every previous tag.
    @Test(arguments: Array(0...PerceptronDecoder.startTag))
    func followerArgmaxEqualsTheScalarLoop(previous: Int) {
        var rng = SplitMix64(seed: UInt64(previous) &+ 91)
        let edge: [Int32] = [Int32.min, Int32.min + 1, -1, 0, 1, Int32.max - 1, Int32.max]
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 16) { p in
            let p = p.baseAddress!
            for round in 0..<4000 {
                for t in 0..<16 {
                    switch round % 4 {
                    case 0: p[t] = Int32(truncatingIfNeeded: rng.next())
                    case 1: p[t] = Int32(truncatingIfNeeded: rng.next() % 3)  // many ties
                    case 2: p[t] = edge[Int(rng.next() % UInt64(edge.count))]
                    default: p[t] = t < EntityTagIndex.count ? Int32(truncatingIfNeeded: rng.next() % 2) : Int32.max
                    }
                }
                let scalar = PerceptronDecoder.argmax(p, allowed: PerceptronDecoder.allowedTags[previous], tagCount: EntityTagIndex.count)
                #expect(PerceptronDecoder.argmax(UnsafePointer(p), previous: previous) == scalar)
            }
        }
    }

    @Test(arguments: ["Idlib", "al-Nusra", "U.S.", "of", "ab", "abc", "ABCD", "McDonald's", ""])
    func wordAndSuffixCompletionMatchesTheFullAtoms(word: String) {
        var copy = word
        copy.withUTF8 { b in
            let full = NERFeatures.asciiAtoms(b)
            var light = NERFeatures.asciiLightAtoms(b)
            NERFeatures.completeWordAndSuffix(&light, b)
            #expect(light.word == full.word && light.suffixes.2 == full.suffixes.2)
            #expect(!light.complete)
        }
    }
}
