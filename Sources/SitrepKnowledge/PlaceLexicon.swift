import Foundation
import SitrepCore

/// The words around place names: qualifiers (`place-qualifiers.tsv`), the stop list of common words that
/// are not place names on their own (`place-stopwords.tsv`), the words that open sentences without being
/// given names (`place-sentence-openers.tsv`) and the lower-case words that may stand inside a name
/// (`place-name-connectors.tsv`), and the words that tie an unknown name to the place it stands in
/// (`place-seat-links.tsv`: "the Palais des Nations in Geneva"), and the nouns that make a place's name a
/// street's or a river's (`place-street-words.tsv`: "Victoria Street"). Keys are folded-name hashes.
public struct PlaceLexicon: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case direction, rural, admin1, region, city, border, relation, cue
    }

    /// Folded-word hash → index into `Role.allCases`. (The lookups below are inlined: a call would copy the whole
    /// lexicon to pass it.)
    let roleTable: NameKeyTable
    let stopwordTable: NameKeyTable
    /// Sentence-opening function words ("The", "In"): not a given name before a place.
    let openerTable: NameKeyTable
    /// Lower-case words inside a name ("ez" in "Deir ez-Zor", "de", "upon").
    let connectorTable: NameKeyTable
    /// Lower-case words between a building's or organisation's name and its place ("in", "at").
    let seatLinkTable: NameKeyTable
    /// Nouns after a place's name in a street's, square's or river's name ("Street", "Square", "River").
    let streetWordTable: NameKeyTable
    public var roleCount: Int { roleTable.count }
    public var stopwordCount: Int { stopwordTable.count }

    public static let empty = PlaceLexicon(roles: [:], stopwords: [], openers: [], connectors: [])

    init(roles: [UInt64: Role], stopwords: Set<UInt64>, openers: Set<UInt64>, connectors: Set<UInt64>,
         seatLinks: Set<UInt64> = [], streetWords: Set<UInt64> = []) {
        var r = NameKeyTable(capacity: max(16, roles.count))
        for (k, v) in roles { r.set(k, Int32(Role.allCases.firstIndex(of: v)!)) }
        var st = NameKeyTable(capacity: max(16, stopwords.count))
        for k in stopwords { st.set(k, 1) }
        var op = NameKeyTable(capacity: max(16, openers.count), filterBits: 12)
        for k in openers { op.set(k, 1) }
        var co = NameKeyTable(capacity: max(16, connectors.count), filterBits: 12)
        for k in connectors { co.set(k, 1) }
        var sl = NameKeyTable(capacity: max(16, seatLinks.count), filterBits: 8)
        for k in seatLinks { sl.set(k, 1) }
        var sw = NameKeyTable(capacity: max(16, streetWords.count), filterBits: 10)
        for k in streetWords { sw.set(k, 1) }
        roleTable = r; stopwordTable = st; openerTable = op; connectorTable = co; seatLinkTable = sl; streetWordTable = sw
    }

    @inline(__always)
    func isStreetWord(_ hash: UInt64) -> Bool { streetWordTable[hash] != nil }

    @inline(__always)
    func isSeatLink(_ hash: UInt64) -> Bool { seatLinkTable[hash] != nil }

    @inline(__always)
    func isStopword(_ hash: UInt64) -> Bool { stopwordTable[hash] != nil }

    nonisolated(unsafe) private static var cached: PlaceLexicon?
    private static let lock = NSLock()

    /// The shipped lexicon, loaded once.
    public static func loadDefault() throws -> PlaceLexicon {
        lock.lock(); defer { lock.unlock() }
        if let c = cached { return c }
        let dir = URL(fileURLWithPath: try GazetteerResources.directory())
        let l = try load(qualifiers: dir.appendingPathComponent("place-qualifiers.tsv").path,
                         stopwords: dir.appendingPathComponent("place-stopwords.tsv").path,
                         openers: dir.appendingPathComponent("place-sentence-openers.tsv").path,
                         connectors: dir.appendingPathComponent("place-name-connectors.tsv").path,
                         seatLinks: dir.appendingPathComponent("place-seat-links.tsv").path,
                         streetWords: dir.appendingPathComponent("place-street-words.tsv").path)
        cached = l
        return l
    }

    /// Loads the files; a bad row throws `knowledge.badRow` with file and line.
    public static func load(qualifiers: String, stopwords: String, openers: String? = nil,
                            connectors: String? = nil, seatLinks: String? = nil, streetWords: String? = nil) throws -> PlaceLexicon {
        var roles: [UInt64: Role] = [:]
        var fold: [UInt8] = []
        let qname = (qualifiers as NSString).lastPathComponent
        try GazetteerBuilder.forEachRow(try GazetteerBuilder.readBytes(qualifiers), file: qualifiers) { f, line, buf in
            guard f.count == 2, let role = Role(rawValue: GazetteerBuilder.string(buf, f[1])) else {
                throw SitrepError(code: "knowledge.badRow", input: "\(qname):\(line)",
                                  message: "expected: word<TAB>role (direction, rural, admin1, region, city, border, relation, cue)")
            }
            NameKey.fold(UnsafeBufferPointer(rebasing: buf[f[0]]), into: &fold)
            roles[NameKey.hash(fold)] = role
        }
        let stops = try wordSet(stopwords)
        let opens = try openers.map(wordSet) ?? []
        let joins = try connectors.map(wordSet) ?? []
        let links = try seatLinks.map(wordSet) ?? []
        let streets = try streetWords.map(wordSet) ?? []
        return PlaceLexicon(roles: roles, stopwords: stops, openers: opens, connectors: joins, seatLinks: links, streetWords: streets)
    }

    /// The folded-name hashes of a one-word-a-line file.
    private static func wordSet(_ path: String) throws -> Set<UInt64> {
        var words = Set<UInt64>()
        var fold: [UInt8] = []
        let name = (path as NSString).lastPathComponent
        try GazetteerBuilder.forEachRow(try GazetteerBuilder.readBytes(path), file: path) { f, line, buf in
            guard f.count == 1, !f[0].isEmpty else {
                throw SitrepError(code: "knowledge.badRow", input: "\(name):\(line)", message: "expected one word")
            }
            NameKey.fold(UnsafeBufferPointer(rebasing: buf[f[0]]), into: &fold)
            words.insert(NameKey.hash(fold))
        }
        return words
    }

    func role(_ folded: [UInt8]) -> Role? { role(NameKey.hash(folded)) }
    @inline(__always)
    func role(_ hash: UInt64) -> Role? { roleTable[hash].map { Role.allCases[Int($0)] } }
}
