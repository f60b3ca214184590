import SitrepCore

/// Original sources that outlets pass on (wires, monitors), from `origins.tsv`: maps an attribution
/// as written ("the UK-based Syrian Observatory for Human Rights", "Rami Abdel Rahman") to one id.
public struct OriginRegistry: Sendable {
    public enum Kind: String, Sendable { case wire, monitor }
    public struct Origin: Sendable, Hashable {
        public var id: String
        public var kind: Kind
        public var names: [String]
    }

    public let origins: [Origin]
    /// Normalised role noun ("war monitor") → the kind of source it refers back to.
    public private(set) var roleNouns: [String: Kind] = [:]
    /// Normalised name (space-separated lowercase words) → origin index.
    private let byName: [String: Int]
    private let longestName: Int

    public init(origins: [Origin]) {
        self.origins = origins
        var byName: [String: Int] = [:]
        var longest = 1
        for (i, o) in origins.enumerated() {
            for n in o.names {
                let words = OriginRegistry.words(n)
                longest = max(longest, words.count)
                byName[words.joined(separator: " ")] = i
            }
        }
        self.byName = byName
        self.longestName = longest
    }

    public static func load(path: String? = nil) throws -> OriginRegistry {
        let file = try path.map { try LinkDataFile(path: $0) } ?? LinkDataFile.bundled("origins.tsv")
        var origins: [Origin] = []
        var ids = Set<String>()
        for (line, f) in file.rows {
            guard f.count == 3 else { throw file.error(line: line, "expected 3 tab-separated fields (id, kind, names), found \(f.count)") }
            guard let kind = Kind(rawValue: f[1]) else { throw file.error(line: line, "kind must be wire or monitor, not '\(f[1])'") }
            guard !f[0].isEmpty, ids.insert(f[0]).inserted else { throw file.error(line: line, "empty or duplicate id '\(f[0])'") }
            let names = f[2].split(separator: "|").map(String.init).filter { !$0.isEmpty }
            guard !names.isEmpty else { throw file.error(line: line, "no names") }
            origins.append(Origin(id: f[0], kind: kind, names: names))
        }
        var registry = OriginRegistry(origins: origins)
        try registry.loadRoles(path: nil)
        return registry
    }

    /// Loads `Resources/origin-roles.tsv` (or another file in its format).
    public mutating func loadRoles(path: String?) throws {
        let file = try path.map { try LinkDataFile(path: $0) } ?? LinkDataFile.bundled("origin-roles.tsv")
        for (line, f) in file.rows {
            guard f.count == 2, let kind = Kind(rawValue: f[0]) else { throw file.error(line: line, "expected a kind (wire or monitor) and |-separated nouns") }
            for noun in f[1].split(separator: "|") {
                let key = OriginRegistry.words(String(noun)).joined(separator: " ")
                guard roleNouns[key] == nil else { throw file.error(line: line, "'\(noun)' is listed twice") }
                roleNouns[key] = kind
            }
        }
    }

    /// The kind of source a generic attribution refers back to: "the war monitor" → monitor (articles and
    /// adjectives before the noun are allowed: "the UK-based monitor"), `nil` when it names none.
    public func roleKind(of attribution: String) -> Kind? {
        let w = OriginRegistry.words(attribution)
        for start in w.indices {
            for len in stride(from: min(3, w.count - start), through: 1, by: -1) where start + len == w.count {
                if let k = roleNouns[w[start..<start + len].joined(separator: " ")] { return k }
            }
        }
        return nil
    }

    /// Every known origin a text names (whole words), in order of first appearance.
    public func originsNamed(in text: String) -> [Origin] {
        let w = OriginRegistry.words(text)
        var found: [Int] = []
        var i = 0
        while i < w.count {
            var matched = 0
            for len in stride(from: min(longestName, w.count - i), through: 1, by: -1) {
                if let o = byName[w[i..<i + len].joined(separator: " ")] {
                    if !found.contains(o) { found.append(o) }
                    matched = len
                    break
                }
            }
            i += max(matched, 1)
        }
        return found.map { origins[$0] }
    }

    /// Lowercase words of letters and digits (ASCII-folded where trivial).
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        for b in text.utf8 {
            let isWord = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
            if isWord { current.append(b >= 0x41 && b <= 0x5A ? b + 32 : b) }
            else if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
        }
        if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)) }
        return out
    }

    /// The origin a name refers to: the whole text, or the longest known name inside it as whole words.
    public func origin(named text: String) -> Origin? {
        let w = OriginRegistry.words(text)
        guard !w.isEmpty else { return nil }
        var best: (len: Int, index: Int)?
        for start in w.indices {
            for len in stride(from: min(longestName, w.count - start), through: 1, by: -1) {
                if let i = byName[w[start..<start + len].joined(separator: " ")] {
                    if best == nil || len > best!.len { best = (len, i) }
                    break
                }
            }
        }
        return best.map { origins[$0.index] }
    }

    /// A wire credit near the start of a document: "BEIRUT (AFP) —", "(Reuters) -", "— AP".
    public func wireCredit(in text: String) -> Origin? {
        let head = text.utf8.prefix(400)
        var i = head.startIndex
        while let open = head[i...].firstIndex(of: UInt8(ascii: "(")) {
            guard let close = head[open...].firstIndex(of: UInt8(ascii: ")")) else { break }
            let inner = String(decoding: head[head.index(after: open)..<close], as: UTF8.self)
            if let o = byName[OriginRegistry.words(inner).joined(separator: " ")].map({ origins[$0] }), o.kind == .wire { return o }
            i = head.index(after: close)
        }
        return nil
    }
}
