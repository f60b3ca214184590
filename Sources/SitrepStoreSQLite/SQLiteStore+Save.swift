import Foundation
import GRDB
import SitrepCore
import SitrepStore

extension SQLiteStore {
    static let insertDocumentSQL = """
        INSERT INTO document (id, path, title, outlet, url,
            published_start, published_end, published_method, published_text, published_reason, published_time,
            text, offset_map, raw_length, encoding, ingested_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO NOTHING
        """

    static let insertRemovedPartSQL = """
        INSERT INTO removed_part (document_id, position, kind, text, raw_start, raw_end, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    /// Stores the batch in one transaction (prepared statements cached per connection).
    /// A document whose id is stored already, or appeared earlier in the batch, is counted present.
    public func save(_ documents: [Document]) throws -> SaveResult {
        guard !documents.isEmpty else { return SaveResult() }
        let ingestedAt = SQLiteStore.timestamp(Date())
        return try guarding {
            try writer.write { db in
                let insertDocument = try db.cachedStatement(sql: SQLiteStore.insertDocumentSQL)
                let insertPart = try db.cachedStatement(sql: SQLiteStore.insertRemovedPartSQL)
                var result = SaveResult()
                result.added.reserveCapacity(documents.count)
                for document in documents {
                    let input = document.path ?? document.id
                    do {
                        try SQLiteStore.validate(document)
                        try insertDocument.execute(arguments: SQLiteStore.arguments(document, ingestedAt: ingestedAt))
                        guard db.changesCount > 0 else {
                            result.alreadyPresent.append(document.id)
                            continue
                        }
                        for (position, part) in document.removed.enumerated() {
                            try insertPart.execute(arguments: [
                                document.id, position, part.kind.rawValue, part.text,
                                Int64(part.raw.start), Int64(part.raw.end), part.reason,
                            ])
                        }
                    } catch let error as DatabaseError {
                        throw SQLiteStore.storeError(error, input: input)
                    }
                    result.added.append(document.id)
                }
                return result
            }
        }
    }

    /// What the schema also enforces, said clearly and before SQLite is asked.
    static func validate(_ document: Document) throws {
        func invalid(_ why: String) -> SitrepError {
            SitrepError(code: "store.invalidDocument", input: document.path ?? document.id,
                        message: "\(why); nothing of this batch was stored")
        }
        if document.id.isEmpty { throw invalid("the document has no id") }
        if document.rawLength < 0 { throw invalid("the raw length is negative") }
        if let published = document.published, published.end < published.start {
            throw invalid("the publication window ends (\(published.end)) before it starts (\(published.start))")
        }
    }

    static func arguments(_ document: Document, ingestedAt: String) -> StatementArguments {
        let published = document.published
        return [
            document.id, document.path, document.title, document.outlet, document.url,
            published?.start.iso, published?.end.iso, published?.method.rawValue,
            published?.text, published?.reason, published?.time,
            document.text, OffsetMapBlob.encode(document.offsetMap), Int64(document.rawLength),
            document.encoding, ingestedAt,
        ]
    }

    /// `2026-11-22T02:40:00.123Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
