"""The message coach: what in a draft may land as blame, why, and a gentler rewrite.

The analyser decides whether a draft is harsh and where its blame markers are; this
module adds the coach's own marks for short phrases the markers leave out (see
``coach_lexicon``), explains every mark in one line, and builds the rewrite
(``coach_rewrite``). A draft the analyser does not find harsh is left alone: no marks,
no rewrite. Nothing here does I/O or imports the analyser, so the service passes its
findings in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from heartwise.domain.coach_clauses import CONDITIONAL_THREAT
from heartwise.domain.coach_lexicon import PHRASES
from heartwise.domain.coach_rewrite import SENTENCE, Rewrite, rewrite
from heartwise.errors import InvalidInput

MAX_MESSAGE = 10_000  # a message to a partner; longer texts belong in the journal
Span = tuple[int, int]

MARK_EXPLANATIONS: dict[str, str] = {
    "absolute": (
        "“Always” and “never” turn one moment into a verdict, and invite an argument about "
        "the exceptions instead of a talk about this time."
    ),
    "criticism": (
        "This names a flaw in who they are; describing what happened gives them something "
        "they can actually change."
    ),
    "contempt": (
        "Sarcasm and put-downs say “you are beneath me”, and that tends to hurt more than "
        "the thing you are upset about."
    ),
    "accusation": (
        "This claims to know what they think or intend; say what you saw and how it felt, "
        "and let them speak for themselves."
    ),
    "why_question": (
        "A “why do you…” question asks them to defend themselves; saying what you need "
        "invites an answer instead."
    ),
    "threat": (
        "An ultimatum puts fear where the conversation should be, and makes it hard for "
        "either of you to hear the other."
    ),
    "stonewalling": (
        "This closes the door on talking; if you need a pause, say so, and say when you "
        "will come back to it."
    ),
}

_APOSTROPHES = {ord("’"): "'", ord("‘"): "'", ord("`"): "'"}
NO_PART_NOTE = (
    "This may land more sharply than you mean, but the coach cannot point to one part. "
    "Reading it aloud as if you were your partner can help you hear it."
)

_MARK_ONLY: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("absolute", re.compile(r"\b(?:never|every (?:single )?time)\b", re.IGNORECASE)),
    (
        "why_question",
        re.compile(
            r"\bwhy (?:do|does|did|don't|didn't|can't|won't|would|are|is|were|was|must|"
            r"should|have|haven't|couldn't|wouldn't) (?:you|your)\b[^.!?\n]*\??",
            re.IGNORECASE,
        ),
    ),
    ("threat", CONDITIONAL_THREAT),
)


@dataclass(frozen=True)
class Mark:
    kind: str
    span: Span
    explanation: str

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "span": list(self.span), "explanation": self.explanation}


@dataclass(frozen=True)
class Coaching:
    """What the coach says about one draft."""

    harsh: bool
    score: float
    marks: tuple[Mark, ...] = ()
    rewrite: Rewrite | None = None
    note: str | None = None
    crisis: str = "none"

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of `heartwise coach --json`; ``rewrite`` is null when the draft
        is left alone."""
        return {
            "harsh": self.harsh,
            "score": round(self.score, 3),
            "marks": [mark.to_dict() for mark in self.marks],
            "rewrite": None if self.rewrite is None else self.rewrite.text,
        }


def check_draft(text: object) -> str:
    """The draft as given (spans refer to it), or ``InvalidInput`` saying what to do."""
    if not isinstance(text, str):
        raise InvalidInput("Please give the message as text.", field="text")
    if not text.strip():
        raise InvalidInput(
            "There is no message to read yet: paste or type the draft you want to send.",
            field="text",
        )
    if len(text) > MAX_MESSAGE:
        raise InvalidInput(
            f"The coach reads messages of up to {MAX_MESSAGE:,} characters, and this one has "
            f"{len(text):,}. Try the part you most want to say first.",
            field="text",
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            "Part of this message is not valid Unicode (perhaps the terminal uses another "
            "encoding). Please check the characters and try again.",
            field="text",
        ) from None
    return text


def coach(text: str, *, harsh: bool, score: float, markers: Iterable[tuple[str, Span]]) -> Coaching:
    """Marks, explanations and a rewrite for a draft the analyser has read.

    ``markers`` are the analyser's blame markers as (kind, span) pairs.
    """
    note = _reading_note(text)
    if note is not None:
        # Without English words the analyser sees only punctuation ("?" alone leans
        # harsh), so its score says nothing about this message.
        return Coaching(False, 0.0, note=note)
    if not harsh:
        return Coaching(False, score)
    marks = find_marks(text, markers)
    if not marks:
        # Without a part to point to, a rewrite would have no blame to take out.
        return Coaching(True, score, note=NO_PART_NOTE)
    return Coaching(True, score, marks, rewrite(text))


def _reading_note(text: str) -> str | None:
    if not any(ch.isalpha() for ch in text):
        return "There are no words here for the coach to read; it reads the words of a message."
    if not re.search(r"[A-Za-z]", text):
        return "The coach reads English for now, so it has nothing to mark in this message."
    return None


def find_marks(text: str, markers: Iterable[tuple[str, Span]]) -> tuple[Mark, ...]:
    """The analyser's markers and the coach's own, each explained, in reading order.

    A coach mark that overlaps a marker of the same kind adds nothing and is left out.
    """
    found = [(kind, span) for kind, span in markers if kind in MARK_EXPLANATIONS]
    for kind, span in _coach_marks(text):
        if not any(k == kind and _overlap(s, span) for k, s in found):
            found.append((kind, span))
    ordered = sorted(set(found), key=lambda pair: (pair[1], pair[0]))
    return tuple(Mark(kind, span, MARK_EXPLANATIONS[kind]) for kind, span in ordered)


def _coach_marks(text: str) -> Iterable[tuple[str, Span]]:
    plain = text.translate(_APOSTROPHES)
    for sentence in SENTENCE.finditer(plain):
        offset, words = sentence.start(), sentence.group()
        patterns = [(p.kind, p.pattern) for p in PHRASES] + list(_MARK_ONLY)
        for kind, pattern in patterns:
            for match in pattern.finditer(words):
                span = _trimmed(text, offset + match.start(), offset + match.end())
                if span[1] > span[0]:
                    yield kind, span


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and text[end - 1] in " ,;:\n\t":
        end -= 1
    return start, end


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
