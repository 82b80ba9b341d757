"""The passphrase lock as stored: which wrapped keys exist, what changes, and what never does.

Each Argon2id derivation costs about a quarter of a second, so every test sets the lock
once and opens the journal only as often as it has to.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

import pytest

from heartwise.config import Settings
from heartwise.domain.entries import make_draft
from heartwise.domain.time import to_epoch
from heartwise.errors import InvalidInput, Locked
from heartwise.services import lock
from heartwise.services.journal import Journal, Query
from heartwise.services.workspace import (
    Workspace,
    is_locked,
    open_local_database,
    open_local_workspace,
)
from heartwise.storage.database import Database
from heartwise.vault.keys import unwrap_key
from heartwise.vault.passphrase import new_recovery_key

EVENING = datetime(2026, 11, 20, 21, 30, tzinfo=timezone(timedelta(hours=1)))
PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "a different and longer phrase"
RECOVERY_KEY = re.compile(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}")
TEXTS = ("He answered late and I waited.", "We talked it through on the walk home.")


@contextmanager
def opened(settings: Settings, clock, passphrase: str | None = None) -> Iterator[Workspace]:
    source = None if passphrase is None else (lambda: passphrase)
    with open_local_workspace(settings, clock, source) as ws:
        yield ws


def write_entries(settings: Settings, clock) -> None:
    with opened(settings, clock) as ws:
        journal = Journal(ws)
        for text in TEXTS:
            journal.add(make_draft(text, EVENING, tags=["trust"], emotions={"calm": 40}))


def texts(ws: Workspace) -> list[str]:
    return sorted(entry.text for entry in Journal(ws).iter_all(include_trash=True))


def set_lock(settings: Settings, clock, passphrase: str = PASSPHRASE) -> str:
    with opened(settings, clock) as ws:
        return lock.set_lock(ws, passphrase)


def key_rows(settings: Settings) -> dict[str, bytes]:
    """Every stored wrapped key, by purpose."""
    with open_local_database(settings) as db:
        rows = db.all("SELECT purpose, wrapped FROM user_keys ORDER BY purpose")
    return {str(purpose): bytes(wrapped) for purpose, wrapped in rows}


def sealed_fields(settings: Settings) -> list[tuple[int, bytes, bytes]]:
    with open_local_database(settings) as db:
        rows = db.all("SELECT id, body, details FROM entries ORDER BY id")
    return [(int(row_id), bytes(body), bytes(details)) for row_id, body, details in rows]


def recover(settings: Settings, clock, recovery_key: str, passphrase: str) -> str:
    with open_local_database(settings) as db:
        return lock.recover(db, recovery_key, passphrase, to_epoch(clock()))


def test_a_lock_gives_a_recovery_key_and_only_the_passphrase_opens(
    db_settings: Settings, clock
) -> None:
    write_entries(db_settings, clock)
    before = sealed_fields(db_settings)
    assert set(key_rows(db_settings)) == {"device"}

    recovery_key = set_lock(db_settings, clock)

    assert RECOVERY_KEY.fullmatch(recovery_key), recovery_key
    assert len(recovery_key.split("-")) == 8
    # The device key file is still there, but nothing it can open is stored any more.
    assert db_settings.key_path.exists()
    assert set(key_rows(db_settings)) == {"passphrase", "recovery"}
    with open_local_database(db_settings) as db:
        assert is_locked(db)
    assert sealed_fields(db_settings) == before  # setting the lock re-encrypts nothing

    with pytest.raises(Locked, match="passphrase"), opened(db_settings, clock):
        pass
    with (
        pytest.raises(InvalidInput, match="does not open") as wrong,
        opened(db_settings, clock, "correct horse battery stapler"),
    ):
        pass
    assert wrong.value.field == "passphrase"
    with opened(db_settings, clock, PASSPHRASE) as ws:
        assert lock.is_set(ws)
        assert texts(ws) == sorted(TEXTS)
        assert Journal(ws).page(Query()).total == 2


def test_changing_the_passphrase_leaves_every_sealed_field_byte_identical(
    db_settings: Settings, clock
) -> None:
    write_entries(db_settings, clock)
    set_lock(db_settings, clock)
    before = sealed_fields(db_settings)
    keys_before = key_rows(db_settings)
    assert len(before) == 2

    clock.advance(days=1)
    with opened(db_settings, clock, PASSPHRASE) as ws:
        lock.change_passphrase(ws, NEW_PASSPHRASE)

    assert sealed_fields(db_settings) == before
    keys_after = key_rows(db_settings)
    assert set(keys_after) == {"passphrase", "recovery"}
    assert keys_after["passphrase"] != keys_before["passphrase"]  # re-wrapped, new salt
    assert keys_after["recovery"] == keys_before["recovery"]  # the recovery key still works
    assert_opens_only_with_new_passphrase(db_settings, clock)


def assert_opens_only_with_new_passphrase(db_settings: Settings, clock) -> None:
    """The old passphrase is refused, and the new one reads every entry back."""
    with (
        pytest.raises(InvalidInput, match="does not open"),
        opened(db_settings, clock, PASSPHRASE),
    ):
        pass
    with opened(db_settings, clock, NEW_PASSPHRASE) as ws:
        assert texts(ws) == sorted(TEXTS)


def test_the_recovery_key_sets_a_new_passphrase_and_is_then_replaced(
    db_settings: Settings, clock
) -> None:
    write_entries(db_settings, clock)
    old_key = set_lock(db_settings, clock)
    before = sealed_fields(db_settings)

    # Typed the way people copy things down: lower case, spaces instead of dashes.
    fresh_key = recover(db_settings, clock, old_key.lower().replace("-", " "), NEW_PASSPHRASE)

    assert RECOVERY_KEY.fullmatch(fresh_key)
    assert fresh_key != old_key
    assert sealed_fields(db_settings) == before
    assert set(key_rows(db_settings)) == {"passphrase", "recovery"}
    kept = key_rows(db_settings)
    with pytest.raises(InvalidInput, match="recovery key does not open") as stale:
        recover(db_settings, clock, old_key, "yet another passphrase")
    assert stale.value.field == "recovery_key"
    assert key_rows(db_settings) == kept
    assert_opens_only_with_new_passphrase(db_settings, clock)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "not a recovery key",
        "ABCD-EFGH-IJKL-MNOP",  # too short
        "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4560",  # 0 is not in the alphabet
        "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD",  # too long
        "ÄBCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567",
    ],
)
def test_a_malformed_recovery_key_is_refused(settings: Settings, clock, typed: str) -> None:
    write_entries(settings, clock)
    set_lock(settings, clock)
    kept = key_rows(settings)

    with pytest.raises(InvalidInput, match="eight groups of four") as refused:
        recover(settings, clock, typed, NEW_PASSPHRASE)

    assert refused.value.field == "recovery_key"
    assert key_rows(settings) == kept


def test_a_wrong_recovery_key_or_a_short_new_passphrase_changes_nothing(
    db_settings: Settings, clock
) -> None:
    write_entries(db_settings, clock)
    recovery_key = set_lock(db_settings, clock)
    keys_before, fields_before = key_rows(db_settings), sealed_fields(db_settings)

    with pytest.raises(InvalidInput, match="recovery key does not open"):
        recover(db_settings, clock, new_recovery_key(), NEW_PASSPHRASE)
    with pytest.raises(InvalidInput, match="at least 8 characters"):
        recover(db_settings, clock, recovery_key, "short")

    assert key_rows(db_settings) == keys_before
    assert sealed_fields(db_settings) == fields_before
    with opened(db_settings, clock, PASSPHRASE) as ws:
        assert texts(ws) == sorted(TEXTS)


def test_a_journal_without_a_lock_has_no_recovery_key(db_settings: Settings, clock) -> None:
    write_entries(db_settings, clock)
    with pytest.raises(InvalidInput, match="no recovery key"):
        recover(db_settings, clock, new_recovery_key(), NEW_PASSPHRASE)
    with opened(db_settings, clock) as ws:
        with pytest.raises(InvalidInput, match="no passphrase yet"):
            lock.change_passphrase(ws, NEW_PASSPHRASE)
        with pytest.raises(InvalidInput, match="no passphrase to remove"):
            lock.remove_lock(ws)
    assert set(key_rows(db_settings)) == {"device"}


def test_removing_the_lock_opens_with_the_key_file_again(db_settings: Settings, clock) -> None:
    write_entries(db_settings, clock)
    recovery_key = set_lock(db_settings, clock)
    before = sealed_fields(db_settings)

    with opened(db_settings, clock, PASSPHRASE) as ws:
        lock.remove_lock(ws)

    assert set(key_rows(db_settings)) == {"device"}
    assert sealed_fields(db_settings) == before
    with open_local_database(db_settings) as db:
        assert not is_locked(db)
    with opened(db_settings, clock) as ws:
        assert not lock.is_set(ws)
        assert texts(ws) == sorted(TEXTS)
    # The old recovery key has nothing left to open.
    with pytest.raises(InvalidInput, match="no recovery key"):
        recover(db_settings, clock, recovery_key, NEW_PASSPHRASE)


def test_removing_the_lock_writes_a_key_file_that_was_deleted(db_settings: Settings, clock) -> None:
    write_entries(db_settings, clock)
    set_lock(db_settings, clock)
    old_key_file = db_settings.key_path.read_bytes()
    db_settings.key_path.unlink()

    # A locked journal does not need the key file to open.
    with opened(db_settings, clock, PASSPHRASE) as ws:
        assert texts(ws) == sorted(TEXTS)
        lock.remove_lock(ws)

    assert db_settings.key_path.exists()
    assert db_settings.key_path.read_bytes() != old_key_file
    assert db_settings.key_path.stat().st_mode & 0o777 == 0o600
    with opened(db_settings, clock) as ws:
        assert texts(ws) == sorted(TEXTS)


@pytest.mark.parametrize("too_short", ["", "1234567", "seven!!"])
def test_a_passphrase_shorter_than_eight_characters_is_refused(
    settings: Settings, clock, too_short: str
) -> None:
    write_entries(settings, clock)
    with opened(settings, clock) as ws:
        with pytest.raises(InvalidInput, match="at least 8 characters") as refused:
            lock.set_lock(ws, too_short)
        assert refused.value.field == "passphrase"
        assert not lock.is_set(ws)
    assert set(key_rows(settings)) == {"device"}
    with opened(settings, clock) as ws:
        assert texts(ws) == sorted(TEXTS)


def test_a_short_new_passphrase_is_refused_on_change(settings: Settings, clock) -> None:
    set_lock(settings, clock)
    kept = key_rows(settings)
    with (
        opened(settings, clock, PASSPHRASE) as ws,
        pytest.raises(InvalidInput, match="at least 8 characters"),
    ):
        lock.change_passphrase(ws, "1234567")
    assert key_rows(settings) == kept


def test_a_lock_cannot_be_set_twice(db_settings: Settings, clock) -> None:
    write_entries(db_settings, clock)
    set_lock(db_settings, clock)
    kept = key_rows(db_settings)

    with (
        opened(db_settings, clock, PASSPHRASE) as ws,
        pytest.raises(InvalidInput, match="already has a passphrase"),
    ):
        lock.set_lock(ws, NEW_PASSPHRASE)

    assert key_rows(db_settings) == kept


def _all_cells(db: Database) -> list[bytes]:
    if db.dialect.name == "sqlite":
        tables = [
            str(row[0]) for row in db.all("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        cells: list[object] = []
        for table in tables:
            for row in db.all(f'SELECT * FROM "{table}"'):
                cells.extend(row)
    else:
        tables = [
            str(row[0])
            for row in db.all(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            )
        ]
        cells = [row[0] for table in tables for row in db.all(f'SELECT t::text FROM "{table}" t')]
    assert "user_keys" in tables
    return [
        bytes(cell) if isinstance(cell, bytes | bytearray | memoryview) else str(cell).encode()
        for cell in cells
    ]


def test_the_stored_passphrase_record_is_argon2id_and_holds_no_secret(
    db_settings: Settings, clock
) -> None:
    passphrase = "ZebraPassphrase " + secrets.token_hex(6)
    write_entries(db_settings, clock)
    recovery_key = set_lock(db_settings, clock, passphrase)

    keys = key_rows(db_settings)
    record = json.loads(keys["passphrase"])
    assert record["t"] == 3
    assert record["m"] >= 64 * 1024
    assert record["p"] >= 1
    salt = base64.b64decode(record["salt"])
    assert len(salt) >= 16

    # Argon2id with exactly the stored parameters gives the key that unwraps the data key.
    from argon2.low_level import Type, hash_secret_raw

    kek = hash_secret_raw(
        passphrase.encode(),
        salt,
        time_cost=record["t"],
        memory_cost=record["m"],
        parallelism=record["p"],
        hash_len=32,
        type=Type.ID,
    )
    with open_local_database(db_settings) as db:
        owner_id = int(db.scalar("SELECT id FROM users WHERE kind = 'local'"))
        data_key = unwrap_key(
            kek, base64.b64decode(record["wrapped"]), owner_id=owner_id, purpose="passphrase"
        )
        assert len(data_key) == 32
        cells = _all_cells(db)

    secrets_to_hide = {
        passphrase,
        passphrase.lower(),
        passphrase.upper(),
        recovery_key,
        recovery_key.replace("-", ""),
        recovery_key.lower(),
    }
    for secret in secrets_to_hide:
        for form in (secret.encode(), secret.encode().hex().encode()):
            assert [cell[:60] for cell in cells if form in cell] == []
            if not db_settings.uses_postgres:
                files = [path for path in db_settings.data_dir.iterdir() if path.is_file()]
                assert [path.name for path in files if form in path.read_bytes()] == []
