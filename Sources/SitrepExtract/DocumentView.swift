import SitrepCore
import SitrepKnowledge
import SitrepLanguage

/// An actor in token coordinates: a dictionary actor from the knowledge layer, or a typed unnamed
/// actor found by `actor-nouns.tsv` ("rebel forces", "women and children").
/// Plain data: its name and id are read from the view's `ActorNames` (see there).
struct ActorSpan: Sendable {
    var tokens: Range<Int>
    var kind: ActorKind
    var fromDictionary: Bool
    /// This actor's entry in `store`.
    let entry: Int32
    /// The view's store of names, not retained (a span lives only as long as its view).
    unowned(unsafe) let store: ActorNames

    /// The dictionary id, `nil` for a typed unnamed actor.
    var id: String? { store.ids[Int(entry)] }
    var name: String { store.names[Int(entry)] }
}

/// A place in token coordinates. Plain data: its place is read from the view's `PlaceList` (see there).
struct PlaceSpan: Sendable {
    var tokens: Range<Int>
    /// The place mention's index in `store`.
    let mention: Int32
    /// The view's list of place mentions, not retained (a span lives only as long as its view).
    unowned(unsafe) let store: PlaceList

    /// (Read through the buffer: an array subscript copied the whole mention out first.)
    var place: PlaceRef { store.mentions.withUnsafeBufferPointer { $0[Int(mention)].place } }
}

/// A count in token coordinates.
struct CountSpan: Sendable {
    var tokens: Range<Int>
    var quantity: Quantity
}

/// One document prepared for extraction: its bytes, tokens with their lexicon keys, and every
/// annotation of the lower layers mapped to token indexes.
final class DocumentView {
    let document: Document
    let bytes: [UInt8]
    let language: LanguageAnnotations
    let tokens: [Token]
    let keys: [UInt64]
    // Set once in `init`, then only read: no dynamic exclusivity check per access.
    @exclusivity(unchecked) var actors: [ActorSpan] = []
    /// The names and ids the actors' spans refer to.
    let actorNames = ActorNames()
    @exclusivity(unchecked) var places: [PlaceSpan] = []
    /// The place mentions the places' spans refer to.
    let placeList: PlaceList
    @exclusivity(unchecked) var counts: [CountSpan] = []
    /// Function-word class per token, when it has one.
    @exclusivity(unchecked) var function: [FunctionClass?]
    /// Which lexicon tables each token can start (`PhraseTable.bit`).
    @exclusivity(unchecked) var starts: [UInt16]
    /// Argument class per token (`argument-classes.tsv`), when it has one.
    let argument: [ArgumentClass?]
    /// For each token index `t` (0 through the token count), the index of the first actor, place and count whose
    /// first token is at or after `t`: the lists' lower bounds, looked up instead of searched for every window.
    @exclusivity(unchecked) var actorFrom: [Int32] = []
    @exclusivity(unchecked) var placeFrom: [Int32] = []
    @exclusivity(unchecked) var countFrom: [Int32] = []

    // (The lexicon and the knowledge layer borrowed, not owned: an initialiser takes its arguments at +1, which
    // retained and released every table of the lexicon per document; neither is stored.)
    init(document: Document, language: LanguageAnnotations, knowledge: __shared KnowledgeAnnotations,
         lexicon: __shared ExtractionLexicon) {
        self.document = document
        var copy = document.text
        let bytes = copy.withUTF8 { Array($0) }
        self.bytes = bytes
        let lang = language.tokens.isEmpty ? FallbackLanguage.annotate(document.text) : language
        self.language = lang
        self.tokens = lang.tokens
        let n = lang.tokens.count
        var keys: [UInt64] = [], function: [FunctionClass?] = [], starts: [UInt16] = [], argument: [ArgumentClass?] = []
        let table = lexicon.wordInfo
        // One pass over raw buffers, each array written once per token (not filled first): no bounds or uniqueness
        // checks per token.
        bytes.withUnsafeBufferPointer { p in
            lang.tokens.withUnsafeBufferPointer { tp in
                keys = [UInt64](unsafeUninitializedCapacity: n) { kp, kc in
                    function = [FunctionClass?](unsafeUninitializedCapacity: n) { fp, fc in
                        starts = [UInt16](unsafeUninitializedCapacity: n) { sp, sc in
                            argument = [ArgumentClass?](unsafeUninitializedCapacity: n) { ap, ac in
                                for i in 0..<n {
                                    let r = tp[i].range
                                    let k = WordKey.of(p, Int(r.start), Int(r.end))
                                    kp.initializeElement(at: i, to: k)
                                    if let info = table.info(k) {
                                        fp.initializeElement(at: i, to: info.function)
                                        sp.initializeElement(at: i, to: info.starts)
                                        ap.initializeElement(at: i, to: info.argument)
                                    } else {
                                        fp.initializeElement(at: i, to: nil)
                                        sp.initializeElement(at: i, to: 0)
                                        ap.initializeElement(at: i, to: nil)
                                    }
                                }
                                ac = n
                            }
                            sc = n
                        }
                        fc = n
                    }
                    kc = n
                }
            }
        }
        self.keys = keys
        self.function = function
        self.starts = starts
        self.argument = argument
        self.placeList = PlaceList(knowledge.places)
        self.actors = buildActors(knowledge: knowledge, lexicon: lexicon)
        // (Sized once: no regrowth copying places.)
        var places: [PlaceSpan] = []
        places.reserveCapacity(knowledge.places.count)
        // (Read by index: a span keeps the mention's index, no place is copied.)
        // (Fields loaded through the buffer's pointer: an array subscript copied each mention out whole first.)
        knowledge.places.withUnsafeBufferPointer { mp in
            guard let base = mp.baseAddress else { return }
            for k in 0..<mp.count {
                if let r = tokenRange((base + k).pointee.range) { places.append(placeList.span(tokens: r, mention: k)) }
            }
        }
        places.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        self.places = places
        // (Sized once for every quantity: no regrowth copying counts.)
        var counts: [CountSpan] = []
        counts.reserveCapacity(lang.quantities.count)
        // (Fields loaded through the buffer's pointer: only a kept count's fields are read, no mention copied whole.)
        lang.quantities.withUnsafeBufferPointer { qp in
            guard let base = qp.baseAddress else { return }
            for k in 0..<qp.count {
                let q = base + k
                guard q.pointee.kind == .count, let r = tokenRange(q.pointee.range) else { continue }
                counts.append(CountSpan(tokens: r, quantity: Quantity(min: q.pointee.min, max: q.pointee.max,
                                                                      approximate: q.pointee.approximate, of: q.pointee.of,
                                                                      text: self.text(q.pointee.range))))
            }
        }
        counts.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        self.counts = counts
        actorFrom = DocumentView.firstFrom(actors.map { $0.tokens.lowerBound }, tokens: n)
        placeFrom = DocumentView.firstFrom(places.map { $0.tokens.lowerBound }, tokens: n)
        countFrom = DocumentView.firstFrom(counts.map { $0.tokens.lowerBound }, tokens: n)
    }

    /// For sorted first tokens, the index of the first at or after each token index `0...tokens`.
    /// (Filled run by run: the tokens after one element's first token up to the next's all map to the next.)
    static func firstFrom(_ starts: [Int], tokens n: Int) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: n + 1) { p, count in
            let base = p.baseAddress!
            var t = 0
            for (k, first) in starts.enumerated() where first >= t {
                let s = min(first, n)
                (base + t).initialize(repeating: Int32(k), count: s + 1 - t)
                t = s + 1
            }
            (base + t).initialize(repeating: Int32(starts.count), count: n + 1 - t)
            count = n + 1
        }
    }

    /// `lowerBound` through one of the `…From` tables (a token index outside `0...count` is clamped: every
    /// element starts inside the document).
    @inline(__always) static func first(_ table: [Int32], _ token: Int) -> Int {
        Int(table[min(max(token, 0), table.count - 1)])
    }

    /// Actors whose first token lies in `r` (sorted).
    func actors(startingIn r: Range<Int>) -> ArraySlice<ActorSpan> {
        let a = DocumentView.first(actorFrom, r.lowerBound), b = DocumentView.first(actorFrom, r.upperBound)
        return actors[a..<max(a, b)]
    }

    func counts(startingIn r: Range<Int>) -> ArraySlice<CountSpan> {
        let a = DocumentView.first(countFrom, r.lowerBound), b = DocumentView.first(countFrom, r.upperBound)
        return counts[a..<max(a, b)]
    }

    func places(startingIn r: Range<Int>) -> ArraySlice<PlaceSpan> {
        let a = DocumentView.first(placeFrom, r.lowerBound), b = DocumentView.first(placeFrom, r.upperBound)
        return places[a..<max(a, b)]
    }

    func text(_ range: TextRange) -> String {
        guard range.start >= 0, Int(range.end) <= bytes.count, range.start <= range.end else { return "" }
        return String(decoding: bytes[Int(range.start)..<Int(range.end)], as: UTF8.self)
    }

    func text(tokens r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return text(TextRange(start: tokens[r.lowerBound].range.start, end: tokens[r.upperBound - 1].range.end))
    }

    func range(tokens r: Range<Int>) -> TextRange {
        TextRange(start: tokens[r.lowerBound].range.start, end: tokens[max(r.lowerBound, r.upperBound - 1)].range.end)
    }

    /// Index of the first token whose start is at or after `offset`.
    func firstToken(atOrAfter offset: Int32) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].range.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The tokens a text range covers (those starting inside it), `nil` when none.
    func tokenRange(_ r: TextRange) -> Range<Int>? {
        let a = firstToken(atOrAfter: r.start)
        var b = a
        while b < tokens.count, tokens[b].range.start < r.end { b += 1 }
        return a < b ? a..<b : nil
    }

    /// The first token from `i` (before `end`) that can start a pattern of the table with `bit`, else `end`: a scan
    /// over the raw flags (most tokens start nothing).
    @inline(__always) func nextStart(from i: Int, to end: Int, bit: UInt16) -> Int {
        starts.withUnsafeBufferPointer { p in
            let stop = min(end, p.count)
            var j = i
            // Four flags at a time (one load, the bit tested in each lane), then one by one.
            if let base = p.baseAddress {
                let lanes = UInt64(bit) &* 0x0001_0001_0001_0001
                while j &+ 4 <= stop, UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self) & lanes == 0 { j &+= 4 }
            }
            while j < stop, p[j] & bit == 0 { j += 1 }
            return j < stop ? j : max(i, end)
        }
    }

    func isPunctuation(_ i: Int) -> Bool {
        let k = tokens[i].kind
        return k != .word && k != .number
    }

    /// The first byte of token `i`.
    func firstByte(_ i: Int) -> UInt8 { bytes[Int(tokens[i].range.start)] }

    func isCapitalized(_ i: Int) -> Bool { firstByte(i) &- 0x41 < 26 }

    /// Whether token `i` ends with the ASCII letters of `suffix` (lowercase compare).
    /// The suffix is a literal, read in place: no array of its bytes per call.
    func hasSuffix(_ i: Int, _ suffix: StaticString) -> Bool {
        let r = tokens[i].range
        let n = suffix.utf8CodeUnitCount
        guard r.length >= n else { return false }
        let base = Int(r.end) - n
        let s = suffix.utf8Start
        for j in 0..<n where bytes[base + j] | 0x20 != s[j] { return false }
        return true
    }

    private func buildActors(knowledge: KnowledgeAnnotations, lexicon: ExtractionLexicon) -> [ActorSpan] {
        var out: [ActorSpan] = []
        // (Room for the typed actors too, which follow the dictionary's in the same list before the sort.)
        out.reserveCapacity(knowledge.actors.count + 16)
        actorNames.reserveCapacity(knowledge.actors.count + 16)
        // (Read by index: only a placed actor's fields are copied, not every mention whole.)
        knowledge.actors.withUnsafeBufferPointer { mp in
            guard let base = mp.baseAddress else { return }
            for k in 0..<mp.count {
                guard let r = tokenRange((base + k).pointee.range) else { continue }
                let id = (base + k).pointee.id
                out.append(actorNames.span(tokens: r, id: id, name: (base + k).pointee.name, kind: (base + k).pointee.kind, fromDictionary: id != nil))
            }
        }
        let dictionaryCount = out.count
        var covered = [Bool](repeating: false, count: tokens.count)
        // (Read by index: no copy of each actor's strings.)
        for k in out.indices { for i in out[k].tokens { covered[i] = true } }
        // Typed actors go straight after the dictionary's (the same list `out + typed` made, without a second one).
        var i = 0
        let n = tokens.count
        // (The table read once, not through the lexicon for every token.)
        let nouns = lexicon.actorNouns
        let bit = nouns.bit
        while i < n {
            i = nextStart(from: i, to: n, bit: bit)
            if i >= n { break }
            if covered[i] { i += 1; continue }
            guard let m = nouns.longestMatch(at: i, keys: keys, limit: n, blocks: { _ in true }) else {
                i += 1; continue
            }
            if (m.start..<m.end).contains(where: { covered[$0] }) { i += 1; continue }
            // Keep capitalised modifiers in the name: "Syrian regime forces", "Druze civilians".
            var start = m.start
            while start > 0, start > m.start - 3, !covered[start - 1], isCapitalized(start - 1),
                  tokens[start - 1].kind == .word, function[start - 1] == nil,
                  tokens[start - 1].range.end + 1 >= tokens[start].range.start { start -= 1 }
            var kind = nouns.patterns[m.pattern].value
            // "the Arakan Army", "the Polisario Front": an organisation head after a name that is no state's.
            if let head = lexicon.organisationHeads[keys[m.end - 1]] {
                if start < m.start, !namesState(start..<m.start, knowledge: knowledge, lexicon: lexicon) { kind = head.kind }
                else if head.named { i = m.end; continue }
            }
            out.append(actorNames.span(tokens: start..<m.end, id: nil, name: text(tokens: start..<m.end), kind: kind, fromDictionary: false))
            i = m.end
        }
        return DocumentView.sortedByStart(out, runs: dictionaryCount)
    }

    /// `spans` sorted by first token as the (stable) `sort` orders them: when `spans[..<runs]` and `spans[runs...]`
    /// are each in order already (the dictionary's actors and the typed ones after them mostly are), one stable merge
    /// of the two runs (equal starts keep the first run's first), not an insertion sort moving spans one by one.
    static func sortedByStart(_ spans: [ActorSpan], runs d: Int) -> [ActorSpan] {
        let n = spans.count
        return spans.withUnsafeBufferPointer { p -> [ActorSpan] in
            var ordered = true
            var k = 1
            while k < n, ordered {
                if k != d, p[k].tokens.lowerBound < p[k - 1].tokens.lowerBound { ordered = false }
                k += 1
            }
            guard ordered else {
                var copy = spans
                copy.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
                return copy
            }
            if d == 0 || d >= n || p[d - 1].tokens.lowerBound <= p[d].tokens.lowerBound { return spans }
            return [ActorSpan](unsafeUninitializedCapacity: n) { out, count in
                var a = 0, b = d, o = 0
                while a < d, b < n {
                    if p[b].tokens.lowerBound < p[a].tokens.lowerBound { out.initializeElement(at: o, to: p[b]); b += 1 }
                    else { out.initializeElement(at: o, to: p[a]); a += 1 }
                    o += 1
                }
                while a < d { out.initializeElement(at: o, to: p[a]); a += 1; o += 1 }
                while b < n { out.initializeElement(at: o, to: p[b]); b += 1; o += 1 }
                count = n
            }
        }
    }
}
