"""Engines hand out ``Database`` connections for the database the settings name."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from heartwise.config import Settings
from heartwise.errors import StorageError
from heartwise.storage.database import Database, PostgresDialect, SqliteDialect


class Engine(Protocol):
    description: str
    # Connections that can be open at once; 0 when each use opens its own.
    pool_size: int

    def connect(self) -> Any:
        """A context manager yielding a ``Database``."""
        ...

    def close(self) -> None: ...


class SqliteEngine:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = f"SQLite at {path}"
        self.pool_size = 0

    @contextmanager
    def connect(self) -> Iterator[Database]:
        database = Database(self._open(), SqliteDialect())
        try:
            yield database
        finally:
            database.close()

    def _open(self) -> sqlite3.Connection:
        _create_private_file(self.path)
        try:
            connection = sqlite3.connect(
                self.path, isolation_level=None, timeout=BUSY_WAIT_S, check_same_thread=False
            )
            _use_wal(connection)
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise StorageError(
                f"The journal database at {self.path} could not be opened ({exc}). "
                "If it was damaged, restore it from a backup of your data folder."
            ) from None
        return connection

    def close(self) -> None:
        """Nothing to release: each ``connect`` closes its own connection."""


# How long a connection waits for another one's lock before giving up.
BUSY_WAIT_S = 15.0


def _use_wal(connection: sqlite3.Connection) -> None:
    """Switch the database to write-ahead logging, waiting for others that open it too.

    Connections opened at the same moment on a new database (several server workers, or
    request threads, starting together) race to change its journal mode. SQLite answers
    the loser "database is locked" at once, without waiting as it does for other locks,
    so the wait is done here. Once set, the mode stays with the file and this is a read.
    """
    deadline = time.monotonic() + BUSY_WAIT_S
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


def _create_private_file(path: Path) -> None:
    # Creating the file ourselves lets it start as 0600; SQLite gives its -wal and -shm
    # files the same mode as the database file.
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


class PostgresEngine:
    def __init__(self, url: str, *, pool_size: int = 0, wait_s: float = 30.0) -> None:
        self.url = url
        self.description = "PostgreSQL"
        self.pool_size = pool_size
        self._pool: Any = None
        if pool_size:
            from psycopg_pool import ConnectionPool

            self._pool = ConnectionPool(
                url,
                min_size=1,
                max_size=pool_size,
                kwargs={"autocommit": True},
                timeout=wait_s,  # how long a request waits for a free connection
                open=True,
            )

    @contextmanager
    def connect(self) -> Iterator[Database]:
        if self._pool is not None:
            with self._pool.connection() as connection:
                yield Database(connection, PostgresDialect())
            return
        database = Database(self._open(), PostgresDialect())
        try:
            yield database
        finally:
            database.close()

    def _open(self) -> Any:
        # Imported here: psycopg costs a quarter of a second, and SQLite users never need it.
        import psycopg

        try:
            return psycopg.connect(self.url, autocommit=True)
        except psycopg.OperationalError:
            raise StorageError(
                "heartwise could not connect to the PostgreSQL database in "
                "HEARTWISE_DATABASE_URL. Check that the server is running and the URL is right."
            ) from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()


def create_engine(settings: Settings, *, pool_size: int = 0) -> Engine:
    """The engine for the database the settings name: PostgreSQL by URL, else SQLite."""
    if settings.database_url and not settings.uses_postgres:
        raise StorageError(
            "HEARTWISE_DATABASE_URL must start with postgresql://; leave it unset to use "
            "the built-in SQLite database."
        )
    if settings.database_url:
        return PostgresEngine(settings.database_url, pool_size=pool_size)
    return SqliteEngine(settings.sqlite_path)
