"""Health checks for `heartwise doctor`: data folder, key file, database, schema, seals."""

from __future__ import annotations

import os
from dataclasses import dataclass

from heartwise.config import Settings
from heartwise.errors import HeartwiseError
from heartwise.services.journal import Journal
from heartwise.services.workspace import Workspace
from heartwise.storage.migrate import current_version, head_version
from heartwise.vault.keys import key_file_is_private


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def check_files(settings: Settings, *, passphrase_set: bool = False) -> list[Check]:
    """Checks that need no unlocked journal, so they also run when the key is missing."""
    data_dir = settings.data_dir
    checks = [Check("Data folder", data_dir.is_dir(), str(data_dir))]
    if passphrase_set:
        checks.append(Check("Key file", True, "not needed: your passphrase protects the journal"))
    elif settings.key_path.exists():
        private = key_file_is_private(settings.key_path)
        detail = "readable by you only" if private else "others can read it: run chmod 600 on it"
        checks.append(Check("Key file", private, f"{settings.key_path} ({detail})"))
    else:
        checks.append(Check("Key file", False, f"{settings.key_path} is missing"))
    return checks


def check_workspace(ws: Workspace) -> list[Check]:
    dialect = ws.db.dialect.name
    version, head = current_version(ws.db), head_version(dialect)
    checks = [Check("Schema", version == head, f"version {version} of {head}")]
    checks.append(_database_integrity(ws))
    checks.append(_seals(ws))
    return checks


def _database_integrity(ws: Workspace) -> Check:
    if ws.db.dialect.name != "sqlite":
        ws.db.scalar("SELECT count(*) FROM entries")
        return Check("Database", True, "PostgreSQL answered")
    result = str(ws.db.scalar("PRAGMA integrity_check"))
    try:
        ws.db.execute("INSERT INTO entry_fts (entry_fts) VALUES ('integrity-check')")
    except Exception:
        return Check("Database", False, "the search index is damaged")
    size = os.path.getsize(ws.settings.sqlite_path)
    return Check("Database", result == "ok", f"integrity {result}, {size / 1e6:.1f} MB")


def _seals(ws: Workspace) -> Check:
    journal = Journal(ws)
    opened = 0
    try:
        for _ in journal.iter_all(include_trash=True):
            opened += 1
    except HeartwiseError as exc:
        return Check("Encrypted entries", False, exc.message)
    return Check("Encrypted entries", True, f"all {opened} open with your key")
