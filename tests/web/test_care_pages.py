"""Findings on the entry page, "not this", the settings switch, the safety plan, and
POST /api/v1/analyze: on SQLite and PostgreSQL, through forms as a person uses them."""

from __future__ import annotations

import dataclasses
import html
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from contracts import PROBLEM_JSON, check_findings_shape, text_of
from fastapi.testclient import TestClient

from heartwise.analysis import analyze
from heartwise.config import Settings

SUICIDE = "I want to kill myself tonight"
VIOLENCE = "He hit me again and I'm scared to go home"
# Contempt and criticism are strong rules: blame is asserted whatever the model says.
BLAMING = "Why do you always do this? You're so selfish. Grow up."
CALM_NUMBER = "call your local emergency number"
MakeClient = Callable[[Settings], TestClient]


def write(client: TestClient, text: str) -> int:
    response = client.post("/api/v1/entries", json={"text": text})
    assert response.status_code == 201, response.text
    entry_id: int = response.json()["id"]
    return entry_id


def offered_labels(page: str, entry_id: int) -> list[str]:
    """The labels of the "Not this" buttons on an entry page, in order."""
    forms = re.findall(
        rf'<form method="post" action="/entries/{entry_id}/dismiss">(.*?)</form>', page, re.S
    )
    return [re.search(r'name="label" value="([^"]*)"', form).group(1) for form in forms]


def form_fields(page: str, action: str) -> dict[str, str]:
    """The hidden and text fields of the form posting to ``action``, as a browser sends them."""
    match = re.search(rf'<form method="post" action="{re.escape(action)}">(.*?)</form>', page, re.S)
    assert match, f"no form posting to {action}"
    body = match.group(1)
    fields = {
        name: html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body)
    }
    for name, value in re.findall(
        r'<textarea [^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', body, re.S
    ):
        fields[name] = html.unescape(value)
    checked = re.search(r'<input type="radio" [^>]*name="([^"]+)" value="([^"]+)" checked', body)
    if checked:
        fields[checked.group(1)] = checked.group(2)
    return fields


def post_form(client: TestClient, page: str, action: str, **typed: str) -> Any:
    data = {**form_fields(page, action), **typed}
    return client.post(action, data=data, follow_redirects=False)


def follow(client: TestClient, response: Any) -> str:
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    return str(page.text)


# -- crisis help on the entry page -----------------------------------------------------------


@pytest.fixture
def gb_client(db_settings: Settings, make_client: MakeClient) -> TestClient:
    return make_client(dataclasses.replace(db_settings, locale="en-GB"))


def test_an_urgent_entry_shows_help_for_the_locale_before_anything_else(
    gb_client: TestClient,
) -> None:
    entry_id = write(gb_client, SUICIDE)

    page = gb_client.get(f"/entries/{entry_id}").text

    said = text_of(page)
    assert "You are not alone" in said
    assert "call 999" in said
    assert "Samaritans: Call 116 123" in said
    assert 'href="/safety-plan"' in page
    assert page.index('class="crisis"') < page.index('<article class="entry">')


def test_violence_lists_the_abuse_helpline_first(gb_client: TestClient) -> None:
    said = text_of(gb_client.get(f"/entries/{write(gb_client, VIOLENCE)}").text)

    assert "call 999" in said
    assert said.index("National Domestic Abuse Helpline") < said.index("Samaritans")


def test_without_a_known_locale_the_page_says_to_call_the_local_number(
    client: TestClient,
) -> None:
    said = text_of(client.get(f"/entries/{write(client, VIOLENCE)}").text)

    assert "You are not alone" in said
    assert CALM_NUMBER in said


def test_an_everyday_entry_shows_no_crisis_block(client: TestClient) -> None:
    page = client.get(f"/entries/{write(client, 'This traffic is killing me')}").text
    assert 'class="crisis"' not in page


# -- findings and "not this" -----------------------------------------------------------------


def test_findings_are_explained_calmly_each_with_a_next_step(client: TestClient) -> None:
    entry_id = write(client, BLAMING)

    page = client.get(f"/entries/{entry_id}").text

    assert "What heartwise noticed" in page
    assert "harsh" in offered_labels(page, entry_id)
    notes = re.findall(r"<li>\s*<p><strong>(.*?)</strong></p>(.*?)</li>", page, re.S)
    assert notes
    for says, rest in notes:
        assert says.strip()
        assert "<p>" in rest, "each note ends with a next step"
    assert "You&#39;re so selfish" in page  # the words behind the mark, quoted as text


def test_not_this_hides_a_finding_for_that_entry_only_and_is_remembered(
    db_settings: Settings, make_client: MakeClient
) -> None:
    client = make_client(db_settings)
    first, second = write(client, BLAMING), write(client, BLAMING)
    page = client.get(f"/entries/{first}").text
    before = offered_labels(page, first)
    assert "harsh" in before
    # Take the blame note's own form, as a person pressing its button would.
    forms = re.findall(
        rf'<form method="post" action="/entries/{first}/dismiss">.*?</form>', page, re.S
    )
    harsh_form = next(f for f in forms if 'value="harsh"' in f)

    response = post_form(client, harsh_form, f"/entries/{first}/dismiss")

    assert response.headers["location"] == f"/entries/{first}?notice=dismissed"
    after_page = follow(client, response)
    assert "will not raise that again" in text_of(after_page)
    after = offered_labels(after_page, first)
    assert "harsh" not in after
    assert after == [label for label in before if label != "harsh"]
    assert "harsh" in offered_labels(client.get(f"/entries/{second}").text, second)

    # A new app over the same data still remembers it.
    again = make_client(db_settings)
    assert "harsh" not in offered_labels(again.get(f"/entries/{first}").text, first)
    assert "harsh" in offered_labels(again.get(f"/entries/{second}").text, second)


def test_dismissing_twice_is_harmless(client: TestClient, csrf: str) -> None:
    entry_id = write(client, BLAMING)
    for _ in range(2):
        response = client.post(
            f"/entries/{entry_id}/dismiss",
            data={"label": "harsh", "csrf_token": csrf},
            follow_redirects=False,
        )
        assert response.status_code == 303
    assert "harsh" not in offered_labels(client.get(f"/entries/{entry_id}").text, entry_id)


def test_dismissing_on_an_entry_that_does_not_exist_is_not_found(
    client: TestClient, csrf: str
) -> None:
    response = client.post(
        "/entries/999/dismiss", data={"label": "harsh", "csrf_token": csrf}, follow_redirects=False
    )
    assert response.status_code == 404


# -- the settings switch ---------------------------------------------------------------------


def test_switching_analysis_off_removes_the_findings_and_on_brings_them_back(
    client: TestClient,
) -> None:
    entry_id = write(client, BLAMING)
    assert "What heartwise noticed" in client.get(f"/entries/{entry_id}").text

    settings_page = client.get("/settings").text
    assert re.search(r'value="on" checked', settings_page)
    saved = post_form(client, settings_page, "/settings", analysis="off")
    shown = follow(client, saved)
    assert "Your settings are saved." in text_of(shown)
    assert re.search(r'value="off" checked', shown)

    page = client.get(f"/entries/{entry_id}").text
    assert "What heartwise noticed" not in page
    assert offered_labels(page, entry_id) == []

    follow(client, post_form(client, shown, "/settings", analysis="on"))
    assert "What heartwise noticed" in client.get(f"/entries/{entry_id}").text


def test_a_bad_switch_value_is_refused_kindly(client: TestClient, csrf: str) -> None:
    response = client.post("/settings", data={"analysis": "maybe", "csrf_token": csrf})

    assert response.status_code == 422
    assert "Please say on or off" in text_of(response.text)
    assert re.search(r'value="on" checked', client.get("/settings").text)


# -- the safety plan -------------------------------------------------------------------------


def test_the_safety_plan_page_shows_help_and_an_empty_plan(gb_client: TestClient) -> None:
    page = gb_client.get("/safety-plan")

    assert page.status_code == 200
    said = text_of(page.text)
    assert "Your safety plan" in said
    assert "call 999" in said
    assert "Samaritans" in said
    fields = form_fields(page.text, "/safety-plan")
    assert {
        "warning_signs",
        "coping",
        "people_places",
        "professionals",
        "safe_surroundings",
    } <= set(fields)
    assert fields["coping"] == ""


def test_a_plan_saved_through_the_form_is_shown_again(client: TestClient) -> None:
    page = client.get("/safety-plan").text

    saved = post_form(
        client,
        page,
        "/safety-plan",
        coping="Walk round the block. Put on <the> rain playlist.",
        people_places="My sister Ana",
    )

    assert saved.headers["location"] == "/safety-plan?notice=saved"
    shown = follow(client, saved)
    assert "Your plan is saved" in text_of(shown)
    fields = form_fields(shown, "/safety-plan")
    assert fields["coping"] == "Walk round the block. Put on <the> rain playlist."
    assert fields["people_places"] == "My sister Ana"
    assert "<the>" not in shown  # shown as text, never as markup

    # Saving one part again leaves the others as they were.
    follow(client, post_form(client, shown, "/safety-plan", coping="Breathe"))
    fields = form_fields(client.get("/safety-plan").text, "/safety-plan")
    assert fields["coping"] == "Breathe"
    assert fields["people_places"] == "My sister Ana"


def test_an_overlong_part_of_the_plan_is_refused_and_nothing_changes(
    client: TestClient,
) -> None:
    page = client.get("/safety-plan").text
    follow(client, post_form(client, page, "/safety-plan", coping="Kept"))

    response = post_form(client, page, "/safety-plan", coping="x" * 5_001)

    assert response.status_code == 422
    assert "5,000" in text_of(response.text)
    assert form_fields(client.get("/safety-plan").text, "/safety-plan")["coping"] == "Kept"


def test_the_plan_never_reaches_the_sqlite_files_in_clear(
    settings: Settings, make_client: MakeClient
) -> None:
    canary = "ZebraCanarySafety7f3e"
    client = make_client(settings)
    # Keep a reader open so the write-ahead log stays on disk while we look at it.
    reader = sqlite3.connect(settings.sqlite_path)
    reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
    try:
        page = client.get("/safety-plan").text
        follow(client, post_form(client, page, "/safety-plan", coping=f"Hold the {canary}"))
        assert canary in client.get("/safety-plan").text

        files = [Path(settings.data_dir) / n for n in ("heartwise.db", "heartwise.db-wal")]
        assert files[1].exists()
        assert files[1].stat().st_size > 0
        for path in files:
            data = path.read_bytes()
            for form in (canary, canary.lower(), canary.upper()):
                assert data.count(form.encode()) == 0, f"{form} found in {path.name}"
                assert data.count(form.encode().hex().encode()) == 0
    finally:
        reader.close()


def test_the_plan_is_sealed_in_the_database(db_settings: Settings, make_client: MakeClient) -> None:
    canary = "ZebraCanarySealed91ab"
    client = make_client(db_settings)
    page = client.get("/safety-plan").text
    follow(client, post_form(client, page, "/safety-plan", warning_signs=canary))

    from heartwise.services.workspace import open_local_workspace

    with open_local_workspace(db_settings) as ws:
        rows = ws.db.all("SELECT kind, body FROM items")
    assert [str(kind) for kind, _ in rows] == ["safety_plan"]
    for _, body in rows:
        assert canary.encode() not in bytes(body)


# -- CSRF ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("/entries/1/dismiss", {"label": "harsh"}),
        ("/safety-plan", {"coping": "Changed"}),
        ("/settings", {"analysis": "off"}),
    ],
)
def test_forms_without_the_token_are_refused_and_change_nothing(
    client: TestClient, csrf: str, action: str, data: dict[str, str]
) -> None:
    assert write(client, BLAMING) == 1

    missing = client.post(action, data=data, follow_redirects=False)
    wrong = client.post(action, data={**data, "csrf_token": "forged"}, follow_redirects=False)

    assert missing.status_code == 403
    assert wrong.status_code == 403
    assert "harsh" in offered_labels(client.get("/entries/1").text, 1)
    assert "Changed" not in client.get("/safety-plan").text
    assert re.search(r'value="on" checked', client.get("/settings").text)


# -- POST /api/v1/analyze --------------------------------------------------------------------


def api_analyze(client: TestClient, text: str) -> dict[str, Any]:
    response = client.post("/api/v1/analyze", json={"text": text})
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


@pytest.mark.parametrize("text", [SUICIDE, VIOLENCE, BLAMING, "You never listen, whatever."])
def test_the_api_answers_with_the_same_object_as_the_analyser(
    sqlite_client: TestClient, text: str
) -> None:
    result = api_analyze(sqlite_client, text)

    check_findings_shape(text, result)
    assert result == analyze(text).to_dict()
    assert api_analyze(sqlite_client, text) == result


def test_the_api_reports_urgent_suicide_and_marks_absolutes(sqlite_client: TestClient) -> None:
    crisis = api_analyze(sqlite_client, SUICIDE)["crisis"]
    assert crisis["level"] == "urgent"
    assert "suicide" in crisis["kinds"]
    assert any("kill myself" in SUICIDE[a:b] for a, b in crisis["spans"])

    text = "You never listen, whatever."
    blame = api_analyze(sqlite_client, text)["blame"]
    assert blame["harsh"] is True
    assert any(m["kind"] == "absolute" and text[slice(*m["span"])] for m in blame["markers"])


@pytest.mark.parametrize(
    "text", ["😀🎉💔", "Привет, как дела?", "<script>alert(1)</script>", "我很想你"]
)
def test_the_api_reads_other_scripts_and_markup_gracefully(
    sqlite_client: TestClient, text: str
) -> None:
    result = api_analyze(sqlite_client, text)
    check_findings_shape(text, result)
    assert result["crisis"]["level"] == "none"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"text": ""}, "nothing to read"),
        ({"text": "  \n "}, "nothing to read"),
        ({"text": "a" * 100_001}, "100,000"),
        ({}, "text"),
        ({"text": 42}, "text"),
        ({"text": "hi", "colour": "blue"}, "colour"),
    ],
    ids=["empty", "blank", "too-long", "missing", "number", "extra"],
)
def test_the_api_refuses_bad_input_with_a_problem(
    sqlite_client: TestClient, body: dict[str, Any], words: str
) -> None:
    response = sqlite_client.post("/api/v1/analyze", json=body)

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON
    problem = response.json()
    assert problem["status"] == 422
    assert words in problem["detail"]
    assert "Traceback" not in response.text


def test_the_api_accepts_exactly_100000_characters(sqlite_client: TestClient) -> None:
    text = ("We talked. " * 10_000)[:100_000]
    check_findings_shape(text, api_analyze(sqlite_client, text))


def test_the_api_takes_json_only(sqlite_client: TestClient) -> None:
    response = sqlite_client.post(
        "/api/v1/analyze",
        content=b'{"text": "hi"}',
        headers={"content-type": "text/plain", "origin": "https://evil.example"},
    )
    assert response.status_code == 415


def test_the_api_stores_nothing(sqlite_client: TestClient) -> None:
    api_analyze(sqlite_client, SUICIDE)
    assert sqlite_client.get("/api/v1/entries").json()["total"] == 0


def test_the_openapi_document_describes_analyze(sqlite_client: TestClient) -> None:
    document = sqlite_client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/analyze"]["post"]
    assert "422" in operation["responses"]
    schema = document["components"]["schemas"]["AnalysisOut"]
    assert list(schema["properties"]) == ["traps", "signs", "blame", "crisis"]
