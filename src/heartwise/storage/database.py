"""Connections and the small dialect object for what differs between SQLite and PostgreSQL.

SQL in repositories is written once with ``?`` placeholders; the PostgreSQL dialect
turns them into ``%s``. Anything else that differs (id allocation, full-text search)
is a method of the dialect.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

Row = tuple[Any, ...]
Params = Sequence[object]


class Cursorish(Protocol):
    def fetchall(self) -> list[Any]: ...
    def fetchone(self) -> Any: ...


class Dialect(Protocol):
    @property
    def name(self) -> str: ...

    def sql(self, statement: str) -> str: ...

    def next_id_sql(self, table: str) -> str: ...

    def search_doc_value(self) -> str:
        """SQL expression that turns a bound string of tokens into the stored search doc."""
        ...


@dataclass(frozen=True)
class SqliteDialect:
    name: str = "sqlite"

    def sql(self, statement: str) -> str:
        return statement

    def next_id_sql(self, table: str) -> str:
        # AUTOINCREMENT tables never reuse an id, so sqlite_sequence + 1 is free inside the
        # write transaction that BEGIN IMMEDIATE holds.
        return f"SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0) + 1"

    def search_doc_value(self) -> str:
        return "?"


@dataclass(frozen=True)
class PostgresDialect:
    name: str = "postgres"

    def sql(self, statement: str) -> str:
        return _to_format_placeholders(statement)

    def next_id_sql(self, table: str) -> str:
        return f"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))"

    def search_doc_value(self) -> str:
        return "to_tsvector('simple', ?)"


@lru_cache(maxsize=512)
def _to_format_placeholders(statement: str) -> str:
    return statement.replace("%", "%%").replace("?", "%s")


class Database:
    """One open connection and its dialect. Writes happen inside ``transaction()``."""

    def __init__(self, connection: Any, dialect: Dialect) -> None:
        self.connection = connection
        self.dialect = dialect
        self._depth = 0

    def execute(self, statement: str, params: Params = ()) -> Cursorish:
        cursor: Cursorish = self.connection.execute(self.dialect.sql(statement), tuple(params))
        return cursor

    def executemany(self, statement: str, rows: Sequence[Params]) -> None:
        sql = self.dialect.sql(statement)
        if self.dialect.name == "sqlite":
            self.connection.executemany(sql, rows)
        else:
            with self.connection.cursor() as cursor:
                cursor.executemany(sql, rows)

    def all(self, statement: str, params: Params = ()) -> list[Row]:
        return [tuple(row) for row in self.execute(statement, params).fetchall()]

    def one(self, statement: str, params: Params = ()) -> Row | None:
        row = self.execute(statement, params).fetchone()
        return None if row is None else tuple(row)

    def scalar(self, statement: str, params: Params = ()) -> Any:
        row = self.one(statement, params)
        return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """A write transaction; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            if self.dialect.name == "sqlite":
                yield from self._sqlite_transaction()
            else:
                with self.connection.transaction():
                    yield self
        finally:
            self._depth = 0

    def _sqlite_transaction(self) -> Iterator[Database]:
        # IMMEDIATE takes the write lock at once, so two writers never both read, then
        # both try to write and one of them fails half way.
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()
