import SitrepCore
import SitrepExtract
import SitrepKnowledge
import SitrepLanguage

/// Runs every analysis stage built so far over one stored document.
/// Stages are added here as the language, knowledge and extraction layers land.
struct AnalysisPipeline: Sendable {
    let language: LanguageAnalyzer
    let knowledge: KnowledgeBase
    let extractor: EventExtractor

    static func loadDefault() throws -> AnalysisPipeline {
        AnalysisPipeline(language: try LanguageAnalyzer(), knowledge: try KnowledgeBase.loadDefault(),
                         extractor: try EventExtractor())
    }

    /// The language layer's annotations: tokens, sentences, numbers, times, attribution and certainty,
    /// each finder run exactly once (inside `LanguageAnalyzer.annotate`).
    func languageAnnotations(_ document: Document) -> LanguageAnnotations {
        language.annotate(document.text, published: document.published?.interval)
    }

    /// The knowledge layer's annotations (places, actors, names), each matcher run once.
    func knowledgeAnnotations(_ document: Document, language: LanguageAnnotations) -> KnowledgeAnnotations {
        knowledge.annotate(document.text, language: language)
    }

    func analyze(_ document: Document) -> DocumentAnalysis {
        DocumentAnalysis(document: document)
    }

    /// Every event mention extraction finds in one document (language → knowledge → extraction).
    /// The linking stage (`sitrep analyze`, `sitrep eval clusters`) merges these across documents.
    func mentions(in document: Document) -> [EventMention] {
        let lang = languageAnnotations(document)
        let knowledge = knowledgeAnnotations(document, language: lang)
        return extractor.extract(document: document, language: lang, knowledge: knowledge)
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
