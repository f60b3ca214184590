import Foundation
import SitrepCore
import SitrepLanguage

/// Everything the knowledge layer knows, loaded once: the gazetteer and its place matcher, the actor
/// dictionary and its matcher, and the learned entity recogniser. Annotates a document's text.
public final class KnowledgeBase: Sendable {
    public let gazetteer: Gazetteer
    public let placeMatcher: PlaceMatcher
    public let actorMatcher: ActorMatcher
    public let recognizer: EntityRecognizer

    public init(gazetteer: Gazetteer, lexicon: PlaceLexicon, actors: ActorMatcher, recognizer: EntityRecognizer) {
        self.gazetteer = gazetteer
        self.placeMatcher = PlaceMatcher(gazetteer: gazetteer, lexicon: lexicon)
        self.actorMatcher = actors
        self.recognizer = recognizer
    }

    nonisolated(unsafe) private static var cached: KnowledgeBase?
    private static let lock = NSLock()

    /// The shipped dictionaries and weights, loaded once and cached.
    public static func loadDefault() throws -> KnowledgeBase {
        lock.lock(); defer { lock.unlock() }
        if let k = cached { return k }
        let k = KnowledgeBase(gazetteer: try Gazetteer.loadDefault(), lexicon: try PlaceLexicon.loadDefault(),
                              actors: try ActorMatcher.loadDefault(), recognizer: try EntityRecognizer.loadDefault())
        cached = k
        return k
    }

    /// Places, actors and named entities in `text`.
    ///
    /// Dictionary actors win over places they overlap ("the Syrian Observatory" is no place), and so
    /// does a name the recogniser reads as a person or organisation when the place is only part of
    /// it ("Abu Hussein Hama" is a person); a place that is the whole name stays a place.
    public func annotate(_ text: String, language: LanguageAnnotations) -> KnowledgeAnnotations {
        var k = KnowledgeAnnotations()
        var places = placeMatcher.find(in: text, tokens: language.tokens)
        let findings = actorMatcher.analyze(text, tokens: language.tokens)
        k.actors = findings.mentions
        k.entities = recognizer.entities(in: text, tokens: language.tokens, actors: findings.mentions,
                                         places: places, affiliations: findings.affiliations)
        // The ranges that can take a place away, picked once (not tested again for every place).
        let namedActors = k.actors.compactMap { $0.id != nil && $0.kind != .state ? $0.range : nil }
        let modelNames = k.entities.compactMap { e in
            !e.fromDictionary && (e.label == .person || e.label == .organisation) ? e.range : nil
        }
        // Removed in place (the places kept are moved, not copied into a new list).
        places.removeAll { p in
            namedActors.contains(where: { $0.overlaps(p.range) }) || modelNames.contains { $0.contains(p.range) && $0 != p.range }
        }
        k.places = places
        return k
    }
}
