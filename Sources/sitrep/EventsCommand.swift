import ArgumentParser
import SitrepCore
import SitrepStore
import SitrepLink
import Foundation

/// `sitrep events`: query stored canonical events.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List stored canonical events, filtered by type, actor, place, date or text.",
        discussion: """
        Every filter given must hold. --actor matches an actor's dictionary id or part of its name,
        --place part of a place's name, governorate or id (location, origin or destination);
        --since/--until keep events whose dates overlap the range (undated events are left out);
        --text searches summaries and evidence (words, "quoted phrases", word*).
        --format jsonl prints one event record per line (CONTRACT.md §2).
        """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Event type: \(EventType.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "type"))
    var type: String?

    @Option(help: "Actor id or part of its name.")
    var actor: String?

    @Option(help: "Part of a place's name, governorate or id.")
    var place: String?

    @Option(help: ArgumentHelp("Events on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Events on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(name: .long, help: "Full-text query over summaries and evidence.")
    var text: String?

    @Option(help: "Output format: text, json or jsonl.")
    var format: OutputFormat = .text

    @Option(help: "At most this many events.")
    var limit: Int = 1000

    func validate() throws {
        if let type, EventType(rawValue: type) == nil {
            throw ValidationError("--type takes one of \(EventType.allCases.map(\.rawValue).joined(separator: ", ")), not '\(type)'.")
        }
        if limit <= 0 { throw ValidationError("--limit must be positive.") }
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, CalendarDay(iso: value) == nil { throw ValidationError("\(name) takes a date written YYYY-MM-DD, not '\(value)'.") }
        }
    }

    func run() throws {
        let store = try StoreFactory.openLinked(storeOptions.store)
        let query = EventQuery(type: type.flatMap(EventType.init(rawValue:)), actor: actor, place: place, since: since.flatMap(CalendarDay.init(iso:)),
                               until: until.flatMap(CalendarDay.init(iso:)), text: text, limit: limit)
        let events = try store.events(matching: query)
        switch format {
        case .jsonl:
            for e in events { print(try Console.json(e.record, pretty: false)) }
        case .json:
            print(try Console.json(events.map(\.record), pretty: true))
        case .text:
            if events.isEmpty {
                let total = try store.eventCount()
                print(total == 0 ? "No events stored in \(storeOptions.store). `sitrep analyze PATH` finds and links them."
                                 : "No event matches these filters (\(Format.plural(total, "event")) stored).")
                return
            }
            let labels = try EventBriefing.labels(for: events, store: store)
            for e in events { print(EventBriefing(e, labels: labels).brief); print("") }
            print("\(Format.plural(events.count, "event")) of \(try store.eventCount()) stored. `sitrep show ev_…` shows one with all its evidence.")
        }
    }
}

/// `sitrep show ev_…`: one event with every mention's evidence, the merge reasons and the contradictions.
enum EventShow {
    static func run(id: String, storeURL: String, format: OutputFormat) throws {
        let store = try StoreFactory.openLinked(storeURL)
        var event = try store.event(id: id)
        if event == nil {
            let matches = try store.eventIDs(startingWith: id, limit: 2)
            if matches.count == 1 { event = try store.event(id: matches[0]) }
            else if matches.count > 1 {
                throw SitrepError(code: "usage.ambiguousID", input: id, message: "several events start with this; give more characters")
            }
        }
        guard let event else {
            throw SitrepError(code: "show.notFound", input: id, message: "no such event in \(storeURL); `sitrep events` lists them")
        }
        switch format {
        case .json, .jsonl:
            struct Shown: Encodable {
                var record: EventRecord
                var explanation: EventExplanationJSON?
            }
            print(try Console.json(Shown(record: event.record, explanation: event.detail.map(EventExplanationJSON.init)), pretty: format == .json))
        case .text:
            print(EventBriefing(event, labels: try EventBriefing.labels(for: [event], store: store)).full)
        }
    }
}

/// The stored explanation passed through as JSON.
struct EventExplanationJSON: Encodable {
    let data: Data
    init(_ data: Data) { self.data = data }
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let value = try? JSONDecoder().decode(EventExplanation.self, from: data) { try c.encode(value) } else { try c.encodeNil() }
    }
}
