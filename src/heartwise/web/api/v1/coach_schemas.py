"""Bodies of the communication API: the coach, "I feel" statements, conversation plans,
expectations and ways of showing affection.

Lengths, ranges and statuses are checked by the domain, which answers with its own plain
message; here only the shapes are declared.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CoachIn(_Body):
    text: str = Field(description="The draft message to your partner (up to 10,000 characters).")
    feeling: str | None = Field(
        default=None, description="When the rewrite asks: one of choices.feeling."
    )
    request: str | None = Field(
        default=None, description="When the rewrite asks: one of choices.request."
    )


class IFeelPreviewIn(_Body):
    feeling: str = Field(description='One word for the feeling, e.g. "lonely".')
    situation: str = Field(description="What happened, as a camera would have seen it.")
    need: str | None = Field(default=None, description='e.g. "reassurance".')
    request: str | None = Field(default=None, description="Something they could do, and when.")


class IFeelIn(IFeelPreviewIn):
    text: str | None = Field(
        default=None, description="Your chosen or edited phrasing; default: the first one."
    )


class IFeelChange(_Body):
    feeling: str | None = None
    situation: str | None = None
    need: str | None = None
    request: str | None = None
    text: str | None = None
    shared: bool | None = None


class IFeelOutcomeIn(_Body):
    sent: bool = Field(description="Whether you sent or said it.")
    how_it_went: str | None = None


class ConversationIn(_Body):
    topic: str = Field(description="What you want to talk about.")
    hope: str | None = Field(default=None, description="What you hope for.")
    time_and_place: str | None = Field(default=None, description="A good time and place.")
    opening: str | None = Field(default=None, description='Your opening, e.g. "I feel …".')
    listen_for: str | None = Field(default=None, description="What you will listen for.")


class ConversationChange(_Body):
    topic: str | None = None
    hope: str | None = None
    time_and_place: str | None = None
    opening: str | None = None
    listen_for: str | None = None
    shared: bool | None = None


class AfterwardsIn(_Body):
    rating: int = Field(description="How it went: 0 (badly) to 10 (very well).")
    agreed: str | None = Field(default=None, description="What the two of you agreed.")


class ExpectationCheckIn(_Body):
    text: str = Field(description="The expectation, e.g. “He should text me every night”.")


class ExpectationIn(ExpectationCheckIn):
    note: str | None = None


class ExpectationChange(_Body):
    text: str | None = None
    note: str | None = None
    status: str | None = Field(default=None, description="open, discussed or agreed.")
    shared: bool | None = None


class RatingIn(_Body):
    giving: int = Field(description="How much giving it matters: 0 to 10.")
    receiving: int = Field(description="How much receiving it matters: 0 to 10.")


class AffectionIn(_Body):
    mine: dict[str, RatingIn] = Field(
        description='Your ratings by way: {"kind_words": {"giving": 6, "receiving": 9}}; '
        "up to five ways of your own, named in words."
    )
    guess: dict[str, RatingIn] = Field(
        default_factory=dict, description="Your guess for your partner, until they share theirs."
    )
