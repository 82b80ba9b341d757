"""A new passphrase or password re-wraps one key and touches nothing else: over a thousand
entries, every sealed column is byte for byte what it was, on both backends.

Argon2id runs at its real cost here: the point is the real path, and it runs only a few
times per test.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from server_kit import ADDRESS, NEW_PASSWORD, PASSWORD, Server, open_server

from heartwise.config import Settings
from heartwise.domain.entries import EntryRecord, make_draft
from heartwise.errors import InvalidInput, NotSignedIn
from heartwise.services import accounts, lock, partners, sharing
from heartwise.services.items import Items
from heartwise.services.journal import KIND, Journal
from heartwise.services.workspace import Workspace, open_local_database, open_local_workspace
from heartwise.storage.database import Database

ENTRIES = 1_000
ITEMS = 25
EVENING = datetime(2026, 11, 20, 21, 30, tzinfo=timezone(timedelta(hours=1)))
PASSPHRASE = "lanterns over the harbour"
NEW_PASSPHRASE = "a kite above the dunes"

Sealed = dict[str, list[tuple[object, ...]]]


def fill(ws: Workspace) -> None:
    """A thousand entries (written as an import would, in one transaction) and some items."""
    journal = Journal(ws)
    records = (
        EntryRecord(
            make_draft(
                f"Entry {n}: the evening went {'well' if n % 2 else 'badly'}.",
                EVENING - timedelta(hours=n),
                tags=[f"tag{n % 7}"],
                emotions={"calm": n % 100},
                mood=n % 10 + 1,
            )
        )
        for n in range(ENTRIES)
    )
    with ws.db.transaction():
        assert sum(1 for _ in journal.add_many(records)) == ENTRIES
    items = Items(ws)
    for n in range(ITEMS):
        items.add("dismissal", {"entry_id": n + 1, "label": "catastrophising"})


def sealed_columns(db: Database) -> Sealed:
    """Every sealed column, by row: entries.body and .details, items.body, shares.body."""
    queries = {
        "entries": "SELECT id, body, details FROM entries ORDER BY id",
        "items": "SELECT id, body FROM items ORDER BY id",
        "shares": "SELECT id, body FROM shares ORDER BY id",
    }
    return {
        table: [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in rows]
        for table, rows in ((t, db.all(sql)) for t, sql in queries.items())
    }


def local_sealed(settings: Settings) -> Sealed:
    with open_local_database(settings) as db:
        return sealed_columns(db)


def test_a_local_passphrase_set_and_changed_rewraps_only_the_key(
    db_settings: Settings, clock
) -> None:
    with open_local_workspace(db_settings, clock) as ws:
        fill(ws)
    before = local_sealed(db_settings)
    assert len(before["entries"]) == ENTRIES
    assert len(before["items"]) == ITEMS

    with open_local_workspace(db_settings, clock) as ws:
        lock.set_lock(ws, PASSPHRASE)
    assert local_sealed(db_settings) == before
    with open_local_workspace(db_settings, clock, lambda: PASSPHRASE) as ws:
        lock.change_passphrase(ws, NEW_PASSPHRASE)

    assert local_sealed(db_settings) == before
    with open_local_workspace(db_settings, clock, lambda: NEW_PASSPHRASE) as ws:
        journal = Journal(ws)
        assert sum(1 for _ in journal.iter_all()) == ENTRIES
        assert journal.get(ENTRIES).text == f"Entry {ENTRIES - 1}: the evening went well."
        assert len(Items(ws).of_kind("dismissal")) == ITEMS
    with (
        pytest.raises(InvalidInput, match="does not open"),
        open_local_workspace(db_settings, clock, lambda: PASSPHRASE),
    ):
        pass


@pytest.fixture
def server(db_settings: Settings, clock) -> Iterator[Server]:
    with open_server(db_settings, clock) as opened:
        yield opened


def test_an_account_password_change_and_recovery_rewrap_only_the_key(server: Server) -> None:
    alex, sam = server.sign_up("alex"), server.sign_up("sam")
    with server.request(alex.token) as ws:
        code = partners.invite(ws).code
    with server.request(sam.token) as ws:
        partners.accept(ws, code)
    with server.request(alex.token) as ws:
        fill(ws)
    with server.request(alex.token) as ws:
        shared = [(e.id, e.to_dict()) for e in Journal(ws).iter_all() if e.id % 100 == 0]
        sharing.set_kind_rule(ws, KIND, True, shared)
    with server.database() as db:
        before = sealed_columns(db)
    assert len(before["entries"]) == ENTRIES
    assert len(before["shares"]) == len(shared) == ENTRIES // 100

    with server.request(alex.token) as ws:
        accounts.change_password(ws, PASSWORD, NEW_PASSWORD, ADDRESS)
    with server.database() as db:
        assert sealed_columns(db) == before
        signed_in, _ = accounts.recover(
            db, alex.email, alex.recovery_key, "after the recovery key", ADDRESS, server.now()
        )
        assert sealed_columns(db) == before

    with server.request(signed_in.token) as ws:
        assert sum(1 for _ in Journal(ws).iter_all()) == ENTRIES
        assert len(Items(ws).of_kind("dismissal")) == ITEMS
    with server.request(sam.token) as ws:
        assert len(sharing.shared_with_me(ws)) == ENTRIES // 100
    with pytest.raises(NotSignedIn):
        server.sign_in(alex.email, NEW_PASSWORD)  # the recovery replaced it in turn
