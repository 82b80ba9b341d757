"""Rules for single fields of the self-awareness tools: texts, ratings, times, emotions,
categories and thinking traps. Each rule returns the clean value or raises ``InvalidInput``
naming the field, with a message that never repeats what the person wrote."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from datetime import datetime

from heartwise.errors import InvalidInput

DEFAULT_CATEGORIES = (
    "unanswered message",
    "social media",
    "partner's time with others",
    "an ex or the past",
    "time apart",
    "criticism",
    "change of plans",
)
MAX_CATEGORY = 60
MAX_WRITING = 10_000
MAX_EMOTIONS = 20
MAX_TRAPS = 10
MAX_TRAP_LABEL = 40
# The rule entries use for emotion names, so a feeling is named alike everywhere.
_EMOTION_NAME = re.compile(r"^[^\W\d_][\w' -]{0,39}$")


def required_text(value: object, field: str, what: str) -> str:
    text = optional_text(value, field, what)
    if text is None:
        raise InvalidInput(f"Please write {what}; a few words are enough.", field=field)
    return text


def optional_text(value: object, field: str, what: str) -> str | None:
    """Trimmed text, or None for nothing written (so clearing a field is writing nothing)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"Please write {what} as text.", field=field)
    text = value.strip()
    if not text:
        return None
    _require_unicode(text, field)
    if len(text) > MAX_WRITING:
        raise InvalidInput(
            f"{what[0].upper()}{what[1:]} can be up to {MAX_WRITING:,} characters; "
            f"this has {len(text):,}.",
            field=field,
        )
    return text


def _require_unicode(text: str, field: str) -> None:
    # Lone surrogates (bytes a terminal sent in another encoding) cannot be sealed as
    # UTF-8; refusing them here gives a message instead of a failure at storage time.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            "Part of this text is not valid Unicode (perhaps the terminal uses another "
            "encoding). Please check the characters and try again.",
            field=field,
        ) from None


def whole_number(value: object, low: int, high: int, field: str, message: str) -> int:
    # bool is an int to Python, but "True" is never a meant intensity or a wait.
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(message, field=field)
    return value


def rating(value: object, field: str, what: str) -> int:
    return whole_number(
        value, 0, 10, field, f"{what} is a whole number from 0 (not bad at all) to 10 (the worst)."
    )


def moment(value: object, field: str, what: str) -> datetime:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise InvalidInput(f"The time of {what} needs a date, a time and a time zone.", field=field)
    return value.replace(microsecond=0)


def clean_category(value: object) -> str:
    """A category as it is kept: spaces tidied; a default keeps its own spelling."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(
            "Please choose a category, or name your own (for example “work”).", field="category"
        )
    category = " ".join(value.split())
    _require_unicode(category, "category")
    if len(category) > MAX_CATEGORY:
        raise InvalidInput(f"A category can be up to {MAX_CATEGORY} characters.", field="category")
    defaults = {category_key(name): name for name in DEFAULT_CATEGORIES}
    return defaults.get(category_key(category), category)


def category_key(category: str) -> str:
    """How two categories are compared: "Work" and "work " are one category."""
    return " ".join(category.split()).casefold()


def emotion_name(value: object, field: str) -> str:
    name = " ".join(value.split()).lower() if isinstance(value, str) else ""
    if not _EMOTION_NAME.match(name):
        raise InvalidInput(
            "An emotion is named with letters (up to 40), like “anxious” or “left out”.",
            field=field,
        )
    return name


def emotion_map(value: object, field: str) -> dict[str, int]:
    """Named emotions, each with how strong it felt from 0 to 100; None means none."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidInput(
            "Emotions are given as names, each with how strong it felt from 0 to 100.",
            field=field,
        )
    if len(value) > MAX_EMOTIONS:
        raise InvalidInput(f"Please name up to {MAX_EMOTIONS} emotions.", field=field)
    strength_rule = "How strong each emotion felt is a whole number from 0 to 100."
    return {
        emotion_name(name, field): whole_number(strength, 0, 100, field, strength_rule)
        for name, strength in value.items()
    }


def trap_labels(value: object) -> tuple[str, ...]:
    """Thinking-trap labels as the analyser spells them ("mind reading" -> "mind_reading")."""
    if value is None:
        return ()
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidInput("Thinking traps are given as a list of names.", field="traps")
    labels: list[str] = []
    for raw in value:
        if not isinstance(raw, str) or not raw.strip() or len(raw.strip()) > MAX_TRAP_LABEL:
            raise InvalidInput(
                f"Each thinking trap is a short name, up to {MAX_TRAP_LABEL} characters.",
                field="traps",
            )
        label = "_".join(raw.lower().replace("-", " ").split())
        if label not in labels:
            labels.append(label)
    if len(labels) > MAX_TRAPS:
        raise InvalidInput(f"Please choose up to {MAX_TRAPS} thinking traps.", field="traps")
    return tuple(labels)


def check_known_traps(labels: Iterable[str], known: Collection[str]) -> None:
    """Refuse a label the analyser does not know, so charts never count a typo as a trap."""
    if any(label not in known for label in labels):
        raise InvalidInput(
            "One of the thinking traps is not one heartwise knows. "
            f"Please choose from: {', '.join(known)}.",
            field="traps",
        )
