import SitrepCore

/// What the input says about a document besides its text (a JSON-lines record's fields).
/// Given values win over what cleaning finds in the text.
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String?
    public var url: String?
    public var outlet: String?
    public var published: PublicationDate?

    public init(title: String? = nil, url: String? = nil, outlet: String? = nil, published: PublicationDate? = nil) {
        self.title = title
        self.url = url
        self.outlet = outlet
        self.published = published
    }
}
