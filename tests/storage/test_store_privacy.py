"""What the database holds: sealed blobs and keyed hashes, never the words themselves."""

from __future__ import annotations

import secrets
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from heartwise.config import Settings
from heartwise.domain.entries import MAX_TEXT, make_draft
from heartwise.errors import KeyMissing, VaultError
from heartwise.services.journal import Journal, Query
from heartwise.services.workspace import open_local_workspace
from heartwise.storage.database import Database
from heartwise.vault.keys import create_device_key

EVENING = datetime(2026, 11, 20, 21, 30, tzinfo=timezone(timedelta(hours=1)))


def canary() -> str:
    return "ZebraCanary" + secrets.token_hex(4)


def _forms(word: str) -> list[bytes]:
    """The ways a word could show up in a table or a file."""
    forms = {word, word.lower(), word.upper()}
    return [form.encode() for form in forms] + [form.encode().hex().encode() for form in forms]


def _sqlite_cells(db: Database) -> list[object]:
    tables = [str(row[0]) for row in db.all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert "entry_fts_data" in tables  # the FTS shadow tables are read too
    cells: list[object] = [str(row) for row in db.all("SELECT * FROM sqlite_master")]
    for table in tables:
        for row in db.all(f'SELECT * FROM "{table}"'):
            cells.extend(row)
    return cells


def _postgres_cells(db: Database) -> list[object]:
    tables = [
        str(row[0])
        for row in db.all(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    ]
    assert "entries" in tables
    cells: list[object] = []
    for table in tables:
        cells.extend(row[0] for row in db.all(f'SELECT t::text FROM "{table}" t'))
    return cells


def _as_bytes(cell: object) -> bytes:
    if isinstance(cell, bytes | bytearray | memoryview):
        return bytes(cell)
    return str(cell).encode()


def _files_holding(directory: Path, word: str) -> list[str]:
    return [
        path.name
        for path in directory.iterdir()
        if path.is_file() and any(form in path.read_bytes() for form in _forms(word))
    ]


def test_no_table_holds_the_words_of_an_entry(db_settings: Settings, clock) -> None:
    word, tag, feeling = canary(), canary(), "zebrafeeling"
    with open_local_workspace(db_settings, clock) as ws:
        journal = Journal(ws)
        entry = journal.add(
            make_draft(
                f"Today {word} and again {word}.", EVENING, tags=[tag], emotions={feeling: 50}
            )
        )
        journal.edit(entry.id, {"text": f"Edited: {word}, still {word}."})
        assert [hit.entry.id for hit in journal.search(word, Query())] == [entry.id]

        read = _sqlite_cells if ws.db.dialect.name == "sqlite" else _postgres_cells
        cells = [_as_bytes(cell) for cell in read(ws.db)]

    assert any(b"local" in cell for cell in cells)  # the reader does see plain columns
    for secret in (word, tag, feeling):
        leaks = [cell[:80] for cell in cells for form in _forms(secret) if form in cell]
        assert leaks == [], f"{secret} found in the database"
        assert _files_holding(db_settings.data_dir, secret) == []


def test_the_sqlite_files_on_disk_never_hold_the_words(settings: Settings, clock) -> None:
    word = canary()
    data = settings.data_dir
    with open_local_workspace(settings, clock) as ws:
        journal = Journal(ws)
        for n in range(20):
            journal.add(make_draft(f"Entry {n}: {word} {word.lower()}.", EVENING, tags=[word]))
        # While the connection is open the new pages sit in the write-ahead log.
        assert (data / "heartwise.db-wal").stat().st_size > 0
        assert {"heartwise.db", "heartwise.db-wal", "heartwise.db-shm"} <= {
            p.name for p in data.iterdir()
        }
        assert _files_holding(data, word) == []
    # Closing checkpoints the log into the database file.
    assert _files_holding(data, word) == []
    assert (data / "heartwise.db").stat().st_size > 0


def test_the_longest_entry_allowed_is_stored_and_found(db_settings: Settings, clock) -> None:
    text = " ".join(f"w{n}" for n in range(30_000))[:MAX_TEXT]
    last_word = text.split()[-1]
    with open_local_workspace(db_settings, clock) as ws:
        journal = Journal(ws)
        entry = journal.add(make_draft(text, EVENING))
        assert journal.get(entry.id).text == text
        assert [hit.entry.id for hit in journal.search(f"w1 {last_word}", Query())] == [entry.id]


def _count_entries(settings: Settings, clock) -> int:
    with open_local_workspace(settings, clock) as ws:
        return Journal(ws).page(Query()).total


def test_a_missing_key_file_stops_heartwise_and_changes_nothing(
    db_settings: Settings, clock, tmp_path: Path
) -> None:
    with open_local_workspace(db_settings, clock) as ws:
        entry = Journal(ws).add(make_draft("Written before the key went missing.", EVENING))
    key_path = db_settings.key_path
    saved_key = tmp_path / "saved-device.key"
    shutil.move(key_path, saved_key)
    db_file = db_settings.sqlite_path
    before = db_file.read_bytes() if not db_settings.uses_postgres else None

    for _ in range(2):
        with (
            pytest.raises(KeyMissing, match=r"device\.key.*has not changed anything"),
            open_local_workspace(db_settings, clock),
        ):
            pass

    assert not key_path.exists()  # no new key was made over the old journal
    if before is not None:
        assert db_file.read_bytes() == before
    shutil.move(saved_key, key_path)
    with open_local_workspace(db_settings, clock) as ws:
        journal = Journal(ws)
        assert journal.page(Query()).total == 1
        assert journal.get(entry.id).text == "Written before the key went missing."


def test_the_key_file_of_another_journal_does_not_fit(db_settings: Settings, clock) -> None:
    with open_local_workspace(db_settings, clock) as ws:
        Journal(ws).add(make_draft("Only my key opens this.", EVENING))
    db_settings.key_path.unlink()
    create_device_key(db_settings.key_path)

    with (
        pytest.raises(VaultError, match="does not fit this journal"),
        open_local_workspace(db_settings, clock),
    ):
        pass


def test_an_entry_tampered_with_in_the_database_is_refused(db_settings: Settings, clock) -> None:
    with open_local_workspace(db_settings, clock) as ws:
        journal = Journal(ws)
        first = journal.add(make_draft("First entry.", EVENING))
        second = journal.add(make_draft("Second entry.", EVENING))
        # Someone with the database swaps the sealed texts of two rows.
        ws.db.execute(
            "UPDATE entries SET body = (SELECT body FROM entries WHERE id = ?) WHERE id = ?",
            (second.id, first.id),
        )
        with pytest.raises(VaultError, match=f"text of entries #{first.id} failed its integrity"):
            journal.get(first.id)
        assert journal.get(second.id).text == "Second entry."


def test_a_journal_opens_again_with_its_key(db_settings: Settings, clock) -> None:
    with open_local_workspace(db_settings, clock) as ws:
        entry = Journal(ws).add(make_draft("Still here tomorrow.", EVENING))
    clock.advance(days=1)
    with open_local_workspace(db_settings, clock) as ws:
        assert Journal(ws).get(entry.id).text == "Still here tomorrow."
    assert _count_entries(db_settings, clock) == 1
