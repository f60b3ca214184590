import Foundation
import SitrepCore
import Testing
@testable import SitrepKnowledge

/// The lookups the place matcher keeps from document to document (`PlaceLookupMemo`) answer what the gazetteer answers,
/// the first time and every time after; and the scan's shortcuts give what the plain computations give.
@Suite struct PlaceLookupMemoTests {
    static let gazetteer = try! Gazetteer.loadDefault()

    /// Candidates through the memo (a miss, then a hit) equal the gazetteer's, under each set of options.
    @Test(arguments: ["Homs", "Deir Ezzour", "Dayr az-Zawr", "Georgia", "Springfield", "Washington", "Hama", "Albukamal",
                      "Nowhereville", "Idlib", "حلب"])
    func memoCandidatesEqualGazetteer(_ name: String) {
        let g = Self.gazetteer
        var memo = PlaceLookupMemo()
        let fold = Array(NameKey.folded(name).utf8)
        for (useSkeleton, alwaysSkeleton) in [(true, false), (false, false), (true, true), (false, true)] {
            var sk: [UInt8] = []
            let direct = fold.withUnsafeBufferPointer {
                g.candidates(folded: $0, skeletonBuffer: &sk, useSkeleton: useSkeleton, alwaysSkeleton: alwaysSkeleton)
            }
            for _ in 0..<2 {
                let kept = fold.withUnsafeBufferPointer {
                    memo.candidates(g, folded: $0, hash: NameKey.hash($0), skeletonBuffer: &sk, useSkeleton: useSkeleton,
                                    alwaysSkeleton: alwaysSkeleton)
                }
                #expect(kept == direct, "\(name) \(useSkeleton) \(alwaysSkeleton)")
            }
        }
    }

    /// References through the memo (a miss, then a hit) equal the gazetteer's, for entries of every kind and every
    /// precision.
    @Test func memoReferencesEqualGazetteer() {
        let g = Self.gazetteer
        var memo = PlaceLookupMemo()
        var checked = 0
        for i in stride(from: 0, to: g.places.count, by: max(1, g.places.count / 300)) {
            for precision in PlaceRef.Precision.allCases {
                let direct = g.placeRef(Int32(i), qualifier: nil, precision: precision)
                #expect(memo.placeRef(g, Int32(i), precision: precision) == direct)
                #expect(memo.placeRef(g, Int32(i), precision: precision) == direct)
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    /// A matcher that has matched other documents (its memo filled) finds in each document what a fresh matcher finds.
    @Test(arguments: [["Shelling hit Homs and Hama on Monday; later Homs countryside and eastern Hama saw clashes.",
                       "Georgia and Tbilisi were named, then Atlanta, Savannah and Macon, Ga., in one report.",
                       "Residents of Springfield, Illinois, fled to Peoria while Springfield police closed roads.",
                       "Shelling hit Homs and Hama on Monday; later Homs countryside and eastern Hama saw clashes."]])
    func matcherWithFilledMemoEqualsFreshMatcher(_ texts: [String]) {
        let shared = PlaceMatcher(gazetteer: Self.gazetteer)
        for text in texts + texts.reversed() {
            let alone = PlaceMatcher(gazetteer: Self.gazetteer).find(in: text, tokens: nil)
            let after = shared.find(in: text, tokens: nil)
            #expect(!alone.isEmpty)
            #expect(after == alone, "\(text)")
        }
    }

    /// The literal hashes of "the" and "of" are the words' `NameKey.hash`.
    @Test func literalHashesEqualWordHashes() {
        #expect(PlaceMatcher.theHash == NameKey.hash(Array("the".utf8)))
        #expect(PlaceMatcher.ofHash == NameKey.hash(Array("of".utf8)))
    }

    /// A qualifier word outside the first pass's folds (a plain word made into a string from its own bytes) reads as its
    /// fold: qualifiers before a name come out alike whether or not the word carries a mark the fold drops.
    @Test(arguments: [("eastern", "Idlib"), ("northern", "Hama"), ("rural", "Damascus"), ("southern", "Daraa")])
    func qualifierStringEqualsFold(_ qualifier: String, _ name: String) {
        let matcher = PlaceMatcher(gazetteer: Self.gazetteer)
        let plain = matcher.find(in: "Clashes broke out in \(qualifier) \(name) on Monday.", tokens: nil)
        let marked = matcher.find(in: "Clashes broke out in \(qualifier)\u{0301} \(name) on Monday.", tokens: nil)
        #expect(plain.count == 1, "\(plain.map(\.place.name))")
        #expect(plain.map(\.place.qualifier) == marked.map(\.place.qualifier))
        #expect(plain.first?.place.qualifier == NameKey.folded(qualifier))
    }
}
