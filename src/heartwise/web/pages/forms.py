"""Reading the entry form: every field is checked, and what was typed is kept for a retry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from heartwise.analysis import Crisis
from heartwise.domain.entries import (
    Entry,
    EntryDraft,
    format_emotion_list,
    make_draft,
    parse_emotion_list,
)
from heartwise.domain.time import parse_moment
from heartwise.errors import InvalidInput
from heartwise.services import insight, preferences
from heartwise.services.dismissals import Dismissals
from heartwise.services.insight import Note
from heartwise.services.workspace import Workspace


@dataclass(frozen=True)
class EntryForm:
    """The entry form as typed: strings only, so it can be shown again exactly."""

    text: str = ""
    mood: str = ""
    emotions: str = ""
    tags: str = ""
    occurred_at: str = ""

    @classmethod
    def from_form(cls, form: Mapping[str, object]) -> EntryForm:
        def value(name: str) -> str:
            raw = form.get(name)
            return raw if isinstance(raw, str) else ""

        return cls(
            value("text"), value("mood"), value("emotions"), value("tags"), value("occurred_at")
        )

    @classmethod
    def from_entry(cls, entry: Entry) -> EntryForm:
        return cls(
            text=entry.text,
            mood="" if entry.mood is None else str(entry.mood),
            emotions=format_emotion_list(entry.emotions),
            tags=", ".join(entry.tags),
            occurred_at=_local_input(entry.occurred_at),
        )

    def to_draft(self, now: datetime, original: Entry | None = None) -> EntryDraft:
        """The checked draft; ``InvalidInput`` names the first field to fix.

        When editing, an unchanged time keeps the entry's own time zone.
        """
        return make_draft(
            self.text.replace("\r\n", "\n"),
            self._moment(now, original),
            mood=_mood(self.mood),
            emotions=parse_emotion_list(self.emotions),
            tags=[tag for tag in self.tags.split(",") if tag.strip()],
        )

    def _moment(self, now: datetime, original: Entry | None) -> datetime:
        if original is not None and self.occurred_at == _local_input(original.occurred_at):
            return original.occurred_at
        return parse_moment(self.occurred_at, field="occurred_at") if self.occurred_at else now


def _mood(raw: str) -> int | None:
    if not raw.strip():
        return None
    if not raw.strip().isdigit():
        raise InvalidInput("Mood is a whole number from 1 to 10.", field="mood")
    return int(raw)


def _local_input(moment: datetime) -> str:
    # <input type="datetime-local"> has no time zone: show the entry's own clock time.
    return moment.replace(tzinfo=None).isoformat(timespec="minutes")


@dataclass(frozen=True)
class EntryReading:
    """What heartwise noticed in an entry, ready for the page."""

    notes: list[Note]
    crisis: Crisis


def entry_reading(ws: Workspace, entry: Entry) -> EntryReading | None:
    """Findings for an entry, minus those the person dismissed; None when analysis is off."""
    if not preferences.analysis_enabled(ws):
        return None
    findings = Dismissals(ws).without_dismissed(entry.id, insight.read_text(entry.text))
    return EntryReading(insight.notes(entry.text, findings), findings.crisis)
