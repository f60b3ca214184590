import SitrepCore

extension Array where Element == CertaintyMark {
    /// How firmly the text states what is at `range`: the strongest mark among the scopes that contain
    /// it, by the precedence denied > conditional > planned > possible > reported; `.asserted` when
    /// no scope contains it. An inner hedge thus cannot weaken an outer denial or condition
    /// ("X denied that fighters may have been moved" is denied).
    public func certainty(at range: TextRange) -> Certainty {
        mark(at: range)?.certainty ?? .asserted
    }

    /// The mark that decides `certainty(at:)` (the tightest scope among equally strong ones), or `nil`.
    /// One exception to the precedence: a future inside a wider possibility ("it remains to be seen
    /// whether the truce will hold") is possible, not planned.
    public func mark(at range: TextRange) -> CertaintyMark? {
        var best: CertaintyMark?
        for m in self where m.scope.contains(range) {
            guard let b = best else { best = m; continue }
            if m.certainty > b.certainty || (m.certainty == b.certainty && m.scope.length < b.scope.length) { best = m }
        }
        if let b = best, b.certainty == .planned,
           let wider = first(where: { $0.certainty == .possible && $0.scope.contains(b.scope) && $0.scope != b.scope && $0.scope.contains(range) }) {
            return wider
        }
        return best
    }

    /// Every mark whose scope contains `range`, innermost (shortest scope) first — for callers that want
    /// to weigh nested cues themselves.
    public func marks(containing range: TextRange) -> [CertaintyMark] {
        filter { $0.scope.contains(range) }.sorted { $0.scope.length != $1.scope.length ? $0.scope.length < $1.scope.length : $0.certainty > $1.certainty }
    }
}
