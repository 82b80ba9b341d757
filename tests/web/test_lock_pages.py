"""A journal with a passphrase in the browser and over the API: locked until unlocked, locked
again after a while without use or at once on request, and slow to guess."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest
from contracts import PROBLEM_JSON, text_of
from fastapi.testclient import TestClient

from heartwise.config import Settings
from heartwise.domain.entries import make_draft
from heartwise.services import lock
from heartwise.services.journal import Journal
from heartwise.services.workspace import open_local_workspace
from heartwise.web.security import CSRF_COOKIE
from heartwise.web.state import MAX_FAILED_UNLOCKS

PASSPHRASE = "correct horse battery staple"
WRITTEN = "He answered late and I waited."
MakeClient = Callable[[Settings], TestClient]


def lock_journal(settings: Settings, clock) -> None:
    """What `heartwise lock set` does: one entry, then the passphrase, before the app starts."""
    with open_local_workspace(settings, clock) as ws:
        Journal(ws).add(make_draft(WRITTEN, clock()))
        lock.set_lock(ws, PASSPHRASE)


@pytest.fixture
def locked_client(db_settings: Settings, clock, make_client: MakeClient) -> TestClient:
    lock_journal(db_settings, clock)
    return make_client(db_settings)


@pytest.fixture
def locked_sqlite_client(settings: Settings, clock, make_client: MakeClient) -> TestClient:
    lock_journal(settings, clock)
    return make_client(settings)


def unlock_form_token(client: TestClient) -> str:
    page = client.get("/unlock")
    assert page.status_code == 200
    assert 'action="/unlock"' in page.text
    token = client.cookies.get(CSRF_COOKIE)
    assert token
    assert f'name="csrf_token" value="{token}"' in page.text
    return token


def unlock_with_form(client: TestClient, passphrase: str = PASSPHRASE):
    token = unlock_form_token(client)
    return client.post(
        "/unlock", data={"csrf_token": token, "passphrase": passphrase}, follow_redirects=False
    )


def assert_api_locked(client: TestClient) -> None:
    response = client.get("/api/v1/entries")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    problem = response.json()
    assert problem["status"] == 401
    assert problem["title"] == "Your journal is locked"
    assert WRITTEN not in response.text


def assert_api_open(client: TestClient) -> None:
    response = client.get("/api/v1/entries")
    assert response.status_code == 200, response.text
    assert [entry["text"] for entry in response.json()["items"]] == [WRITTEN]


def test_a_locked_journal_sends_pages_to_unlock_and_answers_the_api_with_401(
    locked_client: TestClient,
) -> None:
    for address in ("/", "/entries/1", "/settings", "/safety-plan", "/search?q=late"):
        response = locked_client.get(address, follow_redirects=False)
        assert response.status_code == 303, address
        assert response.headers["location"] == "/unlock"
    assert_api_locked(locked_client)
    assert locked_client.get("/api/v1/entries/1").status_code == 401
    written = locked_client.post("/api/v1/entries", json={"text": "Written while locked."})
    assert written.status_code == 401
    assert written.headers["content-type"].startswith(PROBLEM_JSON)

    page = locked_client.get("/unlock")
    assert page.status_code == 200
    assert "Your journal is locked" in text_of(page.text)
    assert 'type="password"' in page.text
    assert WRITTEN not in page.text


def test_the_unlock_form_refuses_a_wrong_passphrase_then_opens_with_the_right_one(
    locked_client: TestClient,
) -> None:
    wrong = unlock_with_form(locked_client, "not the passphrase")
    assert wrong.status_code == 422
    assert "does not open this journal" in text_of(wrong.text)
    assert 'aria-invalid="true"' in wrong.text
    assert "not the passphrase" not in wrong.text  # never echoed back
    assert_api_locked(locked_client)

    right = unlock_with_form(locked_client)
    assert right.status_code == 303
    assert right.headers["location"] == "/"
    assert PASSPHRASE not in right.text

    timeline = locked_client.get("/", follow_redirects=False)
    assert timeline.status_code == 200
    assert WRITTEN in text_of(timeline.text)
    assert_api_open(locked_client)
    written = locked_client.post("/api/v1/entries", json={"text": "Written after unlocking."})
    assert written.status_code == 201


def test_the_unlock_form_needs_its_csrf_token(locked_sqlite_client: TestClient) -> None:
    unlock_form_token(locked_sqlite_client)
    missing = locked_sqlite_client.post(
        "/unlock", data={"passphrase": PASSPHRASE}, follow_redirects=False
    )
    assert missing.status_code == 403
    forged = locked_sqlite_client.post(
        "/unlock", data={"passphrase": PASSPHRASE, "csrf_token": "forged"}, follow_redirects=False
    )
    assert forged.status_code == 403
    assert_api_locked(locked_sqlite_client)


def test_the_journal_locks_itself_after_the_chosen_idle_time(
    settings: Settings, clock, make_client: MakeClient
) -> None:
    lock_journal(settings, clock)
    client = make_client(dataclasses.replace(settings, lock_after_minutes=5))
    assert client.post("/api/v1/unlock", json={"passphrase": PASSPHRASE}).status_code == 204

    # Use keeps it open: each request starts the idle time again.
    for _ in range(3):
        clock.advance(minutes=4)
        assert_api_open(client)

    clock.advance(minutes=5, seconds=1)
    assert_api_locked(client)
    page = client.get("/", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/unlock"


def test_the_default_idle_time_locks_the_api_again(
    locked_sqlite_client: TestClient, settings: Settings, clock
) -> None:
    assert unlock_with_form(locked_sqlite_client).status_code == 303
    assert_api_open(locked_sqlite_client)

    clock.advance(minutes=settings.lock_after_minutes, seconds=1)

    assert_api_locked(locked_sqlite_client)


def test_lock_now_from_the_settings_page_locks_at_once(locked_client: TestClient) -> None:
    assert unlock_with_form(locked_client).status_code == 303
    settings_page = locked_client.get("/settings")
    assert settings_page.status_code == 200
    assert "Lock now" in settings_page.text
    token = locked_client.cookies.get(CSRF_COOKIE)
    assert re.search(
        rf'<form method="post" action="/lock">\s*<input type="hidden" name="csrf_token" '
        rf'value="{token}">',
        settings_page.text,
    )

    refused = locked_client.post("/lock", follow_redirects=False)
    assert refused.status_code == 403
    assert_api_open(locked_client)

    locked = locked_client.post("/lock", data={"csrf_token": token}, follow_redirects=False)
    assert locked.status_code == 303
    assert locked.headers["location"] == "/unlock"
    assert_api_locked(locked_client)
    assert locked_client.get("/", follow_redirects=False).status_code == 303


def test_the_api_unlocks_and_locks_with_json(locked_client: TestClient) -> None:
    wrong = locked_client.post("/api/v1/unlock", json={"passphrase": "not the passphrase"})
    assert wrong.status_code == 422
    assert wrong.headers["content-type"].startswith(PROBLEM_JSON)
    assert wrong.json()["field"] == "passphrase"
    assert "not the passphrase" not in wrong.text
    assert locked_client.post("/api/v1/unlock", json={}).status_code == 422
    as_form = locked_client.post("/api/v1/unlock", data={"passphrase": PASSPHRASE})
    assert as_form.status_code == 415
    assert_api_locked(locked_client)

    opened = locked_client.post("/api/v1/unlock", json={"passphrase": PASSPHRASE})
    assert opened.status_code == 204
    assert opened.content == b""
    assert_api_open(locked_client)

    assert locked_client.post("/api/v1/lock", json={}).status_code == 204
    assert_api_locked(locked_client)


def test_repeated_wrong_passphrases_are_paused_with_retry_after(
    locked_sqlite_client: TestClient, clock
) -> None:
    for _ in range(MAX_FAILED_UNLOCKS):
        wrong = locked_sqlite_client.post("/api/v1/unlock", json={"passphrase": "guess guess"})
        assert wrong.status_code == 422

    paused = locked_sqlite_client.post("/api/v1/unlock", json={"passphrase": "guess guess"})

    assert paused.status_code == 429
    assert paused.headers["content-type"].startswith(PROBLEM_JSON)
    assert paused.json()["status"] == 429
    retry_after = int(paused.headers["retry-after"])
    assert 0 < retry_after <= 10 * 60 + 1
    # Even the right passphrase waits: otherwise the pause would tell a guess apart.
    right_too_soon = locked_sqlite_client.post("/api/v1/unlock", json={"passphrase": PASSPHRASE})
    assert right_too_soon.status_code == 429
    form = unlock_with_form(locked_sqlite_client)
    assert form.status_code == 429
    assert "retry-after" in form.headers
    assert_api_locked(locked_sqlite_client)

    clock.advance(seconds=retry_after)
    assert (
        locked_sqlite_client.post("/api/v1/unlock", json={"passphrase": PASSPHRASE}).status_code
        == 204
    )
    assert_api_open(locked_sqlite_client)


def test_a_journal_without_a_lock_needs_no_token_on_loopback(client: TestClient) -> None:
    assert "authorization" not in {name.lower() for name in client.headers}
    written = client.post("/api/v1/entries", json={"text": WRITTEN})
    assert written.status_code == 201
    assert_api_open(client)
    assert client.get("/", follow_redirects=False).status_code == 200


def test_unlocking_a_journal_without_a_lock_is_harmless(client: TestClient) -> None:
    assert client.post("/api/v1/entries", json={"text": WRITTEN}).status_code == 201

    assert client.post("/api/v1/unlock", json={"passphrase": "anything at all"}).status_code == 204
    assert_api_open(client)
    assert unlock_with_form(client, "anything at all").status_code == 303
    assert client.post("/api/v1/lock", json={}).status_code == 204
    assert_api_open(client)  # nothing to lock: the key file alone opens this journal


def test_lock_now_is_offered_only_when_the_journal_has_a_passphrase(
    client: TestClient,
) -> None:
    page = client.get("/settings")
    assert page.status_code == 200
    assert "Lock now" not in page.text
    assert 'action="/lock"' not in page.text
    assert "heartwise lock set" in text_of(page.text)


def test_a_lock_set_while_the_app_runs_takes_effect_at_once(
    settings: Settings, clock, make_client: MakeClient
) -> None:
    client = make_client(settings)
    assert client.post("/api/v1/entries", json={"text": WRITTEN}).status_code == 201
    assert_api_open(client)

    with open_local_workspace(settings, clock) as ws:
        lock.set_lock(ws, PASSPHRASE)

    assert_api_locked(client)
    assert client.post("/api/v1/unlock", json={"passphrase": PASSPHRASE}).status_code == 204
    assert_api_open(client)
