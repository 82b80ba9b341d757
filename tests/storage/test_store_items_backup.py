"""Sealed items in backups: version 2 carries the safety plan and "not this" dismissals,
each dismissal tied to its entry by position; version 1 files still import."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from heartwise.config import Settings
from heartwise.domain.entries import make_draft
from heartwise.errors import ImportFailed
from heartwise.services import backup
from heartwise.services.dismissals import Dismissals
from heartwise.services.items import Items
from heartwise.services.journal import Journal, Query
from heartwise.services.safety import SafetyPlan
from heartwise.services.workspace import open_local_workspace

PARIS = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 20, 8, 15, tzinfo=PARIS)
PLAN = {"coping": "Walk round the block", "people_places": "My sister Ana"}


def export_json(journal: Journal) -> str:
    out = io.StringIO()
    backup.export(journal, "json", out, MORNING)
    return out.getvalue()


def as_stream(document: dict[str, Any] | str) -> io.BytesIO:
    text = document if isinstance(document, str) else json.dumps(document)
    return io.BytesIO(text.encode())


@pytest.fixture
def filled(journal: Journal) -> Journal:
    """Three entries (the last in the trash), a safety plan, and a dismissal on the second."""
    for n, text in enumerate(["First, calm.", "You never listen, whatever.", "Trashed one."]):
        journal.add(make_draft(text, MORNING + timedelta(hours=n)))
    ids = by_text(journal)
    journal.delete(ids["Trashed one."])
    SafetyPlan(journal.ws).save(PLAN)
    Dismissals(journal.ws).dismiss(ids["You never listen, whatever."], "harsh")
    return journal


def by_text(journal: Journal) -> dict[str, int]:
    return {e.text: e.id for e in journal.iter_all(include_trash=True)}


def test_a_backup_holds_the_items_with_entry_positions(filled: Journal) -> None:
    document = json.loads(export_json(filled))

    assert document["format"] == "heartwise-backup"
    assert document["version"] == 3
    texts = [e["text"] for e in document["entries"]]
    kinds = sorted(item["kind"] for item in document["items"])
    assert kinds == ["dismissal", "safety_plan"]
    [dismissal] = [i for i in document["items"] if i["kind"] == "dismissal"]
    assert dismissal["body"] == {
        "label": "harsh",
        "entry_ref": texts.index("You never listen, whatever."),
    }
    assert "entry_id" not in json.dumps(document["items"])
    [plan] = [i for i in document["items"] if i["kind"] == "safety_plan"]
    assert plan["body"]["coping"] == PLAN["coping"]
    assert plan["body"]["people_places"] == PLAN["people_places"]
    assert datetime.fromisoformat(plan["created_at"]).tzinfo is not None


def test_plan_and_dismissal_survive_into_a_fresh_data_dir(
    filled: Journal, tmp_path: Path, clock
) -> None:
    exported = export_json(filled)
    old_ids = by_text(filled)

    fresh = Settings(data_dir=tmp_path / "fresh")
    with open_local_workspace(fresh, clock) as ws:
        target = Journal(ws)
        # Entries already there shift the ids the imported ones get.
        for n in range(4):
            target.add(make_draft(f"Already here {n}.", MORNING))
        count = backup.import_file(target, "heartwise", as_stream(exported))

        assert count == 3
        new_ids = by_text(target)
        assert new_ids["You never listen, whatever."] != old_ids["You never listen, whatever."]
        dismissals = Dismissals(ws)
        for text, entry_id in new_ids.items():
            expected = {"harsh"} if text == "You never listen, whatever." else set()
            assert dismissals.for_entry(entry_id) == expected, text
        plan = SafetyPlan(ws).read()
        assert plan["coping"] == PLAN["coping"]
        assert plan["people_places"] == PLAN["people_places"]
        assert plan["warning_signs"] == ""

        # Exported again, the items come out the same.
        again = json.loads(export_json(target))
    first = json.loads(exported)
    assert [i for i in again["items"] if i["kind"] == "safety_plan"] == [
        i for i in first["items"] if i["kind"] == "safety_plan"
    ]
    [dismissal] = [i for i in again["items"] if i["kind"] == "dismissal"]
    texts = [e["text"] for e in again["entries"]]
    assert texts[dismissal["body"]["entry_ref"]] == "You never listen, whatever."


def test_the_imported_items_are_sealed(filled: Journal, tmp_path: Path, clock) -> None:
    SafetyPlan(filled.ws).save({"warning_signs": "ZebraCanaryBackup55"})
    exported = export_json(filled)
    fresh = Settings(data_dir=tmp_path / "fresh")
    with open_local_workspace(fresh, clock) as ws:
        backup.import_file(Journal(ws), "heartwise", as_stream(exported))
        assert SafetyPlan(ws).read()["warning_signs"] == "ZebraCanaryBackup55"
    for path in fresh.data_dir.iterdir():
        if path.is_file():
            assert b"ZebraCanaryBackup55" not in path.read_bytes(), path.name


def test_a_version_1_backup_written_by_hand_still_imports(journal: Journal) -> None:
    document = {
        "format": "heartwise-backup",
        "version": 1,
        "exported_at": "2026-11-01T09:00:00+01:00",
        "entries": [
            {"text": "Old backup, first.", "occurred_at": "2026-10-01T08:00:00+01:00"},
            {
                "text": "Old backup, second.",
                "occurred_at": "2026-10-02T08:00:00+01:00",
                "mood": 6,
                "tags": ["old"],
                "emotions": {"calm": 40},
            },
        ],
    }

    count = backup.import_file(journal, "heartwise", as_stream(document))

    assert count == 2
    texts = sorted(e.text for e in journal.iter_all())
    assert texts == ["Old backup, first.", "Old backup, second."]
    assert Items(journal.ws).everything() == []
    assert SafetyPlan(journal.ws).read() == dict.fromkeys(SafetyPlan(journal.ws).read(), "")


def test_an_empty_items_list_is_fine(journal: Journal) -> None:
    document = {
        "format": "heartwise-backup",
        "version": 2,
        "entries": [{"text": "Only one.", "occurred_at": "2026-10-01T08:00:00+01:00"}],
        "items": [],
    }
    assert backup.import_file(journal, "heartwise", as_stream(document)) == 1


def entry(n: int) -> dict[str, Any]:
    return {"text": f"Entry {n}.", "occurred_at": f"2026-10-0{n}T08:00:00+01:00"}


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"kind": "dismissal", "body": {"label": "harsh", "entry_ref": 5}}, "refers to an entry"),
        ({"kind": "dismissal", "body": {"label": "harsh", "entry_ref": -1}}, "refers to an entry"),
        ({"kind": "dismissal", "body": {"label": "x", "entry_ref": "0"}}, "refers to an entry"),
        ({"body": {"label": "harsh"}}, "Saved item 1 of the backup is not in a form"),
        ({"kind": "safety_plan", "body": "text"}, "Saved item 1 of the backup is not in a form"),
        ("just text", "Saved item 1 of the backup is not in a form"),
    ],
    ids=["ref-too-far", "ref-negative", "ref-string", "no-kind", "body-not-object", "not-object"],
)
def test_a_bad_item_stores_nothing_at_all(journal: Journal, item: Any, message: str) -> None:
    journal.add(make_draft("Written before the import.", MORNING))
    document = {
        "format": "heartwise-backup",
        "version": 2,
        "entries": [entry(1), entry(2)],
        "items": [item],
    }

    with pytest.raises(ImportFailed, match=message):
        backup.import_file(journal, "heartwise", as_stream(document))

    assert [e.text for e in journal.iter_all()] == ["Written before the import."]
    assert Items(journal.ws).everything() == []


def test_a_newer_backup_version_is_refused_kindly(journal: Journal) -> None:
    document = {"format": "heartwise-backup", "version": 4, "entries": [entry(1)], "items": []}
    with pytest.raises(ImportFailed, match="reads versions 1 to 3"):
        backup.import_file(journal, "heartwise", as_stream(document))
    assert list(journal.iter_all()) == []


def test_a_backup_listing_items_before_entries_is_refused_whole(journal: Journal) -> None:
    document = (
        '{"format": "heartwise-backup", "version": 2, '
        '"items": [{"kind": "safety_plan", "body": {"coping": "walk"}}], '
        '"entries": [{"text": "Hello.", "occurred_at": "2026-11-20T21:30:00+01:00"}]}'
    )

    with pytest.raises(ImportFailed, match="entries first"):
        backup.import_file(journal, "heartwise", io.BytesIO(document.encode()))

    assert journal.page(Query(limit=10)).total == 0
