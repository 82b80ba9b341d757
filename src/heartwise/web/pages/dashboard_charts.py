"""The growth dashboard's charts, from the figures the services give: each with a title, a
description in plain words, and its numbers grouped so that none has over 150 points.

Each builder takes one series of ``growth_stats.dashboard`` as that function returns it
(JSON-ready lists and dicts).

The words describe; they never judge. A week with more triggers is a week where more was
noticed, not a worse week.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from statistics import fmean
from typing import Any

from heartwise.web.charts import (
    UNIT_HEADS,
    Chart,
    Grouped,
    Kind,
    Point,
    Series,
    format_number,
    group,
)

TOP_CATEGORIES = 6  # more would need colours nobody can tell apart; the rest are summed
OTHER = "Other categories"
UNIT_WORDS = {"each": "", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}


def mood_chart(moods: Sequence[tuple[date, int]]) -> Chart:
    points = [Point(day, {"Mood": mood}) for day, mood in moods]
    grouped = group(points, ["Mood"], "mean")
    chart = _chart("mood", "Mood over time", "line", grouped, y_max=10, whole=False)
    if chart.is_empty:
        return _with_desc(
            chart, "No moods yet. The mood you give an entry, from 1 to 10, shows here."
        )
    values = [v for v in grouped.series[0].values if v is not None]
    unit = UNIT_WORDS[grouped.unit]
    desc = (
        f"Your mood from journal entries, on a scale from 1 (very low) to 10 (very good), as "
        f"the average of each {unit}, {_span(grouped)}. The highest {unit} averaged "
        f"{format_number(max(values))} and the lowest {format_number(min(values))}; the "
        f"latest {unit} with a mood averaged {format_number(values[-1])}."
    )
    return _with_desc(chart, desc)


def triggers_chart(series: Any) -> Chart:
    """Stacked bars: the six most frequent categories, the rest summed as one."""
    categories: list[str] = list(series["categories"])
    kept = categories[:TOP_CATEGORIES]
    names = kept + ([OTHER] if len(categories) > TOP_CATEGORIES else [])
    points = []
    for week in series["weeks"]:
        counts: Mapping[str, int] = week["counts"]
        values: dict[str, float | None] = {name: counts.get(name, 0) for name in kept}
        if len(names) > len(kept):
            values[OTHER] = sum(n for name, n in counts.items() if name not in kept)
        points.append(Point(date.fromisoformat(week["week"]), values))
    grouped = group(points, names, "sum")
    chart = _chart("triggers", "Triggers per week, by category", "stacked", grouped)
    if chart.is_empty:
        return _with_desc(chart, "No triggers noted yet. Each one you log shows here by category.")
    totals = {s.name: int(sum(v or 0 for v in s.values)) for s in grouped.series}
    often = ", ".join(f"{name} {count}" for name, count in totals.items() if count)
    unit = UNIT_WORDS[grouped.unit]
    desc = (
        f"How many triggers you noted each {unit}, stacked by category, {_span(grouped)}: "
        f"{_count(sum(totals.values()), 'trigger')} in all. By category: {often}."
    )
    return replace(chart, desc=desc, title=f"Triggers per {unit}, by category")


def urges_chart(weeks: Any) -> Chart:
    points = [
        Point(date.fromisoformat(w["week"]), {"Passed": w["passed"], "Acted on": w["acted"]})
        for w in weeks
    ]
    grouped = group(points, ["Passed", "Acted on"], "sum")
    chart = _chart("urges", "The pause: urges that passed and urges acted on", "stacked", grouped)
    if chart.is_empty:
        return _with_desc(
            chart, "No pauses with an outcome yet. When you say how a pause went, it shows here."
        )
    passed, acted = (int(sum(v or 0 for v in s.values)) for s in grouped.series)
    unit = UNIT_WORDS[grouped.unit]
    desc = (
        f"Each {unit}, how many urges passed while you waited and how many you acted on, "
        f"{_span(grouped)}. In all, {passed} of {_count(passed + acted, 'urge')} passed."
    )
    return _with_desc(chart, desc)


def thought_records_chart(records: Any) -> Chart:
    """Before and after of each record (or their averages per period when there are many)."""
    points = [
        Point(
            _moment(r["at"]).date(),
            {"Before": r["before"], "After": r["after"]},
            label=_day(_moment(r["at"])),
            link=f"/thought-records/{r['id']}",
        )
        for r in records
        if r["before"] is not None or r["after"] is not None
    ]
    grouped = group(points, ["Before", "After"], "mean", finest="each")
    title = "Feelings before and after thought records"
    chart = _chart("thoughts", title, "line", grouped, y_max=100, whole=False)
    if chart.is_empty:
        return _with_desc(
            chart,
            "Nothing to compare yet. A thought record where you rate your feelings before "
            "and after shows here.",
        )
    before = _mean_of(p.values["Before"] for p in points)
    after = _mean_of(p.values["After"] for p in points)
    each = "each record" if grouped.unit == "each" else f"the records of each {grouped.unit}"
    desc = (
        f"How strong your feelings were, from 0 to 100 (the average of the emotions you "
        f"named), before and after {each}: {_count(len(points), 'thought record')}, "
        f"{_span(grouped)}. On average {_or_none(before)} before and {_or_none(after)} after."
    )
    return _with_desc(chart, desc)


def reality_checks_chart(checks: Any) -> Chart:
    points = [
        Point(
            _moment(c["at"]).date(),
            {"Expected": c["expected"], "Actual": c["actual"]},
            label=_day(_moment(c["at"])),
            link=f"/reality-checks/{c['id']}",
        )
        for c in checks
    ]
    grouped = group(points, ["Expected", "Actual"], "mean", finest="each")
    title = "Expected and actual: reality checks"
    chart = _chart("checks", title, "line", grouped, y_max=10, whole=False)
    if chart.is_empty:
        return _with_desc(
            chart, "No reality checks have come back yet. Each one you complete shows here."
        )
    expected = fmean(c["expected"] for c in checks)
    actual = fmean(c["actual"] for c in checks)
    each = "each" if grouped.unit == "each" else f"on average each {grouped.unit}"
    desc = (
        f"Before an event you rated how bad you expected it to be, from 0 to 10; afterwards, "
        f"how bad it was. Shown for {each} of {_count(len(points), 'completed check')}, "
        f"{_span(grouped)}. On average you expected {format_number(round(expected, 1))} and "
        f"it was {format_number(round(actual, 1))}."
    )
    return _with_desc(chart, desc)


def traps_chart(traps: Any, names: Mapping[str, str]) -> Chart:
    labels = tuple(names.get(t["label"], t["label"].replace("_", " ")) for t in traps)
    counts = tuple(float(t["count"]) for t in traps)
    chart = Chart(
        key="traps",
        title="Thinking traps you recognised most often",
        desc="",
        kind="hbars",
        labels=labels,
        series=(Series("Times", counts),),
        label_head="Thinking trap",
    )
    if chart.is_empty:
        return _with_desc(
            chart, "No thinking traps ticked yet. Those you recognise in thought records show here."
        )
    said = "; ".join(
        f"{label}: {_count(int(n), 'time')}" for label, n in zip(labels, counts, strict=True)
    )
    return _with_desc(
        chart, f"The thinking traps you ticked in thought records, most often first. {said}."
    )


# -- small helpers ---------------------------------------------------------------------------


def _chart(
    key: str,
    title: str,
    kind: Kind,
    grouped: Grouped,
    *,
    y_max: float | None = None,
    whole: bool = True,
) -> Chart:
    return Chart(
        key=key,
        title=title,
        desc="",
        kind=kind,
        labels=grouped.labels,
        series=grouped.series,
        label_head=UNIT_HEADS[grouped.unit],
        y_max=y_max,
        whole=whole,
        links=grouped.links,
    )


def _with_desc(chart: Chart, desc: str) -> Chart:
    return replace(chart, desc=desc)


def _span(grouped: Grouped) -> str:
    first, last = grouped.labels[0], grouped.labels[-1]
    head = "the week of " if grouped.unit == "week" else ""
    if first == last:
        return f"in {head}{first}"
    return f"from {head}{first} to {head}{last}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _mean_of(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return fmean(known) if known else None


def _or_none(value: float | None) -> str:
    return "nothing rated" if value is None else format_number(round(value))


def _moment(raw: str) -> datetime:
    return datetime.fromisoformat(raw)


def _day(moment: datetime) -> str:
    return f"{moment.day} {moment.strftime('%b %Y')}"
