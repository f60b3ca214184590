import Foundation
import SitrepCore

/// Month and weekday names, loaded once from `Resources/calendar.tsv`, looked up by a
/// packed integer key so the date scanner never allocates per word.
struct CalendarNames: Sendable {
    enum Kind: String, Sendable { case month, weekday }

    /// Open-addressing table: packed key → kind and number (0 = empty slot).
    private let slotKeys: [UInt64]
    private let slotValues: [Int16]
    private static let slotCount = 512
    /// Longest name, in bytes.
    let maxLength: Int
    /// Whether some name starts with these two lowercase letters (26 × 26 table): most words fail here.
    private let initials: [Bool]

    init(entries: [(name: String, kind: Kind, number: Int)]) {
        var keys = [UInt64](repeating: 0, count: Self.slotCount)
        var values = [Int16](repeating: 0, count: Self.slotCount)
        var longest = 0
        var firsts = [Bool](repeating: false, count: 26 * 26)
        for e in entries.prefix(Self.slotCount / 2) {
            let bytes = ByteText.bytes(e.name)
            if bytes.count >= 2, ByteText.isLower(bytes[0]), ByteText.isLower(bytes[1]) {
                firsts[Int(bytes[0] - 0x61) * 26 + Int(bytes[1] - 0x61)] = true
            }
            longest = max(longest, bytes.count)
            let k = bytes.withUnsafeBufferPointer { Self.key($0, 0, $0.count) }
            var slot = Self.slot(k)
            while keys[slot] != 0, keys[slot] != k { slot = (slot + 1) & (Self.slotCount - 1) }
            keys[slot] = k
            values[slot] = Int16(e.kind == .month ? e.number : 100 + e.number)
        }
        slotKeys = keys
        slotValues = values
        initials = firsts
        maxLength = longest
    }

    /// Packs up to seven lowercased bytes and the length.
    @inline(__always) static func key(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var k: UInt64 = 0
        var i = start
        let stop = min(end, start + 7)
        while i < stop { k = k << 8 | UInt64(ByteText.lower(p[i])); i += 1 }
        return k << 8 | UInt64(min(end - start, 255))
    }

    /// The month or weekday a word names, if any.
    @inline(__always) func lookup(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Kind, Int)? {
        let n = end - start
        guard n >= 3, n <= maxLength else { return nil }
        let a = ByteText.lower(p[start]) &- 0x61, b = ByteText.lower(p[start + 1]) &- 0x61
        guard a < 26, b < 26, initials[Int(a) * 26 + Int(b)] else { return nil }
        let k = Self.key(p, start, end)
        var slot = Self.slot(k)
        while true {
            let here = slotKeys[slot]
            if here == k {
                let v = Int(slotValues[slot])
                return v >= 100 ? (.weekday, v - 100) : (.month, v)
            }
            if here == 0 { return nil }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
    }

    @inline(__always) private static func slot(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 55) & (slotCount - 1) }

    static func parse(_ text: String, file: String) throws -> CalendarNames {
        var entries: [(name: String, kind: Kind, number: Int)] = []
        var seen = Set<String>()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let here = "\(file):\(n + 1)"
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count == 3, let kind = Kind(rawValue: String(cols[0])), let number = Int(cols[1]) else {
                throw SitrepError(code: "data.badRow", input: here, message: "expected: month|weekday, number, name")
            }
            let limit = kind == .month ? 12 : 7
            guard (1...limit).contains(number) else {
                throw SitrepError(code: "data.badRow", input: here, message: "\(kind.rawValue) number must be 1…\(limit)")
            }
            let name = String(cols[2])
            guard name.count >= 3, name == name.lowercased(), name.utf8.allSatisfy({ ByteText.isLower($0) }) else {
                throw SitrepError(code: "data.badRow", input: here, message: "name must be at least 3 lowercase ASCII letters")
            }
            guard seen.insert(name).inserted else {
                throw SitrepError(code: "data.duplicateRow", input: here, message: "duplicate name '\(name)'")
            }
            entries.append((name, kind, number))
        }
        return CalendarNames(entries: entries)
    }
}

/// The vocabulary the cleaner and the date finder use, loaded once from the module's resources.
struct IngestLexicon: Sendable {
    let furniture: FurnitureLexicon
    let calendar: CalendarNames

    /// The shipped files. A missing or malformed shipped file leaves an empty vocabulary
    /// (and `loadError` says why); the test suite loads every shipped file, so this does not ship.
    static let shared: IngestLexicon = {
        (try? load()) ?? IngestLexicon(furniture: FurnitureLexicon(phrases: []), calendar: CalendarNames(entries: []))
    }()

    /// Loads and checks every shipped file.
    static func load() throws -> IngestLexicon {
        IngestLexicon(furniture: try FurnitureLexicon.parse(try resource("furniture.tsv"), file: "furniture.tsv"),
                      calendar: try CalendarNames.parse(try resource("calendar.tsv"), file: "calendar.tsv"))
    }

    static func resource(_ name: String) throws -> String {
        let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: base, withExtension: ext) else {
            throw SitrepError(code: "data.missing", input: name, message: "resource file not found in the SitrepIngest bundle")
        }
        do { return try String(contentsOf: url, encoding: .utf8) } catch {
            throw SitrepError(code: "data.unreadable", input: name, message: "cannot read resource: \(error.localizedDescription)")
        }
    }
}
