import Foundation
import SitrepCore

/// The place gazetteer: GeoNames and OCHA places (the built `gazetteer.tsv`), named areas
/// (`places-extra.tsv`) and demonyms (`place-demonyms.tsv`), indexed by folded name and by consonant skeleton.
public final class Gazetteer: Sendable {
    /// How a name matched an entry.
    public enum MatchKind: UInt8, Sendable, Comparable {
        case skeleton = 0, alternate = 1, primary = 2
        public static func < (a: MatchKind, b: MatchKind) -> Bool { a.rawValue < b.rawValue }
    }

    /// One entry a name can stand for.
    public struct Candidate: Sendable, Hashable {
        public var index: Int32
        public var match: MatchKind
    }

    public let places: [GazetteerPlace]
    // Hash-keyed chains: head[hash] → first hit; hitNext links hits of the same key.
    let foldedHead: NameKeyTable
    let skeletonHead: NameKeyTable
    /// Folded first words of names of two or more words: longer spans are only looked up after one of these.
    let firstWords: NameKeyTable
    let hitPlace: [Int32]
    let hitNext: [Int32]
    let hitPrimary: [Bool]
    let demonyms: NameKeyTable
    let admin1ByKey: [String: Int32]
    let idIndex: [String: Int32]
    // Compact per-place fields for scoring without copying strings.
    let kindOf: [GazetteerPlaceKind]
    let populationOf: [Int32]
    /// The population term of each place's prior (`PlaceMatcher.sizePrior`), computed once at load: no `log10` per
    /// candidate and document.
    let sizePriorOf: [Double]
    /// Interned country id (-1: none) and first-level division id (-1: none, or the place is a country).
    let countryIDOf: [Int32]
    let admin1IDOf: [Int32]
    /// The first-level division entry of each division id (-1: the gazetteer has no entry for it).
    let admin1PlaceOfID: [Int32]
    let countryIDCount: Int
    let admin1IDCount: Int
    let countryByCode: [String: Int32]
    /// Folded byte length of every indexed name's key, by hit (for the skeleton length check).
    let hitFoldedLength: [UInt16]
    /// First byte of every indexed name's folded key, by hit.
    let hitFirstByte: [UInt8]
    /// The hit's place is a country, division, named area or a town of 50,000 or more.
    let hitImportant: [Bool]

    init(places: [GazetteerPlace], foldedHead: NameKeyTable, skeletonHead: NameKeyTable, firstWords: NameKeyTable, hitPlace: [Int32],
         hitNext: [Int32], hitPrimary: [Bool], hitFoldedLength: [UInt16], hitFirstByte: [UInt8], hitImportant: [Bool], demonyms: NameKeyTable, idIndex: [String: Int32]) {
        self.places = places; self.foldedHead = foldedHead; self.skeletonHead = skeletonHead; self.firstWords = firstWords
        self.hitPlace = hitPlace; self.hitNext = hitNext; self.hitPrimary = hitPrimary
        self.hitFoldedLength = hitFoldedLength; self.hitFirstByte = hitFirstByte; self.hitImportant = hitImportant; self.demonyms = demonyms
        // Countries and first-level divisions get ids in the order of their first entry. (Two-letter codes are
        // interned through a table indexed by their two bytes, division keys through a table of their FNV-1a hashes
        // checked against the key itself: no string hashing per entry. Other codes, and a key whose hash another key
        // already has, go through the dictionaries.)
        var cIDs: [String: Int32] = [:], aIDs: [String: Int32] = [:]
        var countryCount: Int32 = 0
        var codeTable = [Int32](repeating: -1, count: 1 << 14)
        var keyTable = NameKeyTable(capacity: 4096, filterBits: 16)
        var keyOfID: [String] = []
        var kinds: [GazetteerPlaceKind] = [], pops: [Int32] = [], cOf: [Int32] = [], aOf: [Int32] = []
        kinds.reserveCapacity(places.count); pops.reserveCapacity(places.count)
        cOf.reserveCapacity(places.count); aOf.reserveCapacity(places.count)
        // (By index, field by field: no copy of each entry and its strings.)
        for i in places.indices {
            let kind = places[i].kind
            kinds.append(kind)
            pops.append(Int32(clamping: places[i].population))
            let country = places[i].country
            var code = -1
            let u = country.utf8
            if u.count == 2 {
                let a = u[u.startIndex], b = u[u.index(after: u.startIndex)]
                if a < 0x80 && b < 0x80 { code = Int(a & 0x7F) << 7 | Int(b & 0x7F) }
            }
            if country.isEmpty { cOf.append(-1) } else if code >= 0 {
                if codeTable[code] < 0 { codeTable[code] = countryCount; countryCount += 1 }
                cOf.append(codeTable[code])
            } else if let c = cIDs[country] { cOf.append(c) } else {
                cIDs[country] = countryCount
                cOf.append(countryCount)
                countryCount += 1
            }
            if places[i].admin1Code.isEmpty || kind == .country || kind == .continent { aOf.append(-1) } else {
                let key = places[i].admin1Key
                var h: UInt64 = 0xcbf29ce484222325
                for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
                if let a = keyTable[h] {
                    if keyOfID[Int(a)] == key { aOf.append(a) } else if let a2 = aIDs[key] { aOf.append(a2) } else {
                        let a2 = Int32(keyOfID.count)
                        keyOfID.append(key)
                        aIDs[key] = a2
                        aOf.append(a2)
                    }
                } else {
                    let a = Int32(keyOfID.count)
                    keyOfID.append(key)
                    keyTable.set(h, a)
                    aOf.append(a)
                }
            }
        }
        kindOf = kinds; populationOf = pops; countryIDOf = cOf; admin1IDOf = aOf
        sizePriorOf = (0..<kinds.count).map { PlaceMatcher.sizePrior(kind: kinds[$0], population: Int(pops[$0])) }
        countryIDCount = Int(countryCount); admin1IDCount = keyOfID.count
        var a1: [String: Int32] = [:], cc: [String: Int32] = [:]
        var byID = [Int32](repeating: -1, count: keyOfID.count)
        for i in places.indices {
            let kind = kinds[i]
            if kind == .admin1 {
                a1[places[i].admin1Key] = Int32(i)
                // The entry of each first-level division id, as `admin1ByKey` gives it (the last entry of that key).
                if aOf[i] >= 0 { byID[Int(aOf[i])] = Int32(i) }
            }
            if kind == .country && cc[places[i].country] == nil { cc[places[i].country] = Int32(i) }
        }
        admin1ByKey = a1; countryByCode = cc
        admin1PlaceOfID = byID
        self.idIndex = idIndex
    }

    nonisolated(unsafe) private static var cached: Gazetteer?
    private static let lock = NSLock()

    /// The shipped gazetteer (built file, named areas, demonyms), loaded once and cached.
    public static func loadDefault() throws -> Gazetteer {
        lock.lock(); defer { lock.unlock() }
        if let g = cached { return g }
        let dir = URL(fileURLWithPath: try GazetteerResources.directory())
        let g = try load(from: dir.path)
        cached = g
        return g
    }

    /// Entries whose folded name equals `name`'s folded name, plus (when `skeleton`) entries with the same
    /// consonant skeleton whose folded length is close.
    public func candidates(named name: String, skeleton: Bool = true) -> [Candidate] {
        var f: [UInt8] = []
        var copy = name
        copy.withUTF8 { NameKey.fold($0, into: &f) }
        var sk: [UInt8] = []
        return f.withUnsafeBufferPointer { candidates(folded: $0, skeletonBuffer: &sk, useSkeleton: skeleton) }
    }

    func candidates(folded f: UnsafeBufferPointer<UInt8>, skeletonBuffer sk: inout [UInt8], useSkeleton: Bool,
                    alwaysSkeleton: Bool = false) -> [Candidate] {
        var out: [Candidate] = []
        if f.isEmpty { return out }
        var h = foldedHead[NameKey.hash(f)] ?? -1
        while h >= 0 {
            let idx = hitPlace[Int(h)]
            let m: MatchKind = hitPrimary[Int(h)] ? .primary : .alternate
            if let k = out.firstIndex(where: { $0.index == idx }) {
                if out[k].match < m { out[k].match = m }
            } else {
                // (Room for several at the first: no regrowth from one to two to four.)
                if out.isEmpty { out.reserveCapacity(8) }
                out.append(Candidate(index: idx, match: m))
            }
            h = hitNext[Int(h)]
        }
        // An exact name outranks any spelling variant: look at skeletons only when nothing matched exactly.
        // (A division's name alone still looks for its city: "Deir Ezzor" is both.)
        guard useSkeleton && (alwaysSkeleton || !out.contains(where: { let k = kindOf[Int($0.index)]; return k != .admin1 && k != .admin2 })) else { return out }
        // (The skeleton is written into a scratch buffer and hashed there: no array per lookup.)
        var skCount = 0
        let key = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: f.count) { o -> UInt64 in
            skCount = NameKey.skeleton(ofFolded: f, writingTo: o)
            return Self.skeletonKey(UnsafeBufferPointer(rebasing: o[0..<skCount]), firstByte: f[0])
        }
        guard skCount >= 2 else { return out }
        let shortSkeleton = skCount < 4
        var s = skeletonHead[key] ?? -1
        let flen = f.count
        while s >= 0 {
            let idx = hitPlace[Int(s)]
            let other = Int(hitFoldedLength[Int(s)])
            let slack = max(2, min(flen, other) * 3 / 10)
            let important = hitImportant[Int(s)]
            // Both names start with the same letter, or both with a vowel (Oqeirbat / Uqayrbat).
            let a = hitFirstByte[Int(s)], b = f[0]
            let sameStart = a == b || (Self.isVowel(a) && Self.isVowel(b))
            if sameStart && abs(other - flen) <= slack && (!shortSkeleton || important) && !out.contains(where: { $0.index == idx }) {
                if out.isEmpty { out.reserveCapacity(8) }
                out.append(Candidate(index: idx, match: .skeleton))
            }
            s = hitNext[Int(s)]
        }
        return out
    }

    /// The skeleton table's key: the skeleton's hash with the name's first letter class (vowels alike),
    /// so that names starting differently (Abuja / Bejaia) never share a chain.
    static func skeletonKey(_ sk: [UInt8], firstByte: UInt8) -> UInt64 {
        sk.withUnsafeBufferPointer { skeletonKey($0, firstByte: firstByte) }
    }

    static func skeletonKey(_ sk: UnsafeBufferPointer<UInt8>, firstByte: UInt8) -> UInt64 {
        let cls: UInt64 = isVowel(firstByte) ? 0x61 : UInt64(firstByte)
        return NameKey.hash(sk) ^ 0x5bd1e995 ^ (cls << 56)
    }

    static func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }

    /// The country a demonym names ("Syrian" → Syria), or the area it names.
    public func demonym(_ word: String) -> GazetteerPlace? {
        var f: [UInt8] = []
        var copy = word
        copy.withUTF8 { NameKey.fold($0, into: &f) }
        return demonymIndex(folded: f).map { places[Int($0)] }
    }

    func demonymIndex(folded f: [UInt8]) -> Int32? { f.isEmpty ? nil : demonyms[NameKey.hash(f)] }

    /// The first-level division an entry lies in.
    public func admin1(of place: GazetteerPlace) -> GazetteerPlace? {
        if place.kind == .admin1 { return place }
        guard !place.admin1Code.isEmpty, let i = admin1ByKey[place.admin1Key] else { return nil }
        return places[Int(i)]
    }

    /// The name of an entry's first-level division in the shipped gazetteer (nil when not loadable).
    static func cachedAdmin1Name(of place: GazetteerPlace) -> String? {
        (try? loadDefault())?.admin1(of: place)?.name
    }

    /// The index of the entry with this id.
    public func index(ofID id: String) -> Int32? { idIndex[id] }

    /// The index of the first-level division an entry lies in (itself for a division).
    func admin1Index(of index: Int32) -> Int32? {
        let p = places[Int(index)]
        if p.kind == .admin1 { return index }
        guard !p.admin1Code.isEmpty else { return nil }
        return admin1ByKey[p.admin1Key]
    }

    /// The country entry for an ISO code.
    public func country(code: String) -> GazetteerPlace? { countryByCode[code].map { places[Int($0)] } }

    /// The contract's place reference for an entry.
    public func placeRef(_ index: Int32, qualifier: String? = nil, precision: PlaceRef.Precision? = nil) -> PlaceRef {
        // (Fields read one at a time: no copy of the whole entry, nor retains of the strings it does not need.)
        let i = Int(index)
        let kind = places[i].kind
        let name = places[i].name
        // (By interned division id: what `admin1(of:)` gives, without hashing the key string.)
        var a1: String? = nil
        if kind == .admin1 { a1 = name } else if kind != .country && kind != .continent {
            let aid = admin1IDOf[i]
            if aid >= 0, case let j = admin1PlaceOfID[Int(aid)], j >= 0 { a1 = places[Int(j)].name }
        }
        let country = places[i].country
        return PlaceRef(name: name, id: places[i].id, lat: places[i].lat, lon: places[i].lon, admin1: a1,
                        country: country.isEmpty ? nil : country, precision: precision ?? kind.precision,
                        qualifier: qualifier)
    }
}
