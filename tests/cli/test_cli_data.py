"""Moving a journal in and out, checking its health, and finding help."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest

from heartwise import __version__
from heartwise.cli.main import COMMAND_MODULES
from heartwise.config import Settings


def said(text: str) -> str:
    return " ".join(text.split())


def write_two(cli) -> None:
    assert cli("log", "Quiet evening, no drama.", "--mood", "7", "-t", "calm").exit_code == 0
    assert cli("log", "Asked for reassurance twice.", "-e", "anxious:60").exit_code == 0


def test_an_exported_backup_imports_into_a_new_journal(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_two(cli)
    before = json.loads(cli("list", "--json").stdout)
    backup = tmp_path / "backup.json"

    exported = cli("export", "-o", str(backup))

    assert exported.exit_code == 0
    assert said(exported.stderr) == (
        f"Exported 2 entries to {backup}. It is not encrypted: keep it somewhere safe."
    )
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []

    monkeypatch.setenv("HEARTWISE_DATA_DIR", str(tmp_path / "new-machine"))
    imported = cli("import", str(backup))

    assert imported.exit_code == 0, imported.stderr
    assert imported.stdout == "Imported 2 entries from backup.json.\n"
    after = json.loads(cli("list", "--json").stdout)
    drop = ("id",)
    assert [{k: v for k, v in e.items() if k not in drop} for e in after] == [
        {k: v for k, v in e.items() if k not in drop} for e in before
    ]


def test_export_to_the_screen_in_each_format(cli) -> None:
    write_two(cli)

    as_json = json.loads(cli("export").stdout)
    as_md = cli("export", "--format", "md").stdout
    as_csv = list(csv.DictReader(io.StringIO(cli("export", "-f", "csv").stdout)))

    assert [e["text"] for e in as_json["entries"]] == [
        "Quiet evening, no drama.",
        "Asked for reassurance twice.",
    ]
    assert "Quiet evening, no drama." in as_md
    assert "Feeling anxious 60" in as_md
    assert [(row["text"], row["mood"], row["tags"]) for row in as_csv] == [
        ("Quiet evening, no drama.", "7", "calm"),
        ("Asked for reassurance twice.", "", ""),
    ]


def test_a_jrnl_export_can_be_imported_from_the_terminal(cli) -> None:
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "jrnl_export.json"

    result = cli("import", str(fixture), "--from", "jrnl")

    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Imported 4 entries from jrnl_export.json.\n"
    assert len(json.loads(cli("list", "--tag", "us", "--json").stdout)) == 2


def test_doctor_finds_a_healthy_journal(cli) -> None:
    write_two(cli)

    result = cli("doctor")

    assert result.exit_code == 0
    lines = [said(line) for line in result.stdout.splitlines()]
    assert [line.split(":")[0] for line in lines] == [
        "ok Data folder",
        "ok Key file",
        "ok Schema",
        "ok Database",
        "ok Encrypted entries",
    ]
    assert "readable by you only" in lines[1]
    assert lines[4] == "ok Encrypted entries: all 2 open with your key"


def test_doctor_points_at_a_key_file_others_can_read(cli, settings: Settings) -> None:
    write_two(cli)
    os.chmod(settings.key_path, 0o644)

    result = cli("doctor")

    assert result.exit_code == 1
    assert "problem Key file" in said(result.stdout)
    assert "others can read it: run chmod 600 on it" in said(result.stdout)


def test_doctor_reports_a_missing_key_without_a_traceback(cli, settings: Settings) -> None:
    write_two(cli)
    settings.key_path.unlink()

    result = cli("doctor")

    assert result.exit_code == 1
    assert "problem Key file" in said(result.stdout)
    assert "problem Journal" in said(result.stdout)
    assert "Traceback" not in result.output


def test_version(cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"heartwise {__version__}\n"


@pytest.mark.parametrize("command", sorted(COMMAND_MODULES))
def test_every_command_explains_itself(cli, command: str) -> None:
    result = cli(command, "--help")

    assert result.exit_code == 0, result.output
    assert re.search(rf"Usage: heartwise {command}\b", result.stdout)
    assert "--help" in result.stdout
    assert "Traceback" not in result.output


def test_the_main_help_lists_every_command(cli) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    for command in COMMAND_MODULES:
        assert re.search(rf"^\W*{command}\b", result.stdout, re.MULTILINE), command
