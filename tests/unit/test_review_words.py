"""The weekly review's sentences for the cases a week can hold: plain, kind, no verdicts."""

from __future__ import annotations

import pytest

from heartwise.web.pages.review_words import NOTHING_YET, review_sentences

QUIET = {
    "triggers": 0,
    "urges_recorded": 0,
    "urges_passed": 0,
    "checks_completed": 0,
    "fears_came_true": 0,
    "thought_records": 0,
    "mean_drop": None,
}


def review(
    this_week: dict[str, object], previous_week: dict[str, object] | None = None
) -> list[str]:
    return review_sentences(
        {"this_week": {**QUIET, **this_week}, "previous_week": {**QUIET, **(previous_week or {})}}
    )


def test_two_quiet_weeks_get_one_gentle_line() -> None:
    assert review({}) == [NOTHING_YET]


def test_a_quiet_week_after_a_busy_one_says_only_what_changed() -> None:
    said = review({}, {"triggers": 3, "urges_recorded": 2, "urges_passed": 1})

    assert said == [
        "No triggers noted in the last 7 days (3 the week before).",
        "No pauses came to an answer in the last 7 days (the week before: 1 of 2).",
    ]


@pytest.mark.parametrize(
    ("passed", "sentence"),
    [
        (1, "You paused on one urge, and it passed."),
        (0, "You paused on one urge and acted on it; each pause is practice."),
    ],
)
def test_one_urge_is_said_kindly_either_way(passed: int, sentence: str) -> None:
    assert review({"urges_recorded": 1, "urges_passed": passed}) == [sentence]


@pytest.mark.parametrize(
    ("done", "came_true", "sentence"),
    [
        (1, 0, "1 reality check came back; it went better than you feared."),
        (1, 1, "1 reality check came back; it was as hard as you expected, or harder."),
        (2, 2, "2 reality checks came back; in both, it was as hard as you expected, or harder."),
        (3, 0, "3 reality checks came back; in all 3, it went better than you feared."),
        (3, 1, "3 reality checks came back; in 2 of them, it went better than you feared."),
    ],
)
def test_reality_checks_say_how_many_went_better(done: int, came_true: int, sentence: str) -> None:
    assert review({"checks_completed": done, "fears_came_true": came_true}) == [sentence]


@pytest.mark.parametrize(
    ("drop", "ending"),
    [
        (12.5, "On average, your feelings eased by 12.5 points from before to after."),
        (0, "On average, your feelings were as strong after as before."),
        (
            -5,
            "On average, your feelings were 5 points stronger afterwards; looking closely "
            "can stir things up, and that is all right.",
        ),
        (None, ""),
    ],
)
def test_thought_records_say_how_feelings_moved(drop: float | None, ending: str) -> None:
    (said,) = review({"thought_records": 1, "mean_drop": drop})

    assert said == f"You wrote 1 thought record (none the week before). {ending}".strip()
