import Testing
@testable import SitrepKnowledge

/// `SpanFolds.view` joins the first pass's word folds where it can and folds the text afresh where it cannot: every
/// view, asked in any order, is the fold of the span's text.
@Suite struct PlaceSpanFoldsTests {
    static let texts = [
        "Deir ez-Zor and Abu Kamal Al Bab, St. Louis Ras al Ain north Kafr Nabl",
        "The Yarmouk Basin countryside near Tell  Abyad and Jisr al-Shughur city",
        "Qal'at al-Madiq Ma’arrat al Numan Ḥalab Dar‘ā East Ghouta District 12 Idlib",
    ]

    /// The view of words `first...last` for each pair asked in `order`, against `NameKey.fold` of the same text.
    static func check(_ text: String, _ order: [(Int, Int)]) -> Bool {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { all -> Bool in
            let t = UnsafeBufferPointer(rebasing: all[0..<(all.count - 1)])
            let words = PlaceWordScanner.words(t)
            let n = words.count
            // Folds as the scan's first pass writes them: plain words lower-cased into `flat`, others marked not plain.
            let info = UnsafeMutablePointer<WordFolds.Info>.allocate(capacity: n + 1)
            defer { info.deallocate() }
            var flatBytes: [UInt8] = []
            for (k, w) in words.enumerated() {
                let plain = w.end > w.start && (w.start..<w.end).allSatisfy { PlaceWordScanner.isASCIIAlnum(t[$0]) }
                let start = flatBytes.count
                if plain { for q in w.start..<w.end { flatBytes.append(t[q] >= 0x41 && t[q] <= 0x5A ? t[q] | 0x20 : t[q]) } }
                info[k] = WordFolds.Info(hash: 0, start: Int32(start), length: Int32(flatBytes.count - start), state: plain ? 1 : 2, plain: plain)
            }
            flatBytes.append(0)
            return flatBytes.withUnsafeBufferPointer { flat -> Bool in
                var spans = SpanFolds(t: t, info: info, flat: flat.baseAddress!, flatCount: flat.count, wordCount: n)
                defer { spans.deallocate() }
                var ok = true
                for (first, last) in order where first <= last && last < n {
                    let got = Array(spans.view(first, last, words))
                    var expected: [UInt8] = []
                    NameKey.fold(UnsafeBufferPointer(rebasing: t[words[first].start..<words[last].end]), into: &expected)
                    if got != expected { ok = false }
                }
                return ok
            }
        }
    }

    @Test(arguments: texts)
    func viewsEqualFoldsInScanOrder(_ text: String) {
        // As the scan asks: from each word, a head-noun span one longer, then decreasing lengths.
        var order: [(Int, Int)] = []
        for first in 0..<40 { for last in stride(from: first + 6, through: first, by: -1) { order.append((first, last)) } }
        #expect(Self.check(text, order))
    }

    @Test(arguments: texts)
    func viewsEqualFoldsInMixedOrder(_ text: String) {
        // Growing, shrinking and alternating spans from one word, and back to an earlier word.
        var order: [(Int, Int)] = []
        for first in 0..<40 {
            for last in first...(first + 5) { order.append((first, last)) }
            order += [(first, first + 2), (first, first + 5), (first, first + 1), (first, first + 4), (first, first)]
            if first > 2 { order += [(first - 2, first), (first, first + 3)] }
        }
        #expect(Self.check(text, order))
    }
}
