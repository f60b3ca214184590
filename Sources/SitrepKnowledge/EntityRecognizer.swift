import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SitrepCore
import SitrepLanguage

/// Optional dictionary features for the recogniser: one atom per token (0 = not in a dictionary name).
struct EntityDictionaryFeatures: Sendable {
    let atoms: @Sendable ([[String]]) -> [[UInt64]]
    /// The same atoms for one sentence given as recogniser atoms.
    let sentenceAtoms: @Sendable ([NERFeatures.Atoms]) -> [UInt64]
    /// The same atoms written to a buffer (one per token of the sentence).
    let marks: @Sendable (UnsafeBufferPointer<NERFeatures.Atoms>, UnsafeMutablePointer<UInt64>) -> Void
    /// The gazetteer behind `marks`, when it is one: its marks are then taken from the word types
    /// (`EntityGazetteer.marks(ids:count:atoms:firstWords:into:)`, the same marks) instead.
    var gazetteer: EntityGazetteer? = nil
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
    /// Word-feature sums kept across documents (`NERWordScoreMemo`).
    let wordMemo: NERWordScoreMemo
    /// Per-document tables kept between the documents a thread tags (`NERWorkspace`).
    let workspaces: NERWorkspacePool

    init(model: PerceptronModel, dictionary: EntityDictionaryFeatures?) throws {
        self.model = model; self.dictionary = dictionary; file = nil
        let memo = NERWordScoreMemo()
        wordMemo = memo; workspaces = NERWorkspacePool(memo: memo)
        connectors = try Self.defaultConnectors.get()
        // Tagging uses the weights as a weight file would store them (unpruned).
        weights = try PerceptronWeightTable(data: model.encoded(pruneBelow: 0), input: "trained model")
    }

    init(file: Data, input: String, dictionary: EntityDictionaryFeatures?) throws {
        model = nil; self.file = file; self.dictionary = dictionary
        let memo = NERWordScoreMemo()
        wordMemo = memo; workspaces = NERWorkspacePool(memo: memo)
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
        return EntityDictionaryFeatures(atoms: { gazetteer.atoms($0) }, sentenceAtoms: { gazetteer.marks($0) },
                                        marks: { gazetteer.marks($0, into: $1) }, gazetteer: gazetteer)
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
        var flat: [NERFeatures.Atoms] = []
        flat.reserveCapacity(atoms.reduce(0) { $0 + $1.count })
        var sentences: [Range<Int>] = []
        for s in atoms { sentences.append(flat.count..<(flat.count + s.count)); flat.append(contentsOf: s) }
        let tags = tagIndexes(flat: &flat, sentences: sentences, words: nil)
        return sentences.map { Array(tags[$0]) }
    }

    /// Tag indexes for a document given as one array of atoms (`sentences` are ranges of it), flat.
    /// Light atoms (`NERFeatures.asciiLightAtoms`) are completed from `words` (the text and the token of
    /// each atom) for the tokens the decoder scores; nil `words`: every atom is complete. `types` numbers
    /// each token's word (`NERWordTypes`, in order of first appearance) when known; nil: numbered here (by
    /// the bytes of `words`, else by the atoms' `word` hash). The atoms are read once per word type.
    func tagIndexes(flat atoms: inout [NERFeatures.Atoms], sentences: [Range<Int>],
                    words: PerceptronDecoder.Words?,
                    types given: (ids: UnsafePointer<Int32>, count: Int)? = nil) -> [Int] {
        let n = atoms.count
        guard n > 0 else { return [] }
        let ids = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        defer { ids.deallocate() }
        var typeCount = 0
        if let given {
            ids.update(from: given.ids, count: n)
            typeCount = given.count
        } else if let words {
            var length = 0
            for i in 0..<n { length = max(length, Int(words.tokens[i].range.end)) }
            var table = NERWordTypes(tokens: n)
            defer { table.deallocate() }
            let text = UnsafeBufferPointer(start: words.text, count: length)
            for i in 0..<n {
                let r = words.tokens[i].range
                ids[i] = r.length > 0 ? table.intern(text, start: Int(r.start), count: r.length).type : -1
            }
            typeCount = table.count
            // Empty tokens (none from the splitters) share one type of their own.
            for i in 0..<n where ids[i] < 0 { ids[i] = Int32(typeCount) }
            if (0..<n).contains(where: { ids[$0] == Int32(typeCount) }) { typeCount += 1 }
        } else {
            var table = PerceptronFeatureTable(capacity: n)
            for i in 0..<n { ids[i] = table.insert(atoms[i].word).row }
            typeCount = table.count
        }
        let document = atoms.withUnsafeBufferPointer { NERTypedDocument(atoms: $0, ids: ids, count: typeCount) }
        defer { document.deallocate() }
        return tagIndexes(document, sentences: sentences, words: words)
    }

    /// Tag indexes (one per token, flat) for a typed document whose `sentences` cover its tokens, in a
    /// workspace of the pool (`workspace` nil) or in `workspace` (one thread at a time).
    func tagIndexes(_ document: NERTypedDocument, sentences: [Range<Int>], words: PerceptronDecoder.Words?,
                    workspace given: NERWorkspace? = nil) -> [Int] {
        let workspace = given ?? workspaces.take()
        defer { if given == nil { workspaces.give(workspace) } }
        workspace.prepare()
        return tagIndexes(document, sentences: sentences, words: words, tables: workspace.tables,
                          memo: workspace.memo ?? wordMemo, typeRows: workspace.rows(typeCount: document.typeCount))
    }

    /// `tagIndexes(_:sentences:words:workspace:)` with a workspace's prepared tables.
    private func tagIndexes(_ document: NERTypedDocument, sentences: [Range<Int>], words: PerceptronDecoder.Words?,
                            tables: UnsafeMutablePointer<NERWorkspace.Tables>, memo: NERWordScoreMemo,
                            typeRows: NERTypeScoreRows) -> [Int] {
        let n = document.tokenCount
        // Not filled here: the decoder writes every token of every sentence (the sentences cover the tokens).
        var tags = [Int](unsafeUninitializedCapacity: n) { _, count in count = n }
        var longest = 0
        for range in sentences { longest = max(longest, range.count) }
        let padded = PaddedSentence(longest: longest)
        defer { padded.deallocate() }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(sentences.count, 1)) { headlines in
            let headlines = headlines.baseAddress!
            tables.pointee.facts.fill(document: document, sentences: sentences, headlines: headlines)
            let facts = tables.pointee.facts
            // Per type: whether its word begins a listed place (`EntityGazetteer.marks(ids:…)`; 0 until looked up).
            let gazetteer = dictionary?.gazetteer
            let firstWords = UnsafeMutablePointer<UInt8>.allocate(capacity: max(document.typeCount, 1))
            defer { firstWords.deallocate() }
            if gazetteer != nil { firstWords.initialize(repeating: 0, count: document.typeCount) }
            tags.withUnsafeMutableBufferPointer { t in
                for (s, range) in sentences.enumerated() {
                    padded.load(document, range)
                    let count = range.count
                    // The marks, or nil for a sentence without any (the decoder then takes every mark as 0).
                    var marks: UnsafePointer<UInt64>? = nil
                    if let gazetteer {
                        if gazetteer.marks(ids: padded.ids, count: count, atoms: document.atoms, firstWords: firstWords, into: padded.marks) {
                            marks = UnsafePointer(padded.marks)
                        }
                    } else if let d = dictionary {
                        // Another dictionary reads the tokens' atoms.
                        let sentence = range.map { document.atoms[Int(document.tokenTypes[$0])] }
                        sentence.withUnsafeBufferPointer { d.marks($0, padded.marks) }
                        marks = UnsafePointer(padded.marks)
                    }
                    PerceptronDecoder.tag(sentence: padded.ids, count: count, document: document, words: words,
                                          marks: marks, headline: headlines[s],
                                          facts: facts, memory: &tables.pointee.memory, cache: &tables.pointee.cache,
                                          blocks: &tables.pointee.blocks, weights: weights,
                                          connectors: connectors, rows: typeRows, memo: memo,
                                          into: t.baseAddress! + range.lowerBound)
                }
            }
        }
        return tags
    }
    /// Persons, organisations and places in a document's text. `tokens` are the language layer's (or
    /// `EntityWordSplitter`'s when nil); `known` are dictionary hits, which win over the model's names
    /// they overlap. MISC names are left out. Sorted by start offset.
    public func find(in text: String, tokens: [Token]?, known: [EntityMention] = []) -> [EntityMention] {
        var text = text
        return text.withUTF8 { find(bytes: $0, tokens: tokens ?? EntityWordSplitter.split(bytes: $0), known: known) }
    }

    private func find(bytes utf8: UnsafeBufferPointer<UInt8>, tokens given: [Token], known: [EntityMention]) -> [EntityMention] {
        // Tokens from elsewhere that reach past the text are left out rather than trusted.
        var tokens = given
        let limit = Int32(clamping: utf8.count)
        if tokens.contains(where: { $0.range.end > limit || $0.range.isEmpty }) {
            tokens = tokens.filter { $0.range.end <= limit && !$0.range.isEmpty }
        }
        guard !tokens.isEmpty else { return known.sorted { $0.range < $1.range } }
        // Sentences: after . ! ? and at line breaks.
        var sentences: [Range<Int>] = []
        sentences.reserveCapacity(tokens.count / 16 + 4)  // room for sentences of sixteen tokens (more only grow it)
        var start = 0
        // Atoms straight from the bytes, once per distinct word of the document: light ones for ASCII
        // words (completed if scored), full ones for quotes and dashes, and through a String for the
        // rare word with letters beyond ASCII. Tokens keep only their word's type.
        let count = tokens.count
        // The word types, typed document and per-document tables live in a workspace kept between documents.
        let workspace = workspaces.take()
        defer { workspaces.give(workspace) }
        let tables = workspace.tables
        tables.pointee.types.reset(tokens: count)
        var document = workspace.document(tokens: count)
        tokens.withUnsafeBufferPointer { t in
            let tokenTypes = document.tokenTypes
            for i in 0..<count {
                let r = t[i].range
                let (type, isNew) = tables.pointee.types.intern(utf8, start: Int(r.start), count: r.length)
                tokenTypes[i] = type
                if isNew {
                    let word = UnsafeBufferPointer(rebasing: utf8[Int(r.start)..<Int(r.end)])
                    document.addType(firstToken: i) { a in
                        if !NERFeatures.lightAtoms(word, into: &a) {
                            a = NERFeatures.punctuatedAtoms(word) ?? NERFeatures.unicodeAtoms(of: String(decoding: word, as: UTF8.self))
                        }
                    }
                }
                var breakAfter = false
                if r.length == 1, utf8[Int(r.start)] == 0x2E || utf8[Int(r.start)] == 0x21 || utf8[Int(r.start)] == 0x3F { breakAfter = true }
                if i + 1 < count {
                    var g = Int(r.end)
                    let gapEnd = Int(t[i + 1].range.start)
                    while g < gapEnd { if utf8[g] == 0x0A { breakAfter = true; break }; g += 1 }
                }
                if breakAfter || i + 1 == count { sentences.append(start..<(i + 1)); start = i + 1 }
            }
        }
        document.finish()
        let tags = tokens.withUnsafeBufferPointer { t in
            tagIndexes(document, sentences: sentences, words: (utf8.baseAddress!, t.baseAddress!), workspace: workspace)
        }
        var found: [EntityMention] = []
        found.reserveCapacity(32)  // room for the model's names in a news article (more only grow it)
        // Known names by start, with the furthest end among each prefix: the names starting before a
        // span ends overlap it exactly when the furthest of their ends is past its start. Spans come in
        // text order, so the prefix only grows (`NERFastPathTests` pins this against comparing each name).
        let knownStarts = known.map(\.range).sorted { $0.start < $1.start }
        var furthestEnd = [Int32](repeating: 0, count: knownStarts.count)
        for j in knownStarts.indices { furthestEnd[j] = max(j > 0 ? furthestEnd[j - 1] : Int32.min, knownStarts[j].end) }
        var before = 0, lastEnd = Int32.min  // known names starting before the previous span's end
        @inline(__always) func overlapsKnown(_ r: TextRange) -> Bool {
            if r.end < lastEnd { before = 0 }  // tokens out of text order: count again
            lastEnd = r.end
            while before < knownStarts.count && knownStarts[before].start < r.end { before += 1 }
            return before > 0 && furthestEnd[before - 1] > r.start
        }
        tags.withUnsafeBufferPointer { tags in
            for range in sentences {
                // Spans as `EntitySpans.spans` reads the BIO tags: a name starts at B-X, or at I-X after anything not X.
                var spanStart = -1, spanLabel = -1
                var i = range.lowerBound
                let end = range.upperBound
                while i <= end {
                    if spanStart < 0 {
                        // An O outside a name changes nothing: skip the run of them.
                        while i < end && tags[i] == 0 { i &+= 1 }
                        if i == end { break }
                    }
                    let t = i < end ? tags[i] : 0
                    let label = t > 0 ? (t - 1) / 2 : -1
                    let begins = t > 0 && (t - 1) % 2 == 0
                    if spanStart >= 0 && (label != spanLabel || begins) {
                        let l = EntityTagIndex.labels[spanLabel]
                        if l != .misc {
                            let r = TextRange(start: tokens[spanStart].range.start, end: tokens[i - 1].range.end)
                            if !overlapsKnown(r) {
                                found.append(EntityMention(range: r, label: l, fromDictionary: false))
                            }
                        }
                        spanStart = -1
                    }
                    if label >= 0 && spanStart < 0 { spanStart = i; spanLabel = label }
                    i &+= 1
                }
            }
        }
        // One name, one label through the document: a known name's label wins, else the model's majority.
        // Only the model's names are relabelled, so a known name counts only when a model name has its
        // bytes: the model's names are entered first and the known ones only add to those.
        guard !found.isEmpty else { return known.sorted { $0.range < $1.range } }
        var votes = NameVotes(bytes: utf8, names: found.count)
        let foundEntries = found.map { votes.add($0.range, $0.label, 1) }
        for m in known where m.label != .misc { votes.addIfEntered(m.range, m.label, 1000) }
        for i in found.indices {
            if let best = votes.relabel(entry: foundEntries[i], label: found[i].label) { found[i].label = best }
        }
        return Self.merged(found, known)
    }

    /// `(found + known)` sorted by range as a stable sort orders them: `found` is in text order already
    /// (the model's names of sorted tokens), so only the known names are sorted and the two merged, a
    /// model name first on equal ranges. Found names out of order (tokens out of text order) are sorted.
    static func merged(_ found: [EntityMention], _ known: [EntityMention]) -> [EntityMention] {
        for i in found.indices.dropFirst() where found[i].range < found[i - 1].range {
            return (found + known).sorted { $0.range < $1.range }
        }
        let known = known.sorted { $0.range < $1.range }
        var out: [EntityMention] = []
        out.reserveCapacity(found.count + known.count)
        var a = 0, b = 0
        while a < found.count || b < known.count {
            if b == known.count || (a < found.count && !(known[b].range < found[a].range)) {
                out.append(found[a]); a += 1
            } else {
                out.append(known[b]); b += 1
            }
        }
        return out
    }
}

/// Votes for the label of each distinct name (its bytes) in a document.
private struct NameVotes {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Hash of the name bytes → row; `head[row]` is the first entry with that hash (entries with the
    /// same hash but other bytes are chained through `next`).
    private var rows: PerceptronFeatureTable
    private var head: [Int] = []
    private var entries: [(range: TextRange, next: Int, votes: (Int, Int, Int, Int))] = []
    /// Bit `min(length, 63)` set for the byte length of each name added: a name of another length was
    /// not added (equal bytes, equal lengths), so it is not looked up.
    private var lengths: UInt64 = 0

    @inline(__always) private static func lengthBit(_ range: TextRange) -> UInt64 { 1 &<< UInt64(min(max(Int(range.length), 0), 63)) }

    /// Votes for at most `names` names (more only grow the tables).
    init(bytes: UnsafeBufferPointer<UInt8>, names: Int) {
        self.bytes = bytes
        rows = PerceptronFeatureTable(capacity: max(names, 8))
        head.reserveCapacity(names)
        entries.reserveCapacity(names)
    }

    private func same(_ a: TextRange, _ b: TextRange) -> Bool {
        guard a.length == b.length else { return false }
        if a.start == b.start { return true }
        return memcmp(bytes.baseAddress! + Int(a.start), bytes.baseAddress! + Int(b.start), Int(a.length)) == 0
    }

    /// The table key of the name at `range` (its bytes' hash).
    @inline(__always)
    private func key(_ range: TextRange) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in Int(range.start)..<Int(range.end) { h = (h ^ UInt64(bytes[k])) &* 0x100_0000_01B3 }
        return NERFeatures.mix(h)
    }

    /// Adds `weight` votes for `label` to the name at `range` when a name with its bytes was added
    /// before (`add`); otherwise nothing.
    mutating func addIfEntered(_ range: TextRange, _ label: EntityLabel, _ weight: Int) {
        guard lengths & Self.lengthBit(range) != 0 else { return }
        let row = rows.row(key(range))
        guard row >= 0 else { return }
        var e = head[Int(row)]
        while e >= 0 && !same(entries[e].range, range) { e = entries[e].next }
        guard e >= 0 else { return }
        vote(e, label, weight)
    }

    @inline(__always)
    private mutating func vote(_ e: Int, _ label: EntityLabel, _ weight: Int) {
        switch label {
        case .person: entries[e].votes.0 += weight
        case .organisation: entries[e].votes.1 += weight
        case .location: entries[e].votes.2 += weight
        case .misc: entries[e].votes.3 += weight
        }
    }

    /// Adds `weight` votes for `label` to the name at `range`; returns its entry.
    @discardableResult
    mutating func add(_ range: TextRange, _ label: EntityLabel, _ weight: Int) -> Int {
        lengths |= Self.lengthBit(range)
        let (row, isNew) = rows.insert(key(range))
        if isNew { head.append(-1) }
        var e = head[Int(row)]
        var last = -1
        while e >= 0 && !same(entries[e].range, range) { last = e; e = entries[e].next }
        if e < 0 {
            e = entries.count
            entries.append((range, -1, (0, 0, 0, 0)))
            if last >= 0 { entries[last].next = e } else { head[Int(row)] = e }
        }
        vote(e, label, weight)
        return e
    }

    /// The label with the most votes for the entry's name, when more than one label was voted and
    /// it has more votes than `label` (ties go to the label whose raw value sorts first); else nil.
    func relabel(entry e: Int, label: EntityLabel) -> EntityLabel? {
        EntityRecognizer.relabel(votes: entries[e].votes, label: label)
    }
}

extension EntityRecognizer {
    /// The label with the most `votes` (person, organisation, location, misc), when more than one label
    /// was voted and it has more votes than `label` (ties go to the label whose raw value sorts first); else nil.
    static func relabel(votes v: (Int, Int, Int, Int), label: EntityLabel) -> EntityLabel? {
        // Labels by index (person, organisation, location, misc) with the rank of their raw values
        // ("LOC" < "MISC" < "ORG" < "PER"): ties go to the lower rank, as comparing the raw values does.
        var voted = 0
        var best = -1, bestCount = 0, bestRank = 0
        @inline(__always) func consider(_ index: Int, _ c: Int, _ rank: Int) {
            guard c > 0 else { return }
            voted += 1
            if best >= 0 && (bestCount > c || (bestCount == c && bestRank < rank)) { return }
            best = index; bestCount = c; bestRank = rank
        }
        consider(0, v.0, 3); consider(1, v.1, 2); consider(2, v.2, 0); consider(3, v.3, 1)
        let own: Int
        switch label {
        case .person: own = v.0
        case .organisation: own = v.1
        case .location: own = v.2
        case .misc: own = v.3
        }
        guard voted > 1, best >= 0, bestCount > own else { return nil }
        return best == 0 ? .person : best == 1 ? .organisation : best == 2 ? .location : .misc
    }
}

extension EntityRecognizer {
    /// Appends (in order) each place that overlaps no name in `known` so far (neither a given name nor a place
    /// appended before it). With the given names and the places in text order and no empty place, a place is
    /// tested against the names starting before its end (a binary search) by the furthest end among them, and
    /// against the places taken by the furthest end of those; otherwise name by name. `plain` forces the latter.
    static func addPlaces(_ places: [PlaceMention], to known: inout [EntityMention], plain: Bool = false) {
        let given = known.count
        var ordered = !plain
        for j in known.indices.dropFirst() where known[j].range.start < known[j - 1].range.start { ordered = false; break }
        for j in places.indices where places[j].range.start >= places[j].range.end || (j > 0 && places[j].range.start < places[j - 1].range.start) {
            ordered = false; break
        }
        guard ordered else {
            for p in places where !known.contains(where: { $0.range.overlaps(p.range) }) {
                known.append(EntityMention(range: p.range, label: .location, fromDictionary: true))
            }
            return
        }
        // Furthest end among the first k + 1 given names (by start).
        var furthest = [Int32](repeating: 0, count: given)
        for j in 0..<given { furthest[j] = max(j > 0 ? furthest[j - 1] : Int32.min, known[j].range.end) }
        var takenEnd = Int32.min  // furthest end of the places taken (all start at or before the next place)
        for p in places {
            let r = p.range
            var lo = 0, hi = given  // given names starting before the place's end: known[0..<lo]
            while lo < hi { let mid = (lo + hi) / 2; if known[mid].range.start < r.end { lo = mid + 1 } else { hi = mid } }
            if lo > 0 && furthest[lo - 1] > r.start { continue }
            if takenEnd > r.start { continue }
            known.append(EntityMention(range: r, label: .location, fromDictionary: true))
            takenEnd = max(takenEnd, r.end)
        }
    }

    /// The entity list of `KnowledgeAnnotations`: dictionary actors (persons PER, states LOC, named
    /// organisations ORG) and gazetteer places (LOC) win; the model adds the names they do not cover,
    /// and the same name keeps one label through the document.
    /// Named people in `affiliations` ("Karim Haddad, head of …") are persons too.
    public func entities(in text: String, tokens: [Token]?, actors: [ActorMention], places: [PlaceMention],
                         affiliations: [ActorAffiliation] = []) -> [EntityMention] {
        var known = actors.compactMap(\.entityMention)
        Self.addPlaces(places, to: &known)
        for a in affiliations where a.personID == nil && !known.contains(where: { $0.range.overlaps(a.person) }) {
            // "a spokesman" is a role, not a name.
            guard let first = a.personName.unicodeScalars.first, first.properties.isUppercase,
                  !(a.personName.hasPrefix("A ") || a.personName.hasPrefix("An ") || a.personName.hasPrefix("The ")) else { continue }
            known.append(EntityMention(range: a.person, label: .person, fromDictionary: false))
        }
        // Later uses of those names are the same persons, whatever the model makes of them.
        let tokens = tokens ?? EntityWordSplitter.split(text)
        if known.contains(where: { !$0.fromDictionary }) {
            let utf8 = Array(text.utf8)
            let names = Set(known.filter { !$0.fromDictionary }.map { utf8[Int($0.range.start)..<Int($0.range.end)] })
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
