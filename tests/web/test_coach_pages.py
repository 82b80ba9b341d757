"""The Talk pages as a person uses them, on both backends: the hub, the message coach and
its choices, the "I feel" builder, conversation plans, expectations and affection. A form
the services refuse comes back with a 422, the message and what was typed; nothing is
stored; and whatever a person writes is shown as text, never as markup."""

from __future__ import annotations

import re
from typing import Any

import pytest
from contracts import text_of
from fastapi.testclient import TestClient

HARSH = "Why do you always ignore me? You are so selfish."
SCRIPT = "<script>alert('x')</script>"


def post(client: TestClient, csrf: str, url: str, **fields: str) -> Any:
    return client.post(url, data={**fields, "csrf_token": csrf}, follow_redirects=False)


def saved_at(response: Any, prefix: str) -> str:
    assert response.status_code == 303, response.text
    location: str = response.headers["location"]
    assert location.startswith(prefix), location
    return location


def stored(client: TestClient) -> dict[str, Any]:
    found = {
        r: client.get(f"/api/v1/{r}").json() for r in ("ifeel", "conversations", "expectations")
    }
    found["affection"] = client.get("/api/v1/affection").json()["profile"]
    return found


EMPTY = {"ifeel": [], "conversations": [], "expectations": [], "affection": None}


def test_the_hub_leads_to_every_tool_and_the_nav_to_the_hub(client: TestClient) -> None:
    page = client.get("/talk")

    assert page.status_code == 200
    for href in ("/coach", "/ifeel", "/conversations", "/expectations", "/affection"):
        assert f'href="{href}"' in page.text
    assert '<a href="/talk" aria-current="page">Talk</a>' in page.text
    assert '<a href="/talk">Talk</a>' in client.get("/").text


# -- the coach -------------------------------------------------------------------------------


def test_the_coach_marks_explains_and_offers_choices(client: TestClient, csrf: str) -> None:
    page = post(client, csrf, "/coach", text=HARSH)

    assert page.status_code == 200
    assert "<mark>You are so selfish</mark>" in page.text
    read = text_of(page.text)
    assert "names a flaw in who they are" in read
    assert "I feel [hurt / sad / worried] when you ignore me." in read
    radios = re.findall(
        r'type="radio" id="(feeling|request)-\d" name="\1" value="([^"]+)"', page.text
    )
    assert [value for name, value in radios if name == "feeling"] == ["hurt", "sad", "worried"]
    assert len([value for name, value in radios if name == "request"]) == 2
    assert f'<input type="hidden" name="text" value="{HARSH}">' in page.text
    assert stored(client) == EMPTY


def test_the_persons_choices_fill_the_rewrite_ready_to_edit(client: TestClient, csrf: str) -> None:
    first = post(client, csrf, "/coach", text=HARSH).text
    request = re.findall(r'name="request" value="([^"]+)"', first)[1]

    page = post(client, csrf, "/coach", text=HARSH, feeling="sad", request=request)

    filled = re.search(r'<textarea id="rewrite" rows="4">([^<]*)</textarea>', page.text)
    assert filled is not None
    assert filled.group(1).startswith("I feel sad when you ignore me.")
    assert re.search(r'value="sad"\s+checked', page.text)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": ""}, "There is no message to read yet"),
        ({"text": "You never listen. " * 5_600}, "up to 10,000 characters"),
        ({"text": HARSH, "feeling": "furious"}, "from those offered"),
    ],
    ids=["empty", "100k", "unoffered-choice"],
)
def test_the_coach_refuses_plainly_and_keeps_the_draft(
    client: TestClient, csrf: str, fields: dict[str, str], message: str
) -> None:
    page = post(client, csrf, "/coach", **fields)

    assert page.status_code == 422
    assert message in text_of(page.text)
    assert 'role="alert"' in page.text
    if fields["text"] == HARSH:
        assert f">{HARSH}</textarea>" in page.text
    assert stored(client) == EMPTY


@pytest.mark.parametrize(
    ("text", "note"),
    [("😡😡💔", "no words here"), ("Ты никогда мне не звонишь", "reads English")],
    ids=["emoji", "cyrillic"],
)
def test_text_the_coach_cannot_read_gets_a_gentle_note(
    client: TestClient, csrf: str, text: str, note: str
) -> None:
    page = post(client, csrf, "/coach", text=text)

    assert page.status_code == 200
    assert note in text_of(page.text)
    assert f">{text}</textarea>" in page.text


def test_html_in_a_draft_is_shown_as_text(client: TestClient, csrf: str) -> None:
    page = post(client, csrf, "/coach", text=f"{SCRIPT} You never listen")

    assert page.status_code == 200
    assert SCRIPT not in page.text
    assert "&lt;script&gt;" in page.text


def test_a_draft_that_sounds_like_danger_gets_help_first(client: TestClient, csrf: str) -> None:
    page = post(client, csrf, "/coach", text="You never listen and I want to kill myself tonight")

    read = text_of(page.text)
    assert "You are not alone" in read
    assert "please reach out" in read
    assert "A gentler way to say it" not in read


def test_a_form_without_its_token_is_refused(client: TestClient) -> None:
    page = client.post("/coach", data={"text": HARSH}, follow_redirects=False)
    assert page.status_code == 403


# -- "I feel" ------------------------------------------------------------------------------------


def test_the_builder_offers_grouped_feelings_and_needs(client: TestClient) -> None:
    page = client.get("/ifeel/new").text

    assert '<optgroup label="sad">' in page
    assert '<option value="lonely">lonely</option>' in page
    assert '<option value="reassurance">reassurance</option>' in page
    assert 'formaction="/ifeel/preview"' in page


def test_the_builder_shows_flags_and_three_editable_phrasings(
    client: TestClient, csrf: str
) -> None:
    page = post(
        client,
        csrf,
        "/ifeel/preview",
        feeling_own="ignored",
        situation="you always ignore me",
        need_choice="reassurance",
        request="stop being distant",
    )

    assert page.status_code == 200
    read = text_of(page.text)
    assert "underneath it there may be feeling lonely or hurt" in read
    assert "An absolute turns one moment into a rule" in read
    assert "This asks them to stop something" in read
    assert "<mark>always</mark>" in page.text
    assert len(re.findall(r'<textarea id="phrasing_\d" name="phrasing_\d"', page.text)) == 3
    assert stored(client) == EMPTY


def test_a_chosen_and_edited_phrasing_is_saved_and_how_it_went_noted(
    client: TestClient, csrf: str
) -> None:
    fields = {
        "feeling_choice": "lonely",
        "situation": "you stayed at the office until nine on Tuesday",
        "need_choice": "time together",
        "request": "eat with me on Thursdays",
        "chosen": "2",
        "phrasing_1": "first",
        "phrasing_2": "My own second phrasing.",
        "phrasing_3": "third",
    }
    location = saved_at(post(client, csrf, "/ifeel", **fields), "/ifeel/")

    detail = client.get(location)
    assert "Saved. It is encrypted" in text_of(detail.text)
    assert "My own second phrasing." in detail.text
    (statement,) = stored(client)["ifeel"]
    assert (statement["text"], statement["feeling"]) == ("My own second phrasing.", "lonely")

    outcome = f"/ifeel/{statement['id']}/outcome"
    refused = post(client, csrf, outcome, sent="maybe", how_it_went="We talked")
    assert refused.status_code == 422
    assert "yes or no" in text_of(refused.text)
    assert ">We talked</textarea>" in refused.text
    assert stored(client)["ifeel"][0]["outcome"] is None
    saved_at(post(client, csrf, outcome, sent="yes", how_it_went="We talked"), "/ifeel/")
    assert stored(client)["ifeel"][0]["outcome"]["sent"] is True
    assert "You sent it" in text_of(client.get(location).text)


@pytest.mark.parametrize(
    ("url", "fields", "message"),
    [
        ("/ifeel/preview", {"feeling_choice": "sad", "situation": " "}, "a few words are enough"),
        ("/ifeel", {"feeling_own": "42", "situation": "you left"}, "An emotion is named"),
        ("/ifeel", {"feeling_own": "", "situation": "you left"}, "the feeling"),
        ("/ifeel", {"feeling_own": "sad", "situation": "x" * 100_000}, "up to 10,000"),
    ],
    ids=["blank-situation", "number", "no-feeling", "100k"],
)
def test_a_refused_statement_comes_back_as_typed(
    client: TestClient, csrf: str, url: str, fields: dict[str, str], message: str
) -> None:
    page = post(client, csrf, url, **fields, request="call me at lunch")

    assert page.status_code == 422
    assert message in text_of(page.text)
    assert 'value="call me at lunch"' in page.text or ">call me at lunch</textarea>" in page.text
    assert stored(client) == EMPTY


def test_a_statement_is_edited_and_deleted(client: TestClient, csrf: str) -> None:
    location = saved_at(
        post(client, csrf, "/ifeel", feeling_choice="sad", situation=f"you wrote {SCRIPT}"),
        "/ifeel/",
    )
    detail = client.get(location).text
    assert SCRIPT not in detail
    assert "&lt;script&gt;" in detail

    record_id = location.split("/")[2].split("?")[0]
    form = client.get(f"/ifeel/{record_id}/edit").text
    assert '<option value="sad" selected>sad</option>' in form
    edit = post(
        client,
        csrf,
        f"/ifeel/{record_id}/edit",
        feeling_own="worried",
        situation="you came home late",
        text="",
    )
    saved_at(edit, f"/ifeel/{record_id}")
    assert stored(client)["ifeel"][0]["text"].startswith("I feel worried when you came home late")

    saved_at(post(client, csrf, f"/ifeel/{record_id}/delete"), "/ifeel?notice=deleted")
    assert stored(client) == EMPTY
    assert client.get(f"/ifeel/{record_id}").status_code == 404


# -- conversations ---------------------------------------------------------------------------


def test_a_conversation_is_planned_rated_and_edited(client: TestClient, csrf: str) -> None:
    location = saved_at(
        post(
            client,
            csrf,
            "/conversations",
            topic="Weekends with his parents",
            hope="A fair split",
            opening="You never want to see my family",
        ),
        "/conversations/",
    )
    detail = client.get(location).text
    assert "Talking about: Weekends with his parents" in text_of(detail)
    assert "<mark>never</mark>" in detail
    record_id = location.split("/")[2].split("?")[0]

    refused = post(client, csrf, f"/conversations/{record_id}/afterwards", rating="11", agreed="x")
    assert refused.status_code == 422
    assert "whole number from 0" in text_of(refused.text)
    assert 'value="11"' in refused.text
    assert stored(client)["conversations"][0]["afterwards"] is None

    afterwards = post(
        client, csrf, f"/conversations/{record_id}/afterwards", rating="8", agreed="One a month"
    )
    saved_at(afterwards, "/conversations/")
    assert "It went 8 out of 10" in text_of(client.get(f"/conversations/{record_id}").text)

    edit = post(client, csrf, f"/conversations/{record_id}/edit", topic="Holidays", hope="")
    saved_at(edit, "/conversations/")
    plan = stored(client)["conversations"][0]
    assert (plan["topic"], plan["hope"]) == ("Holidays", None)

    refused_edit = post(client, csrf, f"/conversations/{record_id}/edit", topic=" ")
    assert refused_edit.status_code == 422
    assert stored(client)["conversations"][0] == plan


def test_an_empty_plan_is_refused_and_nothing_stored(client: TestClient, csrf: str) -> None:
    page = post(client, csrf, "/conversations", topic="", hope="Kept as typed")

    assert page.status_code == 422
    assert "what you want to talk about" in text_of(page.text)
    assert ">Kept as typed</textarea>" in page.text
    assert stored(client) == EMPTY


# -- expectations ----------------------------------------------------------------------------


def test_an_expectation_is_checked_before_it_is_saved(client: TestClient, csrf: str) -> None:
    page = post(
        client, csrf, "/expectations", text="He must answer within 10 minutes", action="check"
    )

    assert page.status_code == 200
    assert "<mark>within 10 minutes</mark>" in page.text
    assert "A softer way to put it: I'd like him to answer when he can." in text_of(page.text)
    assert stored(client) == EMPTY

    softer = "I'd like him to answer when he can."
    location = saved_at(
        post(client, csrf, "/expectations", text=softer, action="save"), "/expectations/"
    )
    assert stored(client)["expectations"][0]["text"] == softer
    assert "leaves room for an ordinary day" in text_of(client.get(location).text)


def test_an_expectation_is_softened_and_marked(client: TestClient, csrf: str) -> None:
    location = saved_at(
        post(client, csrf, "/expectations", text="She should text me every night"),
        "/expectations/",
    )
    record_id = location.split("/")[2].split("?")[0]
    detail = client.get(location).text
    softer = re.search(
        r'action="/expectations/\d+/edit">\s*<input [^>]*>\s*<input type="hidden" name="text" '
        r'value="([^"]+)"',
        detail,
    )
    assert softer is not None

    saved_at(
        post(
            client,
            csrf,
            f"/expectations/{record_id}/edit",
            text=softer.group(1).replace("&#39;", "'"),
        ),
        "/expectations/",
    )
    assert stored(client)["expectations"][0]["text"] == "I'd like her to text me most nights."

    saved_at(post(client, csrf, f"/expectations/{record_id}/status", status="agreed"), "/exp")
    assert stored(client)["expectations"][0]["status"] == "agreed"
    before = stored(client)
    refused = post(client, csrf, f"/expectations/{record_id}/status", status="done")
    assert refused.status_code == 422
    assert "open, discussed or agreed" in text_of(refused.text)
    listing = text_of(client.get("/expectations").text)
    assert "Agreed together I'd like her to text me most nights." in listing
    assert stored(client) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Please write what you expect"), ("e" * 100_000, "up to 10,000")],
    ids=["empty", "100k"],
)
def test_a_refused_expectation_stores_nothing(
    client: TestClient, csrf: str, text: str, message: str
) -> None:
    for action in ("check", "save"):
        page = post(client, csrf, "/expectations", text=text, note="kept", action=action)
        assert page.status_code == 422
        assert message in text_of(page.text)
        assert 'value="kept"' in page.text
    assert stored(client) == EMPTY


# -- affection -------------------------------------------------------------------------------


def test_affection_is_rated_and_compared_side_by_side(client: TestClient, csrf: str) -> None:
    ratings = {
        "kind_words_mine_giving": "6",
        "kind_words_mine_receiving": "9",
        "kind_words_guess_giving": "3",
        "kind_words_guess_receiving": "5",
        "own_1_name": "Baking together",
        "own_1_mine_giving": "5",
        "own_1_mine_receiving": "7",
    }
    saved_at(post(client, csrf, "/affection", **ratings), "/affection?notice=saved")

    page = client.get("/affection").text
    read = text_of(page)
    assert "Kind words 6 9 3 5" in read
    assert "baking together 5 7 – –" in read
    assert "Your partner’s column is your guess" in read
    assert "Kind words: You may long for more of this than your partner gives (a gap of 6)." in read
    assert 'name="own_1_name" value="baking together"' in page
    profile = stored(client)["affection"]
    assert profile["mine"]["kind_words"] == {"giving": 6, "receiving": 9}
    assert profile["guess"] == {"kind_words": {"giving": 3, "receiving": 5}}

    saved_at(post(client, csrf, "/affection/clear"), "/affection?notice=cleared")
    assert stored(client) == EMPTY


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"gifts_mine_giving": "11", "gifts_mine_receiving": "2"}, "whole number from 0"),
        ({"gifts_mine_giving": "4"}, "whole number from 0"),
        ({"own_1_mine_giving": "4", "own_1_mine_receiving": "4"}, "Please name each way"),
        ({"own_1_name": SCRIPT, "own_1_mine_giving": "4", "own_1_mine_receiving": "4"}, "in words"),
    ],
    ids=["over-10", "half", "unnamed", "html-name"],
)
def test_refused_ratings_come_back_as_typed(
    client: TestClient, csrf: str, fields: dict[str, str], message: str
) -> None:
    page = post(client, csrf, "/affection", **fields)

    assert page.status_code == 422
    assert message in text_of(page.text)
    for name, value in fields.items():
        assert f'name="{name}"' in page.text
        if value != SCRIPT:
            assert f'value="{value}"' in page.text
    assert SCRIPT not in page.text
    assert stored(client) == EMPTY
