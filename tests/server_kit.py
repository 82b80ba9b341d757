"""Shared pieces of the server-mode tests: accounts made through the services, one
request's workspace, and what the database holds, read table by table on either backend.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from heartwise.config import Settings
from heartwise.domain.time import Clock, to_epoch
from heartwise.services import accounts
from heartwise.services.workspace import Workspace, prepare
from heartwise.storage.database import Database
from heartwise.storage.engine import Engine, create_engine
from heartwise.vault import passphrase, passwords
from heartwise.web.app import create_app

# stored_rows bound to one server's settings: table name -> rows stored there.
Rows = Callable[..., dict[str, int]]

PASSWORD = "violet kettle on the stairs"
NEW_PASSWORD = "seven quiet herons at dusk"
ADDRESS = "203.0.113.7"


@contextmanager
def cheap_argon2() -> Iterator[None]:
    """Argon2id at its smallest cost, for tests that make many accounts or guesses.

    Only the cost constants change (the hash and key-derivation code run as always); the
    cached hasher and decoy hash are dropped on the way in and out, so no other test sees
    the cheap ones.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passphrase, "TIME_COST", 1)
        patch.setattr(passphrase, "MEMORY_KIB", 8)
        patch.setattr(passwords, "_TIME_COST", 1)
        patch.setattr(passwords, "_MEMORY_KIB", 8)
        _forget_hashers()
        try:
            yield
        finally:
            _forget_hashers()


def _forget_hashers() -> None:
    passwords._hasher.cache_clear()
    passwords._decoy_hash.cache_clear()


def new_email(name: str = "person") -> str:
    return f"{name}.{secrets.token_hex(4)}@example.org"


@dataclass(frozen=True)
class Account:
    user_id: int
    email: str
    token: str
    recovery_key: str


class Server:
    """The services of a multi-user server over one database, without the web app."""

    def __init__(self, settings: Settings, clock: Clock, engine: Engine) -> None:
        self.settings = settings
        self.clock = clock
        self.engine = engine

    def now(self) -> int:
        return to_epoch(self.clock())

    @contextmanager
    def database(self) -> Iterator[Database]:
        with self.engine.connect() as db:
            yield db

    def sign_up(self, name: str = "person", password: str = PASSWORD) -> Account:
        email = new_email(name)
        with self.database() as db:
            created = accounts.sign_up(db, email, password, self.now())
            signed_in = accounts.sign_in(db, email, password, ADDRESS, self.now())
        return Account(created.user_id, email, signed_in.token, created.recovery_key)

    def sign_in(self, email: str, password: str = PASSWORD) -> str:
        with self.database() as db:
            return accounts.sign_in(db, email, password, ADDRESS, self.now()).token

    @contextmanager
    def request(self, token: str) -> Iterator[Workspace]:
        """What one request sees: a new workspace for the session, opened as the app opens
        it (the partner link read with the session row, no memo carried over)."""
        with self.database() as db:
            yield accounts.session_workspace(db, token, self.settings, self.clock)


@contextmanager
def open_server(settings: Settings, clock: Clock) -> Iterator[Server]:
    # A small pool on PostgreSQL, as the server has: tests open a connection per request.
    engine = create_engine(settings, pool_size=4 if settings.uses_postgres else 0)
    try:
        prepare(engine)
        yield Server(settings, clock, engine)
    finally:
        engine.close()


# -- what the database holds -----------------------------------------------------------------


def table_names(db: Database) -> list[str]:
    """Every table of the schema, FTS5 shadow tables included on SQLite."""
    if db.dialect.name == "sqlite":
        rows = db.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    else:
        rows = db.all(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() ORDER BY table_name"
        )
    return [str(row[0]) for row in rows]


def row_counts(db: Database, *, leave_out: tuple[str, ...] = ()) -> dict[str, int]:
    return {
        table: int(db.scalar(f'SELECT count(*) FROM "{table}"'))
        for table in table_names(db)
        if table not in leave_out
    }


def every_cell(db: Database) -> list[bytes]:
    """Every value of every column of every table, as bytes (PostgreSQL: each row as text)."""
    cells: list[bytes] = []
    if db.dialect.name == "sqlite":
        cells.extend(str(row).encode() for row in db.all("SELECT * FROM sqlite_master"))
        for table in table_names(db):
            for row in db.all(f'SELECT * FROM "{table}"'):
                cells.extend(as_bytes(cell) for cell in row)
        return cells
    for table in table_names(db):
        # A row cast to text shows every column; bytea appears as \x hex, checked as well.
        cells.extend(as_bytes(row[0]) for row in db.all(f'SELECT t::text FROM "{table}" t'))
    return cells


def as_bytes(cell: object) -> bytes:
    if isinstance(cell, bytes | bytearray | memoryview):
        return bytes(cell)
    return str(cell).encode()


def forms(word: str) -> list[bytes]:
    """The ways a word could show up in a cell or a file: as is, in either case, as hex."""
    variants = {word, word.lower(), word.upper()}
    encoded = [variant.encode() for variant in variants]
    return encoded + [raw.hex().encode() for raw in encoded]


def occurrences(word: str, blobs: list[bytes]) -> int:
    return sum(blob.count(form) for blob in blobs for form in forms(word))


# -- the server through its API --------------------------------------------------------------


@dataclass(frozen=True)
class ApiUser:
    id: int
    email: str
    token: str
    recovery_key: str

    @property
    def auth(self) -> dict[str, str]:
        return bearer(self.token)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def api_sign_up(client: Any, name: str = "person", password: str = PASSWORD) -> ApiUser:
    """Sign up and sign in through /api/v1/auth, as an app would."""
    email = new_email(name)
    created = client.post("/api/v1/auth/signup", json={"email": email, "password": password})
    assert created.status_code == 201, created.text
    signed_in = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert signed_in.status_code == 200, signed_in.text
    body = created.json()
    return ApiUser(body["id"], email, signed_in.json()["token"], body["recovery_key"])


def stored_rows(settings: Settings, *, leave_out: tuple[str, ...] = ()) -> dict[str, int]:
    """How many rows each table holds, read on a connection of its own."""
    engine = create_engine(settings)
    try:
        with engine.connect() as db:
            return row_counts(db, leave_out=leave_out)
    finally:
        engine.close()


def route_table(*, multi_user: bool = True) -> list[APIRoute]:
    """Every route of the app, read from its route table, so checks built on it cover a
    new route without anyone remembering to add it."""
    with tempfile.TemporaryDirectory(prefix="hw-routes-") as scratch:
        app = create_app(Settings(data_dir=Path(scratch), multi_user=multi_user))
        app.state.hw.engine.close()
    return list(_routes_in(app.routes))


def _routes_in(routes: Sequence[BaseRoute]) -> Iterator[APIRoute]:
    # FastAPI keeps each included router whole, behind a wrapper naming the original.
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):
            yield from _routes_in(route.original_router.routes)
