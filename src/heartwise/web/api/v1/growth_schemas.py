"""Bodies of the self-awareness API: triggers, urges, thought records, reality checks.

Ranges (0-100, 0-10, a wait of 1 to 1440 minutes) are checked by the domain, which
answers with its own plain message; here only the shapes are declared.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TriggerIn(_Body):
    situation: str = Field(description="What happened.")
    category: str = Field(description='e.g. "unanswered message"; your own are welcome.')
    emotion: str = Field(description='The main feeling, e.g. "anxious".')
    intensity: int = Field(description="0 (barely there) to 100 (overwhelming).")
    urge: str | None = Field(default=None, description="What I wanted to do.")
    what_i_did: str | None = None
    occurred_at: datetime | None = Field(default=None, description="Default: now.")


class TriggerChange(_Body):
    situation: str | None = None
    category: str | None = None
    emotion: str | None = None
    intensity: int | None = None
    urge: str | None = None
    what_i_did: str | None = None
    occurred_at: datetime | None = None
    shared: bool | None = None


class UrgeIn(_Body):
    urge: str = Field(description='e.g. "check his phone".')
    wait_minutes: int = Field(default=15, description="1 to 1440 minutes; default 15.")


class UrgeChange(_Body):
    urge: str | None = None
    wait_minutes: int | None = None
    shared: bool | None = None


class UrgeOutcomeIn(_Body):
    passed: bool = Field(description="true: the urge passed; false: I acted on it.")
    note: str | None = None


class ThoughtRecordIn(_Body):
    situation: str
    thought: str = Field(description="The automatic thought.")
    emotions_before: dict[str, int] = Field(default_factory=dict, description='{"anxious": 80}')
    traps: list[str] = Field(default_factory=list, description="Thinking traps you recognise.")
    evidence_for: str | None = None
    evidence_against: str | None = None
    other_explanations: str | None = None
    balanced_thought: str | None = None
    emotions_after: dict[str, int] = Field(default_factory=dict)


class ThoughtRecordChange(_Body):
    situation: str | None = None
    thought: str | None = None
    emotions_before: dict[str, int] | None = None
    traps: list[str] | None = None
    evidence_for: str | None = None
    evidence_against: str | None = None
    other_explanations: str | None = None
    balanced_thought: str | None = None
    emotions_after: dict[str, int] | None = None
    shared: bool | None = None


class RealityCheckIn(_Body):
    event: str = Field(description='e.g. "she meets her ex for coffee".')
    expected: int = Field(description="How bad I expect it to be: 0 (fine) to 10 (awful).")
    fear: str | None = Field(default=None, description="What I fear will happen.")


class RealityCheckChange(_Body):
    event: str | None = None
    expected: int | None = None
    fear: str | None = None
    shared: bool | None = None


class CheckOutcomeIn(_Body):
    actual: int = Field(description="How bad it was: 0 to 10.")
    what_happened: str | None = None
    at: datetime | None = Field(default=None, description="Default: now.")
