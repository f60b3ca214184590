import Foundation
import SitrepCore
import SitrepLanguage

/// The place names the recogniser sees as a feature (`Resources/ner-gazetteer.txt`, built by
/// `scripts/build-ner-gazetteer.py`): each capitalised token run that is a listed place gets a mark on
/// its tokens; the model learns how far to trust it. (Actor-dictionary marks were tried as well and
/// lowered dev F1 from 0.897 to 0.890, so the dictionary joins after tagging instead: its hits win.)
struct EntityGazetteer: Sendable {
    let places: Set<UInt64>
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
        var places = Set<UInt64>()
        var maxTokens = 1
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let name = String(line)
            let words = EntityWordSplitter.split(name).map { name.slice($0.range) ?? "" }
            guard !words.isEmpty else { continue }
            places.insert(Self.sequenceHash(words[...]))
            maxTokens = max(maxTokens, words.count)
        }
        self.places = places
        self.maxTokens = min(maxTokens, 6)
    }

    @inline(__always)
    static func lowerHash(_ word: String) -> UInt64 {
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
        var h: UInt64 = 0x1234_5678
        for w in words { h = NERFeatures.combine(h, lowerHash(w)) }
        return h
    }

    static func isCapitalised(_ word: String) -> Bool {
        guard let f = word.unicodeScalars.first else { return false }
        return f.properties.isUppercase
    }

    static let placeBegin = NERFeatures.hash("G-B".utf8), placeInside = NERFeatures.hash("G-I".utf8)

    /// One atom per token (0 when no list names it).
    func atoms(_ document: [[String]]) -> [[UInt64]] {
        document.map(sentenceAtoms)
    }

    private func sentenceAtoms(_ words: [String]) -> [UInt64] {
        let n = words.count
        var place = [UInt64](repeating: 0, count: n)
        var i = 0
        while i < n {
            guard Self.isCapitalised(words[i]) else { i += 1; continue }
            var matched = 0
            var len = min(maxTokens, n - i)
            while len >= 1 {
                if places.contains(Self.sequenceHash(words[i..<(i + len)])) { matched = len; break }
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
