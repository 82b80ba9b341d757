"""Expectations of the relationship, each with a realism check and a softer wording.

The check looks for four things that make an expectation hard for any partner to meet:
absolutes ("always", "every night"), "should" and "must", mind-reading ("he should know
without me asking") and response-time demands ("within 10 minutes"). A flagged
expectation gets a softer wording made of its own words: "He must always answer within
10 minutes" becomes "I'd like him to answer when he can, most of the time." The person
marks each expectation open, discussed or agreed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from heartwise.domain.coach_grammar import object_pronoun, tidy
from heartwise.domain.growth import body_of
from heartwise.domain.growth_fields import moment, optional_text, required_text
from heartwise.domain.ifeel import Flag
from heartwise.errors import InvalidInput

STATUSES = ("open", "discussed", "agreed")
MAX_EXPECTATION = 1_000


def _rule(kind: str, message: str, *patterns: str) -> tuple[str, str, tuple[re.Pattern[str], ...]]:
    return kind, message, tuple(re.compile(p, re.IGNORECASE) for p in patterns)


_RESPONSE_TIME = (
    r"\b(?:within|in|after|under) (?:\d+|a few|a couple of|one|two|three|five|ten|fifteen|"
    r"twenty|thirty|an?) (?:minutes?|mins?|hours?|hrs?|seconds?|secs?)\b",
    r"\b(?:right away|straight away|immediately|instantly|at once|asap|the second|"
    r"the minute|the moment)(?: (?:when |as soon as )?(?:he|she|they|you) (?:sees?|gets?|reads?) "
    r"(?:it|them|my \w+))?",
)
_MIND_READING = (
    r",? ?\bwithout (?:me |my )?(?:having to |needing to )?(?:ask|tell|say|explain)(?:ing)?"
    r"(?: (?:him|her|them|you|it))?\b",
    r"\bwithout being (?:asked|told)",
    r"\b(?:just )?know (?=(?:what|when|how|that|why) i\b)",
    r"\bread my mind\b",
    r"^if (?:he|she|they|you) (?:really |truly )?(?:loved|cared about|respected) me,? ?",
)
_ABSOLUTE = (
    r"\b(?:always|never|every (?:single )?(?:time|day|night|morning|evening|week)|"
    r"constantly|all the time|at all times|24/7|forever|no matter what)\b",
)
_SHOULD = (
    r"\b(?:must(?:n't| not)?|should(?:n't| not)?|has to|have to|needs to|need to|ought to|"
    r"(?:is|are) supposed to)\b",
)
RULES = (
    _rule(
        "response_time",
        "A reply can be slow for many reasons that have nothing to do with you; a deadline "
        "turns every delay into a broken rule.",
        *_RESPONSE_TIME,
    ),
    _rule(
        "mind_reading",
        "No one can know a need that was not said; saying it gives them a fair chance.",
        *_MIND_READING,
    ),
    _rule(
        "absolute",
        "“Always” and “every” leave no room for an ordinary bad day.",
        *_ABSOLUTE,
    ),
    _rule(
        "should",
        "“Should” and “must” make a wish into a rule; a wish can be talked about.",
        *_SHOULD,
    ),
)
_MODAL = re.compile(
    r"^(?P<subject>he|she|they|you|we|my \w+|[a-z]+)\s+(?P<neg>(?:must|should|will|would|"
    r"has to|have to|needs? to|ought to|(?:is|are) supposed to)(?:n't| not| never)?)\s+"
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(r"(?:n't| not| never)$|^never\b", re.IGNORECASE)
# Knowing what someone needs becomes asking: "know what I need" -> "ask what I need".
_ASK_INSTEAD = re.compile(r"\b(?:just )?know (?=(?:what|when|how|why) i\b)", re.IGNORECASE)
_ALWAYS = re.compile(r"\b(?:always|at all times|24/7|no matter what|forever)\b", re.IGNORECASE)
_SOFTER_TIMES = (
    (re.compile(r"\bevery (?:single )?(day|night|morning|evening|week)\b", re.I), r"most \1s"),
    (re.compile(r"\bevery (?:single )?time\b", re.I), "usually"),
    (re.compile(r"\b(?:constantly|all the time)\b", re.I), "often"),
)


@dataclass(frozen=True)
class ExpectationCheck:
    flags: tuple[Flag, ...]
    softer: str | None

    @property
    def realistic(self) -> bool:
        return not self.flags

    def to_dict(self) -> dict[str, object]:
        return {
            "realistic": self.realistic,
            "flags": [flag.to_dict() for flag in self.flags],
            "softer": self.softer,
        }


def check_expectation(text: str) -> ExpectationCheck:
    """Flags for what makes ``text`` hard to meet, and a softer wording when flagged."""
    flags = tuple(
        sorted(
            (
                Flag(kind, match.span(), message)
                for kind, message, patterns in RULES
                for pattern in patterns
                for match in pattern.finditer(text)
                if match.end() > match.start()
            ),
            key=lambda flag: (flag.span, flag.kind),
        )
    )
    return ExpectationCheck(flags, softer_wording(text) if flags else None)


def softer_wording(text: str) -> str:
    """The expectation said as a wish, without deadlines, absolutes or guesses."""
    plain = text.strip().rstrip(".!").replace("’", "'")
    kinds = {kind for kind, _, patterns in RULES for p in patterns if p.search(plain)}
    plain = _ASK_INSTEAD.sub("ask ", plain)
    for taken_out in (*_MIND_READING, *_RESPONSE_TIME):
        plain = re.sub(taken_out, " ", plain, flags=re.IGNORECASE)
    often = "most of the time" if _ALWAYS.search(plain) else ""
    plain = _ALWAYS.sub(" ", plain)
    for pattern, replacement in _SOFTER_TIMES:
        plain = pattern.sub(replacement, plain)
    modal = _MODAL.match(tidy(plain))
    if modal is None:
        return _with_endings(f"Ideally, {_first_lower(tidy(plain))}", kinds, "they", often)
    subject, rest = _subject(modal.group("subject")), modal.group("rest")
    rest = tidy(re.sub(r"^never\s+", "", rest, flags=re.IGNORECASE))
    person = "us" if subject == "we" else object_pronoun(subject)
    if _NEGATIVE.search(modal.group("neg")) or _starts_never(modal):
        opening = f"I'd prefer {person} not to {rest}"
    else:
        opening = f"I'd like {person} to {rest}"
    return _with_endings(opening, kinds, subject, often)


def _subject(word: str) -> str:
    """Pronouns and "my partner" in lower case; a name as written."""
    lowered = word.lower()
    return (
        lowered
        if lowered in ("he", "she", "they", "you", "we") or lowered.startswith("my ")
        else word
    )


def _starts_never(modal: re.Match[str]) -> bool:
    return modal.group("rest").lower().startswith("never ")


def _with_endings(opening: str, kinds: set[str], subject: str, often: str) -> str:
    pronoun = subject
    parts = [opening]
    if "response_time" in kinds:
        parts[0] += f" when {pronoun} can"
    if often:
        parts.append(often)
    sentence = ", ".join(parts) + "."
    if "mind_reading" in kinds:
        sentence += " I'll say what I need, so no one has to guess."
    return sentence[0].upper() + sentence[1:]


def _first_lower(text: str) -> str:
    """Ready to follow other words: "Replies" -> "replies"; "I" stays."""
    first = text.split(" ", 1)[0]
    if first in ("I", "I'm", "I'd", "I've", "I'll"):
        return text
    return first.lower() + text[len(first) :]


# -- records ----------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ExpectationDraft:
    text: str
    status: str
    created_at: datetime
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class Expectation(ExpectationDraft):
    id: int

    @property
    def when(self) -> datetime:
        return self.created_at

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, **body_of(self), "check": check_expectation(self.text).to_dict()}


def make_expectation(
    text: object, created_at: object, status: object = "open", note: object = None
) -> ExpectationDraft:
    return ExpectationDraft(
        text=clean_expectation_text(text),
        status=check_status(status),
        created_at=moment(created_at, "created_at", "the expectation"),
        note=optional_text(note, "note", "the note"),
    )


def clean_expectation_text(text: object) -> str:
    written = required_text(text, "text", "what you expect")
    if len(written) > MAX_EXPECTATION:
        raise InvalidInput(
            f"An expectation can be up to {MAX_EXPECTATION:,} characters; one sentence "
            "is usually clearest.",
            field="text",
        )
    return written


def check_status(status: object) -> str:
    if status not in STATUSES:
        raise InvalidInput(
            "An expectation is open, discussed or agreed.",
            field="status",
        )
    assert isinstance(status, str)
    return status
