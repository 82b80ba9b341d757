"""A thought record written through the pages in a real browser, then found on the growth
dashboard: its chart drawn, and the table of the chart listing the record.

The browser, the server in a thread and the watch over the page come from
``test_browser``; nothing on the way may break the Content-Security-Policy.
"""

from __future__ import annotations

from typing import Any

import pytest
import test_browser
from test_browser import Watch

pytestmark = pytest.mark.browser
browser = test_browser.browser
server = test_browser.server
page = test_browser.page

SITUATION = "She came home late and barely said hello."
THOUGHT = "She must be bored of me. She is going to leave me and I will be alone forever."
CHART = "Feelings before and after thought records"


def test_a_thought_record_written_in_the_pages_shows_on_the_dashboard(
    page: tuple[Any, Watch],
) -> None:
    from playwright.sync_api import expect

    tab, watch = page
    nav = tab.get_by_role("navigation", name="Main")
    tab.goto("/")
    nav.get_by_role("link", name="Tools").click()
    tab.get_by_role("link", name="Thought records").click()
    tab.get_by_role("link", name="Write a thought record").click()

    tab.get_by_label("What happened?").fill(SITUATION)
    tab.get_by_label("What went through your mind?").fill(THOUGHT)
    tab.get_by_label("Emotion 1").fill("anxious")
    tab.get_by_label("Strength 1").fill("80")
    tab.get_by_role("button", name="Next: look at the thought").click()

    expect(tab.get_by_text("heartwise noticed these thinking traps")).to_be_visible()
    expect(tab.locator('input[name="traps"]:checked')).not_to_have_count(0)
    tab.get_by_label("What does not fit with it?").fill("She kissed me goodnight.")
    tab.get_by_label("A more balanced thought").fill("She was tired; that is not leaving.")
    tab.get_by_label("Emotion 1").fill("anxious")
    tab.get_by_label("Strength 1").fill("40")
    tab.get_by_role("button", name="Save the thought record").click()

    expect(tab.get_by_role("status")).to_contain_text("Saved.")
    expect(tab.locator("main")).to_contain_text("She kissed me goodnight.")

    nav.get_by_role("link", name="Growth").click()
    chart = tab.get_by_role("region", name=CHART)
    expect(chart.get_by_role("img", name=CHART)).to_be_visible()
    table = chart.get_by_role("table")
    expect(table).to_be_hidden()  # folded away until asked for
    chart.get_by_text("The numbers").click()
    expect(table).to_be_visible()
    rows = table.get_by_role("row")
    expect(rows).to_have_count(2)
    expect(rows.nth(1).get_by_role("cell")).to_have_text(["80", "40"])
    rows.nth(1).get_by_role("link").click()
    expect(tab.locator("main")).to_contain_text(SITUATION)
    watch.assert_quiet()
