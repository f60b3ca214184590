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
    let foldedHead: [UInt64: Int32]
    let skeletonHead: [UInt64: Int32]
    let hitPlace: [Int32]
    let hitNext: [Int32]
    let hitPrimary: [Bool]
    let demonyms: [UInt64: Int32]
    let admin1ByKey: [String: Int32]
    let countryByCode: [String: Int32]
    /// Folded byte length of every indexed name's key, by hit (for the skeleton length check).
    let hitFoldedLength: [UInt16]
    /// First byte of every indexed name's folded key, by hit.
    let hitFirstByte: [UInt8]

    init(places: [GazetteerPlace], foldedHead: [UInt64: Int32], skeletonHead: [UInt64: Int32], hitPlace: [Int32],
         hitNext: [Int32], hitPrimary: [Bool], hitFoldedLength: [UInt16], hitFirstByte: [UInt8], demonyms: [UInt64: Int32]) {
        self.places = places; self.foldedHead = foldedHead; self.skeletonHead = skeletonHead
        self.hitPlace = hitPlace; self.hitNext = hitNext; self.hitPrimary = hitPrimary
        self.hitFoldedLength = hitFoldedLength; self.hitFirstByte = hitFirstByte; self.demonyms = demonyms
        var a1: [String: Int32] = [:], cc: [String: Int32] = [:]
        for (i, p) in places.enumerated() {
            if p.kind == .admin1 { a1[p.admin1Key] = Int32(i) }
            if p.kind == .country && cc[p.country] == nil { cc[p.country] = Int32(i) }
        }
        admin1ByKey = a1; countryByCode = cc
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

    func candidates(folded f: UnsafeBufferPointer<UInt8>, skeletonBuffer sk: inout [UInt8], useSkeleton: Bool) -> [Candidate] {
        var out: [Candidate] = []
        if f.isEmpty { return out }
        var h = foldedHead[NameKey.hash(f)] ?? -1
        while h >= 0 {
            let idx = hitPlace[Int(h)]
            let m: MatchKind = hitPrimary[Int(h)] ? .primary : .alternate
            if let k = out.firstIndex(where: { $0.index == idx }) {
                if out[k].match < m { out[k].match = m }
            } else {
                out.append(Candidate(index: idx, match: m))
            }
            h = hitNext[Int(h)]
        }
        guard useSkeleton else { return out }
        NameKey.skeleton(ofFolded: f, into: &sk)
        guard sk.count >= 2 else { return out }
        let shortSkeleton = sk.count < 4
        var s = skeletonHead[NameKey.hash(sk) ^ 0x5bd1e995] ?? -1
        let flen = f.count
        while s >= 0 {
            let idx = hitPlace[Int(s)]
            let other = Int(hitFoldedLength[Int(s)])
            let slack = max(2, min(flen, other) * 3 / 10)
            let p = places[Int(idx)]
            let important = p.population >= 50_000 || (p.kind != .city && p.kind != .neighbourhood && p.kind != .admin2)
            // Both names start with the same letter, or both with a vowel (Oqeirbat / Uqayrbat).
            let a = hitFirstByte[Int(s)], b = f[0]
            let sameStart = a == b || (Self.isVowel(a) && Self.isVowel(b))
            if sameStart && abs(other - flen) <= slack && (!shortSkeleton || important) && !out.contains(where: { $0.index == idx }) {
                out.append(Candidate(index: idx, match: .skeleton))
            }
            s = hitNext[Int(s)]
        }
        return out
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

    /// The country entry for an ISO code.
    public func country(code: String) -> GazetteerPlace? { countryByCode[code].map { places[Int($0)] } }

    /// The contract's place reference for an entry.
    public func placeRef(_ index: Int32, qualifier: String? = nil, precision: PlaceRef.Precision? = nil) -> PlaceRef {
        let p = places[Int(index)]
        let a1 = p.kind == .country || p.kind == .continent ? nil : admin1(of: p)?.name
        return PlaceRef(name: p.name, id: p.id, lat: p.lat, lon: p.lon, admin1: a1,
                        country: p.country.isEmpty ? nil : p.country, precision: precision ?? p.kind.precision,
                        qualifier: qualifier)
    }
}
