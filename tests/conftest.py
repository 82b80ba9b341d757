"""Fixtures shared by every test: settings on a fresh database, a fake clock, the CLI.

PostgreSQL comes from ``HEARTWISE_TEST_DATABASE_URL`` (default: a local server with a
database named ``test``). Each test gets a schema of its own, dropped afterwards. Without
a server the PostgreSQL half of the suite is skipped and the summary says so; with
``CI=true`` it fails instead, because CI has to prove both backends.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from fakes import FakeClock

from heartwise.config import Settings
from heartwise.services.journal import Journal
from heartwise.services.workspace import Workspace, open_local_workspace

DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
PG_URL = os.environ.get("HEARTWISE_TEST_DATABASE_URL") or DEFAULT_PG_URL
IN_CI = os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}

_pg_problem = pytest.StashKey[str | None]()
_pg_uses = pytest.StashKey[int]()


def _shown_url(url: str) -> str:
    """The URL without its password, fit for a test report."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _postgres_problem(url: str) -> str | None:
    """Why PostgreSQL at ``url`` cannot be used, or None when it answers."""
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=2, autocommit=True) as connection:
            connection.execute("SELECT 1")
    except Exception as exc:
        return f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc) else ''}"
    return None


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_pg_problem] = _postgres_problem(PG_URL)
    session.config.stash[_pg_uses] = 0


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    uses = config.stash.get(_pg_uses, 0)
    if not uses:
        return
    url = _shown_url(PG_URL)
    problem = config.stash.get(_pg_problem, None)
    if problem is None:
        terminalreporter.write_line(f"PostgreSQL suite ran against {url} ({uses} tests).")
    elif IN_CI:
        terminalreporter.write_line(
            f"PostgreSQL suite FAILED: no server at {url} and CI=true ({problem}).", red=True
        )
    else:
        terminalreporter.write_line(
            f"PostgreSQL suite SKIPPED: no server at {url} "
            "(set HEARTWISE_TEST_DATABASE_URL or start one).",
            yellow=True,
        )


def _url_with_search_path(url: str, schema: str) -> str:
    # libpq reads ``options`` from the query string; %3D is the "=" inside its value.
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for a fresh SQLite journal in this test's own data folder."""
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def pg_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Settings for a fresh PostgreSQL schema, dropped with everything in it afterwards."""
    config = request.config
    config.stash[_pg_uses] = config.stash.get(_pg_uses, 0) + 1
    problem = config.stash.get(_pg_problem, None)
    if problem is not None:
        message = f"PostgreSQL not reachable at {_shown_url(PG_URL)} ({problem})"
        if IN_CI:
            pytest.fail(f"{message}; CI=true requires both backends.", pytrace=False)
        pytest.skip(message)

    import psycopg

    schema = f"hw_{secrets.token_hex(6)}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            yield Settings(
                data_dir=tmp_path / "data", database_url=_url_with_search_path(PG_URL, schema)
            )
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def db_settings(request: pytest.FixtureRequest) -> Settings:
    """The same test on each backend: a fresh SQLite file, then a fresh PostgreSQL schema."""
    name = "settings" if request.param == "sqlite" else "pg_settings"
    value: Settings = request.getfixturevalue(name)
    return value


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 20, 21, 30, tzinfo=timezone(timedelta(hours=1))))


@pytest.fixture
def workspace(db_settings: Settings, clock: FakeClock) -> Iterator[Workspace]:
    with open_local_workspace(db_settings, clock) as ws:
        yield ws


@pytest.fixture
def journal(workspace: Workspace) -> Journal:
    return Journal(workspace)


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


RunCli = Callable[..., CliResult]


@pytest.fixture
def cli(
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> RunCli:
    """Run ``heartwise ARGS...`` in-process through ``main`` on this test's data folder.

    ``input`` becomes standard input. The environment names no real editor, so a test
    that forgets to set ``EDITOR`` fails instead of waiting for one.
    """
    monkeypatch.setenv("HEARTWISE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("HEARTWISE_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("EDITOR", "false")
    monkeypatch.setenv("COLUMNS", "200")
    for name in ("HEARTWISE_DATABASE_URL", "VISUAL", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)

    from heartwise.cli.main import main

    def run(*args: str, input: str | None = None) -> CliResult:
        capsys.readouterr()
        with monkeypatch.context() as scoped:
            if input is not None:
                scoped.setattr(sys, "stdin", io.StringIO(input))
            code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
