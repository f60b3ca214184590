import SitrepCore

/// What `TextCleaner` makes of one raw text.
struct CleanedText: Sendable {
    var text: String
    var offsetMap: OffsetMap
    var removed: [RemovedPart]
    var title: String?
    var outlet: String?
    var published: PublicationDate?
}

/// A publication-date candidate read from a date line or a byline.
struct DateCandidate: Sendable {
    enum Prefix: Sendable { case published, updated, none }
    var day: CalendarDay
    var line: Int
    var method: PublicationDate.Method
    var text: String
    var time: String?
    var prefix: Prefix
    var aboveTitle: Bool
    var weekdayMismatch: Bool
    /// Found below the first body paragraph (a footer stamp rather than a page-head date).
    var belowBody = false
}

/// A dated clue that is not a publication date: a caption's date or a past event the body dates.
struct DateClue: Sendable {
    var day: CalendarDay
    var text: String
}
