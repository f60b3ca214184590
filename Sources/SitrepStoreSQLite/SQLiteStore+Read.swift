import Foundation
import GRDB
import SitrepCore
import SitrepStore

extension SQLiteStore {
    /// The columns `decodeDocument` reads, in this order.
    static let documentColumns = """
        d.seq, d.id, d.path, d.title, d.outlet, d.url,
        d.published_start, d.published_end, d.published_method, d.published_text, d.published_reason, d.published_time,
        d.text, d.offset_map, d.raw_length, d.encoding
        """
    static let documentColumnCount = 16

    static let removedPartsSQL = """
        SELECT kind, text, raw_start, raw_end, reason FROM removed_part WHERE document_id = ? ORDER BY position
        """

    public func document(id: String) throws -> Document? {
        try guarding {
            try writer.read { db in
                let statement = try db.cachedStatement(sql: "SELECT \(SQLiteStore.documentColumns) FROM document d WHERE d.id = ?")
                guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
                return try SQLiteStore.decodeDocument(row, db: db)
            }
        }
    }

    public func documents(limit: Int?, offset: Int) throws -> [Document] {
        if let limit, limit <= 0 { return [] }
        return try guarding {
            try writer.read { db in
                let statement = try db.cachedStatement(sql: "SELECT \(SQLiteStore.documentColumns) FROM document d ORDER BY d.seq LIMIT ? OFFSET ?")
                let rows = try Row.fetchCursor(statement, arguments: [Int64(limit ?? -1), Int64(max(0, offset))])
                var documents: [Document] = []
                while let row = try rows.next() {
                    documents.append(try SQLiteStore.decodeDocument(row, db: db))
                }
                return documents
            }
        }
    }

    public func documentCount() throws -> Int {
        try guarding {
            try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0 }
        }
    }

    public func documentIDs(startingWith prefix: String, limit: Int) throws -> [String] {
        // GLOB with a literal prefix runs on the id index; its wildcards cannot occur in an id.
        guard !prefix.isEmpty, limit > 0, !prefix.contains(where: { "*?[]".contains($0) }) else { return [] }
        return try guarding {
            try writer.read { db in
                let statement = try db.cachedStatement(sql: "SELECT id FROM document WHERE id GLOB ? ORDER BY id LIMIT ?")
                return try String.fetchAll(statement, arguments: [prefix + "*", Int64(limit)])
            }
        }
    }

    public func searchDocuments(_ query: String, limit: Int) throws -> [DocumentHit] {
        guard limit > 0, let expression = SearchQuery(parsing: query).fts5Expression else { return [] }
        return try guarding(input: query) {
            try writer.read { db in
                let statement = try db.cachedStatement(sql: """
                    SELECT \(SQLiteStore.documentColumns),
                           snippet(document_fts, -1, '«', '»', '…', 24), rank
                    FROM document_fts JOIN document d ON d.seq = document_fts.rowid
                    WHERE document_fts MATCH ?
                    ORDER BY rank
                    LIMIT ?
                    """)
                let rows = try Row.fetchCursor(statement, arguments: [expression, Int64(limit)])
                var hits: [DocumentHit] = []
                while let row = try rows.next() {
                    let document = try SQLiteStore.decodeDocument(row, db: db)
                    let snippet: String = row[SQLiteStore.documentColumnCount] ?? ""
                    let bm25: Double = row[SQLiteStore.documentColumnCount + 1] ?? 0
                    // SQLite's bm25 is lower-is-better (negative); the API's rank is higher-is-better.
                    hits.append(DocumentHit(document: document, snippet: snippet, rank: -bm25))
                }
                return hits
            }
        }
    }

    static func corrupt(_ id: String, _ what: String) -> SitrepError {
        SitrepError(code: "store.corrupt", input: id, message: "the stored document has \(what); the database may be damaged")
    }

    /// A `Document` from a row of `documentColumns`, with its removed parts.
    static func decodeDocument(_ row: Row, db: Database) throws -> Document {
        let id: String = row[1]
        var published: PublicationDate?
        if let startText: String = row[6] {
            guard let start = CalendarDay(iso: startText),
                  let endText: String = row[7], let end = CalendarDay(iso: endText),
                  let methodText: String = row[8], let method = PublicationDate.Method(rawValue: methodText)
            else { throw corrupt(id, "an unreadable publication date") }
            published = PublicationDate(start: start, end: end, method: method, text: row[9], reason: row[10] ?? "", time: row[11])
        }
        let blob: Data = row[13] ?? Data()
        guard let offsetMap = OffsetMapBlob.decode(blob) else { throw corrupt(id, "an unreadable offset map") }
        let rawLength: Int64 = row[14]
        var document = Document(path: row[2], title: row[3], outlet: row[4], url: row[5], published: published,
                                text: row[12], removed: try removedParts(of: id, db: db),
                                offsetMap: offsetMap, rawLength: Int(rawLength), encoding: row[15])
        document.id = id
        return document
    }

    static func removedParts(of id: String, db: Database) throws -> [RemovedPart] {
        let statement = try db.cachedStatement(sql: removedPartsSQL)
        let rows = try Row.fetchCursor(statement, arguments: [id])
        var parts: [RemovedPart] = []
        while let row = try rows.next() {
            let kindText: String = row[0]
            let start: Int64 = row[2], end: Int64 = row[3]
            guard let kind = RemovedPart.Kind(rawValue: kindText) else { throw corrupt(id, "a removed part of unknown kind \(kindText)") }
            guard start <= end, let s = Int32(exactly: start), let e = Int32(exactly: end) else {
                throw corrupt(id, "a removed part with a bad range")
            }
            parts.append(RemovedPart(kind: kind, text: row[1], raw: TextRange(start: s, end: e), reason: row[4]))
        }
        return parts
    }
}
