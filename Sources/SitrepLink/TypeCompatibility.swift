import SitrepCore

/// Which event types (and modes) one real event may be reported as, from `type-compatibility.tsv`.
///
/// Same type: 1. Two different modes of one type: 0.9 unless a row says otherwise. Different
/// types: only the listed pairs. Score 0 forbids the pair.
public struct TypeCompatibility: Sendable {
    private var pairs: [String: Double] = [:]
    /// Connected groups of mergeable types, for blocking: every compatible pair shares a family.
    public private(set) var family: [EventType: Int] = [:]

    public init(rows: [(String, String, Double)]) {
        for (a, b, s) in rows { pairs[TypeCompatibility.key(a, b)] = s }
        // Union the types of positive rows into families (the smallest vocabulary index names each).
        let order = EventType.allCases
        var parent = Array(order.indices)
        func find(_ i: Int) -> Int { var i = i; while parent[i] != i { i = parent[i] }; return i }
        for (a, b, s) in rows where s > 0 {
            guard let ta = EventType(rawValue: String(a.split(separator: "/")[0])),
                  let tb = EventType(rawValue: String(b.split(separator: "/")[0])) else { continue }
            let (ra, rb) = (find(order.firstIndex(of: ta)!), find(order.firstIndex(of: tb)!))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for (i, t) in order.enumerated() { family[t] = find(i) }
    }

    /// Loads `Resources/type-compatibility.tsv` (or another file in its format).
    public static func load(path: String? = nil) throws -> TypeCompatibility {
        let file = try path.map { try LinkDataFile(path: $0) } ?? LinkDataFile.bundled("type-compatibility.tsv")
        var rows: [(String, String, Double)] = []
        var seen = Set<String>()
        for (line, f) in file.rows {
            guard f.count == 3 else { throw file.error(line: line, "expected 3 tab-separated fields (a, b, score), found \(f.count)") }
            for side in f[0...1] {
                let parts = side.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count <= 2, EventType(rawValue: String(parts[0])) != nil else {
                    throw file.error(line: line, "'\(side)' is not an event type (or type/mode) of the vocabulary")
                }
                if parts.count == 2, EventMode(rawValue: String(parts[1])) == nil {
                    throw file.error(line: line, "'\(parts[1])' is not an event mode")
                }
            }
            guard let s = Double(f[2]), (0...1).contains(s) else { throw file.error(line: line, "score '\(f[2])' is not a number from 0 to 1") }
            guard seen.insert(key(f[0], f[1])).inserted else { throw file.error(line: line, "duplicate pair \(f[0]) / \(f[1])") }
            rows.append((f[0], f[1], s))
        }
        return TypeCompatibility(rows: rows)
    }

    static func key(_ a: String, _ b: String) -> String { a < b ? a + "\t" + b : b + "\t" + a }

    /// 0 when the two cannot be one event; otherwise how well the types agree (1 = same).
    public func score(_ a: EventType, _ am: EventMode?, _ b: EventType, _ bm: EventMode?) -> Double {
        if a == b {
            guard let am, let bm, am != bm else { return 1 }
            return pairs[TypeCompatibility.key("\(a.rawValue)/\(am.rawValue)", "\(b.rawValue)/\(bm.rawValue)")] ?? 0.9
        }
        if let am, let bm, let s = pairs[TypeCompatibility.key("\(a.rawValue)/\(am.rawValue)", "\(b.rawValue)/\(bm.rawValue)")] { return s }
        if let am, let s = pairs[TypeCompatibility.key("\(a.rawValue)/\(am.rawValue)", b.rawValue)] { return s }
        if let bm, let s = pairs[TypeCompatibility.key(a.rawValue, "\(b.rawValue)/\(bm.rawValue)")] { return s }
        return pairs[TypeCompatibility.key(a.rawValue, b.rawValue)] ?? 0
    }
}
