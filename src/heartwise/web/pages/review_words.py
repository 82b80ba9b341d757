"""The weekly review in plain sentences: the last 7 days beside the 7 before.

Facts only. No streaks, no scores, nothing to live up to: noticing more triggers is
noticing, not failing, and an urge acted on is said as kindly as one that passed.
"""

from __future__ import annotations

from collections.abc import Mapping

from heartwise.web.charts import format_number

Facts = Mapping[str, object]

NOTHING_YET = (
    "Nothing is recorded for these two weeks, and that is fine. When something stirs you "
    "up, the trigger log, the pause, a thought record or a reality check are here."
)


def review_sentences(review: Mapping[str, Facts]) -> list[str]:
    """What the review says, one sentence for each tool that has something to say."""
    now, before = review["this_week"], review["previous_week"]
    said = [
        _triggers(_whole(now, "triggers"), _whole(before, "triggers")),
        _urges(now, before),
        _checks(_whole(now, "checks_completed"), _whole(now, "fears_came_true")),
        _thought_records(now, before),
    ]
    sentences = [sentence for sentence in said if sentence]
    return sentences or [NOTHING_YET]


def _triggers(count: int, earlier: int) -> str:
    if not count and not earlier:
        return ""
    then = f"{earlier} the week before" if earlier else "none the week before"
    if not count:
        return f"No triggers noted in the last 7 days ({then})."
    return f"You noticed {_count(count, 'trigger')} ({then})."


def _urges(now: Facts, before: Facts) -> str:
    total, passed = _whole(now, "urges_recorded"), _whole(now, "urges_passed")
    earlier = _whole(before, "urges_recorded")
    then = f" (the week before: {_whole(before, 'urges_passed')} of {earlier})" if earlier else ""
    if not total:
        return f"No pauses came to an answer in the last 7 days{then}." if earlier else ""
    if total == 1:
        if passed:
            return f"You paused on one urge, and it passed{then}."
        return f"You paused on one urge and acted on it; each pause is practice{then}."
    return f"{passed} of {total} urges passed{then}."


def _checks(done: int, came_true: int) -> str:
    if not done:
        return ""
    better = done - came_true
    came_back = f"{_count(done, 'reality check')} came back"
    if done == 1:
        return f"{came_back}; {_how(better)}."
    if better in (0, done):
        everyone = "in both" if done == 2 else f"in all {done}"
        return f"{came_back}; {everyone}, {_how(better)}."
    return f"{came_back}; in {better} of them, it went better than you feared."


def _how(better: int) -> str:
    return (
        "it went better than you feared" if better else "it was as hard as you expected, or harder"
    )


def _thought_records(now: Facts, before: Facts) -> str:
    written, earlier = _whole(now, "thought_records"), _whole(before, "thought_records")
    if not written:
        return ""
    then = f"{earlier} the week before" if earlier else "none the week before"
    sentence = f"You wrote {_count(written, 'thought record')} ({then})."
    drop = now.get("mean_drop")
    if not isinstance(drop, int | float):
        return sentence
    points = format_number(round(abs(drop), 1))
    if drop > 0:
        return (
            f"{sentence} On average, your feelings eased by {points} points from before to after."
        )
    if drop < 0:
        return (
            f"{sentence} On average, your feelings were {points} points stronger afterwards; "
            "looking closely can stir things up, and that is all right."
        )
    return f"{sentence} On average, your feelings were as strong after as before."


def _whole(facts: Facts, name: str) -> int:
    value = facts.get(name)
    return value if isinstance(value, int) else 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
