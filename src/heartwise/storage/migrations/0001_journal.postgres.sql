-- The journal: users, their wrapped keys, sealed entries, hashed tags and a search index.
-- Columns that hold what a person wrote are sealed blobs; the index holds keyed hashes.
CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('local', 'account')),
    email TEXT UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_one_local ON users (kind) WHERE kind = 'local';

CREATE TABLE user_keys (
    owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    wrapped BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (owner_id, purpose)
);

CREATE TABLE entries (
    id BIGSERIAL PRIMARY KEY,
    owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    occurred_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT,
    body BYTEA NOT NULL,
    details BYTEA NOT NULL,
    search_doc TSVECTOR NOT NULL DEFAULT ''::tsvector
);
CREATE INDEX entries_timeline ON entries (owner_id, deleted_at, occurred_at DESC, id DESC);
CREATE INDEX entries_search ON entries USING GIN (search_doc);

CREATE TABLE entry_tags (
    tag_token TEXT NOT NULL,
    entry_id BIGINT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    PRIMARY KEY (tag_token, entry_id)
);
CREATE INDEX entry_tags_entry ON entry_tags (entry_id);
