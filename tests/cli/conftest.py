"""Helpers for the CLI tests: a fake editor, and a look at what is stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from heartwise.config import Settings
from heartwise.services.journal import Journal
from heartwise.services.workspace import open_local_workspace


@dataclass(frozen=True)
class FakeEditor:
    """A shell script standing in for $EDITOR: it notes the file it was given and its mode,
    then appends a line to it, like a person typing and saving."""

    record: Path

    def lines(self, name: str) -> list[str]:
        path = self.record / name
        return path.read_text().splitlines() if path.exists() else []

    @property
    def files(self) -> list[Path]:
        return [Path(line) for line in self.lines("files")]

    @property
    def modes(self) -> list[str]:
        return self.lines("modes")


def _editor_script(record: Path, appended: str) -> str:
    return (
        "#!/bin/sh\n"
        f'printf "%s\\n" "$1" >> "{record}/files"\n'
        f'stat -c %a "$1" >> "{record}/modes"\n'
        f'cat "$1" > "{record}/seen"\n'
        f"printf '%s\\n' '{appended}' >> \"$1\"\n"
    )


@pytest.fixture
def make_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], FakeEditor]:
    """Set $EDITOR to a script that appends ``line`` to the file it opens."""

    def make(line: str) -> FakeEditor:
        record = tmp_path / "editor-record"
        record.mkdir(exist_ok=True)
        script = tmp_path / "fake-editor.sh"
        script.write_text(_editor_script(record, line))
        script.chmod(0o755)
        monkeypatch.setenv("EDITOR", str(script))
        return FakeEditor(record)

    return make


Stored = Callable[[], list[dict[str, object]]]


@pytest.fixture
def stored(settings: Settings) -> Stored:
    """Every entry in the test's journal, trash included, read through the services."""

    def read() -> list[dict[str, object]]:
        with open_local_workspace(settings) as ws:
            return [entry.to_dict() for entry in Journal(ws).iter_all(include_trash=True)]

    return read
