"""Charts drawn on the server as SVG: pure functions from series to markup.

Pages work without JavaScript under a strict Content-Security-Policy, so a chart is an
``<svg>`` element written here, styled only through classes from ``style.css`` (no
``style`` attributes). Every piece of text that reaches the markup is escaped, because
category names are written by the person. A chart never has more than ``MAX_POINTS``
points: long histories are grouped into months, quarters or years first (``group``), so
five years of daily data draw as quickly as a week.

Each chart carries a title and a description saying in words what it shows; the page
puts its numbers in a table beside it, so nothing depends on seeing the picture.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Literal

from markupsafe import Markup

MAX_POINTS = 150
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 14, 14, 34
HBAR_LEFT = 8
SERIES_CLASSES = 7  # s1 .. s7 in style.css; further series reuse them
DOTS_UP_TO = 60  # beyond this many points, dots would only blur the line
X_TICKS = 4  # dates need room, even on a phone

Kind = Literal["line", "stacked", "hbars"]
Unit = Literal["each", "week", "month", "quarter", "year"]
How = Literal["sum", "mean"]
UNITS: tuple[Unit, ...] = ("each", "week", "month", "quarter", "year")
UNIT_HEADS = {
    "each": "Date",
    "week": "Week of",
    "month": "Month",
    "quarter": "Quarter",
    "year": "Year",
}


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    """What a chart shows. ``labels`` name the points along the x axis (for ``hbars``,
    the bars); each series has one value per label, None where there is nothing."""

    key: str  # prefix of element ids
    title: str
    desc: str
    kind: Kind
    labels: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    label_head: str = "Week of"
    y_max: float | None = None  # a fixed top of the scale (10 for moods); else from the data
    whole: bool = True  # counts: the scale steps by whole numbers
    links: tuple[str, ...] = ()  # optional, one per label: where its table row leads

    @property
    def is_empty(self) -> bool:
        return not any(value is not None for s in self.series for value in s.values)

    def rows(self) -> list[tuple[str, str, list[str]]]:
        """(label, link or "", each series' value as written) for the table of the data."""
        links = self.links or ("",) * len(self.labels)
        return [
            (label, link, [format_number(s.values[n]) for s in self.series])
            for n, (label, link) in enumerate(zip(self.labels, links, strict=True))
        ]

    def svg(self) -> Markup:
        return svg(self)


# -- grouping long histories -------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """One observation: its day, a value per series name, and a label when shown alone."""

    day: date
    values: Mapping[str, float | None]
    label: str = ""
    link: str = ""


@dataclass(frozen=True)
class Grouped:
    unit: Unit
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    links: tuple[str, ...] = ()


def group(
    points: Sequence[Point],
    names: Sequence[str],
    how: How,
    *,
    finest: Unit = "week",
    max_points: int = MAX_POINTS,
) -> Grouped:
    """The points by the finest unit (from ``finest`` up) that keeps within ``max_points``.

    ``each`` keeps the points as they are. Periods with nothing in them are kept, as 0
    when summing and as a gap (None) for means, so time runs evenly along the axis.
    """
    if not points:
        return Grouped(finest, (), tuple(Series(name, ()) for name in names))
    if finest == "each" and len(points) <= max_points:
        ordered = sorted(points, key=lambda p: p.day)
        return Grouped(
            "each",
            tuple(p.label or _day_label(p.day) for p in ordered),
            tuple(Series(n, tuple(_number(p.values.get(n)) for p in ordered)) for n in names),
            tuple(p.link for p in ordered) if any(p.link for p in ordered) else (),
        )
    first = min(p.day for p in points)
    last = max(p.day for p in points)
    candidates = UNITS[max(UNITS.index(finest), 1) :]
    unit: Unit = next((u for u in candidates if _index(last, first, u) < max_points), "year")
    periods = _index(last, first, unit) + 1
    # Beyond max_points years (a date typed centuries off), years are taken a few at a time.
    width = -(-periods // max_points)
    size = -(-periods // width)
    totals = {name: [0.0] * size for name in names}
    counts = {name: [0] * size for name in names}
    for point in points:
        at = _index(point.day, first, unit) // width
        for name in names:
            value = point.values.get(name)
            if value is not None:
                totals[name][at] += value
                counts[name][at] += 1
    series = tuple(
        Series(name, tuple(_reduce(totals[name][i], counts[name][i], how) for i in range(size)))
        for name in names
    )
    labels = tuple(
        _label(first, i * width, min(periods, (i + 1) * width) - 1, unit) for i in range(size)
    )
    return Grouped(unit, labels, series)


def _label(first: date, start: int, end: int, unit: Unit) -> str:
    if start == end:
        return _period_label(first, start, unit)
    return f"{_period_label(first, start, unit)}–{_period_label(first, end, unit)}"


def _reduce(total: float, count: int, how: How) -> float | None:
    if how == "sum":
        return total
    return total / count if count else None


def _number(value: float | None) -> float | None:
    return None if value is None else float(value)


def _start(day: date, unit: Unit) -> date:
    if unit in ("each", "week"):
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def _index(day: date, first: date, unit: Unit) -> int:
    """Which period of ``unit``, counted from the one holding ``first``, holds ``day``."""
    if unit in ("each", "week"):
        return (_start(day, "week") - _start(first, "week")).days // 7
    if unit == "month":
        return (day.year - first.year) * 12 + day.month - first.month
    if unit == "quarter":
        return (day.year - first.year) * 4 + (day.month - 1) // 3 - (first.month - 1) // 3
    return day.year - first.year


def _period_label(first: date, index: int, unit: Unit) -> str:
    if unit in ("each", "week"):
        return _day_label(_start(first, "week") + timedelta(weeks=index))
    if unit == "year":
        return str(first.year + index)
    months = 3 if unit == "quarter" else 1
    start = _start(first, unit)
    month0 = start.year * 12 + start.month - 1 + index * months
    year, month = divmod(month0, 12)
    if unit == "quarter":
        return f"Q{month // 3 + 1} {year}"
    return date(year, month + 1, 1).strftime("%b %Y")


def _day_label(day: date) -> str:
    return f"{day.day} {day.strftime('%b %Y')}"


# -- drawing -----------------------------------------------------------------------------------


def svg(chart: Chart) -> Markup:
    """The chart as an ``<svg role="img">`` labelled by its own title and description."""
    key = escape(chart.key)
    parts = [
        f'<svg class="chart chart-{escape(chart.kind)}" role="img" '
        f'aria-labelledby="{key}-title {key}-desc" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg" '
        'preserveAspectRatio="xMidYMid meet">',
        f'<title id="{key}-title">{escape(chart.title)}</title>',
        f'<desc id="{key}-desc">{escape(chart.desc)}</desc>',
    ]
    if chart.is_empty:
        parts.append(
            f'<text class="empty-note" x="{WIDTH / 2:g}" y="{HEIGHT / 2:g}" '
            'text-anchor="middle">Nothing to show yet</text>'
        )
    elif chart.kind == "hbars":
        parts.extend(_hbars(chart))
    else:
        top = _scale_top(chart)
        parts.extend(_y_axis(top, chart.whole))
        parts.extend(_x_axis(chart.labels, chart.kind))
        parts.extend(_lines(chart, top) if chart.kind == "line" else _stacked(chart, top))
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text above went through escape()


def _plot_width() -> float:
    return WIDTH - LEFT - RIGHT


def _plot_height() -> float:
    return HEIGHT - TOP - BOTTOM


def _scale_top(chart: Chart) -> float:
    if chart.y_max is not None:
        return chart.y_max
    if chart.kind == "stacked":
        highest = max(
            (sum(s.values[i] or 0 for s in chart.series) for i in range(len(chart.labels))),
            default=0.0,
        )
    else:
        highest = max((v for s in chart.series for v in s.values if v is not None), default=0.0)
    step = _step(highest, chart.whole)
    return max(step, math.ceil(highest / step) * step)


def _step(highest: float, whole: bool) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving at most five grid lines."""
    if highest <= 0:
        return 1.0
    raw = highest / 5
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return max(1.0, step) if whole else step


def _ticks(top: float, whole: bool) -> list[float]:
    step = _step(top, whole)
    count = round(top / step)
    return [step * n for n in range(count + 1)]


def _y(value: float, top: float) -> float:
    return TOP + _plot_height() * (1 - min(value, top) / top)


def _y_axis(top: float, whole: bool) -> list[str]:
    out = ['<g class="axis" aria-hidden="true">']
    for tick in _ticks(top, whole):
        y = _y(tick, top)
        out.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        shown = escape(format_number(tick))
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{shown}</text>')
    out.append("</g>")
    return out


def _x_at(index: int, count: int, kind: Kind) -> float:
    if kind == "stacked":
        return LEFT + _plot_width() * (index + 0.5) / count
    if count == 1:
        return LEFT + _plot_width() / 2
    return LEFT + _plot_width() * index / (count - 1)


def _x_axis(labels: Sequence[str], kind: Kind) -> list[str]:
    count = len(labels)
    shown = sorted({round(n * (count - 1) / (X_TICKS - 1)) for n in range(X_TICKS)})
    if count < X_TICKS:
        shown = list(range(count))
    out = ['<g class="axis" aria-hidden="true">']
    for index in shown:
        x = _x_at(index, count, kind)
        anchor = "start" if index == 0 and count > 1 else "end" if index == count - 1 else "middle"
        if count == 1:
            anchor = "middle"
        out.append(
            f'<text x="{x:.1f}" y="{HEIGHT - 10}" text-anchor="{anchor}">'
            f"{escape(labels[index])}</text>"
        )
    out.append("</g>")
    return out


def _series_class(index: int) -> str:
    return f"s{index % SERIES_CLASSES + 1}"


def _lines(chart: Chart, top: float) -> list[str]:
    count = len(chart.labels)
    out = []
    for n, series in enumerate(chart.series):
        css = _series_class(n)
        out.append(f'<g class="series {css}">')
        runs: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(series.values):
            if value is None:
                runs.append([])
                continue
            runs[-1].append((_x_at(i, count, "line"), _y(value, top)))
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                out.append(f'<polyline class="line" fill="none" points="{points}"/>')
            if len(run) == 1 or (run and count <= DOTS_UP_TO):
                out.extend(
                    f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="3.5"/>' for x, y in run
                )
        out.append("</g>")
    return out


def _stacked(chart: Chart, top: float) -> list[str]:
    count = len(chart.labels)
    slot = _plot_width() / count
    width = max(1.0, slot * 0.75)
    base = [0.0] * count
    out = []
    for n, series in enumerate(chart.series):
        out.append(f'<g class="series {_series_class(n)}">')
        for i, value in enumerate(series.values):
            if not value:
                continue
            y_low, y_high = _y(base[i], top), _y(base[i] + value, top)
            base[i] += value
            x = LEFT + slot * i + (slot - width) / 2
            out.append(
                f'<rect class="bar" x="{x:.1f}" y="{y_high:.1f}" width="{width:.1f}" '
                f'height="{max(0.5, y_low - y_high):.1f}"/>'
            )
        out.append("</g>")
    return out


def _hbars(chart: Chart) -> list[str]:
    """One horizontal bar per label, for the first series: the label above its bar (room
    for a long name on a narrow screen), the value at the bar's end."""
    values = chart.series[0].values
    highest = max((v for v in values if v is not None), default=0.0) or 1.0
    row = (HEIGHT - TOP) / max(len(chart.labels), 1)
    height = max(6.0, min(28.0, row - 30))
    room = WIDTH - HBAR_LEFT - RIGHT - 40
    out = ['<g class="series s1">']
    for i, (label, value) in enumerate(zip(chart.labels, values, strict=True)):
        top = TOP + row * i
        length = max(1.0, room * (value or 0) / highest)
        bar = top + 24
        out.append(
            f'<text class="bar-label" x="{HBAR_LEFT}" y="{top + 18:.1f}">{escape(label)}</text>'
        )
        out.append(
            f'<rect class="bar" x="{HBAR_LEFT}" y="{bar:.1f}" width="{length:.1f}" '
            f'height="{height:.1f}"/>'
        )
        out.append(
            f'<text class="bar-value" x="{HBAR_LEFT + length + 6:.1f}" '
            f'y="{bar + height / 2 + 5:.1f}">{escape(format_number(value))}</text>'
        )
    out.append("</g>")
    return out


def format_number(value: float | None) -> str:
    """A number as a table or an axis shows it: whole numbers bare, others to one place."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"
