import Foundation
import SitrepCore
import SitrepLanguage

/// Finds actors in a document: dictionary names and aliases (longest match wins), generic typed groups
/// ("rebel forces"), acronyms defined in brackets ("… Observatory for Human Rights (SOHR)", "Jabhat
/// Tahrir Suriya (JTS)") and their later uses, and people tied to organisations ("X, head of Y").
public struct ActorMatcher: Sendable {
    public let dictionary: ActorDictionary
    let roles: ActorWordList
    let nameWords: ActorWordList

    public init(dictionary: ActorDictionary) throws {
        self.dictionary = dictionary
        self.roles = try ActorWordList.loadResource("actor-roles")
        self.nameWords = try ActorWordList.loadResource("actor-name-words")
    }

    /// The shipped dictionary and word lists.
    public static func loadDefault() throws -> ActorMatcher { try ActorMatcher(dictionary: ActorDictionary.loadDefault()) }

    /// Actor mentions sorted by start offset. `tokens` are the language layer's (or `EntityWordSplitter`'s).
    public func find(in text: String, tokens: [Token]?) -> [ActorMention] {
        analyze(text, tokens: tokens).mentions
    }

    static let functionWords: Set<UInt64> = Set(["of", "for", "the", "and", "in", "on", "de", "bin", "wal", "to", "&"].map(ActorUnits.hashFolded))
    static let prepositions: Set<UInt64> = Set(["of", "for", "with", "at", "from", "in", "to"].map(ActorUnits.hashFolded))
    static let determiners: Set<UInt64> = Set(["a", "an", "the", "its", "their", "his", "her"].map(ActorUnits.hashFolded))
    static let the = ActorUnits.hashFolded("the")
    /// Second halves of compounds that place an organisation ("Amman-based", "UK-backed").
    static let placeCompounds: Set<UInt64> = Set(["based", "backed", "led", "linked", "affiliated", "funded", "supported"].map(ActorUnits.hashFolded))
    static let open = ActorUnits.hashFolded("("), close = ActorUnits.hashFolded(")"), comma = ActorUnits.hashFolded(",")

    struct Hit {
        var start: Int  // unit indexes
        var end: Int
        var entry: Int32  // -1: document-defined
        var mention: ActorMention
    }

    /// Mentions, affiliations and bracket acronyms. `entities` (e.g. from `EntityRecognizer`) help find
    /// the person in "X, head of Y" when X is in no dictionary.
    public func analyze(_ text: String, tokens: [Token]?, entities: [EntityMention] = []) -> ActorFindings {
        analyze(text, tokens: tokens, entities: entities, filtered: true)
    }

    /// `filtered: false` visits every unit in the three walks below (names, bracket acronyms, role words) rather
    /// than only those the one pass of `Candidates` picks: the plain computation the filtered one is tested against.
    func analyze(_ text: String, tokens: [Token]?, entities: [EntityMention], filtered: Bool) -> ActorFindings {
        var text = text
        let tokens = tokens ?? EntityWordSplitter.split(text)
        return text.withUTF8 { b in analyze(bytes: b, tokens: tokens, entities: entities, filtered: filtered) }
    }

    /// The units each walk of `analyze` may act on, found in one pass over the units: where a dictionary name may
    /// start (a word passing the first-unit filter), where a bracket opens, and where a role word may stand (a word
    /// passing the role list's filter). The walks check their own conditions again; these lists only skip the
    /// units those checks would pass over.
    struct Candidates {
        var nameStarts: [Int32] = []
        var opens: [Int32] = []
        var roles: [Int32] = []

        /// Every unit, for each walk (the plain computation).
        init(all n: Int) {
            let every = (0..<n).map { Int32($0) }
            nameStarts = every; opens = every; roles = every
        }

        /// The pass reads each unit's fields in place and both filters' words through pointers; name starts are
        /// written straight into their list's storage (room for every unit), brackets and role words, rare, appended.
        init(units: [ActorUnit], dictionary: ActorDictionary, roles list: ActorWordList) {
            let open = ActorMatcher.open
            let n = units.count
            var opens: [Int32] = [], roles: [Int32] = []
            nameStarts = [Int32](unsafeUninitializedCapacity: n) { starts, count in
                var k = 0
                units.withUnsafeBufferPointer { ub in
                    dictionary.firstUnits.withUnsafeBufferPointer { first in
                        list.filterWords.withUnsafeBufferPointer { listed in
                            guard let base = ub.baseAddress else { return }
                            for i in 0..<n {
                                let u = base + i
                                let folded = u.pointee.folded
                                if folded == open { opens.append(Int32(truncatingIfNeeded: i)) }
                                guard u.pointee.flags & ActorUnit.word != 0 else { continue }
                                // `ActorDictionary.mayStart` and `ActorWordList.mayContain`, on one filter position.
                                let f = ActorDictionary.filterBit(folded)
                                var may = first[f.word] & f.bit != 0
                                if !may, u.pointee.alternative != 0 {
                                    let a = ActorDictionary.filterBit(u.pointee.alternative)
                                    may = first[a.word] & a.bit != 0
                                }
                                if may { (starts.baseAddress! + k).initialize(to: Int32(truncatingIfNeeded: i)); k &+= 1 }
                                if listed[f.word] & f.bit != 0 { roles.append(Int32(truncatingIfNeeded: i)) }
                            }
                        }
                    }
                }
                count = k
            }
            self.opens = opens
            self.roles = roles
        }
    }

    private func slice(_ b: UnsafeBufferPointer<UInt8>, _ start: Int32, _ end: Int32) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[Int(start)..<Int(end)]), as: UTF8.self)
    }

    private func analyze(bytes b: UnsafeBufferPointer<UInt8>, tokens: [Token], entities: [EntityMention], filtered: Bool) -> ActorFindings {
        let units = ActorUnits.units(bytes: b, tokens: tokens)
        let n = units.count
        let candidates = filtered ? Candidates(units: units, dictionary: dictionary, roles: roles) : Candidates(all: n)
        var hits: [Hit] = []
        let entries = dictionary.entries
        func mention(_ s: Int, _ e: Int, _ entry: Int32, score: Double) -> ActorMention {
            let k = Int(entry)
            let r = TextRange(start: units[s].extendedStart, end: units[e - 1].end)
            let id = entries[k].id
            return ActorMention(range: r, id: id, name: id == nil ? slice(b, r.start, r.end) : entries[k].name,
                                kind: entries[k].kind, score: score)
        }
        // 1. Dictionary names, longest first.
        var i = 0
        for c in candidates.nameStarts where Int(c) >= i {
            i = Int(c)
            // (Most words start no name: the dictionary's first-unit filter, checked here without a call.)
            guard units[i].isWord, dictionary.mayStart(units[i]), var m = dictionary.longestMatch(units, at: i, filtered: false)
            else { i += 1; continue }
            // "the Syrian Observatory for Human Rights": a longer name after "the" beats an alias with "the".
            if units[i].folded == Self.the, let next = dictionary.longestMatch(units, at: i + 1), next.end > m.end {
                i += 1; m = next
            }
            if m.end - i == 1, units[i].isAllCaps, units[i].end - units[i].start <= 2, inCapitalisedRun(units, i) {
                i += 1; continue  // "IS" inside an all-caps headline is the verb
            }
            let generic = entries[Int(m.entry)].id == nil
            hits.append(Hit(start: i, end: m.end, entry: m.entry, mention: mention(i, m.end, m.entry, score: generic ? 0.8 : 1)))
            i = m.end
        }
        // 2. Acronyms in brackets after a name.
        var acronyms: [UInt64: ActorMention] = [:]
        var acronymNames: [String: ActorMention] = [:]
        let open = Self.open, close = Self.close
        for c in candidates.opens {
            let k = Int(c)
            guard k >= 1, k + 2 < n, units[k].folded == open, units[k + 2].folded == close, units[k + 1].isWord, units[k + 1].isAllCaps
            else { continue }
            let acronym = slice(b, units[k + 1].start, units[k + 1].end)
            let letters = Array(acronym.utf8.filter { $0 >= 0x41 && $0 <= 0x5A })
            guard letters.count >= 2, letters.count <= 8 else { continue }
            if let h = hits.lastIndex(where: { $0.end == k }), hits[h].mention.id != nil {
                // A dictionary name: the acronym stands for it in this document.
                var m = hits[h].mention
                acronyms[units[k + 1].exact] = m
                m.range = TextRange(start: units[k + 1].start, end: units[k + 1].end)
                acronymNames[acronym] = hits[h].mention
                hits.removeAll { $0.start == k + 1 }
                hits.append(Hit(start: k + 1, end: k + 2, entry: hits[h].entry, mention: m))
                continue
            }
            guard let start = nameStart(for: letters, before: k, units: units, bytes: b) else { continue }
            var nameFrom = start
            while nameFrom < k && units[nameFrom].folded == Self.the { nameFrom += 1 }
            let range = TextRange(start: units[nameFrom].extendedStart, end: units[k - 1].end)
            var kind = ActorKind.other
            for u in units[nameFrom..<k] { if let v = nameWords[u], let kd = ActorKind(rawValue: v) { kind = kd } }
            let m = ActorMention(range: range, id: nil, name: slice(b, range.start, range.end), kind: kind, score: 0.7)
            hits.removeAll { $0.start >= nameFrom && $0.end <= k + 2 }
            hits.append(Hit(start: nameFrom, end: k, entry: -1, mention: m))
            var am = m
            am.range = TextRange(start: units[k + 1].start, end: units[k + 1].end)
            hits.append(Hit(start: k + 1, end: k + 2, entry: -1, mention: am))
            acronyms[units[k + 1].exact] = m
            acronymNames[acronym] = m
        }
        // 3. Later uses of bracket acronyms.
        if !acronyms.isEmpty {
            hits.sort { $0.start < $1.start }
            var covered = [Bool](repeating: false, count: n)
            for h in hits { for j in h.start..<h.end { covered[j] = true } }
            for j in 0..<n where !covered[j] && units[j].isWord && units[j].isAllCaps {
                guard var m = acronyms[units[j].exact] else { continue }
                m.range = TextRange(start: units[j].start, end: units[j].end)
                hits.append(Hit(start: j, end: j + 1, entry: -1, mention: m))
            }
        }
        hits.sort { $0.start < $1.start }
        let affiliations = findAffiliations(units: units, hits: hits, entities: entities, bytes: b, candidates: candidates.roles)
        return ActorFindings(mentions: hits.map(\.mention), affiliations: affiliations, documentAcronyms: acronymNames)
    }

    /// An all-caps unit between all-caps words reads as part of a headline.
    private func inCapitalisedRun(_ units: [ActorUnit], _ i: Int) -> Bool {
        func caps(_ j: Int) -> Bool {
            j >= 0 && j < units.count && units[j].isWord && units[j].isAllCaps && units[j].end - units[j].start >= 2
        }
        return caps(i - 1) && caps(i + 1)
    }

    /// Where the name an acronym abbreviates starts: walking back from the bracket, each letter (last
    /// first) must be the initial of a capitalised word; "of", "for", "the", "and" are skipped.
    private func nameStart(for letters: [UInt8], before k: Int, units: [ActorUnit], bytes b: UnsafeBufferPointer<UInt8>) -> Int? {
        var p = letters.count - 1
        var j = k - 1
        var skipped = 0
        while j >= 0 && p >= 0 {
            let u = units[j]
            guard u.isWord else { return nil }
            let initial = b[Int(u.start)] & 0xDF
            if u.isCapitalised && initial == letters[p] {
                p -= 1; skipped = 0
                if p < 0 { return j }
            } else if Self.functionWords.contains(u.folded) && skipped < 2 {
                skipped += 1
            } else {
                return nil
            }
            j -= 1
        }
        return nil
    }

    // MARK: affiliations

    private func findAffiliations(units: [ActorUnit], hits: [Hit], entities: [EntityMention],
                                  bytes b: UnsafeBufferPointer<UInt8>, candidates: [Int32]) -> [ActorAffiliation] {
        // Units that may be role words (the word list's filter, among the candidates): none in most documents, and
        // then nothing below is built.
        var roleUnits: [Int] = []
        units.withUnsafeBufferPointer { ub in
            for c in candidates where ub[Int(c)].isWord && roles.mayContain(ub[Int(c)]) { roleUnits.append(Int(c)) }
        }
        if roleUnits.isEmpty { return [] }
        var out: [ActorAffiliation] = []
        var starting = [Int32](repeating: -1, count: units.count + 1), ending = starting
        for h in hits.indices { starting[hits[h].start] = Int32(h); ending[hits[h].end] = Int32(h) }
        func hitStarting(_ u: Int) -> Int? { u < starting.count && starting[u] >= 0 ? Int(starting[u]) : nil }
        func hitEnding(_ u: Int) -> Int? { u >= 0 && u < ending.count && ending[u] >= 0 ? Int(ending[u]) : nil }
        let persons = entities.filter { $0.label == .person }
        let organisations = entities.filter { $0.label == .organisation }
        func isOrganisation(_ m: ActorMention) -> Bool { m.kind != .person && m.kind != .civilians && !(m.id == nil && m.score >= 0.8) }
        // The organisation after "of/for/with …": a hit within a few units, or a capitalised run.
        func organisation(after r: Int) -> (TextRange, String?, String)? {
            var j = r
            guard j < units.count, Self.prepositions.contains(units[j].folded) else { return nil }
            j += 1
            var steps = 0
            while j < units.count && steps < 4 {
                if let h = hitStarting(j) {
                    let m = hits[h].mention
                    return isOrganisation(m) ? (m.range, m.id, m.name) : nil
                }
                if !units[j].isWord { return nil }
                j += 1; steps += 1
            }
            // An organisation the recogniser found.
            if r + 1 < units.count {
                let from = units[r + 1].start, to = units[min(units.count - 1, r + 6)].end
                if let o = organisations.first(where: { $0.range.start >= from && $0.range.start < to }) {
                    return (o.range, nil, slice(b, o.range.start, o.range.end))
                }
            }
            // No known name: a run of capitalised words ("the Amman-based WANA Institute" → "WANA Institute").
            var s = r + 1
            while s < units.count && Self.determiners.contains(units[s].folded) { s += 1 }
            while s + 1 < units.count && units[s].token == units[s + 1].token && Self.placeCompounds.contains(units[s + 1].folded) { s += 2 }
            var e = s
            while e < units.count && units[e].isWord && (units[e].isCapitalised || (e > s && Self.functionWords.contains(units[e].folded) && e + 1 < units.count && units[e + 1].isCapitalised)) { e += 1 }
            guard e > s else { return nil }
            let range = TextRange(start: units[s].extendedStart, end: units[e - 1].end)
            return (range, nil, slice(b, range.start, range.end))
        }
        // The person written just before unit `e` (exclusive): a person hit, a PER entity, or capitalised words.
        func person(endingAt e: Int) -> (TextRange, String?, String)? {
            guard e > 0 else { return nil }
            if let h = hitEnding(e) {
                let m = hits[h].mention
                return m.kind == .person ? (m.range, m.id, m.name) : nil
            }
            let end = units[e - 1].end
            if let p = persons.last(where: { $0.range.end == end }) { return (p.range, nil, slice(b, p.range.start, p.range.end)) }
            var s = e
            while s > 0 && e - s < 4 && units[s - 1].isWord && units[s - 1].isCapitalised && !units[s - 1].isAllCaps && hitEnding(s) == nil { s -= 1 }
            guard e - s >= 2 else { return nil }
            let range = TextRange(start: units[s].extendedStart, end: end)
            return (range, nil, slice(b, range.start, range.end))
        }
        func person(startingAt s: Int) -> (TextRange, String?, String)? {
            guard s < units.count else { return nil }
            if let h = hitStarting(s) {
                let m = hits[h].mention
                return m.kind == .person ? (m.range, m.id, m.name) : nil
            }
            if let p = persons.first(where: { $0.range.start == units[s].extendedStart || $0.range.start == units[s].start }) {
                return (p.range, nil, slice(b, p.range.start, p.range.end))
            }
            var e = s
            while e < units.count && e - s < 4 && units[e].isWord && units[e].isCapitalised && !units[e].isAllCaps && hitStarting(e) == nil { e += 1 }
            guard e - s >= 2 else { return nil }
            let range = TextRange(start: units[s].extendedStart, end: units[e - 1].end)
            return (range, nil, slice(b, range.start, range.end))
        }
        for r in roleUnits {
            guard let role = roles[units[r]] else { continue }
            if let h = hitStarting(r), hits[h].mention.id != nil { continue }
            // "Y spokesman X": an organisation right before the role, a person right after it.
            if let h = hitEnding(r), isOrganisation(hits[h].mention), let p = person(startingAt: r + 1) {
                let m = hits[h].mention
                out.append(ActorAffiliation(person: p.0, personName: p.2, personID: p.1, role: role,
                                            organisation: m.range, organisationID: m.id, organisationName: m.name))
                continue
            }
            guard let org = organisation(after: r + 1) else { continue }
            // Walk back over adjectives ("the media", "a military") to a determiner or a comma.
            var j = r - 1
            var adjectives = 0
            while j >= 0 && units[j].isWord && !units[j].isCapitalised && !Self.determiners.contains(units[j].folded) && adjectives < 2 {
                j -= 1; adjectives += 1
            }
            var determiner = -1
            if j >= 0 && Self.determiners.contains(units[j].folded) { determiner = j; j -= 1 }
            if j >= 0 && units[j].folded == Self.comma, let p = person(endingAt: j) {
                out.append(ActorAffiliation(person: p.0, personName: p.2, personID: p.1, role: role,
                                            organisation: org.0, organisationID: org.1, organisationName: org.2))
            } else if determiner >= 0 {
                // "a spokesman with Y": the role phrase is the person.
                let range = TextRange(start: units[determiner].start, end: units[r].end)
                out.append(ActorAffiliation(person: range, personName: slice(b, range.start, range.end), role: role,
                                            organisation: org.0, organisationID: org.1, organisationName: org.2))
            }
        }
        return out
    }
}
