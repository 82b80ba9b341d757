"""Repository of sealed items of any kind, and of a user's plain settings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from heartwise.storage.database import Database


@dataclass(frozen=True)
class StoredItem:
    id: int
    kind: str
    created_at: int
    updated_at: int
    body: bytes


def next_item_id(db: Database) -> int:
    return int(db.scalar(db.dialect.next_id_sql("items")))


def insert_item(db: Database, owner_id: int, item: StoredItem) -> None:
    db.execute(
        "INSERT INTO items (id, owner_id, kind, created_at, updated_at, body) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (item.id, owner_id, item.kind, item.created_at, item.updated_at, item.body),
    )


def update_item(db: Database, owner_id: int, item: StoredItem) -> None:
    db.execute(
        "UPDATE items SET updated_at = ?, body = ? WHERE id = ? AND owner_id = ?",
        (item.updated_at, item.body, item.id, owner_id),
    )


def items_of_kind(db: Database, owner_id: int, kind: str) -> list[StoredItem]:
    rows = db.all(
        "SELECT id, kind, created_at, updated_at, body FROM items "
        "WHERE owner_id = ? AND kind = ? ORDER BY id",
        (owner_id, kind),
    )
    return [StoredItem(int(r[0]), str(r[1]), int(r[2]), int(r[3]), bytes(r[4])) for r in rows]


def items_of_kinds(db: Database, owner_id: int, kinds: Sequence[str]) -> list[StoredItem]:
    """Items of several kinds in one round trip (search reads four tools at once)."""
    if not kinds:
        return []
    marks = ", ".join("?" for _ in kinds)
    rows = db.all(
        "SELECT id, kind, created_at, updated_at, body FROM items "
        f"WHERE owner_id = ? AND kind IN ({marks}) ORDER BY id",
        (owner_id, *kinds),
    )
    return [StoredItem(int(r[0]), str(r[1]), int(r[2]), int(r[3]), bytes(r[4])) for r in rows]


def get_item(
    db: Database, owner_id: int, kind: str, item_id: int, *, for_update: bool = False
) -> StoredItem | None:
    """One item of ``kind``, or None; ``for_update`` holds its row until the transaction ends.

    PostgreSQL needs the row lock so that two requests checking "no outcome yet" cannot both
    write one; SQLite has no FOR UPDATE, and its BEGIN IMMEDIATE already serialises writers.
    """
    lock = " FOR UPDATE" if for_update and db.dialect.name == "postgres" else ""
    row = db.one(
        "SELECT id, kind, created_at, updated_at, body FROM items "
        "WHERE id = ? AND owner_id = ? AND kind = ?" + lock,
        (item_id, owner_id, kind),
    )
    if row is None:
        return None
    return StoredItem(int(row[0]), str(row[1]), int(row[2]), int(row[3]), bytes(row[4]))


def all_items(db: Database, owner_id: int) -> list[StoredItem]:
    rows = db.all(
        "SELECT id, kind, created_at, updated_at, body FROM items WHERE owner_id = ? ORDER BY id",
        (owner_id,),
    )
    return [StoredItem(int(r[0]), str(r[1]), int(r[2]), int(r[3]), bytes(r[4])) for r in rows]


def delete_item(db: Database, owner_id: int, item_id: int) -> None:
    db.execute("DELETE FROM items WHERE id = ? AND owner_id = ?", (item_id, owner_id))


def get_setting(db: Database, owner_id: int, name: str) -> str | None:
    value = db.scalar(
        "SELECT value FROM user_settings WHERE owner_id = ? AND name = ?", (owner_id, name)
    )
    return None if value is None else str(value)


def set_setting(db: Database, owner_id: int, name: str, value: str) -> None:
    db.execute(
        "INSERT INTO user_settings (owner_id, name, value) VALUES (?, ?, ?) "
        "ON CONFLICT (owner_id, name) DO UPDATE SET value = excluded.value",
        (owner_id, name, value),
    )
