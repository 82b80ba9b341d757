"""Every item of one shareable kind, as the partner would see it (for "share all")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from heartwise.services import growth
from heartwise.services.journal import KIND as ENTRY_KIND
from heartwise.services.journal import Journal
from heartwise.services.sharing import check_kind
from heartwise.services.workspace import Workspace

_LOGS = {
    log.kind: log
    for log in (growth.Triggers, growth.Urges, growth.ThoughtRecords, growth.RealityChecks)
}


def existing_items(ws: Workspace, kind: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    check_kind(kind)
    if kind == ENTRY_KIND:
        for entry in Journal(ws).iter_all(include_trash=False):
            yield entry.id, entry.to_dict()
        return
    for record in _LOGS[kind](ws).list():
        yield record.id, record.to_dict()
