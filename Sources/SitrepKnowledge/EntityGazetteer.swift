import Foundation
import SitrepCore
import SitrepLanguage

/// The place names the recogniser sees as a feature (`Resources/ner-gazetteer.txt`, built by
/// `scripts/build-ner-gazetteer.py`): each capitalised token run that is a listed place gets a mark on
/// its tokens; the model learns how far to trust it. (Actor-dictionary marks were tried as well and
/// lowered dev F1 from 0.897 to 0.890, so the dictionary joins after tagging instead: its hits win.)
struct EntityGazetteer: Sendable {
    /// Hashes of the place names' word sequences (an open-addressing table used as a set).
    let places: PerceptronFeatureTable
    /// Hashes of every proper prefix (first 1…n−1 words) of the place names: a run is extended only
    /// while it can still grow into a listed name.
    let prefixes: PerceptronFeatureTable
    let maxTokens: Int

    static func loadDefault() throws -> EntityGazetteer {
        guard let url = Bundle.module.url(forResource: "ner-gazetteer", withExtension: "txt", subdirectory: "Resources") else {
            throw SitrepError(code: "knowledge.missingResource", input: "ner-gazetteer.txt",
                              message: "the NER gazetteer is missing from the SitrepKnowledge bundle")
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw SitrepError(code: "data.unreadable", input: url.path, message: "cannot read the gazetteer: \(error.localizedDescription)")
        }
        return EntityGazetteer(placeNames: text)
    }

    init(placeNames text: String) {
        var places = PerceptronFeatureTable(capacity: 1 << 16)
        var prefixes = PerceptronFeatureTable(capacity: 1 << 14)
        var maxTokens = 1
        // A byte scan: lines are names, words are separated by spaces (written as the recogniser's tokens).
        // Non-ASCII words fold through a scalar table instead of a `String` each (the same hashes).
        var lowercaser = EntityLowercaseHasher()
        var text = text
        text.withUTF8 { b in
            // One pass: each word is hashed (ASCII letters folded) while its end is looked for.
            let n = b.count
            var i = 0
            while i < n {
                if b[i] == 0x23 {  // a comment line
                    while i < n && b[i] != 0x0A { i += 1 }
                    i += 1
                    continue
                }
                var h = Self.sequenceSeed
                var words = 0
                var k = i
                while k < n && b[k] != 0x0A {
                    let w = k
                    var x: UInt64 = 0xCBF2_9CE4_8422_2325
                    var ascii = true
                    while k < n {
                        let c = b[k]
                        if c == 0x20 || c == 0x0A { break }
                        if c >= 0x80 { ascii = false }
                        x = (x ^ UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)) &* 0x100_0000_01B3
                        k += 1
                    }
                    if k > w {
                        if words > 0 { _ = prefixes.insert(h) }
                        let wordHash = ascii ? x : lowercaser.lowerHash(UnsafeBufferPointer(rebasing: b[w..<k]))
                        h = NERFeatures.combine(h, wordHash)
                        words += 1
                    }
                    if k < n && b[k] == 0x20 { k += 1 }
                }
                if words > 0 { _ = places.insert(h); maxTokens = max(maxTokens, words) }
                i = k + 1
            }
        }
        self.places = places
        self.prefixes = prefixes
        self.maxTokens = min(maxTokens, 6)
    }

    static let sequenceSeed: UInt64 = 0x1234_5678

    @inline(__always)
    static func lowerHash<S: StringProtocol>(_ word: S) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var ascii = true
        for b in word.utf8 {
            if b >= 0x80 { ascii = false; break }
            h = (h ^ UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 0x100_0000_01B3
        }
        if ascii { return h }
        h = 0xCBF2_9CE4_8422_2325
        for b in word.lowercased().utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    static func sequenceHash(_ words: ArraySlice<String>) -> UInt64 {
        var h: UInt64 = sequenceSeed
        for w in words { h = NERFeatures.combine(h, lowerHash(w)) }
        return h
    }

    static func isCapitalised(_ word: String) -> Bool {
        if let b = word.utf8.first, b < 0x80 { return b >= 0x41 && b <= 0x5A }
        guard let f = word.unicodeScalars.first else { return false }
        return f.properties.isUppercase
    }

    static let placeBegin = NERFeatures.hash("G-B".utf8), placeInside = NERFeatures.hash("G-I".utf8)

    /// One atom per token (0 when no list names it).
    func atoms(_ document: [[String]]) -> [[UInt64]] {
        document.map(sentenceAtoms)
    }

    private func sentenceAtoms(_ words: [String]) -> [UInt64] {
        marks(count: words.count, capitalised: { Self.isCapitalised(words[$0]) }, hashes: { words.map { Self.lowerHash($0) } })
    }

    /// One atom per token of a sentence given as recogniser atoms (the same marks as for its words).
    func marks(_ sentence: [NERFeatures.Atoms]) -> [UInt64] {
        marks(count: sentence.count, capitalised: { sentence[$0].capitalised }, hashes: { sentence.map(\.lowerFNV) })
    }

    /// `marks(_:)` written to `out` (`sentence.count` values, zeroed first), without allocating: each
    /// capitalised token's run is extended word by word while it is a prefix of some listed name, and
    /// the longest listed run wins (the same marks as trying every length longest first).
    func marks(_ sentence: UnsafeBufferPointer<NERFeatures.Atoms>, into out: UnsafeMutablePointer<UInt64>) {
        let n = sentence.count
        for j in 0..<n { out[j] = 0 }
        var i = 0
        while i < n {
            guard sentence[i].capitalised else { i += 1; continue }
            let longest = min(maxTokens, n - i)
            var h = Self.sequenceSeed
            var matched = 0
            for len in 1...longest {
                h = NERFeatures.combine(h, sentence[i + len - 1].lowerFNV)
                if places.contains(h) { matched = len }
                if len == longest || !prefixes.contains(h) { break }
            }
            if matched > 0 {
                out[i] = Self.placeBegin
                for j in (i + 1)..<(i + matched) { out[j] = Self.placeInside }
                i += matched
            } else {
                i += 1
            }
        }
    }

    /// `marks(_:into:)` for a sentence given as word types (`ids`, `n` of them, into `atoms`), the same
    /// marks; true when any token is marked. `firstWords[t]` keeps per type, once looked up (bit 0),
    /// whether its word alone is a listed place (bit 1) and whether it begins a longer listed name (bit 2):
    /// a capitalised word that begins no place costs one read after its first time in the document.
    @discardableResult
    func marks(ids: UnsafePointer<Int32>, count n: Int, atoms: UnsafePointer<NERFeatures.Atoms>,
               firstWords: UnsafeMutablePointer<UInt8>, into out: UnsafeMutablePointer<UInt64>) -> Bool {
        let begin = Self.placeBegin, inside = Self.placeInside, seed = Self.sequenceSeed
        var any = false
        var i = 0
        while i < n {
            let t = Int(ids[i])
            guard atoms[t].capitalised else { out[i] = 0; i &+= 1; continue }
            var first = firstWords[t]
            if first == 0 {
                let h = NERFeatures.combine(seed, atoms[t].lowerFNV)
                first = 1 | (places.contains(h) ? 2 : 0) | (prefixes.contains(h) ? 4 : 0)
                firstWords[t] = first
            }
            var matched = first & 2 != 0 ? 1 : 0
            let longest = min(maxTokens, n - i)
            if longest > 1 && first & 4 != 0 {
                var h = NERFeatures.combine(seed, atoms[t].lowerFNV)
                for len in 2...longest {
                    h = NERFeatures.combine(h, atoms[Int(ids[i + len - 1])].lowerFNV)
                    if places.contains(h) { matched = len }
                    if len == longest || !prefixes.contains(h) { break }
                }
            }
            if matched > 0 {
                any = true
                out[i] = begin
                for j in (i + 1)..<(i + matched) { out[j] = inside }
                i += matched
            } else {
                out[i] = 0
                i &+= 1
            }
        }
        return any
    }

    @inline(__always)
    private func marks(count n: Int, capitalised: (Int) -> Bool, hashes makeHashes: () -> [UInt64]) -> [UInt64] {
        var place = [UInt64](repeating: 0, count: n)
        // Each word is hashed once; runs are tried longest first from prefix hashes.
        var hashes: [UInt64] = []
        var i = 0
        while i < n {
            guard capitalised(i) else { i += 1; continue }
            if hashes.isEmpty { hashes = makeHashes() }
            var prefix: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
            let longest = min(maxTokens, n - i)
            var h = Self.sequenceSeed
            for len in 1...longest {
                h = NERFeatures.combine(h, hashes[i + len - 1])
                switch len {
                case 1: prefix.0 = h
                case 2: prefix.1 = h
                case 3: prefix.2 = h
                case 4: prefix.3 = h
                case 5: prefix.4 = h
                default: prefix.5 = h
                }
            }
            var matched = 0
            var len = longest
            while len >= 1 {
                let key: UInt64
                switch len {
                case 1: key = prefix.0
                case 2: key = prefix.1
                case 3: key = prefix.2
                case 4: key = prefix.3
                case 5: key = prefix.4
                default: key = prefix.5
                }
                if places.contains(key) { matched = len; break }
                len -= 1
            }
            if matched > 0 {
                place[i] = Self.placeBegin
                for j in (i + 1)..<(i + matched) { place[j] = Self.placeInside }
                i += matched
            } else {
                i += 1
            }
        }
        return place
    }
}
