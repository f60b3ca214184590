import Foundation
import SitrepCore
import Testing
@testable import SitrepKnowledge

@Suite struct NERTests {
    /// A tiny corpus where a name after "commander" is a person and a name after "in" is a place.
    static let tiny = """
    -DOCSTART- -X- -X- O

    The X X O
    commander X X O
    Zarek X X B-PER
    Holm X X I-PER
    spoke X X O
    in X X O
    Vandor X X B-LOC
    . X X O

    Commander X X O
    Brin X X B-PER
    Tosk X X I-PER
    arrived X X O
    in X X O
    Quell X X B-LOC
    . X X O

    A X X O
    commander X X O
    Orla X X B-PER
    Menk X X I-PER
    waited X X O
    in X X O
    Pirth X X B-LOC
    . X X O

    The X X O
    Movement X X B-ORG
    of X X I-ORG
    Dawn X X I-ORG
    met X X O
    in X X O
    Sarn X X B-LOC
    . X X O
    """

    @Test func tinyTrainingRunLearnsAPattern() throws {
        let corpus = try EntityCorpus(text: Self.tiny)
        #expect(corpus.sentenceCount == 4)
        let recogniser = try EntityRecognizer.train(on: corpus, options: .init(epochs: 8, seed: 7))
        let tags = recogniser.tag(tokens: ["The", "commander", "Kael", "Vorn", "stayed", "in", "Dunmar", "."])
        #expect(tags.map { $0?.description ?? "O" } == ["O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"])
    }

    @Test func weightFileRoundTrips() throws {
        let corpus = try EntityCorpus(text: Self.tiny)
        let recogniser = try EntityRecognizer.train(on: corpus, options: .init(epochs: 5))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ner-\(UUID().uuidString).bin")
        try recogniser.weightFile(pruneBelow: 0).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try EntityRecognizer.load(from: url)
        let words = ["A", "commander", "Tal", "Wren", "waited", "in", "Ostra", "."]
        #expect(loaded.tag(tokens: words) == recogniser.tag(tokens: words))
    }

    @Test func badWeightFileIsRejectedWithItsName() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).bin")
        try Data("not weights at all, sorry".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: SitrepError.self) { try EntityRecognizer.load(from: url) }
        #expect(error?.code == "knowledge.badWeights")
        #expect(error?.input == url.path)
    }

    @Test func corpusReaderAcceptsIOB1AndNamesBadLines() throws {
        let iob1 = "Ann X X I-PER\nLee X X I-PER\nand X X O\nBo X X I-PER\nsaw X X O\nRome X X I-LOC\nParis X X B-LOC\n"
        let corpus = try EntityCorpus(text: iob1, input: "iob1.txt")
        let spans = EntitySpans.spans(corpus.documents[0].sentences[0].map(\.tag))
        #expect(spans.map { [$0.start, $0.end] } == [[0, 2], [3, 4], [5, 6], [6, 7]])
        let error = #expect(throws: SitrepError.self) { try EntityCorpus(text: "ok X X O\nbad X X Q-PER\n", input: "x.txt") }
        #expect(error?.input == "x.txt:2")
    }

    @Test func evaluationDropsMiscAndCountsExactSpans() {
        var e = EntityEvaluation()
        let gold: [EntityTag?] = [EntityTag("B-PER"), EntityTag("I-PER"), nil, EntityTag("B-MISC"), EntityTag("B-LOC")]
        let predicted: [EntityTag?] = [EntityTag("B-PER"), nil, nil, EntityTag("B-ORG"), EntityTag("B-LOC")]
        e.add(gold: gold, predicted: predicted)
        #expect(e.overall.gold == 2)
        #expect(e.overall.predicted == 3)
        #expect(e.overall.truePositives == 1)
    }

    @Test func shippedModelFindsNamesInNoDictionary() throws {
        let recogniser = try EntityRecognizer.loadDefault()
        let text = "Yusuf Karam, a commander in the group, told reporters in Damascus on Monday that Ammar Hammo had left for Aleppo."
        let found = recogniser.find(in: text, tokens: nil)
        let names = found.map { (text.slice($0.range)!, $0.label) }
        #expect(names.contains { $0.0 == "Yusuf Karam" && $0.1 == .person })
        #expect(names.contains { $0.0 == "Ammar Hammo" && $0.1 == .person })
        #expect(names.contains { $0.0 == "Damascus" && $0.1 == .location })
        #expect(found.allSatisfy { !$0.fromDictionary })
    }

    @Test func dictionaryHitsWinOverTheModel() throws {
        let recogniser = try EntityRecognizer.loadDefault()
        let text = "Fighters of Hayat Tahrir al-Sham entered the town."
        let start = Int32(text.utf8.count - "Hayat Tahrir al-Sham entered the town.".utf8.count)
        let known = [EntityMention(range: TextRange(start: start, end: start + Int32("Hayat Tahrir al-Sham".utf8.count)),
                                   label: .organisation, fromDictionary: true)]
        let found = recogniser.find(in: text, tokens: nil, known: known)
        #expect(found.filter { $0.range.overlaps(known[0].range) } == known)
    }

    @Test(arguments: ["Idlib", "al-Nusra", "U.S.", "1,200", "a", "SDF", "of", "McDonald's", "x1", "", "Hay'at-Tahrir-al-Sham-Brigades"])
    func byteAtomsEqualTheGeneralAtoms(word: String) {
        var copy = word
        let fast = copy.withUTF8 { NERFeatures.asciiAtoms($0) }
        let general = NERFeatures.unicodeAtoms(of: word)
        #expect(fast.word == general.word && fast.lower == general.lower)
        #expect(fast.shape == general.shape && fast.shortShape == general.shortShape)
        #expect([fast.prefixes.0, fast.prefixes.1, fast.prefixes.2, fast.prefixes.3]
                == [general.prefixes.0, general.prefixes.1, general.prefixes.2, general.prefixes.3])
        #expect([fast.suffixes.0, fast.suffixes.1, fast.suffixes.2, fast.suffixes.3]
                == [general.suffixes.0, general.suffixes.1, general.suffixes.2, general.suffixes.3])
        #expect(fast.capitalised == general.capitalised && fast.allCaps == general.allCaps && fast.hasLetter == general.hasLetter)
    }

    @Test func wordAndContextFeaturesAreTheTokenFeatures() {
        let atoms = ["Rebels", "of", "Jaish", "al-Islam", "shelled", "Douma", "."].map(NERFeatures.atoms(of:))
        let facts = NERFeatures.DocumentFacts([atoms])
        let dict: [UInt64] = [0, 0, 0, 0, 0, EntityGazetteer.placeBegin, 0]
        let k = NERFeatures.staticCount, w = NERFeatures.wordCount
        atoms.withUnsafeBufferPointer { a in
            for i in 0..<a.count {
                var whole = [UInt64](repeating: 0, count: k), split = [UInt64](repeating: 0, count: k)
                whole.withUnsafeMutableBufferPointer {
                    NERFeatures.tokenFeatures(a, i, headline: 0, dictionary: dict, facts: facts, into: $0.baseAddress!)
                }
                split.withUnsafeMutableBufferPointer {
                    NERFeatures.wordFeatures(a[i], first: i == 0 ? 1 : 0, headline: 0, facts: facts, into: $0.baseAddress!)
                    NERFeatures.contextFeatures(a, i, dictionary: dict, into: $0.baseAddress! + w)
                }
                #expect(whole.sorted() == split.sorted())
                #expect(whole[2] == split[2] && whole[4] == split[4])
            }
        }
    }

    @Test func placeMarksFromAtomsEqualMarksFromWords() throws {
        let gazetteer = EntityGazetteer(placeNames: "# test\nDeir ez-Zor\nIdlib\nRas al-Ain\nḤamāh\n")
        let words = ["Shelling", "hit", "Deir", "ez-Zor", "and", "RAS", "AL-AIN", "near", "Idlib", "and", "Ḥamāh", "."]
        let marks = gazetteer.atoms([words])[0]
        #expect(gazetteer.marks(words.map(NERFeatures.atoms(of:))) == marks)
        #expect(marks.filter { $0 == EntityGazetteer.placeBegin }.count == 4)
    }

    @Test func shippedConnectorsLoadAndBadRowsNameTheirLine() throws {
        let connectors = try EntityNameConnectors.loadDefault()
        #expect(connectors.contains(NERFeatures.atoms(of: "of")))
        #expect(connectors.contains(NERFeatures.atoms(of: "bin")))
        #expect(!connectors.contains(NERFeatures.atoms(of: "said")))
        let error = #expect(throws: SitrepError.self) { try EntityNameConnectors(text: "# c\nof\nOf Course\n", input: "c.tsv") }
        #expect(error?.input == "c.tsv:3")
        let twice = #expect(throws: SitrepError.self) { try EntityNameConnectors(text: "de\nde\n", input: "c.tsv") }
        #expect(twice?.code == "data.duplicateWord")
    }

    @Test func aLowercaseWordAfterANameIsScoredOnlyWhenItCanConnect() throws {
        // The tiny model tags lowercase words inside names; with the connectors, "spoke" ends the name
        // unscored while "of" may still continue one.
        let corpus = try EntityCorpus(text: Self.tiny)
        let recogniser = try EntityRecognizer.train(on: corpus, options: .init(epochs: 8, seed: 7))
        let tags = recogniser.tag(tokens: ["The", "Movement", "of", "Dawn", "spoke", "in", "Sarn", "."])
        #expect(tags.map { $0?.description ?? "O" } == ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-LOC", "O"])
    }

    @Test func wordsWithoutCapitalsCannotStartANameOthersCan() {
        #expect(NERFeatures.atoms(of: "fighters").cannotStart)
        #expect(NERFeatures.atoms(of: "1,200").cannotStart)
        #expect(NERFeatures.atoms(of: ",").cannotStart)
        #expect(!NERFeatures.atoms(of: "al-Nusra").cannotStart)
        #expect(!NERFeatures.atoms(of: "Raqqa").cannotStart)
        #expect(!NERFeatures.atoms(of: "Ħama").cannotStart)
    }

    @Test func skippingUncapitalisedWordsKeepsTheTrainedModelsTags() throws {
        // The fast tagger (quantised weights, skipped lowercase tokens) against the full decoder: the
        // same tags where names are capitalised, and no call to the model in an uncapitalised sentence.
        let corpus = try EntityCorpus(text: Self.tiny)
        let recogniser = try EntityRecognizer.train(on: corpus, options: .init(epochs: 8, seed: 7))
        let document = [["The", "commander", "Kael", "Vorn", "stayed", "in", "Dunmar", "."],
                        ["the", "movement", "of", "dawn", "met", "in", "sarn", "."]]
        let features = NERFeatures.staticFeatures(document: document, dictionary: recogniser.dictionary?.atoms(document))
        let full = PerceptronDecoder.decode(document: features, model: recogniser.model!)
        let fast = recogniser.tag(document: document).map { $0.map(EntityTagIndex.index(of:)) }
        #expect(fast[0] == full[0])
        #expect(fast[0].contains { $0 != 0 })
        #expect(fast[1].allSatisfy { $0 == 0 })
    }

    @Test func labelMemoryRemembersTheMostFrequentTypeOfAWord() {
        var memory = NERLabelMemory()
        let word = NERFeatures.hash("idlib".utf8)
        #expect(memory.majority(word) == 0)
        memory.record(word, tag: EntityTagIndex.index(of: EntityTag("B-LOC")))
        memory.record(word, tag: EntityTagIndex.index(of: EntityTag("B-PER")))
        memory.record(word, tag: EntityTagIndex.index(of: EntityTag("I-LOC")))
        memory.record(word, tag: 0)
        #expect(memory.majority(word) == 3)  // LOC: the third label
        #expect(memory.majority(NERFeatures.hash("aleppo".utf8)) == 0)
    }

    @Test func actorsAndPlacesBecomeDictionaryEntities() throws {
        let recogniser = try EntityRecognizer.loadDefault()
        let matcher = try ActorMatcher.loadDefault()
        let text = "Rebels and the SDF met Samir Qabbani near Qartaba on Sunday."
        let actors = matcher.find(in: text, tokens: nil)
        let r = text.utf8.count - " on Sunday.".utf8.count
        let place = PlaceMention(range: TextRange(r - "Qartaba".utf8.count, r),
                                 place: PlaceRef(name: "Qartaba"), score: 0.9)
        let found = recogniser.entities(in: text, tokens: nil, actors: actors, places: [place])
        let byText = Dictionary(found.map { (text.slice($0.range)!, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["SDF"]?.label == .organisation && byText["SDF"]?.fromDictionary == true)
        #expect(byText["Qartaba"]?.label == .location && byText["Qartaba"]?.fromDictionary == true)
        #expect(byText["Rebels"] == nil)  // a generic group is no name
        #expect(byText["Samir Qabbani"]?.label == .person && byText["Samir Qabbani"]?.fromDictionary == false)
    }

    @Test func oneNameKeepsOneLabelAndAffiliatedPeopleArePersons() throws {
        let recogniser = try EntityRecognizer.loadDefault()
        let matcher = try ActorMatcher.loadDefault()
        let text = "Abu Khalil Tadef, commander of the Free Syrian Army, spoke. Later Abu Khalil Tadef met the envoy in Homs."
        let found = matcher.analyze(text, tokens: nil)
        let entities = recogniser.entities(in: text, tokens: nil, actors: found.mentions, places: [],
                                           affiliations: found.affiliations)
        let named = entities.filter { text.slice($0.range) == "Abu Khalil Tadef" }
        #expect(named.count == 2)
        #expect(named.allSatisfy { $0.label == .person })
    }

    @Test func wordSplitterKeepsArabicNamesAndSplitsPossessives() {
        let text = "Assad’s men, al-Sham's allies and the U.S. (AP) — Hay‘at."
        let words = EntityWordSplitter.split(text).map { text.slice($0.range)! }
        #expect(words == ["Assad", "’s", "men", ",", "al-Sham", "'s", "allies", "and", "the", "U.S.", "(", "AP", ")", "—", "Hay‘at", "."])
    }
}
