"""Search in the self-awareness tools' text: triggers, urges, thought records and checks.

These records are sealed items without a search index of their own: a person has at most
a few thousand of them, so they are opened and matched in memory with the same term rules
as the journal's index (every word of the query must occur, case and accents aside).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from heartwise.domain import search as terms
from heartwise.errors import InvalidInput
from heartwise.services import growth
from heartwise.services.growth_log import RecordLog
from heartwise.services.items import Items
from heartwise.services.workspace import Workspace

# The fields a person writes, per kind; an outcome's own text is searched too.
TEXT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "trigger": ("situation", "category", "emotion", "urge", "what_i_did"),
    "urge": ("urge",),
    "thought_record": (
        "situation",
        "thought",
        "evidence_for",
        "evidence_against",
        "other_explanations",
        "balanced_thought",
    ),
    "reality_check": ("event", "fear"),
}
OUTCOME_TEXT = ("note", "what_happened")


@dataclass(frozen=True)
class RecordHit:
    kind: str
    record: dict[str, Any]
    title: str


def search_records(ws: Workspace, query: str, limit: int = 50) -> list[RecordHit]:
    """Records holding every word of ``query``, newest first."""
    wanted = set(terms.query_terms(query))
    if not wanted:
        raise InvalidInput("Please type at least one word to search for.", field="q")
    hits: list[tuple[str, RecordHit]] = []
    logs = list(_logs(ws))
    loaded = Items(ws).of_kinds([log.kind for log in logs])
    for log in logs:
        records = log.read_all(loaded[log.kind])
        for record in sorted(records, key=lambda r: (r.when, r.id), reverse=True):
            shown = record.to_dict()
            text = _text_of(log.kind, shown)
            if wanted <= set(terms.index_terms(text)):
                title = str(shown.get(TEXT_FIELDS[log.kind][0]) or "")
                hits.append((record.when.isoformat(), RecordHit(log.kind, shown, title)))
    hits.sort(key=lambda pair: pair[0], reverse=True)
    return [hit for _, hit in hits[:limit]]


def _logs(ws: Workspace) -> Iterable[RecordLog[Any]]:
    return (
        growth.Triggers(ws),
        growth.Urges(ws),
        growth.ThoughtRecords(ws),
        growth.RealityChecks(ws),
    )


def _text_of(kind: str, shown: Mapping[str, Any]) -> str:
    parts = [shown.get(name) for name in TEXT_FIELDS[kind]]
    outcome = shown.get("outcome")
    if isinstance(outcome, Mapping):
        parts.extend(outcome.get(name) for name in OUTCOME_TEXT)
    return "\n".join(str(part) for part in parts if part)
