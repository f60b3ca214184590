import GRDB

/// The store's schema as a list of versioned migrations.
///
/// A migration, once released, is never edited: later issues (event mentions, canonical events)
/// append new ones. A database that has applied a migration this build does not know was
/// written by a newer Sitrep and is refused (`store.tooNew`).
enum SQLiteSchema {
    /// Identifiers in the order they run; the first marks a database as Sitrep's.
    static let migrationIdentifiers = ["v1.documents", "v2.events"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1.documents") { db in
            try db.execute(sql: v1Documents)
        }
        migrator.registerMigration("v2.events") { db in
            try db.execute(sql: v2Events)
        }
        return migrator
    }

    /// Documents, what cleaning removed from them, and a full-text index over title and text.
    ///
    /// `seq` is the stored order and the full-text row id; `id` (`doc_…`) is the public identity
    /// other tables refer to. Dates are `YYYY-MM-DD` text, which sorts as dates do. The offset map is
    /// a compact blob (see `OffsetMapBlob`).
    static let v1Documents = """
        CREATE TABLE document (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
            path TEXT,
            title TEXT,
            outlet TEXT,
            url TEXT,
            published_start TEXT,
            published_end TEXT,
            published_method TEXT,
            published_text TEXT,
            published_reason TEXT,
            published_time TEXT,
            text TEXT NOT NULL,
            offset_map BLOB NOT NULL,
            raw_length INTEGER NOT NULL CHECK (raw_length >= 0),
            encoding TEXT,
            ingested_at TEXT NOT NULL,
            CHECK ((published_start IS NULL) = (published_end IS NULL)),
            CHECK (published_start IS NULL
                   OR (published_method IS NOT NULL AND published_reason IS NOT NULL
                       AND published_start <= published_end))
        );
        CREATE INDEX document_published ON document(published_start, published_end);

        CREATE TABLE removed_part (
            document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            raw_start INTEGER NOT NULL,
            raw_end INTEGER NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (document_id, position),
            CHECK (raw_start <= raw_end)
        ) WITHOUT ROWID;

        CREATE VIRTUAL TABLE document_fts USING fts5(
            title, text,
            content = 'document', content_rowid = 'seq',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO document_fts(document_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');

        CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
            INSERT INTO document_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
        END;
        CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
            INSERT INTO document_fts(document_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        END;
        CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN
            INSERT INTO document_fts(document_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
            INSERT INTO document_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
        END;
        """
}
