import SitrepCore

/// Finds who each sentence, clause or quotation rests on: reporting verbs ("X said", "…, said X",
/// "X told AFP that …"), "according to X", chained attribution ("Y quoted X as saying …") and
/// quotations that continue a speaker's words. Sources are whole noun phrases with their affiliation
/// when given; "he"/"she"/"they" as a source resolve to the last named source within eight sentences
/// (the attribution's `source` and `affiliation` then point at that earlier mention; the `cue` stays
/// in the sentence). A quotation that opens a sentence without a cue of its own ("“…,” said X. “More.”")
/// takes the speaker of the attribution just before it, with cue kind `quotation` and the opening
/// quotation mark as its cue. Scopes: the complement after the verb ("that" excluded), the quotation,
/// the sentence before a trailing "…, X said", or the whole sentence for a leading "According to X,".
///
/// Word lists are data: `Resources/en/reporting-verbs.tsv`, `source-nouns.tsv`, `reporting-adverbs.tsv`.
public struct AttributionFinder: Sendable {
    /// The lexicon behind one reference: the per-document scanner holds it without copying its tables.
    let shared: AttributionLexicon.Shared
    var lexicon: AttributionLexicon { shared.lexicon }

    /// Loads the shipped word lists.
    public init() throws {
        shared = AttributionLexicon.Shared(try AttributionLexicon())
    }

    /// Loads word lists from the given files instead of the shipped ones (`nil` keeps the shipped file).
    public init(reportingVerbsPath: String?, sourceNounsPath: String?, reportingAdverbsPath: String?) throws {
        shared = AttributionLexicon.Shared(
            try AttributionLexicon(verbsPath: reportingVerbsPath, nounsPath: sourceNounsPath, adverbsPath: reportingAdverbsPath))
    }

    /// The attributions in `text`, sorted by scope start. `tokens` and `sentences` are the tokenizer's
    /// and sentence splitter's output for the same text.
    public func find(in text: String, tokens: [Token], sentences: [Sentence]) -> [Attribution] {
        guard !tokens.isEmpty, !sentences.isEmpty else { return [] }
        var copy = text
        return copy.withUTF8 { find(bytes: $0, tokens: tokens, sentences: sentences) }
    }

    /// The same on the text's UTF-8 bytes (as `LanguageAnalyzer.annotate(bytes:published:)` holds them).
    public func find(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], sentences: [Sentence]) -> [Attribution] {
        guard !tokens.isEmpty, !sentences.isEmpty else { return [] }
        return find(clauseTokens: ClauseTokens(bytes: bytes, tokens: tokens), sentences: sentences)
    }

    /// The same on per-token facts already computed for the text (shared with `CertaintyFinder`).
    func find(clauseTokens ct: ClauseTokens, sentences: [Sentence]) -> [Attribution] {
        guard !ct.tokens.isEmpty, !sentences.isEmpty else { return [] }
        var scanner = AttributionScanner(shared: shared, tokens: ct, sentences: sentences)
        return scanner.run()
    }
}
