import Foundation
import SitrepCore

/// The words that decide whether a place is named as a modifier of a noun: the words after a demonym that show it
/// is no adjective (`place-modifier-nonheads.tsv`), and the words joined by a hyphen after a place's name that make
/// it one (`place-modifier-suffixes.tsv`). Keys are folded-word hashes.
public struct PlaceModifierWords: Sendable {
    let nonHeads: Set<UInt64>
    let suffixes: Set<UInt64>

    public static let empty = PlaceModifierWords(nonHeads: [], suffixes: [])

    nonisolated(unsafe) private static var cached: PlaceModifierWords?
    private static let lock = NSLock()

    /// The shipped lists, loaded once (empty when they cannot be read).
    public static func loadDefault() -> PlaceModifierWords {
        lock.lock(); defer { lock.unlock() }
        if let c = cached { return c }
        var l = PlaceModifierWords.empty
        if let dir = try? GazetteerResources.directory() {
            l = (try? load(nonHeads: (dir as NSString).appendingPathComponent("place-modifier-nonheads.tsv"),
                           suffixes: (dir as NSString).appendingPathComponent("place-modifier-suffixes.tsv"))) ?? .empty
        }
        cached = l
        return l
    }

    /// Loads the two one-word-a-line files; a bad row throws `knowledge.badRow` with file and line.
    public static func load(nonHeads: String, suffixes: String) throws -> PlaceModifierWords {
        PlaceModifierWords(nonHeads: try wordSet(nonHeads), suffixes: try wordSet(suffixes))
    }

    private static func wordSet(_ path: String) throws -> Set<UInt64> {
        var words = Set<UInt64>()
        var fold: [UInt8] = []
        let name = (path as NSString).lastPathComponent
        try GazetteerBuilder.forEachRow(try GazetteerBuilder.readBytes(path), file: path) { f, line, buf in
            guard f.count == 1, !f[0].isEmpty, !buf[f[0]].contains(0x20) else {
                throw SitrepError(code: "knowledge.badRow", input: "\(name):\(line)", message: "expected one word")
            }
            NameKey.fold(UnsafeBufferPointer(rebasing: buf[f[0]]), into: &fold)
            words.insert(NameKey.hash(fold))
        }
        return words
    }
}

extension PlaceMatcher {
    /// Toponyms in GeoWebNews' sense: the places `find(in:tokens:)` reports, and places named as modifiers of a noun,
    /// which `find` leaves out (an event happens in Idlib, not in the country of "Russian warplanes"): a demonym used
    /// as an adjective ("Russian hackers", "the North American market"; not "the French said", "in English") and a
    /// name joined by a hyphen to a listed word ("a London-based firm", "New York-born", "Iran-backed militias").
    /// Each modifier is resolved in the context of the whole text, as a given span (`resolve(spans:in:)`).
    public func findToponyms(in text: String) -> [PlaceMention] {
        var copy = text
        let modifiers = copy.withUTF8 { modifierSpans($0) }
        // Names before a hyphen are resolved in context; a demonym names its country or area.
        let spans = modifiers.filter { $0.demonym == nil }.map(\.range)
        let (found, forced) = analyse(text, forced: spans)
        guard !modifiers.isEmpty else { return found }
        var out = found
        let demonyms = modifiers.compactMap { m in
            m.demonym.map { PlaceMention(range: m.range, place: gazetteer.placeRef($0), score: 0.8) }
        }
        for m in forced + demonyms {
            guard let m else { continue }
            if out.contains(where: { $0.range.start < m.range.end && $0.range.end > m.range.start }) { continue }
            out.append(m)
        }
        out.sort { $0.range.start < $1.range.start }
        return out
    }

    /// The spans of the modifier places of `t` (see `findToponyms`), before they are resolved.
    /// `demonym` is the gazetteer index of the place a demonym names.
    func modifierSpans(_ t: UnsafeBufferPointer<UInt8>) -> [(range: TextRange, demonym: Int32?)] {
        let words = PlaceWordScanner.words(t)
        let lists = PlaceModifierWords.loadDefault()
        var out: [(range: TextRange, demonym: Int32?)] = []
        var fold: [UInt8] = []
        var sk: [UInt8] = []
        func folded(_ s: Int, _ e: Int) -> [UInt8] {
            NameKey.fold(UnsafeBufferPointer(rebasing: t[s..<e]), into: &fold)
            return fold
        }
        func demonym(_ s: Int, _ e: Int) -> Int32? { gazetteer.demonymIndex(folded: folded(s, e)) }
        /// A name the main tier knows by its own spelling (no consonant-skeleton variant), and no common word.
        func isPlace(_ s: Int, _ e: Int) -> Bool {
            let f = folded(s, e)
            guard f.count >= 2, !lexicon.isStopword(NameKey.hash(f)) else { return false }
            if gazetteer.demonymIndex(folded: f) != nil { return true }
            let cands = f.withUnsafeBufferPointer { gazetteer.candidates(folded: $0, skeletonBuffer: &sk, useSkeleton: false) }
            return cands.contains { $0.match != .skeleton }
        }
        var i = 0
        while i < words.count {
            let w = words[i]
            guard w.capitalised, !w.arabic else { i += 1; continue }
            // "London-based": a hyphen, then only lower-case letters, a listed word.
            var hyphen = -1
            for k in w.start..<w.end where t[k] == 0x2D { hyphen = k }
            if hyphen > w.start, hyphen + 1 < w.end {
                var lower = true
                for k in (hyphen + 1)..<w.end where !(t[k] >= 0x61 && t[k] <= 0x7A) { lower = false; break }
                if lower && lists.suffixes.contains(NameKey.hash(folded(hyphen + 1, w.end))) {
                    // The longest name ending there: up to two capitalised words before ("New York-based").
                    var s = w.start
                    var chosen: Int? = nil
                    var j = i
                    var starts = [w.start]
                    while j > 0 && i - j < 2 && !words[j].breakBefore && words[j - 1].capitalised { j -= 1; starts.insert(words[j].start, at: 0) }
                    for c in starts where chosen == nil && isPlace(c, hyphen) { chosen = c }
                    if let c = chosen { s = c; out.append((TextRange(start: Int32(s), end: Int32(hyphen)), demonym(s, hyphen))) }
                    i += 1
                    continue
                }
            }
            // A demonym as an adjective: one or two capitalised words ("Russian", "South Korean"), then a word of
            // the same phrase that is not a listed verb, function word or language noun.
            var end = -1
            var next = -1
            var d: Int32? = nil
            if i + 1 < words.count, words[i + 1].capitalised, !words[i + 1].breakBefore, let two = demonym(w.start, words[i + 1].end) {
                end = words[i + 1].end; next = i + 2; d = two
            } else if let one = demonym(w.start, w.end) {
                end = w.end; next = i + 1; d = one
            }
            guard end > 0 else { i += 1; continue }
            if next < words.count, !words[next].breakBefore, words[next].start - end <= 1,
               !lists.nonHeads.contains(NameKey.hash(folded(words[next].start, words[next].end))) {
                out.append((TextRange(start: Int32(w.start), end: Int32(end)), d))
            }
            i = next
        }
        return out
    }
}
