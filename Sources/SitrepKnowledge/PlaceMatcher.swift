import SitrepCore
import SitrepLanguage

/// Finds place names in text and resolves them to gazetteer entries.
///
/// Candidates are capitalised word sequences (and Arabic-script words) looked up by folded name and, failing
/// that, by consonant skeleton. A name standing for several places is decided by priors (feature kind,
/// population, exact vs. variant spelling) and by the document: the countries and first-level divisions of
/// the other places named, and a division named right after the name ("Duma, Hama province"). Words around
/// the name qualify it ("eastern Idlib countryside", "Daraa province", "Sweida city").
public struct PlaceMatcher: Sendable {
    public let gazetteer: Gazetteer
    public let lexicon: PlaceLexicon
    /// Longest name, in words.
    static let maxWords = 6
    /// Count arrays reused by `decide` from document to document.
    let countScratch = PlaceCountScratch()
    /// Gazetteer lookups kept from document to document.
    let lookupPool = PlaceLookupPool()

    public init(gazetteer: Gazetteer) {
        self.init(gazetteer: gazetteer, lexicon: (try? PlaceLexicon.loadDefault()) ?? .empty)
    }

    public init(gazetteer: Gazetteer, lexicon: PlaceLexicon) {
        self.gazetteer = gazetteer; self.lexicon = lexicon
    }

    /// Place mentions in `text`, sorted by start offset. `tokens` is not needed (the matcher scans the bytes).
    public func find(in text: String, tokens: [Token]?) -> [PlaceMention] {
        analyse(text, forced: []).found
    }

    /// Resolves given spans (for example gold toponyms) in the context of the whole text; `nil` where the
    /// gazetteer knows no place of that name. Demonyms ("Syrian") resolve to their country here.
    public func resolve(spans: [TextRange], in text: String) -> [PlaceMention?] {
        analyse(text, forced: spans).forced
    }

    // MARK: - Raw mentions

    struct Raw {
        var start: Int
        var end: Int
        /// The name alone, without qualifier words.
        var nameStart: Int
        var nameEnd: Int
        var candidates: [Gazetteer.Candidate]
        /// The head noun role after the name (province → admin1, countryside → region, city, border).
        var head: PlaceLexicon.Role?
        var qualifierWords: [String]
        var rural: Bool
        var direction: Bool
        var cue: Bool
        var singleWord: Bool
        var forcedIndex: Int?
        var demonym: Bool
        /// Part of a longer capitalised run that is not itself a name ("John Kelly", "Blue Jays").
        var insideLongerRun = false
        /// A capitalised word that is not a place comes right before it ("Kevin Allen", "President Tyler").
        var afterOtherName = false
        /// That capitalised run is an organisation's name rather than a person's (see `scan`).
        var afterOrganisation = false
        /// Folded-name hash of the name itself, and of its first word.
        var nameHash: UInt64 = 0
        var firstWordHash: UInt64 = 0
        /// The name starts a sentence, headline or line.
        var sentenceStart = false
        /// "east of the province": refers to the division of the place named last (`candidates` is empty).
        var anaphoric: PlaceLexicon.Role? = nil
        /// A given span the scan did not find (looked up alone by `lookupForced`). A given span the scan found is the
        /// scan's mention, marked with `forcedIndex` only: it is evidence for the other names as it is when not given.
        var appended = false
    }

    func analyse(_ input: String, forced: [TextRange]) -> (found: [PlaceMention], forced: [PlaceMention?]) {
        var text = input
        // Gazetteer lookups kept from earlier documents (given back, with this document's, when done).
        var known = lookupPool.take()
        defer { lookupPool.give(known) }
        return text.withUTF8 { t -> ([PlaceMention], [PlaceMention?]) in
            let words = PlaceWordScanner.words(t)
            var raws = scan(t, words, &known)
            let scanned = raws.count
            for (k, r) in forced.enumerated() {
                let s = Int(r.start), e = Int(r.end)
                guard s >= 0, e <= t.count, s < e else { continue }
                // A span ending in an abbreviation's period ("Mont.") is the name the scan found without it.
                let e2 = t[e - 1] == 0x2E ? e - 1 : e
                if let j = raws[0..<scanned].firstIndex(where: { $0.nameStart == s && ($0.nameEnd == e || $0.nameEnd == e2) }) {
                    raws[j].forcedIndex = k
                    continue
                }
                var raw = lookupForced(t, s, e)
                raw.forcedIndex = k
                raw.appended = true
                // A name the main tier does not know may still be a small town of the second tier.
                if !raw.candidates.isEmpty || hasSmallPlace(t, s, e) { raws.append(raw) }
            }
            var resolved = decide(raws, t, &known)
            var forcedOut = [PlaceMention?](repeating: nil, count: forced.count)
            var found: [PlaceMention] = []
            // (Room for every mention at once: no regrowth and copying of the mentions.)
            found.reserveCapacity(raws.count)
            // (By index: no copy of each mention.)
            for j in 0..<min(raws.count, resolved.count) {
                // (Moved out, not copied: a mention holds several strings.)
                guard var m = resolved[j].take() else { continue }
                if let k = raws[j].forcedIndex {
                    var f = m
                    f.range = TextRange(start: Int32(raws[j].nameStart), end: Int32(raws[j].nameEnd))
                    forcedOut[k] = f
                }
                if j < scanned && (!raws[j].demonym || raws[j].head == .border) {
                    m.range = TextRange(start: Int32(raws[j].start), end: Int32(raws[j].end))
                    found.append(consume m)
                }
            }
            found.sort { $0.range.start < $1.range.start }
            return (found, forcedOut)
        }
    }

    private func lookupForced(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Raw {
        var fold: [UInt8] = []
        var sk: [UInt8] = []
        NameKey.fold(UnsafeBufferPointer(rebasing: t[s..<e]), into: &fold)
        var cands = fold.withUnsafeBufferPointer { gazetteer.candidates(folded: $0, skeletonBuffer: &sk, useSkeleton: true) }
        // An acronym of three capitals or fewer ("CHU", "UN") is a country or division, as the scan takes it.
        if e - s <= 3 && t[s..<e].allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2E }) {
            cands = cands.filter { c in
                let k = gazetteer.kindOf[Int(c.index)]
                return c.match != .skeleton && (k == .country || k == .admin1 || k == .continent)
            }
        }
        var demonym = false
        if !cands.contains(where: { $0.match != .skeleton }), let d = gazetteer.demonymIndex(folded: fold) {
            cands = [Gazetteer.Candidate(index: d, match: .alternate)]
            demonym = true
        }
        var raw = Raw(start: s, end: e, nameStart: s, nameEnd: e, candidates: cands, head: nil, qualifierWords: [],
                      rural: false, direction: false, cue: true, singleWord: false, forcedIndex: nil, demonym: demonym)
        raw.nameHash = NameKey.hash(fold)
        return raw
    }

    /// The second tier knows a town of this name.
    private func hasSmallPlace(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard let tier = SmallPlaces.loadDefault() else { return false }
        var fold: [UInt8] = []
        NameKey.fold(UnsafeBufferPointer(rebasing: t[s..<e]), into: &fold)
        return fold.withUnsafeBufferPointer { !tier.indices(folded: $0).isEmpty }
    }

    /// `NameKey.hash` of "the" and "of", as literals: constants in the binary, not lazily computed globals whose every
    /// read checks that they are set (`PlaceLookupMemoTests` pins them to the hash).
    static let theHash: UInt64 = 0x56f5_c919_4461_d57c
    static let ofHash: UInt64 = 0x08b0_6007_b556_7108

    /// The raw mentions in `t` (its words `words`); gazetteer lookups go through `known`.
    private func scan(_ t: UnsafeBufferPointer<UInt8>, _ words: [PlaceWord], _ known: inout PlaceLookupMemo) -> [Raw] {
        var raws: [Raw] = []
        // (At most one mention per capitalised word, and rarely more than one per eight words: room reserved once for
        // that many, not regrown from one to two to four.)
        raws.reserveCapacity(16 + words.count / 8)
        var fold: [UInt8] = []
        var sk: [UInt8] = []
        // Words folded in one flat buffer (no allocation per word), with their hashes, in `info`.
        // Folded bytes are written at `used`; the buffer grows only if folds outgrow the text.
        // (Not zero-filled: only bytes below `used`, each written before it is read, are ever read.)
        let flatCapacity = t.count + t.count / 8 + 16
        var flat = [UInt8](unsafeUninitializedCapacity: flatCapacity) { _, count in count = flatCapacity }
        var used = 0
        let n = words.count
        // Every word's fold: written in place by the pass below (no append and uniqueness check per word).
        let info = UnsafeMutablePointer<WordFolds.Info>.allocate(capacity: n + 1)
        defer { info.deallocate() }
        // Lower-case words matter only within a few words of a name (qualifiers, connectors, cues): four before it
        // and one after. The pass folds name-like words and the word after each (a connector inside a name or a head
        // noun: the words a name's fold may join); the other words near a name are folded on first use (`WordFolds`).
        var wk = 0
        // The first name-like word at or after `wk` (n: none).
        var nextName = 0
        while wk < n {
            // One pass over the words until a fold outgrows the flat buffer (then it grows and the pass resumes).
            var grow = 0
            words.withUnsafeBufferPointer { ws in
            flat.withUnsafeMutableBufferPointer { f in
                while wk < n {
                    let w = ws[wk]
                    while nextName < n && (nextName < wk || !(ws[nextName].capitalised || ws[nextName].arabic)) { nextName += 1 }
                    let afterName = wk > 0 && (ws[wk - 1].capitalised || ws[wk - 1].arabic)
                    if nextName != wk && !afterName {
                        // This word and the others up to the next name-like word (none of them after a name-like word):
                        // not folded here; near (the last four) or far. (Marked in one loop: the next name is found once.)
                        repeat {
                            let near = nextName < n && nextName - wk <= 4
                            (info + wk).initialize(to: WordFolds.Info(hash: 0, start: Int32(truncatingIfNeeded: used), length: 0,
                                                                      state: near ? 2 : 0, plain: false))
                            wk += 1
                        } while wk < nextName
                        continue
                    }
                    // Plain ASCII words (most of them) are hashed and written lower-cased in one pass (bytes of a
                    // word that turns out not plain are overwritten by its fold below).
                    let len = w.end - w.start
                    if used + len > f.count { grow = len; return }
                    var h: UInt64 = 0xcbf29ce484222325
                    var plain = true
                    var o = used
                    var q0 = w.start
                    // Eight bytes at a time where eight remain in the text and in `flat`: the leading letters of the
                    // eight (`asciiLetterRun`) lower-cased in one store and hashed from the register. (Bytes stored past
                    // the word's letters lie at or above `used` after it: overwritten before they are read.)
                    while q0 < w.end && q0 + 8 <= t.count && o + 8 <= f.count {
                        let x = UInt64(littleEndian: UnsafeRawPointer(t.baseAddress! + q0).loadUnaligned(as: UInt64.self))
                        let take = min(PlaceWordScanner.asciiLetterRun(x), w.end - q0)
                        if take == 0 { break }
                        var l = x | 0x2020_2020_2020_2020
                        UnsafeMutableRawPointer(f.baseAddress! + o).storeBytes(of: l.littleEndian, as: UInt64.self)
                        for _ in 0..<take { h = (h ^ (l & 0xFF)) &* 0x100000001b3; l >>= 8 }
                        q0 += take; o += take
                        if take < 8 { break }
                    }
                    for q in q0..<w.end {
                        let b = t[q]
                        let l = b | 0x20
                        if l >= 0x61 && l <= 0x7A { h = (h ^ UInt64(l)) &* 0x100000001b3; f[o] = l }
                        else if b >= 0x30 && b <= 0x39 { h = (h ^ UInt64(b)) &* 0x100000001b3; f[o] = b }
                        else { plain = false; break }
                        o += 1
                    }
                    if plain {
                        (info + wk).initialize(to: WordFolds.Info(hash: h, start: Int32(truncatingIfNeeded: used),
                                                                  length: Int32(truncatingIfNeeded: len), state: 1, plain: len > 0))
                        used = o
                        wk += 1
                        continue
                    }
                    NameKey.fold(UnsafeBufferPointer(rebasing: t[w.start..<w.end]), into: &fold)
                    if used + fold.count > f.count { grow = fold.count; return }
                    (info + wk).initialize(to: WordFolds.Info(hash: NameKey.hash(fold), start: Int32(truncatingIfNeeded: used),
                                                              length: Int32(truncatingIfNeeded: fold.count), state: 1, plain: false))
                    for b in fold { f[used] = b; used += 1 }
                    wk += 1
                }
            }}
            if grow > 0 { flat.append(contentsOf: repeatElement(0, count: grow + t.count / 8 + 16)) }
        }
        let connectorTable = lexicon.connectorTable
        let openers = lexicon.openerTable
        // The folded words at a fixed address for the rest of the scan: a name's fold is read where it lies (one word)
        // or joined by `SpanFolds` (several words), not copied into an array per span.
        let flatCount = used
        let flatBase = UnsafeMutablePointer<UInt8>.allocate(capacity: flatCount + 1)
        defer { flatBase.deallocate() }
        flat.withUnsafeBufferPointer { flatBase.initialize(from: $0.baseAddress!, count: flatCount) }
        let folds = WordFolds(t: t, info: info, flat: flatBase)
        func hashOf(_ k: Int) -> UInt64 { folds.hash(k, words) }
        @inline(__always) func isConnector(_ i: Int) -> Bool {
            guard !words[i].capitalised, folds.length(i, words) <= 5 else { return false }
            return connectorTable[folds.hash(i, words)] != nil
        }
        func nameLike(_ i: Int) -> Bool { words[i].capitalised || words[i].arabic }
        // The folds of spans of words (a local variable, not state captured by a nested function).
        var spans = SpanFolds(t: t, info: info, flat: flatBase, flatCount: flatCount, wordCount: n)
        defer { spans.deallocate() }
        // Names repeat within a document: each spelling is looked up once (key → index in `memo`).
        var lookups = NameKeyTable(capacity: 64, filterBits: 10)
        var memo: [[Gazetteer.Candidate]] = []
        // (Room for a look-up per mention the scan reserves room for: rarely regrown.)
        memo.reserveCapacity(16 + n / 8)
        var i = 0
        while i < n {
            guard nameLike(i) else { i += 1; continue }
            // The run of name-like words and inner connectors starting at i.
            var runEnd = i + 1
            while runEnd < n && runEnd - i < Self.maxWords && (!words[runEnd].breakBefore || Self.joinsAfterAbbreviation(words, runEnd, t))
                    && (nameLike(runEnd) || (isConnector(runEnd) && runEnd + 1 < n && nameLike(runEnd + 1)
                                             && !words[runEnd + 1].breakBefore)) {
                runEnd += 1
            }
            var matched = false
            // Spans of two or more words only when the first word starts some longer name.
            var length = gazetteer.firstWords[hashOf(i)] != nil ? runEnd - i : 1
            while length >= 1 {
                let last = i + length - 1
                if !nameLike(last) { length -= 1; continue }
                let s = words[i].start, e = words[last].end
                // A following head noun ("countryside", "border") may be part of a listed name.
                var headIndex: Int? = nil
                if last + 1 < n && !words[last + 1].breakBefore && !nameLike(last + 1),
                   let role = lexicon.role(hashOf(last + 1)), role == .region || role == .border || role == .admin1 || role == .city {
                    headIndex = last + 1
                }
                var cands: [Gazetteer.Candidate] = []
                var spanEnd = e
                var usedHead = false
                // The fold looked up last (with or without the head noun); a view valid until the next `spans.view`.
                var fold = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
                if let h = headIndex {
                    fold = spans.view(i, h, words)
                    cands = known.candidates(gazetteer, folded: fold, hash: NameKey.hash(fold), skeletonBuffer: &sk, useSkeleton: false)
                    if !cands.isEmpty { spanEnd = words[h].end; usedHead = true }
                }
                var demonym = false
                // The hash of `fold` when it is the name alone (nil when it includes the head noun).
                var foldHash: UInt64? = nil
                if cands.isEmpty {
                    fold = spans.view(i, last, words)
                    // (One word's fold is the first pass's fold of it: its hash is the one computed there.)
                    let hash = length == 1 ? hashOf(i) : NameKey.hash(fold)
                    foldHash = hash
                    if length == 1 && !acceptableSingle(words[i], fold.count, hash, t) { length -= 1; continue }
                    // (Looked up by the hash at hand, not by hashing `fold` again.)
                    if !fold.isEmpty && gazetteer.demonyms[hash] != nil {
                        demonym = true
                    } else {
                        // Before "province" / "governorate" the division's own spelling may differ from the city's.
                        let wantsDivision = headIndex.map { lexicon.role(hashOf($0)) == .admin1 } ?? false
                        // Names repeat within a document: look each spelling up once.
                        let key = hash ^ (wantsDivision ? 0x9e3779b97f4a7c15 : 0)
                        if let m = lookups[key] { cands = memo[Int(m)] } else {
                            // A function word opening the span ("In Russia", "The Rs") makes no spelling variant of a
                            // longer name: the name after it is looked up alone (an Arabic article may: "As Sweida").
                            let openerFirst = length > 1 && openers[hashOf(i)] != nil && !Self.articleOpeners.contains(hashOf(i))
                            cands = known.candidates(gazetteer, folded: fold, hash: hash, skeletonBuffer: &sk,
                                                     useSkeleton: fold.count >= 4 && !openerFirst, alwaysSkeleton: wantsDivision)
                            lookups.set(key, Int32(memo.count))
                            memo.append(cands)
                        }
                    }
                }
                if demonym {
                    // "the Iraqi border": a demonym with a border noun is the country's border area.
                    if let h = headIndex, lexicon.role(hashOf(h)) == .border, let d = gazetteer.demonymIndex(folded: Array(fold)) {
                        var raw = makeRaw(s, words[h].end, [Gazetteer.Candidate(index: d, match: .alternate)], words, folds, i, h + 1)
                        raw.demonym = true
                        raw.head = .border
                        raws.append(consume raw)
                    }
                    i += length
                    matched = true
                    break
                }
                if !cands.isEmpty && length == 1 && Self.isPostalAbbreviation(words[i], t) {
                    cands = cands.filter { $0.match != .skeleton && gazetteer.kindOf[Int($0.index)] == .admin1 }
                }
                if !cands.isEmpty && length == 1 && !words[i].arabic && words[i].end - words[i].start <= 4 {
                    var allCaps = true
                    for k in words[i].start..<words[i].end where t[k] >= 0x61 && t[k] <= 0x7A { allCaps = false; break }
                    if allCaps {
                        cands = cands.filter { c in
                            let k = gazetteer.kindOf[Int(c.index)]
                            return c.match != .skeleton && (k == .country || k == .admin1 || k == .continent)
                        }
                    }
                }
                if !cands.isEmpty {
                    let after = usedHead ? headIndex! + 1 : last + 1
                    var raw = makeRaw(s, spanEnd, cands, words, folds, i, after)
                    raw.singleWord = length == 1
                    // "Kevin Allen", "Staffan de Mistura": another capitalised word (or one and a connector) before it.
                    let prev = i > 0 && !words[i].breakBefore && isConnector(i - 1) && i > 1 && !words[i - 1].breakBefore ? i - 2 : i - 1
                    // (A function word opening a sentence, "The Samos camp", "In Calamba", is no name.)
                    raw.afterOtherName = prev >= 0 && !words[prev + 1].breakBefore && nameLike(prev)
                        && !(prev == i - 2 && words[prev].sentenceStart)
                        // (The last mention's field read in place: `raws.last` would copy the whole mention.)
                        && !(!raws.isEmpty && raws[raws.count - 1].nameEnd == words[prev].end)
                        && !(words[prev].sentenceStart && openers[hashOf(prev)] != nil)
                        // (A direction or "rural" before it is the place's qualifier, not a given name: "Eastern Idlib".)
                        && !{ let r = lexicon.role(hashOf(prev)); return r == .direction || r == .rural }()
                    if raw.afterOtherName {
                        // An organisation's name before it ("University of Perpetual Help Dalta System Calamba"): "of"
                        // inside the run, or four or more capitalised words; a person's name is shorter.
                        var k = prev, count = 0
                        while k >= 0 && count < 4 {
                            if nameLike(k) { count += 1 } else if isConnector(k) { if hashOf(k) == Self.ofHash { count = 4; break } } else { break }
                            if words[k].breakBefore { break }
                            k -= 1
                        }
                        raw.afterOrganisation = count >= 4
                    }
                    raw.insideLongerRun = raw.afterOtherName
                        || (last + 1 < n && !words[last + 1].breakBefore && nameLike(last + 1))
                    raw.nameHash = foldHash ?? NameKey.hash(fold)
                    raw.firstWordHash = hashOf(i)
                    raw.sentenceStart = words[i].sentenceStart
                    if usedHead, let h = headIndex {
                        // "Damascus countryside", "Iraqi border": the listed name includes its head noun.
                        raw.head = lexicon.role(hashOf(h))
                        raw.nameEnd = e
                        if raw.qualifierWords.last != folds.string(h, words) { raw.qualifierWords.append(folds.string(h, words)) }
                    }
                    raws.append(consume raw)
                    i += length
                    matched = true
                    break
                }
                length -= 1
            }
            if !matched { i += 1 }
        }
        // "east of the province", "the north of the governorate": the division of the place named before.
        var anaphora: [Raw] = []
        // (Words far from names were not folded above: fold these few on demand, by hash.)
        // (Its own buffer: a nested function capturing `fold` would box it for every use above.)
        var wordFold: [UInt8] = []
        func wordHash(_ k: Int) -> UInt64 {
            let known = hashOf(k)
            if known != 0 { return known }
            // A word of ASCII letters and digits folds to its lower-case bytes (as in the first pass): hashed without
            // a call to `NameKey.fold`.
            var h: UInt64 = 0xcbf29ce484222325
            var plain = words[k].end > words[k].start
            for q in words[k].start..<words[k].end {
                let c = t[q], l = c | 0x20
                if l >= 0x61 && l <= 0x7A { h = (h ^ UInt64(l)) &* 0x100000001b3 }
                else if c >= 0x30 && c <= 0x39 { h = (h ^ UInt64(c)) &* 0x100000001b3 }
                else { plain = false; break }
            }
            if plain { return h }
            NameKey.fold(UnsafeBufferPointer(rebasing: t[words[k].start..<words[k].end]), into: &wordFold)
            return NameKey.hash(wordFold)
        }
        // (The words are filtered through a buffer pointer first: most fail on their length or first letter.)
        words.withUnsafeBufferPointer { ws in
        for k in 3..<max(3, n) {
            let w = ws[k]
            // (The first letter first: most words fail there.)
            let b0 = t[w.start] | 0x20
            guard b0 == 0x70 || b0 == 0x67 || b0 == 0x63 else { continue }  // province, governorate, city
            guard !(w.capitalised || w.arabic) && w.end - w.start >= 4 else { continue }
            guard !words[k].breakBefore, !words[k - 1].breakBefore, !words[k - 2].breakBefore,
                  wordHash(k - 1) == Self.theHash, wordHash(k - 2) == Self.ofHash,
                  let role = lexicon.role(wordHash(k)), role == .admin1 || role == .city,
                  let dr = lexicon.role(wordHash(k - 3)), dr == .direction || dr == .region else { continue }
            let dir = String(decoding: t[words[k - 3].start..<words[k - 3].end], as: UTF8.self).lowercased()
            let s = words[k - 3].start, e = words[k].end
            guard !raws.contains(where: { $0.start < e && $0.end > s }) else { continue }
            var raw = Raw(start: s, end: e, nameStart: s, nameEnd: e, candidates: [], head: role, qualifierWords: [],
                          rural: false, direction: true, cue: true, singleWord: false, forcedIndex: nil, demonym: false)
            raw.qualifierWords = [dir + " of"]
            raw.anaphoric = role
            anaphora.append(raw)
        }
        }
        if !anaphora.isEmpty {
            raws.append(contentsOf: anaphora)
            raws.sort { $0.start < $1.start }
        }
        return raws
    }

    /// A single capitalised word: not a stop word, not too short, not a sentence-initial common word.
    /// `foldCount` and `foldHash` are the length and `NameKey.hash` of its fold.
    private func acceptableSingle(_ w: PlaceWord, _ foldCount: Int, _ foldHash: UInt64, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        if lexicon.isStopword(foldHash) { return false }
        if w.arabic { return foldCount >= 4 }
        if foldCount < 3 {
            // A division's abbreviation after a town and a comma: "Gainesville, Va." (only divisions match it, below).
            if Self.isPostalAbbreviation(w, t) { return true }
            // Only all-capital abbreviations: "US", "UK".
            for k in w.start..<w.end where t[k] >= 0x61 && t[k] <= 0x7A { return false }
            return foldCount == 2
        }
        return true
    }

    /// Word `k` continues a name after an abbreviated first word and its period: "St. Louis", "Mt. Vernon", "Ft. Worth",
    /// "Ste. Foy" (the period is no sentence end there).
    static func joinsAfterAbbreviation(_ words: [PlaceWord], _ k: Int, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard k >= 1, words[k].capitalised else { return false }
        let a = words[k - 1]
        let len = a.end - a.start
        guard len == 2 || len == 3, a.end + 2 == words[k].start, t[a.end] == 0x2E, t[a.end + 1] == 0x20 else { return false }
        let b0 = t[a.start], b1 = t[a.start + 1], b2: UInt8 = len == 3 ? t[a.start + 2] : 0
        switch (b0, b1, b2) {
        case (0x53, 0x74, 0), (0x53, 0x74, 0x65), (0x4D, 0x74, 0), (0x46, 0x74, 0): return true  // St Ste Mt Ft
        default: return false
        }
    }

    /// A capital and a small letter with a period after, following a comma and a space: a division's postal-style
    /// abbreviation after a town ("Macon, Ga.", "Towson, Md.").
    static func isPostalAbbreviation(_ w: PlaceWord, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard w.end - w.start == 2, w.end < t.count, t[w.end] == 0x2E, w.start >= 2,
              t[w.start] >= 0x41 && t[w.start] <= 0x5A, t[w.start + 1] >= 0x61 && t[w.start + 1] <= 0x7A,
              t[w.start - 1] == 0x20, t[w.start - 2] == 0x2C else { return false }
        return true
    }

    /// Collects the qualifier words before (directions, "rural", relations, cues) and the head noun after.
    private func makeRaw(_ s: Int, _ e: Int, _ cands: [Gazetteer.Candidate], _ words: [PlaceWord], _ folds: WordFolds,
                         _ first: Int, _ after: Int) -> Raw {
        // (Fields gathered in locals and the mention built once at the end: no copy of it on return.)
        var cue = false, direction = false, rural = false
        var head: PlaceLexicon.Role? = nil
        var before: [String] = []
        var k = first - 1
        var firstWordBreak = words[first].breakBefore
        while k >= 0 && first - k <= 4 && !firstWordBreak {
            let f = folds.hash(k, words)
            if f == Self.theHash { firstWordBreak = words[k].breakBefore; k -= 1; continue }
            var role = lexicon.role(f)
            if role == nil && f != Self.ofHash { break }
            // two-word relations: "east of", "outskirts of"
            if f == Self.ofHash, k >= 1, !words[k].breakBefore {
                // (A word of ASCII letters and digits: the hash of its fold and " of" continued from its fold's hash, and
                // the string made only when the pair is a relation.)
                let r2: PlaceLexicon.Role?
                if var h = folds.plainHash(k - 1, words) {
                    h = (h ^ 0x20) &* 0x100000001b3; h = (h ^ 0x6F) &* 0x100000001b3; h = (h ^ 0x66) &* 0x100000001b3  // " of"
                    r2 = lexicon.role(h)
                } else {
                    r2 = lexicon.role(Array((folds.string(k - 1, words) + " of").utf8))
                }
                if let r2, r2 == .relation { before.insert(folds.string(k - 1, words) + " of", at: 0); cue = true; k -= 2; break }
                role = .cue
            }
            guard let r = role else { break }
            switch r {
            // (The word's string is made only when it is kept.)
            case .direction: direction = true; before.insert(folds.string(k, words), at: 0)
            case .rural: rural = true; before.insert(folds.string(k, words), at: 0)
            case .relation: cue = true; before.insert(folds.string(k, words), at: 0)
            case .cue: cue = true
            default: break
            }
            if r == .cue || r == .relation { break }
            firstWordBreak = words[k].breakBefore
            k -= 1
        }
        // Also a cue just before: "village of", "town of", "in", "near".
        if k >= 0 && !cue, let r = lexicon.role(folds.hash(k, words)), r == .cue || r == .relation { cue = true }
        var end = e
        if after < words.count && !words[after].breakBefore && !(words[after].capitalised || words[after].arabic),
           let r = lexicon.role(folds.hash(after, words)), r == .admin1 || r == .region || r == .city || r == .border {
            head = r
            before.append(folds.string(after, words))
            end = words[after].end
            // "the Damascus countryside bordering …", "Tafas town"
        }
        // Extend the range over direction / rural words that directly precede.
        var start = s
        var b = first - 1
        while b >= 0 && !words[b + 1].breakBefore {
            let f = folds.hash(b, words)
            if let r = lexicon.role(f), r == .direction || r == .rural { start = words[b].start; b -= 1 } else { break }
        }
        return Raw(start: start, end: end, nameStart: s, nameEnd: e, candidates: cands, head: head, qualifierWords: before,
                   rural: rural, direction: direction, cue: cue, singleWord: false, forcedIndex: nil, demonym: false)
    }
}

/// The folded words of a text, read through pointers that stay valid for one `scan` (passed around without
/// retains). Words next to a name were folded by the scan's first pass into `flat`; other words near a name are
/// folded on first use; words far from names read as hash 0 and length 0 (as the first pass leaves them).
struct WordFolds {
    struct Info {
        var hash: UInt64
        /// Offset of the fold in `flat` (first-pass words only).
        var start: Int32
        var length: Int32
        /// 0: far from names; 1: folded in `flat`; 2: near a name, not folded yet; 3: folded on use.
        var state: UInt8
        /// Folded in `flat` and ASCII letters and digits only (its fold is its lower-case bytes).
        var plain: Bool
    }
    let t: UnsafeBufferPointer<UInt8>
    let info: UnsafeMutablePointer<Info>
    let flat: UnsafePointer<UInt8>

    @inline(__always) func hash(_ k: Int, _ words: [PlaceWord]) -> UInt64 {
        if info[k].state == 2 { foldOnUse(k, words) }
        return info[k].hash
    }

    /// The hash of word `k`'s fold when the word is ASCII letters and digits (its fold is its lower-case bytes, as
    /// `string` gives them); nil for other words and words far from names.
    func plainHash(_ k: Int, _ words: [PlaceWord]) -> UInt64? {
        switch info[k].state {
        case 0: return nil
        case 1: return info[k].plain ? info[k].hash : nil
        default:
            let h = hash(k, words)
            let s = words[k].start, e = words[k].end
            guard e > s else { return nil }
            for q in s..<e where !(PlaceWordScanner.isASCIIAlnum(t[q])) { return nil }
            return h
        }
    }

    @inline(__always) func length(_ k: Int, _ words: [PlaceWord]) -> Int {
        if info[k].state == 2 { foldOnUse(k, words) }
        return Int(info[k].length)
    }

    /// The fold as a string ("" for a word far from names).
    func string(_ k: Int, _ words: [PlaceWord]) -> String {
        switch info[k].state {
        case 0: return ""
        case 1: return String(decoding: UnsafeBufferPointer(start: flat + Int(info[k].start), count: Int(info[k].length)), as: UTF8.self)
        default:
            // A word of ASCII letters and digits: its fold is its lower-case bytes, written straight into the string.
            let s = words[k].start, e = words[k].end
            var plain = e > s
            for q in s..<e where !(PlaceWordScanner.isASCIIAlnum(t[q])) { plain = false; break }
            if plain {
                return String(unsafeUninitializedCapacity: e - s) { out in
                    for q in s..<e { out[q - s] = t[q] >= 0x41 && t[q] <= 0x5A ? t[q] | 0x20 : t[q] }
                    return e - s
                }
            }
            var f: [UInt8] = []
            NameKey.fold(UnsafeBufferPointer(rebasing: t[words[k].start..<words[k].end]), into: &f)
            return String(decoding: f, as: UTF8.self)
        }
    }

    /// As the first pass: a word of ASCII letters and digits hashed lower-cased, else its fold hashed.
    private func foldOnUse(_ k: Int, _ words: [PlaceWord]) {
        let s = words[k].start, e = words[k].end
        var h: UInt64 = 0xcbf29ce484222325
        var plain = true
        for q in s..<e {
            let b = t[q], l = b | 0x20
            if l >= 0x61 && l <= 0x7A { h = (h ^ UInt64(l)) &* 0x100000001b3 }
            else if b >= 0x30 && b <= 0x39 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            else { plain = false; break }
        }
        if plain {
            info[k].hash = h
            info[k].length = Int32(truncatingIfNeeded: e - s)
        } else {
            var f: [UInt8] = []
            NameKey.fold(UnsafeBufferPointer(rebasing: t[s..<e]), into: &f)
            info[k].hash = NameKey.hash(f)
            info[k].length = Int32(truncatingIfNeeded: f.count)
        }
        info[k].state = 3
    }
}
