"""Self-awareness tools: the trigger log, the pause, thought records and reality checks.

Each tool is a log of sealed items (see ``growth_log``). Times a person gives are kept in
the body with their own UTC offset, so a trigger logged while travelling keeps its local
hour. Outcomes of the pause and of reality checks are written once and then left as they
were: the point of both tools is an honest record of what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields, replace
from datetime import datetime
from typing import Any

from heartwise.analysis.findings import TRAPS
from heartwise.domain.growth import (
    DEFAULT_WAIT_MINUTES,
    CheckOutcome,
    RealityCheck,
    RealityCheckDraft,
    ThoughtRecord,
    ThoughtRecordDraft,
    Trigger,
    TriggerDraft,
    Urge,
    UrgeDraft,
    UrgeOutcome,
    body_of,
    draft_fields,
    make_reality_check,
    make_thought_record,
    make_trigger,
    make_urge,
    record_check_outcome,
    record_urge_outcome,
)
from heartwise.domain.growth_fields import DEFAULT_CATEGORIES, category_key, check_known_traps
from heartwise.errors import InvalidInput
from heartwise.services.growth_log import RecordLog
from heartwise.services.items import Item
from heartwise.services.workspace import Workspace


class Triggers(RecordLog[Trigger]):
    kind = "trigger"
    draft_type = TriggerDraft
    editable = frozenset(f.name for f in fields(TriggerDraft))

    def create(
        self,
        situation: str,
        category: str,
        emotion: str,
        intensity: int,
        *,
        urge: str | None = None,
        what_i_did: str | None = None,
        occurred_at: datetime | None = None,
    ) -> Trigger:
        """Log a trigger; ``occurred_at`` defaults to now."""
        when = self.ws.clock() if occurred_at is None else occurred_at
        return self._add(
            make_trigger(situation, category, emotion, intensity, when, urge, what_i_did)
        )

    def _read(self, item: Item) -> Trigger:
        return _trigger_from_body(item.id, item.body)

    def _rebuilt(self, record: Trigger, fields: dict[str, Any]) -> Trigger:
        return replace(record, **draft_fields(make_trigger(**fields), TriggerDraft))


def categories(ws: Workspace) -> list[str]:
    """The default categories, then the person's own in alphabetical order.

    Spellings that differ only in case or spacing are one category, shown as first used.
    """
    known = {category_key(name) for name in DEFAULT_CATEGORIES}
    own: dict[str, str] = {}
    for trigger in reversed(Triggers(ws).list()):  # oldest first: the first spelling wins
        key = category_key(trigger.category)
        if key not in known and key not in own:
            own[key] = trigger.category
    return [*DEFAULT_CATEGORIES, *(own[key] for key in sorted(own))]


class Urges(RecordLog[Urge]):
    """The pause: an urge, a chosen wait, then whether it passed."""

    kind = "urge"
    draft_type = UrgeDraft
    editable = frozenset({"urge", "wait_minutes"})

    def create(self, urge: str, wait_minutes: int = DEFAULT_WAIT_MINUTES) -> Urge:
        """Start a pause now; it ends ``wait_minutes`` later (1 to 1440)."""
        return self._add(make_urge(urge, wait_minutes, self.ws.clock()))

    def record_outcome(self, urge_id: int, passed: bool, note: str | None = None) -> Urge:
        """Say whether the urge passed; refused, with nothing changed, if already said."""
        now = self.ws.clock()
        return self._change(urge_id, lambda urge: record_urge_outcome(urge, passed, note, now))

    def open_urges(self) -> list[Urge]:
        """Urges whose outcome nobody has given yet, newest first: asked about next time."""
        return [urge for urge in self.list() if urge.outcome is None]

    def _read(self, item: Item) -> Urge:
        return _urge_from_body(item.id, item.body)

    def _rebuilt(self, record: Urge, fields: dict[str, Any]) -> Urge:
        return replace(record, **draft_fields(make_urge(**fields), UrgeDraft))


class ThoughtRecords(RecordLog[ThoughtRecord]):
    kind = "thought_record"
    draft_type = ThoughtRecordDraft
    editable = frozenset(f.name for f in fields(ThoughtRecordDraft)) - {"created_at"}

    def create(
        self,
        situation: str,
        thought: str,
        *,
        emotions_before: Mapping[str, int] | None = None,
        traps: Iterable[str] = (),
        evidence_for: str | None = None,
        evidence_against: str | None = None,
        other_explanations: str | None = None,
        balanced_thought: str | None = None,
        emotions_after: Mapping[str, int] | None = None,
        created_at: datetime | None = None,
    ) -> ThoughtRecord:
        """Write a thought record; only the situation and the thought are required."""
        draft = _checked_thought_record(
            situation=situation,
            thought=thought,
            created_at=self.ws.clock() if created_at is None else created_at,
            emotions_before=emotions_before,
            traps=traps,
            evidence_for=evidence_for,
            evidence_against=evidence_against,
            other_explanations=other_explanations,
            balanced_thought=balanced_thought,
            emotions_after=emotions_after,
        )
        return self._add(draft)

    def _read(self, item: Item) -> ThoughtRecord:
        return _thought_record_from_body(item.id, item.body)

    def _rebuilt(self, record: ThoughtRecord, fields: dict[str, Any]) -> ThoughtRecord:
        draft = _checked_thought_record(**fields)
        return replace(record, **draft_fields(draft, ThoughtRecordDraft))


def _checked_thought_record(**fields: object) -> ThoughtRecordDraft:
    draft = make_thought_record(**fields)
    check_known_traps(draft.traps, TRAPS)
    return draft


def suggest_traps(text: str) -> list[str]:
    """Thinking-trap labels the analyser finds in ``text``, most certain first.

    Only suggestions: a thought record keeps the traps the person confirms.
    """
    # Imported here so that logging a trigger never loads the analysis models.
    from heartwise.services.insight import read_text

    found = sorted(read_text(text).traps, key=lambda finding: finding.score, reverse=True)
    return [finding.label for finding in found]


class RealityChecks(RecordLog[RealityCheck]):
    """Before an event, how bad I expect it to be; after it, how bad it was."""

    kind = "reality_check"
    draft_type = RealityCheckDraft
    editable = frozenset({"event", "expected", "fear"})

    def create(
        self,
        event: str,
        expected: int,
        fear: str | None = None,
        *,
        created_at: datetime | None = None,
    ) -> RealityCheck:
        when = self.ws.clock() if created_at is None else created_at
        return self._add(make_reality_check(event, expected, when, fear))

    def record_outcome(
        self,
        check_id: int,
        actual: int,
        what_happened: str | None = None,
        at: datetime | None = None,
    ) -> RealityCheck:
        """Record how bad it really was; once only, and never dated before the check."""
        when = self.ws.clock() if at is None else at
        return self._change(
            check_id, lambda check: record_check_outcome(check, actual, what_happened, when)
        )

    def waiting(self) -> list[RealityCheck]:
        """Checks still waiting to hear what happened, newest first."""
        return [check for check in self.list() if check.outcome is None]

    def _read(self, item: Item) -> RealityCheck:
        return _reality_check_from_body(item.id, item.body)

    def _rebuilt(self, record: RealityCheck, fields: dict[str, Any]) -> RealityCheck:
        return replace(record, **draft_fields(make_reality_check(**fields), RealityCheckDraft))


# -- reading sealed bodies -------------------------------------------------------------------
# Bodies are only ever written by these services (or restored from their backup), so they
# are read as written rather than checked again: reading thousands stays cheap.


def _trigger_from_body(item_id: int, body: Mapping[str, Any]) -> Trigger:
    return Trigger(
        id=item_id,
        situation=body["situation"],
        category=body["category"],
        emotion=body["emotion"],
        intensity=body["intensity"],
        occurred_at=datetime.fromisoformat(body["occurred_at"]),
        urge=body.get("urge"),
        what_i_did=body.get("what_i_did"),
    )


def _urge_from_body(item_id: int, body: Mapping[str, Any]) -> Urge:
    raw = body.get("outcome")
    outcome = None
    if raw is not None:
        outcome = UrgeOutcome(
            passed=raw["passed"], at=datetime.fromisoformat(raw["at"]), note=raw.get("note")
        )
    return Urge(
        id=item_id,
        urge=body["urge"],
        wait_minutes=body["wait_minutes"],
        started_at=datetime.fromisoformat(body["started_at"]),
        outcome=outcome,
    )


def _thought_record_from_body(item_id: int, body: Mapping[str, Any]) -> ThoughtRecord:
    return ThoughtRecord(
        id=item_id,
        situation=body["situation"],
        thought=body["thought"],
        created_at=datetime.fromisoformat(body["created_at"]),
        emotions_before=body.get("emotions_before") or {},
        traps=tuple(body.get("traps") or ()),
        evidence_for=body.get("evidence_for"),
        evidence_against=body.get("evidence_against"),
        other_explanations=body.get("other_explanations"),
        balanced_thought=body.get("balanced_thought"),
        emotions_after=body.get("emotions_after") or {},
    )


def _reality_check_from_body(item_id: int, body: Mapping[str, Any]) -> RealityCheck:
    raw = body.get("outcome")
    outcome = None
    if raw is not None:
        outcome = CheckOutcome(
            actual=raw["actual"],
            at=datetime.fromisoformat(raw["at"]),
            what_happened=raw.get("what_happened"),
        )
    return RealityCheck(
        id=item_id,
        event=body["event"],
        expected=body["expected"],
        created_at=datetime.fromisoformat(body["created_at"]),
        fear=body.get("fear"),
        outcome=outcome,
    )


# -- bodies from a backup --------------------------------------------------------------------


def checked_body(kind: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """A record from a backup file, checked as if it were typed anew.

    Bodies are read without checks (above), so anything arriving from outside passes
    through the same rules as a form: a damaged or hand-edited backup is refused instead
    of breaking the dashboard later. Returns the body as this version stores it.
    """
    try:
        record = _CHECKS[kind](body)
    except (KeyError, TypeError, ValueError, AttributeError):
        name = kind.replace("_", " ")
        raise InvalidInput(f"A saved {name} is missing something it needs.") from None
    return body_of(record)


def _imported_trigger(body: Mapping[str, Any]) -> Trigger:
    record = _trigger_from_body(0, body)
    draft = make_trigger(**draft_fields(record, TriggerDraft))
    return replace(record, **draft_fields(draft, TriggerDraft))


def _imported_urge(body: Mapping[str, Any]) -> Urge:
    record = _urge_from_body(0, body)
    draft = make_urge(record.urge, record.wait_minutes, record.started_at)
    checked = replace(record, **draft_fields(draft, UrgeDraft), outcome=None)
    if record.outcome is None:
        return checked
    outcome = record.outcome
    return record_urge_outcome(checked, outcome.passed, outcome.note, outcome.at)


def _imported_thought_record(body: Mapping[str, Any]) -> ThoughtRecord:
    record = _thought_record_from_body(0, body)
    draft = make_thought_record(**draft_fields(record, ThoughtRecordDraft))
    return replace(record, **draft_fields(draft, ThoughtRecordDraft))


def _imported_reality_check(body: Mapping[str, Any]) -> RealityCheck:
    record = _reality_check_from_body(0, body)
    draft = make_reality_check(record.event, record.expected, record.created_at, record.fear)
    checked = replace(record, **draft_fields(draft, RealityCheckDraft), outcome=None)
    if record.outcome is None:
        return checked
    outcome = record.outcome
    return record_check_outcome(checked, outcome.actual, outcome.what_happened, outcome.at)


_CHECKS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    Triggers.kind: _imported_trigger,
    Urges.kind: _imported_urge,
    ThoughtRecords.kind: _imported_thought_record,
    RealityChecks.kind: _imported_reality_check,
}
GROWTH_KINDS = frozenset(_CHECKS)
