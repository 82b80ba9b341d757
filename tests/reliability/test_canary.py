"""A canary through the whole server: words one person writes, shares and searches for must
never appear in the database as written, in any log, or in what another person exports.

The run goes through the real app in-process on both backends. Every table's every column
is read back (on PostgreSQL each row cast to text), every log record and everything
written to stdout and stderr is kept, and the partner's exports are downloaded in each
format, with the canary shared with that partner all along.
"""

from __future__ import annotations

import dataclasses
import logging
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from server_kit import (
    ApiUser,
    api_sign_up,
    cheap_argon2,
    every_cell,
    occurrences,
    open_server,
)

from heartwise.config import Settings
from heartwise.web.app import create_app

# The test's own HTTP client logs each URL it sends (a search query among them). That is
# the client, not heartwise: the server itself runs uvicorn with its access log off.
CLIENT_LOGGERS = ("httpx", "httpcore")


@pytest.fixture(autouse=True)
def cheap_hashing() -> Iterator[None]:
    # Only the Argon2id cost constants change; what is stored and logged does not depend
    # on them, and this run signs up, signs in and fails a sign-in several times.
    with cheap_argon2():
        yield


@dataclasses.dataclass(frozen=True)
class Canary:
    text: str = "Zebracanary" + secrets.token_hex(6)
    tag: str = "Zebratag" + secrets.token_hex(6)
    emotion: str = "zebrafeeling" + secrets.token_hex(6)
    password: str = "zebra password " + secrets.token_hex(6)

    def words(self) -> list[str]:
        return [self.text, self.tag, self.emotion, self.password]


@pytest.fixture
def server_settings(db_settings: Settings) -> Settings:
    return dataclasses.replace(db_settings, multi_user=True, allowed_hosts=("testserver",))


@pytest.fixture
def api(server_settings: Settings, clock) -> Iterator[TestClient]:
    app = create_app(server_settings, clock=clock)
    with TestClient(app, base_url="https://testserver") as client:
        yield client


def post_entry(api: TestClient, user: ApiUser, canary: Canary, n: int) -> int:
    body = {
        "text": f"Entry {n}: I felt {canary.text} when the message came late. {canary.text}.",
        "tags": [canary.tag, "us"],
        "emotions": {canary.emotion: 60, "anxious": 40},
        "mood": 4,
    }
    response = api.post("/api/v1/entries", json=body, headers=user.auth)
    assert response.status_code == 201, response.text
    entry_id: int = response.json()["id"]
    return entry_id


def a_writes_searches_and_shares(api: TestClient, alex: ApiUser, sam: ApiUser, c: Canary) -> None:
    """Everything Alex does with the canary: write, edit, search, share, mistype, analyse."""
    code = api.post("/api/v1/partner/invite", headers=alex.auth).json()["code"]
    assert api.post("/api/v1/partner/accept", json={"code": code}, headers=sam.auth).is_success
    first, second = (post_entry(api, alex, c, n) for n in (1, 2))
    edit = {"text": f"Edited: {c.text} again.", "tags": [c.tag], "shared": True}
    assert api.patch(f"/api/v1/entries/{first}", json=edit, headers=alex.auth).is_success
    rule = api.put("/api/v1/partner/sharing/entry", json={"shared": True}, headers=alex.auth)
    assert rule.is_success
    post_entry(api, alex, c, 3)  # shared by the rule as it is written
    api.delete(f"/api/v1/entries/{second}", headers=alex.auth)  # in the trash, still sealed

    for query in (c.text, c.tag, c.emotion):
        hits = api.get("/api/v1/search", params={"q": query}, headers=alex.auth).json()
        assert hits["items"], query
    assert api.post("/api/v1/analyze", json={"text": c.text}, headers=alex.auth).is_success
    wrong = api.post("/api/v1/auth/login", json={"email": alex.email, "password": c.password})
    assert wrong.status_code == 401
    invalid = api.post("/api/v1/entries", json={"text": c.text, "mood": c.text}, headers=alex.auth)
    assert invalid.status_code == 422
    assert c.text not in invalid.text


def test_a_canary_is_nowhere_but_where_it_belongs(
    api: TestClient,
    server_settings: Settings,
    clock,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    canary = Canary()
    caplog.set_level(logging.DEBUG)
    alex, sam = api_sign_up(api, "alex"), api_sign_up(api, "sam")

    a_writes_searches_and_shares(api, alex, sam, canary)

    # Sam does see what Alex shares, so the checks below are not vacuous...
    shared = api.get("/api/v1/partner/shared", headers=sam.auth)
    assert occurrences(canary.text, [shared.content]) > 0
    assert len(shared.json()) == 2
    # ... and Alex's own export holds every canary word but the password.
    own = api.get("/api/v1/export", params={"format": "json"}, headers=alex.auth).content
    assert all(occurrences(word, [own]) for word in (canary.text, canary.tag, canary.emotion))

    sam_reads = [
        api.get("/api/v1/export", params={"format": fmt}, headers=sam.auth)
        for fmt in ("json", "md", "csv")
    ] + [
        api.get("/api/v1/entries", headers=sam.auth),
        api.get("/api/v1/trash", headers=sam.auth),
        api.get("/api/v1/search", params={"q": canary.text}, headers=sam.auth),
    ]
    assert all(response.status_code == 200 for response in sam_reads)
    with open_server(server_settings, clock) as server, server.database() as db:
        cells = every_cell(db)
    files = [path.read_bytes() for path in _files(server_settings.data_dir)]
    captured = capfd.readouterr()
    logs = [
        f"{record.name} {record.getMessage()} {record.args!r} {record.exc_text or ''}".encode()
        for record in caplog.records
        if not record.name.startswith(CLIENT_LOGGERS)
    ]
    assert cells
    # The capture works: the client's own log lines hold the search URLs it sent.
    client_lines = [r.getMessage().encode() for r in caplog.records if r.name.startswith("httpx")]
    assert occurrences(canary.text, client_lines) > 0

    for word in canary.words():
        assert occurrences(word, cells) == 0, f"{word} is in the database"
        assert occurrences(word, files) == 0, f"{word} is in a file of the data folder"
        assert occurrences(word, logs) == 0, f"{word} is in the logs"
        assert occurrences(word, [captured.out.encode(), captured.err.encode()]) == 0
        exported = [response.content for response in sam_reads]
        assert occurrences(word, exported) == 0, f"{word} is in what Sam reads of their own"


def _files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def test_the_check_would_see_a_canary_written_as_is(server_settings: Settings, clock) -> None:
    """The table reader does find a canary that is stored plainly, in either backend."""
    word = "Zebraplain" + secrets.token_hex(6)
    with open_server(server_settings, clock) as server, server.database() as db:
        db.execute(
            "INSERT INTO users (kind, email, created_at) VALUES ('account', ?, 0)",
            (f"{word}@example.org",),
        )
        db.execute("INSERT INTO auth_failures (subject, at) VALUES (?, 0)", (word.encode().hex(),))
        cells = every_cell(db)
    assert occurrences(word, cells) >= 2  # the email as text, the subject as hex
