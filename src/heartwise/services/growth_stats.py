"""Figures over the self-awareness tools: totals, dashboard series and the weekly review.

Rules that hold for every figure here:

- An outcome counts in the period it was recorded in (an urge that passed on Monday
  counts on Monday, whenever the pause began); triggers count when they happened and
  thought records when they were written. Range bounds are inclusive.
- A figure with nothing to stand on is None, never 0 and never a division by zero.
- Means and rates are rounded to 3 decimals, which none of the 0-10 or 0-100 scales
  needs more of, so JSON stays readable.
- These are plain facts: nothing here keeps streaks or scores a person's worth.

Each public function loads each kind it needs in one query and opens every item once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from statistics import fmean

from heartwise.domain.growth import (
    RealityCheck,
    ThoughtRecord,
    Trigger,
    Urge,
    check_range,
    within,
)
from heartwise.domain.growth_fields import category_key, moment
from heartwise.services.growth import RealityChecks, ThoughtRecords, Triggers, Urges
from heartwise.services.workspace import Workspace

Figures = dict[str, int | float | None]
TOP_TRAPS = 5


def stats(
    ws: Workspace, start: datetime | None = None, end: datetime | None = None
) -> dict[str, Figures]:
    """Totals for the pause, reality checks and thought records within a range."""
    check_range(start, end)
    return {
        "urges": urge_figures(Urges(ws).list(), start, end),
        "reality_checks": check_figures(RealityChecks(ws).list(), start, end),
        "thought_records": thought_figures(ThoughtRecords(ws).list(start, end)),
    }


def urge_figures(urges: Iterable[Urge], start: datetime | None, end: datetime | None) -> Figures:
    """total: urges with an outcome recorded in the range; passed: those that passed."""
    outcomes = [u.outcome for u in urges if u.outcome and within(u.outcome.at, start, end)]
    passed = sum(1 for outcome in outcomes if outcome.passed)
    return {"total": len(outcomes), "passed": passed, "pass_rate": _ratio(passed, len(outcomes))}


def check_figures(
    checks: Iterable[RealityCheck], start: datetime | None, end: datetime | None
) -> Figures:
    """Completed checks (outcome recorded in the range); mean_gap = mean(expected - actual),
    so a positive gap means predictions ran above reality."""
    done = completed_checks(checks, start, end)
    actual = [check.outcome.actual for check in done if check.outcome]
    came_true = sum(1 for check in done if check.came_true)
    return {
        "completed": len(done),
        "mean_expected": _mean(check.expected for check in done),
        "mean_actual": _mean(actual),
        "mean_gap": _mean(check.gap for check in done if check.gap is not None),
        "fears_came_true": came_true,
        "fears_came_true_rate": _ratio(came_true, len(done)),
    }


def thought_figures(records: Sequence[ThoughtRecord]) -> Figures:
    """A record's before (after) is the mean of its emotions before (after); each mean is
    over the records that have one. mean_drop only compares records that have both."""
    return {
        "count": len(records),
        "mean_before": _mean(r.before for r in records if r.before is not None),
        "mean_after": _mean(r.after for r in records if r.after is not None),
        "mean_drop": _mean_drop(records),
    }


def completed_checks(
    checks: Iterable[RealityCheck], start: datetime | None, end: datetime | None
) -> list[RealityCheck]:
    """Checks whose outcome was recorded in the range, in the order they were completed."""
    done = [c for c in checks if c.outcome and within(c.outcome.at, start, end)]
    return sorted(done, key=lambda check: check.outcome.at if check.outcome else check.when)


# -- dashboard series ------------------------------------------------------------------------


def dashboard(
    ws: Workspace, start: datetime | None = None, end: datetime | None = None
) -> dict[str, object]:
    """Every growth series for the dashboard, from one read of each kind."""
    check_range(start, end)
    records = ThoughtRecords(ws).list(start, end)
    return {
        "triggers_per_week": triggers_per_week(Triggers(ws).list(start, end)),
        "urges_per_week": urges_per_week(Urges(ws).list(), start, end),
        "thought_records": thought_record_changes(records),
        "reality_checks": prediction_and_reality(RealityChecks(ws).list(), start, end),
        "top_traps": top_traps(records),
    }


def triggers_per_week(triggers: Iterable[Trigger]) -> dict[str, object]:
    """Triggers per week (Monday, in each trigger's own local time) and category.

    Categories are ordered by how often they came, weeks run from the first to the last
    week with a trigger, and a week without any shows zeros rather than being skipped.
    """
    names: dict[str, str] = {}
    counts: Counter[tuple[date, str]] = Counter()
    for trigger in sorted(triggers, key=lambda t: (t.when, t.id)):
        key = category_key(trigger.category)
        names.setdefault(key, trigger.category)  # the first spelling names the category
        counts[(week_of(trigger.when), key)] += 1
    totals: Counter[str] = Counter()
    for (_, key), n in counts.items():
        totals[key] += n
    order = sorted(totals, key=lambda key: (-totals[key], key))
    weeks = _weeks_between({week for week, _ in counts})
    return {
        "categories": [names[key] for key in order],
        "weeks": [
            {"week": w.isoformat(), "counts": {names[k]: counts[(w, k)] for k in order}}
            for w in weeks
        ],
    }


def urges_per_week(
    urges: Iterable[Urge], start: datetime | None, end: datetime | None
) -> list[dict[str, object]]:
    """Per week of the outcome: urges that passed, and urges acted on."""
    passed: Counter[date] = Counter()
    acted: Counter[date] = Counter()
    for urge in urges:
        if urge.outcome and within(urge.outcome.at, start, end):
            tally = passed if urge.outcome.passed else acted
            tally[week_of(urge.outcome.at)] += 1
    weeks = _weeks_between(set(passed) | set(acted))
    return [{"week": w.isoformat(), "passed": passed[w], "acted": acted[w]} for w in weeks]


def thought_record_changes(records: Iterable[ThoughtRecord]) -> list[dict[str, object]]:
    """Each record's mean emotion before and after, oldest first (None where not given)."""
    ordered = sorted(records, key=lambda r: (r.when, r.id))
    return [
        {
            "id": r.id,
            "at": r.when.isoformat(),
            "before": _rounded(r.before),
            "after": _rounded(r.after),
        }
        for r in ordered
    ]


def prediction_and_reality(
    checks: Iterable[RealityCheck], start: datetime | None, end: datetime | None
) -> list[dict[str, object]]:
    """Each completed check's expected and actual rating, in the order they were completed."""
    return [
        {
            "id": check.id,
            "at": check.outcome.at.isoformat(),
            "expected": check.expected,
            "actual": check.outcome.actual,
        }
        for check in completed_checks(checks, start, end)
        if check.outcome
    ]


def top_traps(records: Iterable[ThoughtRecord], limit: int = TOP_TRAPS) -> list[dict[str, object]]:
    """The thinking traps confirmed most often; ties in alphabetical order."""
    counts = Counter(trap for record in records for trap in record.traps)
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]
    return [{"label": label, "count": n} for label, n in ranked]


# -- weekly review ---------------------------------------------------------------------------


def weekly_review(ws: Workspace, now: datetime) -> dict[str, dict[str, object]]:
    """The last 7 days beside the 7 before them, as plain counts and means.

    Each period is (start, end]: a moment exactly 7 days ago belongs to the earlier week,
    so nothing is counted twice.
    """
    now = moment(now, "now", "the review")
    triggers = Triggers(ws).list()
    urges = Urges(ws).list()
    checks = RealityChecks(ws).list()
    records = ThoughtRecords(ws).list()
    week = timedelta(days=7)
    periods = {"this_week": (now - week, now), "previous_week": (now - 2 * week, now - week)}
    return {
        name: _period_facts(triggers, urges, checks, records, start, end)
        for name, (start, end) in periods.items()
    }


def _period_facts(
    triggers: Sequence[Trigger],
    urges: Sequence[Urge],
    checks: Sequence[RealityCheck],
    records: Sequence[ThoughtRecord],
    start: datetime,
    end: datetime,
) -> dict[str, object]:
    def inside(when: datetime) -> bool:
        return start < when <= end

    outcomes = [u.outcome for u in urges if u.outcome and inside(u.outcome.at)]
    done = [c for c in checks if c.outcome and inside(c.outcome.at)]
    written = [r for r in records if inside(r.when)]
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "triggers": sum(1 for trigger in triggers if inside(trigger.when)),
        "urges_recorded": len(outcomes),
        "urges_passed": sum(1 for outcome in outcomes if outcome.passed),
        "checks_completed": len(done),
        "fears_came_true": sum(1 for check in done if check.came_true),
        "thought_records": len(written),
        "mean_drop": _mean_drop(written),
    }


# -- small helpers ---------------------------------------------------------------------------


def week_of(when: datetime) -> date:
    """The Monday of the week ``when`` falls in, by its own local date."""
    day = when.date()
    return day - timedelta(days=day.weekday())


def _weeks_between(weeks: set[date]) -> list[date]:
    if not weeks:
        return []
    first, last = min(weeks), max(weeks)
    return [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


def _mean_drop(records: Iterable[ThoughtRecord]) -> float | None:
    """How much emotions eased on average, over records with both a before and an after."""
    return _mean(
        r.before - r.after for r in records if r.before is not None and r.after is not None
    )


def _mean(values: Iterable[float]) -> float | None:
    numbers = list(values)
    return _rounded(fmean(numbers)) if numbers else None


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
