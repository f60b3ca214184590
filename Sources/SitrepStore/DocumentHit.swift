import SitrepCore

/// One result of a full-text search over stored documents.
public struct DocumentHit: Sendable, Hashable {
    public var document: Document
    /// A short excerpt around the best match, each matched term marked `«…»`, elisions as `…`.
    public var snippet: String
    /// Relevance: higher is better; only comparable between hits of the same search.
    public var rank: Double

    public init(document: Document, snippet: String, rank: Double) {
        self.document = document
        self.snippet = snippet
        self.rank = rank
    }
}
