"""Every item of one shareable kind, as the partner would see it (for "share all")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from heartwise.services import coach_log, growth
from heartwise.services.affection import KIND as AFFECTION_KIND
from heartwise.services.items import Items
from heartwise.services.journal import KIND as ENTRY_KIND
from heartwise.services.journal import Journal
from heartwise.services.sharing import check_kind
from heartwise.services.workspace import Workspace

_LOGS = {
    log.kind: log
    for log in (
        growth.Triggers,
        growth.Urges,
        growth.ThoughtRecords,
        growth.RealityChecks,
        coach_log.IFeelStatements,
        coach_log.ConversationPlans,
        coach_log.Expectations,
    )
}


def existing_items(ws: Workspace, kind: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    check_kind(kind)
    if kind == ENTRY_KIND:
        for entry in Journal(ws).iter_all(include_trash=False):
            yield entry.id, entry.to_dict()
        return
    if kind == AFFECTION_KIND:
        # One profile per person, shared as it is stored (see services.affection).
        for item in Items(ws).of_kind(kind):
            yield item.id, item.body
        return
    for record in _LOGS[kind](ws).list():
        yield record.id, record.to_dict()
