"""Mistakes at the terminal: a kind message, a telling exit code, no traceback, no change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from heartwise.config import Settings


def said(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def one_entry(cli, stored):
    """A journal holding one entry, and what was stored before the mistake."""
    assert cli("log", "Written before the mistakes.", "--mood", "5", "-t", "us").exit_code == 0
    return stored()


CHECK = "Please check what you entered."
MISTAKES = [
    (
        ["log", "x", "--mood", "11"],
        2,
        f"{CHECK} Mood is a whole number from 1 (very low) to 10 (very good), not 11.",
    ),
    (["log", "x", "--mood", "0"], 2, "Mood is a whole number from 1"),
    (["log", "x", "--emotion", "bad"], 2, f"{CHECK} “bad” is not an emotion heartwise can read."),
    (["log", "x", "-e", "anxious:120"], 2, "The intensity of “anxious” must be a whole number"),
    (["log", "x", "--at", "nonsense"], 2, f"{CHECK} “nonsense” is not a date and time"),
    (["log", "x" * 100_001], 2, "This entry has 100,001 characters; heartwise keeps up to"),
    (["log", "   "], 2, "An entry needs some text."),
    (["log", "x", "-t", "t" * 51], 2, "A tag can be up to 50 characters."),
    (["show", "99"], 3, "Not found. There is no entry #99."),
    (["edit", "99", "--text", "new"], 3, "There is no entry #99."),
    (["delete", "99"], 3, "There is no entry #99."),
    (["trash", "--restore", "1"], 3, "There is no entry #1 in the trash."),
    (["edit", "1", "--mood", "11"], 2, "Mood is a whole number from 1"),
    (["edit", "1", "--text", " "], 2, "An entry needs some text."),
    (["edit", "1", "--at", "soon"], 2, "“soon” is not a date and time"),
    (["list", "--from", "unknown"], 2, "“unknown” is not a date and time heartwise can read."),
    (["list", "--from", "2026-11-10", "--to", "2026-11-01"], 2, "The start of the date range"),
    (["list", "-n", "0"], 2, "Please ask for between 1 and 500 entries at a time."),
    (["search", "?!"], 2, "Please type at least one word to search for."),
    (
        ["import", "/no/such/backup.json"],
        4,
        "The file could not be imported. /no/such/backup.json could not be opened "
        "(No such file or directory). Nothing was imported.",
    ),
    (["import", "x.json", "--from", "unknown"], 2, "Invalid value for '--from'"),
    (["export", "--format", "pdf"], 2, "Invalid value for '--format'"),
    (["show", "one"], 2, "Invalid value for 'ID'"),
    (["jump"], 2, "No such command 'jump'"),
]


@pytest.mark.parametrize(
    ("args", "exit_code", "message"), MISTAKES, ids=[" ".join(m[0])[:40] for m in MISTAKES]
)
def test_a_mistake_is_explained_and_changes_nothing(
    cli, stored, one_entry, args: list[str], exit_code: int, message: str
) -> None:
    result = cli(*args)

    assert result.exit_code == exit_code
    assert message in said(result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert stored() == one_entry


def test_a_bad_backup_names_the_entry_and_imports_nothing(
    cli, stored, one_entry, tmp_path: Path
) -> None:
    item = {"text": "Fine.", "occurred_at": "2026-11-01T08:00:00+01:00"}
    entries = [item, item, {**item, "mood": 11}]
    path = tmp_path / "backup.json"
    path.write_text(json.dumps({"format": "heartwise-backup", "version": 1, "entries": entries}))

    result = cli("import", str(path))

    assert result.exit_code == 4
    assert said(result.stderr).startswith(
        "The file could not be imported. Entry 3 of the backup: Mood is a whole number"
    )
    assert "Imported" not in result.stdout
    assert stored() == one_entry


def test_a_missing_key_file_stops_every_command_with_advice(
    cli, stored, one_entry, settings: Settings, tmp_path: Path
) -> None:
    db_before = settings.sqlite_path.read_bytes()
    saved = tmp_path / "saved.key"
    shutil.move(settings.key_path, saved)

    for args in (["list"], ["log", "A new entry."], ["search", "mistakes"], ["export"]):
        result = cli(*args)
        assert result.exit_code == 5
        message = said(result.stderr)
        assert message.startswith("Your key file is missing.")
        assert f"{settings.key_path}" in message
        assert "If you have a copy of device.key" in message
        assert "Traceback" not in result.output

    assert not settings.key_path.exists()
    assert settings.sqlite_path.read_bytes() == db_before
    shutil.move(saved, settings.key_path)
    assert stored() == one_entry


def test_debug_shows_the_traceback_on_request(cli, one_entry) -> None:
    result = cli("--debug", "show", "99")
    assert result.exit_code == 3
    assert "Traceback" in result.stderr
    assert "There is no entry #99." in said(result.stderr)


def test_a_broken_editor_saves_nothing(cli, stored, one_entry, monkeypatch) -> None:
    monkeypatch.setenv("EDITOR", "/no/such/editor")
    result = cli("log")
    assert result.exit_code == 2
    assert "The editor “/no/such/editor” could not be started." in said(result.stderr)

    monkeypatch.setenv("EDITOR", "false")
    result = cli("edit", "1")
    assert result.exit_code == 2
    assert "The editor closed with an error, so nothing was saved." in said(result.stderr)
    assert stored() == one_entry


def test_options_are_checked_before_the_editor_opens(cli, stored, one_entry, make_editor) -> None:
    editor = make_editor("Words that would have been lost.")
    result = cli("log", "--mood", "11")
    assert result.exit_code == 2
    assert editor.files == []
    assert stored() == one_entry
