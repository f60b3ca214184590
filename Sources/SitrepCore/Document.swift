/// A news report after ingestion: it owns its cleaned text, and every later annotation
/// (tokens, spans, mentions, evidence) is a `TextRange` of UTF-8 offsets into `text`.
public struct Document: Hashable, Codable, Sendable, Identifiable {
    /// `doc_` followed by the content hash of the cleaned text: the same article twice is one document.
    public var id: String
    /// The file it was read from, as the user gave it (`nil` for standard input).
    public var path: String?
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: PublicationDate?
    /// The cleaned text that evidence spans point into.
    public var text: String
    /// What cleaning dropped, in input order.
    public var removed: [RemovedPart]
    /// Cleaned offsets → raw input offsets.
    public var offsetMap: OffsetMap
    /// Size of the raw input in bytes, after decoding to UTF-8.
    public var rawLength: Int
    /// The encoding the input was decoded from (`utf-8`, `utf-8-bom`, `utf-16le`, `windows-1252` …).
    public var encoding: String?

    public init(path: String? = nil, title: String? = nil, outlet: String? = nil, url: String? = nil,
                published: PublicationDate? = nil, text: String, removed: [RemovedPart] = [],
                offsetMap: OffsetMap? = nil, rawLength: Int? = nil, encoding: String? = nil) {
        self.id = Document.identifier(forCleanedText: text)
        self.path = path
        self.title = title
        self.outlet = outlet
        self.url = url
        self.published = published
        self.text = text
        self.removed = removed
        let length = text.utf8.count
        self.offsetMap = offsetMap ?? .identity(length: length)
        self.rawLength = rawLength ?? length
        self.encoding = encoding
    }

    /// The identifier a document with this cleaned text gets.
    public static func identifier(forCleanedText text: String) -> String {
        "doc_" + ContentHash.hex(ContentHash.fnv1a64(text))
    }

    /// The text of a range of this document (`nil` if out of bounds).
    public func text(at range: TextRange) -> String? { text.slice(range) }

    /// The whole text as one range.
    public var fullRange: TextRange { TextRange(0, text.utf8.count) }
}
