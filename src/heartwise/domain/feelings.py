"""Feelings and needs, as the "I feel" builder and the message coach offer them.

The lists are heartwise's own. A feeling here names what happens inside the person who
feels it ("lonely"); words that name what someone else did ("ignored", "betrayed") are
kept apart, because "I feel ignored" is still a claim about the other person, and each
points to feelings that may lie under it.
"""

from __future__ import annotations

import re

FEELING_FAMILIES: dict[str, tuple[str, ...]] = {
    "afraid": ("anxious", "worried", "nervous", "scared", "insecure", "uneasy", "trapped"),
    "sad": ("sad", "upset", "lonely", "hurt", "disappointed", "left out", "discouraged"),
    "angry": ("frustrated", "irritated", "annoyed", "resentful", "angry", "impatient"),
    "tired": ("overwhelmed", "exhausted", "drained", "stretched thin", "restless"),
    "exposed": ("embarrassed", "ashamed", "vulnerable", "unsure", "confused", "jealous", "shocked"),
    "glad": ("grateful", "relieved", "hopeful", "close", "calm", "happy", "warm", "proud"),
}
FEELINGS: tuple[str, ...] = tuple(f for family in FEELING_FAMILIES.values() for f in family)

# Words that describe the other person's act, with feelings that often sit under them.
FAUX_FEELINGS: dict[str, tuple[str, ...]] = {
    "ignored": ("lonely", "hurt"),
    "abandoned": ("scared", "lonely"),
    "rejected": ("hurt", "sad"),
    "betrayed": ("hurt", "shocked"),
    "used": ("resentful", "drained"),
    "manipulated": ("confused", "uneasy"),
    "disrespected": ("hurt", "angry"),
    "unappreciated": ("sad", "discouraged"),
    "neglected": ("lonely", "sad"),
    "criticised": ("hurt", "discouraged"),
    "criticized": ("hurt", "discouraged"),
    "attacked": ("scared", "hurt"),
    "unloved": ("lonely", "sad"),
    "invisible": ("lonely", "left out"),
    "lied to": ("hurt", "unsure"),
    "cheated on": ("hurt", "shocked"),
    "pressured": ("uneasy", "overwhelmed"),
    "controlled": ("uneasy", "trapped"),
    "unwanted": ("lonely", "hurt"),
    "dismissed": ("hurt", "frustrated"),
}

NEEDS: tuple[str, ...] = (
    "reassurance",
    "closeness",
    "to feel connected",
    "to feel heard",
    "to be taken seriously",
    "some predictability",
    "reliability",
    "honesty",
    "trust",
    "respect",
    "time together",
    "some time to myself",
    "support",
    "help",
    "fairness",
    "rest",
    "appreciation",
    "to feel safe",
    "to be included",
    "fun and lightness",
)

# Feeling words a draft may use about the writer, as the builder would name them.
_FEELING_FORMS: tuple[tuple[str, str], ...] = (
    (r"hurt(?:s|ing)?", "hurt"),
    (r"worr(?:ied|y|ies|ying)", "worried"),
    (r"anxious|anxiety", "anxious"),
    (r"scared|scar(?:e|es|ing) me|afraid|frightened", "scared"),
    (r"nervous", "nervous"),
    (r"insecure", "insecure"),
    (r"lonely", "lonely"),
    (r"sad", "sad"),
    (r"upset", "upset"),
    (r"disappointed|disappointing|let down", "disappointed"),
    (r"left out|excluded", "left out"),
    (r"frustrat(?:ed|ing)", "frustrated"),
    (r"annoyed|annoying|irritated", "annoyed"),
    (r"angry|furious|mad", "angry"),
    (r"overwhelmed", "overwhelmed"),
    (r"exhausted|tired|drained", "exhausted"),
    (r"embarrass(?:ed|ing|es)?|humiliat(?:ed|ing|es|e)", "embarrassed"),
    (r"jealous", "jealous"),
    (r"confused|confusing", "confused"),
)
_SELF = (
    r"(?:i(?:'m| am| feel| felt| was| get| got| have been|'ve been)|"
    r"makes me(?: feel)?|made me(?: feel)?|me)"
)
_DEGREE = r"(?: (?:so|really|very|a bit|a little|kind of|pretty|super|totally|completely|too))*"
_FEELING_PATTERNS = tuple(
    (
        re.compile(
            rf"\b{_SELF}{_DEGREE} (?:{form})\b|\b(?:{form}) me\b|\bit{_DEGREE} (?:{form})\b",
            re.IGNORECASE,
        ),
        name,
    )
    for form, name in _FEELING_FORMS
)


def feeling_named_in(text: str) -> str | None:
    """The first feeling the writer names about themself ("I'm so hurt", "it scares me"),
    as the builder's list names it; None when they name none."""
    first = _first_feeling(text)
    return None if first is None else first[1]


def feeling_ends_at(text: str) -> int | None:
    """Where the words of the first feeling the writer names end; None when they name
    none."""
    first = _first_feeling(text)
    return None if first is None else first[0].end()


def feeling_starts_at(text: str) -> int | None:
    """Where the words of the first feeling the writer names start; None when they
    name none."""
    first = _first_feeling(text)
    return None if first is None else first[0].start()


def _first_feeling(text: str) -> tuple[re.Match[str], str] | None:
    best: tuple[re.Match[str], str] | None = None
    for pattern, name in _FEELING_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0].start()):
            best = (match, name)
    return best


def family_of(feeling: str) -> str | None:
    key = " ".join(feeling.lower().split())
    for family, members in FEELING_FAMILIES.items():
        if key in members:
            return family
    return None
