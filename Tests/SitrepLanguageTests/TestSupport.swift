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
