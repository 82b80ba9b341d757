"""Communication and expectations through the JSON API, on both backends: the coach's
answer and its shape, each log's create, list, read, change and delete, ways of showing
affection, the backup, sharing with a partner, and bad input (empty, 100,000 characters,
other scripts, emoji, HTML) that gets a plain answer and changes nothing."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

import pytest
from contracts import assert_problem, assert_record_lifecycle
from contracts import created_record as created
from fastapi.testclient import TestClient
from server_kit import api_sign_up, cheap_argon2

from heartwise.config import Settings

HARSH = "Why do you always ignore me? You are so selfish."
HUGE = "You never listen. " * 5_600  # just over 100,000 characters
CYRILLIC = "Ты никогда мне не звонишь"
EMOJI = "😡😡😡💔"
HTML = "<script>alert('x')</script> You never <b>listen</b> &amp; whatever"

# (resource, a valid body, a change that PATCH accepts)
RESOURCES = [
    (
        "ifeel",
        {
            "feeling": "lonely",
            "situation": "you stayed at the office until nine on Tuesday",
            "need": "time together",
            "request": "eat with me on Thursdays",
        },
        {"feeling": "sad"},
    ),
    (
        "conversations",
        {
            "topic": "Weekends with his parents",
            "hope": "A fair split",
            "time_and_place": "Sunday morning, on a walk",
            "opening": "I feel torn when we always visit on weekends",
            "listen_for": "What the visits mean to him",
        },
        {"hope": "Both of us glad of the plan"},
    ),
    ("expectations", {"text": "We cook together on Sundays", "note": "Our thing"}, {"note": "n"}),
]
IDS = [resource for resource, _, _ in RESOURCES]
RATINGS = {
    "kind_words": {"giving": 6, "receiving": 9},
    "time_together": {"giving": 8, "receiving": 8},
    "baking together": {"giving": 5, "receiving": 7},
}
GUESS = {
    "kind_words": {"giving": 3, "receiving": 5},
    "time_together": {"giving": 7, "receiving": 9},
}


def everything(client: TestClient) -> dict[str, Any]:
    """What the person has stored, as the API shows it."""
    stored = {resource: client.get(f"/api/v1/{resource}").json() for resource in IDS}
    stored["affection"] = client.get("/api/v1/affection").json()
    stored["entries"] = client.get("/api/v1/entries").json()
    return stored


# -- the coach -------------------------------------------------------------------------------


def test_the_coach_marks_explains_and_rewrites_in_the_promised_shape(client: TestClient) -> None:
    answer = client.post("/api/v1/coach", json={"text": HARSH})

    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert list(body) == [
        "harsh",
        "score",
        "marks",
        "rewrite",
        "note",
        "crisis",
        "choices",
        "filled",
    ]
    assert body["harsh"] is True
    assert 0 <= body["score"] <= 1
    assert {mark["kind"] for mark in body["marks"]} >= {"why_question", "criticism"}
    for mark in body["marks"]:
        assert list(mark) == ["kind", "span", "explanation"]
        start, end = mark["span"]
        assert 0 <= start < end <= len(HARSH)
        assert mark["explanation"]
    assert "selfish" not in body["rewrite"]
    assert body["rewrite"].startswith("I feel [")
    assert body["choices"]["feeling"] == ["hurt", "sad", "worried"]
    assert body["filled"].startswith("I feel hurt when")
    assert (body["note"], body["crisis"]) == (None, "none")


def test_the_persons_choices_fill_the_rewrite(client: TestClient) -> None:
    choices = client.post("/api/v1/coach", json={"text": HARSH}).json()["choices"]
    chosen = {"feeling": "worried", "request": choices["request"][1]}

    filled = client.post("/api/v1/coach", json={"text": HARSH, **chosen}).json()["filled"]

    assert filled.startswith("I feel worried when")
    assert filled.endswith(f"Would you be willing to {choices['request'][1]}?")
    refused = client.post("/api/v1/coach", json={"text": HARSH, "feeling": "furious"})
    assert "from those offered" in assert_problem(refused, 422, field_prefix="feeling")["detail"]


def test_a_gentle_message_is_left_alone(client: TestClient) -> None:
    body = client.post("/api/v1/coach", json={"text": "Thank you for dinner, love you"}).json()

    assert (body["harsh"], body["marks"], body["rewrite"], body["filled"]) == (
        False,
        [],
        None,
        None,
    )
    assert body["choices"] == {"feeling": [], "request": []}


@pytest.mark.parametrize(
    ("text", "field"),
    [("", "text"), ("   \n ", "text"), (HUGE, "text"), (None, "text"), (42, "text")],
    ids=["empty", "blank", "100k", "null", "number"],
)
def test_the_coach_refuses_what_it_cannot_read_plainly(
    client: TestClient, text: object, field: str
) -> None:
    before = everything(client)

    refused = assert_problem(
        client.post("/api/v1/coach", json={"text": text}), 422, field_prefix=field
    )

    assert "You never" not in refused["detail"]
    assert everything(client) == before


def test_a_long_message_is_told_its_length(client: TestClient) -> None:
    detail = assert_problem(client.post("/api/v1/coach", json={"text": HUGE}), 422)["detail"]
    assert "10,000" in detail
    assert len(HUGE) >= 100_000


@pytest.mark.parametrize(
    ("text", "note"),
    [(EMOJI, "no words"), (CYRILLIC, "English"), ("!!! ??? ...", "no words")],
    ids=["emoji", "cyrillic", "punctuation"],
)
def test_text_the_coach_cannot_read_gets_a_graceful_note(
    client: TestClient, text: str, note: str
) -> None:
    before = everything(client)
    body = client.post("/api/v1/coach", json={"text": text}).json()

    assert (body["harsh"], body["marks"], body["rewrite"]) == (False, [], None)
    assert note in body["note"]
    assert everything(client) == before


def test_html_in_a_draft_is_read_as_text_and_kept_out_of_the_rewrite(client: TestClient) -> None:
    answer = client.post("/api/v1/coach", json={"text": HTML})

    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert body["harsh"] is True
    for mark in body["marks"]:
        assert 0 <= mark["span"][0] < mark["span"][1] <= len(HTML)
    assert "<" not in body["rewrite"]
    assert "&amp;" not in body["rewrite"]


def test_crisis_language_gets_no_rewrite_and_says_why(client: TestClient) -> None:
    body = client.post(
        "/api/v1/coach", json={"text": "You never listen and I want to kill myself tonight"}
    ).json()

    assert body["crisis"] == "urgent"
    assert (body["rewrite"], body["filled"]) == (None, None)
    assert "reach out" in body["note"]


# -- the three logs --------------------------------------------------------------------------


@pytest.mark.parametrize(("resource", "body", "change"), RESOURCES, ids=IDS)
def test_each_log_is_created_listed_read_changed_and_deleted(
    client: TestClient, resource: str, body: dict[str, Any], change: dict[str, Any]
) -> None:
    assert_record_lifecycle(client, resource, body, change)


@pytest.mark.parametrize(("resource", "body", "change"), RESOURCES, ids=IDS)
def test_an_id_of_another_kind_is_not_found_and_nothing_changes(
    client: TestClient, resource: str, body: dict[str, Any], change: dict[str, Any]
) -> None:
    other = "ifeel" if resource != "ifeel" else "expectations"
    foreign = created(client, other, next(b for r, b, _ in RESOURCES if r == other))
    before = everything(client)

    for wrong in (foreign["id"], 999_999):
        assert_problem(client.get(f"/api/v1/{resource}/{wrong}"), 404)
        assert_problem(client.patch(f"/api/v1/{resource}/{wrong}", json=change), 404)
        assert_problem(client.delete(f"/api/v1/{resource}/{wrong}"), 404)
    assert everything(client) == before


BAD = [
    ("ifeel", {"feeling": "", "situation": "you left"}, "feeling"),
    ("ifeel", {"feeling": "sad", "situation": "   "}, "situation"),
    ("ifeel", {"feeling": "42", "situation": "you left"}, "feeling"),
    ("ifeel", {"feeling": "sad", "situation": "x" * 100_000}, "situation"),
    ("ifeel", {"feeling": "sad", "situation": "you left", "request": "y" * 1_001}, "request"),
    ("ifeel", {"feeling": "sad", "situation": "you left", "mood": 3}, "mood"),
    ("conversations", {"topic": ""}, "topic"),
    ("conversations", {"topic": "t" * 100_000}, "topic"),
    ("conversations", {"topic": "Money", "hope": 7}, "hope"),
    ("expectations", {"text": ""}, "text"),
    ("expectations", {"text": "e" * 100_000}, "text"),
    ("expectations", {"text": "Honesty", "status": "agreed"}, "status"),
]


@pytest.mark.parametrize(
    ("resource", "body", "field"), BAD, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(BAD)]
)
def test_bad_input_is_refused_plainly_and_nothing_is_stored(
    client: TestClient, resource: str, body: dict[str, Any], field: str
) -> None:
    before = everything(client)

    assert_problem(client.post(f"/api/v1/{resource}", json=body), 422, field_prefix=field)

    assert everything(client) == before


@pytest.mark.parametrize(
    ("resource", "change", "field"),
    [
        ("ifeel", {"situation": ""}, "situation"),
        ("ifeel", {"created_at": "2020-01-01T00:00:00+00:00"}, "created_at"),
        ("conversations", {"topic": "  "}, "topic"),
        ("expectations", {"status": "done"}, "status"),
        ("expectations", {"text": "z" * 1_001}, "text"),
    ],
)
def test_a_refused_change_leaves_the_record_as_it_was(
    client: TestClient, resource: str, change: dict[str, Any], field: str
) -> None:
    body = next(b for r, b, _ in RESOURCES if r == resource)
    record = created(client, resource, body)

    assert_problem(
        client.patch(f"/api/v1/{resource}/{record['id']}", json=change), 422, field_prefix=field
    )

    assert client.get(f"/api/v1/{resource}/{record['id']}").json() == record


@pytest.mark.parametrize("text", [CYRILLIC, EMOJI, HTML], ids=["cyrillic", "emoji", "html"])
def test_any_script_emoji_or_markup_is_kept_exactly_as_written(
    client: TestClient, text: str
) -> None:
    statement = created(client, "ifeel", {"feeling": "sad", "situation": text})
    expectation = created(client, "expectations", {"text": text})
    plan = created(client, "conversations", {"topic": text, "opening": text})

    assert client.get(f"/api/v1/ifeel/{statement['id']}").json()["situation"] == text
    assert client.get(f"/api/v1/expectations/{expectation['id']}").json()["text"] == text
    assert client.get(f"/api/v1/conversations/{plan['id']}").json()["topic"] == text


# -- "I feel" ----------------------------------------------------------------------------------


def test_the_builder_offers_lists_and_a_preview_that_stores_nothing(client: TestClient) -> None:
    lists = client.get("/api/v1/ifeel/choices").json()
    preview = client.post(
        "/api/v1/ifeel/preview",
        json={
            "feeling": "ignored",
            "situation": "you always ignore me",
            "request": "stop being distant",
        },
    ).json()

    assert "lonely" in lists["feelings"]["sad"]
    assert "reassurance" in lists["needs"]
    assert len(preview["phrasings"]) == 3
    assert {f["kind"] for f in preview["flags"]["feeling"]} == {"not_a_feeling"}
    assert {f["kind"] for f in preview["flags"]["situation"]} == {"absolute", "judgement"}
    assert {f["kind"] for f in preview["flags"]["request"]} == {"negative", "vague"}
    situation = preview["parts"]["situation"]
    assert [situation[a:b] for a, b in (f["span"] for f in preview["flags"]["situation"])] == [
        "always",
        "ignore me",
    ]
    assert client.get("/api/v1/ifeel").json() == []
    assert_problem(
        client.post("/api/v1/ifeel/preview", json={"feeling": "sad", "situation": ""}), 422
    )


def test_a_chosen_phrasing_is_kept_and_how_it_went_is_recorded(client: TestClient) -> None:
    body = dict(RESOURCES[0][1])
    own = "Can we talk? I've felt lonely on the late office nights."
    statement = created(client, "ifeel", {**body, "text": own})
    assert statement["text"] == own
    assert statement["outcome"] is None

    url = f"/api/v1/ifeel/{statement['id']}/outcome"
    done = client.post(url, json={"sent": True, "how_it_went": "We planned Thursdays"}).json()
    assert done["outcome"]["sent"] is True
    assert done["outcome"]["how_it_went"] == "We planned Thursdays"

    assert_problem(client.post(url, json={"sent": "maybe"}), 422, field_prefix="sent")
    assert client.get(f"/api/v1/ifeel/{statement['id']}").json() == done
    assert_problem(client.post("/api/v1/ifeel/999/outcome", json={"sent": False}), 404)


# -- conversations and expectations ----------------------------------------------------------


def test_how_a_talk_went_is_0_to_10_and_can_be_said_again(client: TestClient) -> None:
    plan = created(client, "conversations", RESOURCES[1][1])
    url = f"/api/v1/conversations/{plan['id']}/afterwards"

    first = client.post(url, json={"rating": 8, "agreed": "One Sunday a month"}).json()
    assert first["afterwards"]["rating"] == 8
    for rating in (11, -1, 5.5, "eight"):
        assert_problem(client.post(url, json={"rating": rating}), 422, field_prefix="rating")
    assert client.get(f"/api/v1/conversations/{plan['id']}").json() == first
    assert client.post(url, json={"rating": 6}).json()["afterwards"]["rating"] == 6
    assert [f["kind"] for f in first["opening_flags"]] == ["absolute"]


def test_an_expectation_is_checked_softened_and_marked(client: TestClient) -> None:
    check = client.post(
        "/api/v1/expectations/check", json={"text": "He must answer within 10 minutes"}
    ).json()
    assert check["realistic"] is False
    assert check["softer"] == "I'd like him to answer when he can."
    assert client.get("/api/v1/expectations").json() == []

    saved = created(client, "expectations", {"text": check["softer"]})
    assert (saved["status"], saved["check"]["realistic"]) == ("open", True)
    url = f"/api/v1/expectations/{saved['id']}"
    assert client.patch(url, json={"status": "discussed"}).json()["status"] == "discussed"
    assert client.patch(url, json={"status": "agreed"}).json()["status"] == "agreed"
    assert_problem(
        client.post("/api/v1/expectations/check", json={"text": ""}), 422, field_prefix="text"
    )


# -- ways of showing affection ---------------------------------------------------------------


def test_affection_is_rated_compared_and_cleared(client: TestClient) -> None:
    empty = client.get("/api/v1/affection").json()
    assert (empty["profile"], empty["comparison"], empty["shared"]) == (None, None, False)
    assert empty["ways"]["kind_words"] == "Kind words"

    saved = client.put("/api/v1/affection", json={"mine": RATINGS, "guess": GUESS}).json()

    assert saved["profile"]["mine"]["baking together"] == {"giving": 5, "receiving": 7}
    comparison = saved["comparison"]
    assert comparison["partner_source"] == "guess"
    assert [row["way"] for row in comparison["rows"]] == [
        "kind_words",
        "time_together",
        "baking together",
    ]
    (gap,) = comparison["differences"]
    assert (gap["way"], gap["kind"], gap["gap"]) == ("kind_words", "i_wish_for_more", 6)
    assert gap["idea"]
    assert client.get("/api/v1/affection").json() == saved

    assert client.delete("/api/v1/affection").status_code == 204
    assert client.get("/api/v1/affection").json()["profile"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"mine": {"gifts": {"giving": 11, "receiving": 2}}},
        {"mine": RATINGS, "guess": {"gifts": {"giving": -1, "receiving": 2}}},
        {"mine": {"gifts": {"giving": 2}}},
        {"mine": {"gifts": 5}},
        {"mine": {"😀": {"giving": 2, "receiving": 2}}},
        {"mine": {"<b>x</b>": {"giving": 2, "receiving": 2}}},
        {"mine": {f"way {chr(97 + n)}": {"giving": 1, "receiving": 1} for n in range(6)}},
        {"guess": GUESS},
    ],
    ids=["over-10", "negative", "one-rating", "not-a-pair", "emoji", "html", "six-own", "no-mine"],
)
def test_refused_ratings_change_nothing(client: TestClient, body: dict[str, Any]) -> None:
    client.put("/api/v1/affection", json={"mine": RATINGS, "guess": GUESS})
    before = client.get("/api/v1/affection").json()

    assert_problem(client.put("/api/v1/affection", json=body), 422)

    assert client.get("/api/v1/affection").json() == before


# -- the backup --------------------------------------------------------------------------------


def _backup(client: TestClient) -> dict[str, Any]:
    response = client.get("/api/v1/export", params={"format": "json"})
    assert response.status_code == 200
    document: dict[str, Any] = json.loads(response.text)
    return document


def _restore(client: TestClient, document: dict[str, Any]) -> Any:
    return client.post(
        "/api/v1/import",
        content=json.dumps(document).encode(),
        headers={"content-type": "application/json"},
    )


def _without_ids(stored: dict[str, Any]) -> dict[str, Any]:
    def plain(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if k != "id"} for r in records]

    return {resource: plain(stored[resource]) for resource in IDS} | {
        "affection": stored["affection"]["profile"]
    }


def test_every_kind_goes_into_the_backup_and_comes_back_as_it_was(
    client: TestClient, fresh_client: TestClient
) -> None:
    for resource, body, _ in RESOURCES:
        created(client, resource, body)
    statement = client.get("/api/v1/ifeel").json()[0]
    client.post(f"/api/v1/ifeel/{statement['id']}/outcome", json={"sent": False})
    plan = client.get("/api/v1/conversations").json()[0]
    client.post(f"/api/v1/conversations/{plan['id']}/afterwards", json={"rating": 4})
    client.put("/api/v1/affection", json={"mine": RATINGS, "guess": GUESS})

    document = _backup(client)

    kinds = sorted(item["kind"] for item in document["items"])
    assert kinds == ["affection", "conversation", "expectation", "ifeel"]
    response = _restore(fresh_client, document)
    assert response.status_code == 200, response.text
    assert _without_ids(everything(fresh_client)) == _without_ids(everything(client))


@pytest.mark.parametrize(
    ("kind", "damage"),
    [
        ("ifeel", lambda body: body.pop("situation")),
        ("ifeel", lambda body: body.update(feeling="")),
        (
            "conversation",
            lambda body: body.update(afterwards={"rating": 12, "at": body["created_at"]}),
        ),
        ("expectation", lambda body: body.update(status="maybe")),
        ("affection", lambda body: body.update(mine={"gifts": {"giving": 99, "receiving": 1}})),
    ],
    ids=["ifeel-missing", "ifeel-empty", "plan-rating", "expectation-status", "affection"],
)
def test_a_damaged_record_in_a_backup_is_refused_and_nothing_is_imported(
    client: TestClient, fresh_client: TestClient, kind: str, damage: Any
) -> None:
    for resource, body, _ in RESOURCES:
        created(client, resource, body)
    client.put("/api/v1/affection", json={"mine": RATINGS})
    document = _backup(client)
    item = next(i for i in document["items"] if i["kind"] == kind)
    damage(item["body"])
    before = everything(fresh_client)

    refused = assert_problem(_restore(fresh_client, document), 422)

    assert "in the backup" in refused["detail"]
    assert everything(fresh_client) == before


# -- sharing with a partner ------------------------------------------------------------------


@pytest.fixture
def server(db_settings: Settings, app_for: Any) -> Iterator[TestClient]:
    settings = dataclasses.replace(db_settings, multi_user=True)
    with cheap_argon2(), TestClient(app_for(settings), base_url="https://testserver") as api:
        yield api


def test_a_partner_sees_what_is_shared_and_their_ratings_replace_the_guess(
    server: TestClient,
) -> None:
    alex, sam = api_sign_up(server, "alex"), api_sign_up(server, "sam")
    code = server.post("/api/v1/partner/invite", headers=alex.auth).json()["code"]
    assert server.post("/api/v1/partner/accept", json={"code": code}, headers=sam.auth).is_success
    kept = server.post(
        "/api/v1/expectations", json={"text": "Kept to myself"}, headers=alex.auth
    ).json()
    given = server.post(
        "/api/v1/expectations", json={"text": "We talk on Sundays"}, headers=alex.auth
    ).json()
    url = f"/api/v1/expectations/{given['id']}"
    assert server.patch(url, json={"shared": True}, headers=alex.auth).json()["shared"] is True

    shared = server.get("/api/v1/partner/shared", headers=sam.auth).json()
    assert [(s["kind"], s["item"]["text"]) for s in shared] == [("expectation", given["text"])]
    assert kept["text"] not in json.dumps(shared)

    server.put("/api/v1/affection", json={"mine": RATINGS, "guess": GUESS}, headers=sam.auth)
    theirs = {"kind_words": {"giving": 9, "receiving": 4}}
    server.put("/api/v1/affection", json={"mine": theirs}, headers=alex.auth)
    rule = server.put("/api/v1/partner/sharing/affection", json={"shared": True}, headers=alex.auth)
    assert rule.is_success, rule.text

    comparison = server.get("/api/v1/affection", headers=sam.auth).json()["comparison"]
    assert comparison["partner_source"] == "partner"
    assert comparison["rows"][0]["theirs"] == {"giving": 9, "receiving": 4}
    assert server.get("/api/v1/affection", headers=alex.auth).json()["shared"] is True
