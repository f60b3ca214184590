import Foundation
import SitrepCore
import SitrepIngest
import SitrepKnowledge
import SitrepLanguage
@testable import SitrepExtract

/// Loaded once for the whole suite.
enum Shared {
    static let extractor: EventExtractor = try! EventExtractor()
    static let language: LanguageAnalyzer = try! LanguageAnalyzer()
    static let attributions: AttributionFinder = try! AttributionFinder()
}

/// A hand-built place for the knowledge layer's annotations.
func place(_ name: String, admin1: String? = nil, precision: PlaceRef.Precision = .city) -> PlaceRef {
    PlaceRef(name: name, id: "test:\(name.lowercased())", lat: 35, lon: 38, admin1: admin1, country: "SY", precision: precision)
}

/// Every UTF-8 range where `needle` occurs in `text`.
func ranges(of needle: String, in text: String) -> [TextRange] {
    let hay = Array(text.utf8), n = Array(needle.utf8)
    guard !n.isEmpty, n.count <= hay.count else { return [] }
    var out: [TextRange] = []
    var i = 0
    while i + n.count <= hay.count {
        if hay[i] == n[0], Array(hay[i..<(i + n.count)]) == n { out.append(TextRange(i, i + n.count)); i += n.count } else { i += 1 }
    }
    return out
}

/// Runs the language layer (tokens, sentences, quantities, attributions) and the extractor on `text`, with
/// hand-built places, actors and times standing in for the knowledge and time layers.
func extract(_ text: String, published: String? = nil,
             places: [String: PlaceRef] = [:],
             actors: [String: (id: String?, name: String, kind: ActorKind)] = [:],
             times: [String: (DayInterval, TimePrecision)] = [:]) -> [EventMention] {
    let pub = published.flatMap { CalendarDay(iso: $0) }
    var document = Document(text: text)
    if let pub { document.published = PublicationDate(start: pub, method: .metadata, reason: "test") }
    var lang = Shared.language.annotate(text, published: pub.map { DayInterval(day: $0) })
    lang.attributions = Shared.attributions.find(in: text, tokens: lang.tokens, sentences: lang.sentences)
    for (phrase, value) in times {
        for r in ranges(of: phrase, in: text) {
            lang.times.append(TimeMention(range: r, type: .date, interval: value.0, precision: value.1, value: value.0.start.iso))
        }
    }
    lang.times.sort { $0.range < $1.range }
    var knowledge = KnowledgeAnnotations()
    for (name, ref) in places {
        for r in ranges(of: name, in: text) { knowledge.places.append(PlaceMention(range: r, place: ref, score: 1)) }
    }
    for (phrase, a) in actors {
        for r in ranges(of: phrase, in: text) {
            knowledge.actors.append(ActorMention(range: r, id: a.id, name: a.name, kind: a.kind, score: 1))
        }
    }
    knowledge.places.sort { $0.range < $1.range }
    knowledge.actors.sort { $0.range < $1.range }
    return Shared.extractor.extract(document: document, language: lang, knowledge: knowledge)
}

/// The first mention of a type.
func first(_ type: EventType, _ mentions: [EventMention]) -> EventMention? { mentions.first { $0.type == type } }

/// Names in a role.
func names(_ m: EventMention?, _ role: ActorRole.Role) -> [String] {
    m?.actors.filter { $0.role == role }.map(\.name) ?? []
}

func ids(_ m: EventMention?, _ role: ActorRole.Role) -> [String] {
    m?.actors.filter { $0.role == role }.compactMap(\.id) ?? []
}

/// Actors used across tests: an invented armed group, an invented state force, an invented monitor.
let testActors: [String: (id: String?, name: String, kind: ActorKind)] = [
    "Crescent Front": ("crescent-front", "Crescent Front", .armedGroup),
    "Valley Guard": ("valley-guard", "Valley Guard", .stateForce),
    "Levant Observer": ("levant-observer", "Levant Observer", .monitor),
]

/// The whole pipeline as `sitrep analyze` runs it: cleaning, language (with times and attributions),
/// knowledge (places and actors), extraction.
enum FullPipeline {
    static let knowledge: KnowledgeBase = try! KnowledgeBase.loadDefault()
    static let actors: ActorMatcher = try! ActorMatcher.loadDefault()
    static let times: TimeExpressionFinder = try! TimeExpressionFinder()
    static let certainty: CertaintyFinder = try! CertaintyFinder()

    static func document(_ text: String, path: String) -> Document {
        DocumentReader().document(text: text, path: path)
    }

    static func mentions(_ document: Document) -> [EventMention] {
        let published = document.published?.interval
        var lang = Shared.language.annotate(document.text, published: published)
        if lang.times.isEmpty { lang.times = times.find(in: document.text, published: published) }
        if lang.attributions.isEmpty {
            lang.attributions = Shared.attributions.find(in: document.text, tokens: lang.tokens, sentences: lang.sentences)
        }
        if lang.certainties.isEmpty {
            lang.certainties = certainty.find(in: document.text, tokens: lang.tokens, sentences: lang.sentences, attributions: lang.attributions)
        }
        var k = knowledge.annotate(document.text, language: lang)
        if k.actors.isEmpty { k.actors = actors.find(in: document.text, tokens: lang.tokens) }
        return Shared.extractor.extract(document: document, language: lang, knowledge: k)
    }
}
