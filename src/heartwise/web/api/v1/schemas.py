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
    shared: bool | None = Field(
        default=None, description="Share with your linked partner (server mode), or stop."
    )


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
    shared: bool = Field(default=False, description="Whether your linked partner can read it.")


class EntryPage(BaseModel):
    items: list[EntryOut]
    total: int
    limit: int
    offset: int


class SearchResult(EntryOut):
    rank: float
    highlights: list[tuple[int, int]] = Field(description="[start, end) of each match in text.")


class RecordResult(BaseModel):
    kind: str = Field(description="trigger, urge, thought_record or reality_check")
    title: str
    record: dict[str, object]


class SearchPage(BaseModel):
    items: list[SearchResult]
    records: list[RecordResult] = Field(
        default_factory=list,
        description="Triggers, urges, thought records and reality checks that match "
        "(on the first page only).",
    )


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


# -- accounts (server mode) ------------------------------------------------------------------


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=254)
    password: str = Field(max_length=1024)


class SignUpOut(BaseModel):
    id: int
    email: str
    recovery_key: str = Field(
        description="Shown this once: it opens the account if the password is forgotten."
    )


class TokenOut(BaseModel):
    token: str = Field(description="Send as `Authorization: Bearer TOKEN`.")


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(max_length=1024)
    new_password: str = Field(max_length=1024)


class RecoverIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=254)
    recovery_key: str = Field(max_length=100)
    new_password: str = Field(max_length=1024)


class RecoverOut(TokenOut):
    recovery_key: str = Field(description="The new recovery key; the old one no longer works.")


class PasswordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: str = Field(max_length=1024)


class AccountOut(BaseModel):
    id: int
    email: str


# -- partners --------------------------------------------------------------------------------


class InviteOut(BaseModel):
    code: str
    expires_at: datetime


class AcceptIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=100)


class PartnerOut(BaseModel):
    linked: bool
    partner_email: str | None = None
    shared_kinds: list[str] = Field(
        default_factory=list, description="Kinds of which you share every item."
    )


class ShareRuleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    shared: bool


class SharedItemOut(BaseModel):
    id: int
    kind: str
    updated_at: datetime
    item: dict[str, object]
