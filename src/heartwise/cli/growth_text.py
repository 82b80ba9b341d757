"""The self-awareness tools in the terminal's words: reading what is typed (a wait, an
outcome, emotions, chosen traps) and saying records and figures plainly.

Figures are facts, never verdicts: no streaks, no scores of worth, no "you failed".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from heartwise.domain.entries import format_emotion_list, parse_emotion_list
from heartwise.domain.growth import MAX_WAIT_MINUTES, MIN_WAIT_MINUTES, RealityCheck, Urge
from heartwise.errors import InvalidInput

Figures = Mapping[str, int | float | None]

# -- reading what is typed ---------------------------------------------------------------------

_WAIT = re.compile(r"(?:(\d{1,4})h)?(?:(\d{1,6})m(?:in)?)?")
_OUTCOMES = {"passed": True, "acted": False}
_YES = {"y", "yes"}
_NO = {"n", "no"}


def parse_wait(raw: str) -> int:
    """Minutes from ``15``, ``15m``, ``1h`` or ``1h30m``, within the length of a pause."""
    typed = "".join(raw.lower().split())
    match = _WAIT.fullmatch(typed)
    if typed.isdigit() and len(typed) <= 6:
        minutes = int(typed)
    elif typed and match:
        hours, rest = (int(part or 0) for part in match.groups())
        minutes = hours * 60 + rest
    else:
        raise InvalidInput(
            "heartwise cannot read that wait. Please give minutes or hours, "
            "like 15, 15m, 1h or 1h30m.",
            field="wait",
        )
    if not MIN_WAIT_MINUTES <= minutes <= MAX_WAIT_MINUTES:
        raise InvalidInput(
            "A pause lasts from 1 minute up to 24 hours. Fifteen minutes is a good start: "
            "--wait 15m.",
            field="wait",
        )
    return minutes


def parse_outcome(word: str) -> bool:
    """Whether an urge passed, from ``passed`` or ``acted``."""
    passed = _OUTCOMES.get(word.strip().lower())
    if passed is None:
        raise InvalidInput(
            "Please say passed or acted, for example: heartwise pause --outcome 3 passed.",
            field="passed",
        )
    return passed


def yes_or_no(answer: str) -> bool | None:
    """True for y or yes, False for n or no, None for anything else."""
    word = answer.strip().lower()
    return True if word in _YES else False if word in _NO else None


def parse_feelings(raw: str) -> dict[str, int]:
    """Emotions with their strength: ``anxious 80, sad 60`` or ``anxious=80,sad=60``."""
    return parse_emotion_list(raw.replace("=", " "))


def chosen_traps(answer: str, noticed: Sequence[str]) -> list[str]:
    """Traps chosen by their number among those ``noticed``, or named."""
    chosen = []
    for part in (p.strip() for p in answer.split(",")):
        if not part.isdigit():
            if part:
                chosen.append(part)
            continue
        if not 1 <= int(part) <= len(noticed):
            raise InvalidInput(
                f"Please choose numbers from 1 to {len(noticed)}, or name a trap."
                if noticed
                else "Please name the trap, for example mind reading.",
                field="traps",
            )
        chosen.append(noticed[int(part) - 1])
    return chosen


# -- saying records --------------------------------------------------------------------------


def trap_name(label: str) -> str:
    return label.replace("_", " ")


def clock_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def day_time(moment: datetime) -> str:
    return moment.strftime("%a %d %b %H:%M")


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = [count(hours, "hour")] if hours else []
    if rest or not hours:
        parts.append(count(rest, "minute"))
    return " ".join(parts)


def time_left(seconds: float) -> str:
    """A countdown's clock: 4:05, or 1:04:05 from an hour up."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def preview(words: str, width: int = 60) -> str:
    flat = " ".join(words.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def feelings(emotions: Mapping[str, int]) -> str:
    return format_emotion_list(emotions)


def urge_line(urge: Urge, now: datetime) -> str:
    ends = "ended" if now >= urge.ends_at else "ends"
    return (
        f"#{urge.id}  {day_time(urge.started_at)}, {ends} {clock_time(urge.ends_at)}  "
        f"{preview(urge.urge)}"
    )


def urge_recorded(urge: Urge) -> str:
    if urge.outcome is not None and urge.outcome.passed:
        return f"Recorded: urge #{urge.id} passed. You waited it out."
    return (
        f"Recorded: urge #{urge.id} was acted on. That happens; each pause is practice, "
        "whatever the outcome."
    )


def check_line(check: RealityCheck) -> str:
    return f"#{check.id}  {day_time(check.created_at)}  expected {check.expected}/10  " + preview(
        check.event
    )


def check_recorded(check: RealityCheck) -> str:
    actual = check.outcome.actual if check.outcome else check.expected
    said = f"Reality check #{check.id}: you expected {check.expected} and it was {actual}."
    if actual < check.expected:
        return f"{said} It went better than you feared."
    if actual == check.expected:
        return f"{said} It was about as hard as you expected."
    return f"{said} It was harder than you expected; writing it down keeps the record honest."


# -- figures ---------------------------------------------------------------------------------


def stats_lines(figures: Mapping[str, Figures]) -> list[str]:
    return [
        _urges_line(figures["urges"]),
        _checks_line(figures["reality_checks"]),
        _thoughts_line(figures["thought_records"]),
    ]


def _urges_line(urges: Figures) -> str:
    total, passed = _whole(urges["total"]), _whole(urges["passed"])
    if not total:
        return "Urges that passed: none recorded yet."
    return f"Urges that passed: {passed} of {total} ({_percent(urges['pass_rate'])})"


def _checks_line(checks: Figures) -> str:
    done = _whole(checks["completed"])
    if not done:
        return "Reality checks: none completed yet."
    fears = "fear" if done == 1 else "fears"
    return (
        f"Reality checks: expected {_number(checks['mean_expected'])} on average, "
        f"it was {_number(checks['mean_actual'])}; "
        f"{_whole(checks['fears_came_true'])} of {done} {fears} came true"
    )


def _thoughts_line(records: Figures) -> str:
    written = _whole(records["count"])
    if not written:
        return "Thought records: none written yet."
    line = f"Thought records: {written} written"
    before, after = records["mean_before"], records["mean_after"]
    if before is not None and after is not None:
        line += f"; feelings went from {_number(before, 0)} to {_number(after, 0)} on average"
    return line


def review_lines(review: Mapping[str, Mapping[str, object]]) -> list[str]:
    return [
        f"Last 7 days: {_period(review['this_week'])}",
        f"The 7 days before: {_period(review['previous_week'])}",
    ]


def _period(facts: Mapping[str, object]) -> str:
    parts = []
    if triggers := _whole(facts["triggers"]):
        parts.append(f"{count(triggers, 'trigger')} noted")
    if urges := _whole(facts["urges_recorded"]):
        parts.append(f"{_whole(facts['urges_passed'])} of {count(urges, 'urge')} passed")
    if checks := _whole(facts["checks_completed"]):
        came_true = _whole(facts["fears_came_true"])
        parts.append(
            f"{count(checks, 'reality check')} completed, {count(came_true, 'fear')} came true"
        )
    if records := _whole(facts["thought_records"]):
        parts.append(count(records, "thought record") + _eased(facts["mean_drop"]))
    return "; ".join(parts) + "." if parts else "nothing recorded."


def _eased(drop: object) -> str:
    if not isinstance(drop, int | float):
        return ""
    if drop >= 0:
        return f", feelings eased by {_number(drop, 0)} on average"
    return f", feelings rose by {_number(-drop, 0)} on average"


def _whole(value: object) -> int:
    return value if isinstance(value, int) else 0


def _number(value: object, places: int = 1) -> str:
    if not isinstance(value, int | float):
        return "?"
    shown = f"{value:.{places}f}"
    return shown[:-2] if shown.endswith(".0") else shown


def _percent(rate: object) -> str:
    return f"{round(rate * 100)}%" if isinstance(rate, int | float) else "?"
