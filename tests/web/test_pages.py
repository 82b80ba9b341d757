"""The web pages, used the way a person uses them: open a page, fill a form, read the answer."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

FIXTURES = Path(__file__).parent.parent / "fixtures"


# -- a small browser: pages, their forms, and what they say ----------------------------------


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)


class _FormReader(HTMLParser):
    """Collects each form with the values a browser would send if nothing were changed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._inside = False
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("action", ""), a.get("method", "get").lower()))
            self._inside = True
        elif self._inside and tag == "textarea":
            self._textarea = a["name"]
            self.forms[-1].fields[a["name"]] = ""
        elif self._inside and tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind == "file" or (kind in ("radio", "checkbox") and "checked" not in a):
                return
            self.forms[-1].fields[a["name"]] = a.get("value", "")

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.forms[-1].fields[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._inside = False


@dataclass
class Page:
    response: Response

    @property
    def status(self) -> int:
        return self.response.status_code

    @property
    def html(self) -> str:
        return self.response.text

    @property
    def text(self) -> str:
        """What a person reads: no tags, entities decoded, white space collapsed."""
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", self.html)).split())

    def form(self, action: str) -> Form:
        reader = _FormReader()
        reader.feed(self.html)
        matching = [form for form in reader.forms if form.action == action]
        assert matching, f"no form posting to {action} on this page"
        return matching[0]

    def links(self) -> list[str]:
        return [html.unescape(href) for href in re.findall(r'<a [^>]*href="([^"]*)"', self.html)]

    def entry_titles(self) -> list[str]:
        """The entries listed, as the headings a person scans."""
        found = re.findall(r'<h2><a href="/entries/\d+">(.*?)</a></h2>', self.html, re.S)
        return [html.unescape(title) for title in found]


class Visitor:
    """A person with a browser: the cookie jar of ``client`` and the forms of each page."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def open(self, url: str) -> Page:
        return Page(self.client.get(url))

    def submit(
        self, page: Page, action: str, files: dict[str, Any] | None = None, **typed: str
    ) -> Response:
        """Send the form of ``page`` that posts to ``action``, with ``typed`` filled in."""
        form = page.form(action)
        return self.client.post(
            action, data={**form.fields, **typed}, files=files, follow_redirects=False
        )

    def follow(self, response: Response) -> Page:
        assert response.status_code == 303, response.text
        return self.open(response.headers["location"])

    def api_entries(self) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = self.client.get("/api/v1/entries").json()["items"]
        return items

    def write_through_api(self, text: str, **fields: Any) -> dict[str, Any]:
        response = self.client.post("/api/v1/entries", json={"text": text, **fields})
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created


@pytest.fixture
def visitor(sqlite_client: TestClient) -> Visitor:
    return Visitor(sqlite_client)


# -- the timeline and writing ----------------------------------------------------------------


def test_an_empty_journal_invites_a_first_entry(visitor: Visitor) -> None:
    timeline = visitor.open("/")

    assert timeline.status == 200
    assert "Your journal" in timeline.text
    assert "Nothing here yet." in timeline.text
    assert "/entries/new" in timeline.links()
    assert "Write your first entry" in timeline.text


def test_an_entry_written_in_the_form_is_saved_and_shown(client: TestClient, clock) -> None:
    visitor = Visitor(client)
    form = visitor.open("/entries/new")
    assert "What is on your mind?" in form.text

    saved = visitor.submit(
        form,
        "/entries",
        text="He didn't answer for three hours.\r\nI wrote this instead of calling again.",
        mood="4",
        emotions="anxious 70, hopeful 30",
        tags="us, evening",
    )

    assert saved.status_code == 303
    assert re.fullmatch(r"/entries/\d+\?notice=saved", saved.headers["location"])
    entry = visitor.follow(saved)
    assert "Saved. It is encrypted and only you can read it." in entry.text
    assert "He didn't answer for three hours. I wrote this instead of calling again." in entry.text
    assert "mood 4/10" in entry.text
    assert "anxious 70 · hopeful 30" in entry.text
    assert "#us #evening" in entry.text
    assert "Fri 20 Nov 2026, 21:30" in entry.text
    assert visitor.open("/").entry_titles() == [
        "He didn't answer for three hours. I wrote this instead of calling again."
    ]
    [stored] = visitor.api_entries()
    assert (
        stored["text"]
        == "He didn't answer for three hours.\nI wrote this instead of calling again."
    )
    assert stored["occurred_at"] == clock().isoformat()


def test_an_entry_can_be_dated_in_the_past(visitor: Visitor) -> None:
    form = visitor.open("/entries/new")

    entry = visitor.follow(
        visitor.submit(
            form, "/entries", text="Remembering our first trip", occurred_at="2025-08-14T18:05"
        )
    )

    assert "Thu 14 Aug 2025, 18:05" in entry.text


def test_the_timeline_pages_through_many_entries(visitor: Visitor) -> None:
    for n in range(1, 26):
        visitor.write_through_api(
            f"Entry number {n}", occurred_at=f"2026-01-{n:02d}T12:00:00+01:00"
        )

    first = visitor.open("/")
    second = visitor.open("/?page=2")

    assert "25 entries." in first.text
    assert len(first.entry_titles()) == 20
    assert first.entry_titles()[0] == "Entry number 25"
    assert "Page 1 of 2" in first.text
    assert "/?page=2" in first.links()
    assert "Newer" not in first.text
    assert second.entry_titles() == [f"Entry number {n}" for n in range(5, 0, -1)]
    assert "Page 2 of 2" in second.text
    assert "Newer" in second.text
    assert "/?page=1" in second.links()
    assert "Older" not in second.text


def test_the_timeline_shows_one_tag_at_a_time(visitor: Visitor) -> None:
    visitor.write_through_api("Long day at work", tags=["work"])
    visitor.write_through_api("Movie night with him", tags=["us", "fun"])
    visitor.write_through_api("Another movie", tags=["Fun"])

    entry_page = visitor.open("/entries/2")
    assert "/?tag=fun" in entry_page.links()
    tagged = visitor.open("/?tag=fun")

    assert "2 entries tagged #fun." in tagged.text
    assert tagged.entry_titles() == ["Another movie", "Movie night with him"]
    assert "No entries match these filters." in visitor.open("/?tag=holiday").text


def test_the_timeline_filters_by_dates(visitor: Visitor) -> None:
    visitor.write_through_api("Spring worry", occurred_at="2026-04-10T12:00:00+01:00")
    visitor.write_through_api("Summer calm", occurred_at="2026-07-10T12:00:00+01:00")

    page = visitor.open("/?from=2026-06-01&to=2026-08-31")

    assert page.entry_titles() == ["Summer calm"]
    assert page.form("/").fields["from"] == "2026-06-01"


# -- editing ---------------------------------------------------------------------------------


def test_editing_keeps_the_time_zone_when_the_time_is_not_changed(visitor: Visitor) -> None:
    entry = visitor.write_through_api("Written in Mumbai", occurred_at="2026-03-02T21:40:00+05:30")
    edit = visitor.open(f"/entries/{entry['id']}/edit")
    assert "Edit entry" in edit.text
    assert edit.form(f"/entries/{entry['id']}/edit").fields["occurred_at"] == "2026-03-02T21:40"
    assert edit.form(f"/entries/{entry['id']}/edit").fields["text"] == "Written in Mumbai"

    saved = visitor.submit(
        edit, f"/entries/{entry['id']}/edit", text="Written in Mumbai, on the terrace"
    )

    assert saved.headers["location"] == f"/entries/{entry['id']}?notice=updated"
    page = visitor.follow(saved)
    assert "Your changes are saved." in page.text
    assert "Written in Mumbai, on the terrace" in page.text
    [stored] = visitor.api_entries()
    assert stored["occurred_at"] == "2026-03-02T21:40:00+05:30"


def test_editing_the_time_moves_the_entry(visitor: Visitor) -> None:
    entry = visitor.write_through_api("Wrong time", occurred_at="2026-03-02T21:40:00+05:30")
    edit = visitor.open(f"/entries/{entry['id']}/edit")

    visitor.submit(edit, f"/entries/{entry['id']}/edit", occurred_at="2026-03-03T07:15")

    [stored] = visitor.api_entries()
    assert stored["occurred_at"].startswith("2026-03-03T07:15:00")


def test_editing_can_clear_mood_and_tags(visitor: Visitor) -> None:
    entry = visitor.write_through_api("Mixed feelings", mood=5, tags=["us"])
    edit = visitor.open(f"/entries/{entry['id']}/edit")
    assert edit.form(f"/entries/{entry['id']}/edit").fields["mood"] == "5"

    visitor.submit(edit, f"/entries/{entry['id']}/edit", mood="", tags="")

    [stored] = visitor.api_entries()
    assert (stored["mood"], stored["tags"], stored["text"]) == (None, [], "Mixed feelings")


# -- trash -----------------------------------------------------------------------------------


def test_a_deleted_entry_can_be_brought_back_with_undo(visitor: Visitor) -> None:
    entry = visitor.write_through_api("I should not have said that")
    entry_page = visitor.open(f"/entries/{entry['id']}")

    deleted = visitor.submit(entry_page, f"/entries/{entry['id']}/delete")

    assert deleted.headers["location"] == f"/?notice=deleted&undo={entry['id']}"
    timeline = visitor.follow(deleted)
    assert "Moved to the trash. It stays there for 30 days." in timeline.text
    assert "Undo" in timeline.text
    assert timeline.entry_titles() == []
    assert "I should not have said that" in visitor.open("/trash").text

    restored = visitor.follow(visitor.submit(timeline, f"/trash/{entry['id']}/restore"))

    assert "Restored from the trash." in restored.text
    assert "I should not have said that" in restored.text
    assert visitor.open("/").entry_titles() == ["I should not have said that"]
    assert "The trash is empty." in visitor.open("/trash").text


def test_the_trash_page_lists_deleted_entries_with_a_restore_button(visitor: Visitor) -> None:
    assert "The trash is empty." in visitor.open("/trash").text
    kept = visitor.write_through_api("Keep me")
    thrown = visitor.write_through_api("Throw me away")
    visitor.client.delete(f"/api/v1/entries/{thrown['id']}")

    trash = visitor.open("/trash")

    assert "Entries you delete wait here for 30 days" in trash.text
    assert "Throw me away" in trash.text
    assert "Keep me" not in trash.text
    assert "Restore" in trash.text
    visitor.follow(visitor.submit(trash, f"/trash/{thrown['id']}/restore"))
    assert {e["id"] for e in visitor.api_entries()} == {kept["id"], thrown["id"]}


def test_an_unknown_entry_shows_a_kind_not_found_page(visitor: Visitor) -> None:
    page = visitor.open("/entries/42")

    assert page.status == 404
    assert "There is no entry #42." in page.text
    assert "Back to your journal" in page.text


# -- search ----------------------------------------------------------------------------------


def test_the_search_page_marks_the_words_found(visitor: Visitor) -> None:
    visitor.write_through_api("I felt jealous when she texted him at midnight.")
    visitor.write_through_api("A quiet, happy Sunday.")
    search = visitor.open("/search")
    assert "Search your journal" in search.text
    assert "entries hold" not in search.text

    results = visitor.open("/search?q=Jealous")

    assert "1 entry holds all of these words, best matches first." in results.text
    assert "I felt <mark>jealous</mark> when she texted him at midnight." in results.html
    assert "Sunday" not in results.text
    assert results.form("/search").fields["q"] == "Jealous"


def test_a_search_that_finds_nothing_says_so(visitor: Visitor) -> None:
    visitor.write_through_api("A quiet, happy Sunday.")

    results = visitor.open("/search?q=jealous")

    assert "No entry holds all of these words. Fewer or different words may help." in results.text


def test_a_search_without_words_asks_for_one(visitor: Visitor) -> None:
    page = visitor.open("/search?q=%3F%21")

    assert page.status == 200
    assert "Please type at least one word to search for." in page.text


# -- export and import -----------------------------------------------------------------------


def test_the_export_page_offers_three_downloads(visitor: Visitor) -> None:
    visitor.write_through_api("Worth keeping")
    page = visitor.open("/export")

    downloads = [link for link in page.links() if link.startswith("/export/download")]

    assert downloads == [
        "/export/download?format=json",
        "/export/download?format=md",
        "/export/download?format=csv",
    ]
    assert "Exports are not encrypted" in page.text
    for link in downloads:
        response = visitor.client.get(link)
        assert response.status_code == 200
        assert response.headers["content-disposition"].startswith("attachment;")
        assert "Worth keeping" in response.text


def test_a_jrnl_file_can_be_uploaded_on_the_import_page(visitor: Visitor) -> None:
    page = visitor.open("/import")
    assert "/import" in visitor.open("/export").links()
    jrnl = (FIXTURES / "jrnl_export.json").read_bytes()

    response = visitor.submit(
        page, "/import", files={"file": ("journal.json", jrnl, "application/json")}, source="jrnl"
    )

    done = Page(response)
    assert done.status == 200
    assert "Imported 4 entries." in done.text
    assert len(visitor.open("/").entry_titles()) == 4


def test_a_bad_file_on_the_import_page_imports_nothing(visitor: Visitor) -> None:
    page = visitor.open("/import")
    bad = (FIXTURES / "jrnl_bad_date.json").read_bytes()

    response = visitor.submit(
        page, "/import", files={"file": ("journal.json", bad, "application/json")}, source="jrnl"
    )

    answer = Page(response)
    assert answer.status == 422
    assert "The file could not be imported." in answer.text
    assert "Entry 1 of the jrnl file has a date heartwise cannot read" in answer.text
    assert "Nothing from this file was stored." in answer.text
    assert visitor.api_entries() == []


def test_a_heartwise_backup_uploaded_by_default_is_restored(visitor: Visitor) -> None:
    visitor.write_through_api("From the old laptop", tags=["moved"])
    backup = visitor.client.get("/export/download?format=json").content
    visitor.client.delete("/api/v1/entries/1")
    assert visitor.open("/").entry_titles() == []
    page = visitor.open("/import")
    assert page.form("/import").fields["source"] == "heartwise"

    done = Page(
        visitor.submit(page, "/import", files={"file": ("b.json", backup, "application/json")})
    )

    assert "Imported 1 entry." in done.text
    assert visitor.open("/").entry_titles() == ["From the old laptop"]
    assert visitor.open("/?tag=moved").entry_titles() == ["From the old laptop"]


# -- mistakes in the form --------------------------------------------------------------------

TYPED = 'He said "later" <3 & then\nnothing for hours.'


@pytest.mark.parametrize(
    ("field_name", "value", "message"),
    [
        ("mood", "12", "Mood is a whole number from 1 (very low) to 10 (very good), not 12."),
        ("mood", "high", "Mood is a whole number from 1 to 10."),
        (
            "emotions",
            "anxious lots",
            "“anxious lots” is not an emotion heartwise can read. Please give a name and how "
            "strong it is, from 0 to 100, for example “anxious 70, hopeful 30”.",
        ),
        (
            "emotions",
            "anxious 140",
            "The intensity of “anxious” must be a whole number from 0 to 100.",
        ),
        ("occurred_at", "2026-02-30T10:00", "is not a date and time heartwise can read."),
        ("tags", "x" * 51, "A tag can be up to 50 characters."),
    ],
)
def test_a_mistake_in_the_form_keeps_everything_typed(
    visitor: Visitor, field_name: str, value: str, message: str
) -> None:
    form = visitor.open("/entries/new")
    typed = {"text": TYPED, "mood": "3", "emotions": "sad 40", "tags": "us", field_name: value}

    answer = Page(visitor.submit(form, "/entries", **typed))

    assert answer.status == 422
    assert message in answer.text
    assert "What you wrote is still here." in answer.text
    again = answer.form("/entries").fields
    assert again["text"] == TYPED
    assert {name: again[name] for name in typed} == typed
    assert re.search(rf'id="{field_name}"[^>]*aria-invalid="true"', answer.html, re.S)
    assert visitor.api_entries() == []


def test_an_empty_entry_is_not_saved(visitor: Visitor) -> None:
    answer = Page(visitor.submit(visitor.open("/entries/new"), "/entries", text="  ", mood="5"))

    assert answer.status == 422
    assert "An entry needs some text. Even a few words are enough." in answer.text
    assert answer.form("/entries").fields["mood"] == "5"
    assert visitor.api_entries() == []


def test_a_mistake_while_editing_keeps_the_changes_and_the_entry(visitor: Visitor) -> None:
    entry = visitor.write_through_api("Before", mood=5)
    edit = visitor.open(f"/entries/{entry['id']}/edit")

    answer = Page(visitor.submit(edit, f"/entries/{entry['id']}/edit", text=TYPED, mood="0"))

    assert answer.status == 422
    assert "not 0" in answer.text
    assert answer.form(f"/entries/{entry['id']}/edit").fields["text"] == TYPED
    assert visitor.api_entries() == [entry]


# -- forms that did not come from heartwise --------------------------------------------------


def test_a_form_without_its_token_is_refused_and_nothing_is_stored(visitor: Visitor) -> None:
    visitor.open("/")

    response = visitor.client.post("/entries", data={"text": "Forged"}, follow_redirects=False)

    page = Page(response)
    assert page.status == 403
    assert "This form had expired or did not come from heartwise." in page.text
    assert "nothing was changed" in page.text
    assert visitor.api_entries() == []


def test_a_form_with_a_wrong_token_is_refused(visitor: Visitor) -> None:
    form = visitor.open("/entries/new")

    response = visitor.submit(form, "/entries", text="Forged", csrf_token="guessed")

    assert response.status_code == 403
    assert visitor.api_entries() == []


def test_a_form_from_a_browser_without_the_cookie_is_refused(visitor: Visitor) -> None:
    form = visitor.open("/entries/new")
    visitor.client.cookies.clear()

    response = visitor.submit(form, "/entries", text="Forged")

    assert response.status_code == 403
    assert visitor.api_entries() == []


@pytest.mark.parametrize("action", ["delete", "edit"])
def test_changes_to_an_entry_need_the_token(visitor: Visitor, action: str) -> None:
    entry = visitor.write_through_api("Leave me alone")
    visitor.open("/")

    response = visitor.client.post(
        f"/entries/{entry['id']}/{action}", data={"text": "Changed"}, follow_redirects=False
    )

    assert response.status_code == 403
    assert visitor.api_entries() == [entry]


def test_a_restore_and_an_import_need_the_token(visitor: Visitor) -> None:
    entry = visitor.write_through_api("In the trash")
    visitor.client.delete(f"/api/v1/entries/{entry['id']}")
    jrnl = (FIXTURES / "jrnl_export.json").read_bytes()
    visitor.open("/")

    restore = visitor.client.post(f"/trash/{entry['id']}/restore", follow_redirects=False)
    upload = visitor.client.post(
        "/import", data={"source": "jrnl"}, files={"file": ("j.json", jrnl, "application/json")}
    )

    assert (restore.status_code, upload.status_code) == (403, 403)
    assert visitor.api_entries() == []


def test_a_form_sent_from_another_site_is_refused(visitor: Visitor) -> None:
    form = visitor.open("/entries/new")
    fields = {**form.form("/entries").fields, "text": "Forged"}

    refused = visitor.client.post(
        "/entries", data=fields, headers={"Origin": "https://evil.example"}, follow_redirects=False
    )
    accepted = visitor.client.post(
        "/entries", data=fields, headers={"Origin": "http://testserver"}, follow_redirects=False
    )

    assert refused.status_code == 403
    assert "This request came from another website, so heartwise refused it." in Page(refused).text
    assert accepted.status_code == 303
    assert len(visitor.api_entries()) == 1


def test_a_form_from_this_app_is_accepted_when_the_browser_hides_its_origin(
    visitor: Visitor,
) -> None:
    # Under Referrer-Policy: no-referrer, Chromium sends "Origin: null" from our own pages.
    form = visitor.open("/entries/new")
    fields = {**form.form("/entries").fields, "text": "From my own browser"}

    response = visitor.client.post(
        "/entries",
        data=fields,
        headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"},
        follow_redirects=False,
    )

    assert response.status_code == 303
    assert [e["text"] for e in visitor.api_entries()] == ["From my own browser"]


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_form_the_browser_says_came_from_another_site_is_refused(
    visitor: Visitor, site: str
) -> None:
    form = visitor.open("/entries/new")
    fields = {**form.form("/entries").fields, "text": "Forged"}

    response = visitor.client.post(
        "/entries",
        data=fields,
        headers={"Origin": "null", "Sec-Fetch-Site": site},
        follow_redirects=False,
    )

    assert response.status_code == 403
    assert visitor.api_entries() == []
