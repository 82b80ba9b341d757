"""The SVG charts of the growth dashboard: well-formed, labelled, escaped, never crowded."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from heartwise.web.charts import (
    MAX_POINTS,
    Chart,
    Point,
    Series,
    format_number,
    group,
    svg,
)

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & "quotes" \'too\''


def parsed(chart: Chart) -> ET.Element:
    """The chart's markup read as XML: it fails here if anything is left unescaped."""
    return ET.fromstring(str(svg(chart)))


def line(values: list[float | None], **extra: object) -> Chart:
    labels = tuple(f"day {n}" for n in range(len(values)))
    fields: dict[str, object] = {
        "key": "mood",
        "title": "Mood over time",
        "desc": "Weekly mood.",
        "kind": "line",
        "labels": labels,
        "series": (Series("Mood", tuple(values)),),
        "y_max": 10,
    }
    return Chart(**{**fields, **extra})  # type: ignore[arg-type]


# -- labelled and escaped ----------------------------------------------------------------------


def test_a_chart_is_an_image_labelled_by_its_own_title_and_description() -> None:
    root = parsed(line([4, 6, 8]))

    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None
    assert title.text == "Mood over time"
    assert desc is not None
    assert desc.text == "Weekly mood."
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


@pytest.mark.parametrize("kind", ["line", "stacked", "hbars"])
def test_every_text_is_escaped(kind: str) -> None:
    chart = Chart(
        key="triggers",
        title=HOSTILE,
        desc=HOSTILE,
        kind=kind,  # type: ignore[arg-type]
        labels=(HOSTILE, "second"),
        series=(Series(HOSTILE, (1, 2)), Series("other", (3, None))),
    )
    markup = str(svg(chart))
    root = ET.fromstring(markup)

    assert "<script" not in markup
    assert root.find(f"{SVG}title").text == HOSTILE  # type: ignore[union-attr]
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert HOSTILE in texts  # an axis or bar label, read back as written


def test_no_element_carries_a_style_attribute_or_a_script() -> None:
    for chart in (
        line([1, None, 3]),
        line([2, 3], kind="stacked", y_max=None),
        line([5, 1], kind="hbars", y_max=None),
    ):
        root = parsed(chart)
        assert all("style" not in element.attrib for element in root.iter())
        assert not [element for element in root.iter() if element.tag.endswith("script")]
        assert not [name for e in root.iter() for name in e.attrib if name.startswith("on")]


# -- nothing, one, and gaps --------------------------------------------------------------------


def test_an_empty_chart_says_so_and_stays_labelled() -> None:
    for chart in (line([]), line([None, None]), Chart("x", "Nothing", "None yet.", "stacked")):
        root = parsed(chart)
        assert chart.is_empty
        assert [t.text for t in root.iter(f"{SVG}text")] == ["Nothing to show yet"]
        assert root.find(f"{SVG}desc") is not None


def test_one_point_is_drawn_as_a_dot() -> None:
    root = parsed(line([7]))

    assert len(list(root.iter(f"{SVG}circle"))) == 1
    assert not list(root.iter(f"{SVG}polyline"))


def test_a_gap_breaks_the_line_instead_of_bridging_it() -> None:
    root = parsed(line([1, 2, None, 4, 5]))

    assert len(list(root.iter(f"{SVG}polyline"))) == 2


def test_stacked_bars_draw_one_bar_per_nonzero_value() -> None:
    chart = Chart(
        key="urges",
        title="Urges",
        desc="d",
        kind="stacked",
        labels=("w1", "w2", "w3"),
        series=(Series("Passed", (2, 0, 1)), Series("Acted on", (1, 0, 0))),
    )

    assert len(list(parsed(chart).iter(f"{SVG}rect"))) == 3


def test_the_scale_of_counts_steps_by_whole_numbers() -> None:
    chart = line([1, 3], kind="stacked", y_max=None)
    ticks = [t.text for t in parsed(chart).iter(f"{SVG}text") if t.get("text-anchor") == "end"]

    assert ticks[: ticks.index("3") + 1] == ["0", "1", "2", "3"]


def test_the_table_rows_hold_every_value_as_written() -> None:
    chart = line([4.25, None, 7], links=("/a", "", "/c"))

    assert chart.rows() == [
        ("day 0", "/a", ["4.2"]),
        ("day 1", "", [""]),
        ("day 2", "/c", ["7"]),
    ]
    assert [format_number(v) for v in (3.0, 2.5, None, 0)] == ["3", "2.5", "", "0"]


# -- grouping long histories -------------------------------------------------------------------


def days(count: int, start: date = date(2021, 11, 22)) -> list[date]:
    return [start + timedelta(days=n) for n in range(count)]


def test_five_years_of_days_become_months_and_keep_their_sum() -> None:
    points = [Point(day, {"n": 1}) for day in days(5 * 365)]

    grouped = group(points, ["n"], "sum")

    assert grouped.unit == "month"
    assert len(grouped.labels) <= MAX_POINTS
    assert sum(grouped.series[0].values) == 5 * 365  # type: ignore[arg-type]
    assert grouped.labels[0] == "Nov 2021"
    assert re.fullmatch(r"[A-Z][a-z]{2} \d{4}", grouped.labels[-1])


def test_a_few_weeks_stay_weeks_and_empty_weeks_are_zero_or_a_gap() -> None:
    monday = date(2026, 11, 2)
    points = [Point(monday, {"n": 2}), Point(monday + timedelta(days=15), {"n": 4})]

    summed = group(points, ["n"], "sum")
    averaged = group([*points, Point(monday + timedelta(days=1), {"n": 6})], ["n"], "mean")

    assert summed.unit == "week"
    assert summed.labels == ("2 Nov 2026", "9 Nov 2026", "16 Nov 2026")
    assert summed.series[0].values == (2, 0, 4)
    assert averaged.series[0].values == (4, None, 4)


def test_single_records_stay_single_until_there_are_too_many() -> None:
    few = [Point(day, {"v": 50}, label=f"r{n}", link=f"/r/{n}") for n, day in enumerate(days(3))]
    many = [Point(day, {"v": 50}) for day in days(MAX_POINTS * 7 + 1)]

    kept = group(few, ["v"], "mean", finest="each")
    grouped = group(many, ["v"], "mean", finest="each")

    assert (kept.unit, kept.labels, kept.links) == (
        "each",
        ("r0", "r1", "r2"),
        ("/r/0", "/r/1", "/r/2"),
    )
    assert grouped.unit == "month"
    assert len(grouped.labels) <= MAX_POINTS
    assert set(grouped.series[0].values) == {50}


def test_centuries_of_days_still_fit() -> None:
    points = [Point(day, {"n": 1}) for day in days(200 * 365)[::30]]

    grouped = group(points, ["n"], "sum")

    assert grouped.unit == "year"
    assert len(grouped.labels) <= MAX_POINTS
    assert grouped.labels[0] == "2021–2022"  # two years to a bar
    assert str(svg(line([v for v in grouped.series[0].values]))).startswith("<svg")


def test_nothing_to_group_is_an_empty_chart() -> None:
    grouped = group([], ["a", "b"], "sum")

    assert grouped.labels == ()
    assert [s.values for s in grouped.series] == [(), ()]
