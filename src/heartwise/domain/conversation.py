"""The conversation planner: a hard talk prepared, and afterwards how it went.

A plan names the topic and, if the person likes, what they hope for, a good time and
place, their opening (an "I feel" statement) and what they will listen for. Afterwards
they rate how it went from 0 (badly) to 10 (very well) and write what the two of them
agreed. Said again, the afterwards replaces what was said: people often understand a
talk better a day later.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from heartwise.domain.growth import body_of
from heartwise.domain.growth_fields import moment, optional_text, required_text, whole_number
from heartwise.domain.ifeel import Flag, check_observation
from heartwise.errors import InvalidInput


@dataclass(frozen=True, kw_only=True)
class ConversationPlanDraft:
    topic: str
    created_at: datetime
    hope: str | None = None
    time_and_place: str | None = None
    opening: str | None = None
    listen_for: str | None = None


@dataclass(frozen=True, kw_only=True)
class Afterwards:
    rating: int
    at: datetime
    agreed: str | None = None


@dataclass(frozen=True, kw_only=True)
class ConversationPlan(ConversationPlanDraft):
    id: int
    afterwards: Afterwards | None = None

    @property
    def when(self) -> datetime:
        return self.created_at

    def opening_flags(self) -> tuple[Flag, ...]:
        """Absolutes, judgements and guesses in the opening, as the builder flags them."""
        return check_observation(self.opening or "")

    def to_dict(self) -> dict[str, object]:
        flags = [flag.to_dict() for flag in self.opening_flags()]
        return {"id": self.id, **body_of(self), "opening_flags": flags}


def make_conversation_plan(
    topic: object,
    created_at: object,
    hope: object = None,
    time_and_place: object = None,
    opening: object = None,
    listen_for: object = None,
) -> ConversationPlanDraft:
    return ConversationPlanDraft(
        topic=required_text(topic, "topic", "what you want to talk about"),
        created_at=moment(created_at, "created_at", "the plan"),
        hope=optional_text(hope, "hope", "what you hope for"),
        time_and_place=optional_text(time_and_place, "time_and_place", "a good time and place"),
        opening=optional_text(opening, "opening", "your opening"),
        listen_for=optional_text(listen_for, "listen_for", "what you will listen for"),
    )


def record_afterwards(
    plan: ConversationPlan, rating: object, agreed: object, at: object
) -> ConversationPlan:
    when = moment(at, "at", "how it went")
    if when < plan.created_at:
        raise InvalidInput("How the talk went cannot be dated before it was planned.", field="at")
    afterwards = Afterwards(
        rating=whole_number(
            rating,
            0,
            10,
            "rating",
            "How it went is a whole number from 0 (badly) to 10 (very well).",
        ),
        at=when,
        agreed=optional_text(agreed, "agreed", "what you agreed"),
    )
    return replace(plan, afterwards=afterwards)
