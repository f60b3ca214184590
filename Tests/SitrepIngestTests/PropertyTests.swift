import Foundation
import SitrepCore
import Testing
@testable import SitrepIngest

/// Cleaning invariants over many generated inputs: no crash, exact offsets, removed text is raw text.
@Suite struct PropertyTests {
    static let pieces: [String] = [
        "\n", "\n\n", "\r\n", "\r", " ", "\u{00A0}", "\t", "e\u{0301}", "\u{1100}\u{1161}", "—", "“", "”", "[…]", "...",
        "Share this article", "Read more:", "You may also like", "3 min read", "© 2001 - 2019 Harbour Daily (", "(AFP/FILE)",
        "Comments", "Post a comment", "By Mira Haddad", "Rana Saleh - Orontes Wire Iraq", "Fri, 03 Aug 2018 21:55 GMT",
        "13 February 2018", "Published October 1st, 2018 - 11:32 GMT", "31/07/2018", "last Wednesday", "30th July",
        "Photo: Staff", "(Video still)", "مرحبا بالعالم", "Ünïcödé", "\u{200B}", "\u{0007}", "🙂", "2018-07-31",
    ]

    static func mutated(_ base: String, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var scalars = Array(base.unicodeScalars)
        var out = ""
        var i = 0
        while i < scalars.count {
            let run = rng.int(1, 120)
            out.unicodeScalars.append(contentsOf: scalars[i..<min(scalars.count, i + run)])
            i += run
            if rng.chance(0.5) { out += rng.pick(pieces) }
        }
        if rng.chance(0.3) { scalars.shuffle(using: &rng); out += String(String.UnicodeScalarView(scalars.prefix(200))) }
        return out
    }

    @Test(arguments: 0..<40)
    func cleaningKeepsOffsetsExactOnMutatedArticles(seed: Int) {
        let base = SyntheticCorpus.articles(totalBytes: 3000, seed: UInt64(seed)).joined(separator: "\n")
        let raw = Self.mutated(base, seed: UInt64(seed) &* 7919)
        let doc = cleaned(raw)
        #expect(doc.rawLength == raw.utf8.count)
        var lastEnd: Int32 = 0
        for s in doc.offsetMap.segments {
            #expect(s.clean >= lastEnd)
            lastEnd = s.clean + s.length
            #expect(Int(lastEnd) <= doc.text.utf8.count)
            #expect(Int(s.raw + s.length) <= raw.utf8.count)
            #expect(doc.text.slice(TextRange(start: s.clean, end: s.clean + s.length)) == raw.slice(TextRange(start: s.raw, end: s.raw + s.length)))
        }
        for part in doc.removed { #expect(raw.slice(part.raw) == part.text) }
        #expect(doc.text == doc.text.precomposedStringWithCanonicalMapping)
        #expect(!doc.text.hasPrefix("\n") && !doc.text.hasSuffix("\n"))
        if let p = doc.published { #expect(p.start <= p.end && !p.reason.isEmpty) }
    }

    @Test(arguments: 0..<20)
    func randomBytesNeverCrashTheReader(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let bytes = (0..<rng.int(1, 4000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let folder = try temporaryFolder()
        try write(bytes, to: folder + "/noise.txt")
        let outcomes = readAll(DocumentReader(), InputSource(path: folder + "/noise.txt", byteCount: nil))
        #expect(outcomes.count == 1)
        if let e = outcomes.first?.error { #expect(e.input == folder + "/noise.txt" && e.code.hasPrefix("ingest.")) }
    }
}
