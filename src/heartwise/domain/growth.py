"""Self-awareness tools: the trigger log, the pause, thought records and reality checks.

Each tool has a draft (what a person writes, checked here field by field) and a stored
record (the draft with its id; the pause and reality checks also get an outcome, written
once). The rules for single fields are in ``growth_fields``. Nothing here does I/O:
services turn records into sealed item bodies and back.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import datetime, timedelta
from statistics import fmean
from typing import TYPE_CHECKING, Any

from heartwise.domain.growth_fields import (
    clean_category,
    emotion_map,
    emotion_name,
    moment,
    optional_text,
    rating,
    required_text,
    trap_labels,
    whole_number,
)
from heartwise.errors import InvalidInput

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

DEFAULT_WAIT_MINUTES = 15
MIN_WAIT_MINUTES = 1
MAX_WAIT_MINUTES = 1440  # one day: a longer pause is no longer a pause but a new day


# -- records ---------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class TriggerDraft:
    situation: str
    category: str
    emotion: str
    intensity: int
    occurred_at: datetime
    urge: str | None = None
    what_i_did: str | None = None


@dataclass(frozen=True, kw_only=True)
class Trigger(TriggerDraft):
    id: int

    @property
    def when(self) -> datetime:
        return self.occurred_at

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, **body_of(self)}


@dataclass(frozen=True, kw_only=True)
class UrgeOutcome:
    passed: bool
    at: datetime
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class UrgeDraft:
    urge: str
    wait_minutes: int
    started_at: datetime

    @property
    def ends_at(self) -> datetime:
        return self.started_at + timedelta(minutes=self.wait_minutes)


@dataclass(frozen=True, kw_only=True)
class Urge(UrgeDraft):
    id: int
    outcome: UrgeOutcome | None = None

    @property
    def when(self) -> datetime:
        return self.started_at

    def is_due(self, now: datetime) -> bool:
        """The wait is over and nobody has said yet whether the urge passed."""
        return self.outcome is None and now >= self.ends_at

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, **body_of(self), "ends_at": self.ends_at.isoformat()}


@dataclass(frozen=True, kw_only=True)
class ThoughtRecordDraft:
    situation: str
    thought: str
    created_at: datetime
    emotions_before: Mapping[str, int] = field(default_factory=dict)
    traps: tuple[str, ...] = ()
    evidence_for: str | None = None
    evidence_against: str | None = None
    other_explanations: str | None = None
    balanced_thought: str | None = None
    emotions_after: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class ThoughtRecord(ThoughtRecordDraft):
    id: int

    @property
    def when(self) -> datetime:
        return self.created_at

    @property
    def before(self) -> float | None:
        return mean_strength(self.emotions_before)

    @property
    def after(self) -> float | None:
        return mean_strength(self.emotions_after)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, **body_of(self), "before": self.before, "after": self.after}


@dataclass(frozen=True, kw_only=True)
class CheckOutcome:
    actual: int
    at: datetime
    what_happened: str | None = None


@dataclass(frozen=True, kw_only=True)
class RealityCheckDraft:
    event: str
    expected: int
    created_at: datetime
    fear: str | None = None


@dataclass(frozen=True, kw_only=True)
class RealityCheck(RealityCheckDraft):
    id: int
    outcome: CheckOutcome | None = None

    @property
    def when(self) -> datetime:
        return self.created_at

    @property
    def came_true(self) -> bool | None:
        # The rule of the whole feature: a fear "came true" when the event was at least as
        # bad as predicted (actual >= expected). An expectation of 0 met by 0 therefore
        # counts as true too: the prediction held, even though it was a calm one.
        return None if self.outcome is None else self.outcome.actual >= self.expected

    @property
    def gap(self) -> int | None:
        """How far the prediction ran above what happened (negative: below)."""
        return None if self.outcome is None else self.expected - self.outcome.actual

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, **body_of(self), "came_true": self.came_true, "gap": self.gap}


def mean_strength(emotions: Mapping[str, int]) -> float | None:
    """The mean intensity of named emotions; None when none were named."""
    return fmean(emotions.values()) if emotions else None


# -- making and editing drafts ---------------------------------------------------------------


def make_trigger(
    situation: object,
    category: object,
    emotion: object,
    intensity: object,
    occurred_at: object,
    urge: object = None,
    what_i_did: object = None,
) -> TriggerDraft:
    """Check every field of a trigger; ``InvalidInput`` names the first problem."""
    return TriggerDraft(
        situation=required_text(situation, "situation", "what happened"),
        category=clean_category(category),
        emotion=emotion_name(emotion, "emotion"),
        intensity=whole_number(
            intensity,
            0,
            100,
            "intensity",
            "Intensity is a whole number from 0 (barely there) to 100 (as strong as it gets).",
        ),
        occurred_at=moment(occurred_at, "occurred_at", "when it happened"),
        urge=optional_text(urge, "urge", "the urge"),
        what_i_did=optional_text(what_i_did, "what_i_did", "what you did"),
    )


def make_urge(urge: object, wait_minutes: object, started_at: object) -> UrgeDraft:
    return UrgeDraft(
        urge=required_text(urge, "urge", "the urge you feel"),
        wait_minutes=whole_number(
            wait_minutes,
            MIN_WAIT_MINUTES,
            MAX_WAIT_MINUTES,
            "wait_minutes",
            f"A pause lasts from {MIN_WAIT_MINUTES} minute to {MAX_WAIT_MINUTES:,} minutes "
            "(one day), in whole minutes. Fifteen minutes is a good start.",
        ),
        started_at=moment(started_at, "started_at", "the start of the pause"),
    )


def make_thought_record(
    situation: object,
    thought: object,
    created_at: object,
    emotions_before: object = None,
    traps: object = None,
    evidence_for: object = None,
    evidence_against: object = None,
    other_explanations: object = None,
    balanced_thought: object = None,
    emotions_after: object = None,
) -> ThoughtRecordDraft:
    return ThoughtRecordDraft(
        situation=required_text(situation, "situation", "the situation"),
        thought=required_text(thought, "thought", "the thought that came"),
        created_at=moment(created_at, "created_at", "the thought record"),
        emotions_before=emotion_map(emotions_before, "emotions_before"),
        traps=trap_labels(traps),
        evidence_for=optional_text(evidence_for, "evidence_for", "the evidence for"),
        evidence_against=optional_text(
            evidence_against, "evidence_against", "the evidence against"
        ),
        other_explanations=optional_text(
            other_explanations, "other_explanations", "the other explanations"
        ),
        balanced_thought=optional_text(
            balanced_thought, "balanced_thought", "the balanced thought"
        ),
        emotions_after=emotion_map(emotions_after, "emotions_after"),
    )


def make_reality_check(
    event: object, expected: object, created_at: object, fear: object = None
) -> RealityCheckDraft:
    return RealityCheckDraft(
        event=required_text(event, "event", "the event you are expecting"),
        expected=rating(expected, "expected", "How bad you expect it to be"),
        created_at=moment(created_at, "created_at", "the reality check"),
        fear=optional_text(fear, "fear", "what you fear"),
    )


def draft_fields(draft: object, draft_type: type) -> dict[str, Any]:
    """The values of ``draft_type``'s fields on ``draft`` (a record is also its draft)."""
    return {f.name: getattr(draft, f.name) for f in fields(draft_type)}


def refuse_unknown_changes(changes: Mapping[str, object], editable: Collection[str]) -> None:
    unknown = sorted(set(changes) - set(editable))
    if unknown:
        raise InvalidInput(
            f"These fields cannot be changed here: {', '.join(unknown)}. "
            f"What can be changed: {', '.join(sorted(editable))}.",
            field=unknown[0],
        )


def check_range(start: object, end: object) -> None:
    """Both bounds of a range are optional, aware, and in order."""
    for value, name in ((start, "from"), (end, "to")):
        if value is not None and (not isinstance(value, datetime) or value.utcoffset() is None):
            raise InvalidInput(
                f"The “{name}” of a date range needs a date, a time and a time zone.", field=name
            )
    if isinstance(start, datetime) and isinstance(end, datetime) and start > end:
        raise InvalidInput("The start of the date range is after its end.", field="from")


def within(when: datetime, start: datetime | None, end: datetime | None) -> bool:
    """Whether ``when`` falls in a range whose bounds are inclusive (like entry listings)."""
    return (start is None or when >= start) and (end is None or when <= end)


# -- outcomes, written once --------------------------------------------------------------------


def record_urge_outcome(urge: Urge, passed: object, note: object, at: datetime) -> Urge:
    """The urge with how it went; an urge whose outcome is known is refused unchanged."""
    if urge.outcome is not None:
        raise InvalidInput(
            "You already recorded how this urge went, and it stays as you wrote it then. "
            "If the urge came back, you can start a new pause.",
            field="passed",
        )
    if not isinstance(passed, bool):
        raise InvalidInput("Please say whether the urge passed: yes or no.", field="passed")
    outcome = UrgeOutcome(
        passed=passed,
        at=moment(at, "at", "the outcome"),
        note=optional_text(note, "note", "the note"),
    )
    return replace(urge, outcome=outcome)


def record_check_outcome(
    check: RealityCheck, actual: object, what_happened: object, at: object
) -> RealityCheck:
    """The check with what happened; a second outcome, or one dated before the check, is
    refused and the check is left as it was."""
    if check.outcome is not None:
        raise InvalidInput(
            "What happened is already recorded for this reality check; it keeps its first "
            "answer so the comparison stays honest. You can write a new check for a new event.",
            field="actual",
        )
    when = moment(at, "at", "what happened")
    if when < check.created_at:
        raise InvalidInput(
            "What happened cannot be dated before the reality check was written: "
            "the after has to come after its before.",
            field="at",
        )
    outcome = CheckOutcome(
        actual=rating(actual, "actual", "How bad it really was"),
        at=when,
        what_happened=optional_text(what_happened, "what_happened", "what happened"),
    )
    return replace(check, outcome=outcome)


# -- sealed bodies ------------------------------------------------------------------------------


def body_of(record: DataclassInstance) -> dict[str, Any]:
    """A record as plain JSON (times in ISO 8601 with their offsets), without its id."""
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record) if f.name != "id"}


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    if is_dataclass(value) and not isinstance(value, type):
        return body_of(value)
    return value
