"""The communication tools in the terminal's words: what the coach marked and why, flags
on an "I feel" statement or an expectation, plans, and affection side by side; and
reading what is typed (a choice by number, ratings like ``6/9``).

Flags are hints, never verdicts: the person decides.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from heartwise.cli.output import Output
from heartwise.domain.affection import Difference
from heartwise.domain.coach import Coaching
from heartwise.domain.conversation import ConversationPlan
from heartwise.domain.expectations import Expectation, ExpectationCheck
from heartwise.domain.ifeel import Flag, IFeelStatement
from heartwise.errors import InvalidInput

STATUS_WORDS = {"open": "not yet talked about", "discussed": "talked about", "agreed": "agreed"}
DIFFERENCE_WORDS = {
    "i_wish_for_more": "you may long for more of this than your partner gives",
    "they_wish_for_more": "your partner may long for more of this than you give",
    "valued_differently": "the two of you value this differently",
}

# -- reading what is typed -------------------------------------------------------------------


def choice(answer: str, options: Sequence[str], field: str) -> str:
    """An option by its number (1, 2 …), or the answer as typed."""
    typed = answer.strip()
    if not typed.isdigit():
        return typed
    if not 1 <= int(typed) <= len(options):
        raise InvalidInput(
            f"Please choose a number from 1 to {len(options)}, or type your own words.",
            field=field,
        )
    return options[int(typed) - 1]


_RATING = re.compile(
    r"^\s*(?P<way>[^=]+?)\s*=\s*(?P<giving>-?\d+)\s*[/, ]\s*(?P<receiving>-?\d+)\s*$"
)


def parse_ratings(typed: Sequence[str], field: str) -> dict[str, dict[str, int]]:
    """``kind_words=6/9`` (giving/receiving), one way each, into the service's shape."""
    ratings: dict[str, dict[str, int]] = {}
    for one in typed:
        match = _RATING.match(one)
        if match is None:
            raise InvalidInput(
                "Give each rating as WAY=GIVING/RECEIVING, each from 0 to 10, for example "
                '--mine kind_words=6/9 or --mine "cooking together=5/8".',
                field=field,
            )
        ratings[match["way"]] = {
            "giving": int(match["giving"]),
            "receiving": int(match["receiving"]),
        }
    return ratings


def pair(answer: str) -> tuple[int, int] | str:
    """``6 9`` or ``6/9`` as two numbers; anything else as typed, for the service to refuse."""
    numbers = re.split(r"[\s/,]+", answer.strip())
    if len(numbers) == 2 and all(re.fullmatch(r"-?\d{1,3}", n) for n in numbers):
        return int(numbers[0]), int(numbers[1])
    return answer


# -- the coach -------------------------------------------------------------------------------


def print_coaching(out: Output, draft: str, result: Coaching) -> None:
    """The marks, each quoted with its explanation, then the rewrite as it stands."""
    if result.note:
        out.line(result.note)
    elif not result.harsh:
        out.line("Nothing here is likely to land as blame. It reads as a kind message.")
    for mark in result.marks:
        start, end = mark.span
        out.line(("• ", "bold"), (f"“{_flat(draft[start:end])}”", "bold yellow"))
        out.line(f"    {mark.explanation}")
    if result.rewrite is not None:
        out.line("")
        out.line(("A gentler way to say it:", "bold"))
        out.line(f"    {result.rewrite.text}")


def print_choices(out: Output, question: str, options: Sequence[str]) -> None:
    out.line(question)
    for number, option in enumerate(options, start=1):
        out.line(f"  {number}. {option}")


# -- flags -----------------------------------------------------------------------------------


def print_flags(out: Output, text: str, flags: Sequence[Flag]) -> None:
    """Each flagged phrase quoted, with why it may work against being heard."""
    for flag in flags:
        start, end = flag.span
        quoted = f"“{_flat(text[start:end])}”"
        out.line(("  ! ", "yellow"), (quoted, "yellow"), f" {flag.message}")


# -- records ---------------------------------------------------------------------------------


def statement_line(statement: IFeelStatement) -> str:
    if statement.outcome is None:
        state = "draft"
    else:
        state = "sent" if statement.outcome.sent else "not sent"
    return f"#{statement.id}  {_day(statement)}  {state}  {preview(statement.text)}"


def plan_line(plan: ConversationPlan) -> str:
    went = f"went {plan.afterwards.rating}/10" if plan.afterwards else "planned"
    return f"#{plan.id}  {plan.created_at.strftime('%a %d %b')}  {went}  {preview(plan.topic)}"


def expectation_line(expectation: Expectation) -> str:
    return f"#{expectation.id}  {STATUS_WORDS[expectation.status]}  {preview(expectation.text)}"


def print_check(out: Output, text: str, check: ExpectationCheck) -> None:
    if check.realistic:
        out.line("This leaves room for an ordinary day.")
        return
    print_flags(out, text, check.flags)
    out.line(("A softer way to put it: ", "bold"), check.softer or "")


def _day(statement: IFeelStatement) -> str:
    return statement.created_at.strftime("%a %d %b")


# -- affection -------------------------------------------------------------------------------


def affection_rows(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """The side-by-side table as fixed-width lines: give and receive, you and partner."""
    width = max([len("Way")] + [len(str(row["name"])) for row in rows])
    lines = [f"{'Way':<{width}}  you give  you receive  partner gives  partner receives"]
    for row in rows:
        mine, theirs = row["mine"] or {}, row["theirs"] or {}
        lines.append(
            f"{row['name']:<{width}}  {_n(mine, 'giving'):>8}  {_n(mine, 'receiving'):>11}  "
            f"{_n(theirs, 'giving'):>13}  {_n(theirs, 'receiving'):>16}"
        )
    return lines


def difference_lines(differences: Sequence[Difference]) -> list[str]:
    if not differences:
        return ["No gap of three points or more."]
    lines = []
    for difference in differences:
        lines.append(
            f"• {difference.name}: {DIFFERENCE_WORDS[difference.kind]} (a gap of {difference.gap})."
        )
        lines.append(f"    An idea: {difference.idea}")
    return lines


def _n(rating: Mapping[str, Any], direction: str) -> str:
    return str(rating[direction]) if direction in rating else "–"


def preview(words: str, width: int = 60) -> str:
    flat = _flat(words)
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _flat(words: str) -> str:
    return " ".join(words.split())
