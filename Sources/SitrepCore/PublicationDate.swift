/// When a document was published, how Sitrep found out, and why it chose that answer.
///
/// Either a single day (`start == end`) or an honest window when the text only allows
/// bounds ("after 26 July 2018"). Sitrep never falls back silently to today's date.
public struct PublicationDate: Hashable, Codable, Sendable {
    /// How the date was found, in the contract's words.
    public enum Method: String, Codable, Sendable, CaseIterable {
        /// Given with the input (a JSON-lines `published` field, a feed's date).
        case metadata
        /// A date line at the head of the article ("13 February 2018", "Published October 1st, 2018").
        case dateline
        /// A date in the byline block (author, outlet, timestamp).
        case byline
        /// A date printed in an image caption.
        case caption
        /// Inferred from what the body says; usually a window.
        case inferred
    }

    public var start: CalendarDay
    public var end: CalendarDay
    public var method: Method
    /// The text the date was read from, when there is one.
    public var text: String?
    /// Why this date won over the others (or how the window was inferred).
    public var reason: String
    /// Time of day when stated, `HH:MM` with zone ("11:32 GMT").
    public var time: String?

    public init(start: CalendarDay, end: CalendarDay? = nil, method: Method, text: String? = nil, reason: String, time: String? = nil) {
        self.start = start
        self.end = end ?? start
        self.method = method
        self.text = text
        self.reason = reason
        self.time = time
    }

    /// The single day when the date is exact, otherwise `nil`.
    public var day: CalendarDay? { start == end ? start : nil }

    public var interval: DayInterval { DayInterval(start: start, end: end) }
}
