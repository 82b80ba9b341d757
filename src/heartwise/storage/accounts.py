"""Repository of accounts, their sessions and failed sign-in attempts."""

from __future__ import annotations

from dataclasses import dataclass

from heartwise.storage.database import Database
from heartwise.storage.partners import Membership


@dataclass(frozen=True)
class AccountRow:
    id: int
    email: str
    password_hash: str


@dataclass(frozen=True)
class SessionRow:
    user_id: int
    expires_at: int
    last_seen: int
    sealed_key: bytes
    # The partner link, read in the same round trip: nearly every request needs it.
    membership: Membership | None


def create_account(db: Database, email: str, password_hash: str, now: int) -> int:
    return int(
        db.scalar(
            "INSERT INTO users (kind, email, password_hash, created_at) "
            "VALUES ('account', ?, ?, ?) RETURNING id",
            (email, password_hash, now),
        )
    )


def account_by_email(db: Database, email: str) -> AccountRow | None:
    row = db.one(
        "SELECT id, email, password_hash FROM users WHERE kind = 'account' AND email = ?",
        (email,),
    )
    return None if row is None else AccountRow(int(row[0]), str(row[1]), str(row[2]))


def account_by_id(db: Database, user_id: int) -> AccountRow | None:
    row = db.one(
        "SELECT id, email, password_hash FROM users WHERE kind = 'account' AND id = ?",
        (user_id,),
    )
    return None if row is None else AccountRow(int(row[0]), str(row[1]), str(row[2]))


def set_password_hash(db: Database, user_id: int, password_hash: str) -> None:
    db.execute("UPDATE users SET password_hash = ? WHERE id = ?", (password_hash, user_id))


def delete_user(db: Database, user_id: int) -> None:
    """Remove the user; every row of theirs goes with it (ON DELETE CASCADE)."""
    db.execute("DELETE FROM users WHERE id = ?", (user_id,))


# -- sessions --------------------------------------------------------------------------------


def insert_session(
    db: Database, token_hash: bytes, user_id: int, sealed_key: bytes, now: int, expires_at: int
) -> None:
    db.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen, expires_at, "
        "sealed_key) VALUES (?, ?, ?, ?, ?, ?)",
        (token_hash, user_id, now, now, expires_at, sealed_key),
    )


def session(db: Database, token_hash: bytes) -> SessionRow | None:
    row = db.one(
        "SELECT s.user_id, s.expires_at, s.last_seen, s.sealed_key, "
        "me.couple_id, me.wrapped_key, other.user_id FROM sessions s "
        "LEFT JOIN couple_members me ON me.user_id = s.user_id "
        "LEFT JOIN couple_members other ON other.couple_id = me.couple_id "
        "AND other.user_id <> me.user_id "
        "WHERE s.token_hash = ?",
        (token_hash,),
    )
    if row is None:
        return None
    linked = row[4] is not None and row[6] is not None
    membership = Membership(int(row[4]), bytes(row[5]), int(row[6])) if linked else None
    return SessionRow(int(row[0]), int(row[1]), int(row[2]), bytes(row[3]), membership)


def touch_session(db: Database, token_hash: bytes, now: int) -> None:
    db.execute("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", (now, token_hash))


def delete_session(db: Database, token_hash: bytes) -> None:
    db.execute("DELETE FROM sessions WHERE token_hash = ?", (token_hash,))


def delete_sessions_of(db: Database, user_id: int) -> None:
    db.execute("DELETE FROM sessions WHERE user_id = ?", (user_id,))


def delete_expired_sessions(db: Database, now: int) -> None:
    db.execute("DELETE FROM sessions WHERE expires_at <= ?", (now,))


# -- failed attempts -------------------------------------------------------------------------


def record_failure(db: Database, subject: str, now: int) -> None:
    db.execute("INSERT INTO auth_failures (subject, at) VALUES (?, ?)", (subject, now))


def failures_since(db: Database, subject: str, since: int) -> list[int]:
    """Times of the failures of ``subject`` since ``since``, oldest first."""
    rows = db.all(
        "SELECT at FROM auth_failures WHERE subject = ? AND at > ? ORDER BY at", (subject, since)
    )
    return [int(r[0]) for r in rows]


def forget_failures(db: Database, subject: str) -> None:
    db.execute("DELETE FROM auth_failures WHERE subject = ?", (subject,))


def prune_failures(db: Database, before: int) -> None:
    db.execute("DELETE FROM auth_failures WHERE at <= ?", (before,))
