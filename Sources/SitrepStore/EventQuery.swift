import SitrepCore

/// Filters for `sitrep events` and `GET /events`: every given filter must hold.
public struct EventQuery: Sendable, Hashable {
    public var type: EventType?
    /// An actor's dictionary id or part of its name, case-insensitive.
    public var actor: String?
    /// Part of a place's name, governorate or id (location, origin or destination), case-insensitive.
    public var place: String?
    /// Events whose date interval ends on or after this day (undated events are left out).
    public var since: CalendarDay?
    /// Events whose date interval starts on or before this day (undated events are left out).
    public var until: CalendarDay?
    /// Full-text query over summaries and evidence (the syntax of `SearchQuery`).
    public var text: String?
    public var limit: Int?
    public var offset: Int

    public init(type: EventType? = nil, actor: String? = nil, place: String? = nil, since: CalendarDay? = nil,
                until: CalendarDay? = nil, text: String? = nil, limit: Int? = nil, offset: Int = 0) {
        self.type = type; self.actor = actor; self.place = place; self.since = since; self.until = until
        self.text = text; self.limit = limit; self.offset = offset
    }
}
