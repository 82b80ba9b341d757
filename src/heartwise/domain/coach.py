"""The message coach: what in a draft may land as blame, why, and a gentler rewrite.

The analyser reads a draft first: a harsh score and its blame markers. This module adds
the coach's own marks, for set phrases the markers leave out (``coach_lexicon``) and for
blame in forms any words can fill (``coach_cues``), explains every mark in one line, and
judges the draft:

- harsh when the analyser finds it harsh and the coach sees blame in it: a mark, or a
  weak cue in a message that is not warm;
- harsh, too, when the coach finds strong blame the analyser's score missed ("Thanks
  for ditching me. Real classy.");
- otherwise left alone, however the analyser scored it: "did you remember the milk?"
  has nothing to rewrite.

A second opinion may overrule that verdict: a model trained on messages to a partner
(``heartwise.analysis.drafts``) that reads the draft as a whole and speaks only when it
is confident (``lean``). Rules written from our own examples reach other people's
writing only partly; the model catches harsh drafts in shapes no rule names and lets
teasing or news that happens to match a rule alone.

A draft judged harsh always gets a rewrite (``coach_rewrite``), with a note when no
part could be marked. ``Coaching.score`` stays the analyser's score; ``harsh`` is the
coach's judgement. Nothing here does I/O or imports the analyser, so the service passes
its findings in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from heartwise.domain.coach_clauses import CONDITIONAL_THREAT
from heartwise.domain.coach_cues import (
    AFFECTION,
    GENERIC_PHRASES,
    MISHAP_THEN_TAG,
    OWN_FEELING,
    QUOTED,
    THANKS_THEN_MISHAP,
    WARMTH,
    asks_about_things,
    gentle,
    warm_sentence,
    weak_cues,
)
from heartwise.domain.coach_grammar import sentences, word_set
from heartwise.domain.coach_lexicon import (
    MADE_ME_A_JOKE,
    MASS_NOUNS,
    NAME_CALLING,
    PHRASES,
    SITUATION_NOUNS,
    STILL_HARSH,
)
from heartwise.domain.coach_rewrite import Rewrite, rewrite
from heartwise.domain.coach_spelling import APOSTROPHES, back, plain
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

NO_PART_NOTE = (
    "This may land more sharply than you mean, though the coach cannot point to one part: "
    "the tone carries it. Below is a gentler way to say it, made of your own words."
)
# Kinds that also turn up in warm messages ("you always make me laugh", "why don't we
# try it?"): on their own they need the analyser's agreement.
WEAK_KINDS = frozenset({"absolute", "why_question"})

_MARK_ONLY: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("absolute", re.compile(r"\b(?:never|every (?:single )?time|every single)\b", re.I)),
    (
        "why_question",
        re.compile(
            r"\bwhy (?:do|does|did|don't|didn't|can't|won't|would|are|is|were|was|must|"
            r"should|have|haven't|couldn't|wouldn't) (?:you|your)\b[^.!?\n]*\??",
            re.IGNORECASE,
        ),
    ),
    ("threat", CONDITIONAL_THREAT),
    ("criticism", MADE_ME_A_JOKE),
    # Worn out by the partner ("I'm sick of tiptoeing round you", "tired of chasing you");
    # the rewrite keeps what the writer is tired of (see ``coach_rewrite``).
    (
        "contempt",
        re.compile(
            r"\bi(?:'m| am) (?:so |really |just )*(?:sick|tired|fed up|sick and tired)"
            r"(?: to (?:the back (?:of )?)?(?:my |the )?(?:teeth|death))? (?:of|with) "
            r"(?:\w+ing )?(?:\w+ ){0,2}(?:you|your)\b",
            re.IGNORECASE,
        ),
    ),
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


def coach(
    text: str,
    *,
    harsh: bool,
    score: float,
    markers: Iterable[tuple[str, Span]],
    lean: str | None = None,
    subject: str | None = None,
) -> Coaching:
    """Marks, explanations and a rewrite for a draft the analyser has read.

    ``markers`` are the analyser's blame markers as (kind, span) pairs. ``lean`` is the
    second opinion's confident reading ("harsh" or "gentle"), which overrules the rules;
    None leaves the verdict to them. ``subject`` is what a model is confident the draft
    is about, for the choices the rewrite offers (``coach_lexicon.topic_of``).
    """
    note = _reading_note(text)
    if note is not None:
        # Without English words the analyser sees only punctuation ("?" alone leans
        # harsh), so its score says nothing about this message.
        return Coaching(False, 0.0, note=note)
    found = _found(text, markers)
    judged = _judged_harsh(text, harsh, found) if lean is None else lean == "harsh"
    if not judged:
        return Coaching(False, score)
    marks = tuple(Mark(kind, span, MARK_EXPLANATIONS[kind]) for kind, span, _ in found)
    proposed = rewrite(text, subject)
    return Coaching(True, score, marks, proposed, note=None if marks else NO_PART_NOTE)


def _judged_harsh(text: str, harsh: bool, found: list[_Found]) -> bool:
    plain_words = plain(text)[0]
    own_words = QUOTED.sub(" ", plain_words)  # quoted words are someone else's
    teasing = AFFECTION.search(own_words) is not None
    strong = any(
        is_strong and not (teasing and _names(text, kind, span)) for kind, span, is_strong in found
    )
    if strong or not harsh:
        return strong
    parts = [words for _, words in sentences(plain_words)]
    if found or weak_cues(text, parts):
        return not WARMTH.search(own_words) and not OWN_FEELING.search(plain_words)
    # No cue either way: the analyser's reading stands unless the draft has the
    # ordinary shape of a kind message (a question, an offer, news, thanks).
    return not gentle(plain_words, parts)


def _names(text: str, kind: str, span: Span) -> bool:
    """Whether a mark is name-calling ("you ridiculous human", "you absolute muppet"),
    which affection in the same draft turns into teasing. Sarcasm and threats stay
    blame with a heart ("thanks for nothing ❤️")."""
    marked = text[span[0] : span[1]]
    calls_names = STILL_HARSH.search(marked) or NAME_CALLING.search(marked)
    return kind in ("criticism", "contempt") and bool(calls_names)


def _reading_note(text: str) -> str | None:
    if not any(ch.isalpha() for ch in text):
        return "There are no words here for the coach to read; it reads the words of a message."
    if not re.search(r"[A-Za-z]", text):
        return "The coach reads English for now, so it has nothing to mark in this message."
    return None


def find_marks(text: str, markers: Iterable[tuple[str, Span]]) -> tuple[Mark, ...]:
    """The analyser's markers and the coach's own, each explained, in reading order.

    A coach mark that overlaps a marker of the same kind adds nothing and is left out;
    a weak mark in a sentence of praise or a suggestion is let go."""
    return tuple(
        Mark(kind, span, MARK_EXPLANATIONS[kind]) for kind, span, _ in _found(text, markers)
    )


_Found = tuple[str, Span, bool]  # kind, span, strong


def _found(text: str, markers: Iterable[tuple[str, Span]]) -> list[_Found]:
    found = [
        (kind, span, kind not in WEAK_KINDS) for kind, span in markers if kind in MARK_EXPLANATIONS
    ]
    for kind, span, strong in _coach_marks(text):
        same = [i for i, (k, s, _) in enumerate(found) if k == kind and _overlap(s, span)]
        if not same:
            found.append((kind, span, strong))
        for i in same:  # the same blame, found twice: as strong as the stronger reading
            found[i] = (found[i][0], found[i][1], found[i][2] or strong)
    parts = list(sentences(text))
    kept: dict[tuple[str, Span], bool] = {}
    for kind, span, strong in found:
        if kind in ("criticism", "contempt") and _said_of_someone_else(parts, span):
            continue
        if strong or not _let_go(text, parts, kind, span):
            kept[(kind, span)] = kept.get((kind, span), False) or strong
    return sorted(((k, s, strong) for (k, s), strong in kept.items()), key=lambda f: (f[1], f[0]))


def _said_of_someone_else(parts: list[tuple[int, str]], span: Span) -> bool:
    """Whether a verdict sits in a sentence about someone other than the partner, who
    is not spoken to in it: "That landlord is a useless gobshite, still no hot water" is
    venting to the partner, not blame of them."""
    for start, words in parts:
        if start <= span[0] < start + len(words):
            subject = _ABOUT_SOMEONE_ELSE.match(words)
            if not subject or _SPOKEN_TO.search(words):
                return False
            head = (subject.group("head") or subject.group("name")).lower()
            if subject.group("determiner"):
                return head in _PEOPLE or head.removesuffix("s") in _PEOPLE
            # A capitalised first word is a name unless it is an everyday thing:
            # "Dinner was disgusting" is about what the partner cooked.
            return head not in SITUATION_NOUNS | MASS_NOUNS
    return False


# A sentence whose subject is a third party: "The plumber's a proper chancer", "My aunty
# is a real nuisance", "Dave was a total clown at the match". Not "your …": the partner's
# family and friends are close enough to the partner for a verdict on them to land; nor
# a thing ("the dinner was disgusting" may be about what the partner made).
_ABOUT_SOMEONE_ELSE = re.compile(
    r"^\s*(?:(?P<determiner>(?i:the|that|this|my|our|his|her|their|these|those))\s+"
    r"(?:[\w'-]+\s+){0,2}?(?P<head>[\w-]+)|(?!You\b|I\b)(?P<name>[A-Z][a-z]+))"
    r"(?:(?:'s|’s)?\s+(?:is|was|are|were|has been|have been)|'s|’s)\b",
)
_PEOPLE = word_set(
    """landlord landlady boss manager supervisor plumber builder electrician mechanic
    neighbour neighbor mum mom mam mother dad father sister brother aunt aunty auntie uncle
    cousin gran granny nan grandma grandad grandpa friend mate colleague coworker teacher
    guy bloke man woman lady girl boy driver waiter waitress doctor nurse receptionist
    planner agent estate-agent cashier client customer officer enforcer warden ref referee
    coach trainer tutor lecturer barber hairdresser caterer photographer dj host bride
    groom vicar pastor priest imam rabbi in-law in-laws flatmate housemate roommate
    lodger babysitter nanny childminder people kids council company bank airline"""
)
_SPOKEN_TO = re.compile(r"\b(?:you|your|ur|u|ya|ye|yer|you're|youre)\b", re.IGNORECASE)


def _let_go(text: str, parts: list[tuple[int, str]], kind: str, span: Span) -> bool:
    """Whether a weak mark sits in a sentence of praise or a suggestion."""
    for start, words in parts:
        if start <= span[0] < start + len(words):
            if kind == "contempt":  # read without the verdict: "Brilliant." is no praise
                words = text[start : span[0]] + " " + text[span[1] : start + len(words)]
            words = words.translate(APOSTROPHES)
            # "Is it just me or is this week lasting forever?": an absolute in a question
            # about things, not about the partner, judges no one.
            about_things = kind == "absolute" and asks_about_things(words)
            return warm_sentence(words) or about_things
    return False


def _coach_marks(text: str) -> Iterable[_Found]:
    words_of, origin = plain(text)
    patterns = [(p.kind, p.pattern, p.strong) for p in (*PHRASES, *GENERIC_PHRASES)]
    patterns += [(kind, pattern, kind not in WEAK_KINDS) for kind, pattern in _MARK_ONLY]
    for offset, words in sentences(words_of):
        for kind, pattern, strong in patterns:
            for match in pattern.finditer(words):
                start, end = back((offset + match.start(), offset + match.end()), origin)
                span = _trimmed(text, start, end)
                if span[1] > span[0]:
                    yield kind, span, strong and kind not in WEAK_KINDS
    for match in _SCOREKEEPING.finditer(words_of):  # it takes two sentences to keep score
        start, end = back(match.span(1), origin)
        yield "contempt", _trimmed(text, start, end), True
    for match in THANKS_THEN_MISHAP.finditer(words_of):
        if not _said_warmly(match.group(2)):
            start, end = back(match.span(1), origin)
            yield "contempt", _trimmed(text, start, end), True
    for match in MISHAP_THEN_TAG.finditer(words_of):
        if not _said_warmly(match.group(1)):
            start, end = back(match.span(2), origin)
            yield "contempt", _trimmed(text, start, end), True
    for match in _QUOTED_BACK.finditer(words_of):
        if not _said_warmly(words_of[match.start(2) :]):
            start, end = back(match.span(1), origin)
            yield "contempt", _trimmed(text, start, end), True


# A list of what I did, then what the partner did: "I did the school run, the food
# shop and the vet. You did a nap."
_SCOREKEEPING = re.compile(
    r"(?:^|[.!?]\s+)i(?:'ve)? \w+ [^.!?]*,[^.!?]*[.!]\s+(you(?:'ve)? (?:\w+ed|did|made|got|went|"
    r"came|took|forgot|turned|picked|sat|slept|sent|said|bought|spent|gave|brought)\b[^.!?]*)",
    re.IGNORECASE,
)


# The partner's own promise or reassurance, quoted back before what came of it:
# "'I'll be back for bath time.' Both kids are asleep." Not when what follows says it
# was kept ("… and you were", "you actually booked it") or is glad of it.
_QUOTED_BACK = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:you said|you told me|remember|so much for)[,:]?\s+)?"
    r"(['‘\"“](?:i'll|i will|i've|i have|i'm|i am|relax|don't worry|trust me|leave it with me|"
    r"it's|it is|it'll|just|only|i won't|back in|five minutes|be there)\b"
    r"(?:[^'’\"”]|(?<=\w)['’](?=\w)){2,80}?"
    r"[.!?,]?['’\"”](?:,?\s*you (?:said|told me|promised)(?: (?:at|on|last|this|yesterday)"
    r"[\w ]*)?)?[.!?]?)\s+(?!and\b|but\b|you (?:did|were|actually|really)\b)([a-z][^.!?]*)",
    re.IGNORECASE,
)


def _said_warmly(rest: str) -> bool:
    if WARMTH.search(rest) or AFFECTION.search(rest):
        return True
    return any(warm_sentence(words) for _, words in sentences(rest))


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and text[end - 1] in " ,;:\n\t":
        end -= 1
    return start, end


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
