import Foundation
import SitrepCore
import SitrepLanguage
import Testing
@testable import SitrepKnowledge

/// Tagging in a workspace kept from document to document (`NERWorkspace`: emptied tables, block
/// caches kept) gives exactly the tags of tagging each document in a fresh workspace, whatever came
/// before, also when the block caches start again part-way (a small `blockLimit`).
@Suite struct NERWorkspaceTests {
    /// Documents in the order they are tagged: repeats, shared words and shapes, headlines, marks.
    static let documents: [String] = [
        "Troops of the Ardent Shield entered Vel Harun on Monday, the Kestrel Herald said.",
        "VEL HARUN CALM AFTER CLASHES\nResidents of Vel Harun said the Ardent Shield had left.",
        "no capitals here at all, only 12 numbers and words.",
        "Mira Santoro met Idris Okonjo in Port Aldane. Santoro said Okonjo of the Aldane Council agreed.",
        "Police said police came. The Police left.\nPOLICE ALERT ISSUED\npolice Police",
        "Shelling hit Ras al-Ain and Tell Abyad; Aleppo and Hama were quiet, officials in Aleppo said.",
        "Troops of the Ardent Shield entered Vel Harun on Monday, the Kestrel Herald said.",
        "A B C. D E-F G.H. I'J 'K' (L) M—N",
        "Jordan said Jordan would close the border; Jordan Pike, a reporter, said nothing about Jordan.",
    ]

    /// Tags of `text` (flat, per token) through the recogniser's typed path in `workspace` (nil: a fresh one).
    static func tags(_ r: EntityRecognizer, _ text: String, workspace: NERWorkspace?) -> [Int] {
        let (tokens, sentences) = NERBlockScoringTests.split(text)
        guard !tokens.isEmpty else { return [] }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            var types = NERWordTypes(tokens: tokens.count)
            var document = NERTypedDocument(tokens: tokens.count)
            defer { types.deallocate(); document.deallocate() }
            for (i, t) in tokens.enumerated() {
                let (type, isNew) = types.intern(b, start: Int(t.range.start), count: t.range.length)
                document.tokenTypes[i] = type
                if isNew {
                    let word = UnsafeBufferPointer(rebasing: b[Int(t.range.start)..<Int(t.range.end)])
                    document.addType(NERFeatures.atoms(of: String(decoding: word, as: UTF8.self)), firstToken: i)
                }
            }
            document.finish()
            return tokens.withUnsafeBufferPointer { t in
                r.tagIndexes(document, sentences: sentences, words: (b.baseAddress!, t.baseAddress!),
                             workspace: workspace ?? NERWorkspace())
            }
        }
    }

    @Test(arguments: [1, 3, 1 << 14])
    func keptWorkspaceTagsAsAFreshOne(blockLimit: Int) throws {
        let r = try EntityRecognizer.loadDefault()
        let kept = NERWorkspace(blockLimit: blockLimit)
        // Twice through: the second round meets every block cached.
        for _ in 0..<2 {
            for text in Self.documents {
                #expect(Self.tags(r, text, workspace: kept) == Self.tags(r, text, workspace: nil), "\(text)")
            }
        }
        let counts = kept.tables.pointee.blocks.counts
        if blockLimit < 4 { #expect(counts.windows <= 64) } else { #expect(counts.windows > 0 && counts.shapeTags > 0) }
    }

    /// A document longer than the workspace's first buffers (more than 256 tokens and word types).
    static let long: String = (0..<60).map { k in
        "Unit \(k) of the Brigade Kilo\(k) reached Mount Orel\(k % 7) after talks with Amir Sadek\(k % 5) on day \(k)."
    }.joined(separator: " ")

    @Test func findThroughThePoolEqualsTheReferenceInEveryOrder() throws {
        let r = try EntityRecognizer.loadDefault()
        let reference = try EntityRecognizer.loadDefault()
        let all = Self.documents + [Self.long] + Self.documents.reversed() + [Self.long, Self.documents[0]]
        for text in all {
            #expect(r.find(in: text, tokens: nil) == NERFastPathTests.referenceFind(reference, text), "\(text.prefix(60))")
        }
        // The workspace's own memo fills the recogniser's shared one too.
        #expect(r.wordMemo.count > 20)
    }

    /// A word-type table emptied slot by slot (`NERWordTypes.reset`) numbers each document's words as a
    /// new table does, also after a document that made it grow and before one too large for it.
    @Test func emptiedWordTypesNumberAsANewTable() {
        var kept = NERWordTypes(tokens: 0)
        defer { kept.deallocate() }
        // Distinct words past half the slots make the table grow within a document.
        let distinct = (0..<100).map { "w\($0)" }.joined(separator: " ")
        let texts = Self.documents + [Self.long, "", distinct, Self.documents[3], distinct, Self.long + " " + Self.long.lowercased(), "A"]
        for text in texts {
            let (tokens, _) = NERBlockScoringTests.split(text)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                var fresh = NERWordTypes(tokens: tokens.count)
                defer { fresh.deallocate() }
                kept.reset(tokens: tokens.count)
                for t in tokens {
                    let a = kept.intern(b, start: Int(t.range.start), count: t.range.length)
                    let e = fresh.intern(b, start: Int(t.range.start), count: t.range.length)
                    #expect(a.type == e.type && a.isNew == e.isNew)
                }
                #expect(kept.count == fresh.count)
            }
        }
    }

    /// The vote count per label as the plain path reads it: the most votes, ties to the smaller raw value.
    static func plainRelabel(_ v: (Int, Int, Int, Int), _ label: EntityLabel) -> EntityLabel? {
        let counts: [EntityLabel: Int] = [.person: v.0, .organisation: v.1, .location: v.2, .misc: v.3]
        let voted = counts.filter { $0.value > 0 }
        guard voted.count > 1,
              let best = voted.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }),
              best.value > counts[label]! else { return nil }
        return best.key
    }

    @Test(arguments: [EntityLabel.person, .organisation, .location, .misc])
    func relabelByRanksEqualsComparingRawValues(label: EntityLabel) {
        let values = [0, 1, 2, 1000, 1001]
        var changed = 0
        for a in values { for b in values { for c in values { for d in values {
            let v = (a, b, c, d)
            let fast = EntityRecognizer.relabel(votes: v, label: label)
            #expect(fast == Self.plainRelabel(v, label), "\(v) \(label)")
            if fast != nil { changed += 1 }
        } } } }
        #expect(changed > 0)
    }

    @Test(arguments: [0, 5, 40, 300])
    func emptiedTablesAreEmpty(entries: Int) {
        var table = PerceptronFeatureTable(capacity: 16)
        for k in 0..<UInt64(entries) { _ = table.insert(k &* 0x9E37_79B9_7F4A_7C15) }
        table.removeAll(capacity: 16)
        #expect(table.count == 0)
        #expect(table.keys.count == 32)
        for k in 0..<UInt64(entries) { #expect(table.row(k &* 0x9E37_79B9_7F4A_7C15) == -1) }
        #expect(table.insert(7).row == 0)
    }
}
