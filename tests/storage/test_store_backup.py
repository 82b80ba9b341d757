"""Export and import: backups that come back whole, and bad files that store nothing."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from heartwise.domain.entries import make_draft
from heartwise.errors import ImportFailed, InvalidInput
from heartwise.services import backup
from heartwise.services.journal import Journal, Query

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PARIS = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 20, 8, 15, tzinfo=PARIS)


def good_item(n: int, **overrides: Any) -> dict[str, Any]:
    item = {
        "text": f"Entry number {n}, all fine.",
        "mood": 5,
        "emotions": {"calm": 40},
        "tags": ["backup"],
        "occurred_at": f"2026-11-{n:02d}T08:00:00+01:00",
        "created_at": f"2026-11-{n:02d}T08:05:00+01:00",
    }
    return {**item, **overrides}


def backup_file(entries: list[Any], **header: Any) -> io.BytesIO:
    document = {"format": "heartwise-backup", "version": 1, **header, "entries": entries}
    return io.BytesIO(json.dumps(document).encode())


def export_text(journal: Journal, fmt: str) -> str:
    out = io.StringIO()
    backup.export(journal, fmt, out, MORNING)
    return out.getvalue()


@pytest.fixture
def existing(journal: Journal) -> int:
    """A journal that already holds one entry, which a failed import must leave alone."""
    return journal.add(make_draft("Written before any import.", MORNING)).id


def assert_only_existing(journal: Journal, existing: int) -> None:
    assert [e.id for e in journal.iter_all(include_trash=True)] == [existing]


def test_a_good_backup_is_imported_whole(journal: Journal, existing: int) -> None:
    count = backup.import_file(journal, "heartwise", backup_file([good_item(1), good_item(2)]))

    assert count == 2
    entries = list(journal.iter_all())
    assert [e.text for e in entries] == [
        "Entry number 1, all fine.",
        "Entry number 2, all fine.",
        "Written before any import.",
    ]
    assert entries[0].created_at == datetime(2026, 11, 1, 8, 5, tzinfo=PARIS)
    assert entries[0].updated_at == entries[0].created_at  # missing updated_at: the creation
    assert journal.page(Query(tag="BACKUP")).total == 2


def test_an_entry_with_a_bad_mood_names_its_number_and_nothing_is_stored(
    journal: Journal, existing: int
) -> None:
    entries = [good_item(1), good_item(2), good_item(3, mood=11), good_item(4)]
    with pytest.raises(ImportFailed, match=r"^Entry 3 of the backup: Mood .* not 11") as caught:
        backup.import_file(journal, "heartwise", backup_file(entries))
    assert caught.value.field == "mood"
    assert_only_existing(journal, existing)


@pytest.mark.parametrize(
    ("item", "field", "message"),
    [
        (good_item(2, occurred_at="yesterday"), "occurred_at", "“occurred_at” heartwise cannot"),
        (good_item(2, occurred_at=None), "occurred_at", "no readable “occurred_at”"),
        (good_item(2, text=""), "text", "needs some text"),
        (good_item(2, emotions={"calm": 400}), "emotions", "from 0 to 100"),
        (good_item(2, emotions=["calm"]), "emotions", "should map names"),
        (good_item(2, tags="backup"), "tags", "list of words"),
        (good_item(2, created_at=12), "created_at", "no readable “created_at”"),
    ],
)
def test_an_unreadable_field_names_the_entry_and_the_field(
    journal: Journal, existing: int, item: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ImportFailed, match=f"^Entry 2.*{message}") as caught:
        backup.import_file(journal, "heartwise", backup_file([good_item(1), item]))
    assert caught.value.field == field
    assert_only_existing(journal, existing)


def test_an_entry_that_is_not_an_object_is_refused(journal: Journal, existing: int) -> None:
    with pytest.raises(ImportFailed, match="Entry 2 of the backup is not an object"):
        backup.import_file(journal, "heartwise", backup_file([good_item(1), "text"]))
    assert_only_existing(journal, existing)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            backup_file([good_item(1)], format="jrnl").getvalue(),
            "not a heartwise backup.*--from jrnl",
        ),
        (backup_file([good_item(1)], version=99).getvalue(), "format version 99"),
        (b'{"format": "heartwise-backup", "version": 1}', "no list of entries"),
        (
            backup_file([good_item(1), good_item(2)]).getvalue()[:-30],
            "not valid JSON.*just after entry 1",
        ),
        (b'{"format": "heartwise-backup", "vers', "not valid JSON.*before its first entry ends"),
        (b"", "not valid JSON"),
        (
            backup_file([good_item(1, text="caf\u00e9")])
            .getvalue()
            .replace(b"caf\\u00e9", b"caf\xe9"),
            "not valid JSON",
        ),
        ("\ufeff".encode("utf-16") + b"\x00{", "not valid JSON"),
    ],
    ids=[
        "wrong format",
        "version 99",
        "no entries",
        "truncated",
        "cut in header",
        "empty",
        "latin-1 byte",
        "utf-16",
    ],
)
def test_a_bad_backup_file_is_refused_and_stores_nothing(
    journal: Journal, existing: int, content: bytes, message: str
) -> None:
    with pytest.raises(ImportFailed, match=message):
        backup.import_file(journal, "heartwise", io.BytesIO(content))
    assert_only_existing(journal, existing)


def test_an_unknown_source_or_format_is_refused(journal: Journal, existing: int) -> None:
    with pytest.raises(ImportFailed, match="can import heartwise, jrnl, dayone"):
        backup.import_file(journal, "evernote", io.BytesIO(b"{}"))
    with pytest.raises(InvalidInput, match="exports as json, md, csv"):
        backup.export(journal, "pdf", io.StringIO(), MORNING)
    assert_only_existing(journal, existing)


def test_a_json_export_holds_every_entry_including_the_trash(journal: Journal) -> None:
    kept = journal.add(make_draft("Kept.", MORNING, mood=7, tags=["us"]))
    trashed = journal.add(make_draft("Trashed.", MORNING + timedelta(hours=1)))
    journal.delete(trashed.id)

    document = json.loads(export_text(journal, "json"))

    assert document["format"] == "heartwise-backup"
    assert document["version"] == backup.BACKUP_VERSION == 3
    assert document["exported_at"] == MORNING.isoformat()
    assert [item["text"] for item in document["entries"]] == ["Kept.", "Trashed."]
    assert document["entries"][0]["mood"] == kept.mood
    assert document["entries"][1]["deleted_at"] is not None
    assert "id" not in document["entries"][0]


def test_an_empty_journal_exports_a_valid_empty_backup(journal: Journal) -> None:
    document = json.loads(export_text(journal, "json"))
    assert document["entries"] == []


def test_a_markdown_export_reads_as_a_journal(journal: Journal) -> None:
    journal.add(
        make_draft(
            "He kept his promise about Sunday.\nI noticed, and said so.",
            datetime(2026, 11, 15, 19, 45, tzinfo=timezone(timedelta(hours=-5))),
            mood=8,
            emotions={"grateful": 70},
            tags=["promises", "us"],
        )
    )
    gone = journal.add(make_draft("Deleted thought.", MORNING))
    journal.delete(gone.id)

    markdown = export_text(journal, "md")

    assert markdown.startswith("# My heartwise journal\n")
    assert "## Sunday 15 November 2026, 19:45 (-05:00)" in markdown
    assert "Mood 8/10 · Feeling grateful 70 · Tags: promises, us" in markdown
    assert "He kept his promise about Sunday.\nI noticed, and said so.\n" in markdown
    assert "Deleted thought." not in markdown


def test_a_csv_export_parses_back_to_the_entries(journal: Journal) -> None:
    tricky = 'Said "fine", meant not fine;\nthen, later, we talked.'
    journal.add(
        make_draft(
            tricky, MORNING, mood=4, emotions={"hurt": 60, "hopeful": 20}, tags=["us", "talk"]
        )
    )
    journal.add(make_draft("Plain.", MORNING + timedelta(days=1)))

    rows = list(csv.DictReader(io.StringIO(export_text(journal, "csv"))))

    assert [row["text"] for row in rows] == [tricky, "Plain."]
    assert rows[0]["mood"] == "4"
    assert rows[0]["emotions"] == "hurt:60; hopeful:20"
    assert rows[0]["tags"] == "us; talk"
    assert rows[0]["occurred_at"] == MORNING.isoformat()
    assert rows[1]["mood"] == ""
    assert list(rows[0]) == list(backup.CSV_COLUMNS)


def test_a_jrnl_export_comes_in_searchable_and_tagged(journal: Journal) -> None:
    with (FIXTURES / "jrnl_export.json").open("rb") as stream:
        assert backup.import_file(journal, "jrnl", stream) == 4

    entries = list(journal.iter_all())
    assert entries[0].text.startswith("Quiet dinner, loud thoughts. @home\n\nHe scrolled")
    (hit,) = journal.search("sister", Query())
    assert hit.entry.text.startswith("We argued about the weekend.")
    assert [hit.entry.text[a:b] for a, b in hit.spans] == ["sister"]
    assert journal.page(Query(tag="us")).total == 2
    assert journal.page(Query(tag="WORK")).total == 1
    assert journal.page(Query(tag="starred")).total == 1
    assert [h.entry.id for h in journal.search("cafe", Query())] == [
        e.id for e in journal.page(Query(tag="trust")).entries
    ]


def test_a_day_one_export_comes_in_searchable_and_tagged(journal: Journal) -> None:
    with (FIXTURES / "dayone_export.json").open("rb") as stream:
        assert backup.import_file(journal, "dayone", stream) == 4

    assert journal.page(Query(tag="us")).total == 2
    assert journal.page(Query(tag="Good Days")).total == 1
    (hit,) = journal.search("fireworks", Query(tag="starred"))
    assert hit.entry.occurred_at.utcoffset() == timedelta(hours=-4)
    (fridge,) = journal.search("fridge", Query())
    assert "dayone-moment" not in fridge.entry.text


def test_a_bad_jrnl_file_stores_nothing(journal: Journal, existing: int) -> None:
    with (
        (FIXTURES / "jrnl_bad_date.json").open("rb") as stream,
        pytest.raises(ImportFailed, match="Entry 1 of the jrnl file has a date"),
    ):
        backup.import_file(journal, "jrnl", stream)
    assert_only_existing(journal, existing)


def test_a_day_one_file_of_another_shape_stores_nothing(journal: Journal, existing: int) -> None:
    with (
        (FIXTURES / "dayone_not_export.json").open("rb") as stream,
        pytest.raises(ImportFailed, match="does not look like a Day One JSON export"),
    ):
        backup.import_file(journal, "dayone", stream)
    assert_only_existing(journal, existing)


def test_import_reports_progress(journal: Journal) -> None:
    seen: list[int] = []
    items = [good_item(1 + n % 28, text=f"Entry {n}.") for n in range(501)]
    assert backup.import_file(journal, "heartwise", backup_file(items), seen.append) == 501
    assert seen == [500, 501]
