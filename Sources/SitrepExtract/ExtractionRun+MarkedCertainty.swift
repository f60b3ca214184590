import SitrepCore
import SitrepLanguage

/// The language layer's certainty marks read for a trigger, the same answer as `certainties.mark(at:)` gives, cheaper:
/// marks are read in place, scopes compared inline, and the scan stops at the first mark starting after the trigger
/// (the list is sorted by start, checked once per document); `Certainty`'s own `<` looks each case up in a fresh
/// `allCases` list.
extension ExtractionRun {
    /// `Certainty`'s order as a number: its case's place in the declaration, which is the `allCases` order its `<`
    /// compares by.
    @inline(__always) static func rank(_ c: Certainty) -> UInt8 { withUnsafeBytes(of: c) { $0[0] } }

    /// Whether the marks are sorted by scope start (the language layer sorts them).
    static func startsSorted(_ marks: [CertaintyMark]) -> Bool {
        marks.withUnsafeBufferPointer { p in
            p.count < 2 || (1..<p.count).allSatisfy { p[$0 - 1].scope.start <= p[$0].scope.start }
        }
    }

    /// `view.language.certainties.mark(at: range)?.certainty`: the strongest mark whose scope contains `range` (the
    /// tightest, then the first, among equals), except that a planned one inside a wider possibility is possible.
    func markedCertainty(at range: TextRange) -> Certainty? {
        guard certaintiesSorted else { return view.language.certainties.mark(at: range)?.certainty }
        return view.language.certainties.withUnsafeBufferPointer { p -> Certainty? in
            guard let base = p.baseAddress else { return nil }
            // Only marks starting at or before the range can contain it: a prefix of the sorted list.
            var end = 0
            while end < p.count, base[end].scope.start <= range.start { end += 1 }
            var best = -1
            var bestRank: UInt8 = 0
            for k in 0..<end where range.end <= base[k].scope.end {
                let r = ExtractionRun.rank(base[k].certainty)
                if best < 0 || r > bestRank || (r == bestRank && base[k].scope.length < base[best].scope.length) {
                    best = k; bestRank = r
                }
            }
            guard best >= 0 else { return nil }
            let certainty = base[best].certainty
            if certainty == .planned {
                let b = base[best].scope
                for k in 0..<end where base[k].certainty == .possible && base[k].scope.start <= b.start && b.end <= base[k].scope.end
                    && base[k].scope != b && range.end <= base[k].scope.end {
                    return .possible
                }
            }
            return certainty
        }
    }
}
