import SitrepCore

/// Per event type: the widest date gap (days) and place distance (km) at which two reports are one event.
public struct MergeWindows: Sendable {
    public struct Window: Sendable, Hashable {
        public var days: Int
        public var radiusKm: Double
        public init(days: Int, radiusKm: Double) { self.days = days; self.radiusKm = radiusKm }
    }

    public let byType: [EventType: Window]
    /// For a type the file does not list.
    public var fallback = Window(days: 3, radiusKm: 50)

    /// The widest date window of any type (bounds blocking sweeps).
    public let widestDays: Int

    public init(byType: [EventType: Window]) {
        self.byType = byType
        widestDays = max(byType.values.map(\.days).max() ?? 0, 3)
    }

    public subscript(_ type: EventType) -> Window { byType[type] ?? fallback }

    /// Loads `Resources/merge-windows.tsv` (or another file in its format).
    public static func load(path: String? = nil) throws -> MergeWindows {
        let file = try path.map { try LinkDataFile(path: $0) } ?? LinkDataFile.bundled("merge-windows.tsv")
        var byType: [EventType: Window] = [:]
        for (line, f) in file.rows {
            guard f.count == 3 else { throw file.error(line: line, "expected 3 tab-separated fields (type, days, radius_km), found \(f.count)") }
            guard let t = EventType(rawValue: f[0]) else { throw file.error(line: line, "'\(f[0])' is not an event type") }
            guard let d = Int(f[1]), d >= 0, let r = Double(f[2]), r >= 0 else {
                throw file.error(line: line, "days and radius_km must be non-negative numbers")
            }
            guard byType[t] == nil else { throw file.error(line: line, "\(t.rawValue) is listed twice") }
            byType[t] = Window(days: d, radiusKm: r)
        }
        return MergeWindows(byType: byType)
    }
}
