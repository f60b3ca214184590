import SitrepCore
@testable import SitrepLanguage

/// Loaded once for the attribution and certainty tests.
enum AttributionShared {
    static let attributions: AttributionFinder = try! AttributionFinder()
    static let certainties: CertaintyFinder = try! CertaintyFinder()
}

/// One text run through tokenizer, splitter, attribution and certainty finders.
struct Analysed {
    let text: String
    let tokens: [Token]
    let sentences: [Sentence]
    let attributions: [Attribution]
    let marks: [CertaintyMark]

    init(_ text: String) {
        self.text = text
        tokens = Tokenizer.tokenize(text)
        sentences = Shared.splitter.split(text, tokens: tokens)
        attributions = AttributionShared.attributions.find(in: text, tokens: tokens, sentences: sentences)
        marks = AttributionShared.certainties.find(in: text, tokens: tokens, sentences: sentences, attributions: attributions)
    }

    func slice(_ r: TextRange?) -> String? { r.flatMap { text.slice($0) } }

    /// The range of the first occurrence of `phrase`.
    func range(of phrase: String) -> TextRange? {
        guard let r = text.range(of: phrase) else { return nil }
        let s = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        return TextRange(s, s + phrase.utf8.count)
    }

    /// The attribution whose source text is `source`.
    func attribution(source: String) -> Attribution? {
        attributions.first { slice($0.source) == source }
    }

    /// The certainty at the first occurrence of `phrase`.
    func certainty(at phrase: String) -> Certainty? {
        range(of: phrase).map { marks.certainty(at: $0) }
    }

    /// A readable dump, for failure messages.
    var dump: String {
        var lines: [String] = []
        for a in attributions {
            lines.append("A[\(a.cueKind.rawValue)] source=\(slice(a.source) ?? "?") aff=\(slice(a.affiliation) ?? "-") via=\(slice(a.via) ?? "-") medium=\(slice(a.medium) ?? "-") cue=\(slice(a.cue) ?? "?") scope=«\(slice(a.scope) ?? "?")»")
        }
        for m in marks {
            lines.append("C[\(m.certainty.rawValue)] cue=\(slice(m.cue) ?? "-") scope=«\(slice(m.scope) ?? "?")»")
        }
        return lines.joined(separator: "\n")
    }
}
