import SitrepCore

/// Runs every analysis stage built so far over one stored document.
/// Stages are added here as the language, knowledge and extraction layers land.
struct AnalysisPipeline {
    static func loadDefault() throws -> AnalysisPipeline { AnalysisPipeline() }

    func analyze(_ document: Document) -> DocumentAnalysis {
        DocumentAnalysis(document: document)
    }

    /// Every event mention extraction finds in one document (language → knowledge → extraction).
    /// The linking stage (`sitrep analyze`, `sitrep eval clusters`) merges these across documents.
    func mentions(in document: Document) -> [EventMention] {
        []
    }
}

/// What the pipeline found in one document: a briefing for people, a record for programs.
struct DocumentAnalysis: Encodable {
    var document: String
    var path: String?
    var title: String?
    var outlet: String?
    var published: DocumentRecord.Published?
    var removed: [String: Int]

    init(document d: Document) {
        document = d.id
        path = d.path
        title = d.title
        outlet = d.outlet
        published = DocumentRecord(d).published
        removed = Dictionary(d.removed.map { ($0.kind.rawValue, 1) }, uniquingKeysWith: +)
        published = DocumentRecord(d).published
    }

    var briefing: String {
        var lines = ["\(document)  \(title ?? "(no title)")"]
        lines.append("  \(outlet ?? "outlet unknown") · \(path ?? "standard input")")
        if let p = published {
            lines.append("  published \(p.date ?? "\(p.start) … \(p.end)") (\(p.method)): \(p.reason)")
        } else {
            lines.append("  published: unknown")
        }
        if !removed.isEmpty {
            lines.append("  removed: " + removed.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
