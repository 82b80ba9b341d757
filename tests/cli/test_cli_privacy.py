"""After using the CLI, the data folder holds no trace of what was written."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

from heartwise.config import Settings


def _occurrences(directory: Path, word: str) -> dict[str, int]:
    forms = {word.encode(), word.lower().encode(), word.upper().encode()}
    found = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            found[path.name] = sum(content.count(form) for form in forms)
    return found


def test_a_word_written_with_the_cli_is_nowhere_in_the_data_folder(
    cli, settings: Settings, make_editor
) -> None:
    word = "ZebraCanary" + secrets.token_hex(4)
    assert cli("log", "Opening the journal.").exit_code == 0
    # A second connection keeps the write-ahead log from being folded away when the CLI
    # closes, so its -wal and -shm files can be read as they were.
    reader = sqlite3.connect(settings.sqlite_path)
    try:
        reader.execute("SELECT count(*) FROM entries").fetchone()
        assert cli("log", f"Today {word} again.", "-t", word, "-e", "zebrafeel:50").exit_code == 0
        make_editor(f"Typed in the editor: {word}.")
        assert cli("edit", "2").exit_code == 0
        assert word in cli("search", word).stdout  # it is there, just not readable on disk
        assert (
            cli("export", "-o", str(settings.data_dir.parent / "out.md"), "-f", "md").exit_code == 0
        )

        found = _occurrences(settings.data_dir, word)
        assert {"heartwise.db", "heartwise.db-wal", "heartwise.db-shm", "device.key"} <= set(found)
        assert (settings.data_dir / "heartwise.db-wal").stat().st_size > 0
        assert found == dict.fromkeys(found, 0)
        assert _occurrences(settings.data_dir, "zebrafeel") == dict.fromkeys(found, 0)
    finally:
        reader.close()
    assert _occurrences(settings.data_dir, word) == dict.fromkeys(
        _occurrences(settings.data_dir, word), 0
    )
    # The export, outside the data folder, is plain text by design.
    assert word in (settings.data_dir.parent / "out.md").read_text()
