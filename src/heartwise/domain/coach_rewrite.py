"""A gentler rewrite built from a draft's own words.

Each sentence of the draft is read on its own. The blame goes (insults, sarcasm,
threats, claims about motives, "always" and "never"); what is left of an observation
stays ("you left me on read for five hours"), and a complaint about something missing
("you never call me back") becomes a request ("call me back"). The rewrite then says
"I feel … when …" and asks "Would you be willing to …?".

The rewrite never invents facts: it only keeps, drops or rearranges the draft's words.
A feeling is used only when the draft names one; otherwise the person chooses among a
few that fit the subject, and the text shows the choice in brackets. The same goes for
a request the draft does not make.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from heartwise.domain.coach_clauses import (
    ABSOLUTE_LEFT,
    CONDITIONAL_THREAT,
    FUNCTION_WORDS,
    IMPERATIVE,
    MARKUP,
    NEGATED,
    WHY_QUESTION,
    as_request,
    ends_cleanly,
    request_from,
    why_as_statement,
    without_absolutes,
)
from heartwise.domain.coach_grammar import as_clause, tidy, word_set
from heartwise.domain.coach_lexicon import (
    AFTER_SHUTTING_DOWN,
    PHRASES,
    SOFTENERS,
    STILL_HARSH,
    Topic,
    topic_of,
)
from heartwise.domain.feelings import feeling_named_in

SENTENCE = re.compile(r"[^.!?\n]+[.!?]*|[.!?]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_MAX_CLAUSES = 2

_STARTS_CLAUSE = word_set(
    """you you're you've you'd your i i'm i've i'd we we're we've our my the it
    it's there this that he she they his their when"""
)
_NOUN_PHRASE = re.compile(
    r"\b(my|your|our|the|his|their|this|that) ([a-z][a-z'-]+)(?: ([a-z]+))?", re.I
)
_NOUN_SECOND = word_set(
    "plans party messages texts photo photos friends trip dinner money bill bills night "
    "weekend call calls phone plan day birthday anniversary list"
)


@dataclass(frozen=True)
class Rewrite:
    """The parts of a rewrite and the text they make; choices are the person's to make."""

    situation: tuple[str, ...]
    topic: str | None
    feeling: str | None
    feeling_choices: tuple[str, ...]
    request: str | None
    request_choices: tuple[str, ...]

    @property
    def needs_feeling(self) -> bool:
        return self.feeling is None

    @property
    def needs_request(self) -> bool:
        return self.request is None

    @property
    def text(self) -> str:
        """The rewrite as shown: an open choice appears as "[one / other]"."""
        feeling = self.feeling or _choice(self.feeling_choices)
        request = self.request or _choice(self.request_choices)
        return compose(self.situation, self.topic, feeling, request)

    def filled(self, feeling: str | None = None, request: str | None = None) -> str:
        """The rewrite with the person's choices (or, by default, the first of each)."""
        return compose(
            self.situation,
            self.topic,
            feeling or self.feeling or self.feeling_choices[0],
            request or self.request or self.request_choices[0],
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "feeling": self.feeling,
            "needs_feeling": self.needs_feeling,
            "feeling_choices": list(self.feeling_choices),
            "request": self.request,
            "needs_request": self.needs_request,
            "request_choices": list(self.request_choices),
        }


def _choice(options: tuple[str, ...]) -> str:
    return "[" + " / ".join(options) + "]"


def compose(situation: tuple[str, ...], topic: str | None, feeling: str, request: str) -> str:
    if situation:
        opening = f"I feel {feeling} when {' and '.join(situation)}."
    elif topic:
        opening = f"I feel {feeling} {topic}."
    else:
        opening = f"I feel {feeling}, and I'd like to ask you something."
    return f"{opening} Would you be willing to {request}?"


@dataclass
class _Reading:
    clauses: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    shut_down: bool = False


def rewrite(draft: str) -> Rewrite:
    """A gentler version of ``draft`` made of its own words (see the module docstring)."""
    # Markup is not words: a pasted "<b>" or "&amp;" has no place in what is sent.
    text = html.unescape(MARKUP.sub(" ", draft)).translate(_APOSTROPHES)
    reading = _Reading()
    for match in SENTENCE.finditer(text):
        _read_sentence(match.group(), reading)
    topic = topic_of(text)
    situation = tuple(dict.fromkeys(reading.clauses))[:_MAX_CLAUSES]
    request = reading.requests[0] if reading.requests else None
    return Rewrite(
        situation=situation,
        topic=None if situation else (reading.topics[0] if reading.topics else None),
        feeling=feeling_named_in(text),
        feeling_choices=topic.feelings,
        request=request,
        request_choices=_request_choices(topic, request, reading.shut_down),
    )


def _request_choices(topic: Topic, request: str | None, shut_down: bool) -> tuple[str, ...]:
    offered = (AFTER_SHUTTING_DOWN, topic.requests[0]) if shut_down else topic.requests
    return tuple(dict.fromkeys(((request,) if request else ()) + offered))


def _read_sentence(sentence: str, reading: _Reading) -> None:
    question = sentence.rstrip().endswith("?")
    text = sentence.strip().rstrip(".!?").strip()
    threat = CONDITIONAL_THREAT.match(text)
    if threat:
        text, question = threat.group(1), False
    kept = _without_blame(text, reading)
    why = WHY_QUESTION.match(kept or "")
    if why:
        kept, question = _without_blame(why_as_statement(why), reading), False
    if kept is not None:
        _read_clause(tidy(kept), question, reading)


def _without_blame(text: str, reading: _Reading) -> str | None:
    """``text`` without the coach's harsh phrases; None when the whole sentence goes."""
    for phrase in PHRASES:
        found = phrase.pattern.search(text)
        while found and phrase.action != "sentence":
            if phrase.action == "clause":
                _add_topic(text[found.start() :], reading)
                text = text[: found.start()]
            else:
                text = text[: found.start()] + " " + text[found.end() :]
            found = phrase.pattern.search(text)
        if found:  # a sentence-wide phrase: threats, sarcasm, shutting down
            reading.shut_down |= phrase.kind == "stonewalling"
            if phrase.kind != "contempt":  # sarcasm's words mean their opposite
                _add_topic(text, reading)
            return None
    return text


def _read_clause(text: str, question: bool, reading: _Reading) -> None:
    if STILL_HARSH.search(text):
        _add_topic(text, reading)
        return
    plain = without_absolutes(text)
    if plain is None or feeling_named_in(plain):  # the feeling is said once, up front
        return
    text = plain
    imperative = IMPERATIVE.match(text)
    if imperative:
        reading.requests.append(as_request(imperative.group().removeprefix("please ").strip()))
        return
    negated = NEGATED.search(text)
    request = request_from(negated) if negated else None
    if negated and request:
        # Said once, as what the person would like: "would you be willing to call me
        # back?" rather than also "when you don't call me back".
        reading.requests.append(request)
        text = text[: negated.start()]
    text = tidy(SOFTENERS.sub(" ", text))
    words = text.split()
    first = words[0].lower() if words else ""
    if question and first not in ("you", "you're", "your", "i", "i'm", "we", "my"):
        _add_topic(text, reading)
    elif first in _STARTS_CLAUSE and len(words) >= 3 and ends_cleanly(words):
        reading.clauses.append(as_clause(text))
    else:
        _add_topic(text, reading)


def _add_topic(text: str, reading: _Reading) -> None:
    """The first thing ``text`` is about, as "about your ex" or "when it comes to keeping
    promises"; nothing when it names no such thing."""
    for match in _NOUN_PHRASE.finditer(text):
        noun = match.group(2).lower()
        if noun in FUNCTION_WORDS:
            continue
        phrase = f"{match.group(1).lower()} {match.group(2)}"
        if match.group(3) and match.group(3).lower() in _NOUN_SECOND:
            phrase += f" {match.group(3)}"
        if not STILL_HARSH.search(phrase) and not ABSOLUTE_LEFT.search(phrase):
            reading.topics.append(f"about {phrase}")
            return
    doing = _DOING.search(text)
    if doing and doing.group(1).lower() not in FUNCTION_WORDS and not STILL_HARSH.search(text):
        words = [doing.group(1)]
        if doing.group(2).lower() not in FUNCTION_WORDS:
            words.append(doing.group(2))
        reading.topics.append("when it comes to " + " ".join(words).lower())


_DOING = re.compile(r"\b(?:at|about|of|for|with) ([a-z]+ing) ([a-z']+)", re.IGNORECASE)
