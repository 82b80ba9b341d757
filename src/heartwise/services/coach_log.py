"""Communication and expectations, kept: "I feel" drafts, conversation plans, expectations.

Each is a log of sealed items (see ``growth_log``): every word a person writes is in the
sealed body. The builder's lists and its checks need no storage and are here too, so a
face makes one call for each thing it shows. ``checked_body`` puts a record arriving in a
backup (these three, and the affection profile) through the same rules as a form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from heartwise.domain.affection import make_affection_profile
from heartwise.domain.conversation import (
    Afterwards,
    ConversationPlan,
    ConversationPlanDraft,
    make_conversation_plan,
    record_afterwards,
)
from heartwise.domain.expectations import (
    STATUSES,
    Expectation,
    ExpectationCheck,
    ExpectationDraft,
    check_expectation,
    check_status,
    clean_expectation_text,
    make_expectation,
)
from heartwise.domain.feelings import FEELING_FAMILIES, NEEDS
from heartwise.domain.growth import body_of, draft_fields
from heartwise.domain.ifeel import (
    Flag,
    IFeelDraft,
    IFeelOutcome,
    IFeelStatement,
    check_feeling,
    check_observation,
    check_request,
    clean_feeling,
    clean_need,
    clean_request,
    clean_situation,
    make_ifeel,
    phrasings,
    record_ifeel_outcome,
)
from heartwise.errors import InvalidInput
from heartwise.services.affection import KIND as AFFECTION_KIND
from heartwise.services.growth_log import RecordLog
from heartwise.services.items import Item

# -- the builder, without storage ---------------------------------------------------------------


def ifeel_choices() -> dict[str, object]:
    """What the builder offers: feelings grouped by family, and needs (plus free text)."""
    return {
        "feelings": {family: list(members) for family, members in FEELING_FAMILIES.items()},
        "needs": list(NEEDS),
    }


@dataclass(frozen=True)
class IFeelPreview:
    phrasings: list[str]
    flags: dict[str, tuple[Flag, ...]]
    # Each part as it would be saved; the spans of its flags point into these.
    parts: dict[str, str | None]

    def to_dict(self) -> dict[str, object]:
        return {
            "phrasings": self.phrasings,
            "flags": {part: [f.to_dict() for f in found] for part, found in self.flags.items()},
            "parts": self.parts,
        }


def preview_ifeel(
    feeling: object, situation: object, need: object = None, request: object = None
) -> IFeelPreview:
    """The three phrasings and the flags for each part, before anything is saved."""
    parts = (
        clean_feeling(feeling),
        clean_situation(situation),
        clean_need(need),
        clean_request(request),
    )
    flags = {
        "feeling": check_feeling(parts[0]),
        "situation": check_observation(parts[1]),
        "request": check_request(parts[3] or ""),
    }
    named = dict(zip(("feeling", "situation", "need", "request"), parts, strict=True))
    return IFeelPreview(phrasings(*parts), flags, named)


def check_expectation_text(text: object) -> ExpectationCheck:
    """The realism check of an expectation not yet saved."""
    return check_expectation(clean_expectation_text(text))


# -- the logs ---------------------------------------------------------------------------------


class IFeelStatements(RecordLog[IFeelStatement]):
    """Saved "I feel" drafts, and whether each was sent and how it went."""

    kind = "ifeel"
    draft_type = IFeelDraft
    editable = frozenset({"feeling", "situation", "need", "request", "text"})

    def create(
        self,
        feeling: str,
        situation: str,
        *,
        need: str | None = None,
        request: str | None = None,
        text: str | None = None,
    ) -> IFeelStatement:
        """Save a draft; without ``text``, the first phrasing is kept."""
        return self._add(make_ifeel(feeling, situation, self.ws.clock(), need, request, text))

    def record_outcome(
        self, statement_id: int, sent: bool, how_it_went: str | None = None
    ) -> IFeelStatement:
        now = self.ws.clock()
        return self._change(statement_id, lambda s: record_ifeel_outcome(s, sent, how_it_went, now))

    def _read(self, item: Item) -> IFeelStatement:
        return _ifeel_from_body(item.id, item.body)

    def _rebuilt(self, record: IFeelStatement, fields: dict[str, Any]) -> IFeelStatement:
        before = phrasings(record.feeling, record.situation, record.need, record.request)
        if record.text in before and fields["text"] == record.text:
            fields = {**fields, "text": None}  # an unedited phrasing follows its parts
        return replace(record, **draft_fields(make_ifeel(**fields), IFeelDraft))


class ConversationPlans(RecordLog[ConversationPlan]):
    kind = "conversation"
    draft_type = ConversationPlanDraft
    editable = frozenset({"topic", "hope", "time_and_place", "opening", "listen_for"})

    def create(
        self,
        topic: str,
        *,
        hope: str | None = None,
        time_and_place: str | None = None,
        opening: str | None = None,
        listen_for: str | None = None,
    ) -> ConversationPlan:
        draft = make_conversation_plan(
            topic, self.ws.clock(), hope, time_and_place, opening, listen_for
        )
        return self._add(draft)

    def record_afterwards(
        self, plan_id: int, rating: int, agreed: str | None = None
    ) -> ConversationPlan:
        """How it went (0 to 10) and what was agreed; said again, it replaces the last."""
        now = self.ws.clock()
        return self._change(plan_id, lambda plan: record_afterwards(plan, rating, agreed, now))

    def _read(self, item: Item) -> ConversationPlan:
        return _plan_from_body(item.id, item.body)

    def _rebuilt(self, record: ConversationPlan, fields: dict[str, Any]) -> ConversationPlan:
        draft = make_conversation_plan(**fields)
        return replace(record, **draft_fields(draft, ConversationPlanDraft))


class Expectations(RecordLog[Expectation]):
    """What a person expects of the relationship: open, discussed or agreed."""

    kind = "expectation"
    draft_type = ExpectationDraft
    editable = frozenset({"text", "note", "status"})

    def create(self, text: str, *, note: str | None = None) -> Expectation:
        return self._add(make_expectation(text, self.ws.clock(), "open", note))

    def set_status(self, expectation_id: int, status: str) -> Expectation:
        """Mark an expectation open, discussed or agreed."""
        checked = check_status(status)
        return self._change(expectation_id, lambda e: replace(e, status=checked))

    def by_status(self) -> dict[str, list[Expectation]]:
        grouped: dict[str, list[Expectation]] = {status: [] for status in STATUSES}
        for expectation in self.list():
            grouped[expectation.status].append(expectation)
        return grouped

    def _read(self, item: Item) -> Expectation:
        return _expectation_from_body(item.id, item.body)

    def _rebuilt(self, record: Expectation, fields: dict[str, Any]) -> Expectation:
        return replace(record, **draft_fields(make_expectation(**fields), ExpectationDraft))


# -- bodies: stored and from a backup --------------------------------------------------------


def _ifeel_from_body(item_id: int, body: Mapping[str, Any]) -> IFeelStatement:
    raw = body.get("outcome")
    outcome = None
    if raw is not None:
        at = datetime.fromisoformat(raw["at"])
        outcome = IFeelOutcome(sent=raw["sent"], at=at, how_it_went=raw.get("how_it_went"))
    return IFeelStatement(
        id=item_id,
        feeling=body["feeling"],
        situation=body["situation"],
        need=body.get("need"),
        request=body.get("request"),
        text=body["text"],
        created_at=datetime.fromisoformat(body["created_at"]),
        outcome=outcome,
    )


def _plan_from_body(item_id: int, body: Mapping[str, Any]) -> ConversationPlan:
    raw = body.get("afterwards")
    afterwards = None
    if raw is not None:
        at = datetime.fromisoformat(raw["at"])
        afterwards = Afterwards(rating=raw["rating"], at=at, agreed=raw.get("agreed"))
    return ConversationPlan(
        id=item_id,
        topic=body["topic"],
        created_at=datetime.fromisoformat(body["created_at"]),
        hope=body.get("hope"),
        time_and_place=body.get("time_and_place"),
        opening=body.get("opening"),
        listen_for=body.get("listen_for"),
        afterwards=afterwards,
    )


def _expectation_from_body(item_id: int, body: Mapping[str, Any]) -> Expectation:
    return Expectation(
        id=item_id,
        text=body["text"],
        status=body["status"],
        created_at=datetime.fromisoformat(body["created_at"]),
        note=body.get("note"),
    )


def checked_body(kind: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """A record of ``kind`` from a backup file, checked as if it were typed anew (as
    ``growth.checked_body`` does for the self-awareness tools); returns the body as this
    version stores it, or raises ``InvalidInput``."""
    try:
        return _CHECKS[kind](body)
    except (KeyError, TypeError, ValueError, AttributeError):
        name = "“I feel” statement" if kind == "ifeel" else kind.replace("_", " ")
        raise InvalidInput(f"A saved {name} is missing something it needs.") from None


def _imported_ifeel(body: Mapping[str, Any]) -> dict[str, Any]:
    record = _ifeel_from_body(0, body)
    draft = make_ifeel(**draft_fields(record, IFeelDraft))
    checked = replace(record, **draft_fields(draft, IFeelDraft), outcome=None)
    if record.outcome is not None:
        outcome = record.outcome
        checked = record_ifeel_outcome(checked, outcome.sent, outcome.how_it_went, outcome.at)
    return body_of(checked)


def _imported_plan(body: Mapping[str, Any]) -> dict[str, Any]:
    record = _plan_from_body(0, body)
    draft = make_conversation_plan(**draft_fields(record, ConversationPlanDraft))
    checked = replace(record, **draft_fields(draft, ConversationPlanDraft), afterwards=None)
    if record.afterwards is not None:
        after = record.afterwards
        checked = record_afterwards(checked, after.rating, after.agreed, after.at)
    return body_of(checked)


def _imported_expectation(body: Mapping[str, Any]) -> dict[str, Any]:
    record = _expectation_from_body(0, body)
    return body_of(make_expectation(**draft_fields(record, ExpectationDraft)))


def _imported_affection(body: Mapping[str, Any]) -> dict[str, Any]:
    updated_at = datetime.fromisoformat(body["updated_at"])
    return make_affection_profile(body["mine"], body["guess"], updated_at).to_dict()


_CHECKS: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    IFeelStatements.kind: _imported_ifeel,
    ConversationPlans.kind: _imported_plan,
    Expectations.kind: _imported_expectation,
    AFFECTION_KIND: _imported_affection,
}
COACH_KINDS = frozenset(_CHECKS)
