import SitrepCore
import Testing
@testable import SitrepLanguage

/// Random text built from awkward pieces: every annotation must still slice cleanly, in order, without a crash.
struct RobustnessTests {
    static let pieces = ["al-", "-", "–", "—", "'", "’", "‘", "“", "”", "\"", ".", "..", "…", ",", ":", "\n", "\r\n", " ", "\u{00A0}",
                         "\u{200B}", "U.S.", "a.m.", "Mr.", "Oct.", "sq. km", "1,000", "3.5", "2018-07-31", "11:32", "30th",
                         "400", "four hundred", "thirty-six", "over a hundred", "dozens of", "fighters", "ʿ", "ʾ", "é", "e\u{0301}",
                         "حماة", "☃", "😀", "$", "%", "(", ")", "[", "]", "AMMAN:", "ERBIL,", "A", "J.", "the", "s", "-strong",
                         "\t", "0", "9", "٤٠٠", "１２", "٣", ",000", "'s", "’s", "\u{FFFD}", "\u{2028}", "between", "and", "to", "or"]

    @Test(arguments: 0..<150)
    func randomTextAnnotatesCleanly(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(Self.pieces.count))
        }
        var text = ""
        for _ in 0..<200 { text += Self.pieces[next()] }
        let a = Shared.analyzer.annotate(text, published: nil)
        var last: Int32 = 0
        for t in a.tokens {
            #expect(t.range.start >= last && t.range.end > t.range.start)
            #expect(text.slice(t.range) != nil, "token \(t.range) in \(text.debugDescription)")
            last = t.range.end
        }
        var next = 0
        for s in a.sentences {
            #expect(s.tokens.lowerBound == next && !s.tokens.isEmpty)
            next = s.tokens.upperBound
        }
        #expect(next == a.tokens.count)
        for q in a.quantities {
            #expect(text.slice(q.range) != nil)
            #expect(q.max == nil || q.max! >= q.min, "\(text.slice(q.range) ?? "") \(q)")
            #expect(q.kind != .count || q.min >= 0)
        }
    }

    @Test(arguments: 0..<30)
    func randomScalarsAnnotateCleanly(seed: Int) {
        var state = UInt64(seed + 1) &* 0xD1B5_4A32_D192_ED03
        func next(_ n: UInt64) -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state % n
        }
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x20...0x7E, 0x20...0x7E, 0x00...0x1F, 0x80...0x2FF,
                                             0x2000...0x206F, 0x0600...0x06FF, 0x1F300...0x1F6FF, 0xFE00...0xFFFD]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<400 {
            let r = ranges[Int(next(UInt64(ranges.count)))]
            let v = r.lowerBound + UInt32(next(UInt64(r.upperBound - r.lowerBound + 1)))
            if let u = Unicode.Scalar(v) { scalars.append(u) }
        }
        let text = String(scalars)
        let a = Shared.analyzer.annotate(text, published: nil)
        for t in a.tokens { #expect(text.slice(t.range) != nil && !t.range.isEmpty) }
        #expect(a.sentences.last.map { $0.tokens.upperBound == a.tokens.count } ?? a.tokens.isEmpty)
        for q in a.quantities { #expect(q.max == nil || q.max! >= q.min) }
    }
}
