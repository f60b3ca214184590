import SitrepCore

/// A blocking key: mentions are only compared with mentions that share one. Built from the type
/// family, a place key (governorate, else country, else grid cell, else an actor id) and a month
/// the mention's date (widened by its type's window) touches. Two mentions whose dates and places
/// could agree share at least one key, so comparisons stay near-linear in the number of mentions.
public struct BlockKey: Hashable, Sendable, Comparable {
    public var family: Int
    /// `admin1:idlib`, `country:SY`, `cell:36:40`, `actor:isis`, or `?`.
    public var place: String
    /// `2018-09`, or `?` when the mention has no date at all.
    public var month: String

    public var text: String { "\(family)|\(place)|\(month)" }

    public static func < (a: BlockKey, b: BlockKey) -> Bool { a.text < b.text }

    /// Whether two mentions' keys (as `text`) make them candidates: a shared month block, or a shared place
    /// whose `?` block holds at least one of them as timeless (no date, or one longer than 14 months).
    public static func areCandidates(_ a: Set<String>, _ b: Set<String>) -> Bool {
        func timeless(_ k: Set<String>) -> Bool { k.allSatisfy { $0.hasSuffix("|?") } }
        let shared = a.intersection(b)
        if shared.isEmpty { return false }
        return shared.contains { !$0.hasSuffix("|?") } || timeless(a) || timeless(b)
    }

    /// A mention's keys: its places × the months its widened date touches, plus each place's `?` block.
    /// A mention with no usable time (no date and no publication day, or a period over 14 months) has only `?` keys.
    public static func keys(for m: EventMention, rules: LinkRules) -> [BlockKey] {
        let family = rules.types.family[m.type] ?? 0
        var places: [String] = []
        for p in [m.location, m.origin, m.destination].compactMap({ $0 }) {
            if let a = p.admin1, !a.isEmpty { places.append("admin1:" + OriginRegistry.words(a).joined(separator: " ")) }
            else if let c = p.country, !c.isEmpty { places.append("country:" + c.uppercased()) }
            else if let la = p.lat, let lo = p.lon {
                // Through Float, as `MentionFeatures` keeps coordinates, so both key forms agree.
                places.append("cell:\(Int((Double(Float(la)) / 2).rounded(.down))):\(Int((Double(Float(lo)) / 2).rounded(.down)))")
            }
        }
        if places.isEmpty { places = m.actors.compactMap { $0.id.map { "actor:" + $0 } } }
        if places.isEmpty { places = ["?"] }
        let window = rules.windows[m.type].days
        var months = ["?"] // every mention meets the timeless ones of its places
        var start: Int?, end: Int?
        if let d = m.date { start = d.start.dayNumber; end = d.end.dayNumber }
        else if let p = m.published { start = p.dayNumber - rules.reportLagDays; end = p.dayNumber }
        if let s = start, let e = end {
            let first = CalendarDay(dayNumber: s - window), last = CalendarDay(dayNumber: e + window)
            let n = (last.year - first.year) * 12 + last.month - first.month
            if n <= 14 {
                var y = first.year, mo = first.month
                for _ in 0...n {
                    months.append(CalendarDay(year: y, month: mo, day: 1)!.iso.prefix(7).description)
                    mo += 1; if mo > 12 { mo = 1; y += 1 }
                }
            }
        }
        var keys = Set<BlockKey>()
        for p in places { for mo in months { keys.insert(BlockKey(family: family, place: p, month: mo)) } }
        return keys.sorted()
    }
}
