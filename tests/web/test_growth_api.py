"""The self-awareness tools through the JSON API, on both backends: each resource's create,
list, read, update and delete, the outcomes written once, the figures of /stats on
hand-computed data, search, and bad input that changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from contracts import assert_problem, assert_record_lifecycle
from contracts import created_record as created
from fastapi.testclient import TestClient

from heartwise.services import sharing

# (resource, a valid body, a change that PATCH accepts, the field the change sets)
RESOURCES = [
    (
        "triggers",
        {
            "situation": "No reply since lunch",
            "category": "unanswered message",
            "emotion": "anxious",
            "intensity": 70,
        },
        {"intensity": 40},
    ),
    ("urges", {"urge": "Text him again", "wait_minutes": 15}, {"wait_minutes": 20}),
    (
        "thought-records",
        {
            "situation": "Quiet dinner",
            "thought": "He is bored of me",
            "emotions_before": {"anxious": 80},
            "balanced_thought": "He had a long day",
            "emotions_after": {"anxious": 40},
        },
        {"balanced_thought": "He was tired, not bored"},
    ),
    (
        "reality-checks",
        {"event": "She meets her ex for coffee", "expected": 8, "fear": "She leaves"},
        {"expected": 7},
    ),
]
IDS = [resource for resource, _, _ in RESOURCES]


@pytest.mark.parametrize(("resource", "body", "change"), RESOURCES, ids=IDS)
def test_each_resource_is_created_listed_read_changed_and_deleted(
    client: TestClient, resource: str, body: dict[str, Any], change: dict[str, Any]
) -> None:
    assert_record_lifecycle(client, resource, body, change)


@pytest.mark.parametrize(("resource", "body", "change"), RESOURCES, ids=IDS)
def test_an_id_of_another_kind_is_not_found(
    client: TestClient, resource: str, body: dict[str, Any], change: dict[str, Any]
) -> None:
    entry = client.post("/api/v1/entries", json={"text": "An entry, not a record"}).json()
    other = "urges" if resource != "urges" else "triggers"
    other_body = next(b for r, b, _ in RESOURCES if r == other)
    foreign = created(client, other, other_body)

    for wrong in (entry["id"], foreign["id"], 999_999):
        assert_problem(client.get(f"/api/v1/{resource}/{wrong}"), 404)
        assert_problem(client.patch(f"/api/v1/{resource}/{wrong}", json=change), 404)
        assert_problem(client.delete(f"/api/v1/{resource}/{wrong}"), 404)
    assert client.get(f"/api/v1/{other}/{foreign['id']}").json()["id"] == foreign["id"]


BAD = [
    ("triggers", {"situation": "x", "category": "c", "emotion": "e", "intensity": 140}, "int"),
    ("triggers", {"situation": " ", "category": "c", "emotion": "e", "intensity": 5}, "situation"),
    ("urges", {"urge": "check her phone", "wait_minutes": 0}, "wait_minutes"),
    ("urges", {"urge": "check her phone", "wait_minutes": 7 * 24 * 60}, "wait_minutes"),
    ("thought-records", {"situation": "s", "thought": "t", "emotions_before": {"a": 101}}, "e"),
    ("reality-checks", {"event": "dinner with his family", "expected": 11}, "expected"),
    ("reality-checks", {"event": "dinner", "expected": 5, "mood": 3}, "mood"),
]


@pytest.mark.parametrize(("resource", "body", "field"), BAD, ids=[f"{r}-{f}" for r, _, f in BAD])
def test_bad_input_is_refused_plainly_and_nothing_is_stored(
    client: TestClient, resource: str, body: dict[str, Any], field: str
) -> None:
    refused = assert_problem(client.post(f"/api/v1/{resource}", json=body), 422)
    assert refused["field"].startswith(field)
    assert client.get(f"/api/v1/{resource}").json() == []


def test_an_urge_outcome_is_written_once(client: TestClient) -> None:
    urge = created(client, "urges", {"urge": "Check his location", "wait_minutes": 15})
    assert urge["outcome"] is None
    assert urge["ends_at"] > urge["started_at"]

    done = client.post(f"/api/v1/urges/{urge['id']}/outcome", json={"passed": True}).json()
    assert done["outcome"]["passed"] is True

    again = client.post(f"/api/v1/urges/{urge['id']}/outcome", json={"passed": False})
    assert "already recorded" in assert_problem(again, 422)["detail"]
    assert client.get(f"/api/v1/urges/{urge['id']}").json()["outcome"]["passed"] is True
    assert_problem(client.post("/api/v1/urges/999/outcome", json={"passed": True}), 404)


def test_a_reality_check_outcome_is_written_once_and_never_before_its_check(
    client: TestClient,
) -> None:
    check = created(client, "reality-checks", {"event": "Party with her friends", "expected": 7})
    early = {"actual": 3, "at": "2000-01-01T10:00:00+00:00"}
    refused = assert_problem(
        client.post(f"/api/v1/reality-checks/{check['id']}/outcome", json=early), 422
    )
    assert "after has to come after its before" in refused["detail"]
    assert client.get(f"/api/v1/reality-checks/{check['id']}").json()["outcome"] is None

    done = client.post(
        f"/api/v1/reality-checks/{check['id']}/outcome",
        json={"actual": 3, "what_happened": "We laughed a lot"},
    ).json()
    assert (done["came_true"], done["gap"]) == (False, 4)
    again = client.post(f"/api/v1/reality-checks/{check['id']}/outcome", json={"actual": 9})
    assert_problem(again, 422)
    assert client.get(f"/api/v1/reality-checks/{check['id']}").json()["outcome"]["actual"] == 3


def test_stats_give_the_figures_of_the_issue_on_hand_computed_data(client: TestClient) -> None:
    for passed in (True, True, False):
        urge = created(client, "urges", {"urge": "Ask if she still loves me", "wait_minutes": 15})
        client.post(f"/api/v1/urges/{urge['id']}/outcome", json={"passed": passed})
    created(client, "urges", {"urge": "Still open", "wait_minutes": 15})
    for expected, actual in ((8, 2), (5, 5), (6, 3)):
        check = created(client, "reality-checks", {"event": "An evening", "expected": expected})
        client.post(f"/api/v1/reality-checks/{check['id']}/outcome", json={"actual": actual})
    created(client, "reality-checks", {"event": "Still waiting", "expected": 9})
    created(
        client,
        "thought-records",
        {
            "situation": "s",
            "thought": "t",
            "emotions_before": {"anxious": 80, "sad": 60},
            "emotions_after": {"anxious": 30},
        },
    )
    created(
        client,
        "thought-records",
        {"situation": "s", "thought": "t", "emotions_before": {"jealous": 90}},
    )

    stats = client.get("/api/v1/stats").json()

    assert stats["urges"] == {"total": 3, "passed": 2, "pass_rate": pytest.approx(2 / 3, abs=1e-3)}
    checks = stats["reality_checks"]
    assert checks["completed"] == 3
    assert checks["mean_expected"] == pytest.approx(19 / 3, abs=1e-3)
    assert checks["mean_actual"] == pytest.approx(10 / 3, abs=1e-3)
    assert checks["mean_gap"] == pytest.approx(3.0)  # (6 + 0 + 3) / 3
    assert checks["fears_came_true_rate"] == pytest.approx(1 / 3, abs=1e-3)  # only 5 -> 5
    records = stats["thought_records"]
    assert records["count"] == 2
    assert records["mean_before"] == pytest.approx(80.0)  # (70 + 90) / 2
    assert records["mean_after"] == pytest.approx(30.0)  # one record has an after

    empty = client.get("/api/v1/stats", params={"from": "2001-01-01", "to": "2001-12-31"}).json()
    assert empty["urges"] == {"total": 0, "passed": 0, "pass_rate": None}
    assert empty["reality_checks"]["mean_gap"] is None
    assert empty["thought_records"]["mean_before"] is None
    assert_problem(
        client.get("/api/v1/stats", params={"from": "2026-12-31", "to": "2026-01-01"}), 422
    )


def test_search_finds_what_was_written_in_the_tools(client: TestClient) -> None:
    created(
        client,
        "triggers",
        {
            "situation": "Saw the café photo",
            "category": "social media",
            "emotion": "jealous",
            "intensity": 60,
        },
    )
    created(client, "reality-checks", {"event": "Brunch with Mia", "expected": 6})
    client.post("/api/v1/entries", json={"text": "Quiet evening, nothing about photos"})

    found = client.get("/api/v1/search", params={"q": "CAFE photo"}).json()
    assert [r["kind"] for r in found["records"]] == ["trigger"]
    assert found["records"][0]["title"] == "Saw the café photo"
    assert found["items"] == []
    assert client.get("/api/v1/search", params={"q": "mia"}).json()["records"][0]["kind"] == (
        "reality_check"
    )
    assert client.get("/api/v1/search", params={"q": "nowhere"}).json()["records"] == []


def test_records_cannot_be_shared_on_a_journal_without_a_partner(client: TestClient) -> None:
    urge = created(client, "urges", {"urge": "Scroll his likes", "wait_minutes": 10})
    refused = assert_problem(
        client.patch(f"/api/v1/urges/{urge['id']}", json={"shared": True}), 409
    )
    assert "not linked" in refused["detail"]
    assert "urge" in sharing.SHAREABLE_KINDS
    assert client.get(f"/api/v1/urges/{urge['id']}").json()["shared"] is False
