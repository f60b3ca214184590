import SitrepCore

/// A document as users and programs see it (CONTRACT.md §2, "Documents have a record too"):
/// `sitrep show doc_… --format json` and `sitrep documents --format jsonl`.
struct DocumentRecord: Encodable {
    struct Published: Encodable {
        /// The day when exact, otherwise `null` (see start/end for the window).
        var date: String?
        var start: String
        var end: String
        var method: String
        var text: String?
        var reason: String
        var time: String?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(method, forKey: .method)
            try c.encode(text, forKey: .text)
            try c.encode(reason, forKey: .reason)
            try c.encodeIfPresent(time, forKey: .time)
        }

        enum CodingKeys: String, CodingKey { case date, start, end, method, text, reason, time }
    }

    struct Removed: Encodable {
        var kind: String
        var text: String
        var reason: String
        var raw_start: Int32
        var raw_end: Int32
    }

    var id: String
    var path: String?
    var title: String?
    var outlet: String?
    var url: String?
    var published: Published?
    var encoding: String?
    var text: String
    var removed: [Removed]

    init(_ d: Document) {
        id = d.id
        path = d.path
        title = d.title
        outlet = d.outlet
        url = d.url
        published = d.published.map {
            Published(date: $0.day?.iso, start: $0.start.iso, end: $0.end.iso, method: $0.method.rawValue,
                      text: $0.text, reason: $0.reason, time: $0.time)
        }
        encoding = d.encoding
        text = d.text
        removed = d.removed.map {
            Removed(kind: $0.kind.rawValue, text: $0.text, reason: $0.reason, raw_start: $0.raw.start, raw_end: $0.raw.end)
        }
    }

    enum CodingKeys: String, CodingKey { case id, path, title, outlet, url, published, encoding, text, removed }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(path, forKey: .path)
        try c.encode(title, forKey: .title)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(url, forKey: .url)
        try c.encode(published, forKey: .published)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(text, forKey: .text)
        try c.encode(removed, forKey: .removed)
    }
}

extension PublicationDate {
    /// "2018-10-01" or "2018-07-26 … 2018-08-01".
    var display: String { start == end ? start.iso : "\(start.iso) … \(end.iso)" }
}
