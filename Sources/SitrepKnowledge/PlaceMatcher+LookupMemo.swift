import Foundation
import SitrepCore

/// Gazetteer lookups kept from document to document: the candidates of a folded name (by its hash and the lookup's
/// options) and the reference of an entry without qualifier (by entry and precision). Both are functions of the
/// gazetteer alone, so a kept answer is the answer a fresh lookup gives; place names recur across documents
/// ("Syria", "Damascus"), and each is looked up and built once. A memo is used by one document at a time (see
/// `PlaceLookupPool`) and starts over when it holds `limit` answers of a kind.
struct PlaceLookupMemo {
    /// Answers of one kind kept at most (then the memo of that kind starts over).
    static let limit = 1 << 15

    private var candidateSlots = NameKeyTable(capacity: 1024, filterBits: 16)
    private var candidateLists: [[Gazetteer.Candidate]] = []
    private var refSlots = NameKeyTable(capacity: 1024, filterBits: 16)
    private var refs: [PlaceRef] = []

    /// `g.candidates(folded:…)` for the folded name `f` whose `NameKey.hash` is `hash`.
    mutating func candidates(_ g: Gazetteer, folded f: UnsafeBufferPointer<UInt8>, hash: UInt64, skeletonBuffer: inout [UInt8],
                             useSkeleton: Bool, alwaysSkeleton: Bool = false) -> [Gazetteer.Candidate] {
        // (The options change the answer: they are part of the key.)
        let key = hash ^ (useSkeleton ? 0x2545_f491_4f6c_dd1d : 0) ^ (alwaysSkeleton ? 0x9e37_79b9_7f4a_7c15 : 0)
        if let slot = candidateSlots[key] { return candidateLists[Int(slot)] }
        let cands = g.candidates(folded: f, skeletonBuffer: &skeletonBuffer, useSkeleton: useSkeleton, alwaysSkeleton: alwaysSkeleton)
        if candidateLists.count >= Self.limit {
            candidateSlots = NameKeyTable(capacity: 1024, filterBits: 16)
            candidateLists.removeAll(keepingCapacity: true)
        }
        candidateSlots.set(key, Int32(candidateLists.count))
        candidateLists.append(cands)
        return cands
    }

    /// `g.placeRef(index, qualifier: nil, precision: precision)`.
    mutating func placeRef(_ g: Gazetteer, _ index: Int32, precision: PlaceRef.Precision) -> PlaceRef {
        // Entry and precision (never both zero) spread over the key's bits by an odd multiplier: distinct pairs give
        // distinct keys.
        let code: UInt64
        switch precision {
        case .exact: code = 1
        case .city: code = 2
        case .district: code = 3
        case .region: code = 4
        case .admin1: code = 5
        case .country: code = 6
        }
        let key = (UInt64(UInt32(bitPattern: index)) << 8 | code) &* 0x9e37_79b9_7f4a_7c15
        if let slot = refSlots[key] { return refs[Int(slot)] }
        let ref = g.placeRef(index, qualifier: nil, precision: precision)
        if refs.count >= Self.limit {
            refSlots = NameKeyTable(capacity: 1024, filterBits: 16)
            refs.removeAll(keepingCapacity: true)
        }
        refSlots.set(key, Int32(refs.count))
        refs.append(ref)
        return ref
    }
}

/// Memos for matchers shared across threads: each document takes one and gives it back when done (a document
/// that finds none free starts an empty one).
final class PlaceLookupPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [PlaceLookupMemo] = []

    func take() -> PlaceLookupMemo {
        lock.lock()
        let m = free.popLast()
        lock.unlock()
        return m ?? PlaceLookupMemo()
    }

    func give(_ m: consuming PlaceLookupMemo) {
        lock.lock()
        if free.count < 8 { free.append(m) }
        lock.unlock()
    }
}
