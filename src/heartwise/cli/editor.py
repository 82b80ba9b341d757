"""Writing an entry in the person's own editor, in a private temporary file."""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from heartwise.config import Settings
from heartwise.errors import InvalidInput


def write_in_editor(settings: Settings, initial: str = "") -> str:
    """Open ``$VISUAL``/``$EDITOR`` on a 0600 file inside the data folder; return what was saved.

    The file lives in the data folder rather than /tmp so the draft never sits in a
    shared directory, and it is removed whatever happens.
    """
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, name = tempfile.mkstemp(prefix=".draft-", suffix=".md", dir=settings.data_dir)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        _run_editor(settings.editor, path)
        return path.read_text(encoding="utf-8")
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _run_editor(editor: str, path: Path) -> None:
    command = [*shlex.split(editor), str(path)]
    try:
        completed = subprocess.run(command, check=False)
    except FileNotFoundError:
        raise InvalidInput(
            f"The editor “{editor}” could not be started. Set EDITOR to one you have, "
            'or write the entry on the command line: heartwise log "…".'
        ) from None
    if completed.returncode != 0:
        raise InvalidInput("The editor closed with an error, so nothing was saved.")
