"""The JSON API under /api/v1, as a script or another app would use it, on both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from contracts import assert_problem
from fastapi.testclient import TestClient
from httpx2 import Response

FIXTURES = Path(__file__).parent.parent / "fixtures"


def write(client: TestClient, text: str, **fields: Any) -> dict[str, Any]:
    response = client.post("/api/v1/entries", json={"text": text, **fields})
    assert response.status_code == 201, response.text
    return response.json()


def entries(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/v1/entries", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def texts(page: dict[str, Any]) -> list[str]:
    return [item["text"] for item in page["items"]]


# -- writing and reading ---------------------------------------------------------------------


def test_text_alone_is_enough_to_write_an_entry(client: TestClient, clock) -> None:
    response = client.post("/api/v1/entries", json={"text": "He was late again and I panicked."})

    assert response.status_code == 201
    entry = response.json()
    assert response.headers["location"] == f"/api/v1/entries/{entry['id']}"
    assert entry["text"] == "He was late again and I panicked."
    assert entry["mood"] is None
    assert entry["emotions"] == {}
    assert entry["tags"] == []
    assert entry["occurred_at"] == clock().isoformat()
    assert client.get(response.headers["location"]).json() == entry


def test_every_field_round_trips_exactly(client: TestClient) -> None:
    sent = {
        "text": "Dinner in Mumbai went well. I did not check his phone.\nNot once.",
        "mood": 7,
        "emotions": {"anxious": 30, "hopeful": 80},
        "tags": ["us", "travel"],
        "occurred_at": "2026-03-02T21:40:00+05:30",
    }

    created = client.post("/api/v1/entries", json=sent).json()
    read_back = client.get(f"/api/v1/entries/{created['id']}").json()

    for entry in (created, read_back):
        assert {name: entry[name] for name in sent} == sent


def test_the_list_is_newest_first_with_paging_and_a_total(client: TestClient) -> None:
    for day in range(1, 6):
        write(client, f"Day {day}", occurred_at=f"2026-05-0{day}T12:00:00+01:00")

    first = entries(client, limit=2)
    second = entries(client, limit=2, offset=2)
    last = entries(client, limit=2, offset=4)

    assert texts(first) == ["Day 5", "Day 4"]
    assert texts(second) == ["Day 3", "Day 2"]
    assert texts(last) == ["Day 1"]
    assert first["total"] == second["total"] == last["total"] == 5
    assert (second["limit"], second["offset"]) == (2, 2)


def test_the_list_filters_by_tag_and_by_dates(client: TestClient) -> None:
    write(client, "Jealous at the party", tags=["Party"], occurred_at="2026-06-01T12:00:00+01:00")
    write(client, "Calm walk together", tags=["us"], occurred_at="2026-06-10T12:00:00+01:00")
    write(client, "Talked it through", tags=["us"], occurred_at="2026-06-20T12:00:00+01:00")

    assert texts(entries(client, tag="party")) == ["Jealous at the party"]
    assert entries(client, tag="us")["total"] == 2
    assert texts(entries(client, **{"from": "2026-06-05"})) == [
        "Talked it through",
        "Calm walk together",
    ]
    assert texts(entries(client, to="2026-06-10")) == ["Calm walk together", "Jealous at the party"]
    in_between = entries(client, tag="us", **{"from": "2026-06-05", "to": "2026-06-15"})
    assert texts(in_between) == ["Calm walk together"]
    assert in_between["total"] == 1


def test_patch_changes_only_the_fields_given(client: TestClient, clock) -> None:
    original = write(client, "First draft", mood=4, emotions={"sad": 60}, tags=["draft"])
    clock.advance(minutes=5)

    edited = client.patch(f"/api/v1/entries/{original['id']}", json={"text": "Second draft"})

    assert edited.status_code == 200
    after = edited.json()
    assert after["text"] == "Second draft"
    for kept in ("mood", "emotions", "tags", "occurred_at", "created_at"):
        assert after[kept] == original[kept]
    assert after["updated_at"] == clock().isoformat() != original["updated_at"]


def test_patch_with_a_null_mood_clears_the_mood(client: TestClient) -> None:
    original = write(client, "Not sure how I feel", mood=3, tags=["unsure"])

    cleared = client.patch(f"/api/v1/entries/{original['id']}", json={"mood": None}).json()

    assert cleared["mood"] is None
    assert cleared["text"] == "Not sure how I feel"
    assert cleared["tags"] == ["unsure"]
    assert client.get(f"/api/v1/entries/{original['id']}").json()["mood"] is None


def test_a_deleted_entry_waits_in_the_trash_and_can_be_restored(client: TestClient) -> None:
    entry = write(client, "Said something I regret")
    address = f"/api/v1/entries/{entry['id']}"

    deleted = client.delete(address)

    assert deleted.status_code == 204
    assert deleted.content == b""
    assert "no entry" in assert_problem(client.get(address), 404)["detail"]
    assert entries(client)["total"] == 0
    trash = client.get("/api/v1/trash").json()
    assert [item["text"] for item in trash] == ["Said something I regret"]
    assert trash[0]["deleted_at"] is not None

    restored = client.post(f"/api/v1/trash/{entry['id']}/restore", json={})

    assert restored.status_code == 200
    assert restored.json()["text"] == "Said something I regret"
    assert client.get(address).json()["deleted_at"] is None
    assert client.get("/api/v1/trash").json() == []


# -- search ----------------------------------------------------------------------------------


def test_search_ranks_matches_and_marks_where_the_words_are(client: TestClient) -> None:
    write(client, "Jealous, jealous, so jealous of his new colleague tonight.")
    write(client, "A calm day. A little jealous in the evening, then fine.")
    write(client, "Nothing to do with it.")

    response = client.get("/api/v1/search", params={"q": "JEALOUS"})

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["text"][:7] for item in items] == ["Jealous", "A calm "]
    ranks = [item["rank"] for item in items]
    assert ranks == sorted(ranks, reverse=True)
    for item in items:
        assert item["highlights"]
        for start, end in item["highlights"]:
            assert item["text"][start:end].lower() == "jealous"
    assert len(items[0]["highlights"]) == 3


def test_search_needs_every_word(client: TestClient) -> None:
    write(client, "We laughed at dinner")
    write(client, "We argued at dinner")

    items = client.get("/api/v1/search", params={"q": "dinner laughed"}).json()["items"]

    assert [item["text"] for item in items] == ["We laughed at dinner"]
    found = {items[0]["text"][a:b] for a, b in items[0]["highlights"]}
    assert found == {"laughed", "dinner"}


# -- export and import -----------------------------------------------------------------------


def test_export_as_json_markdown_and_csv(client: TestClient) -> None:
    write(
        client,
        "Felt left out",
        mood=3,
        emotions={"lonely": 70},
        tags=["friends"],
        occurred_at="2026-04-01T20:15:00+02:00",
    )

    backup = client.get("/api/v1/export", params={"format": "json"})
    markdown = client.get("/api/v1/export", params={"format": "md"})
    table = client.get("/api/v1/export", params={"format": "csv"})

    assert backup.headers["content-type"].startswith("application/json")
    assert "attachment" in backup.headers["content-disposition"]
    document = backup.json()
    assert document["format"] == "heartwise-backup"
    assert [item["text"] for item in document["entries"]] == ["Felt left out"]

    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "## Wednesday 01 April 2026, 20:15 (+02:00)" in markdown.text
    assert "Mood 3/10 · Feeling lonely 70 · Tags: friends" in markdown.text
    assert "Felt left out" in markdown.text

    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert len(rows) == 1
    assert rows[0]["text"] == "Felt left out"
    assert rows[0]["occurred_at"] == "2026-04-01T20:15:00+02:00"
    assert rows[0]["emotions"] == "lonely:70"


def test_a_backup_imported_into_a_fresh_journal_gives_identical_entries(
    client: TestClient, fresh_client: TestClient, clock
) -> None:
    write(
        client,
        "The first entry",
        mood=5,
        emotions={"hopeful": 40},
        tags=["start"],
        occurred_at="2026-01-03T08:00:00-05:00",
    )
    write(client, "Ünïcode and\nlines\n\n— and a dash", tags=["Ärger"])
    thrown = write(client, "This one is in the trash")
    client.delete(f"/api/v1/entries/{thrown['id']}")
    backup = client.get("/api/v1/export", params={"format": "json"}).content
    clock.advance(days=1)

    imported = fresh_client.post(
        "/api/v1/import?source=heartwise",
        content=backup,
        headers={"content-type": "application/json"},
    )

    assert imported.status_code == 200
    assert imported.json() == {"imported": 3}

    def without_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in item.items() if k != "id"} for item in items]

    assert without_ids(entries(fresh_client)["items"]) == without_ids(entries(client)["items"])
    assert without_ids(fresh_client.get("/api/v1/trash").json()) == without_ids(
        client.get("/api/v1/trash").json()
    )


def test_a_jrnl_export_can_be_imported(client: TestClient) -> None:
    response = client.post(
        "/api/v1/import?source=jrnl",
        content=(FIXTURES / "jrnl_export.json").read_bytes(),
        headers={"content-type": "application/json"},
    )

    assert response.status_code == 200
    assert response.json() == {"imported": 4}
    oldest = entries(client)["items"][-1]
    assert oldest["text"].startswith("Quiet dinner, loud thoughts. @home\n\nHe scrolled")
    assert oldest["tags"] == ["home"]
    assert oldest["occurred_at"].startswith("2024-03-02T21:40:00")
    assert texts(entries(client, tag="starred"))[0].startswith("Sent the first good-morning")


def test_the_openapi_document_lists_the_api(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()

    assert document["info"]["title"] == "heartwise API"
    assert set(document["paths"]) == {
        "/api/v1/entries",
        "/api/v1/entries/{entry_id}",
        "/api/v1/trash",
        "/api/v1/trash/{entry_id}/restore",
        "/api/v1/search",
        "/api/v1/export",
        "/api/v1/import",
        "/api/v1/analyze",
        "/api/v1/unlock",
        "/api/v1/lock",
        "/api/v1/auth/signup",
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        "/api/v1/auth/me",
        "/api/v1/auth/password",
        "/api/v1/auth/recover",
        "/api/v1/auth/account",
        "/api/v1/partner",
        "/api/v1/partner/invite",
        "/api/v1/partner/accept",
        "/api/v1/partner/shared",
        "/api/v1/partner/sharing/{kind}",
        "/api/v1/triggers",
        "/api/v1/triggers/{record_id}",
        "/api/v1/trigger-categories",
        "/api/v1/urges",
        "/api/v1/urges/{record_id}",
        "/api/v1/urges/{record_id}/outcome",
        "/api/v1/thought-records",
        "/api/v1/thought-records/{record_id}",
        "/api/v1/reality-checks",
        "/api/v1/reality-checks/{record_id}",
        "/api/v1/reality-checks/{record_id}/outcome",
        "/api/v1/stats",
        "/api/v1/coach",
        "/api/v1/ifeel",
        "/api/v1/ifeel/choices",
        "/api/v1/ifeel/preview",
        "/api/v1/ifeel/{record_id}",
        "/api/v1/ifeel/{record_id}/outcome",
        "/api/v1/conversations",
        "/api/v1/conversations/{record_id}",
        "/api/v1/conversations/{record_id}/afterwards",
        "/api/v1/expectations",
        "/api/v1/expectations/check",
        "/api/v1/expectations/{record_id}",
        "/api/v1/affection",
    }
    assert set(document["paths"]["/api/v1/entries/{entry_id}"]) == {"get", "patch", "delete"}


# -- what is refused, and that nothing changes -----------------------------------------------


BAD_ENTRY_FIELDS = {
    "text too long": {"text": "x" * 100_001},
    "empty text": {"text": "   "},
    "mood 0": {"mood": 0},
    "mood 11": {"mood": 11},
    "mood in words": {"mood": "high"},
    "intensity over 100": {"emotions": {"anxious": 140}},
    "unreadable time": {"occurred_at": "last tuesday-ish"},
    "impossible date": {"occurred_at": "2026-02-30T10:00:00+01:00"},
    "unknown field": {"colour": "blue"},
}


@pytest.fixture
def kept(client: TestClient) -> dict[str, Any]:
    """An entry already in the journal, which a refused request must leave as it was."""
    return write(client, "Already here", mood=6, emotions={"calm": 50}, tags=["kept"])


def assert_unchanged(client: TestClient, kept: dict[str, Any]) -> None:
    page = entries(client)
    assert page["total"] == 1
    assert page["items"] == [kept]
    assert client.get("/api/v1/trash").json() == []


@pytest.mark.parametrize("fields", BAD_ENTRY_FIELDS.values(), ids=BAD_ENTRY_FIELDS.keys())
def test_a_bad_new_entry_is_refused_and_nothing_is_stored(
    client: TestClient, kept: dict[str, Any], fields: dict[str, Any]
) -> None:
    body = {"text": "A new entry", **fields}

    response = client.post("/api/v1/entries", json=body)

    problem = assert_problem(response, 422)
    assert "x" * 100 not in problem["detail"]
    assert_unchanged(client, kept)


@pytest.mark.parametrize("fields", BAD_ENTRY_FIELDS.values(), ids=BAD_ENTRY_FIELDS.keys())
def test_a_bad_change_is_refused_and_the_entry_stays_as_it_was(
    client: TestClient, kept: dict[str, Any], fields: dict[str, Any]
) -> None:
    response = client.patch(f"/api/v1/entries/{kept['id']}", json=fields)

    assert_problem(response, 422)
    assert_unchanged(client, kept)


def test_the_field_at_fault_is_named(client: TestClient) -> None:
    response = client.post("/api/v1/entries", json={"text": "Fine", "mood": 11})

    problem = assert_problem(response, 422)
    assert problem["field"] == "mood"
    assert "1 (very low) to 10 (very good)" in problem["detail"]


@pytest.mark.parametrize(
    ("method", "address"),
    [
        ("GET", "/api/v1/entries/999"),
        ("PATCH", "/api/v1/entries/999"),
        ("DELETE", "/api/v1/entries/999"),
        ("POST", "/api/v1/trash/999/restore"),
    ],
)
def test_an_unknown_entry_is_not_found(
    client: TestClient, kept: dict[str, Any], method: str, address: str
) -> None:
    body = {"text": "Replaced?"} if method in ("PATCH", "POST") else None
    response = client.request(method, address, json=body)

    assert "#999" in assert_problem(response, 404)["detail"]
    assert_unchanged(client, kept)


def test_a_restore_of_an_entry_not_in_the_trash_is_not_found(
    client: TestClient, kept: dict[str, Any]
) -> None:
    response = client.post(f"/api/v1/trash/{kept['id']}/restore", json={})

    assert "trash" in assert_problem(response, 404)["detail"]
    assert_unchanged(client, kept)


def import_file(client: TestClient, source: str, content: bytes) -> Response:
    return client.post(
        "/api/v1/import",
        params={"source": source},
        content=content,
        headers={"content-type": "application/json"},
    )


def test_an_unknown_import_source_is_refused(client: TestClient, kept: dict[str, Any]) -> None:
    jrnl = (FIXTURES / "jrnl_export.json").read_bytes()

    problem = assert_problem(import_file(client, "evernote", jrnl), 422)

    assert problem["field"] == "source"
    assert_unchanged(client, kept)


def test_a_bad_backup_stores_none_of_its_entries(client: TestClient, kept: dict[str, Any]) -> None:
    backup = {
        "format": "heartwise-backup",
        "version": 1,
        "entries": [
            {"text": "Good one", "occurred_at": "2026-01-01T10:00:00+01:00"},
            {"text": "Also good", "occurred_at": "2026-01-02T10:00:00+01:00"},
            {"text": "Broken", "occurred_at": "2026-01-03T10:00:00+01:00", "mood": 99},
        ],
    }

    response = import_file(client, "heartwise", json.dumps(backup).encode())

    assert "Entry 3" in assert_problem(response, 422)["detail"]
    assert_unchanged(client, kept)


def test_a_bad_jrnl_entry_after_good_ones_stores_nothing(
    client: TestClient, kept: dict[str, Any]
) -> None:
    document = json.loads((FIXTURES / "jrnl_export.json").read_text())
    document["entries"] += json.loads((FIXTURES / "jrnl_bad_date.json").read_text())["entries"]

    response = import_file(client, "jrnl", json.dumps(document).encode())

    assert "Entry 5" in assert_problem(response, 422)["detail"]
    assert_unchanged(client, kept)


@pytest.mark.parametrize(
    "content", [b"", b"not json at all", b'{"entries": "none"}', b"PK\x03\x04zip"]
)
def test_a_file_that_is_no_export_is_refused(
    client: TestClient, kept: dict[str, Any], content: bytes
) -> None:
    assert_problem(import_file(client, "jrnl", content), 422)
    assert_problem(import_file(client, "heartwise", content), 422)
    assert_unchanged(client, kept)


@pytest.mark.parametrize(
    ("method", "address"),
    [
        ("POST", "/api/v1/entries"),
        ("PATCH", "/api/v1/entries/1"),
        ("POST", "/api/v1/import"),
        ("POST", "/api/v1/trash/1/restore"),
    ],
)
@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None]
)
def test_writes_that_are_not_json_are_refused(
    client: TestClient, kept: dict[str, Any], method: str, address: str, content_type: str | None
) -> None:
    headers = {"content-type": content_type} if content_type else {}

    response = client.request(method, address, content=b'{"text": "Sneaky"}', headers=headers)

    assert_problem(response, 415)
    assert_unchanged(client, kept)


@pytest.mark.parametrize("query", ["", "   ", "?!…"])
def test_a_search_needs_a_word(client: TestClient, kept: dict[str, Any], query: str) -> None:
    problem = assert_problem(client.get("/api/v1/search", params={"q": query}), 422)

    assert problem["detail"] == "Please type at least one word to search for."


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 501},
        {"offset": -1},
        {"from": "soon"},
        {"from": "2026-06-02", "to": "2026-06-01"},
    ],
    ids=["limit 0", "limit 501", "negative offset", "unreadable date", "range backwards"],
)
def test_a_list_with_bad_bounds_is_refused(client: TestClient, params: dict[str, Any]) -> None:
    assert_problem(client.get("/api/v1/entries", params=params), 422)


def test_a_deleted_entry_cannot_be_deleted_again(client: TestClient, kept: dict[str, Any]) -> None:
    assert client.delete(f"/api/v1/entries/{kept['id']}").status_code == 204

    assert_problem(client.delete(f"/api/v1/entries/{kept['id']}"), 404)
    assert len(client.get("/api/v1/trash").json()) == 1
