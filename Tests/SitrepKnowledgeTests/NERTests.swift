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

    @Test func wordSplitterKeepsArabicNamesAndSplitsPossessives() {
        let text = "Assad’s men, al-Sham's allies and the U.S. (AP) — Hay‘at."
        let words = EntityWordSplitter.split(text).map { text.slice($0.range)! }
        #expect(words == ["Assad", "’s", "men", ",", "al-Sham", "'s", "allies", "and", "the", "U.S.", "(", "AP", ")", "—", "Hay‘at", "."])
    }
}
