import Foundation
import SitrepCore
import SitrepLanguage

/// Optional dictionary features for the recogniser: one atom per token (0 = not in a dictionary name).
struct EntityDictionaryFeatures: Sendable {
    let atoms: @Sendable ([[String]]) -> [[UInt64]]
    /// The same atoms for one sentence given as recogniser atoms.
    let sentenceAtoms: @Sendable ([NERFeatures.Atoms]) -> [UInt64]
}

/// The learned named-entity recogniser: an averaged perceptron over BIO tags (greedy left-to-right
/// with the two previous tags as features), trained on CoNLL-2003 by `sitrep train ner`, its weights
/// shipped as `Resources/ner-weights.bin`. Finds persons, organisations and places in no dictionary.
public struct EntityRecognizer: Sendable {
    /// The trained model (float weights), for recognisers made by `train`; nil for loaded ones.
    let model: PerceptronModel?
    /// The weights tagging uses, as stored in a weight file.
    let weights: PerceptronWeightTable
    /// The weight file this recogniser was loaded from.
    private let file: Data?
    let dictionary: EntityDictionaryFeatures?
    /// Lowercase words that may continue a name (the rest end it without scoring).
    let connectors: EntityNameConnectors

    init(model: PerceptronModel, dictionary: EntityDictionaryFeatures?) throws {
        self.model = model; self.dictionary = dictionary; file = nil
        connectors = try Self.defaultConnectors.get()
        // Tagging uses the weights as a weight file would store them (unpruned).
        weights = try PerceptronWeightTable(data: model.encoded(pruneBelow: 0), input: "trained model")
    }

    init(file: Data, input: String, dictionary: EntityDictionaryFeatures?) throws {
        model = nil; self.file = file; self.dictionary = dictionary
        connectors = try Self.defaultConnectors.get()
        weights = try PerceptronWeightTable(data: file, input: input)
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
        return try EntityRecognizer(file: data, input: url.path, dictionary: try defaultDictionaryFeatures)
    }

    /// Trains a recogniser on a tagged corpus.
    public static func train(on corpus: EntityCorpus, options: PerceptronTrainer.Options = .init(),
                             progress: PerceptronTrainer.Progress? = nil) throws -> EntityRecognizer {
        let dict = try defaultDictionaryFeatures
        let model = PerceptronTrainer(options: options).train(documents: corpus.documents, dictionary: dict, progress: progress)
        return try EntityRecognizer(model: model, dictionary: dict)
    }

    /// The dictionary features the shipped model was trained with: place names and the actor dictionary.
    static var defaultDictionaryFeatures: EntityDictionaryFeatures? {
        get throws { try cachedGazetteer.get() }
    }

    private static let defaultConnectors: Result<EntityNameConnectors, Error> = Result { try EntityNameConnectors.loadDefault() }

    private static let cachedGazetteer: Result<EntityDictionaryFeatures?, Error> = Result {
        let gazetteer = try EntityGazetteer.loadDefault()
        return EntityDictionaryFeatures(atoms: { gazetteer.atoms($0) }, sentenceAtoms: { gazetteer.marks($0) })
    }

    /// The weight file: features whose weights are all below `pruneBelow` in magnitude are left out
    /// (a loaded recogniser gives back the file it was loaded from, already pruned).
    public func weightFile(pruneBelow: Float = 0.5) -> Data { model?.encoded(pruneBelow: pruneBelow) ?? file ?? Data() }

    /// Tags for one sentence of words (`nil` is `O`).
    public func tag(tokens: [String]) -> [EntityTag?] { tag(document: [tokens])[0] }

    /// Tags for the sentences of one document (document-level features see all of them).
    public func tag(document: [[String]]) -> [[EntityTag?]] {
        tagIndexes(atoms: document.map { $0.map(NERFeatures.atoms(of:)) }).map { $0.map(EntityTagIndex.tag(at:)) }
    }

    /// Tag indexes for the sentences of a document given as recogniser atoms.
    func tagIndexes(atoms: [[NERFeatures.Atoms]]) -> [[Int]] {
        let dict = dictionary.map { d in atoms.map(d.sentenceAtoms) }
        let facts = NERFeatures.DocumentFacts(atoms)
        var memory = NERLabelMemory()
        var cache = NERWordScoreCache()
        return atoms.indices.map { s in
            PerceptronDecoder.tag(sentence: atoms[s], dictionary: dict?[s], facts: facts, memory: &memory, cache: &cache, weights: weights,
                                  connectors: connectors)
        }
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
        // Atoms straight from the bytes (a String only for a non-ASCII word).
        let atoms: [[NERFeatures.Atoms]] = utf8.withUnsafeBufferPointer { b in
            sentences.map { range in
                range.map { i in
                    let r = tokens[i].range
                    let word = UnsafeBufferPointer(rebasing: b[Int(r.start)..<Int(r.end)])
                    for c in word where c >= 0x80 { return NERFeatures.unicodeAtoms(of: String(decoding: word, as: UTF8.self)) }
                    return NERFeatures.asciiAtoms(word)
                }
            }
        }
        let tags = tagIndexes(atoms: atoms).map { $0.map(EntityTagIndex.tag(at:)) }
        var found: [EntityMention] = []
        for (s, range) in sentences.enumerated() {
            for span in EntitySpans.spans(tags[s]) where span.label != .misc {
                let r = TextRange(start: tokens[range.lowerBound + span.start].range.start,
                                  end: tokens[range.lowerBound + span.end - 1].range.end)
                if known.contains(where: { $0.range.overlaps(r) }) { continue }
                found.append(EntityMention(range: r, label: span.label, fromDictionary: false))
            }
        }
        // One name, one label through the document: a known name's label wins, else the model's majority.
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
}

extension EntityRecognizer {
    /// The entity list of `KnowledgeAnnotations`: dictionary actors (persons PER, states LOC, named
    /// organisations ORG) and gazetteer places (LOC) win; the model adds the names they do not cover,
    /// and the same name keeps one label through the document.
    /// Named people in `affiliations` ("Karim Haddad, head of …") are persons too.
    public func entities(in text: String, tokens: [Token]?, actors: [ActorMention], places: [PlaceMention],
                         affiliations: [ActorAffiliation] = []) -> [EntityMention] {
        var known = actors.compactMap(\.entityMention)
        for p in places where !known.contains(where: { $0.range.overlaps(p.range) }) {
            known.append(EntityMention(range: p.range, label: .location, fromDictionary: true))
        }
        for a in affiliations where a.personID == nil && !known.contains(where: { $0.range.overlaps(a.person) }) {
            // "a spokesman" is a role, not a name.
            guard let first = a.personName.unicodeScalars.first, first.properties.isUppercase,
                  !(a.personName.hasPrefix("A ") || a.personName.hasPrefix("An ") || a.personName.hasPrefix("The ")) else { continue }
            known.append(EntityMention(range: a.person, label: .person, fromDictionary: false))
        }
        // Later uses of those names are the same persons, whatever the model makes of them.
        let tokens = tokens ?? EntityWordSplitter.split(text)
        let utf8 = Array(text.utf8)
        let names = Set(known.filter { !$0.fromDictionary }.map { utf8[Int($0.range.start)..<Int($0.range.end)] })
        if !names.isEmpty {
            for (i, t) in tokens.enumerated() where Int(t.range.end) <= utf8.count {
                for name in names where utf8.count - Int(t.range.start) >= name.count
                    && utf8[Int(t.range.start)..<(Int(t.range.start) + name.count)] == name {
                    let end = Int32(Int(t.range.start) + name.count)
                    guard tokens[i...].contains(where: { $0.range.end == end }) else { continue }
                    let r = TextRange(start: t.range.start, end: end)
                    if !known.contains(where: { $0.range.overlaps(r) }) {
                        known.append(EntityMention(range: r, label: .person, fromDictionary: false))
                    }
                }
            }
        }
        return find(in: text, tokens: tokens, known: known)
    }
}
