"""The self-awareness tools over the sealed item store, on SQLite and on PostgreSQL.

"Nothing changed" is checked on the raw rows: every write seals with a fresh nonce, so a
refused call that wrote anything at all would leave different bytes behind.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from fakes import FakeClock

from heartwise.domain.growth_fields import DEFAULT_CATEGORIES
from heartwise.errors import InvalidInput, NotFound
from heartwise.services.growth import (
    RealityChecks,
    ThoughtRecords,
    Triggers,
    Urges,
    categories,
)
from heartwise.services.growth_stats import dashboard, stats, weekly_review
from heartwise.services.workspace import Workspace

NEW_YORK = timezone(timedelta(hours=-5))
SEEN = datetime(2026, 11, 19, 23, 5, tzinfo=NEW_YORK)


def raw_rows(ws: Workspace) -> dict[int, tuple[str, int, bytes]]:
    rows = ws.db.all("SELECT id, kind, updated_at, body FROM items ORDER BY id")
    return {int(r[0]): (str(r[1]), int(r[2]), bytes(r[3])) for r in rows}


def log_trigger(ws: Workspace, **fields: Any) -> Any:
    values: dict[str, Any] = {
        "situation": "He liked her photo but did not answer me.",
        "category": "social media",
        "emotion": "jealous",
        "intensity": 75,
    }
    return Triggers(ws).create(**{**values, **fields})


# -- triggers --------------------------------------------------------------------------------


def test_a_trigger_comes_back_exactly_as_written(workspace: Workspace) -> None:
    added = log_trigger(
        workspace, urge="Check who else he follows", what_i_did="Left the app", occurred_at=SEEN
    )
    trigger = Triggers(workspace).get(added.id)

    assert trigger == added
    assert trigger.situation == "He liked her photo but did not answer me."
    assert (trigger.category, trigger.emotion, trigger.intensity) == ("social media", "jealous", 75)
    assert (trigger.urge, trigger.what_i_did) == ("Check who else he follows", "Left the app")
    assert trigger.occurred_at == SEEN
    assert trigger.occurred_at.utcoffset() == timedelta(hours=-5)
    assert trigger.to_dict()["occurred_at"] == "2026-11-19T23:05:00-05:00"


def test_a_trigger_happens_now_unless_told(workspace: Workspace, clock: FakeClock) -> None:
    assert log_trigger(workspace).occurred_at == clock.now


def test_every_written_field_is_sealed(workspace: Workspace) -> None:
    log_trigger(workspace, category="my sister's wedding", what_i_did="Breathed slowly")
    RealityChecks(workspace).create("Meeting his ex at the party", 8, "He will leave with her")
    for _, (kind, _, body) in raw_rows(workspace).items():
        assert kind in {"trigger", "reality_check"}
        for plain in (b"liked her photo", b"sister", b"Breathed", b"ex at the party", b"leave"):
            assert plain not in body


def test_triggers_are_listed_newest_first_within_an_inclusive_range(workspace: Workspace) -> None:
    day = timedelta(days=1)
    ids = [log_trigger(workspace, occurred_at=SEEN + n * day).id for n in (2, 0, 1, 3)]
    by_day = dict(zip((2, 0, 1, 3), ids, strict=True))
    log = Triggers(workspace)

    assert [t.id for t in log.list()] == [by_day[3], by_day[2], by_day[1], by_day[0]]
    assert [t.id for t in log.list(SEEN + day, SEEN + 2 * day)] == [by_day[2], by_day[1]]
    assert [t.id for t in log.list(start=SEEN + 3 * day)] == [by_day[3]]
    assert [t.id for t in log.list(end=SEEN)] == [by_day[0]]
    with pytest.raises(InvalidInput, match="start of the date range is after its end"):
        log.list(SEEN + day, SEEN)


def test_a_trigger_is_updated_field_by_field(workspace: Workspace, clock: FakeClock) -> None:
    added = log_trigger(workspace, urge="Text him again", occurred_at=SEEN)
    clock.advance(minutes=5)
    updated = Triggers(workspace).update(
        added.id, {"intensity": 40, "what_i_did": "Went for a walk", "urge": ""}
    )

    assert Triggers(workspace).get(added.id) == updated
    assert (updated.intensity, updated.what_i_did, updated.urge) == (40, "Went for a walk", None)
    assert (updated.situation, updated.category, updated.occurred_at) == (
        added.situation,
        added.category,
        SEEN,
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"intensity": 140}, "intensity", "from 0 (barely there) to 100"),
        ({"situation": "  "}, "situation", "Please write what happened"),
        ({"category": ""}, "category", "Please choose a category"),
        ({"mood": 3}, "mood", "cannot be changed here: mood"),
    ],
)
def test_a_refused_update_changes_nothing(
    workspace: Workspace, changes: dict[str, object], field: str, message: str
) -> None:
    added = log_trigger(workspace)
    before = raw_rows(workspace)

    with pytest.raises(InvalidInput) as caught:
        Triggers(workspace).update(added.id, changes)

    assert caught.value.field == field
    assert message in caught.value.message
    assert raw_rows(workspace) == before


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"intensity": 140}, "intensity", "whole number from 0 (barely there) to 100"),
        ({"intensity": "high"}, "intensity", "whole number from 0 (barely there) to 100"),
        ({"situation": ""}, "situation", "Please write what happened"),
        ({"category": " "}, "category", "Please choose a category"),
        ({"category": "x" * 61}, "category", "up to 60 characters"),
        ({"emotion": ""}, "emotion", "named with letters"),
        ({"occurred_at": datetime(2026, 11, 19)}, "occurred_at", "needs a date, a time"),
    ],
)
def test_a_refused_trigger_stores_nothing(
    workspace: Workspace, fields: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        log_trigger(workspace, **fields)
    assert caught.value.field == field
    assert message in caught.value.message
    assert raw_rows(workspace) == {}


def test_a_deleted_trigger_is_gone(workspace: Workspace) -> None:
    keep, gone = log_trigger(workspace), log_trigger(workspace, situation="Gone soon.")
    removed = Triggers(workspace).delete(gone.id)

    assert removed == gone
    assert [t.id for t in Triggers(workspace).list()] == [keep.id]
    with pytest.raises(NotFound, match=f"There is no trigger #{gone.id}"):
        Triggers(workspace).get(gone.id)


def test_an_unknown_id_or_another_kinds_id_is_not_found(workspace: Workspace) -> None:
    urge = Urges(workspace).create("Ask if he is angry with me")
    before = raw_rows(workspace)
    triggers = Triggers(workspace)
    for call in (
        lambda: triggers.get(urge.id),
        lambda: triggers.update(urge.id, {"intensity": 10}),
        lambda: triggers.delete(urge.id),
    ):
        with pytest.raises(NotFound, match=f"There is no trigger #{urge.id}"):
            call()
    assert raw_rows(workspace) == before

    with pytest.raises(NotFound, match="no urge #999"):
        Urges(workspace).record_outcome(999, True)
    with pytest.raises(NotFound, match="no thought record #999"):
        ThoughtRecords(workspace).update(999, {"thought": "x"})
    with pytest.raises(NotFound, match="no reality check #999"):
        RealityChecks(workspace).record_outcome(999, 3)


def test_categories_are_the_defaults_then_the_persons_own(workspace: Workspace) -> None:
    assert categories(workspace) == list(DEFAULT_CATEGORIES)
    for name in ["Work", "work ", "gym", "Social Media", "criticism"]:
        log_trigger(workspace, category=name)
    # "work " is the same category as "Work" (first spelling kept); "Social Media" is a
    # default; own categories come in alphabetical order.
    assert categories(workspace) == [*DEFAULT_CATEGORIES, "gym", "Work"]


# -- the pause -------------------------------------------------------------------------------


def test_a_pause_waits_fifteen_minutes_unless_told(workspace: Workspace, clock: FakeClock) -> None:
    urge = Urges(workspace).create("Check his location")
    assert (urge.wait_minutes, urge.started_at, urge.outcome) == (15, clock.now, None)
    assert urge.ends_at == clock.now + timedelta(minutes=15)
    assert Urges(workspace).create("Call him", 45).ends_at == clock.now + timedelta(minutes=45)


@pytest.mark.parametrize("minutes", [0, 10080])
def test_a_pause_of_nothing_or_a_week_is_refused(workspace: Workspace, minutes: int) -> None:
    with pytest.raises(InvalidInput, match="from 1 minute to 1,440 minutes") as caught:
        Urges(workspace).create("Check his phone", minutes)
    assert caught.value.field == "wait_minutes"
    assert raw_rows(workspace) == {}


def test_an_urge_outcome_is_recorded_once(workspace: Workspace, clock: FakeClock) -> None:
    urges = Urges(workspace)
    first, second = urges.create("Check his phone"), urges.create("Send an angry text")
    assert [u.id for u in urges.open_urges()] == [second.id, first.id]

    clock.advance(minutes=20)
    answered = urges.record_outcome(first.id, True, "Made tea instead.")
    assert answered.outcome is not None
    assert (answered.outcome.passed, answered.outcome.note) == (True, "Made tea instead.")
    assert answered.outcome.at == clock.now
    assert urges.get(first.id) == answered
    assert [u.id for u in urges.open_urges()] == [second.id]

    before = raw_rows(workspace)
    clock.advance(minutes=5)
    with pytest.raises(InvalidInput, match="already recorded how this urge went"):
        urges.record_outcome(first.id, False, "Actually I checked.")
    assert raw_rows(workspace) == before
    assert urges.get(first.id) == answered


def test_an_urge_keeps_its_start_and_outcome_out_of_edits(workspace: Workspace) -> None:
    urges = Urges(workspace)
    urge = urges.create("Check his phone")
    edited = urges.update(urge.id, {"wait_minutes": 30, "urge": "Check his messages"})
    assert (edited.urge, edited.ends_at) == (
        "Check his messages",
        urge.started_at + timedelta(minutes=30),
    )
    before = raw_rows(workspace)
    for changes in ({"outcome": None}, {"started_at": SEEN}, {"wait_minutes": 0}):
        with pytest.raises(InvalidInput):
            urges.update(urge.id, changes)
    assert raw_rows(workspace) == before


# -- thought records -----------------------------------------------------------------------------


def test_a_thought_record_comes_back_whole(workspace: Workspace, clock: FakeClock) -> None:
    records = ThoughtRecords(workspace)
    added = records.create(
        "He went quiet at dinner.",
        "He is bored of me.",
        emotions_before={"anxious": 80, "sad": 60},
        traps=["Mind reading", "fortune telling"],
        evidence_for="He looked at his phone.",
        evidence_against="He planned this dinner himself.",
        other_explanations="His day at work was long.",
        balanced_thought="He is tired, not bored of me.",
        emotions_after={"anxious": 30, "sad": 20},
    )
    record = records.get(added.id)

    assert record == added
    assert record.created_at == clock.now
    assert record.traps == ("mind_reading", "fortune_telling")
    assert dict(record.emotions_before) == {"anxious": 80, "sad": 60}
    assert (record.before, record.after) == (70, 25)
    assert record.balanced_thought == "He is tired, not bored of me."


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"emotions_before": {"anxious": "a lot"}}, "emotions_before", "whole number from 0"),
        ({"emotions_after": {"calm": 120}}, "emotions_after", "whole number from 0 to 100"),
        ({"traps": ["jumping to conclusions"]}, "traps", "not one heartwise knows"),
        ({"situation": ""}, "situation", "Please write the situation"),
    ],
)
def test_a_refused_thought_record_stores_nothing(
    workspace: Workspace, fields: dict[str, Any], field: str, message: str
) -> None:
    values: dict[str, Any] = {"situation": "Dinner.", "thought": "He is bored of me."}
    with pytest.raises(InvalidInput) as caught:
        ThoughtRecords(workspace).create(**{**values, **fields})
    assert caught.value.field == field
    assert message in caught.value.message
    assert raw_rows(workspace) == {}


def test_a_thought_record_is_finished_later(workspace: Workspace) -> None:
    records = ThoughtRecords(workspace)
    started = records.create("Dinner.", "He is bored.", emotions_before={"anxious": 90})
    finished = records.update(
        started.id, {"balanced_thought": "He was tired.", "emotions_after": {"anxious": 40}}
    )
    assert records.get(started.id) == finished
    assert (finished.before, finished.after) == (90, 40)
    with pytest.raises(InvalidInput, match="cannot be changed here: created_at"):
        records.update(started.id, {"created_at": SEEN})


# -- reality checks ------------------------------------------------------------------------------


def test_a_reality_check_waits_for_what_happened(workspace: Workspace, clock: FakeClock) -> None:
    checks = RealityChecks(workspace)
    added = checks.create("Dinner with his friends", 8, "They will ignore me")
    assert (added.expected, added.fear, added.created_at, added.outcome) == (
        8,
        "They will ignore me",
        clock.now,
        None,
    )
    assert [c.id for c in checks.waiting()] == [added.id]

    clock.advance(hours=4)
    done = checks.record_outcome(added.id, 3, "His friend asked about my job.")
    assert done.outcome is not None
    assert (done.outcome.actual, done.outcome.at) == (3, clock.now)
    assert (done.came_true, done.gap) == (False, 5)
    assert checks.get(added.id) == done
    assert checks.waiting() == []


def test_a_second_outcome_or_an_early_one_is_refused(
    workspace: Workspace, clock: FakeClock
) -> None:
    checks = RealityChecks(workspace)
    waiting = checks.create("Meeting his parents", 7)
    before = raw_rows(workspace)
    with pytest.raises(InvalidInput, match="the after has to come after its before") as early:
        checks.record_outcome(waiting.id, 4, at=clock.now - timedelta(hours=1))
    assert early.value.field == "at"
    with pytest.raises(InvalidInput, match="whole number from 0") as scale:
        checks.record_outcome(waiting.id, 11)
    assert scale.value.field == "actual"
    assert raw_rows(workspace) == before

    done = checks.record_outcome(waiting.id, 4, "They were warm.")
    after_first = raw_rows(workspace)
    with pytest.raises(InvalidInput, match="already recorded for this reality check"):
        checks.record_outcome(waiting.id, 9, "Changed my mind.")
    assert raw_rows(workspace) == after_first
    assert checks.get(waiting.id) == done


@pytest.mark.parametrize("expected", [11, -1])
def test_an_expectation_off_the_scale_stores_nothing(workspace: Workspace, expected: int) -> None:
    with pytest.raises(
        InvalidInput, match=r"whole number from 0 \(not bad at all\) to 10"
    ) as caught:
        RealityChecks(workspace).create("Dinner", expected)
    assert caught.value.field == "expected"
    assert raw_rows(workspace) == {}


# -- figures -------------------------------------------------------------------------------------


def test_stats_by_hand_and_by_range(workspace: Workspace, clock: FakeClock) -> None:
    start = clock.now
    urges, checks, records = Urges(workspace), RealityChecks(workspace), ThoughtRecords(workspace)
    passed, acted = urges.create("Check his phone"), urges.create("Send a long text")
    urges.create("Ask again if he loves me")  # left open: in no total
    big, small = checks.create("Party", 8), checks.create("Call with his mother", 4)
    checks.create("Holiday plans", 7)  # still waiting
    records.create(
        "Dinner.",
        "Bored of me.",
        emotions_before={"anxious": 80, "hurt": 40},
        emotions_after={"anxious": 30, "hurt": 10},
    )
    records.create("Late reply.", "He is with someone.", emotions_before={"jealous": 90})
    clock.advance(minutes=20)
    urges.record_outcome(passed.id, True)
    urges.record_outcome(acted.id, False)
    clock.advance(hours=5)
    checks.record_outcome(big.id, 3)
    checks.record_outcome(small.id, 6)

    # Urges: 2 outcomes, 1 passed -> 0.5. Checks: expected 8, 4 -> 6; actual 3, 6 -> 4.5;
    # gaps 5, -2 -> 1.5; came true: only the 4 that was a 6 -> 0.5. Thought records: before
    # 60 and 90 -> 75; after 20 (one record) -> 20; drop 60 - 20 = 40 (one record).
    assert stats(workspace) == {
        "urges": {"total": 2, "passed": 1, "pass_rate": 0.5},
        "reality_checks": {
            "completed": 2,
            "mean_expected": 6,
            "mean_actual": 4.5,
            "mean_gap": 1.5,
            "fears_came_true": 1,
            "fears_came_true_rate": 0.5,
        },
        "thought_records": {"count": 2, "mean_before": 75, "mean_after": 20, "mean_drop": 40},
    }

    clock.advance(days=10)
    later = urges.create("Check his phone")
    urges.record_outcome(later.id, True)
    recent = stats(workspace, start + timedelta(days=1), clock.now)
    assert recent["urges"] == {"total": 1, "passed": 1, "pass_rate": 1.0}
    assert recent["reality_checks"]["completed"] == 0
    assert recent["reality_checks"]["mean_gap"] is None
    assert recent["thought_records"] == {
        "count": 0,
        "mean_before": None,
        "mean_after": None,
        "mean_drop": None,
    }
    # The outcomes of the first day fall in a range that ends before the later urge's.
    assert stats(workspace, end=start + timedelta(days=1))["urges"]["total"] == 2


def test_stats_over_nothing_are_none(workspace: Workspace) -> None:
    empty = stats(workspace)
    assert empty["urges"] == {"total": 0, "passed": 0, "pass_rate": None}
    assert empty["reality_checks"]["fears_came_true_rate"] is None
    assert empty["reality_checks"]["mean_expected"] is None
    assert empty["thought_records"]["mean_before"] is None


def test_the_weekly_review_compares_the_last_seven_days_with_the_seven_before(
    workspace: Workspace, clock: FakeClock
) -> None:
    now = clock.now
    day = timedelta(days=1)
    # Triggers: 2 this week; 2 the week before (one exactly 7 days ago, on the boundary).
    for back in (1, 3, 7, 8, 20):
        log_trigger(workspace, occurred_at=now - back * day)
    urges, checks, records = Urges(workspace), RealityChecks(workspace), ThoughtRecords(workspace)
    clock.now = now - 10 * day
    urges.record_outcome(urges.create("Check his phone").id, True)
    clock.now = now - 2 * day
    urges.record_outcome(urges.create("Check his phone").id, True)
    urges.record_outcome(urges.create("Text his friend").id, False)
    clock.now = now - 9 * day
    checks.record_outcome(checks.create("Party", 7).id, 7)  # came true
    clock.now = now - day
    checks.record_outcome(checks.create("Call", 9).id, 4)  # did not
    # This week: drops 80 -> 20 (60) and 60 -> 40 (20), mean 40. The week before: a record
    # with no emotions, so no drop.
    records.create(
        "A", "a", emotions_before={"a": 80}, emotions_after={"a": 20}, created_at=now - 4 * day
    )
    records.create(
        "B",
        "b",
        emotions_before={"a": 50, "b": 70},
        emotions_after={"a": 50, "b": 30},
        created_at=now - 5 * day,
    )
    records.create("C", "c", created_at=now - 12 * day)

    review = weekly_review(workspace, now)

    assert review == {
        "this_week": {
            "start": (now - 7 * day).isoformat(),
            "end": now.isoformat(),
            "triggers": 2,
            "urges_recorded": 2,
            "urges_passed": 1,
            "checks_completed": 1,
            "fears_came_true": 0,
            "thought_records": 2,
            "mean_drop": 40,
        },
        "previous_week": {
            "start": (now - 14 * day).isoformat(),
            "end": (now - 7 * day).isoformat(),
            "triggers": 2,
            "urges_recorded": 1,
            "urges_passed": 1,
            "checks_completed": 1,
            "fears_came_true": 1,
            "thought_records": 1,
            "mean_drop": None,
        },
    }


def test_the_dashboard_holds_every_series(workspace: Workspace, clock: FakeClock) -> None:
    log_trigger(workspace, occurred_at=clock.now - timedelta(days=7))
    log_trigger(workspace, category="Work")
    records = ThoughtRecords(workspace)
    records.create("A", "a", traps=["labeling"], emotions_before={"a": 60}, emotions_after={})
    urges, checks = Urges(workspace), RealityChecks(workspace)
    urges.record_outcome(urges.create("Check").id, False)
    checks.record_outcome(checks.create("Party", 6).id, 2)

    board = dashboard(workspace)

    assert board["triggers_per_week"] == {
        "categories": ["social media", "Work"],
        "weeks": [
            {"week": "2026-11-09", "counts": {"social media": 1, "Work": 0}},
            {"week": "2026-11-16", "counts": {"social media": 0, "Work": 1}},
        ],
    }
    assert board["urges_per_week"] == [{"week": "2026-11-16", "passed": 0, "acted": 1}]
    assert board["thought_records"] == [
        {"id": records.list()[0].id, "at": clock.now.isoformat(), "before": 60, "after": None}
    ]
    assert board["reality_checks"] == [
        {"id": checks.list()[0].id, "at": clock.now.isoformat(), "expected": 6, "actual": 2}
    ]
    assert board["top_traps"] == [{"label": "labeling", "count": 1}]
    assert dashboard(workspace, end=clock.now - timedelta(days=1))["urges_per_week"] == []


# -- speed ---------------------------------------------------------------------------------------


@pytest.fixture
def five_years(workspace: Workspace, clock: FakeClock) -> Workspace:
    """Daily triggers and weekly urges, checks and thought records for five years."""
    first = clock.now - timedelta(days=5 * 365)
    categories_ = ["social media", "time apart", "work", "criticism"]
    urges, checks, records = Urges(workspace), RealityChecks(workspace), ThoughtRecords(workspace)
    with workspace.db.transaction():  # one commit: the point is reading, not writing
        for n in range(5 * 365):
            log_trigger(
                workspace, category=categories_[n % 4], occurred_at=first + n * timedelta(days=1)
            )
        for week in range(5 * 52):
            clock.now = first + timedelta(weeks=week)
            urges.record_outcome(urges.create("Check his phone").id, week % 3 != 0)
            checks.record_outcome(checks.create("Date night", week % 11).id, week % 7)
            records.create(
                "Dinner.",
                "Bored of me.",
                traps=["mind_reading"],
                emotions_before={"anxious": 80},
                emotions_after={"anxious": 40},
            )
    clock.now = first + timedelta(days=5 * 365)
    return workspace


def test_figures_read_each_kind_once_and_open_each_item_once(
    five_years: Workspace, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = five_years
    queries: list[str] = []
    opened: list[int] = []
    execute, unseal = ws.db.execute, ws.sealer.unseal_json
    monkeypatch.setattr(ws.db, "execute", lambda sql, *a: queries.append(sql) or execute(sql, *a))
    monkeypatch.setattr(
        ws.sealer, "unseal_json", lambda t, i, f, b: opened.append(i) or unseal(t, i, f, b)
    )

    stats(ws)
    assert len(queries) == 3  # urges, reality checks, thought records: one query each
    assert len(opened) == len(set(opened)) == 3 * 260

    queries.clear()
    opened.clear()
    weekly_review(ws, clock.now)
    assert len(queries) == 4
    assert len(opened) == len(set(opened)) == 5 * 365 + 3 * 260
