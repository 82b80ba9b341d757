"""A person's choices that change how heartwise behaves, such as reading entries at all."""

from __future__ import annotations

from heartwise.errors import InvalidInput
from heartwise.services.workspace import Workspace
from heartwise.storage import items as repo

ANALYSIS = "analysis"


def analysis_enabled(ws: Workspace) -> bool:
    return repo.get_setting(ws.db, ws.owner_id, ANALYSIS) != "off"


def set_analysis(ws: Workspace, enabled: bool) -> None:
    with ws.db.transaction():
        repo.set_setting(ws.db, ws.owner_id, ANALYSIS, "on" if enabled else "off")


def parse_switch(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("on", "yes", "true", "1"):
        return True
    if value in ("off", "no", "false", "0"):
        return False
    raise InvalidInput(f"Please say on or off, not “{raw[:20]}”.", field="analysis")
