"""The pause in the browser: name the urge, choose a wait, and come back to say how it went.

Without JavaScript there is no countdown: the page says when the pause ends and offers a
link to look again. It never reloads by itself (a timed refresh moves a page from under
someone reading it, WCAG 2.2.1). Pauses left without an answer are asked about at the top
of the pause page, the next time it is opened.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from heartwise.domain.growth import DEFAULT_WAIT_MINUTES, Urge
from heartwise.errors import InvalidInput
from heartwise.services import growth
from heartwise.services.workspace import Workspace
from heartwise.web.auth import session_token
from heartwise.web.deps import StateDep, WorkspaceDep, page_router
from heartwise.web.pages.growth_forms import Typed, TypedForm, number
from heartwise.web.pages.routes import render, see_other

router = page_router()
WAITS = (5, 10, 15, 20, 30, 60)
RECENT = 5
OUTCOMES = {"passed": True, "acted": False}
# Written for heartwise: small things to do while the urge rises and falls.
MEANWHILE = (
    "Breathe out a little longer than you breathe in, ten times over.",
    "Name the feeling, and notice where in your body it sits.",
    "Put the phone face down in another room until the pause ends.",
    "Write down what you fear is happening, then only what you know for sure.",
    "Step outside, or into another room, and let your feet walk for a while.",
    "Do something with your hands: wash a cup, water a plant, fold a few clothes.",
    "Think of what you would say to a friend who felt this way, and say it to yourself.",
    "Drink a glass of water slowly, noticing how cold it is.",
)
SUGGESTED = 4


@router.get("/pause", response_class=HTMLResponse)
def pause_page(request: Request, ws: WorkspaceDep, notice: str | None = None) -> HTMLResponse:
    return _pause_page(request, ws, Typed(), None, notice)


@router.post("/urges", response_class=HTMLResponse)
def start_pause(request: Request, state: StateDep, typed: TypedForm) -> Response:
    with state.workspace(session_token(request)) as ws:
        wait: Any = number(typed["wait_minutes"])
        try:
            urge = growth.Urges(ws).create(typed["urge"], wait)
        except InvalidInput as exc:
            return _pause_page(request, ws, typed, exc, status=422)
    return see_other(f"/urges/{urge.id}")


@router.get("/urges/{record_id}", response_class=HTMLResponse)
def urge_page(request: Request, record_id: int, ws: WorkspaceDep) -> HTMLResponse:
    return _urge_page(request, ws, growth.Urges(ws).get(record_id), None)


@router.post("/urges/{record_id}/outcome", response_class=HTMLResponse)
def record_outcome(request: Request, record_id: int, state: StateDep, typed: TypedForm) -> Response:
    # Anything but the two buttons' values goes to the service as it came, to be refused.
    passed: Any = OUTCOMES.get(typed["outcome"], typed["outcome"])
    with state.workspace(session_token(request)) as ws:
        urges = growth.Urges(ws)
        try:
            urges.record_outcome(record_id, passed, typed["note"])
        except InvalidInput as exc:
            return _urge_page(request, ws, urges.get(record_id), exc, typed, status=422)
    return see_other(f"/pause?notice={'passed' if passed is True else 'acted'}")


def _pause_page(
    request: Request,
    ws: Workspace,
    typed: Typed,
    error: InvalidInput | None,
    notice: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    now = ws.clock()
    urges = growth.Urges(ws).list()
    open_urges = [urge for urge in urges if urge.outcome is None]
    return render(
        request,
        "pause.html",
        status,
        due=[urge for urge in open_urges if urge.is_due(now)],
        running=[urge for urge in open_urges if not urge.is_due(now)],
        recent=[urge for urge in urges if urge.outcome is not None][:RECENT],
        waits=[(str(minutes), f"{minutes} minutes") for minutes in WAITS],
        wait=_chosen_wait(typed["wait_minutes"]),
        form=typed,
        error=error,
        notice=notice,
        now=now,
    )


def _chosen_wait(typed: str) -> str:
    """The wait to show as chosen: the one sent back, if it is one of the choices."""
    return typed if typed in {str(minutes) for minutes in WAITS} else str(DEFAULT_WAIT_MINUTES)


def _urge_page(
    request: Request,
    ws: Workspace,
    urge: Urge,
    error: InvalidInput | None,
    typed: Typed | None = None,
    status: int = 200,
) -> HTMLResponse:
    start = urge.id % len(MEANWHILE)
    ideas = (MEANWHILE[start:] + MEANWHILE[:start])[:SUGGESTED]
    return render(
        request,
        "urge.html",
        status,
        urge=urge,
        now=ws.clock(),
        ideas=ideas,
        error=error,
        form=typed or Typed(),
    )
