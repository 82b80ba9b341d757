"""What protects a journal in a browser: headers, hosts, origins, escaping, and no leaks."""

from __future__ import annotations

import logging
import re
import secrets
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from heartwise.config import Settings

PAGES = [
    "/",
    "/?tag=us",
    "/?page=2",
    "/entries/new",
    "/entries/1",
    "/entries/1/edit",
    "/trash",
    "/search",
    "/search?q=evening",
    "/export",
    "/import",
    "/entries/999",  # the not-found page
]
API = [
    "/api/v1/entries",
    "/api/v1/entries/1",
    "/api/v1/entries/999",
    "/api/v1/trash",
    "/api/v1/search?q=evening",
    "/api/v1/search?q=",
    "/api/v1/openapi.json",
    "/api/v1/export?format=json",
    "/export/download?format=csv",
]


@pytest.fixture
def journal_with_entries(sqlite_client: TestClient) -> TestClient:
    """A journal holding an entry to read and another in the trash."""
    for text in ("A calm evening together", "Thrown away"):
        sqlite_client.post("/api/v1/entries", json={"text": text, "tags": ["us"], "mood": 6})
    sqlite_client.delete("/api/v1/entries/2")
    return sqlite_client


def count_entries(client: TestClient) -> int:
    total: int = client.get("/api/v1/entries").json()["total"]
    return total + len(client.get("/api/v1/trash").json())


# -- headers ---------------------------------------------------------------------------------


def assert_protected(response: Response) -> None:
    policy = response.headers["content-security-policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("url", PAGES + API)
def test_every_answer_is_protected_and_never_cached(
    journal_with_entries: TestClient, url: str
) -> None:
    response = journal_with_entries.get(url)

    assert response.status_code in (200, 404, 422)
    assert_protected(response)
    assert response.headers["cache-control"] == "no-store"


def test_writes_errors_and_redirects_are_protected_too(journal_with_entries: TestClient) -> None:
    client = journal_with_entries
    client.get("/")
    token = client.cookies["hw_csrf"]
    answers = [
        client.post("/api/v1/entries", json={"text": "New"}),
        client.post("/api/v1/entries", json={"text": "New", "mood": 99}),
        client.post("/api/v1/entries", content=b"x", headers={"content-type": "text/plain"}),
        client.patch("/api/v1/entries/1", json={"mood": 2}),
        client.delete("/api/v1/entries/3"),
        client.post("/entries", data={"text": "Form", "csrf_token": token}, follow_redirects=False),
        client.post("/entries", data={"text": "Form"}),
        client.post("/entries", data={"text": "Form", "mood": "12", "csrf_token": token}),
    ]

    assert [a.status_code for a in answers] == [201, 422, 415, 200, 204, 303, 403, 422]
    for answer in answers:
        assert_protected(answer)
        assert answer.headers["cache-control"] == "no-store"


def test_the_style_sheet_may_be_cached(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/static/style.css")

    assert response.status_code == 200
    assert_protected(response)
    assert "no-store" not in response.headers["cache-control"]
    assert "max-age" in response.headers["cache-control"]


def test_pages_cannot_be_framed_and_the_token_cookie_stays_on_this_site(
    sqlite_client: TestClient,
) -> None:
    response = sqlite_client.get("/")

    assert response.headers["x-frame-options"] == "DENY"
    cookie = response.headers["set-cookie"].lower()
    assert cookie.startswith("hw_csrf=")
    assert "httponly" in cookie
    assert "samesite=strict" in cookie


# -- hosts and origins -----------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/api/v1/entries", "/static/style.css"])
def test_another_host_name_is_refused(sqlite_client: TestClient, url: str) -> None:
    # A page on evil.example that rebinds its name to 127.0.0.1 still sends its own Host.
    response = sqlite_client.get(url, headers={"host": "evil.example"})

    assert response.status_code == 400
    assert "A calm" not in response.text


def test_a_write_to_another_host_name_stores_nothing(journal_with_entries: TestClient) -> None:
    before = count_entries(journal_with_entries)

    response = journal_with_entries.post(
        "/api/v1/entries", json={"text": "Rebound"}, headers={"host": "evil.example:8000"}
    )

    assert response.status_code == 400
    assert count_entries(journal_with_entries) == before


@pytest.mark.parametrize(
    "content_type", ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded"]
)
def test_what_another_site_can_send_without_asking_is_refused(
    journal_with_entries: TestClient, content_type: str
) -> None:
    # A cross-site form or fetch can send these types without a CORS preflight.
    before = count_entries(journal_with_entries)

    response = journal_with_entries.post(
        "/api/v1/entries",
        content=b'{"text": "Posted from another site"}',
        headers={"content-type": content_type, "origin": "https://evil.example"},
    )

    assert response.status_code == 415
    assert count_entries(journal_with_entries) == before


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("POST", "/api/v1/entries"),
        ("PATCH", "/api/v1/entries/1"),
        ("DELETE", "/api/v1/entries/1"),
        ("POST", "/api/v1/trash/2/restore"),
    ],
)
@pytest.mark.parametrize(
    "sender",
    [{"origin": "https://evil.example"}, {"origin": "null", "sec-fetch-site": "cross-site"}],
    ids=["named origin", "hidden origin"],
)
def test_api_writes_from_another_origin_are_refused(
    journal_with_entries: TestClient, method: str, url: str, sender: dict[str, str]
) -> None:
    before = journal_with_entries.get("/api/v1/entries").json()

    response = journal_with_entries.request(method, url, json={"text": "Changed"}, headers=sender)

    assert response.status_code == 403
    assert response.json()["detail"] == (
        "This request came from another website, so heartwise refused it."
    )
    assert journal_with_entries.get("/api/v1/entries").json() == before


def test_the_hosted_api_docs_are_absent(sqlite_client: TestClient) -> None:
    # FastAPI's /docs and /redoc pages load their scripts from a CDN.
    for url in ("/docs", "/redoc", "/docs/oauth2-redirect", "/openapi.json"):
        assert sqlite_client.get(url).status_code == 404


# -- nothing from elsewhere ------------------------------------------------------------------


@pytest.mark.parametrize("url", PAGES)
def test_no_page_loads_or_links_anything_from_another_host(
    journal_with_entries: TestClient, url: str
) -> None:
    page = journal_with_entries.get(url).text

    addresses = re.findall(r'(?:src|href|action|srcset|poster|data)\s*=\s*"([^"]*)"', page)
    assert addresses
    assert [a for a in addresses if not a.startswith(("/", "#"))] == []
    assert re.findall(r"https?://|//[a-z]", page, re.I) == []


@pytest.mark.parametrize("url", PAGES)
def test_no_page_holds_inline_script_or_style(journal_with_entries: TestClient, url: str) -> None:
    page = journal_with_entries.get(url).text.lower()

    assert "<script" not in page
    assert "<style" not in page
    assert " style=" not in page
    assert re.search(r"\son[a-z]+\s*=", page) is None


def test_the_style_sheet_loads_nothing_from_elsewhere(sqlite_client: TestClient) -> None:
    css = sqlite_client.get("/static/style.css").text

    assert "@import" not in css
    assert re.findall(r"url\(|https?://", css) == []


# -- escaping what people write --------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
TEMPLATE = "{{ 7*7 }}"
RAW_MARKUP = ["<script>alert", "<img src=x", "</textarea><b>", "<b>bold"]


@pytest.fixture
def hostile(sqlite_client: TestClient) -> TestClient:
    """A journal whose entry holds markup in its text, tags and emotions, and one in the trash."""
    text = f"{TEMPLATE} {SCRIPT} {IMAGE} </textarea><b>bold</b> after"
    body: dict[str, Any] = {
        "text": text,
        "tags": [SCRIPT, IMAGE, "javascript:alert(1)"],
        "emotions": {"it's 'quoted'": 40},
    }
    created = sqlite_client.post("/api/v1/entries", json=body)
    assert created.status_code == 201, created.text
    thrown = sqlite_client.post("/api/v1/entries", json={**body, "text": "Trash " + text})
    sqlite_client.delete(f"/api/v1/entries/{thrown.json()['id']}")
    return sqlite_client


def assert_no_markup_from_the_entry(page: str) -> None:
    for raw in RAW_MARKUP:
        assert raw not in page
    assert TEMPLATE in page  # shown as written, never evaluated by the templates


@pytest.mark.parametrize(
    "url", ["/", "/entries/1", "/entries/1/edit", "/trash", "/search?q=alert+script"]
)
def test_markup_in_an_entry_is_shown_as_text(hostile: TestClient, url: str) -> None:
    page = hostile.get(url).text

    assert_no_markup_from_the_entry(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page


def test_tags_with_markup_are_escaped_in_text_and_in_links(hostile: TestClient) -> None:
    page = hostile.get("/entries/1").text

    assert "#&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "#&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="/?tag=%3Cscript%3Ealert%281%29%3C/script%3E"' in page
    assert 'href="/?tag=javascript%3Aalert%281%29"' in page
    assert "it&#39;s &#39;quoted&#39; 40" in page


def test_the_edit_form_shows_the_markup_as_field_values(hostile: TestClient) -> None:
    page = hostile.get("/entries/1/edit").text

    assert "&lt;/textarea&gt;&lt;b&gt;bold&lt;/b&gt;" in page
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;, &#34;&gt;&lt;img' in page
    assert page.count("</textarea>") == 1


def test_search_marks_words_inside_markup_without_running_it(hostile: TestClient) -> None:
    page = hostile.get("/search", params={"q": "alert onerror"}).text

    assert "&lt;<mark>script</mark>&gt;" not in page
    assert "{{ 7*7 }} &lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x <mark>onerror</mark>=<mark>alert</mark>(1)&gt;" in page
    assert_no_markup_from_the_entry(page)


@pytest.mark.parametrize(
    "url",
    [
        "/?tag=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        "/?from=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        "/search?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        "/search?q=x&tag=%22%3E%3Cimg%20src=x%3E",
        "/?notice=%3Cscript%3Ealert(1)%3C/script%3E",
        "/?undo=%3Cscript%3Ealert(1)%3C/script%3E",
    ],
)
def test_markup_in_the_address_is_not_reflected(sqlite_client: TestClient, url: str) -> None:
    page = sqlite_client.get(url).text

    assert "<script>alert" not in page
    assert "<img src=x" not in page


def test_an_emotion_named_with_markup_is_refused(sqlite_client: TestClient) -> None:
    response = sqlite_client.post("/api/v1/entries", json={"text": "Hi", "emotions": {SCRIPT: 10}})

    assert response.status_code == 422
    assert "<" not in response.json()["detail"]
    assert sqlite_client.get("/api/v1/entries").json()["total"] == 0


# -- what a person writes stays out of files and logs ----------------------------------------


def canary() -> str:
    return f"canary{secrets.token_hex(6)}"


def leaks(data: bytes, word: str) -> int:
    return sum(data.count(form.encode()) for form in (word, word.upper(), word.capitalize()))


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Capture every logger at DEBUG, including those that do not propagate to the root."""
    caplog.set_level(logging.DEBUG)
    named = ["uvicorn", "uvicorn.error", "uvicorn.access", "fastapi", "starlette", "heartwise"]
    for name in [*logging.root.manager.loggerDict, *named, "psycopg", "psycopg.pool", "asyncio"]:
        caplog.set_level(logging.DEBUG, logger=name)
        logger = logging.getLogger(name)
        if not logger.propagate and caplog.handler not in logger.handlers:
            logger.addHandler(caplog.handler)
    return caplog


def server_side(records: list[logging.LogRecord]) -> str:
    # The test client itself logs each URL it requests; that is the browser, not heartwise.
    return "\n".join(
        record.getMessage()
        for record in records
        if not record.name.startswith(("httpx", "httpcore"))
    )


def use_the_journal(client: TestClient, word: str) -> None:
    """Write, read, search, edit, trash and restore an entry holding ``word`` everywhere."""
    body = {"text": f"My secret {word} is here", "tags": [word], "emotions": {word: 50}}
    entry = client.post("/api/v1/entries", json=body).json()
    assert entry["text"] == f"My secret {word} is here"
    assert client.get(f"/api/v1/search?q={word}").json()["items"]
    assert word in client.get(f"/search?q={word}").text
    assert word in client.get(f"/?tag={word}").text
    client.patch(f"/api/v1/entries/{entry['id']}", json={"text": f"Still {word}, edited"})
    client.delete(f"/api/v1/entries/{entry['id']}")
    client.post(f"/api/v1/trash/{entry['id']}/restore", json={})
    assert client.post("/api/v1/entries", json={"text": word, "mood": 42}).status_code == 422
    client.get("/")
    client.post("/entries", data={"text": f"Typed {word}", "csrf_token": client.cookies["hw_csrf"]})
    client.post("/entries", data={"text": f"Typed {word}", "mood": "99"})
    assert word in client.get("/api/v1/export?format=json").text


def test_written_words_never_reach_the_database_files_or_logs(
    settings: Settings, app_for: Any, all_logs: pytest.LogCaptureFixture, capfd: Any
) -> None:
    word = canary()
    data_dir = Path(settings.data_dir)

    with TestClient(app_for(settings)) as client:
        # The app closes its connection after each request, and the last one to close folds
        # the write-ahead log away; a reader held open here keeps -wal and -shm on disk.
        reader = sqlite3.connect(settings.sqlite_path)
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
        use_the_journal(client, word)

        names = {path.name for path in data_dir.iterdir()}
        assert {"heartwise.db", "heartwise.db-wal", "heartwise.db-shm"} <= names
        assert Path(f"{settings.sqlite_path}-wal").stat().st_size > 0
        for path in data_dir.iterdir():
            assert leaks(path.read_bytes(), word) == 0, f"{word} found in {path.name}"
        reader.close()

    for path in data_dir.iterdir():  # closing moved the write-ahead log into the main file
        assert leaks(path.read_bytes(), word) == 0, f"{word} found in {path.name} after closing"
    assert leaks(server_side(all_logs.records).encode(), word) == 0
    out, err = capfd.readouterr()
    assert leaks((out + err).encode(), word) == 0


def test_written_words_never_reach_postgresql(
    pg_settings: Settings, make_client: Any, all_logs: pytest.LogCaptureFixture
) -> None:
    import psycopg

    word = canary()
    use_the_journal(make_client(pg_settings), word)

    with psycopg.connect(str(pg_settings.database_url)) as connection:
        found = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        tables = [row[0] for row in found]
        assert "entries" in tables
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    raw = bytes(value) if isinstance(value, (bytes, memoryview)) else str(value)
                    data = raw if isinstance(raw, bytes) else raw.encode()
                    assert leaks(data, word) == 0, f"{word} found in table {table}"
    assert leaks(server_side(all_logs.records).encode(), word) == 0
