-- Accounts for the multi-user server, their sessions, and partners who share.
-- Nothing here holds readable user text: shares are sealed with the couple's key,
-- session rows hold the data key sealed under a key only the session token derives,
-- and tokens and invite codes are stored as hashes.
ALTER TABLE users ADD COLUMN password_hash TEXT;

CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    sealed_key BLOB NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed log-in and recovery attempts, by a hash of the account's email or the address.
CREATE TABLE auth_failures (
    subject TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX auth_failures_by_subject ON auth_failures (subject, at);

CREATE TABLE invites (
    code_hash BLOB PRIMARY KEY,
    inviter_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX invites_by_inviter ON invites (inviter_id);

CREATE TABLE couples (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at INTEGER NOT NULL
);

-- Each member holds the couple key wrapped for their own X25519 key.
CREATE TABLE couple_members (
    couple_id INTEGER NOT NULL REFERENCES couples (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    wrapped_key BLOB NOT NULL,
    PRIMARY KEY (couple_id, user_id)
);

-- What one member shares: a copy sealed with the couple key, kept in step with its source.
CREATE TABLE shares (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    couple_id INTEGER NOT NULL REFERENCES couples (id) ON DELETE CASCADE,
    owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    source_id INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    body BLOB NOT NULL,
    UNIQUE (owner_id, kind, source_id)
);
CREATE INDEX shares_by_couple ON shares (couple_id, owner_id, updated_at);

-- "Share every item of this kind", for as long as this couple lasts.
CREATE TABLE share_rules (
    couple_id INTEGER NOT NULL REFERENCES couples (id) ON DELETE CASCADE,
    owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    PRIMARY KEY (owner_id, kind)
);
