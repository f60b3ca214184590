import SitrepCore
import SitrepLanguage

/// The language layer's certainty marks and attributions read for a trigger, the same answers as `mark(at:)` and a scan
/// of every attribution give, cheaper: both lists are sorted by scope start (checked once per document), so only the
/// marks starting between the trigger's end less the longest scope and the trigger's start can contain it (two binary
/// searches); they are read in place and compared inline, and `Certainty`'s own `<` (which looks each case up in a
/// fresh `allCases` list) is not used.
extension ExtractionRun {
    /// `Certainty`'s order as a number: its case's place in the declaration, which is the `allCases` order its `<`
    /// compares by.
    @inline(__always) static func rank(_ c: Certainty) -> UInt8 { withUnsafeBytes(of: c) { $0[0] } }

    /// The longest scope of a list sorted by scope start, or `nil` when it is not sorted (the language layer sorts
    /// its marks and attributions).
    static func reach(_ scopes: UnsafeBufferPointer<TextRange>) -> Int32? {
        var longest: Int32 = 0
        for k in 0..<scopes.count {
            if k > 0, scopes[k - 1].start > scopes[k].start { return nil }
            longest = max(longest, scopes[k].end - scopes[k].start)
        }
        return longest
    }

    static func reach(_ marks: [CertaintyMark]) -> Int32? {
        let scopes = marks.map(\.scope)
        return scopes.withUnsafeBufferPointer { reach($0) }
    }

    static func reach(_ attributions: [Attribution]) -> Int32? {
        let scopes = attributions.map(\.scope)
        return scopes.withUnsafeBufferPointer { reach($0) }
    }

    /// The indexes of a start-sorted list whose scopes can contain `range`: starting from `range.end - reach` (no scope
    /// is longer) through `range.start`. `start(k)` is the scope start of element `k`.
    @inline(__always) static func window(count: Int, range: TextRange, reach: Int32, start: (Int) -> Int32) -> Range<Int> {
        // The first element starting after `x`.
        func after(_ x: Int32) -> Int {
            var lo = 0, hi = count
            while lo < hi { let mid = (lo + hi) / 2; if start(mid) <= x { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        let lo = after(range.end - reach - 1), hi = after(range.start)
        return lo..<max(lo, hi)
    }

    /// `view.language.certainties.mark(at: range)?.certainty`: the strongest mark whose scope contains `range` (the
    /// tightest, then the first, among equals), except that a planned one inside a wider possibility is possible.
    func markedCertainty(at range: TextRange) -> Certainty? {
        let marked = strongestMark(at: range, skipDenied: false)
        // "denied that its soldiers were handed over, saying its own forces had released 48 prisoners": a new report
        // of the source after the denial is no part of what it denies.
        if marked == .denied, deniedOnlyBefore(range) { return strongestMark(at: range, skipDenied: true) }
        return marked
    }

    /// Whether a comma or "and" and a reporting participle (`report-participles.tsv`) stand between every denial
    /// covering `range` and `range`.
    func deniedOnlyBefore(_ range: TextRange) -> Bool {
        let to = view.firstToken(atOrAfter: range.start)
        var any = false
        for m in view.language.certainties where m.certainty == .denied && m.scope.start <= range.start && range.end <= m.scope.end {
            guard let cue = m.cue, cue.end <= range.start else { return false }
            let from = view.firstToken(atOrAfter: cue.end)
            guard from + 1 < to, (from..<(to - 1)).contains(where: { j in
                (view.tokens[j].kind == .punctuation && view.firstByte(j) == 0x2C || view.function[j] == .conj)
                    && lexicon.reportParticiples.contains(view.keys[j + 1])
            }) else { return false }
            any = true
        }
        return any
    }

    func strongestMark(at range: TextRange, skipDenied: Bool) -> Certainty? {
        if skipDenied {
            return view.language.certainties.filter { $0.certainty != .denied }.mark(at: range)?.certainty
        }
        guard let reach = certaintyReach else { return view.language.certainties.mark(at: range)?.certainty }
        return view.language.certainties.withUnsafeBufferPointer { p -> Certainty? in
            guard let base = p.baseAddress else { return nil }
            let window = ExtractionRun.window(count: p.count, range: range, reach: reach) { base[$0].scope.start }
            var best = -1
            var bestRank: UInt8 = 0
            for k in window where range.end <= base[k].scope.end {
                let r = ExtractionRun.rank(base[k].certainty)
                if best < 0 || r > bestRank || (r == bestRank && base[k].scope.length < base[best].scope.length) {
                    best = k; bestRank = r
                }
            }
            guard best >= 0 else { return nil }
            let certainty = base[best].certainty
            if certainty == .planned {
                let b = base[best].scope
                for k in window where base[k].certainty == .possible && base[k].scope.start <= b.start && b.end <= base[k].scope.end
                    && base[k].scope != b && range.end <= base[k].scope.end {
                    return .possible
                }
            }
            return certainty
        }
    }

    /// The index of the narrowest attribution whose scope contains `trigger` (the first of equally narrow ones).
    func attributionIndex(for trigger: TextRange) -> Int? {
        // (Scopes read in place through the buffer and compared inline: no call per attribution.)
        view.language.attributions.withUnsafeBufferPointer { p -> Int? in
            guard let base = p.baseAddress else { return nil }
            let window = attributionReach.map { reach in ExtractionRun.window(count: p.count, range: trigger, reach: reach) { base[$0].scope.start } }
                ?? 0..<p.count
            var best = -1
            for k in window {
                let scope = base[k].scope
                guard scope.start <= trigger.start, trigger.end <= scope.end else { continue }
                if best < 0 || scope.length < base[best].scope.length { best = k }
            }
            return best < 0 ? nil : best
        }
    }

    /// Whether `r` overlaps the source of some attribution (`attributions.contains { $0.source.overlaps(r) }`),
    /// the sources read in place and compared inline.
    func isAttributionSource(_ r: TextRange) -> Bool {
        view.language.attributions.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return false }
            for k in 0..<p.count where base[k].source.start < r.end && r.start < base[k].source.end { return true }
            return false
        }
    }
}
