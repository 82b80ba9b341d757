-- The journal: users, their wrapped keys, sealed entries, hashed tags and a search index.
-- Columns that hold what a person wrote are sealed blobs; the index holds keyed hashes.
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('local', 'account')),
    email TEXT UNIQUE,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX users_one_local ON users (kind) WHERE kind = 'local';

CREATE TABLE user_keys (
    owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    wrapped BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (owner_id, purpose)
);

CREATE TABLE entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    occurred_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER,
    body BLOB NOT NULL,
    details BLOB NOT NULL,
    search_doc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entries_timeline ON entries (owner_id, deleted_at, occurred_at DESC, id DESC);

CREATE TABLE entry_tags (
    tag_token TEXT NOT NULL,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    PRIMARY KEY (tag_token, entry_id)
) WITHOUT ROWID;
CREATE INDEX entry_tags_entry ON entry_tags (entry_id);

-- External-content FTS5 over entries.search_doc: the index itself stores no content, and
-- the triggers keep it in step with every insert, update and delete.
CREATE VIRTUAL TABLE entry_fts USING fts5 (
    search_doc, content = 'entries', content_rowid = 'id'
);
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entry_fts (rowid, search_doc) VALUES (new.id, new.search_doc);
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entry_fts (entry_fts, rowid, search_doc) VALUES ('delete', old.id, old.search_doc);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF search_doc ON entries BEGIN
    INSERT INTO entry_fts (entry_fts, rowid, search_doc) VALUES ('delete', old.id, old.search_doc);
    INSERT INTO entry_fts (rowid, search_doc) VALUES (new.id, new.search_doc);
END;
