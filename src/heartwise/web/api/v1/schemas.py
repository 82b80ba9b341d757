"""API bodies, kept apart from tables and domain objects.

Fields are typed loosely on purpose where the domain has richer rules: the domain
checks them and answers with its own plain-language message.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class EntryCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="What happened and how it felt (up to 100,000 characters).")
    mood: int | None = Field(default=None, description="1 (very low) to 10 (very good).")
    emotions: dict[str, int] = Field(default_factory=dict, description='e.g. {"anxious": 70}')
    tags: list[str] = Field(default_factory=list)
    occurred_at: datetime | None = Field(
        default=None, description="When it happened (ISO 8601); default now. No offset: local time."
    )


class EntryUpdate(BaseModel):
    """Only the fields present are changed; ``"mood": null`` clears the mood."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    mood: int | None = None
    emotions: dict[str, int] | None = None
    tags: list[str] | None = None
    occurred_at: datetime | None = None


class EntryOut(BaseModel):
    id: int
    text: str
    mood: int | None
    emotions: dict[str, int]
    tags: list[str]
    occurred_at: datetime
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class EntryPage(BaseModel):
    items: list[EntryOut]
    total: int
    limit: int
    offset: int


class SearchResult(EntryOut):
    rank: float
    highlights: list[tuple[int, int]] = Field(description="[start, end) of each match in text.")


class SearchPage(BaseModel):
    items: list[SearchResult]


class ImportResult(BaseModel):
    imported: int


class Problem(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str
    field: str | None = None


class AnalyzeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The text to read (up to 100,000 characters).")


class FindingOut(BaseModel):
    label: str
    score: float
    spans: list[tuple[int, int]]


class MarkerOut(BaseModel):
    kind: str
    span: tuple[int, int]


class BlameOut(BaseModel):
    harsh: bool
    score: float
    markers: list[MarkerOut]


class CrisisOut(BaseModel):
    level: str = Field(description="none, concern or urgent")
    kinds: list[str]
    spans: list[tuple[int, int]]


class AnalysisOut(BaseModel):
    traps: list[FindingOut]
    signs: list[FindingOut]
    blame: BlameOut
    crisis: CrisisOut


class UnlockIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    passphrase: str
