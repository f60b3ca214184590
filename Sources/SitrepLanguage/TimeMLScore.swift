import SitrepCore

/// TempEval-3-style scores of found time expressions against TimeML annotations: extent precision/recall/F1
/// (strict = same range, relaxed = overlapping), value accuracy over relaxed matches, and value F1
/// (relaxed match with the right value).
public struct TimeMLScore: Sendable {
    /// Counts for one group of TIMEX3 types.
    public struct Counts: Sendable, Hashable {
        public var gold = 0
        public var system = 0
        public var strict = 0
        public var relaxed = 0
        public var value = 0

        static func f1(_ hit: Int, _ system: Int, _ gold: Int) -> (Double, Double, Double) {
            let p = system == 0 ? 0 : Double(hit) / Double(system)
            let r = gold == 0 ? 0 : Double(hit) / Double(gold)
            return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
        }

        /// The figures as a JSON-ready dictionary (rounded to four places).
        public var figures: [String: Double] {
            func r4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
            let s = Self.f1(strict, system, gold), x = Self.f1(relaxed, system, gold), v = Self.f1(value, system, gold)
            return ["gold": Double(gold), "system": Double(system),
                    "strict_p": r4(s.0), "strict_r": r4(s.1), "strict_f1": r4(s.2),
                    "relaxed_p": r4(x.0), "relaxed_r": r4(x.1), "relaxed_f1": r4(x.2),
                    "value_accuracy": r4(relaxed == 0 ? 0 : Double(value) / Double(relaxed)),
                    "value_p": r4(v.0), "value_r": r4(v.1), "value_f1": r4(v.2)]
        }
    }

    /// The groups reported: `date_time` (DATE and TIME), `duration`, `set`, and `all` (any type, TempEval-3's extent view).
    public static let groups = ["date_time", "duration", "set", "all"]

    public private(set) var counts: [String: Counts] = Dictionary(uniqueKeysWithValues: groups.map { ($0, Counts()) })

    /// A pair for error listings: one that did not score, or (kind `correct`) an exact match with the right value.
    public struct Miss: Sendable {
        public enum Kind: String, Sendable { case missed, spurious, wrongValue = "wrong_value", wrongExtent = "wrong_extent", correct }
        public var kind: Kind
        public var group: String
        public var gold: TimeMLDocument.Timex?
        public var system: TimeMention?
    }

    public init() {}

    static func group(_ type: String) -> String {
        switch type {
        case "DATE", "TIME": return "date_time"
        case "DURATION": return "duration"
        case "SET": return "set"
        default: return "other"
        }
    }

    /// Scores one document; returns what did not score, and the pairs that matched exactly (kind `correct`, for listings).
    @discardableResult
    public mutating func add(gold: [TimeMLDocument.Timex], system: [TimeMention]) -> [Miss] {
        var misses: [Miss] = []
        for g in Self.groups {
            let gs = gold.filter { g == "all" || Self.group($0.type) == g }
            let ss = system.filter { g == "all" || Self.group($0.type.rawValue) == g }
            var c = counts[g]!
            c.gold += gs.count
            c.system += ss.count
            var used = [Bool](repeating: false, count: ss.count)
            for x in gs {
                var best = -1
                for (j, s) in ss.enumerated() where !used[j] && s.range.overlaps(x.range) {
                    if best < 0 || s.range == x.range { best = j }
                    if s.range == x.range { break }
                }
                guard best >= 0 else {
                    if g != "all" { misses.append(Miss(kind: .missed, group: g, gold: x, system: nil)) }
                    continue
                }
                used[best] = true
                let s = ss[best]
                c.relaxed += 1
                if s.range == x.range { c.strict += 1 } else if g != "all" { misses.append(Miss(kind: .wrongExtent, group: g, gold: x, system: s)) }
                if s.value == x.value {
                    c.value += 1
                    if s.range == x.range, g != "all" { misses.append(Miss(kind: .correct, group: g, gold: x, system: s)) }
                } else if g != "all" { misses.append(Miss(kind: .wrongValue, group: g, gold: x, system: s)) }
            }
            for (j, s) in ss.enumerated() where !used[j] && g != "all" {
                misses.append(Miss(kind: .spurious, group: g, gold: nil, system: s))
            }
            counts[g] = c
        }
        return misses
    }
}
