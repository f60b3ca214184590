extension SQLiteSchema {
    /// Event mentions per document (with their blocking keys and relations) and canonical events with a
    /// full-text index over summary and evidence.
    ///
    /// A mention's body is its JSON (`EventMention`); an event's record is its JSON (`EventRecord`, with
    /// `related` left empty: it is filled on reading from `mention_relation`), `detail` the linker's
    /// explanation. `actors` and `places` hold lowercase `|`-separated ids and names for filtering.
    static let v2Events = """
        CREATE TABLE mention (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            body TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX mention_document ON mention(document_id);

        CREATE TABLE mention_key (
            key TEXT NOT NULL,
            mention_id TEXT NOT NULL REFERENCES mention(id) ON DELETE CASCADE,
            PRIMARY KEY (key, mention_id)
        ) WITHOUT ROWID;
        CREATE INDEX mention_key_mention ON mention_key(mention_id);

        CREATE TABLE mention_relation (
            source_id TEXT NOT NULL REFERENCES mention(id) ON DELETE CASCADE,
            target_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            PRIMARY KEY (source_id, target_id, kind)
        ) WITHOUT ROWID;
        CREATE INDEX mention_relation_target ON mention_relation(target_id);

        CREATE TABLE event (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
            type TEXT NOT NULL,
            date_start TEXT,
            date_end TEXT,
            summary TEXT NOT NULL,
            evidence TEXT NOT NULL,
            actors TEXT NOT NULL,
            places TEXT NOT NULL,
            record TEXT NOT NULL,
            detail BLOB,
            CHECK ((date_start IS NULL) = (date_end IS NULL))
        );
        CREATE INDEX event_date ON event(date_start, date_end);
        CREATE INDEX event_type ON event(type, date_start);

        CREATE TABLE event_mention (
            mention_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
            position INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX event_mention_event ON event_mention(event_id);

        CREATE VIRTUAL TABLE event_fts USING fts5(
            summary, evidence,
            content = 'event', content_rowid = 'seq',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO event_fts(event_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');

        CREATE TRIGGER event_fts_insert AFTER INSERT ON event BEGIN
            INSERT INTO event_fts(rowid, summary, evidence) VALUES (new.seq, new.summary, new.evidence);
        END;
        CREATE TRIGGER event_fts_delete AFTER DELETE ON event BEGIN
            INSERT INTO event_fts(event_fts, rowid, summary, evidence) VALUES ('delete', old.seq, old.summary, old.evidence);
        END;
        CREATE TRIGGER event_fts_update AFTER UPDATE OF summary, evidence ON event BEGIN
            INSERT INTO event_fts(event_fts, rowid, summary, evidence) VALUES ('delete', old.seq, old.summary, old.evidence);
            INSERT INTO event_fts(rowid, summary, evidence) VALUES (new.seq, new.summary, new.evidence);
        END;
        """
}
