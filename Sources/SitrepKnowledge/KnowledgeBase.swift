import Foundation
import SitrepCore
import SitrepLanguage

/// Everything the knowledge layer knows, loaded once: the gazetteer and its place matcher (the actor
/// dictionary and entity recogniser join here). Annotates a document's text.
public final class KnowledgeBase: Sendable {
    public let gazetteer: Gazetteer
    public let placeMatcher: PlaceMatcher

    public init(gazetteer: Gazetteer, lexicon: PlaceLexicon) {
        self.gazetteer = gazetteer
        self.placeMatcher = PlaceMatcher(gazetteer: gazetteer, lexicon: lexicon)
    }

    nonisolated(unsafe) private static var cached: KnowledgeBase?
    private static let lock = NSLock()

    /// The shipped dictionaries, loaded once and cached.
    public static func loadDefault() throws -> KnowledgeBase {
        lock.lock(); defer { lock.unlock() }
        if let k = cached { return k }
        let k = KnowledgeBase(gazetteer: try Gazetteer.loadDefault(), lexicon: try PlaceLexicon.loadDefault())
        cached = k
        return k
    }

    /// Places (and, later, actors and entities) in `text`.
    public func annotate(_ text: String, language: LanguageAnnotations) -> KnowledgeAnnotations {
        var k = KnowledgeAnnotations()
        k.places = placeMatcher.find(in: text, tokens: language.tokens)
        return k
    }
}
