import SitrepCore
@testable import SitrepLanguage

/// Shared, loaded once: the data files are parsed a single time for the whole suite.
enum Shared {
    static let analyzer: LanguageAnalyzer = try! LanguageAnalyzer()
    static let splitter: SentenceSplitter = analyzer.splitter
}

extension String {
    /// The text of each token.
    func tokenTexts() -> [String] { Tokenizer.tokenize(self).map { slice($0.range)! } }
    /// The text of each sentence.
    func sentenceTexts() -> [String] {
        let tokens = Tokenizer.tokenize(self)
        return Shared.splitter.split(self, tokens: tokens).map { slice($0.range)! }
    }
}

/// The quantities the analyzer finds in `text`, with the text of each.
func quantities(_ text: String) -> [(text: String, mention: QuantityMention)] {
    Shared.analyzer.annotate(text, published: nil).quantities.map { (text.slice($0.range)!, $0) }
}

/// The first quantity whose text contains `marker`.
func quantity(_ text: String, containing marker: String) -> QuantityMention? {
    quantities(text).first { $0.text.contains(marker) }?.mention
}

/// An expected quantity, written compactly for tables.
struct Expected: CustomStringConvertible, Sendable {
    var kind: QuantityKind
    var min: Int
    var max: Int?
    var approximate: Bool
    var of: String?
    init(_ kind: QuantityKind, _ min: Int, _ max: Int?, approximate: Bool = false, of: String? = nil) {
        self.kind = kind; self.min = min; self.max = max; self.approximate = approximate; self.of = of
    }
    var description: String { "\(kind) \(min)…\(max.map(String.init) ?? "open") approx=\(approximate) of=\(of ?? "-")" }

    func matches(_ m: QuantityMention) -> Bool {
        m.kind == kind && m.min == min && m.max == max && m.approximate == approximate && m.of == of
    }
}
