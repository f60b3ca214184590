import Foundation
import SitrepCore
import SitrepLanguage
import Testing
@testable import SitrepKnowledge

/// The tagger reads a document as word types (`NERTypedDocument`): the facts, headlines and place
/// marks it takes from the types equal those the plain path takes from every token's own atoms.
@Suite struct NERTypedDocumentTests {
    static let texts: [String] = [
        "Police said police came. The Police left.\nPOLICE ALERT ISSUED\npolice Police",
        "Aleppo aleppo Aleppo. Aleppo said. the The THE the",
        "Shelling hit Ras al-Ain Upper Camp and Ras al-Ain Lower and Ras. Tell Abyad Tell Wadi Abyad",
        "RAS AL-AIN near Ḥamāh; Wadi. One Two Three Four Five Six Seven and One Two",
        "no capitals at all here, none",
        "A B C. D",
    ]

    /// A gazetteer with names that are prefixes of longer names and a name of seven words.
    static let gazetteer = EntityGazetteer(placeNames: """
        # test
        Ras
        Ras al-Ain
        Ras al-Ain Upper Camp
        Tell Abyad
        Wadi
        One Two Three Four Five Six Seven
        Ḥamāh
        Aleppo
        """)

    /// A text's typed document (full atoms per type), its tokens' atoms and its sentences.
    static func document(_ text: String) -> (NERTypedDocument, atoms: [NERFeatures.Atoms], sentences: [Range<Int>]) {
        let (tokens, sentences) = NERBlockScoringTests.split(text)
        let bytes = Array(text.utf8)
        let atoms = tokens.map { NERFeatures.atoms(of: String(decoding: bytes[Int($0.range.start)..<Int($0.range.end)], as: UTF8.self)) }
        let ids: [Int32] = bytes.withUnsafeBufferPointer { b in
            var types = NERWordTypes(tokens: tokens.count)
            defer { types.deallocate() }
            return tokens.map { types.intern(b, start: Int($0.range.start), count: $0.range.length).type }
        }
        let count = Int(ids.max() ?? -1) + 1
        let document = atoms.withUnsafeBufferPointer { a in
            ids.withUnsafeBufferPointer { NERTypedDocument(atoms: a, ids: $0.baseAddress!, count: count) }
        }
        return (document, atoms, sentences)
    }

    @Test(arguments: texts)
    func factsAndHeadlinesFromTypesEqualThoseFromTokens(text: String) {
        let (document, atoms, sentences) = Self.document(text)
        defer { document.deallocate() }
        var headlines = [UInt64](repeating: 9, count: sentences.count)
        let typed = headlines.withUnsafeMutableBufferPointer {
            NERFeatures.DocumentFacts(document: document, sentences: sentences, headlines: $0.baseAddress!)
        }
        let plain = atoms.withUnsafeBufferPointer { NERFeatures.DocumentFacts(flat: $0, sentences: sentences) }
        #expect(Set(typed.lowercaseSeen.entries().map(\.hash)) == Set(plain.lowercaseSeen.entries().map(\.hash)))
        #expect(Set(typed.capitalisedMid.entries().map(\.hash)) == Set(plain.capitalisedMid.entries().map(\.hash)))
        #expect(headlines == sentences.map { NERFeatures.isHeadline(Array(atoms[$0])) ? 1 : 0 })
    }

    @Test(arguments: texts)
    func placeMarksFromTypesEqualMarksFromAtoms(text: String) {
        let (document, atoms, sentences) = Self.document(text)
        defer { document.deallocate() }
        let firstWords = UnsafeMutablePointer<UInt8>.allocate(capacity: max(document.typeCount, 1))
        defer { firstWords.deallocate() }
        firstWords.initialize(repeating: 0, count: document.typeCount)
        var marked = 0
        // Twice: the second time every type's first-word bits are known.
        for _ in 0..<2 {
            for range in sentences {
                var out = [UInt64](repeating: 7, count: range.count)
                let any = out.withUnsafeMutableBufferPointer { o in
                    Self.gazetteer.marks(ids: document.tokenTypes + range.lowerBound, count: range.count, atoms: document.atoms,
                                         firstWords: firstWords, into: o.baseAddress!)
                }
                #expect(out == Self.gazetteer.marks(Array(atoms[range])))
                #expect(any == out.contains { $0 != 0 })
                marked += out.filter { $0 != 0 }.count
            }
        }
        if text.contains("Ras") { #expect(marked > 0) }
    }

    @Test func typesNumberedOutOfOrderKeepTheirOwnAtoms() {
        // Type 1 first, then type 0 (as when an empty token takes the last type).
        let atoms = ["Aleppo", "said", "Aleppo"].map(NERFeatures.atoms(of:))
        let ids: [Int32] = [1, 0, 1]
        let document = atoms.withUnsafeBufferPointer { a in ids.withUnsafeBufferPointer { NERTypedDocument(atoms: a, ids: $0.baseAddress!, count: 2) } }
        defer { document.deallocate() }
        #expect(document.atoms[0].word == atoms[1].word)
        #expect(document.atoms[1].word == atoms[0].word)
        #expect(Array(UnsafeBufferPointer(start: document.firstTokens, count: 2)) == [1, 0])
        #expect(document.atoms[Int(document.startType)].lower == NERFeatures.sentenceStart)
        #expect(document.atoms[Int(document.endType)].shortShape == NERFeatures.sentenceEnd)
    }

    @Test func paddedSentenceHasTheBoundaryTypesAround() {
        let (document, _, sentences) = Self.document("Ras al-Ain fell. Wadi")
        defer { document.deallocate() }
        let padded = PaddedSentence(longest: 4)
        defer { padded.deallocate() }
        for range in sentences {
            padded.load(document, range)
            let n = range.count
            #expect([padded.ids[-2], padded.ids[-1]] == [document.startType, document.startType])
            #expect([padded.ids[n], padded.ids[n + 1]] == [document.endType, document.endType])
            #expect((0..<n).map { padded.ids[$0] } == range.map { document.tokenTypes[$0] })
            #expect(padded.marks[-1] == 0 && padded.marks[n] == 0)
        }
    }
}
