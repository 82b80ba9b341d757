"""Fixtures for the web tests: the app in-process over a fresh journal, on both backends."""

from __future__ import annotations

import dataclasses
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from server_kit import Rows, cheap_argon2, stored_rows

from heartwise.config import Settings
from heartwise.web.app import create_app
from heartwise.web.security import CSRF_COOKIE

TEST_HOSTS = ("testserver", "127.0.0.1", "localhost")

MakeApp = Callable[[Settings], FastAPI]
MakeClient = Callable[[Settings], TestClient]


def web_settings(settings: Settings) -> Settings:
    """``settings`` with the TestClient's host name allowed."""
    return dataclasses.replace(settings, allowed_hosts=TEST_HOSTS)


@pytest.fixture
def app_for(clock) -> MakeApp:
    """Build the app for some settings, on the test's fake clock."""

    def make(settings: Settings) -> FastAPI:
        return create_app(web_settings(settings), clock=clock)

    return make


@pytest.fixture
def make_client(app_for: MakeApp) -> Iterator[MakeClient]:
    """Open a client over a new app for some settings; every one is closed afterwards."""
    with ExitStack() as stack:
        yield lambda settings: stack.enter_context(TestClient(app_for(settings)))


@pytest.fixture
def client(db_settings: Settings, make_client: MakeClient) -> TestClient:
    """A browser-like client on the app over a fresh journal (SQLite, then PostgreSQL)."""
    return make_client(db_settings)


@pytest.fixture
def sqlite_client(settings: Settings, make_client: MakeClient) -> TestClient:
    """The same on SQLite only, for tests where the backend makes no difference."""
    return make_client(settings)


@pytest.fixture
def fresh_client(db_settings: Settings, tmp_path: Path, app_for: MakeApp) -> Iterator[TestClient]:
    """A second app over an empty journal of its own, on the same backend as ``client``."""
    if not db_settings.uses_postgres:
        with TestClient(app_for(Settings(data_dir=tmp_path / "fresh"))) as fresh:
            yield fresh
        return

    import psycopg

    url = str(db_settings.database_url)
    schema = f"hw_fresh_{secrets.token_hex(6)}"
    settings = Settings(
        data_dir=tmp_path / "fresh",
        database_url=re.sub(r"search_path%3D\w+", f"search_path%3D{schema}", url),
    )
    with psycopg.connect(re.sub(r"[?&]options=[^&]*", "", url), autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            with TestClient(app_for(settings)) as fresh:
                yield fresh
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def csrf_of(client: TestClient) -> str:
    """Open the timeline as a person would and return the form token it hands out."""
    client.get("/")
    token = client.cookies.get(CSRF_COOKIE)
    assert token, "the timeline should hand out a CSRF cookie"
    return token


@pytest.fixture
def csrf(client: TestClient) -> str:
    return csrf_of(client)


# -- a multi-user server, for the server API and security tests ------------------------------


@pytest.fixture
def cheap_hashing() -> Iterator[None]:
    """Only the Argon2id cost constants change. Server tests sign up and sign in dozens of
    times (the rate-limit tests fail more than fifty sign-ins each); what the API answers,
    and what the limits count, do not depend on what a hash costs."""
    with cheap_argon2():
        yield


@pytest.fixture
def server_settings(db_settings: Settings) -> Settings:
    return dataclasses.replace(db_settings, multi_user=True)


@pytest.fixture
def server_app(server_settings: Settings, app_for: MakeApp) -> FastAPI:
    return app_for(server_settings)


@pytest.fixture
def api(server_app: FastAPI) -> Iterator[TestClient]:
    """A client of the server over HTTPS, as an app would call it."""
    with TestClient(server_app, base_url="https://testserver") as client:
        yield client


@pytest.fixture
def rows(server_settings: Settings) -> Rows:
    """Count the rows stored, per table (``server_kit.stored_rows``)."""

    def count(**options: Any) -> dict[str, int]:
        return stored_rows(server_settings, **options)

    return count
