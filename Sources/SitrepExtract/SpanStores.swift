import SitrepKnowledge

/// The names and dictionary ids of one document's actors, held once by its `DocumentView`.
///
/// An `ActorSpan` keeps only its entry number here and an unretained reference to the store, so a span is plain
/// data: it is copied into the candidates' role lists and freed with them with no reference counting at all (the
/// two strings per span were retained on every copy and released on every free, about a twentieth of extraction).
final class ActorNames: @unchecked Sendable {
    // Appended to only while the view builds its actors, then only read.
    @exclusivity(unchecked) private(set) var names: [String] = []
    @exclusivity(unchecked) private(set) var ids: [String?] = []

    init() {}

    func reserveCapacity(_ n: Int) {
        names.reserveCapacity(n)
        ids.reserveCapacity(n)
    }

    /// A span for an actor named `name` (with its dictionary `id`, if any) over `tokens`.
    /// The span refers to this store without retaining it: the store must outlive the span (the view's does,
    /// as every span of a run lives in the run or its view).
    func span(tokens: Range<Int>, id: String?, name: String, kind: ActorKind, fromDictionary: Bool) -> ActorSpan {
        names.append(name)
        ids.append(id)
        return ActorSpan(tokens: tokens, kind: kind, fromDictionary: fromDictionary, entry: Int32(names.count - 1), store: self)
    }
}

/// The knowledge layer's place mentions of one document, held once by its `DocumentView`: a `PlaceSpan` keeps the
/// index of its mention and an unretained reference to this list, so spans are plain data and no place (with its
/// strings) is copied per span or released when the spans are freed.
final class PlaceList: @unchecked Sendable {
    let mentions: [PlaceMention]

    init(_ mentions: [PlaceMention]) { self.mentions = mentions }

    /// A span for mention `index` over `tokens`. The span does not retain the list: the list must outlive it.
    func span(tokens: Range<Int>, mention index: Int) -> PlaceSpan {
        PlaceSpan(tokens: tokens, mention: Int32(index), store: self)
    }
}
