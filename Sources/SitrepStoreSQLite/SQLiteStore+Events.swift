import Foundation
import GRDB
import SitrepCore
import SitrepStore

extension SQLiteStore: EventStore {
    static func jsonEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    public func replaceMentions(ofDocument document: String, with mentions: [StoredMention]) throws -> [EventMention] {
        for m in mentions where m.mention.document != document {
            throw SitrepError(code: "store.invalidMention", input: m.mention.id,
                              message: "the mention belongs to \(m.mention.document), not \(document); nothing was stored")
        }
        let encoder = SQLiteStore.jsonEncoder()
        return try guarding(input: document) {
            try writer.write { db in
                let old = try SQLiteStore.decodeMentions(db, sql: "SELECT body FROM mention WHERE document_id = ? ORDER BY id", arguments: [document])
                try db.execute(sql: "DELETE FROM mention WHERE document_id = ?", arguments: [document])
                let insert = try db.cachedStatement(sql: "INSERT INTO mention (id, document_id, type, body) VALUES (?, ?, ?, ?)")
                let key = try db.cachedStatement(sql: "INSERT OR IGNORE INTO mention_key (key, mention_id) VALUES (?, ?)")
                let relation = try db.cachedStatement(sql: "INSERT OR IGNORE INTO mention_relation (source_id, target_id, kind) VALUES (?, ?, ?)")
                for stored in mentions {
                    let m = stored.mention
                    try insert.execute(arguments: [m.id, document, m.type.rawValue, String(decoding: try encoder.encode(m), as: UTF8.self)])
                    for k in stored.blockKeys { try key.execute(arguments: [k, m.id]) }
                    for r in m.relations { try relation.execute(arguments: [m.id, r.target, r.relation.rawValue]) }
                }
                return old
            }
        }
    }

    public func mentions(withBlockKeys keys: Set<String>) throws -> [EventMention] {
        guard !keys.isEmpty else { return [] }
        return try guarding {
            try writer.read { db in
                var out: [EventMention] = []
                var seen = Set<String>()
                // In chunks, under SQLite's limit on bound parameters.
                let sorted = keys.sorted()
                for start in stride(from: 0, to: sorted.count, by: 500) {
                    let chunk = Array(sorted[start..<min(start + 500, sorted.count)])
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    let ms = try SQLiteStore.decodeMentions(db, sql: """
                        SELECT m.id, m.body FROM mention m WHERE m.id IN (SELECT mention_id FROM mention_key WHERE key IN (\(marks)))
                        """, arguments: StatementArguments(chunk), idColumn: true)
                    for m in ms where seen.insert(m.id).inserted { out.append(m) }
                }
                return out.sorted { $0.id < $1.id }
            }
        }
    }

    public func mentions(ids: [String]) throws -> [EventMention] {
        guard !ids.isEmpty else { return [] }
        return try guarding {
            try writer.read { db in
                var byID: [String: EventMention] = [:]
                for start in stride(from: 0, to: ids.count, by: 500) {
                    let chunk = Array(ids[start..<min(start + 500, ids.count)])
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    for m in try SQLiteStore.decodeMentions(db, sql: "SELECT id, body FROM mention WHERE id IN (\(marks))",
                                                            arguments: StatementArguments(chunk), idColumn: true) { byID[m.id] = m }
                }
                return ids.compactMap { byID[$0] }
            }
        }
    }

    public func mentionCount() throws -> Int {
        try guarding { try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM mention") ?? 0 } }
    }

    public func replaceEvents(holding mentionIDs: Set<String>, with events: [StoredEvent]) throws {
        let encoder = SQLiteStore.jsonEncoder()
        try guarding {
            try writer.write { db in
                let ids = mentionIDs.sorted()
                for start in stride(from: 0, to: ids.count, by: 500) {
                    let chunk = Array(ids[start..<min(start + 500, ids.count)])
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    try db.execute(sql: "DELETE FROM event WHERE id IN (SELECT event_id FROM event_mention WHERE mention_id IN (\(marks)))",
                                   arguments: StatementArguments(chunk))
                }
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO event (id, type, date_start, date_end, summary, evidence, actors, places, record, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let member = try db.cachedStatement(sql: "INSERT INTO event_mention (mention_id, event_id, position) VALUES (?, ?, ?)")
                for e in events {
                    var record = e.record
                    record.related = [] // filled on reading
                    let r = e.record
                    let actors = r.actors.flatMap { [$0.id, $0.name] }.compactMap { $0?.lowercased() }
                    let places = [r.location, r.origin, r.destination].compactMap { $0 }.flatMap { [$0.name, $0.admin1, $0.id] }.compactMap { $0?.lowercased() }
                    // A mention already in another event (a caller's inconsistency) moves to this one.
                    for id in e.mentionIDs {
                        try db.execute(sql: "DELETE FROM event WHERE id IN (SELECT event_id FROM event_mention WHERE mention_id = ?)", arguments: [id])
                    }
                    try db.execute(sql: "DELETE FROM event WHERE id = ?", arguments: [r.id])
                    try insert.execute(arguments: [
                        r.id, r.type.rawValue, r.date?.start.iso, r.date?.end.iso, r.summary,
                        r.mentions.map(\.evidence.text).joined(separator: "\n"),
                        "|" + actors.joined(separator: "|") + "|", "|" + places.joined(separator: "|") + "|",
                        String(decoding: try encoder.encode(record), as: UTF8.self), e.detail,
                    ])
                    for (position, id) in e.mentionIDs.enumerated() { try member.execute(arguments: [id, r.id, position]) }
                }
            }
        }
    }

    public func eventIDs(holdingMentions mentionIDs: [String]) throws -> [String] {
        try guarding {
            try writer.read { db in
                var ids = Set<String>()
                for start in stride(from: 0, to: mentionIDs.count, by: 500) {
                    let chunk = Array(mentionIDs[start..<min(start + 500, mentionIDs.count)])
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    ids.formUnion(try String.fetchAll(db, sql: "SELECT DISTINCT event_id FROM event_mention WHERE mention_id IN (\(marks))",
                                                      arguments: StatementArguments(chunk)))
                }
                return ids.sorted()
            }
        }
    }

    public func event(id: String) throws -> StoredEvent? {
        try guarding {
            try writer.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT \(SQLiteStore.eventColumns) FROM event e WHERE e.id = ?", arguments: [id])
                return try SQLiteStore.decodeEvents(rows, db: db).first
            }
        }
    }

    public func eventIDs(startingWith prefix: String, limit: Int) throws -> [String] {
        guard !prefix.isEmpty, limit > 0, !prefix.contains(where: { "*?[]".contains($0) }) else { return [] }
        return try guarding {
            try writer.read { db in
                try String.fetchAll(db, sql: "SELECT id FROM event WHERE id GLOB ? ORDER BY id LIMIT ?", arguments: [prefix + "*", Int64(limit)])
            }
        }
    }

    public func eventCount() throws -> Int {
        try guarding { try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0 } }
    }

    public func events(matching query: EventQuery) throws -> [StoredEvent] {
        if let limit = query.limit, limit <= 0 { return [] }
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        var from = "event e"
        var order = "e.date_start IS NULL, e.date_start, e.id"
        if let text = query.text {
            guard let expression = SearchQuery(parsing: text).fts5Expression else { return [] }
            from = "event_fts JOIN event e ON e.seq = event_fts.rowid"
            conditions.append("event_fts MATCH ?"); arguments.append(expression)
            order = "rank, e.id"
        }
        if let type = query.type { conditions.append("e.type = ?"); arguments.append(type.rawValue) }
        if let actor = query.actor?.lowercased(), !actor.isEmpty {
            conditions.append("instr(e.actors, ?) > 0"); arguments.append(actor)
        }
        if let place = query.place?.lowercased(), !place.isEmpty {
            conditions.append("instr(e.places, ?) > 0"); arguments.append(place)
        }
        if let since = query.since { conditions.append("e.date_end >= ?"); arguments.append(since.iso) }
        if let until = query.until { conditions.append("e.date_start <= ?"); arguments.append(until.iso) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(Int64(query.limit ?? -1)); arguments.append(Int64(max(0, query.offset)))
        let sql = "SELECT \(SQLiteStore.eventColumns) FROM \(from) \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?"
        return try guarding(input: query.text) {
            try writer.read { db in
                try SQLiteStore.decodeEvents(try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)), db: db)
            }
        }
    }

    static let eventColumns = "e.id, e.record, e.detail"

    /// Records with their mention ids and `related` filled from the mention relations of both sides.
    static func decodeEvents(_ rows: [Row], db: Database) throws -> [StoredEvent] {
        let decoder = JSONDecoder()
        var out: [StoredEvent] = []
        for row in rows {
            let id: String = row[0]
            let json: String = row[1]
            var record: EventRecord
            do { record = try decoder.decode(EventRecord.self, from: Data(json.utf8)) } catch {
                throw SitrepError(code: "store.corrupt", input: id, message: "the stored event record cannot be read (\(error))")
            }
            let members = try String.fetchAll(db, sql: "SELECT mention_id FROM event_mention WHERE event_id = ? ORDER BY position", arguments: [id])
            let related = try Row.fetchAll(db, sql: """
                SELECT r.kind, other.event_id FROM event_mention mine
                  JOIN mention_relation r ON r.source_id = mine.mention_id
                  JOIN event_mention other ON other.mention_id = r.target_id
                  WHERE mine.event_id = ?1 AND other.event_id <> ?1
                UNION
                SELECT r.kind, other.event_id FROM event_mention mine
                  JOIN mention_relation r ON r.target_id = mine.mention_id AND r.kind = 'exchange'
                  JOIN event_mention other ON other.mention_id = r.source_id
                  WHERE mine.event_id = ?1 AND other.event_id <> ?1
                """, arguments: [id])
            record.related = related.compactMap { r -> Relation? in
                guard let kind = Relation.Kind(rawValue: r[0]) else { return nil }
                return Relation(relation: kind, event: r[1])
            }.sorted { ($0.relation.rawValue, $0.event) < ($1.relation.rawValue, $1.event) }
            out.append(StoredEvent(record: record, mentionIDs: members, detail: row[2]))
        }
        return out
    }

    static func decodeMentions(_ db: Database, sql: String, arguments: StatementArguments, idColumn: Bool = false) throws -> [EventMention] {
        let decoder = JSONDecoder()
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let body: String = row[idColumn ? 1 : 0]
            do { return try decoder.decode(EventMention.self, from: Data(body.utf8)) } catch {
                throw SitrepError(code: "store.corrupt", input: idColumn ? row[0] : nil, message: "a stored mention cannot be read (\(error))")
            }
        }
    }
}
