"""The growth dashboard and the weekly review.

The dashboard draws every chart on the server as SVG (``web.charts``), each with a table
of its numbers, from one read of each kind of record and one read of the journal's moods.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from heartwise.domain.time import parse_day
from heartwise.errors import InvalidInput
from heartwise.services import growth_stats, insight
from heartwise.services.journal import Journal
from heartwise.services.workspace import Workspace
from heartwise.web.charts import Chart
from heartwise.web.deps import WorkspaceDep, page_router
from heartwise.web.pages import dashboard_charts as charts
from heartwise.web.pages.review_words import review_sentences
from heartwise.web.pages.routes import render

router = page_router()
From = Annotated[str | None, Query(alias="from")]
To = Annotated[str | None, Query(alias="to")]


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(
    request: Request, ws: WorkspaceDep, start: From = None, end: To = None
) -> HTMLResponse:
    status, drawn, error = 200, [], None
    try:
        drawn = _charts(ws, *_range(start, end))
    except InvalidInput as exc:
        status, error = 422, exc
    return render(
        request,
        "dashboard.html",
        status,
        charts=drawn,
        error=error,
        start=start or "",
        end=end or "",
    )


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    review = growth_stats.weekly_review(ws, ws.clock())
    return render(request, "review.html", sentences=review_sentences(review))


def _range(start: str | None, end: str | None) -> tuple[datetime | None, datetime | None]:
    """The same reading of from and to as the API and the journal's filters."""
    return (
        parse_day(start, field="from") if start else None,
        parse_day(end, field="to", end_of_day=True) if end else None,
    )


def _charts(ws: Workspace, start: datetime | None, end: datetime | None) -> list[Chart]:
    board = growth_stats.dashboard(ws, start, end)
    moods = [(when.date(), mood) for when, mood in Journal(ws).moods(start, end)]
    return [
        charts.mood_chart(moods),
        charts.triggers_chart(board["triggers_per_week"]),
        charts.urges_chart(board["urges_per_week"]),
        charts.thought_records_chart(board["thought_records"]),
        charts.reality_checks_chart(board["reality_checks"]),
        charts.traps_chart(board["top_traps"], insight.trap_names()),
    ]
