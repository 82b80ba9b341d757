"""The schema: built from nothing, checked cheaply, never run backwards."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from heartwise.config import Settings
from heartwise.errors import StorageError
from heartwise.storage.database import Database
from heartwise.storage.engine import SqliteEngine, create_engine
from heartwise.storage.migrate import current_version, head_version, migrate, migrations_for


def _tables(db: Database) -> set[str]:
    if db.dialect.name == "sqlite":
        rows = db.all("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        rows = db.all(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    return {str(row[0]) for row in rows}


def test_an_empty_database_is_brought_to_the_head_schema(db_settings: Settings) -> None:
    engine = create_engine(db_settings)
    with engine.connect() as db:
        assert current_version(db) == 0
        applied = migrate(db)
        assert applied == len(migrations_for(db.dialect.name)) >= 1
        assert current_version(db) == head_version(db.dialect.name)
        assert {"users", "user_keys", "entries", "entry_tags", "schema_migrations"} <= _tables(db)
        recorded = db.all("SELECT version FROM schema_migrations ORDER BY version")
        assert [row[0] for row in recorded] == [m.version for m in migrations_for(db.dialect.name)]


def test_a_second_run_applies_nothing_and_changes_nothing(db_settings: Settings) -> None:
    engine = create_engine(db_settings)
    with engine.connect() as db:
        migrate(db)
        before = db.all("SELECT version, name, applied_at FROM schema_migrations")
        assert migrate(db) == 0
        assert db.all("SELECT version, name, applied_at FROM schema_migrations") == before
    with engine.connect() as db:
        assert migrate(db) == 0
        assert current_version(db) == head_version(db.dialect.name)


def test_a_schema_from_a_newer_heartwise_is_refused_and_left_alone(db_settings: Settings) -> None:
    engine = create_engine(db_settings)
    with engine.connect() as db:
        migrate(db)
        if db.dialect.name == "sqlite":
            db.execute("PRAGMA user_version = 99")
        else:
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)"
            )
        with pytest.raises(StorageError, match=r"newer heartwise \(schema 99.*nothing was changed"):
            migrate(db)
        assert current_version(db) == 99


def test_the_sqlite_sql_file_builds_the_full_text_index(settings: Settings) -> None:
    with create_engine(settings).connect() as db:
        migrate(db)
        assert {"entry_fts", "entry_fts_data", "entry_fts_idx"} <= _tables(db)
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.scalar("PRAGMA synchronous") == 2  # FULL


def test_a_non_postgres_database_url_is_refused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url="mysql://somewhere/db")
    with pytest.raises(StorageError, match="must start with postgresql://"):
        create_engine(settings)


WAIT_S = 60


def _all_at_once(count: int, work: Callable[[Callable[[], None]], None]) -> list[BaseException]:
    """Run ``work`` on ``count`` threads that each call the ``go`` they are given at the
    point where all of them should set off together; returns what they raised."""
    start = threading.Barrier(count)
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work(lambda: start.wait(timeout=WAIT_S))
        except BaseException as error:  # collected: an error in a thread would go unseen
            failures.append(error)
            # A thread that cannot get as far must not leave the others waiting for it.
            start.abort()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WAIT_S)
    assert not any(thread.is_alive() for thread in threads), "a thread never finished"
    # The first failure is the cause; the others only saw the barrier it broke.
    return failures


def test_workers_starting_together_all_find_the_schema_ready(db_settings: Settings) -> None:
    # A multi-user server starts its workers at once, and each checks the schema first.
    engine = create_engine(db_settings)

    def start_worker(go: Callable[[], None]) -> None:
        with engine.connect() as db:
            go()
            migrate(db)

    failures = _all_at_once(8, start_worker)
    assert failures == [], failures
    with engine.connect() as db:
        assert current_version(db) == head_version(db.dialect.name)
        recorded = db.all("SELECT version FROM schema_migrations ORDER BY version")
        assert [row[0] for row in recorded] == [m.version for m in migrations_for(db.dialect.name)]


def test_connections_opened_together_on_a_new_sqlite_file_all_open(tmp_path: Path) -> None:
    # Opening switches a new file to write-ahead logging, and SQLite answers a connection
    # that loses that race "database is locked" at once instead of waiting. It is a race,
    # so it is run many times: before the wait was added, about one round in ten failed.
    failures: list[BaseException] = []
    for round_no in range(100):
        engine = SqliteEngine(tmp_path / f"new_{round_no}.sqlite3")

        def open_one(go: Callable[[], None], engine: SqliteEngine = engine) -> None:
            go()
            with engine.connect() as db:
                assert db.scalar("PRAGMA journal_mode") == "wal"

        failures += _all_at_once(8, open_one)
    assert failures == [], failures[:3]
