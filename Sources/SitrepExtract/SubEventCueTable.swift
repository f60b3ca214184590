import Foundation
import SitrepCore

/// Words and phrases grouped into cue classes for the sub-event classifier (`subevent-cues.tsv`:
/// `phrase<TAB>class`): "tear gas" and "water cannon" are both `dispersal`, so a word the training
/// snippets never showed still counts as evidence through its class.
public struct SubEventCueTable: Sendable {
    private var table = PhraseTable<[String]>()
    /// The distinct cue classes, sorted.
    public private(set) var classes: [String] = []

    public static let file = "subevent-cues.tsv"

    /// Loads `subevent-cues.tsv` from `directory` when it has one, else the shipped file.
    public static func load(directory: URL? = nil) throws -> SubEventCueTable {
        try SubEventCueTable(rows: ResourceTable.rows(file, directory: directory, minFields: 2))
    }

    /// Parses the text of a cue file; `file` names it in errors.
    public init(text: String, file: String) throws {
        try self.init(rows: ResourceTable.parse(text, file: file, minFields: 2))
    }

    init(rows: [ResourceRow]) throws {
        var byPhrase: [String: [String]] = [:]
        var order: [String] = []
        for row in rows {
            let phrase = row.field(0), cls = row.field(1)
            guard !cls.isEmpty, cls.utf8.allSatisfy({ $0 &- 0x61 < 26 || $0 == UInt8(ascii: "_") }) else {
                throw row.error("cue class '\(cls)' must be lowercase letters and underscores")
            }
            guard phrase == phrase.lowercased(), !phrase.contains("*") else {
                throw row.error("phrase '\(phrase)' must be lowercase words without gaps")
            }
            if byPhrase[phrase] == nil { order.append(phrase) }
            guard !(byPhrase[phrase]?.contains(cls) ?? false) else { throw row.error("duplicate row '\(phrase)' → \(cls)") }
            byPhrase[phrase, default: []].append(cls)
        }
        for phrase in order { table.add(PhraseTable<[String]>.slots(phrase), value: byPhrase[phrase]!) }
        classes = Set(byPhrase.values.joined()).sorted()
    }

    /// The cue classes whose phrases stand in a token sequence, in text order (longest phrase first at each word).
    func matches(_ keys: [UInt64], blocks: [Bool]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < keys.count {
            if !blocks[i], table.startsPattern(keys[i]),
               let m = table.longestMatch(at: i, keys: keys, limit: keys.count, blocks: { blocks[$0] }) {
                out += table.patterns[m.pattern].value
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }
}
