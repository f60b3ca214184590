import Foundation
import SitrepCore

/// The gazetteer's second tier: small towns (`small-places.tsv`, GeoNames cities500 towns the main
/// gazetteer lacks) that a name may stand for only when the document names the town's first-level division
/// ("Riverdale, N.J.", "Nelson, British Columbia"). Loaded once, on first use, so that documents and
/// commands that never need it do not pay for it.
public final class SmallPlaces: Sendable {
    /// One small town.
    public struct Entry: Sendable, Hashable {
        /// `geonames:5103313`.
        public var id: String
        public var name: String
        public var lat: Double
        public var lon: Double
        /// ISO 3166-1 alpha-2.
        public var country: String
        /// GeoNames first-level division code within the country (`NJ`).
        public var admin1Code: String
        public var population: Int
        /// `US.NJ`, the key of its first-level division in the main gazetteer.
        public var admin1Key: String { country + "." + admin1Code }
    }

    let bytes: [UInt8]
    /// Folded-name hash → first hit; `hitNext` chains hits of the same key; `hitEntry` is the entry of a hit.
    let head: NameKeyTable
    let hitEntry: [Int32]
    let hitNext: [Int32]
    /// Byte range of each entry's line and its parsed numbers.
    let lineStart: [Int32]
    let lineEnd: [Int32]
    let latOf: [Double]
    let lonOf: [Double]
    let populationOf: [Int32]

    init(bytes: [UInt8], head: NameKeyTable, hitEntry: [Int32], hitNext: [Int32], lineStart: [Int32], lineEnd: [Int32],
         latOf: [Double], lonOf: [Double], populationOf: [Int32]) {
        self.bytes = bytes; self.head = head; self.hitEntry = hitEntry; self.hitNext = hitNext
        self.lineStart = lineStart; self.lineEnd = lineEnd; self.latOf = latOf; self.lonOf = lonOf; self.populationOf = populationOf
    }

    /// Number of towns.
    public var count: Int { lineStart.count }

    nonisolated(unsafe) private static var cached: SmallPlaces?
    nonisolated(unsafe) private static var failed = false
    private static let lock = NSLock()

    /// The shipped second tier, loaded on first call and cached; nil when the file is not installed or bad.
    public static func loadDefault() -> SmallPlaces? {
        lock.lock(); defer { lock.unlock() }
        if let s = cached { return s }
        if failed { return nil }
        guard let dir = try? GazetteerResources.directory(),
              let s = try? load(file: (dir as NSString).appendingPathComponent("small-places.tsv")) else {
            failed = true
            return nil
        }
        cached = s
        return s
    }

    /// Loads a `small-places.tsv`-format file: geonameid, names (`|`-separated, the first is the display name),
    /// lat, lon, country, admin1, population. Bad rows throw `knowledge.badRow` naming the file and line.
    public static func load(file: String) throws -> SmallPlaces {
        let bytes = try GazetteerBuilder.readBytes(file)
        let name = (file as NSString).lastPathComponent
        var head = NameKeyTable(capacity: 160_000)
        var hitEntry: [Int32] = [], hitNext: [Int32] = []
        var starts: [Int32] = [], ends: [Int32] = [], lats: [Double] = [], lons: [Double] = [], pops: [Int32] = []
        // (Room for every row at once, lines being longer than 24 bytes: no regrowth while reading.)
        let rows = bytes.count / 24 + 16
        starts.reserveCapacity(rows); ends.reserveCapacity(rows); lats.reserveCapacity(rows); lons.reserveCapacity(rows)
        pops.reserveCapacity(rows); hitEntry.reserveCapacity(rows * 2); hitNext.reserveCapacity(rows * 2)
        var fold: [UInt8] = []
        var seen = SeenKeys()
        // Names are folded into this scratch buffer and hashed there (no array per name); grown when a name needs more.
        var room = 256
        var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: room)
        defer { scratch.deallocate() }
        try GazetteerBuilder.forEachRow(bytes, file: file) { f, line, buf in
            func bad(_ why: String) -> SitrepError { SitrepError(code: "knowledge.badRow", input: "\(name):\(line)", message: why) }
            guard f.count == 7 else { throw bad("expected 7 tab-separated columns, found \(f.count)") }
            guard !f[0].isEmpty, !f[1].isEmpty, !f[4].isEmpty else { throw bad("empty id, name or country") }
            guard let lat = GazetteerBuilder.double(buf, f[2]), let lon = GazetteerBuilder.double(buf, f[3]),
                  abs(lat) <= 90, abs(lon) <= 180 else { throw bad("latitude and longitude must be decimal degrees") }
            var pop = 0
            for k in f[6] {
                let b = buf[k]
                guard b >= 0x30 && b <= 0x39 else { throw bad("the population must be a whole number") }
                pop = min(pop * 10 + Int(b - 0x30), Int(Int32.max))
            }
            let entry = Int32(starts.count)
            starts.append(Int32(f[0].lowerBound)); ends.append(Int32(f[6].upperBound))
            lats.append(lat); lons.append(lon); pops.append(Int32(pop))
            seen.reset()
            var s = f[1].lowerBound
            for k in f[1].lowerBound...f[1].upperBound where k == f[1].upperBound || buf[k] == 0x7C {
                if k > s {
                    let label = UnsafeBufferPointer(rebasing: buf[s..<k])
                    var h: UInt64 = 0
                    var empty = true
                    if 4 * label.count + 16 > room {
                        scratch.deallocate()
                        room = 4 * label.count + 16
                        scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: room)
                    }
                    let w = NameKey.fold(label, writingTo: scratch, capacity: room)
                    if w >= 0 {
                        empty = w == 0
                        h = NameKey.hash(UnsafeBufferPointer(start: scratch, count: w))
                    } else {
                        NameKey.fold(label, into: &fold)
                        empty = fold.isEmpty
                        h = NameKey.hash(fold)
                    }
                    if !empty {
                        if seen.insert(h) {
                            hitNext.append(head.exchange(h, Int32(hitEntry.count)))
                            hitEntry.append(entry)
                        }
                    }
                }
                s = k + 1
            }
        }
        return SmallPlaces(bytes: bytes, head: head, hitEntry: hitEntry, hitNext: hitNext, lineStart: starts, lineEnd: ends,
                           latOf: lats, lonOf: lons, populationOf: pops)
    }

    /// Towns whose folded name (any of their names) is `name`'s folded name.
    public func entries(named name: String) -> [Entry] {
        var f: [UInt8] = []
        var copy = name
        copy.withUTF8 { NameKey.fold($0, into: &f) }
        return f.withUnsafeBufferPointer { entries(folded: $0) }
    }

    /// Entry numbers of the towns with this folded name.
    func indices(folded f: UnsafeBufferPointer<UInt8>) -> [Int32] {
        guard !f.isEmpty else { return [] }
        var out: [Int32] = []
        var h = head[NameKey.hash(f)] ?? -1
        while h >= 0 {
            let e = hitEntry[Int(h)]
            if !out.contains(e) { out.append(e) }
            h = hitNext[Int(h)]
        }
        return out
    }

    func entries(folded f: UnsafeBufferPointer<UInt8>) -> [Entry] { indices(folded: f).map(entry) }

    /// The fields of entry `i`, read from its line.
    func entry(_ i: Int32) -> Entry {
        let s = Int(lineStart[Int(i)]), e = Int(lineEnd[Int(i)])
        var fields: [String] = []
        var a = s
        for k in s...e where k == e || bytes[k] == 0x09 {
            fields.append(String(decoding: bytes[a..<k], as: UTF8.self))
            a = k + 1
        }
        let display = fields[1].split(separator: "|", maxSplits: 1).first.map(String.init) ?? fields[1]
        return Entry(id: "geonames:" + fields[0], name: display, lat: latOf[Int(i)], lon: lonOf[Int(i)], country: fields[4],
                     admin1Code: fields[5], population: Int(populationOf[Int(i)]))
    }

    /// The key of entry `i`'s first-level division (`US.NJ`), without building the whole entry.
    func admin1Key(_ i: Int32) -> String {
        let s = Int(lineStart[Int(i)]), e = Int(lineEnd[Int(i)])
        var tabs = 0, a = s, cc = "", out = ""
        for k in s...e where k == e || bytes[k] == 0x09 {
            if tabs == 4 { cc = String(decoding: bytes[a..<k], as: UTF8.self) }
            if tabs == 5 { out = String(decoding: bytes[a..<k], as: UTF8.self); break }
            tabs += 1; a = k + 1
        }
        return cc + "." + out
    }
}
