"""Apply numbered migrations, each in one transaction with its record.

The check at start is cheap: one read on SQLite (``PRAGMA user_version``); on PostgreSQL
one short transaction that takes the migration lock, creates the record table if it is
missing, then one read. A command pays next to nothing when the schema is current.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from heartwise.errors import StorageError
from heartwise.storage.database import Database

_FILE = re.compile(r"^(\d{4})_(\w+)\.(sqlite|postgres)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    @property
    def sql(self) -> str:
        return self.path.read_text("utf-8")


@cache
def migrations_for(dialect: str) -> tuple[Migration, ...]:
    # The files sit beside this module; listing a folder is cheaper than importlib.resources,
    # and the start-up check runs on every command.
    folder = Path(__file__).with_name("migrations")
    found = []
    for name in os.listdir(folder):
        match = _FILE.match(name)
        if match and match.group(3) == dialect:
            found.append(Migration(int(match.group(1)), match.group(2), folder / name))
    return tuple(sorted(found, key=lambda migration: migration.version))


def head_version(dialect: str) -> int:
    return migrations_for(dialect)[-1].version


def current_version(db: Database) -> int:
    if db.dialect.name == "sqlite":
        return int(db.scalar("PRAGMA user_version"))
    with db.transaction():
        # Server workers start at once and each checks the schema. Two concurrent
        # CREATE TABLE IF NOT EXISTS can both pass the check, and one then fails on
        # PostgreSQL's catalogue (a duplicate pg_type row), so the lock is taken first.
        _lock_migrations(db)
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
        )
    return int(db.scalar("SELECT coalesce(max(version), 0) FROM schema_migrations"))


# Held to the end of the transaction; one number for every heartwise schema change.
_MIGRATION_LOCK = 4242


def _lock_migrations(db: Database) -> None:
    db.execute(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")


def migrate(db: Database) -> int:
    """Bring the schema to head; returns the number of migrations applied."""
    version = current_version(db)
    head = head_version(db.dialect.name)
    if version == head:
        return 0
    if version > head:
        raise StorageError(
            f"This journal was written by a newer heartwise (schema {version}, this one knows "
            f"{head}). Please update heartwise; nothing was changed."
        )
    applied = 0
    for migration in migrations_for(db.dialect.name):
        if migration.version > version:
            _apply(db, migration)
            applied += 1
    return applied


def _apply(db: Database, migration: Migration) -> None:
    with db.transaction():
        if db.dialect.name == "sqlite":
            if int(db.scalar("PRAGMA user_version")) >= migration.version:
                return  # another process applied it while we waited for the lock
            _ensure_sqlite_record_table(db)
            for statement in _sqlite_statements(migration.sql):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {migration.version}")
        else:
            _lock_migrations(db)
            done = db.scalar(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)
            )
            if done:
                return
            db.connection.execute(migration.sql)
        db.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, int(time.time())),
        )


def _ensure_sqlite_record_table(db: Database) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"
    )


def _sqlite_statements(script: str) -> list[str]:
    """Split a script into statements; trigger bodies hold semicolons of their own."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and line.lstrip().startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements
