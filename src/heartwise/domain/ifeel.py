"""The "I feel" builder: a feeling, an observation, a need and a request.

Each part is checked as the person writes it. The observation is flagged for judgements,
absolutes and guesses at motives (what a camera could not have recorded); the request
for asking someone to stop something, and for wishes too vague to act on ("be more
present"). Flags are hints, never refusals: the person decides. The builder composes
three phrasings in the shape "I feel … when … because I need … Would you be willing to
…?"; the person picks one and may edit it, saves it as a draft, and later records
whether it was sent and how it went.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from heartwise.domain.coach_grammar import as_clause
from heartwise.domain.feelings import FAUX_FEELINGS
from heartwise.domain.growth import body_of
from heartwise.domain.growth_fields import emotion_name, moment, optional_text, required_text
from heartwise.errors import InvalidInput

MAX_PART = 1_000
Span = tuple[int, int]


@dataclass(frozen=True)
class Flag:
    """Something in one part that may work against being heard, and why."""

    kind: str
    span: Span
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "span": list(self.span), "message": self.message}


def _rule(kind: str, message: str, pattern: str) -> tuple[str, str, re.Pattern[str]]:
    return kind, message, re.compile(pattern, re.IGNORECASE)


ABSOLUTE_WORDS = (
    r"\b(?:always|never|every (?:single )?time|constantly|all the time|forever|"
    r"nothing|nobody|no one|everyone|anymore|any more)\b"
)
_OBSERVATION_RULES = (
    _rule(
        "absolute",
        "An absolute turns one moment into a rule; describe one time it happened instead.",
        ABSOLUTE_WORDS,
    ),
    _rule(
        "judgement",
        "This word judges rather than describes; what would a camera have recorded?",
        r"\b(?:selfish|lazy|rude|inconsiderate|careless|thoughtless|cold|distant|clingy|"
        r"obsessed|ridiculous|boring|controlling|disrespect\w*|ignor(?:e|es|ed|ing) me|"
        r"neglect\w*|too much|flirt\w*|useless|pathetic|childish|immature|mean|cruel|"
        r"as usual|typical|lied|lying|liar)\b",
    ),
    _rule(
        "mind_reading",
        "This guesses at what they think or intend; keep to what you saw and heard.",
        r"\b(?:you (?:don't|didn't|do not|did not) (?:even )?care|on purpose|to hurt me|"
        r"to punish me|you (?:obviously|clearly|just) (?:want|wanted|don't|didn't|prefer)|"
        r"you(?:'d| would) rather|you think (?:i|that)|because you (?:don't|didn't) "
        r"(?:care|love|want))\b",
    ),
)
_REQUEST_RULES = (
    _rule(
        "negative",
        "This asks them to stop something; say what you would like them to do instead.",
        r"^(?:please |could you |would you )?(?:stop|don't|do not|quit|no more|never|not)\b|"
        r"\b(?:to stop|not to|stop being|stop \w+ing)\b",
    ),
    _rule(
        "vague",
        "This is hard to act on; name one thing they could do, and when.",
        r"\b(?:be (?:more|less|nicer|better|there for me|present|different|kinder)|"
        r"(?:more|less) (?:attention|effort|respect|love|affection|distant)|"
        r"care (?:more|about me)|show (?:me )?(?:that )?you care|respect me|love me|"
        r"understand me|make (?:an|more) effort|try harder|distant|change|improve|"
        r"prioriti[sz]e me|put me first|make me (?:happy|feel))\b",
    ),
    _rule(
        "demand",
        "This sounds like a demand; a request leaves room for a no.",
        r"\b(?:you (?:must|have to|need to|should)|or else|immediately|right now|"
        r"i demand|i insist)\b",
    ),
)
_FAUX = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, FAUX_FEELINGS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_THOUGHT = re.compile(r"^\s*(?:like|that|as if|as though)\b", re.IGNORECASE)


def _flags(text: str, rules: tuple[tuple[str, str, re.Pattern[str]], ...]) -> tuple[Flag, ...]:
    found = [
        Flag(kind, match.span(), message)
        for kind, message, pattern in rules
        for match in pattern.finditer(text)
        if match.end() > match.start()
    ]
    return tuple(sorted(found, key=lambda flag: (flag.span, flag.kind)))


def check_feeling(text: str) -> tuple[Flag, ...]:
    """A word that names their act rather than a feeling ("ignored"), or a thought
    dressed as a feeling ("like you don't care")."""
    flags = []
    for match in _FAUX.finditer(text):
        under = " or ".join(FAUX_FEELINGS[match.group(1).lower()])
        flags.append(
            Flag(
                "not_a_feeling",
                match.span(),
                f"This says what they did more than what you feel; underneath it there "
                f"may be feeling {under}.",
            )
        )
    thought = _THOUGHT.match(text)
    if thought:
        flags.append(
            Flag(
                "thought",
                (0, len(text)),
                "“I feel like…” usually starts a thought; try one word for the feeling itself.",
            )
        )
    return tuple(flags)


def check_observation(text: str) -> tuple[Flag, ...]:
    return _flags(text, _OBSERVATION_RULES)


def check_request(text: str) -> tuple[Flag, ...]:
    return _flags(text, _REQUEST_RULES)


# -- phrasings ------------------------------------------------------------------------------


def phrasings(feeling: str, situation: str, need: str | None, request: str | None) -> list[str]:
    """Three ways to say it, from plainest to softest; each can be edited."""
    because = f", because I need {need}" if need else ""
    ask = f" Would you be willing to {request}?" if request else ""
    when = situation[0].upper() + situation[1:]
    need_sentence = f" I need {need}." if need else ""
    what_i_need = f"; what I need is {need}" if need else ""
    return [
        f"I feel {feeling} when {situation}{because}.{ask}",
        f"When {situation}, I feel {feeling}.{need_sentence}{ask}",
        f"Can I tell you something? {when}, and I notice I feel {feeling}{what_i_need}.{ask}",
    ]


def clean_feeling(value: object) -> str:
    text = required_text(value, "feeling", "the feeling")
    text = re.sub(r"^i (?:feel|felt|am|'m)\s+", "", text.lower().strip(" .!"))
    return emotion_name(text, "feeling")


def clean_situation(value: object) -> str:
    text = _part(value, "situation", "what happened, as a camera would have seen it")
    return as_clause(re.sub(r"^(?:when|whenever)\s+", "", text, flags=re.IGNORECASE))


def clean_need(value: object) -> str | None:
    text = _optional_part(value, "need", "what you need")
    if text is None:
        return None
    text = re.sub(r"^(?:because )?(?:i need|i'd need)\s+", "", text, flags=re.IGNORECASE)
    return text.rstrip(" .!")


def clean_request(value: object) -> str | None:
    text = _optional_part(value, "request", "your request")
    if text is None:
        return None
    text = re.sub(
        r"^(?:would you be willing to|would you|could you|can you|will you|please)\s+",
        "",
        text.strip(),
        flags=re.IGNORECASE,
    )
    text = text.rstrip(" ?.!")
    return text[0].lower() + text[1:] if text else text


def _part(value: object, field: str, what: str) -> str:
    text = required_text(value, field, what)
    return _within_limit(text, field)


def _optional_part(value: object, field: str, what: str) -> str | None:
    text = optional_text(value, field, what)
    return None if text is None else _within_limit(text, field)


def _within_limit(text: str, field: str) -> str:
    if len(text) > MAX_PART:
        raise InvalidInput(
            f"Each part of an “I feel” statement can be up to {MAX_PART:,} characters; "
            "a sentence or two says it best.",
            field=field,
        )
    return text.strip()


# -- drafts and outcomes ----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class IFeelDraft:
    feeling: str
    situation: str
    need: str | None = None
    request: str | None = None
    text: str
    created_at: datetime


@dataclass(frozen=True, kw_only=True)
class IFeelOutcome:
    sent: bool
    at: datetime
    how_it_went: str | None = None


@dataclass(frozen=True, kw_only=True)
class IFeelStatement(IFeelDraft):
    id: int
    outcome: IFeelOutcome | None = None

    @property
    def when(self) -> datetime:
        return self.created_at

    def checks(self) -> dict[str, list[dict[str, object]]]:
        return {
            "feeling": [f.to_dict() for f in check_feeling(self.feeling)],
            "situation": [f.to_dict() for f in check_observation(self.situation)],
            "request": [f.to_dict() for f in check_request(self.request or "")],
        }

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, **body_of(self), "checks": self.checks()}


def make_ifeel(
    feeling: object,
    situation: object,
    created_at: object,
    need: object = None,
    request: object = None,
    text: object = None,
) -> IFeelDraft:
    """Check every part; the text defaults to the first phrasing."""
    parts = (
        clean_feeling(feeling),
        clean_situation(situation),
        clean_need(need),
        clean_request(request),
    )
    chosen = _optional_part(text, "text", "the statement")
    return IFeelDraft(
        feeling=parts[0],
        situation=parts[1],
        need=parts[2],
        request=parts[3],
        text=chosen or phrasings(*parts)[0],
        created_at=moment(created_at, "created_at", "the statement"),
    )


def record_ifeel_outcome(
    statement: IFeelStatement, sent: object, how_it_went: object, at: object
) -> IFeelStatement:
    """Whether it was sent and how it went; said again later, it replaces what was said."""
    if not isinstance(sent, bool):
        raise InvalidInput("Please say whether you sent it: yes or no.", field="sent")
    when = moment(at, "at", "how it went")
    if when < statement.created_at:
        raise InvalidInput(
            "How it went cannot be dated before the statement was written.", field="at"
        )
    outcome = IFeelOutcome(
        sent=sent, at=when, how_it_went=optional_text(how_it_went, "how_it_went", "how it went")
    )
    return replace(statement, outcome=outcome)
