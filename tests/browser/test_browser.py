"""A real browser on the real server: what only a browser can show.

The app runs under uvicorn on a free port of 127.0.0.1; Debian's Chromium is driven by
Playwright. These tests never download a browser: without /usr/bin/chromium they are
skipped, and with ``CI=true`` they fail, since CI has to run them.
"""

from __future__ import annotations

import dataclasses
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from heartwise.config import Settings
from heartwise.web.app import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
FIXTURES = Path(__file__).parent.parent / "fixtures"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IN_CI = os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def _need_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    if IN_CI:
        pytest.fail(f"{reason}; CI=true requires the browser tests.", pytrace=False)
    pytest.skip(f"{reason}; the browser tests need it.")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def server(settings: Settings) -> Iterator[str]:
    """The app served by uvicorn in a thread; yields its address."""
    import uvicorn

    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.bind(("127.0.0.1", 0))
    port = listening.getsockname()[1]
    app = create_app(dataclasses.replace(settings, host="127.0.0.1", port=port))
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False, server_header=False
    )
    served = uvicorn.Server(config)
    thread = threading.Thread(target=served.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not served.started:
        assert thread.is_alive(), "the server stopped while starting"
        assert time.monotonic() < deadline, "the server did not start within 10 seconds"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        served.should_exit = True
        thread.join(timeout=10)
        listening.close()


@dataclass
class Watch:
    """What a page did behind the person's back: dialogs, errors, requests elsewhere."""

    origin: str
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        def on_console(message: Any) -> None:
            if message.type == "error":
                self.console_errors.append(message.text)

        def on_request(request: Any) -> None:
            if not request.url.startswith((self.origin + "/", "data:")):
                self.elsewhere.append(request.url)

        page.on("dialog", on_dialog)
        page.on("console", on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("request", on_request)

    @property
    def policy_violations(self) -> list[str]:
        return [text for text in self.console_errors if "Content Security Policy" in text]

    def assert_quiet(self) -> None:
        assert self.policy_violations == []
        assert self.page_errors == []
        assert self.dialogs == []
        assert self.elsewhere == []


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(base_url=server, java_script_enabled=True)
    context.set_default_timeout(5_000)
    tab = context.new_page()
    watch = Watch(server)
    watch.attach(tab)
    try:
        yield tab, watch
    finally:
        context.close()


def test_write_an_entry_then_find_it_in_search(page: tuple[Any, Watch]) -> None:
    from playwright.sync_api import expect

    tab, watch = page
    tab.goto("/")
    expect(tab.get_by_text("Nothing here yet.")).to_be_visible()

    tab.get_by_role("navigation", name="Main").get_by_role("link", name="Write").click()
    tab.get_by_label("Your entry").fill(
        "We walked to the lighthouse and I did not check my phone once."
    )
    tab.get_by_label("Mood").fill("8")
    tab.get_by_role("button", name="Save entry").click()

    expect(tab.get_by_role("status")).to_contain_text("Saved.")
    expect(tab.get_by_text("mood 8/10")).to_be_visible()

    tab.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    tab.get_by_label("Words to find").fill("Lighthouse")
    tab.get_by_role("button", name="Search").click()

    expect(tab.get_by_role("status")).to_have_text(
        "1 entry holds all of these words, best matches first."
    )
    expect(tab.locator("ol.entries mark")).to_have_text(["lighthouse"])
    expect(tab.locator("ol.entries")).to_contain_text("We walked to the lighthouse")
    watch.assert_quiet()


PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload=alert(1)>',
    "javascript:window.__pwned=1",
]


def test_script_in_entries_never_runs(page: tuple[Any, Watch], server: str) -> None:
    from playwright.sync_api import expect

    tab, watch = page
    ids = []
    for payload in PAYLOADS:
        body = {"text": f"pwned {payload}", "tags": [payload]}
        created = tab.request.post(f"{server}/api/v1/entries", data=body)
        assert created.status == 201, created.text()
        ids.append(created.json()["id"])
    tab.request.delete(f"{server}/api/v1/entries/{ids[0]}")

    pages = ["/", *(f"/entries/{i}" for i in ids[1:]), f"/entries/{ids[1]}/edit", "/trash"]
    for url in [*pages, "/search?q=pwned"]:
        tab.goto(url)
        assert tab.evaluate("window.__pwned") is None, url
        assert tab.locator("main script, main img, main svg").count() == 0, url
    watch.assert_quiet()

    tab.goto("/search?q=pwned")
    found = tab.locator("ol.entries").inner_text()
    for payload in PAYLOADS[1:]:
        assert f"pwned {payload}" in found
    tab.goto(f"/entries/{ids[2]}")
    expect(tab.locator("article .text")).to_have_text(f"pwned {PAYLOADS[2]}")
    expect(tab.get_by_role("link", name=f"#{PAYLOADS[2]}")).to_be_visible()
    tab.goto("/trash")
    expect(tab.locator("main")).to_contain_text(f"pwned {PAYLOADS[0]}")


def test_an_entry_moved_to_the_trash_comes_back_with_undo(page: tuple[Any, Watch]) -> None:
    from playwright.sync_api import expect

    tab, watch = page
    tab.goto("/entries/new")
    tab.get_by_label("Your entry").fill("I said something unkind.")
    tab.get_by_role("button", name="Save entry").click()

    tab.get_by_role("button", name="Move to trash").click()

    expect(tab.get_by_role("status")).to_contain_text("Moved to the trash.")
    expect(tab.get_by_role("link", name="I said something unkind.")).to_have_count(0)
    tab.get_by_role("button", name="Undo").click()
    expect(tab.get_by_role("status")).to_have_text("Restored from the trash.")
    expect(tab.locator("article .text")).to_have_text("I said something unkind.")
    watch.assert_quiet()


def test_a_jrnl_file_is_imported_through_the_upload_form(page: tuple[Any, Watch]) -> None:
    from playwright.sync_api import expect

    tab, watch = page
    tab.goto("/")
    tab.get_by_role("link", name="Your data").click()
    tab.get_by_role("link", name="Bring in entries").click()

    tab.get_by_label("jrnl").check()
    tab.get_by_label("File").set_input_files(FIXTURES / "jrnl_export.json")
    tab.get_by_role("button", name="Import").click()

    expect(tab.get_by_role("status")).to_contain_text("Imported 4 entries.")
    tab.get_by_role("link", name="See your journal").click()
    expect(tab.locator("ol.entries > li")).to_have_count(4)
    watch.assert_quiet()


def test_the_keyboard_alone_is_enough_to_write(page: tuple[Any, Watch]) -> None:
    from playwright.sync_api import expect

    tab, watch = page
    tab.goto("/entries/new")

    tab.keyboard.press("Tab")
    expect(tab.get_by_role("link", name="Skip to content")).to_be_focused()
    tab.keyboard.press("Enter")
    expect(tab.locator("main")).to_be_focused()
    tab.keyboard.press("Tab")
    expect(tab.get_by_label("Your entry")).to_be_focused()
    tab.keyboard.type("Asked for what I need, calmly.")
    tab.keyboard.press("Tab")
    expect(tab.get_by_label("Mood")).to_be_focused()
    tab.keyboard.type("7")
    tab.keyboard.press("Enter")

    expect(tab.get_by_role("status")).to_contain_text("Saved.")
    expect(tab.locator("article .text")).to_have_text("Asked for what I need, calmly.")
    watch.assert_quiet()


def test_every_field_of_the_write_form_has_a_label(page: tuple[Any, Watch]) -> None:
    from playwright.sync_api import expect

    tab, watch = page
    tab.goto("/entries/new")

    expect(tab.get_by_label("Your entry")).to_have_attribute("name", "text")
    expect(tab.get_by_label("Mood")).to_have_attribute("type", "number")
    expect(tab.get_by_label("When")).to_have_attribute("type", "datetime-local")
    expect(tab.get_by_label("Emotions")).to_have_attribute("name", "emotions")
    expect(tab.get_by_label("Tags")).to_have_attribute("name", "tags")
    unlabelled = tab.evaluate(
        """[...document.querySelectorAll('input:not([type=hidden]), textarea, select')]
            .filter(el => el.labels.length === 0 && !el.getAttribute('aria-label'))
            .map(el => el.name)"""
    )
    assert unlabelled == []
    watch.assert_quiet()
