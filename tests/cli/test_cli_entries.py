"""Writing and reading entries from the terminal, as a person would."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from heartwise.config import Settings

JSON_KEYS = {"id", "text", "mood", "emotions", "tags", "occurred_at", "created_at"}
WORRY = "He went quiet after dinner and I assumed the worst"


def log_full_entry(cli) -> None:
    result = cli(
        "log", WORRY,
        "--mood", "4",
        "--emotion", "anxious:70",
        "-e", "Hopeful:20",
        "--tag", "Evenings",
        "-t", "#us",
        "--at", "2026-11-20T21:30+01:00",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Saved entry #1, Fri 20 Nov 2026 21:30.\n"


def test_an_entry_logged_with_every_option_shows_up_in_list_and_show(cli) -> None:
    log_full_entry(cli)

    listed = cli("list")
    shown = cli("show", "1")

    assert listed.exit_code == shown.exit_code == 0
    assert listed.stdout.splitlines() == [
        "#1  Fri 20 Nov 2026 21:30  mood 4/10  #Evenings  #us",
        f"   {WORRY}",
    ]
    assert shown.stdout.splitlines() == [
        "#1  Fri 20 Nov 2026 21:30  mood 4/10  #Evenings  #us",
        "feeling anxious 70, hopeful 20",
        "",
        WORRY,
    ]
    assert listed.stderr == shown.stderr == ""


def test_json_output_has_the_documented_shape(cli) -> None:
    log_full_entry(cli)

    (listed,) = json.loads(cli("list", "--json").stdout)
    shown = json.loads(cli("show", "1", "--json").stdout)

    assert listed == shown
    assert set(shown) >= JSON_KEYS
    assert shown["id"] == 1
    assert shown["text"] == WORRY
    assert shown["mood"] == 4
    assert shown["emotions"] == {"anxious": 70, "hopeful": 20}
    assert shown["tags"] == ["Evenings", "us"]
    assert shown["occurred_at"] == "2026-11-20T21:30:00+01:00"
    assert datetime.fromisoformat(shown["created_at"]).tzinfo is not None


def test_an_empty_journal_says_how_to_start(cli) -> None:
    result = cli("list")
    assert result.exit_code == 0
    assert result.stdout == 'No entries yet. Write one with: heartwise log "…"\n'
    assert json.loads(cli("list", "--json").stdout) == []


def test_text_can_come_from_standard_input(cli) -> None:
    assert cli("log", "-", input="Line one\nline two\n").exit_code == 0
    assert json.loads(cli("show", "1", "--json").stdout)["text"] == "Line one\nline two\n"


def test_list_shows_the_newest_first_and_as_many_as_asked(cli) -> None:
    for day in (1, 3, 2):
        assert cli("log", f"Day {day}.", "--at", f"2026-11-0{day}T12:00+00:00").exit_code == 0

    texts = [entry["text"] for entry in json.loads(cli("list", "--json").stdout)]
    two = [entry["text"] for entry in json.loads(cli("list", "-n", "2", "--json").stdout)]

    assert texts == ["Day 3.", "Day 2.", "Day 1."]
    assert two == ["Day 3.", "Day 2."]


def test_list_filters_by_tag_whatever_its_case(cli) -> None:
    cli("log", "About trust.", "-t", "Trust")
    cli("log", "About work.", "-t", "work")

    result = cli("list", "--tag", "TRUST")

    assert result.exit_code == 0
    assert "About trust." in result.stdout
    assert "About work." not in result.stdout


def test_list_filters_by_dates_including_both_days(cli) -> None:
    for day in ("01", "10", "15", "20"):
        cli("log", f"Noon on the {day}th.", "--at", f"2026-11-{day}T12:00+00:00")

    result = cli("list", "--from", "2026-11-10", "--to", "2026-11-15", "--json")

    assert [e["text"] for e in json.loads(result.stdout)] == [
        "Noon on the 15th.",
        "Noon on the 10th.",
    ]


def test_search_shows_the_best_match_first_with_the_words_found(cli) -> None:
    cli("log", "Tired, so tired, so very tired, and jealous.", "--at", "2026-11-01T12:00+00:00")
    cli(
        "log",
        "jealous at lunch, jealous at dinner, jealous in bed",
        "--at",
        "2026-11-02T12:00+00:00",
    )
    cli("log", "A calm day.", "--at", "2026-11-03T12:00+00:00")

    result = cli("search", "Jealous")

    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "#2  Mon 02 Nov 2026 12:00",
        "jealous at lunch, jealous at dinner, jealous in bed",
        "#1  Sun 01 Nov 2026 12:00",
        "Tired, so tired, so very tired, and jealous.",
    ]


def test_search_json_gives_ranks_and_highlight_spans(cli) -> None:
    cli("log", "Café talk: I named the fear. The fear got smaller.", "-t", "us")

    (hit,) = json.loads(cli("search", "cafe FEAR", "--json").stdout)

    assert set(hit) >= JSON_KEYS
    assert isinstance(hit["rank"], float)
    assert [hit["text"][a:b] for a, b in hit["highlights"]] == ["Café", "fear", "fear"]


def test_search_with_no_match_says_so(cli) -> None:
    cli("log", "Nothing to find here.")
    result = cli("search", "jealousy")
    assert result.exit_code == 0
    assert result.stdout == "No entries hold all of those words.\n"
    assert json.loads(cli("search", "jealousy", "--json").stdout) == []


def test_search_filters_by_tag(cli) -> None:
    cli("log", "Worried about the trip.", "-t", "travel")
    cli("log", "Worried about work.", "-t", "work")
    (hit,) = json.loads(cli("search", "worried", "--tag", "Travel", "--json").stdout)
    assert hit["text"] == "Worried about the trip."


def test_edit_with_text_and_options_changes_only_what_was_given(cli) -> None:
    log_full_entry(cli)

    result = cli("edit", "1", "--text", "He went quiet; later he said he was just tired.")
    assert result.exit_code == 0
    assert result.stdout == "Updated entry #1.\n"
    assert cli("edit", "1", "--mood", "7").exit_code == 0

    entry = json.loads(cli("show", "1", "--json").stdout)
    assert entry["text"] == "He went quiet; later he said he was just tired."
    assert entry["mood"] == 7
    assert entry["tags"] == ["Evenings", "us"]
    assert entry["emotions"] == {"anxious": 70, "hopeful": 20}
    assert cli("search", "assumed", "--json").stdout.strip() == "[]"


def test_edit_without_text_opens_the_editor_on_the_current_text(cli, make_editor) -> None:
    cli("log", "First thought.")
    editor = make_editor("Second thought, after a walk.")

    result = cli("edit", "1")

    assert result.exit_code == 0, result.stderr
    assert (editor.record / "seen").read_text() == "First thought."
    text = json.loads(cli("show", "1", "--json").stdout)["text"]
    assert text == "First thought.Second thought, after a walk.\n"


def test_log_without_text_writes_in_a_private_file_that_is_removed_after(
    cli, make_editor, settings: Settings
) -> None:
    editor = make_editor("Written in the editor, where nobody else can read it.")

    result = cli("log", "--mood", "5")

    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Saved entry #1")
    (draft,) = editor.files
    assert editor.modes == ["600"]
    assert draft.parent == settings.data_dir
    assert not draft.exists()
    assert [p.name for p in settings.data_dir.iterdir() if p.name.startswith(".draft")] == []
    entry = json.loads(cli("show", "1", "--json").stdout)
    assert entry["text"] == "Written in the editor, where nobody else can read it.\n"
    assert entry["mood"] == 5


def test_an_empty_editor_saves_nothing(cli, tmp_path: Path, monkeypatch) -> None:
    script = tmp_path / "quit-editor.sh"
    script.write_text("#!/bin/sh\nexit 0\n")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))

    result = cli("log")

    assert result.exit_code == 0
    assert result.stderr.strip() == "Nothing was written, so nothing was saved."
    assert json.loads(cli("list", "--json").stdout) == []


def test_delete_moves_to_the_trash_and_restore_brings_it_back(cli) -> None:
    cli("log", "Keep me.")
    cli("log", "Delete me.")

    deleted = cli("delete", "2")
    assert deleted.exit_code == 0
    assert deleted.stdout == (
        "Moved entry #2 to the trash. Bring it back with: heartwise trash --restore 2\n"
    )
    assert [e["text"] for e in json.loads(cli("list", "--json").stdout)] == ["Keep me."]

    trash = cli("trash")
    assert trash.stdout.splitlines()[0] == (
        "1 in the trash; each is removed for good 30 days after deletion."
    )
    assert "Delete me." in trash.stdout
    (trashed,) = json.loads(cli("trash", "--json").stdout)
    assert trashed["deleted_at"] is not None

    restored = cli("trash", "--restore", "2")
    assert restored.exit_code == 0
    assert restored.stdout == "Restored entry #2.\n"
    assert cli("trash").stdout == "The trash is empty.\n"
    assert len(json.loads(cli("list", "--json").stdout)) == 2
