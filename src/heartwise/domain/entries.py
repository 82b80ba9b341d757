"""Journal entries: what one is, and the rules a new or edited entry must follow."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from heartwise.errors import InvalidInput

MAX_TEXT = 100_000
MAX_TAGS = 30
MAX_TAG_LENGTH = 50
MAX_EMOTIONS = 20
_EMOTION_NAME = re.compile(r"^[^\W\d_][\w' -]{0,39}$")


@dataclass(frozen=True)
class EntryDraft:
    """What a person writes: everything of an entry but the bookkeeping."""

    text: str
    occurred_at: datetime
    mood: int | None = None
    emotions: Mapping[str, int] = field(default_factory=dict)
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    id: int
    text: str
    occurred_at: datetime
    created_at: datetime
    updated_at: datetime
    mood: int | None = None
    emotions: Mapping[str, int] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    deleted_at: datetime | None = None

    def to_dict(self) -> dict[str, object]:
        """The JSON shape shared by the CLI's --json, the API and the backup."""
        return {
            "id": self.id,
            "text": self.text,
            "mood": self.mood,
            "emotions": dict(self.emotions),
            "tags": list(self.tags),
            "occurred_at": self.occurred_at.isoformat(),
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "deleted_at": self.deleted_at.isoformat() if self.deleted_at else None,
        }


def make_draft(
    text: str,
    occurred_at: datetime,
    *,
    mood: int | None = None,
    emotions: Mapping[str, int] | None = None,
    tags: Iterable[str] = (),
) -> EntryDraft:
    """Check every field and return a clean draft; ``InvalidInput`` names the first problem."""
    if occurred_at.tzinfo is None:
        raise InvalidInput("The time of an entry needs a time zone.", field="occurred_at")
    return EntryDraft(
        text=check_text(text),
        occurred_at=occurred_at.replace(microsecond=0),
        mood=check_mood(mood),
        emotions=check_emotions(emotions or {}),
        tags=clean_tags(tags),
    )


def check_text(text: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("An entry needs some text. Even a few words are enough.", field="text")
    _require_unicode(text, "text")
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            f"This entry has {len(text):,} characters; heartwise keeps up to {MAX_TEXT:,} in one "
            "entry. You could split it into two entries.",
            field="text",
        )
    return text


def _require_unicode(value: str, field: str) -> None:
    # Bytes a terminal sent in another encoding arrive as lone surrogates; they cannot be
    # stored as text, so they are refused here with a message rather than failing later.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            "Part of this text is not valid Unicode (perhaps the terminal uses another "
            "encoding). Please check the characters and try again.",
            field=field,
        ) from None


def check_mood(mood: object) -> int | None:
    if mood is None:
        return None
    if isinstance(mood, bool) or not isinstance(mood, int) or not 1 <= mood <= 10:
        raise InvalidInput(
            f"Mood is a whole number from 1 (very low) to 10 (very good), not {mood!r}.",
            field="mood",
        )
    return mood


def check_emotions(emotions: Mapping[str, object]) -> dict[str, int]:
    if len(emotions) > MAX_EMOTIONS:
        raise InvalidInput(f"An entry can name up to {MAX_EMOTIONS} emotions.", field="emotions")
    cleaned: dict[str, int] = {}
    for raw_name, intensity in emotions.items():
        name = _clean_emotion_name(str(raw_name))
        cleaned[name] = _check_intensity(name, intensity)
    return cleaned


def parse_emotion(spec: str) -> tuple[str, int]:
    """Read ``NAME:INTENSITY`` as typed on the command line, e.g. ``anxious:70``."""
    name, sep, number = spec.rpartition(":")
    if not sep or not number.strip().isdigit():
        raise InvalidInput(
            f"“{spec[:40]}” is not an emotion heartwise can read. Please write it as "
            "NAME:INTENSITY with an intensity from 0 to 100, for example anxious:70.",
            field="emotions",
        )
    clean_name = _clean_emotion_name(name)
    return clean_name, _check_intensity(clean_name, int(number))


def _clean_emotion_name(raw: str) -> str:
    name = " ".join(raw.split()).lower()
    _require_unicode(name, "emotions")
    if not _EMOTION_NAME.match(name):
        raise InvalidInput(
            "An emotion is named with letters (up to 40), like “anxious” or “left out”.",
            field="emotions",
        )
    return name


def _check_intensity(name: str, intensity: object) -> int:
    if isinstance(intensity, bool) or not isinstance(intensity, int) or not 0 <= intensity <= 100:
        raise InvalidInput(
            f"The intensity of “{name}” must be a whole number from 0 to 100.", field="emotions"
        )
    return intensity


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trim tags, drop a leading # or @, and keep the first spelling of each tag."""
    seen: set[str] = set()
    cleaned: list[str] = []
    for raw in tags:
        # Spaces are stripped with the signs, so "@ #us" gives "us" and cleaning twice
        # (as an edit or a backup round trip does) changes nothing.
        tag = " ".join(str(raw).split()).lstrip("#@ ")
        if not tag:
            continue
        _require_unicode(tag, "tags")
        if len(tag) > MAX_TAG_LENGTH:
            raise InvalidInput(f"A tag can be up to {MAX_TAG_LENGTH} characters.", field="tags")
        key = tag_key(tag)
        if key not in seen:
            seen.add(key)
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise InvalidInput(f"An entry can have up to {MAX_TAGS} tags.", field="tags")
    return tuple(cleaned)


def tag_key(tag: str) -> str:
    """The form two tags are compared in: case and accents do not make a new tag."""
    return unicodedata.normalize("NFKC", tag.lstrip("#@")).casefold().strip()


@dataclass(frozen=True)
class EntryRecord:
    """An entry as it travels in a backup or an import: the draft plus its bookkeeping times."""

    draft: EntryDraft
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None


def parse_emotion_list(text: str) -> dict[str, int]:
    """Read emotions typed in one field: ``anxious 70, hopeful 30`` (a colon works too)."""
    emotions: dict[str, int] = {}
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        name, _, number = item.replace(":", " ").rpartition(" ")
        if not name.strip() or not number.strip().isdigit():
            # Said in the form's own terms: parse_emotion's message is about NAME:INTENSITY.
            raise InvalidInput(
                f"“{item[:40]}” is not an emotion heartwise can read. Please give a name and "
                "how strong it is, from 0 to 100, for example “anxious 70, hopeful 30”.",
                field="emotions",
            )
        name, value = parse_emotion(f"{name.strip()}:{number.strip()}")
        emotions[name] = value
    return emotions


def format_emotion_list(emotions: Mapping[str, int]) -> str:
    return ", ".join(f"{name} {value}" for name, value in emotions.items())
