"""Repository of journal entries. Rows hold sealed blobs; sealing happens in services."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from heartwise.storage.database import Database, Row

_COLUMNS = "e.id, e.occurred_at, e.created_at, e.updated_at, e.deleted_at, e.body, e.details"


@dataclass(frozen=True)
class StoredEntry:
    id: int
    occurred_at: int
    created_at: int
    updated_at: int
    deleted_at: int | None
    body: bytes
    details: bytes


@dataclass(frozen=True)
class EntryFilter:
    """Which entries of an owner to read; times are epoch seconds, bounds inclusive."""

    tag_token: str | None = None
    start: int | None = None
    end: int | None = None
    deleted: bool = False


def _stored(row: Row) -> StoredEntry:
    return StoredEntry(
        int(row[0]),
        int(row[1]),
        int(row[2]),
        int(row[3]),
        None if row[4] is None else int(row[4]),
        bytes(row[5]),
        bytes(row[6]),
    )


def next_entry_id(db: Database) -> int:
    return int(db.scalar(db.dialect.next_id_sql("entries")))


def insert_entry(db: Database, owner_id: int, entry: StoredEntry, search_doc: str) -> None:
    db.execute(
        "INSERT INTO entries (id, owner_id, occurred_at, created_at, updated_at, deleted_at, "
        "body, details, search_doc) "
        f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, {db.dialect.search_doc_value()})",
        (
            entry.id,
            owner_id,
            entry.occurred_at,
            entry.created_at,
            entry.updated_at,
            entry.deleted_at,
            entry.body,
            entry.details,
            search_doc,
        ),
    )


def update_entry(db: Database, owner_id: int, entry: StoredEntry, search_doc: str) -> None:
    db.execute(
        "UPDATE entries SET occurred_at = ?, updated_at = ?, body = ?, details = ?, "
        f"search_doc = {db.dialect.search_doc_value()} WHERE id = ? AND owner_id = ?",
        (
            entry.occurred_at,
            entry.updated_at,
            entry.body,
            entry.details,
            search_doc,
            entry.id,
            owner_id,
        ),
    )


def replace_tags(db: Database, entry_id: int, tag_tokens: Sequence[str]) -> None:
    db.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry_id,))
    add_tags(db, entry_id, tag_tokens)


def add_tags(db: Database, entry_id: int, tag_tokens: Sequence[str]) -> None:
    """Tags of a new entry (it has none yet)."""
    if tag_tokens:
        db.executemany(
            "INSERT INTO entry_tags (tag_token, entry_id) VALUES (?, ?)",
            [(token, entry_id) for token in tag_tokens],
        )


def get_entry(db: Database, owner_id: int, entry_id: int) -> StoredEntry | None:
    row = db.one(
        f"SELECT {_COLUMNS} FROM entries e WHERE e.id = ? AND e.owner_id = ?", (entry_id, owner_id)
    )
    return None if row is None else _stored(row)


@dataclass(frozen=True)
class _Sql:
    """A filter as SQL: a join with its parameters, then conditions with theirs."""

    joins: str
    join_params: list[object]
    conditions: str
    params: list[object]


def _where(owner_id: int, where: EntryFilter) -> _Sql:
    deleted = "e.deleted_at IS NOT NULL" if where.deleted else "e.deleted_at IS NULL"
    clauses, params = ["e.owner_id = ?", deleted], [owner_id]
    joins, join_params = "", []
    if where.tag_token is not None:
        joins, join_params = (
            " JOIN entry_tags t ON t.entry_id = e.id AND t.tag_token = ?",
            [where.tag_token],
        )
    if where.start is not None:
        clauses.append("e.occurred_at >= ?")
        params.append(where.start)
    if where.end is not None:
        clauses.append("e.occurred_at <= ?")
        params.append(where.end)
    return _Sql(joins, list(join_params), " AND ".join(clauses), list(params))


def list_entries(
    db: Database, owner_id: int, where: EntryFilter, *, limit: int, offset: int = 0
) -> list[StoredEntry]:
    """Newest first by the time they happened."""
    sql = _where(owner_id, where)
    rows = db.all(
        f"SELECT {_COLUMNS} FROM entries e{sql.joins} WHERE {sql.conditions} "
        "ORDER BY e.occurred_at DESC, e.id DESC LIMIT ? OFFSET ?",
        [*sql.join_params, *sql.params, limit, offset],
    )
    return [_stored(row) for row in rows]


def page_of_entries(
    db: Database, owner_id: int, where: EntryFilter, *, limit: int, offset: int
) -> tuple[list[StoredEntry], int]:
    """A page, newest first, and how many entries match in all, in one round trip.

    The total rides on each row (a window count); a page past the end has no rows to carry
    it, so only then is it counted on its own.
    """
    sql = _where(owner_id, where)
    rows = db.all(
        f"SELECT {_COLUMNS}, count(*) OVER () FROM entries e{sql.joins} WHERE {sql.conditions} "
        "ORDER BY e.occurred_at DESC, e.id DESC LIMIT ? OFFSET ?",
        [*sql.join_params, *sql.params, limit, offset],
    )
    if not rows:
        return [], count_entries(db, owner_id, where) if offset else 0
    return [_stored(row) for row in rows], int(rows[0][-1])


def count_entries(db: Database, owner_id: int, where: EntryFilter) -> int:
    sql = _where(owner_id, where)
    return int(
        db.scalar(
            f"SELECT count(*) FROM entries e{sql.joins} WHERE {sql.conditions}",
            [*sql.join_params, *sql.params],
        )
    )


def search_entries(
    db: Database,
    owner_id: int,
    tokens: Sequence[str],
    where: EntryFilter,
    *,
    limit: int,
    offset: int,
) -> list[tuple[StoredEntry, float]]:
    """Entries holding every token, best match first (BM25 on SQLite, ts_rank on PostgreSQL)."""
    f = _where(owner_id, where)
    if db.dialect.name == "sqlite":
        match = " ".join(f'"{token}"' for token in tokens)
        sql = (
            f"SELECT {_COLUMNS}, -bm25(entry_fts) AS rank FROM entry_fts "
            f"JOIN entries e ON e.id = entry_fts.rowid{f.joins} "
            f"WHERE entry_fts MATCH ? AND {f.conditions} ORDER BY rank DESC, e.occurred_at DESC "
            "LIMIT ? OFFSET ?"
        )
        args: list[object] = [*f.join_params, match, *f.params]
    else:
        query = " & ".join(tokens)
        sql = (
            f"SELECT {_COLUMNS}, ts_rank(e.search_doc, to_tsquery('simple', ?)) AS rank "
            f"FROM entries e{f.joins} WHERE e.search_doc @@ to_tsquery('simple', ?) "
            f"AND {f.conditions} ORDER BY rank DESC, e.occurred_at DESC LIMIT ? OFFSET ?"
        )
        args = [query, *f.join_params, query, *f.params]
    rows = db.all(sql, [*args, limit, offset])
    return [(_stored(row), float(row[7])) for row in rows]


def set_deleted(db: Database, owner_id: int, entry_id: int, deleted_at: int | None) -> bool:
    cursor = db.execute(
        "UPDATE entries SET deleted_at = ? WHERE id = ? AND owner_id = ?",
        (deleted_at, entry_id, owner_id),
    )
    return bool(getattr(cursor, "rowcount", 0))


def purge_deleted_before(db: Database, owner_id: int, cutoff: int) -> int:
    cursor = db.execute(
        "DELETE FROM entries WHERE owner_id = ? AND deleted_at IS NOT NULL AND deleted_at < ?",
        (owner_id, cutoff),
    )
    return int(getattr(cursor, "rowcount", 0))


def all_entry_ids(db: Database, owner_id: int) -> list[int]:
    return [
        int(row[0])
        for row in db.all(
            "SELECT id FROM entries WHERE owner_id = ? ORDER BY occurred_at, id", (owner_id,)
        )
    ]
