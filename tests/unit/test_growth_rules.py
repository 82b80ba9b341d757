"""The rules of the self-awareness tools and the figures drawn from them, without a database.

Every figure below is worked out by hand in a comment next to the data it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import pytest

from heartwise.analysis.findings import TRAPS
from heartwise.domain.growth import (
    CheckOutcome,
    RealityCheck,
    ThoughtRecord,
    Trigger,
    Urge,
    UrgeOutcome,
    check_range,
    make_reality_check,
    make_thought_record,
    make_trigger,
    make_urge,
    mean_strength,
    record_check_outcome,
    record_urge_outcome,
)
from heartwise.domain.growth_fields import (
    MAX_CATEGORY,
    MAX_WRITING,
    check_known_traps,
    trap_labels,
)
from heartwise.errors import InvalidInput
from heartwise.services.growth import suggest_traps
from heartwise.services.growth_stats import (
    check_figures,
    prediction_and_reality,
    thought_figures,
    thought_record_changes,
    top_traps,
    triggers_per_week,
    urge_figures,
    urges_per_week,
    week_of,
)

PARIS = timezone(timedelta(hours=1))
ATHENS = timezone(timedelta(hours=2))
NOON = datetime(2026, 11, 18, 12, 0, tzinfo=PARIS)  # a Wednesday


def trigger(**fields: object) -> dict[str, object]:
    values: dict[str, object] = {
        "situation": "No reply for three hours.",
        "category": "unanswered message",
        "emotion": "anxious",
        "intensity": 70,
        "occurred_at": NOON,
    }
    return {**values, **fields}


def urge(n: int, passed: bool | None, at: datetime = NOON) -> Urge:
    outcome = None if passed is None else UrgeOutcome(passed=passed, at=at)
    return Urge(id=n, urge="Check his phone", wait_minutes=15, started_at=at, outcome=outcome)


def check(n: int, expected: int, actual: int | None, at: datetime = NOON) -> RealityCheck:
    outcome = None if actual is None else CheckOutcome(actual=actual, at=at)
    return RealityCheck(
        id=n, event="Dinner with his friends", expected=expected, created_at=at, outcome=outcome
    )


def thought(
    n: int, before: dict[str, int], after: dict[str, int], traps: tuple[str, ...] = ()
) -> ThoughtRecord:
    return ThoughtRecord(
        id=n,
        situation="He went quiet at dinner.",
        thought="He is bored of me.",
        created_at=NOON + timedelta(days=n),
        emotions_before=before,
        emotions_after=after,
        traps=traps,
    )


# -- triggers --------------------------------------------------------------------------------


def test_a_trigger_keeps_what_was_written_trimmed() -> None:
    fields = trigger(
        situation="  No reply for three hours.  ",
        emotion="Left  Out",
        urge="  Text him again ",
        what_i_did="   ",
        occurred_at=NOON.replace(microsecond=5),
    )
    draft = make_trigger(**fields)

    assert draft.situation == "No reply for three hours."
    assert draft.emotion == "left out"
    assert draft.urge == "Text him again"
    assert draft.what_i_did is None  # blank is "nothing written"
    assert draft.occurred_at == NOON
    assert draft.occurred_at.utcoffset() == timedelta(hours=1)


def test_a_default_category_keeps_its_own_spelling_and_an_own_one_is_tidied() -> None:
    assert make_trigger(**trigger(category="Social  MEDIA ")).category == "social media"
    assert make_trigger(**trigger(category="  work   stress ")).category == "work stress"
    assert make_trigger(**trigger(category="w" * MAX_CATEGORY)).category == "w" * MAX_CATEGORY


@pytest.mark.parametrize("category", ["", "   ", None, 7, "w" * (MAX_CATEGORY + 1)])
def test_a_category_must_be_given_and_short(category: object) -> None:
    with pytest.raises(InvalidInput, match="category") as caught:
        make_trigger(**trigger(category=category))
    assert caught.value.field == "category"


@pytest.mark.parametrize("intensity", [140, 101, -1, True, 50.5, "70", None])
def test_intensity_is_a_whole_number_from_0_to_100(intensity: object) -> None:
    with pytest.raises(
        InvalidInput, match=r"whole number from 0 \(barely there\) to 100"
    ) as caught:
        make_trigger(**trigger(intensity=intensity))
    assert caught.value.field == "intensity"


@pytest.mark.parametrize("intensity", [0, 100])
def test_intensity_bounds_are_accepted(intensity: int) -> None:
    assert make_trigger(**trigger(intensity=intensity)).intensity == intensity


@pytest.mark.parametrize("emotion", ["", "70", "a" * 41, None])
def test_a_trigger_names_its_emotion_in_letters(emotion: object) -> None:
    with pytest.raises(InvalidInput, match="named with letters") as caught:
        make_trigger(**trigger(emotion=emotion))
    assert caught.value.field == "emotion"


@pytest.mark.parametrize(
    ("make", "fields", "field", "what"),
    [
        (make_trigger, trigger(situation="  "), "situation", "what happened"),
        (make_urge, {"urge": "", "wait_minutes": 15, "started_at": NOON}, "urge", "the urge"),
        (
            make_thought_record,
            {"situation": "\n", "thought": "He is bored.", "created_at": NOON},
            "situation",
            "the situation",
        ),
        (
            make_thought_record,
            {"situation": "Dinner.", "thought": " ", "created_at": NOON},
            "thought",
            "the thought",
        ),
        (
            make_reality_check,
            {"event": "", "expected": 5, "created_at": NOON},
            "event",
            "the event",
        ),
    ],
)
def test_required_text_cannot_be_empty(
    make: Callable[..., object], fields: dict[str, object], field: str, what: str
) -> None:
    with pytest.raises(InvalidInput, match=f"Please write {what}") as caught:
        make(**fields)
    assert caught.value.field == field


def test_text_longer_than_the_limit_is_refused_with_its_length() -> None:
    with pytest.raises(InvalidInput, match=r"up to 10,000 characters; this has 10,001") as caught:
        make_trigger(**trigger(what_i_did="a" * (MAX_WRITING + 1)))
    assert caught.value.field == "what_i_did"


def test_a_time_without_a_time_zone_is_refused() -> None:
    with pytest.raises(InvalidInput, match="needs a date, a time and a time zone") as caught:
        make_trigger(**trigger(occurred_at=datetime(2026, 11, 18, 12, 0)))
    assert caught.value.field == "occurred_at"


# -- the pause -------------------------------------------------------------------------------


@pytest.mark.parametrize("minutes", [0, 10080, 1441, -5, True, 15.0])
def test_a_pause_lasts_from_a_minute_to_a_day(minutes: object) -> None:
    with pytest.raises(InvalidInput, match=r"from 1 minute to 1,440 minutes \(one day\)") as caught:
        make_urge("Ask if he still loves me", minutes, NOON)
    assert caught.value.field == "wait_minutes"


@pytest.mark.parametrize("minutes", [1, 1440])
def test_a_pause_ends_its_wait_after_it_starts(minutes: int) -> None:
    draft = make_urge("Ask if he still loves me", minutes, NOON)
    assert draft.ends_at == NOON + timedelta(minutes=minutes)


def test_an_urge_is_due_once_its_wait_is_over_and_until_it_is_answered() -> None:
    waiting = urge(1, None)
    assert not waiting.is_due(NOON + timedelta(minutes=14))
    assert waiting.is_due(NOON + timedelta(minutes=15))
    assert not urge(2, True).is_due(NOON + timedelta(hours=1))


def test_an_urge_outcome_is_recorded_once() -> None:
    later = NOON + timedelta(minutes=20)
    answered = record_urge_outcome(urge(1, None), True, "  Went for a walk. ", later)
    assert answered.outcome == UrgeOutcome(passed=True, at=later, note="Went for a walk.")

    with pytest.raises(InvalidInput, match="already recorded how this urge went") as caught:
        record_urge_outcome(answered, False, None, later)
    assert caught.value.field == "passed"


def test_an_urge_outcome_is_yes_or_no() -> None:
    with pytest.raises(InvalidInput, match="whether the urge passed"):
        record_urge_outcome(urge(1, None), "yes", None, NOON)


# -- thought records ---------------------------------------------------------------------------


def test_a_thought_record_keeps_emotions_and_tidies_trap_labels() -> None:
    draft = make_thought_record(
        situation="He went quiet at dinner.",
        thought="He is bored of me.",
        created_at=NOON,
        emotions_before={"Anxious": 80, "hurt": 60},
        traps=["Mind reading", "mind-reading", "fortune_telling"],
        balanced_thought="He had a long day.",
        emotions_after={"anxious": 30},
    )

    assert dict(draft.emotions_before) == {"anxious": 80, "hurt": 60}
    assert draft.traps == ("mind_reading", "fortune_telling")
    assert draft.evidence_for is None
    assert draft.balanced_thought == "He had a long day."
    assert dict(draft.emotions_after) == {"anxious": 30}


@pytest.mark.parametrize(
    "emotions", [{"anxious": "very"}, {"anxious": 70.5}, {"anxious": None}, {"anxious": 101}]
)
def test_an_emotion_map_with_anything_but_a_whole_0_to_100_is_refused(
    emotions: dict[str, object],
) -> None:
    with pytest.raises(InvalidInput, match="whole number from 0 to 100") as caught:
        make_thought_record("Dinner.", "He is bored.", NOON, emotions_after=emotions)
    assert caught.value.field == "emotions_after"


def test_emotions_must_be_named_pairs_and_not_too_many() -> None:
    with pytest.raises(InvalidInput, match="names, each with how strong") as caught:
        make_thought_record("Dinner.", "He is bored.", NOON, emotions_before=["anxious"])
    assert caught.value.field == "emotions_before"
    many = {f"feeling {chr(97 + n)}": 10 for n in range(21)}
    with pytest.raises(InvalidInput, match="up to 20 emotions"):
        make_thought_record("Dinner.", "He is bored.", NOON, emotions_before=many)


@pytest.mark.parametrize(
    ("traps", "message"),
    [
        ("mind_reading", "given as a list of names"),
        ([""], "short name, up to 40 characters"),
        ([7], "short name, up to 40 characters"),
        (["x" * 41], "short name, up to 40 characters"),
        ([f"trap {n}" for n in range(11)], "up to 10 thinking traps"),
    ],
)
def test_traps_are_a_short_list_of_short_names(traps: object, message: str) -> None:
    with pytest.raises(InvalidInput, match=message) as caught:
        trap_labels(traps)
    assert caught.value.field == "traps"


def test_only_traps_the_analyser_knows_are_kept() -> None:
    check_known_traps(("mind_reading", "labeling"), TRAPS)
    with pytest.raises(InvalidInput, match=r"not one heartwise knows.*mind_reading") as caught:
        check_known_traps(("mind_reading", "mind_raeding"), TRAPS)
    assert caught.value.field == "traps"


def test_a_record_before_and_after_is_the_mean_of_its_emotions() -> None:
    record = thought(1, {"anxious": 80, "jealous": 55}, {})
    assert record.before == 67.5  # (80 + 55) / 2
    assert record.after is None
    assert mean_strength({"calm": 0}) == 0


def test_suggested_traps_are_labels_the_analyser_knows() -> None:
    found = suggest_traps(
        "He did not answer, so he must be losing interest in me. He always does this."
    )
    assert found
    assert set(found) <= set(TRAPS)
    assert suggest_traps("We cooked dinner and watched a film.") == []


def test_suggesting_traps_for_nothing_is_refused() -> None:
    with pytest.raises(InvalidInput, match="nothing to read"):
        suggest_traps("   ")


# -- reality checks ----------------------------------------------------------------------------


@pytest.mark.parametrize("expected", [11, -1, 7.5, "5", False])
def test_an_expectation_is_a_whole_number_from_0_to_10(expected: object) -> None:
    rule = r"How bad you expect it to be is a whole number from 0 \(not bad at all\) to 10"
    with pytest.raises(InvalidInput, match=rule) as caught:
        make_reality_check("Dinner with his friends", expected, NOON)
    assert caught.value.field == "expected"


def test_an_outcome_is_refused_twice_before_its_check_and_out_of_scale() -> None:
    waiting = check(1, 8, None)
    done = record_check_outcome(waiting, 3, "They were kind.", NOON + timedelta(hours=5))
    assert done.outcome == CheckOutcome(
        actual=3, at=NOON + timedelta(hours=5), what_happened="They were kind."
    )

    with pytest.raises(InvalidInput, match="already recorded for this reality check") as twice:
        record_check_outcome(done, 2, None, NOON + timedelta(hours=6))
    assert twice.value.field == "actual"
    with pytest.raises(InvalidInput, match="after has to come after its before") as early:
        record_check_outcome(waiting, 3, None, NOON - timedelta(seconds=1))
    assert early.value.field == "at"
    with pytest.raises(InvalidInput, match="How bad it really was is a whole number") as scale:
        record_check_outcome(waiting, 11, None, NOON)
    assert scale.value.field == "actual"


def test_an_outcome_at_the_very_moment_of_the_check_is_accepted() -> None:
    # The same instant written in another time zone is not "before".
    done = record_check_outcome(check(1, 5, None), 5, None, NOON.astimezone(ATHENS))
    assert done.outcome is not None


@pytest.mark.parametrize(
    ("expected", "actual", "came_true", "gap"),
    [(6, 6, True, 0), (6, 9, True, -3), (6, 2, False, 4), (0, 0, True, 0)],
)
def test_a_fear_came_true_when_it_was_at_least_as_bad_as_expected(
    expected: int, actual: int, came_true: bool, gap: int
) -> None:
    done = check(1, expected, actual)
    assert (done.came_true, done.gap) == (came_true, gap)
    assert (check(2, expected, None).came_true, check(2, expected, None).gap) == (None, None)


def test_a_range_is_aware_and_in_order() -> None:
    check_range(None, None)
    check_range(NOON, NOON)
    with pytest.raises(InvalidInput, match="start of the date range is after its end") as caught:
        check_range(NOON, NOON - timedelta(seconds=1))
    assert caught.value.field == "from"
    with pytest.raises(InvalidInput, match="time zone") as naive:
        check_range(None, datetime(2026, 11, 18))
    assert naive.value.field == "to"


# -- figures -----------------------------------------------------------------------------------


def test_urge_figures_count_outcomes_recorded_in_the_range() -> None:
    day = timedelta(days=1)
    urges = [
        urge(1, True, NOON),
        urge(2, True, NOON + day),
        urge(3, False, NOON + 2 * day),
        urge(4, None, NOON),  # still open: not in any total
        urge(5, False, NOON + 10 * day),  # outside the range below
    ]
    # In range: passed, passed, acted -> total 3, passed 2, rate 2/3.
    figures = urge_figures(urges, NOON, NOON + 2 * day)
    assert figures == {"total": 3, "passed": 2, "pass_rate": 0.667}
    # Unbounded: 5 outcomes minus the open one = 4, passed 2 -> 0.5.
    assert urge_figures(urges, None, None) == {"total": 4, "passed": 2, "pass_rate": 0.5}


def test_reality_check_figures_by_hand() -> None:
    checks = [check(1, 8, 3), check(2, 6, 6), check(3, 5, 2), check(4, 4, 7), check(5, 9, None)]
    # Completed: four. Expected 8+6+5+4 = 23 -> 5.75; actual 3+6+2+7 = 18 -> 4.5.
    # Gaps 5, 0, 3, -3 -> 5 / 4 = 1.25. Came true (actual >= expected): #2 and #4 -> 0.5.
    assert check_figures(checks, None, None) == {
        "completed": 4,
        "mean_expected": 5.75,
        "mean_actual": 4.5,
        "mean_gap": 1.25,
        "fears_came_true": 2,
        "fears_came_true_rate": 0.5,
    }


def test_reality_check_figures_follow_the_outcome_time() -> None:
    early = check(1, 8, 3, NOON)
    late = check(2, 2, 6, NOON + timedelta(days=3))
    figures = check_figures([early, late], NOON + timedelta(days=1), None)
    assert figures["completed"] == 1
    assert (figures["mean_gap"], figures["fears_came_true_rate"]) == (-4, 1.0)


def test_thought_record_figures_by_hand() -> None:
    records = [
        thought(1, {"anxious": 80, "jealous": 60}, {"anxious": 40, "jealous": 20}),  # 70 -> 30
        thought(2, {"hurt": 90}, {}),  # before only: 90
        thought(3, {}, {"calm": 50, "hurt": 10}),  # after only: 30
        thought(4, {}, {}),
    ]
    # mean_before over #1, #2 = (70 + 90) / 2 = 80; mean_after over #1, #3 = (30 + 30) / 2
    # = 30; mean_drop only where both exist: #1, 70 - 30 = 40.
    assert thought_figures(records) == {
        "count": 4,
        "mean_before": 80,
        "mean_after": 30,
        "mean_drop": 40,
    }


def test_figures_over_nothing_are_none_never_zero_or_an_error() -> None:
    assert urge_figures([urge(1, None)], None, None) == {
        "total": 0,
        "passed": 0,
        "pass_rate": None,
    }
    assert check_figures([check(1, 5, None)], None, None) == {
        "completed": 0,
        "mean_expected": None,
        "mean_actual": None,
        "mean_gap": None,
        "fears_came_true": 0,
        "fears_came_true_rate": None,
    }
    assert thought_figures([]) == {
        "count": 0,
        "mean_before": None,
        "mean_after": None,
        "mean_drop": None,
    }


def test_means_are_rounded_to_three_places() -> None:
    records = [thought(1, {"a": 10, "b": 10, "c": 11}, {})]  # 31 / 3 = 10.333...
    assert thought_figures(records)["mean_before"] == 10.333


# -- dashboard series --------------------------------------------------------------------------


def a_trigger(n: int, when: datetime, category: str) -> Trigger:
    return Trigger(
        id=n,
        situation="Something happened.",
        category=category,
        emotion="anxious",
        intensity=50,
        occurred_at=when,
    )


def test_triggers_per_week_group_by_local_monday_and_fill_empty_weeks() -> None:
    monday = datetime(2026, 11, 2, 9, 0, tzinfo=PARIS)
    triggers = [
        a_trigger(1, monday, "social media"),
        a_trigger(2, monday + timedelta(days=2), "Work"),
        a_trigger(3, monday + timedelta(days=3), "work"),  # same category as "Work"
        # 00:30 on Monday 16th in Athens is still Sunday 15th in UTC: it belongs to the 16th.
        a_trigger(4, datetime(2026, 11, 16, 0, 30, tzinfo=ATHENS), "social media"),
        a_trigger(5, datetime(2026, 11, 16, 8, 0, tzinfo=PARIS), "criticism"),
    ]
    series = triggers_per_week(reversed(triggers))

    # social media 2, Work 2 (tie: alphabetical by key), criticism 1.
    assert series["categories"] == ["social media", "Work", "criticism"]
    assert series["weeks"] == [
        {"week": "2026-11-02", "counts": {"social media": 1, "Work": 2, "criticism": 0}},
        {"week": "2026-11-09", "counts": {"social media": 0, "Work": 0, "criticism": 0}},
        {"week": "2026-11-16", "counts": {"social media": 1, "Work": 0, "criticism": 1}},
    ]
    assert triggers_per_week([]) == {"categories": [], "weeks": []}


def test_week_of_is_the_monday_of_the_local_date() -> None:
    assert week_of(datetime(2026, 11, 22, 23, 59, tzinfo=PARIS)).isoformat() == "2026-11-16"
    assert week_of(datetime(2026, 11, 23, 0, 0, tzinfo=PARIS)).isoformat() == "2026-11-23"


def test_urges_per_week_count_passed_and_acted_by_outcome_week() -> None:
    wednesday = NOON
    urges = [
        urge(1, True, wednesday),
        urge(2, False, wednesday),
        urge(3, True, wednesday + timedelta(days=14)),
        urge(4, None, wednesday + timedelta(days=7)),
    ]
    assert urges_per_week(urges, None, None) == [
        {"week": "2026-11-16", "passed": 1, "acted": 1},
        {"week": "2026-11-23", "passed": 0, "acted": 0},
        {"week": "2026-11-30", "passed": 1, "acted": 0},
    ]
    assert urges_per_week(urges, wednesday + timedelta(days=1), None) == [
        {"week": "2026-11-30", "passed": 1, "acted": 0}
    ]


def test_thought_record_changes_are_per_record_oldest_first() -> None:
    records = [thought(2, {"hurt": 90}, {}), thought(1, {"a": 80, "b": 61}, {"a": 40})]
    assert thought_record_changes(records) == [
        {"id": 1, "at": (NOON + timedelta(days=1)).isoformat(), "before": 70.5, "after": 40},
        {"id": 2, "at": (NOON + timedelta(days=2)).isoformat(), "before": 90, "after": None},
    ]


def test_prediction_and_reality_lists_completed_checks_in_order_of_completion() -> None:
    checks = [check(1, 8, 3, NOON + timedelta(days=2)), check(2, 6, 7, NOON), check(3, 9, None)]
    assert prediction_and_reality(checks, None, None) == [
        {"id": 2, "at": NOON.isoformat(), "expected": 6, "actual": 7},
        {"id": 1, "at": (NOON + timedelta(days=2)).isoformat(), "expected": 8, "actual": 3},
    ]


def test_top_traps_are_the_five_most_confirmed_ties_alphabetical() -> None:
    records = [
        thought(1, {}, {}, ("mind_reading", "labeling", "catastrophizing")),
        thought(2, {}, {}, ("mind_reading", "fortune_telling")),
        thought(3, {}, {}, ("mind_reading", "labeling", "should_statements")),
        thought(4, {}, {}, ("all_or_nothing", "personalization")),
    ]
    # mind_reading 3, labeling 2, then six traps once each: the first four alphabetically.
    assert top_traps(records) == [
        {"label": "mind_reading", "count": 3},
        {"label": "labeling", "count": 2},
        {"label": "all_or_nothing", "count": 1},
        {"label": "catastrophizing", "count": 1},
        {"label": "fortune_telling", "count": 1},
    ]
    assert top_traps([]) == []
