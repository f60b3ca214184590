import Testing
import SitrepCore
@testable import SitrepLanguage

/// Random awkward text built from the cues' own words: no crash, every range inside the text.
struct AttributionRobustnessTests {
    static let pieces = ["said", "told", "according", "to", "quoted", "as", "saying", "“", "”", "\"", ",", ".", ":", ";",
                         "—", "(", ")", "he", "she", "The", "official", "Mr", "Radwan", "not", "never", "if", "unless",
                         "may", "will", "that", "who", "which", "no", "none", "of", "denied", "by", "\n\n", "’s", "al-",
                         "didn't", "it", "is", "unclear", "whether", "reportedly", "sources", "a", "spokesman", "with"]

    @Test(arguments: 0..<40)
    func randomCueSoupAnnotatesCleanly(_ seed: Int) {
        var g = SplitMix64(seed: UInt64(seed) &+ 17)
        var text = ""
        for _ in 0..<(20 + Int(g.next() % 200)) {
            text += Self.pieces[Int(g.next() % UInt64(Self.pieces.count))]
            if g.next() % 4 != 0 { text += " " }
        }
        let a = Analysed(text)
        let n = Int32(text.utf8.count)
        for at in a.attributions {
            for r in [at.scope, at.source, at.cue] + [at.affiliation, at.via, at.medium].compactMap({ $0 }) {
                #expect(r.start >= 0 && r.end <= n && a.slice(r) != nil, "\(text)")
            }
        }
        for m in a.marks { #expect(m.scope.end <= n && a.slice(m.scope) != nil, "\(text)") }
    }
}

/// Tokens and sentences that do not belong to the text (a caller's mistake) give no crash.
struct AttributionMismatchTests {
    @Test func sentencesPointingPastTheTokensAreClamped() {
        let text = "“The road is closed,” said Amal Nasser. Officials did not say whether it would reopen."
        let tokens = Tokenizer.tokenize(text)
        let bogus = [Sentence(range: TextRange(0, 10), tokens: 0..<(tokens.count + 50), paragraph: 0),
                     Sentence(range: TextRange(0, 10), tokens: (tokens.count + 5)..<(tokens.count + 9), paragraph: 1)]
        let a = AttributionShared.attributions.find(in: text, tokens: tokens, sentences: bogus)
        _ = AttributionShared.certainties.find(in: text, tokens: tokens, sentences: bogus, attributions: a)
        let short = String(text.prefix(20))
        let b = AttributionShared.attributions.find(in: short, tokens: tokens, sentences: bogus)
        let marks = AttributionShared.certainties.find(in: short, tokens: tokens, sentences: bogus, attributions: b)
        #expect(b.allSatisfy { $0.scope.start >= 0 } && marks.allSatisfy { $0.scope.start >= 0 })
    }
}


/// Long inputs stay linear: no scan per cue over the whole sentence or document.
struct AttributionScaleTests {
    @Test func aHugeSentenceFullOfCuesIsFast() {
        let unit = "officials said that the convoy had not left, “the fighters may go,” he added, according to sources, "
        let text = String(repeating: unit, count: 4000) + "end."
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = Analysed(text) }
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }

    @Test func manyShortQuotedSentencesAreFast() {
        let unit = "“The road is closed,” said Amal Nasser. “We waited.” Markets stayed open.\n"
        let text = String(repeating: unit, count: 5000)
        let clock = ContinuousClock()
        var found = 0
        let elapsed = clock.measure { found = Analysed(text).attributions.count }
        #expect(found == 10000)
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }
}

/// The scanner's per-token memo of phrase parts gives what working each part out afresh gives, whatever order the
/// tokens are asked about.
struct AttributionPartMemoTests {
    @Test(arguments: [
        "The army spokesman, Col. Tarek Haddad, told reporters the convoy had left.",
        "reportersThe head of the Observatory and SyriaThe town's council members said on Thursday.",
        "Naïve café owners (and al-Qaeda’s 12 fighters) who saw it said a move experts expected.",
    ])
    func memoisedPartsMatchFreshOnes(_ text: String) {
        var copy = text
        copy.withUTF8 { p in
            let tokens = Tokenizer.tokenize(bytes: p)
            let sentences = Shared.splitter.split(text, tokens: tokens)
            let ct = ClauseTokens(bytes: p, tokens: tokens)
            let scanner = AttributionScanner(shared: AttributionShared.attributions.shared, tokens: ct, sentences: sentences)
            for t in tokens.indices.reversed() { #expect(scanner.part(t) == scanner.findPart(t), "token \(t) in \(text)") }
            for t in tokens.indices { #expect(scanner.part(t) == scanner.findPart(t), "token \(t), asked again, in \(text)") }
        }
    }
}
