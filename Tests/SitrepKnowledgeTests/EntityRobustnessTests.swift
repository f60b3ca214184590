import Foundation
import SitrepCore
import SitrepLanguage
import Testing
@testable import SitrepKnowledge

@Suite struct EntityRobustnessTests {
    static let pieces = ["ISIS", "IS", "is", "(", ")", "(SOHR)", "(X)", "al-", "-", "'s", "’", "‘", "Hay‘at", " ", " ", "\n",
                         "Tahrir", "a-Sham", "the", "regime", ",", "head", "of", "spokesman", "with", "Ré", "ğ", "ş", "ʿ",
                         "دمشق", "—", "“", "U.S.", ".", "Al", "Alqaeda", "123", "1,000", "\u{00A0}", "e\u{0301}", "🙂", "A"]

    @Test func randomAwkwardTextGivesRangesInsideTheText() throws {
        let matcher = try ActorMatcher.loadDefault()
        let recogniser = try EntityRecognizer.loadDefault()
        var rng = SplitMix(state: 42)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) { text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            let found = matcher.analyze(text, tokens: nil)
            let entities = recogniser.entities(in: text, tokens: nil, actors: found.mentions, places: [])
            for r in found.mentions.map(\.range) + entities.map(\.range) + found.affiliations.flatMap({ [$0.person, $0.organisation] }) {
                #expect(text.slice(r) != nil, "\(r) in \(text.debugDescription)")
            }
        }
    }

    @Test func tokensPastTheEndAreIgnored() throws {
        let recogniser = try EntityRecognizer.loadDefault()
        let text = "Omar Haddad left."
        let tokens = [Token(range: TextRange(0, 4), kind: .word), Token(range: TextRange(5, 11), kind: .word),
                      Token(range: TextRange(12, 400), kind: .word)]
        let found = recogniser.find(in: text, tokens: tokens)
        #expect(found.allSatisfy { $0.range.end <= Int32(text.utf8.count) })
        let matcher = try ActorMatcher.loadDefault()
        #expect(matcher.find(in: text, tokens: tokens).allSatisfy { $0.range.end <= Int32(text.utf8.count) })
    }
}
