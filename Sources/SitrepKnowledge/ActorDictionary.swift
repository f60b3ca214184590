import Foundation
import SitrepCore
import SitrepLanguage

/// The actor dictionary: named actors (`Resources/actors.tsv`: id, canonical name, kind, aliases,
/// parent, country, valid from, valid to) and generic typed phrases (`Resources/generic-actors.tsv`:
/// phrase, kind), compiled into a trie over folded word units.
///
/// Aliases compare case-folded, without diacritics or apostrophes, with the Arabic article in any form
/// (`al-`, `a-`, `el-`, `as-`, `Al `, and attached `Al…` when nothing else matches) ignored and
/// hyphens read as word breaks. Short all-caps acronyms
/// (`IS`, `AP`, `SANA`, `U.S.`) and "The" + one word (`The National`) match only as written, so the verb
/// "is" is never the Islamic State.
public final class ActorDictionary: Sendable {
    /// Named entries first (in file order), then generic phrases (id `nil`).
    public let entries: [ActorEntry]
    private let byID: [String: Int]

    struct Target: Sendable {
        var entry: Int32
        /// Exact unit hashes for case-sensitive aliases; nil when case-folded.
        var exact: [UInt64]?
        /// A one-word alias written with its article ("Al-Hayat") matches only with an article.
        var needsArticle = false
    }

    /// Trie edges: `edgeKey(node, unit)` → child node; node 0 is the root.
    let edges: PerceptronFeatureTable
    /// Child node of each edge row.
    let children: [Int32]
    /// Targets ending at each node, flat (no array retained per look): node `n`'s are
    /// `targetStart[n]..<targetStart[n + 1]`, in the order they are tried.
    let targetStart: [Int32]
    /// Per target: its entry, whether it needs an article, and where its exact unit hashes start in `exactHashes`
    /// (as many as the node's depth), or -1 when it compares case-folded.
    let targetEntry: [Int32]
    let targetNeedsArticle: [Bool]
    let targetExactStart: [Int32]
    let exactHashes: [UInt64]
    /// Most units in one alias.
    let maxUnits: Int
    /// One bit per folded hash (its top 16 bits) of every alias's first unit: most words start no alias and
    /// end here, without a trie lookup.
    let firstUnits: [UInt64]

    @inline(__always) static func filterBit(_ h: UInt64) -> (word: Int, bit: UInt64) { (Int(truncatingIfNeeded: h >> 54), 1 << ((h >> 48) & 63)) }

    /// Whether an alias may start with this unit (its folded form or its form without an attached article).
    @inline(__always) func mayStart(_ u: ActorUnit) -> Bool {
        let f = Self.filterBit(u.folded)
        if firstUnits[f.word] & f.bit != 0 { return true }
        guard u.alternative != 0 else { return false }
        let a = Self.filterBit(u.alternative)
        return firstUnits[a.word] & a.bit != 0
    }

    @inline(__always) static func edgeKey(_ node: Int32, _ unit: UInt64) -> UInt64 {
        NERFeatures.mix(UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15 ^ unit)
    }

    /// The shipped dictionary: `actors.tsv` and `generic-actors.tsv`.
    public static func loadDefault() throws -> ActorDictionary {
        try load(from: [resource("actors"), resource("generic-actors")])
    }

    static func resource(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources") else {
            throw SitrepError(code: "knowledge.missingResource", input: "\(name).tsv",
                              message: "the data file is missing from the SitrepKnowledge bundle")
        }
        return url
    }

    /// Dictionary files: a file whose rows have two columns (phrase, kind) holds generic phrases; rows
    /// with three or more are named actors. Errors name the file and line.
    public static func load(from urls: [URL]) throws -> ActorDictionary {
        var rows: [(entry: ActorEntry, source: String)] = []
        for url in urls {
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw SitrepError(code: "data.unreadable", input: url.path, message: "cannot read the dictionary file: \(error.localizedDescription)")
            }
            rows += try parse(text, input: url.path)
        }
        return try ActorDictionary(rows: rows)
    }

    /// A dictionary from entries in memory (tests, tools).
    public convenience init(entries: [ActorEntry]) throws {
        try self.init(rows: entries.enumerated().map { ($0.element, "entry \($0.offset + 1)") })
    }

    /// Parses one data file's text.
    static func parse(_ text: String, input: String) throws -> [(entry: ActorEntry, source: String)] {
        var out: [(ActorEntry, String)] = []
        for (n, rawLine) in dataLines(text).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let where_ = "\(input):\(n + 1)"
            func fail(_ code: String, _ message: String) -> SitrepError { SitrepError(code: code, input: where_, message: message) }
            let f = dataFields(line).map(trimmedField)
            func field(_ i: Int) -> String? { i < f.count && !f[i].isEmpty ? f[i] : nil }
            if f.count == 2 {
                guard let phrase = field(0), let kindText = field(1) else { throw fail("data.badRow", "a generic row needs a phrase and a kind") }
                guard let kind = ActorKind(rawValue: kindText) else {
                    throw fail("data.unknownKind", "unknown kind '\(kindText)' (one of \(ActorKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                out.append((ActorEntry(id: nil, name: phrase, kind: kind), where_))
                continue
            }
            guard f.count >= 3, f.count <= 8 else {
                throw fail("data.badRow", "expected 8 tab-separated columns (id, name, kind, aliases, parent, country, valid_from, valid_to), found \(f.count)")
            }
            guard let id = field(0), let name = field(1), let kindText = field(2) else {
                throw fail("data.badRow", "id, name and kind must not be empty")
            }
            guard id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else {
                throw fail("data.badID", "id '\(id)' must be lowercase letters, digits and hyphens")
            }
            guard let kind = ActorKind(rawValue: kindText) else {
                throw fail("data.unknownKind", "unknown kind '\(kindText)' (one of \(ActorKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let aliases = field(3).map { aliasFields($0).map(trimmedField).filter { !$0.isEmpty } } ?? []
            func day(_ i: Int, _ what: String) throws -> CalendarDay? {
                guard let s = field(i) else { return nil }
                guard let d = CalendarDay(iso: s) else { throw fail("data.badDate", "\(what) '\(s)' is not a YYYY-MM-DD date") }
                return d
            }
            let country = field(5)
            if let country, country.utf8.count != 2 || !country.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) {
                throw fail("data.badCountry", "country '\(country)' is not an ISO 3166 two-letter code")
            }
            out.append((ActorEntry(id: id, name: name, kind: kind, aliases: aliases, parent: field(4), country: country,
                                   validFrom: try day(6, "valid_from"), validTo: try day(7, "valid_to")), where_))
        }
        return out
    }

    /// `text.split(separator: "|")`, split on the bytes when every `|` has ASCII bytes (or the text's
    /// ends) on both sides: then each `|` is a character of its own (no ASCII byte extends or prepends a
    /// character), so the pieces are the same. Otherwise split by characters.
    static func aliasFields(_ text: String) -> [Substring] {
        let asciiNeighbours = text.utf8.withContiguousStorageIfAvailable { u in
            for i in 0..<u.count where u[i] == 0x7C {
                if (i > 0 && u[i - 1] >= 0x80) || (i + 1 < u.count && u[i + 1] >= 0x80) { return false }
            }
            return true
        }
        guard asciiNeighbours == true else { return text.split(separator: "|") }
        return splitOnByte(Substring(text), 0x7C).filter { !$0.isEmpty }
    }

    /// Whether an alias is matched as written: a short all-caps acronym, or "The" and one capitalised
    /// word ("The National", "The Independent", which would otherwise match "the national army").
    static func isCaseSensitive(_ units: [ActorUnit], text: String) -> Bool {
        guard !units.isEmpty else { return false }
        if units.count == 2, text.hasPrefix("The "), units[1].isCapitalised { return true }
        var letters = 0
        for u in units {
            guard u.isWord, u.isAllCaps else { return false }
            guard let s = text.slice(TextRange(start: u.start, end: u.end)) else { return false }
            let n = s.utf8.filter { ($0 >= 0x41 && $0 <= 0x5A) }.count
            if n > 5 { return false }
            letters += n
        }
        return letters <= 8
    }

    private init(rows: [(entry: ActorEntry, source: String)]) throws {
        // Named entries first, then generic phrases.
        let ordered = rows.filter { $0.entry.id != nil } + rows.filter { $0.entry.id == nil }
        var byID: [String: Int] = [:]
        for (i, row) in ordered.enumerated() {
            guard let id = row.entry.id else { continue }
            if byID[id] != nil { throw SitrepError(code: "data.duplicateID", input: row.source, message: "id '\(id)' appears twice") }
            byID[id] = i
        }
        for row in ordered {
            if let parent = row.entry.parent, byID[parent] == nil {
                throw SitrepError(code: "data.unknownParent", input: row.source, message: "parent '\(parent)' is not an id in the dictionary")
            }
        }
        var edges: [UInt64: Int32] = [:]
        var targets: [[Target]] = [[]]
        var owners: [[String: (entry: Int, alias: String)]] = [[:]]
        var maxUnits = 1
        var firstUnits = [UInt64](repeating: 0, count: 1024)
        for (i, row) in ordered.enumerated() {
            var seen = Set<[UInt64]>()
            for alias in [row.entry.name] + row.entry.aliases {
                let units = ActorUnits.units(alias)
                guard !units.isEmpty else {
                    throw SitrepError(code: "data.emptyAlias", input: row.source, message: "alias '\(alias)' has no words")
                }
                let sensitive = Self.isCaseSensitive(units, text: alias)
                let exact = sensitive ? units.map(\.exact) : nil
                let key = units.map(\.folded) + (exact ?? [])
                if !seen.insert(key).inserted { continue }
                let f = Self.filterBit(units[0].folded)
                firstUnits[f.word] |= f.bit
                var node: Int32 = 0
                for u in units {
                    let k = Self.edgeKey(node, u.folded)
                    if let child = edges[k] { node = child } else {
                        let child = Int32(targets.count)
                        edges[k] = child; targets.append([]); owners.append([:])
                        node = child
                    }
                }
                let needsArticle = units.count == 1 && units[0].extendedStart < units[0].start
                let ownerKey = (exact.map { $0.map(String.init).joined(separator: ",") } ?? "*") + (needsArticle ? "+al" : "")
                if let owner = owners[Int(node)][ownerKey] {
                    if owner.entry != i {
                        let other = ordered[owner.entry].entry
                        throw SitrepError(code: "data.duplicateAlias", input: row.source,
                                          message: "alias '\(alias)' of '\(row.entry.id ?? row.entry.name)' reads the same as '\(owner.alias)' of '\(other.id ?? other.name)'")
                    }
                    continue
                }
                owners[Int(node)][ownerKey] = (i, alias)
                // Case-sensitive targets are tried first.
                let t = Target(entry: Int32(i), exact: exact,
                               needsArticle: units.count == 1 && units[0].extendedStart < units[0].start)
                if exact != nil { targets[Int(node)].insert(t, at: 0) } else { targets[Int(node)].append(t) }
                maxUnits = max(maxUnits, units.count)
            }
        }
        self.entries = ordered.map(\.entry)
        self.byID = byID
        var table = PerceptronFeatureTable(capacity: edges.count)
        var children = [Int32](repeating: 0, count: edges.count)
        for (k, child) in edges {
            let row = table.insert(k).row
            children[Int(row)] = child
        }
        self.edges = table
        self.children = children
        var targetStart: [Int32] = [0], targetEntry: [Int32] = [], targetNeedsArticle: [Bool] = []
        var targetExactStart: [Int32] = [], exactHashes: [UInt64] = []
        for nodeTargets in targets {
            for t in nodeTargets {
                targetEntry.append(t.entry)
                targetNeedsArticle.append(t.needsArticle)
                if let exact = t.exact {
                    targetExactStart.append(Int32(exactHashes.count))
                    exactHashes += exact
                } else {
                    targetExactStart.append(-1)
                }
            }
            targetStart.append(Int32(targetEntry.count))
        }
        self.targetStart = targetStart
        self.targetEntry = targetEntry
        self.targetNeedsArticle = targetNeedsArticle
        self.targetExactStart = targetExactStart
        self.exactHashes = exactHashes
        self.maxUnits = maxUnits
        self.firstUnits = firstUnits
    }

    /// The entry with this id.
    public func entry(id: String) -> ActorEntry? { byID[id].map { entries[$0] } }

    /// Named entries (with an id).
    public var actors: [ActorEntry] { entries.filter { $0.id != nil } }

    /// The entry a whole name reads as ("Daesh" → the Islamic State), if any.
    public func lookup(_ name: String) -> ActorEntry? {
        let units = ActorUnits.units(name)
        if let m = longestMatch(units, at: 0), m.end == units.count { return entries[Int(m.entry)] }
        // "the Syrian army" reads as "Syrian army".
        if units.count > 1, units[0].folded == Self.the, let m = longestMatch(units, at: 1), m.end == units.count {
            return entries[Int(m.entry)]
        }
        return nil
    }

    static let the = ActorUnits.hashFolded("the")

    /// The longest alias starting at unit `i`: its end (exclusive unit index) and entry. `filtered: false` skips
    /// the first-unit filter (`firstUnits`), for tests comparing both.
    @inline(__always)
    func longestMatch(_ units: [ActorUnit], at i: Int, filtered: Bool = true) -> (end: Int, entry: Int32)? {
        if filtered && (i >= units.count || !mayStart(units[i])) { return nil }
        return units.withUnsafeBufferPointer { u in
            var node: Int32 = 0
            var best: (Int, Int32)?
            var attachedArticle = false
            var j = i
            while j < u.count && j - i < maxUnits {
                var row = edges.row(Self.edgeKey(node, u[j].folded))
                if row < 0 && u[j].alternative != 0 {
                    row = edges.row(Self.edgeKey(node, u[j].alternative))
                    if j == i { attachedArticle = true }
                }
                guard row >= 0 else { break }
                node = children[Int(row)]
                for t in Int(targetStart[Int(node)])..<Int(targetStart[Int(node) + 1]) {
                    let exact = Int(targetExactStart[t])
                    if exact >= 0 {
                        // Case-sensitive: one exact hash per unit of the alias (this node's depth).
                        var ok = true
                        for k in 0...(j - i) where u[i + k].exact != exactHashes[exact + k] { ok = false; break }
                        if !ok { continue }
                    }
                    if targetNeedsArticle[t] && u[i].extendedStart == u[i].start && !attachedArticle { continue }
                    best = (j + 1, targetEntry[t])
                    break
                }
                j += 1
            }
            return best
        }
    }
}
