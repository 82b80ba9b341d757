"""The self-awareness tools and the growth dashboard as pages, on SQLite and PostgreSQL:
forms filled in as a person would, refusals that keep what was typed and store nothing,
and charts that say in words and in a table what they draw."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

import pytest
from contracts import text_of
from fakes import FakeClock
from fastapi.testclient import TestClient

from heartwise.domain.entries import make_draft
from heartwise.services.growth import (
    RealityChecks,
    ThoughtRecords,
    Triggers,
    Urges,
    suggest_traps,
)
from heartwise.services.journal import Journal
from heartwise.services.workspace import Workspace
from heartwise.web.pages.review_words import NOTHING_YET

TRIGGER = {
    "situation": "He read my message at noon and did not answer",
    "category": "unanswered message",
    "emotion": "anxious",
    "intensity": "70",
    "urge": "text him again",
    "what_i_did": "went for a walk",
}
SITUATION = "She came home late and barely said hello."
THOUGHT = "She must be bored of me. She is going to leave me and I will be alone forever."
PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)">'
CHARTS = ("mood", "triggers", "urges", "thoughts", "checks", "traps")


def words(page: str) -> str:
    """What a person reads: ``text_of`` without the space a tag leaves before a full stop."""
    return re.sub(r"\s+([.,;:)])", r"\1", text_of(page))


def send(client: TestClient, url: str, csrf: str, **fields: str | list[str]) -> Any:
    return client.post(url, data={"csrf_token": csrf, **fields}, follow_redirects=False)


def followed(client: TestClient, response: Any) -> str:
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"])
    assert page.status_code == 200, page.text
    return str(page.text)


def field_tag(page: str, field_id: str) -> str:
    match = re.search(rf'<(?:input|textarea|select) id="{field_id}"[^>]*>', page)
    assert match, f"no field {field_id}"
    return match.group(0)


def assert_marked(page: str, field_id: str, error_id: str) -> None:
    """The field is marked invalid and described by the message box, which is on the page."""
    tag = field_tag(page, field_id)
    assert 'aria-invalid="true"' in tag, tag
    described = re.search(r'aria-describedby="([^"]*)"', tag)
    assert described
    assert error_id in described.group(1).split()
    assert re.search(rf'<div class="error" role="alert" id="{error_id}">', page)


def api_list(client: TestClient, resource: str) -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/{resource}")
    assert response.status_code == 200
    records: list[dict[str, Any]] = response.json()
    return records


@contextmanager
def services(client: TestClient) -> Iterator[Workspace]:
    """The app's own workspace, for building data fast: one transaction, no HTTP."""
    with client.app.state.hw.workspace() as ws, ws.db.transaction():  # type: ignore[attr-defined]
        yield ws


def local(moment: datetime) -> str:
    return moment.replace(tzinfo=None).isoformat(timespec="minutes")


# -- the trigger log ---------------------------------------------------------------------------


def test_a_trigger_is_logged_and_listed_newest_first(
    client: TestClient, csrf: str, clock: FakeClock
) -> None:
    page = followed(client, send(client, "/triggers", csrf, **TRIGGER))
    assert "Saved. It is encrypted" in page
    clock.advance(hours=1)
    later = {**TRIGGER, "situation": "Photos of the party", "own_category": "Work"}
    page = followed(client, send(client, "/triggers", csrf, **later))

    shown = words(page)
    assert "2 triggers, newest first." in shown
    assert shown.index("Photos of the party") < shown.index("He read my message at noon")
    assert "anxious, 70 of 100" in shown
    assert "I wanted to: text him again" in shown
    assert "What I did: went for a walk" in shown
    # A category of one's own is offered in the list from then on.
    assert '<option value="Work">Work</option>' in page
    assert [t["category"] for t in api_list(client, "triggers")] == ["Work", "unanswered message"]


def test_a_trigger_is_changed_then_deleted(client: TestClient, csrf: str) -> None:
    send(client, "/triggers", csrf, **TRIGGER)
    (stored,) = api_list(client, "triggers")
    form = client.get(f"/triggers/{stored['id']}/edit").text
    assert 'value="70"' in field_tag(form, "intensity")
    assert '<option value="unanswered message" selected>' in form
    assert f'value="{local(datetime.fromisoformat(stored["occurred_at"]))}"' in form

    fields = {
        **TRIGGER,
        "intensity": "40",
        "occurred_at": local(datetime.fromisoformat(stored["occurred_at"])),
    }
    page = followed(client, send(client, f"/triggers/{stored['id']}/edit", csrf, **fields))

    assert "Your changes are saved." in page
    (changed,) = api_list(client, "triggers")
    assert changed["intensity"] == 40
    assert changed["occurred_at"] == stored["occurred_at"]  # its own time zone kept

    page = followed(client, send(client, f"/triggers/{stored['id']}/delete", csrf))
    assert "Deleted." in page
    assert api_list(client, "triggers") == []
    assert client.get(f"/triggers/{stored['id']}/edit").status_code == 404


@pytest.mark.parametrize("intensity", ["140", "-1", "strong", ""])
def test_an_intensity_off_the_scale_is_refused_and_nothing_is_stored(
    client: TestClient, csrf: str, intensity: str
) -> None:
    response = send(client, "/triggers", csrf, **{**TRIGGER, "intensity": intensity})

    assert response.status_code == 422
    assert "Intensity is a whole number from 0 (barely there) to 100" in response.text
    assert_marked(response.text, "intensity", "trigger-error")
    assert TRIGGER["situation"] in response.text  # what was typed is still there
    assert api_list(client, "triggers") == []


def test_a_refused_change_leaves_the_trigger_as_it_was(client: TestClient, csrf: str) -> None:
    send(client, "/triggers", csrf, **TRIGGER)
    (stored,) = api_list(client, "triggers")

    response = send(
        client, f"/triggers/{stored['id']}/edit", csrf, **{**TRIGGER, "intensity": "140"}
    )

    assert response.status_code == 422
    assert_marked(response.text, "intensity", "trigger-error")
    assert api_list(client, "triggers") == [stored]


def test_a_trigger_needs_a_category(client: TestClient, csrf: str) -> None:
    response = send(client, "/triggers", csrf, **{**TRIGGER, "category": ""})

    assert response.status_code == 422
    assert "Please choose a category, or name your own" in response.text
    assert_marked(response.text, "category", "trigger-error")
    assert_marked(response.text, "own_category", "trigger-error")


# -- the pause ---------------------------------------------------------------------------------


def test_a_pause_says_when_it_ends_then_asks_how_it_went(
    client: TestClient, csrf: str, clock: FakeClock
) -> None:
    start = client.get("/pause").text
    options = re.findall(r'<option value="(\d+)"( selected)?>', start)
    assert options == [
        ("5", ""),
        ("10", ""),
        ("15", " selected"),
        ("20", ""),
        ("30", ""),
        ("60", ""),
    ]

    response = send(client, "/urges", csrf, urge="check his phone", wait_minutes="15")
    page = followed(client, response)

    assert "Your pause ends at 21:45." in words(page)
    assert len(re.findall(r"<li>", page.split('class="ideas"')[1].split("</ul>")[0])) == 4
    assert "The urge passed" in page
    assert "I acted on it" in page
    assert 'http-equiv="refresh"' not in page  # it never moves under someone reading
    assert "Pauses running now" in client.get("/pause").text
    assert "How did it go?" not in client.get("/pause").text

    clock.advance(minutes=16)
    asked = client.get("/pause").text
    assert "How did it go?" in asked
    assert "check his phone" in asked.split("How did it go?")[1].split("Start a pause")[0]

    urge_id = response.headers["location"].rsplit("/", 1)[1]
    done = followed(client, send(client, f"/urges/{urge_id}/outcome", csrf, outcome="passed"))
    assert "Recorded: the urge passed. You waited it out." in done
    assert "How did it go?" not in done
    assert "passed," in words(done.split("Recent pauses")[1])


def test_an_outcome_given_twice_shows_the_services_message(client: TestClient, csrf: str) -> None:
    urge_id = api_urge(client)
    send(client, f"/urges/{urge_id}/outcome", csrf, outcome="passed")

    again = send(client, f"/urges/{urge_id}/outcome", csrf, outcome="acted")

    assert again.status_code == 422
    assert "You already recorded how this urge went" in words(again.text)
    assert "you recorded that the urge passed" in words(again.text)
    assert api_list(client, "urges")[0]["outcome"]["passed"] is True


def api_urge(client: TestClient) -> int:
    made = client.post("/api/v1/urges", json={"urge": "ask again", "wait_minutes": 5})
    assert made.status_code == 201
    urge_id: int = made.json()["id"]
    return urge_id


@pytest.mark.parametrize("wait", ["0", "1441", "soon"])
def test_a_wait_off_the_scale_is_refused(client: TestClient, csrf: str, wait: str) -> None:
    response = send(client, "/urges", csrf, urge="send an angry message", wait_minutes=wait)

    assert response.status_code == 422
    assert "A pause lasts from 1 minute to 1,440 minutes" in response.text
    assert_marked(response.text, "wait_minutes", "pause-error")
    assert 'value="send an angry message"' in response.text
    assert api_list(client, "urges") == []


def test_an_outcome_is_one_of_the_two_buttons(client: TestClient, csrf: str) -> None:
    urge_id = api_urge(client)

    response = send(client, f"/urges/{urge_id}/outcome", csrf, outcome="maybe")

    assert response.status_code == 422
    assert "Please say whether the urge passed" in response.text
    assert api_list(client, "urges")[0]["outcome"] is None


# -- thought records ---------------------------------------------------------------------------


def first_step(**extra: str) -> dict[str, str]:
    return {
        "situation": SITUATION,
        "thought": THOUGHT,
        "before_name_1": "anxious",
        "before_value_1": "80",
        **extra,
    }


def hidden_fields(page: str) -> dict[str, str | list[str]]:
    fields: dict[str, str | list[str]] = {}
    for name, raw in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page):
        value = html.unescape(raw)
        if name == "noticed":
            fields.setdefault("noticed", []).append(value)  # type: ignore[union-attr]
        elif name != "csrf_token":
            fields[name] = value
    return fields


def test_a_thought_record_is_written_in_two_steps(client: TestClient, csrf: str) -> None:
    step_two = send(client, "/thought-records/new", csrf, **first_step())
    assert step_two.status_code == 200
    page = step_two.text
    assert "Step 2 of 2" in page
    assert "heartwise noticed these thinking traps; tick the ones that fit." in page
    noticed = suggest_traps(f"{SITUATION}\n{THOUGHT}")
    assert noticed, "the example should show at least one thinking trap"
    assert re.findall(r'name="traps" value="(\w+)" checked', page) == noticed
    assert api_list(client, "thought-records") == []  # the first step stores nothing

    fields = {
        **hidden_fields(page),
        "traps": [noticed[0]],
        "evidence_for": "She was quiet.",
        "evidence_against": "She kissed me goodnight.",
        "other_explanations": "A long day at work.",
        "balanced_thought": "She was tired; that is not the same as leaving.",
        "after_name_1": "anxious",
        "after_value_1": "40",
    }
    saved = followed(client, send(client, "/thought-records", csrf, **fields))

    shown = words(saved)
    for written in (SITUATION, "She kissed me goodnight.", "A long day at work."):
        assert written in shown
    assert "anxious 80" in shown
    assert "anxious 40" in shown
    assert "your feelings were 80 of 100 before and 40 after" in shown
    (stored,) = api_list(client, "thought-records")
    assert stored["traps"] == [noticed[0]]
    assert (stored["emotions_before"], stored["emotions_after"]) == (
        {"anxious": 80},
        {"anxious": 40},
    )
    assert "She must be bored of me." in client.get("/thought-records").text


def test_the_first_step_refuses_a_missing_thought_and_a_strength_off_the_scale(
    client: TestClient, csrf: str
) -> None:
    no_thought = send(client, "/thought-records/new", csrf, **first_step(thought=" "))
    too_strong = send(client, "/thought-records/new", csrf, **first_step(before_value_1="140"))

    assert no_thought.status_code == 422
    assert "Please write the thought that came" in no_thought.text
    assert_marked(no_thought.text, "thought", "record-error")
    assert too_strong.status_code == 422
    assert "How strong each emotion felt is a whole number from 0 to 100." in too_strong.text
    assert_marked(too_strong.text, "before_value_1", "record-error")
    assert SITUATION in too_strong.text
    assert api_list(client, "thought-records") == []


def test_a_refused_second_step_keeps_everything_and_stores_nothing(
    client: TestClient, csrf: str
) -> None:
    page = send(client, "/thought-records/new", csrf, **first_step()).text
    fields = {
        **hidden_fields(page),
        "traps": ["labeling"],
        "evidence_against": "She kissed me goodnight.",
        "after_name_1": "anxious",
        "after_value_1": "140",
    }

    refused = send(client, "/thought-records", csrf, **fields)

    assert refused.status_code == 422
    assert_marked(refused.text, "after_value_1", "record-error")
    assert "She kissed me goodnight." in refused.text
    assert re.findall(r'name="traps" value="(\w+)" checked', refused.text) == ["labeling"]
    assert api_list(client, "thought-records") == []
    unknown = send(
        client,
        "/thought-records",
        csrf,
        **{**fields, "after_value_1": "20", "traps": ["astrology"]},
    )
    assert unknown.status_code == 422
    assert "not one heartwise knows" in unknown.text
    assert api_list(client, "thought-records") == []


def test_step_one_can_be_changed_from_step_two(client: TestClient, csrf: str) -> None:
    page = send(client, "/thought-records/new", csrf, **first_step()).text

    back = send(client, "/thought-records/new", csrf, **hidden_fields(page), back="1")

    assert back.status_code == 200
    assert "Step 1 of 2" in back.text
    assert SITUATION in back.text
    assert 'value="80"' in field_tag(back.text, "before_value_1")


def test_without_the_reading_of_words_no_trap_is_ticked_for_you(
    client: TestClient, csrf: str
) -> None:
    assert send(client, "/settings", csrf, analysis="off").status_code == 303

    page = send(client, "/thought-records/new", csrf, **first_step()).text

    assert "Do you recognise any of these thinking traps?" in page
    assert " checked" not in page


# -- reality checks ----------------------------------------------------------------------------


def test_a_reality_check_before_and_after(client: TestClient, csrf: str, clock: FakeClock) -> None:
    before = {"event": "Her office party", "expected": "7", "fear": "I will be left out"}
    page = followed(client, send(client, "/reality-checks", csrf, **before))
    assert "After the event, come back" in page
    waiting = page.split("Waiting for how it went")[1].split("Expected and what happened")[0]
    assert "Her office party" in waiting
    (check,) = api_list(client, "reality-checks")

    clock.advance(days=1)
    after = {"actual": "3", "what_happened": "We danced; I knew more people than I thought."}
    page = followed(client, send(client, f"/reality-checks/{check['id']}/outcome", csrf, **after))

    expected = "You expected 7 out of 10, and it was 3. It went better than you feared."
    assert expected in words(page)
    assert "We danced" in page
    listed = words(client.get("/reality-checks").text)
    assert "Nothing is waiting." in listed
    assert expected in listed
    again = send(client, f"/reality-checks/{check['id']}/outcome", csrf, actual="9")
    assert again.status_code == 422
    assert "already recorded for this reality check" in again.text
    assert api_list(client, "reality-checks")[0]["outcome"]["actual"] == 3


def test_an_after_dated_before_its_before_is_refused(
    client: TestClient, csrf: str, clock: FakeClock
) -> None:
    send(client, "/reality-checks", csrf, event="Dinner with his parents", expected="8")
    (check,) = api_list(client, "reality-checks")
    too_early = local(clock.now - timedelta(days=1))

    response = send(
        client, f"/reality-checks/{check['id']}/outcome", csrf, actual="2", at=too_early
    )

    assert response.status_code == 422
    assert "cannot be dated before the reality check was written" in response.text
    assert_marked(response.text, "at", "after-error")
    assert f'value="{too_early}"' in field_tag(response.text, "at")
    assert api_list(client, "reality-checks")[0]["outcome"] is None


def test_an_expectation_off_the_scale_is_refused(client: TestClient, csrf: str) -> None:
    response = send(client, "/reality-checks", csrf, event="The weekend", expected="11")

    assert response.status_code == 422
    assert "How bad you expect it to be is a whole number from 0" in response.text
    assert_marked(response.text, "expected", "before-error")
    assert api_list(client, "reality-checks") == []


# -- every form --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "fields"),
    [
        ("/triggers", TRIGGER),
        ("/urges", {"urge": "check", "wait_minutes": "15"}),
        ("/thought-records/new", first_step()),
        ("/thought-records", first_step()),
        ("/reality-checks", {"event": "party", "expected": "5"}),
    ],
)
def test_a_form_without_its_token_is_refused_and_changes_nothing(
    client: TestClient, url: str, fields: dict[str, str]
) -> None:
    client.get("/")  # the browser holds a token, but this form does not carry it

    response = client.post(url, data=fields, follow_redirects=False)

    assert response.status_code == 403
    for resource in ("triggers", "urges", "thought-records", "reality-checks"):
        assert api_list(client, resource) == []


def test_what_a_person_wrote_is_escaped_on_every_page(
    client: TestClient, csrf: str, clock: FakeClock
) -> None:
    send(client, "/triggers", csrf, **{**TRIGGER, "situation": PAYLOAD, "own_category": PAYLOAD})
    started = send(client, "/urges", csrf, urge=PAYLOAD, wait_minutes="15")
    urge_id = started.headers["location"].rsplit("/", 1)[1]
    page = send(client, "/thought-records/new", csrf, situation=PAYLOAD, thought=PAYLOAD).text
    send(client, "/thought-records", csrf, **hidden_fields(page), evidence_for=PAYLOAD)
    send(client, "/reality-checks", csrf, event=PAYLOAD, expected="4", fear=PAYLOAD)
    (trigger,) = api_list(client, "triggers")
    (record,) = api_list(client, "thought-records")
    (check,) = api_list(client, "reality-checks")
    clock.advance(hours=1)
    send(client, f"/reality-checks/{check['id']}/outcome", csrf, actual="2", what_happened=PAYLOAD)

    pages = [
        "/triggers",
        f"/triggers/{trigger['id']}/edit",
        "/pause",
        f"/urges/{urge_id}",
        "/thought-records",
        f"/thought-records/{record['id']}",
        "/reality-checks",
        f"/reality-checks/{check['id']}",
        "/dashboard",
    ]
    assert "&lt;script&gt;" in page
    for url in pages:
        shown = client.get(url)
        assert shown.status_code == 200, url
        assert "<script" not in shown.text, url
        assert "<img src=x" not in shown.text, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown.text, url


# -- the dashboard -----------------------------------------------------------------------------


def chart_sections(page: str) -> dict[str, str]:
    return dict(
        re.findall(
            r'<section class="part chart-part" aria-labelledby="(\w+)-heading">(.*?)</section>',
            page,
            re.S,
        )
    )


def table_rows(section: str) -> list[list[str]]:
    body = section.split("<tbody>")[1].split("</tbody>")[0]
    return [
        [words(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def assert_labelled_chart(section: str) -> None:
    """An image named by its own title and description, with its numbers in a table."""
    svg = re.search(r"<svg [^>]*>", section)
    assert svg, "no chart drawn"
    assert 'role="img"' in svg.group(0)
    title_id, desc_id = re.search(r'aria-labelledby="([^" ]+) ([^"]+)"', svg.group(0)).groups()  # type: ignore[union-attr]
    assert re.search(rf'<title id="{title_id}">[^<]+</title>', section)
    assert re.search(rf'<desc id="{desc_id}">[^<]+</desc>', section)
    assert "<details" in section
    assert "<table>" in section
    assert '<th scope="col">' in section
    assert " style=" not in section


def test_the_dashboard_with_nothing_yet(client: TestClient) -> None:
    page = client.get("/dashboard")

    assert page.status_code == 200
    sections = chart_sections(page.text)
    assert list(sections) == list(CHARTS)
    assert "<svg" not in page.text
    assert "<table" not in page.text
    assert "No moods yet." in sections["mood"]
    assert "No triggers noted yet." in sections["triggers"]


def test_the_dashboard_with_one_of_each(client: TestClient, csrf: str, clock: FakeClock) -> None:
    one_of_each(client, csrf, clock)

    page = client.get("/dashboard").text

    sections = chart_sections(page)
    for key in CHARTS:
        assert_labelled_chart(sections[key])
    assert table_rows(sections["mood"]) == [["16 Nov 2026", "7"]]
    assert table_rows(sections["triggers"]) == [["16 Nov 2026", "1"]]
    assert table_rows(sections["urges"]) == [["16 Nov 2026", "1", "0"]]
    assert table_rows(sections["checks"]) == [["20 Nov 2026", "7", "3"]]
    assert table_rows(sections["traps"]) == [["Mind reading", "1"]]
    (record,) = api_list(client, "thought-records")
    assert table_rows(sections["thoughts"]) == [["20 Nov 2026", "80", "40"]]
    assert f'<a href="/thought-records/{record["id"]}">' in sections["thoughts"]
    desc = re.search(r"<desc [^>]*>([^<]+)</desc>", sections["urges"]).group(1)  # type: ignore[union-attr]
    assert "In all, 1 of 1 urge passed." in desc


def one_of_each(client: TestClient, csrf: str, clock: FakeClock) -> None:
    assert client.post("/api/v1/entries", json={"text": "A calm evening", "mood": 7}).is_success
    send(client, "/triggers", csrf, **TRIGGER)
    urge_id = api_urge(client)
    send(client, f"/urges/{urge_id}/outcome", csrf, outcome="passed")
    page = send(client, "/thought-records/new", csrf, **first_step()).text
    fields = {**hidden_fields(page), "traps": ["mind_reading"], "after_name_1": "anxious"}
    send(client, "/thought-records", csrf, **fields, after_value_1="40")
    send(client, "/reality-checks", csrf, event="Party", expected="7")
    (check,) = api_list(client, "reality-checks")
    send(client, f"/reality-checks/{check['id']}/outcome", csrf, actual="3")


def five_years(ws: Workspace, clock: FakeClock) -> datetime:
    """A journal entry with a mood and a trigger every day for five years; every week a
    pause with its outcome, a thought record and a completed reality check."""
    now = clock.now
    first = now - timedelta(days=5 * 365)
    journal, triggers = Journal(ws), Triggers(ws)
    urges, records, checks = Urges(ws), ThoughtRecords(ws), RealityChecks(ws)
    for day in range(5 * 365):
        clock.now = first + timedelta(days=day)
        journal.add(make_draft(f"Day {day}", clock.now, mood=1 + day % 10))
        triggers.create("Late reply", ("work", "social media")[day % 2], "anxious", day % 101)
        if day % 7 == 0:
            urges.record_outcome(urges.create("Check", 5).id, day % 3 != 0)
            records.create(
                "Dinner",
                "Bored of me",
                emotions_before={"sad": 70},
                emotions_after={"sad": 30},
                traps=["mind_reading"],
            )
            checks.record_outcome(checks.create("Party", 6).id, 2)
    clock.now = now
    return first


def test_the_dashboard_over_five_years_of_daily_data(client: TestClient, clock: FakeClock) -> None:
    with services(client) as ws:
        five_years(ws, clock)

    page = client.get("/dashboard")

    assert page.status_code == 200
    sections = chart_sections(page.text)
    for key in CHARTS:
        assert_labelled_chart(sections[key])
    for key in CHARTS[:-1]:
        rows = table_rows(sections[key])
        assert 50 < len(rows) <= 150, key
        assert '<th scope="col">Month</th>' in sections[key], key
    triggers = table_rows(sections["triggers"])
    assert sum(int(n) for row in triggers for n in row[1:]) == 5 * 365
    assert page.text.count("<circle") <= 2 * 150  # points are grouped, never one per day

    spring = client.get("/dashboard?from=2026-03-02&to=2026-05-31").text
    assert '<th scope="col">Week of</th>' in chart_sections(spring)["triggers"]
    assert len(table_rows(chart_sections(spring)["triggers"])) == 13


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2026-05-01", "2026-04-01", "The start of the date range is after its end."),
        ("someday", "", "is not a date and time heartwise can read"),
    ],
)
def test_the_dashboard_range_is_checked(
    client: TestClient, start: str, end: str, message: str
) -> None:
    response = client.get("/dashboard", params={"from": start, "to": end})

    assert response.status_code == 422
    assert message in response.text
    assert_marked(response.text, "from", "range-error")


# -- the weekly review -------------------------------------------------------------------------


def test_the_weekly_review_in_plain_words(client: TestClient, clock: FakeClock) -> None:
    """By hand: the last 7 days are (13 Nov 21:30, 20 Nov 21:30]; the week before them ends
    at 13 Nov 21:30 exactly, so a trigger at that moment belongs to the earlier week."""
    now = clock.now
    day = timedelta(days=1)
    with services(client) as ws:
        triggers = Triggers(ws)
        for moment in [now - n * day for n in (1, 2, 3, 4, 5)] + [
            now - 7 * day,
            now - 8 * day,
            now - 9 * day,
            now - 20 * day,
        ]:
            triggers.create("Late reply", "time apart", "anxious", 50, occurred_at=moment)
        urges = Urges(ws)
        for when, outcomes in (
            (now - 2 * day, [True] * 4 + [False] * 2),
            (now - 10 * day, [True, True, False]),
        ):
            clock.now = when
            for passed in outcomes:
                urges.record_outcome(urges.create("Check").id, passed)
        checks = RealityChecks(ws)
        for expected, actual, at in ((7, 3, now - day), (5, 2, now - day), (6, 6, now - 9 * day)):
            made = checks.create("Party", expected, created_at=at - 2 * day)
            checks.record_outcome(made.id, actual, at=at)
        records = ThoughtRecords(ws)
        for when, name, before, after in (
            (now - 2 * day, "anxious", 80, 50),
            (now - 4 * day, "sad", 60, 40),
            (now - 10 * day, "sad", 50, 50),
        ):
            records.create(
                "Dinner",
                "Bored of me",
                created_at=when,
                emotions_before={name: before},
                emotions_after={name: after},
            )
    clock.now = now

    page = client.get("/review").text

    said = [words(item) for item in re.findall(r"<li>(.*?)</li>", page.split('class="review"')[1])]
    assert said == [
        "You noticed 5 triggers (3 the week before).",
        "4 of 6 urges passed (the week before: 2 of 3).",
        "2 reality checks came back; in both, it went better than you feared.",
        "You wrote 2 thought records (1 the week before). On average, your feelings eased "
        "by 25 points from before to after.",
    ]


def test_the_weekly_review_with_nothing_yet_is_gentle(client: TestClient) -> None:
    page = client.get("/review").text

    assert words(NOTHING_YET) in words(page)
    for word in ("streak", "score", "failed", "should"):
        assert word not in words(page).lower()


def test_the_tools_are_one_step_from_every_page(client: TestClient) -> None:
    nav = client.get("/").text.split('aria-label="Main"')[1].split("</nav>")[0]
    assert 'href="/tools"' in nav
    assert 'href="/dashboard"' in nav

    tools = client.get("/tools").text
    for url in (
        "/triggers",
        "/pause",
        "/thought-records",
        "/reality-checks",
        "/dashboard",
        "/review",
    ):
        assert f'href="{url}"' in tools
