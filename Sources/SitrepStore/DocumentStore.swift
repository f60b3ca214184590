import SitrepCore

/// Where documents are kept: an embedded SQLite file, memory, or (later) PostgreSQL.
///
/// Every method throws `SitrepError` with a `store.` code: `store.cannotOpen` (missing folder,
/// permissions), `store.notADatabase`, `store.foreignDatabase` (another program's database),
/// `store.tooNew` (written by a newer Sitrep), `store.corrupt`, `store.busy`, `store.full`,
/// `store.io`, `store.invalidDocument` (the batch was not stored), `store.unsupported`,
/// `store.failed`. Implementations are safe to share between tasks and threads.
public protocol DocumentStore: AnyObject, Sendable {
    /// Stores documents in ONE transaction; a document whose id is already stored is left as it is
    /// (and counted present). When any document fails, nothing of the batch is stored.
    func save(_ documents: [Document]) throws -> SaveResult

    /// The stored document with this id, or `nil`.
    func document(id: String) throws -> Document?

    /// Stored order (first ingested first); `limit: nil` means all.
    func documents(limit: Int?, offset: Int) throws -> [Document]

    func documentCount() throws -> Int

    /// Ids that start with `prefix` (`doc_91c2` for `doc_91c2…`), in id order, at most `limit`:
    /// lets a user name a document by the first characters of its id. Empty for an empty prefix.
    func documentIDs(startingWith prefix: String, limit: Int) throws -> [String]

    /// Full-text search over title and text; best first; snippet with the match marked «…».
    ///
    /// `query` is what a user types: words (all must occur), "quoted phrases", and `word*` for a
    /// prefix. Any other punctuation is ignored; no input raises an error, and a query without
    /// words finds nothing. Matching ignores case and diacritics.
    func searchDocuments(_ query: String, limit: Int) throws -> [DocumentHit]
}
