import Foundation
import SitrepCore

extension Gazetteer {
    /// Loads a gazetteer from a directory holding `gazetteer.tsv` and, optionally, `places-extra.tsv` and
    /// `place-demonyms.tsv`; or from one `gazetteer.tsv`-format file (extras are then read from its directory).
    /// Bad rows throw `knowledge.badRow` naming the file and line.
    public static func load(from path: String) throws -> Gazetteer {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw SitrepError(code: "knowledge.missingFile", input: path, message: "no such gazetteer file or directory")
        }
        let dir = isDir.boolValue ? path : (path as NSString).deletingLastPathComponent
        let main = isDir.boolValue ? (path as NSString).appendingPathComponent("gazetteer.tsv") : path
        var builder = GazetteerBuilder()
        try builder.readPlaces(file: main, columns: 9)
        let extra = (dir as NSString).appendingPathComponent("places-extra.tsv")
        if FileManager.default.fileExists(atPath: extra) { try builder.readPlaces(file: extra, columns: 9) }
        let dem = (dir as NSString).appendingPathComponent("place-demonyms.tsv")
        if FileManager.default.fileExists(atPath: dem) { try builder.readDemonyms(file: dem) }
        return builder.build()
    }
}

/// Collects entries and their name keys while files are read.
struct GazetteerBuilder {
    var places: [GazetteerPlace] = []
    var foldedHead = NameKeyTable(capacity: 400_000)
    var skeletonHead = NameKeyTable(capacity: 200_000)
    var firstWords = NameKeyTable(capacity: 60_000)
    var hitPlace: [Int32] = []
    var hitNext: [Int32] = []
    var hitPrimary: [Bool] = []
    var hitFoldedLength: [UInt16] = []
    var hitFirstByte: [UInt8] = []
    var hitImportant: [Bool] = []
    var demonyms = NameKeyTable(capacity: 256)
    var idIndex: [String: Int32] = [:]
    var countryIndex: [String: Int32] = [:]
    private var fold: [UInt8] = []
    private var skel: [UInt8] = []
    private var seen = SeenKeys()

    static let skeletonCountries: Set<String> = ["SY", "IQ", "TR", "JO", "LB", "IL", "PS", "SA", "YE", "EG", "LY",
                                                "IR", "KW", "QA", "AE", "BH", "OM", "AF", "SD", "TN", "DZ", "MA"]

    init() {
        hitPlace.reserveCapacity(600_000); hitNext.reserveCapacity(600_000)
        hitPrimary.reserveCapacity(600_000); hitFoldedLength.reserveCapacity(600_000)
        hitFirstByte.reserveCapacity(600_000); hitImportant.reserveCapacity(600_000)
    }

    func build() -> Gazetteer {
        Gazetteer(places: places, foldedHead: foldedHead, skeletonHead: skeletonHead, firstWords: firstWords, hitPlace: hitPlace,
                  hitNext: hitNext, hitPrimary: hitPrimary, hitFoldedLength: hitFoldedLength, hitFirstByte: hitFirstByte, hitImportant: hitImportant, demonyms: demonyms, idIndex: idIndex)
    }

    static func readBytes(_ file: String) throws -> [UInt8] {
        guard let d = FileManager.default.contents(atPath: file) else {
            throw SitrepError(code: "knowledge.missingFile", input: file, message: "cannot read the file")
        }
        return [UInt8](d)
    }

    /// Calls `row` with the tab-separated fields (as byte ranges) of every non-comment line. (The fields are in a
    /// buffer reused from line to line: no array emptied and appended to per line; valid during the call.)
    static func forEachRow(_ bytes: [UInt8], file: String,
                           _ row: (_ fields: UnsafeBufferPointer<Range<Int>>, _ line: Int, _ buf: UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buf in
            var i = 0, line = 0
            let n = buf.count
            guard n > 0, let base = buf.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            if n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { i = 3 }
            var room = 16
            var fields = UnsafeMutablePointer<Range<Int>>.allocate(capacity: room)
            defer { fields.deallocate() }
            while i < n {
                line += 1
                // Line ends and tabs found with memchr (not byte by byte).
                var e = n
                if let p = memchr(raw + i, 0x0A, n - i) { e = UnsafeRawPointer(p) - raw }
                var end = e
                if end > i && buf[end - 1] == 0x0D { end -= 1 }
                defer { i = e + 1 }
                if end == i || buf[i] == 0x23 { continue }
                var count = 0
                var s = i
                while true {
                    if count == room {
                        let bigger = UnsafeMutablePointer<Range<Int>>.allocate(capacity: room * 2)
                        bigger.moveInitialize(from: fields, count: count)
                        fields.deallocate()
                        fields = bigger
                        room *= 2
                    }
                    guard s < end, let p = memchr(raw + s, 0x09, end - s) else { break }
                    let k = UnsafeRawPointer(p) - raw
                    (fields + count).initialize(to: s..<k)
                    count += 1
                    s = k + 1
                }
                (fields + count).initialize(to: s..<end)
                count += 1
                try row(UnsafeBufferPointer(start: fields, count: count), line, buf)
            }
        }
    }

    static func string(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self)
    }

    static func double(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Double? {
        // Plain decimal numbers only: [-]digits[.digits]
        var i = r.lowerBound
        var neg = false
        if i < r.upperBound && buf[i] == 0x2D { neg = true; i += 1 }
        var v = 0.0, scale = 0.0, any = false
        while i < r.upperBound {
            let b = buf[i]
            if b >= 0x30 && b <= 0x39 {
                any = true
                if scale == 0 { v = v * 10 + Double(b - 0x30) } else { v += Double(b - 0x30) * scale; scale /= 10 }
            } else if b == 0x2E && scale == 0 { scale = 0.1 } else { return nil }
            i += 1
        }
        return any ? (neg ? -v : v) : nil
    }

    mutating func readPlaces(file: String, columns: Int) throws {
        let bytes = try Self.readBytes(file)
        let name = (file as NSString).lastPathComponent
        // (Room for every row at once, lines being longer than 32 bytes: no regrowth and rehashing while reading.)
        let rows = bytes.count / 32 + 16
        idIndex.reserveCapacity(idIndex.count + rows)
        places.reserveCapacity(places.count + rows)
        try Self.forEachRow(bytes, file: file) { f, line, buf in
            func bad(_ why: String) -> SitrepError {
                SitrepError(code: "knowledge.badRow", input: "\(name):\(line)", message: why)
            }
            guard f.count >= 8 else { throw bad("expected \(columns) tab-separated columns, found \(f.count)") }
            // (A byte scan for the colon: `String.contains` goes through Foundation's string search.)
            guard !f[0].isEmpty, buf[f[0]].contains(0x3A) else { throw bad("the id must look like source:identifier") }
            let id = Self.string(buf, f[0])
            guard let kind = GazetteerPlaceKind(code: UnsafeBufferPointer(rebasing: buf[f[1]])) else {
                throw bad("unknown kind '\(Self.string(buf, f[1]))'")
            }
            let pname = Self.string(buf, f[2])
            guard !pname.isEmpty else { throw bad("empty name") }
            guard let lat = Self.double(buf, f[3]), let lon = Self.double(buf, f[4]), abs(lat) <= 90, abs(lon) <= 180 else {
                throw bad("latitude/longitude are not decimal degrees")
            }
            let pop = Int(Self.double(buf, f[7]) ?? 0)
            // One hash of the id: insert, and fail if it was there (the whole load fails then).
            guard idIndex.updateValue(Int32(places.count), forKey: id) == nil else { throw bad("duplicate id \(id)") }
            let country = Self.string(buf, f[5]), admin1Code = Self.string(buf, f[6])
            let place = GazetteerPlace(id: id, kind: kind, name: pname, lat: lat, lon: lon, country: country,
                                       admin1Code: admin1Code, population: pop,
                                       admin1Key: Self.admin1Key(buf, f[5], f[6], country, admin1Code))
            let index = Int32(places.count)
            // (Decided here, once per place: `addName` reads no copy of the entry.)
            let important = pop >= 50_000 || (kind != .city && kind != .neighbourhood && kind != .admin2)
            places.append(place)
            if kind == .country && countryIndex[country] == nil { countryIndex[country] = index }
            seen.reset()
            // Skeleton keys serve Arabic transliteration: places of Syria and its neighbours, countries,
            // divisions and named areas. Elsewhere a consonant skeleton finds more wrong places than right ones.
            // (Decided once per place, on the country code's bytes.)
            let skeletons = kind == .country || kind == .continent || Self.isSkeletonCountry(UnsafeBufferPointer(rebasing: buf[f[5]]))
            addName(UnsafeBufferPointer(rebasing: buf[f[2]]), index: index, primary: true, skeletons: skeletons, important: important)
            // "Washington, D.C.", "Hamilton, Ontario": the name before the comma is the place's own name too.
            if let comma = buf[f[2]].firstIndex(of: 0x2C), comma > f[2].lowerBound {
                addName(UnsafeBufferPointer(rebasing: buf[f[2].lowerBound..<comma]), index: index, primary: true, skeletons: skeletons,
                        important: important)
            }
            if f.count > 8 {
                let r = f[8]
                var s = r.lowerBound
                for k in r.lowerBound...r.upperBound where k == r.upperBound || buf[k] == 0x7C {
                    if k > s {
                        addName(UnsafeBufferPointer(rebasing: buf[s..<k]), index: index, primary: false, skeletons: skeletons,
                                important: important)
                    }
                    s = k + 1
                }
            }
        }
    }

    /// `skeletonCountries` as two-byte codes (first byte high), for `isSkeletonCountry`.
    static let skeletonCountryCodes: [UInt16] = skeletonCountries.map { c in
        let b = Array(c.utf8)
        return UInt16(b[0]) << 8 | UInt16(b[1])
    }.sorted()

    /// `skeletonCountries.contains(country)` on the country field's bytes (without making a String).
    static func isSkeletonCountry(_ c: UnsafeBufferPointer<UInt8>) -> Bool {
        guard c.count == 2 else { return false }
        let code = UInt16(c[0]) << 8 | UInt16(c[1])
        for k in skeletonCountryCodes where k == code { return true }
        return false
    }

    /// `country + "." + admin1Code`, decoded once from the row's bytes when both are ASCII (no two string appends).
    static func admin1Key(_ buf: UnsafeBufferPointer<UInt8>, _ c: Range<Int>, _ a: Range<Int>, _ country: String,
                          _ admin1Code: String) -> String {
        let n = c.count + 1 + a.count
        guard n <= 32 else { return country + "." + admin1Code }
        for k in c where buf[k] >= 0x80 { return country + "." + admin1Code }
        for k in a where buf[k] >= 0x80 { return country + "." + admin1Code }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { o in
            var w = 0
            for k in c { o[w] = buf[k]; w += 1 }
            o[w] = 0x2E; w += 1
            for k in a { o[w] = buf[k]; w += 1 }
            return String(decoding: UnsafeBufferPointer(o), as: UTF8.self)
        }
    }

    /// `skeletons`: the place also gets skeleton keys (see `isSkeletonCountry`). `important`: the place is a country,
    /// division, named area or a town of 50,000 or more.
    private mutating func addName(_ raw: UnsafeBufferPointer<UInt8>, index: Int32, primary: Bool, skeletons: Bool, important: Bool) {
        // The fold and its skeleton are written into one scratch buffer (no arrays): the fold in the first half, the
        // skeleton (never longer than the fold) in the second.
        let room = 4 * raw.count + 16
        let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * room) { o -> Bool in
            let w = NameKey.fold(raw, writingTo: o.baseAddress!, capacity: room)
            guard w >= 0 else { return false }
            addFolded(UnsafeBufferPointer(start: o.baseAddress!, count: w), skeletonRoom: o.baseAddress! + room,
                      index: index, primary: primary, skeletons: skeletons, important: important)
            return true
        }
        if !written {
            NameKey.fold(raw, into: &fold)
            let f = fold
            f.withUnsafeBufferPointer { fb in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: fb.count + 1) { o in
                    addFolded(fb, skeletonRoom: o.baseAddress!, index: index, primary: primary, skeletons: skeletons, important: important)
                }
            }
        }
    }

    /// Indexes a folded name `f`; `skeletonRoom` has room for `f.count` bytes.
    private mutating func addFolded(_ f: UnsafeBufferPointer<UInt8>, skeletonRoom: UnsafeMutablePointer<UInt8>, index: Int32,
                                    primary: Bool, skeletons: Bool, important: Bool) {
        if f.isEmpty { return }
        let h = NameKey.hash(f)
        guard seen.insert(h) else { return }
        let hit = Int32(hitPlace.count)
        let length = UInt16(min(f.count, 65535))
        hitPlace.append(index); hitPrimary.append(primary); hitFoldedLength.append(length)
        hitFirstByte.append(f[0]); hitImportant.append(important)
        hitNext.append(foldedHead.exchange(h, hit))
        if let sp = f.firstIndex(of: 0x20) {
            firstWords.set(NameKey.hash(UnsafeBufferPointer(rebasing: f[0..<sp])), 1)
        }
        guard skeletons else { return }
        let skCount = NameKey.skeleton(ofFolded: f, writingTo: UnsafeMutableBufferPointer(start: skeletonRoom, count: f.count))
        guard skCount >= 2 else { return }
        // (A separate key space from folded hashes.)
        let sh = Gazetteer.skeletonKey(UnsafeBufferPointer(start: skeletonRoom, count: skCount), firstByte: f[0])
        guard seen.insert(sh) else { return }
        let sk = Int32(hitPlace.count)
        hitPlace.append(index); hitPrimary.append(false); hitFoldedLength.append(length)
        hitFirstByte.append(f[0]); hitImportant.append(important)
        hitNext.append(skeletonHead.exchange(sh, sk))
    }

    mutating func readDemonyms(file: String) throws {
        let bytes = try Self.readBytes(file)
        let name = (file as NSString).lastPathComponent
        try Self.forEachRow(bytes, file: file) { f, line, buf in
            guard f.count >= 2 else {
                throw SitrepError(code: "knowledge.badRow", input: "\(name):\(line)", message: "expected: demonym<TAB>country code or place id")
            }
            let target = Self.string(buf, f[1])
            guard let i = countryIndex[target] ?? idIndex[target] else {
                throw SitrepError(code: "knowledge.badRow", input: "\(name):\(line)", message: "unknown country or place '\(target)'")
            }
            NameKey.fold(UnsafeBufferPointer(rebasing: buf[f[0]]), into: &fold)
            demonyms.set(NameKey.hash(fold), i)
        }
    }
}

/// The keys already added for one row: a short list, emptied per row without giving its storage back.
struct SeenKeys {
    private var keys: [UInt64] = []
    private var count = 0

    mutating func reset() { count = 0 }

    /// Adds `key`; false when it was already there. (Read and written through one buffer pointer: no bounds and
    /// uniqueness check per key compared.)
    mutating func insert(_ key: UInt64) -> Bool {
        let c = count
        if c < keys.count {
            let added = keys.withUnsafeMutableBufferPointer { ks -> Bool in
                for k in 0..<c where ks[k] == key { return false }
                ks[c] = key
                return true
            }
            if added { count += 1 }
            return added
        }
        for k in 0..<c where keys[k] == key { return false }
        keys.append(key)
        count += 1
        return true
    }
}
