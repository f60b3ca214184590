/// A part of the raw input that cleaning dropped from the document's text, and why.
public struct RemovedPart: Hashable, Codable, Sendable {
    /// Why a part was removed. Raw values are stable: they are stored and exported.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case duplicateParagraph = "duplicate_paragraph"
        case commentSection = "comment_section"
        case caption
        case photoCredit = "photo_credit"
        case share
        case relatedLinks = "related_links"
        case readingTime = "reading_time"
        case navigation
        case copyright
        case title
        case byline
        case dateline
        case teaser
        case boilerplate
    }

    public var kind: Kind
    /// The removed text as it stood in the input.
    public var text: String
    /// Where it stood in the raw input (UTF-8 offsets after decoding).
    public var raw: TextRange
    /// A short human-readable reason ("repeats paragraph 3", "comment-policy block").
    public var reason: String

    public init(kind: Kind, text: String, raw: TextRange, reason: String) {
        self.kind = kind
        self.text = text
        self.raw = raw
        self.reason = reason
    }
}
