import SitrepCore

/// Runs the language layer over a document's text: tokens, sentences, quantities, time
/// expressions resolved against the publication date, attribution and certainty.
///
/// Load once (`init` reads the data files) and share: it is immutable and `Sendable`.
public struct LanguageAnalyzer: Sendable {
    public let splitter: SentenceSplitter
    public let quantities: QuantityFinder
    public let times: TimeExpressionFinder
    public let attributions: AttributionFinder
    public let certainties: CertaintyFinder

    public init() throws {
        splitter = try SentenceSplitter()
        quantities = try QuantityFinder()
        times = try TimeExpressionFinder()
        attributions = try AttributionFinder()
        certainties = try CertaintyFinder()
    }

    public func annotate(_ text: String, published: DayInterval?) -> LanguageAnnotations {
        var copy = text
        return copy.withUTF8 { annotate(bytes: $0, published: published) }
    }

    /// The same on the text's UTF-8 bytes.
    public func annotate(bytes p: UnsafeBufferPointer<UInt8>, published: DayInterval?) -> LanguageAnnotations {
        var a = LanguageAnnotations()
        a.tokens = Tokenizer.tokenize(bytes: p)
        a.sentences = splitter.split(bytes: p, tokens: a.tokens)
        // Per-token keys and flags, computed once for the quantity scan and both clause-level finders.
        let clauseTokens = a.tokens.isEmpty ? nil : ClauseTokens(bytes: p, tokens: a.tokens)
        a.quantities = quantities.find(bytes: p, tokens: a.tokens, sentences: a.sentences, clauseTokens: clauseTokens)
        a.times = times.find(bytes: p, published: published)
        if let clauseTokens {
            a.attributions = attributions.find(clauseTokens: clauseTokens, sentences: a.sentences)
            a.certainties = certainties.find(clauseTokens: clauseTokens, sentences: a.sentences, attributions: a.attributions)
        }
        return a
    }
}
