import Foundation
import SitrepCore

/// A two-column word list (`actor-roles.tsv`, `actor-name-words.tsv`): folded word → value.
struct ActorWordList: Sendable {
    let values: [UInt64: String]
    private let table: PerceptronFeatureTable
    private let strings: [String]

    /// One bit per listed word's folded hash (its top 16 bits): most words are not listed and end here.
    private let filter: [UInt64]
    /// The filter's words (`ActorDictionary.filterBit` positions), for a pass that tests many units.
    var filterWords: [UInt64] { filter }

    @inline(__always)
    subscript(_ unit: ActorUnit) -> String? {
        mayContain(unit) ? lookup(unit) : nil
    }

    /// False when the unit is surely not listed (the filter); true when it may be.
    @inline(__always)
    func mayContain(_ unit: ActorUnit) -> Bool {
        let f = ActorDictionary.filterBit(unit.folded)
        return filter[f.word] & f.bit != 0
    }

    /// The value without the filter (tests compare both).
    @inline(__always)
    func lookup(_ unit: ActorUnit) -> String? {
        let row = table.row(unit.folded)
        return row >= 0 ? strings[Int(row)] : nil
    }

    init(values: [UInt64: String]) {
        self.values = values
        var table = PerceptronFeatureTable(capacity: values.count)
        var strings: [String] = []
        var filter = [UInt64](repeating: 0, count: 1024)
        for (k, v) in values {
            _ = table.insert(k); strings.append(v)
            let f = ActorDictionary.filterBit(k)
            filter[f.word] |= f.bit
        }
        self.table = table
        self.strings = strings
        self.filter = filter
    }

    static func loadResource(_ name: String) throws -> ActorWordList {
        try load(from: ActorDictionary.resource(name))
    }

    static func load(from url: URL) throws -> ActorWordList {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw SitrepError(code: "data.unreadable", input: url.path, message: "cannot read the word list: \(error.localizedDescription)")
        }
        return try parse(text, input: url.path)
    }

    static func parse(_ text: String, input: String, validate: ((String) -> Bool)? = nil) throws -> ActorWordList {
        var values: [UInt64: String] = [:]
        for (n, raw) in dataLines(text).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = dataFields(line).map(trimmedField)
            guard f.count == 2, !f[0].isEmpty, !f[1].isEmpty else {
                throw SitrepError(code: "data.badRow", input: "\(input):\(n + 1)", message: "expected two tab-separated columns (word, value)")
            }
            if let validate, !validate(f[1]) {
                throw SitrepError(code: "data.badValue", input: "\(input):\(n + 1)", message: "'\(f[1])' is not a valid value here")
            }
            let units = ActorUnits.units(f[0])
            guard units.count == 1 else {
                throw SitrepError(code: "data.badRow", input: "\(input):\(n + 1)", message: "'\(f[0])' must be one word")
            }
            if values[units[0].folded] != nil {
                throw SitrepError(code: "data.duplicateWord", input: "\(input):\(n + 1)", message: "'\(f[0])' is listed twice")
            }
            values[units[0].folded] = f[1]
        }
        return ActorWordList(values: values)
    }
}

/// A field without surrounding whitespace (`DataField.trimmed`).
func trimmedField(_ field: Substring) -> String { DataField.trimmed(field) }

/// The lines of a data file as `text.split(separator: "\n", omittingEmptySubsequences: false)` gives them: a line
/// feed is a character of its own unless a carriage return comes before it, so a text without "\r" is split on its
/// bytes (no walk over characters).
func dataLines(_ text: String) -> [Substring] {
    let hasReturn = text.utf8.withContiguousStorageIfAvailable { $0.contains(0x0D) } ?? text.utf8.contains(0x0D)
    if hasReturn { return text.split(separator: "\n", omittingEmptySubsequences: false) }
    return splitOnByte(Substring(text), 0x0A)
}

/// A line's tab-separated fields, as `line.split(separator: "\t", omittingEmptySubsequences: false)` gives them
/// (a tab is always a character of its own).
func dataFields(_ line: Substring) -> [Substring] {
    splitOnByte(line, 0x09)
}

/// `text.utf8.split(separator: byte, omittingEmptySubsequences: false).map { Substring($0) }` for an ASCII
/// `byte`: the separators are found in the contiguous bytes and the pieces cut by offsets (the generic
/// split walks the view index by index).
func splitOnByte(_ text: Substring, _ byte: UInt8) -> [Substring] {
    let u = text.utf8
    let offsets: [Int]? = u.withContiguousStorageIfAvailable { b in
        var found: [Int] = []
        for i in 0..<b.count where b[i] == byte { found.append(i) }
        return found
    }
    guard let offsets else { return u.split(separator: byte, omittingEmptySubsequences: false).map { Substring($0) } }
    var out: [Substring] = []
    out.reserveCapacity(offsets.count + 1)
    var start = u.startIndex, previous = 0
    for k in offsets {
        let end = u.index(start, offsetBy: k - previous)
        out.append(Substring(u[start..<end]))
        start = u.index(after: end); previous = k + 1
    }
    out.append(Substring(u[start...]))
    return out
}
