"""Two people, each in a browser of their own, on a heartwise server: they sign up, link
their accounts with an invite code, and one shares an entry that the other then reads.

The browser, the server in a thread and the watch over each page come from
``test_browser``; only the settings differ: here the server is a multi-user one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest
import test_browser
from test_browser import Watch

from heartwise.config import Settings

pytestmark = pytest.mark.browser
# The same fixtures as there; ``server`` picks up this module's ``settings``.
browser = test_browser.browser
server = test_browser.server

PASSWORD = "lantern meadow copper kettle"
# Eight groups of four letters and digits.
RECOVERY_KEY = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$")
WRITTEN = "We cooked together and I felt close to you <3"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The server of this module has accounts (``heartwise serve --multi-user``)."""
    return dataclasses.replace(settings, multi_user=True)


@pytest.fixture
def two_people(browser: Any, server: str) -> Iterator[tuple[Any, Any, list[Watch]]]:
    contexts = [browser.new_context(base_url=server) for _ in range(2)]
    tabs, watches = [], []
    for context in contexts:
        context.set_default_timeout(5_000)
        tab = context.new_page()
        watch = Watch(server)
        watch.attach(tab)
        tabs.append(tab)
        watches.append(watch)
    try:
        yield tabs[0], tabs[1], watches
    finally:
        for context in contexts:
            context.close()


def sign_up(tab: Any, email: str) -> None:
    from playwright.sync_api import expect

    tab.goto("/signup")
    tab.get_by_label("Email address").fill(email)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Create my account").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Write down your recovery key")
    expect(tab.locator(".recovery-key code")).to_have_text(RECOVERY_KEY)
    tab.get_by_role("link", name="I have written it down: go to my journal").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Your journal")


def open_in_nav(tab: Any, name: str) -> None:
    tab.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True).click()


def unlabelled_fields(tab: Any) -> list[str]:
    found: list[str] = tab.evaluate(
        """[...document.querySelectorAll('input:not([type=hidden]), textarea, select')]
            .filter(el => el.labels.length === 0 && !el.getAttribute('aria-label'))
            .map(el => el.name)"""
    )
    return found


def test_partners_link_and_one_reads_what_the_other_shares(
    two_people: tuple[Any, Any, list[Watch]],
) -> None:
    from playwright.sync_api import expect

    alice, bob, watches = two_people
    sign_up(alice, "alice@example.org")
    sign_up(bob, "bob@example.org")

    open_in_nav(alice, "Partner")
    assert unlabelled_fields(alice) == []
    alice.get_by_role("button", name="Create an invite code").click()
    code = alice.locator(".invite-code code").inner_text()

    open_in_nav(bob, "Partner")
    bob.get_by_label("Invite code", exact=True).fill(code)
    bob.get_by_role("button", name="Link our accounts").click()
    expect(bob.get_by_role("status")).to_contain_text("You are linked.")
    expect(bob.get_by_text("You are linked with alice@example.org")).to_be_visible()

    open_in_nav(alice, "Write")
    alice.get_by_label("Your entry").fill(WRITTEN)
    alice.get_by_label("Mood").fill("8")
    alice.get_by_role("button", name="Save entry").click()
    alice.get_by_role("button", name="Share with my partner").click()
    expect(alice.get_by_role("status")).to_contain_text("Shared.")
    expect(alice.get_by_text("Shared with your partner")).to_be_visible()

    open_in_nav(bob, "Us")
    expect(bob.locator("ol.entries .text")).to_have_text([WRITTEN])
    expect(bob.locator("ol.entries")).to_contain_text("mood 8/10")

    bob.get_by_role("button", name="Sign out").click()
    expect(bob.get_by_role("status")).to_contain_text("You are signed out.")
    bob.goto("/us")
    expect(bob.get_by_role("heading", level=1)).to_have_text("Sign in")
    for watch in watches:
        watch.assert_quiet()
