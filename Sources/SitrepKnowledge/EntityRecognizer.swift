import Foundation
import SitrepCore
import SitrepLanguage

/// Optional dictionary features for the recogniser: one atom per token (0 = not in a dictionary name).
struct EntityDictionaryFeatures: Sendable {
    let atoms: @Sendable ([[String]]) -> [[UInt64]]
}

/// The learned named-entity recogniser: an averaged perceptron over BIO tags (greedy left-to-right
/// with the two previous tags as features), trained on CoNLL-2003 by `sitrep train ner`, its weights
/// shipped as `Resources/ner-weights.bin`. Finds persons, organisations and places in no dictionary.
public struct EntityRecognizer: Sendable {
    let model: PerceptronModel
    let dictionary: EntityDictionaryFeatures?

    init(model: PerceptronModel, dictionary: EntityDictionaryFeatures?) {
        self.model = model; self.dictionary = dictionary
    }

    /// The shipped weights.
    public static func loadDefault() throws -> EntityRecognizer {
        guard let url = Bundle.module.url(forResource: "ner-weights", withExtension: "bin", subdirectory: "Resources") else {
            throw SitrepError(code: "knowledge.missingResource", input: "ner-weights.bin",
                              message: "the NER weight file is missing from the SitrepKnowledge bundle")
        }
        return try load(from: url)
    }

    /// Weights from a file written by `sitrep train ner`.
    public static func load(from url: URL) throws -> EntityRecognizer {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SitrepError(code: "knowledge.unreadableWeights", input: url.path,
                              message: "cannot read the NER weight file: \(error.localizedDescription)")
        }
        return EntityRecognizer(model: try PerceptronModel(data: data, input: url.path), dictionary: try defaultDictionaryFeatures)
    }

    /// Trains a recogniser on a tagged corpus.
    public static func train(on corpus: EntityCorpus, options: PerceptronTrainer.Options = .init(),
                             progress: PerceptronTrainer.Progress? = nil) throws -> EntityRecognizer {
        let dict = try defaultDictionaryFeatures
        let model = PerceptronTrainer(options: options).train(documents: corpus.documents, dictionary: dict, progress: progress)
        return EntityRecognizer(model: model, dictionary: dict)
    }

    /// The dictionary features the shipped model was trained with: place names and the actor dictionary.
    static var defaultDictionaryFeatures: EntityDictionaryFeatures? {
        get throws { try cachedGazetteer.get() }
    }

    private static let cachedGazetteer: Result<EntityDictionaryFeatures?, Error> = Result {
        let gazetteer = try EntityGazetteer.loadDefault()
        return EntityDictionaryFeatures(atoms: { gazetteer.atoms($0) })
    }

    /// The weight file: features whose weights are all below `pruneBelow` in magnitude are left out.
    public func weightFile(pruneBelow: Float = 0.5) -> Data { model.encoded(pruneBelow: pruneBelow) }

    /// Tags for one sentence of words (`nil` is `O`).
    public func tag(tokens: [String]) -> [EntityTag?] { tag(document: [tokens])[0] }

    /// Tags for the sentences of one document (document-level features see all of them).
    public func tag(document: [[String]]) -> [[EntityTag?]] {
        let features = NERFeatures.staticFeatures(document: document, dictionary: dictionary?.atoms(document))
        return PerceptronDecoder.decode(document: features, model: model).map { $0.map(EntityTagIndex.tag(at:)) }
    }

    /// Persons, organisations and places in a document's text. `tokens` are the language layer's (or
    /// `EntityWordSplitter`'s when nil); `known` are dictionary hits, which win over the model's names
    /// they overlap. MISC names are left out. Sorted by start offset.
    public func find(in text: String, tokens: [Token]?, known: [EntityMention] = []) -> [EntityMention] {
        let utf8 = Array(text.utf8)
        // Tokens from elsewhere that reach past the text are left out rather than trusted.
        let tokens = (tokens ?? EntityWordSplitter.split(text)).filter { $0.range.end <= Int32(utf8.count) && !$0.range.isEmpty }
        guard !tokens.isEmpty else { return known.sorted { $0.range < $1.range } }
        // Sentences: after . ! ? and at line breaks.
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
        let words: [[String]] = sentences.map { range in
            range.map { i in
                let r = tokens[i].range
                return String(decoding: utf8[Int(r.start)..<Int(r.end)], as: UTF8.self)
            }
        }
        let tags = tag(document: words)
        var found: [EntityMention] = []
        for (s, range) in sentences.enumerated() {
            for span in EntitySpans.spans(tags[s]) where span.label != .misc {
                let r = TextRange(start: tokens[range.lowerBound + span.start].range.start,
                                  end: tokens[range.lowerBound + span.end - 1].range.end)
                if known.contains(where: { $0.range.overlaps(r) }) { continue }
                found.append(EntityMention(range: r, label: span.label, fromDictionary: false))
            }
        }
        return (found + known).sorted { $0.range < $1.range }
    }
}

extension EntityRecognizer {
    /// The entity list of `KnowledgeAnnotations`: dictionary actors (persons PER, states LOC, named
    /// organisations ORG) and gazetteer places (LOC) win; the model adds the names they do not cover.
    public func entities(in text: String, tokens: [Token]?, actors: [ActorMention], places: [PlaceMention]) -> [EntityMention] {
        var known = actors.compactMap(\.entityMention)
        for p in places where !known.contains(where: { $0.range.overlaps(p.range) }) {
            known.append(EntityMention(range: p.range, label: .location, fromDictionary: true))
        }
        return find(in: text, tokens: tokens, known: known)
    }
}
