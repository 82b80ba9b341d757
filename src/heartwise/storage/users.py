"""Users and their wrapped keys."""

from __future__ import annotations

from heartwise.storage.database import Database


def local_user_id(db: Database) -> int | None:
    value = db.scalar("SELECT id FROM users WHERE kind = 'local'")
    return None if value is None else int(value)


def create_local_user(db: Database, now: int) -> int:
    return int(
        db.scalar("INSERT INTO users (kind, created_at) VALUES ('local', ?) RETURNING id", (now,))
    )


def wrapped_key(db: Database, owner_id: int, purpose: str) -> bytes | None:
    value = db.scalar(
        "SELECT wrapped FROM user_keys WHERE owner_id = ? AND purpose = ?", (owner_id, purpose)
    )
    return None if value is None else bytes(value)


def store_wrapped_key(db: Database, owner_id: int, purpose: str, wrapped: bytes, now: int) -> None:
    db.execute(
        "INSERT INTO user_keys (owner_id, purpose, wrapped, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (owner_id, purpose) DO UPDATE SET wrapped = excluded.wrapped",
        (owner_id, purpose, wrapped, now),
    )


def delete_wrapped_key(db: Database, owner_id: int, purpose: str) -> None:
    db.execute("DELETE FROM user_keys WHERE owner_id = ? AND purpose = ?", (owner_id, purpose))
