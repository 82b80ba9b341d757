"""Thought records in the browser, in two steps.

First the situation, the thought that came and how strong the feelings were; nothing is
stored yet. Then heartwise reads those words on this machine and offers the thinking
traps it noticed, ticked, for the person to keep or untick, beside the rest of the record.
Only the second step stores, through ``ThoughtRecords.create``: the record holds the traps
the person confirmed, never the guesses alone.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from heartwise.analysis import Crisis
from heartwise.analysis.findings import TRAPS
from heartwise.domain.growth import make_thought_record
from heartwise.errors import InvalidInput
from heartwise.services import growth, insight, preferences
from heartwise.services.safety import crisis_resources
from heartwise.services.workspace import Workspace
from heartwise.web.auth import session_token
from heartwise.web.deps import StateDep, WorkspaceDep, page_router
from heartwise.web.pages.growth_forms import Typed, TypedForm, emotions
from heartwise.web.pages.routes import Csrf, render, see_other
from heartwise.web.security import check_form

router = page_router()
FIRST_STEP = "thought_record_new.html"
SECOND_STEP = "thought_record_more.html"


@router.get("/thought-records", response_class=HTMLResponse)
def thought_records_page(
    request: Request, ws: WorkspaceDep, notice: str | None = None
) -> HTMLResponse:
    records = growth.ThoughtRecords(ws).list()
    return render(request, "thought_records.html", records=records, notice=notice)


@router.get("/thought-records/new", response_class=HTMLResponse)
def new_thought_record(request: Request) -> HTMLResponse:
    return render(request, FIRST_STEP, form=Typed(), error=None)


@router.post("/thought-records/new", response_class=HTMLResponse)
def first_step(request: Request, state: StateDep, typed: TypedForm) -> Response:
    """Check the first step and show the second; "back" from the second shows the first."""
    if typed["back"]:
        return render(request, FIRST_STEP, form=typed, error=None)
    with state.workspace(session_token(request)) as ws:
        try:
            make_thought_record(
                typed["situation"], typed["thought"], ws.clock(), emotions(typed, "before")
            )
        except InvalidInput as exc:
            return render(request, FIRST_STEP, 422, form=typed, error=exc)
        noticed, crisis = _reading(ws, typed)
        chosen = Typed(typed.values, traps=tuple(noticed), noticed=tuple(noticed))
        return _second_step(request, ws, chosen, None, crisis)


@router.post("/thought-records", response_class=HTMLResponse)
def save_thought_record(request: Request, state: StateDep, typed: TypedForm) -> Response:
    with state.workspace(session_token(request)) as ws:
        try:
            record = growth.ThoughtRecords(ws).create(
                typed["situation"], typed["thought"], **_more_fields(typed)
            )
        except InvalidInput as exc:
            return _second_step(request, ws, typed, exc, None, status=422)
    return see_other(f"/thought-records/{record.id}?notice=saved")


@router.get("/thought-records/{record_id}", response_class=HTMLResponse)
def thought_record_page(
    request: Request, record_id: int, ws: WorkspaceDep, notice: str | None = None
) -> HTMLResponse:
    record = growth.ThoughtRecords(ws).get(record_id)
    return render(
        request,
        "thought_record.html",
        record=record,
        trap_names=insight.trap_names(),
        notice=notice,
    )


@router.post("/thought-records/{record_id}/delete")
def delete_thought_record(
    request: Request, record_id: int, ws: WorkspaceDep, token: Csrf = None
) -> RedirectResponse:
    check_form(request, token)
    growth.ThoughtRecords(ws).delete(record_id)
    return see_other("/thought-records?notice=deleted")


def _more_fields(typed: Typed) -> dict[str, Any]:
    return {
        "emotions_before": emotions(typed, "before"),
        "traps": typed.traps,
        "evidence_for": typed["evidence_for"],
        "evidence_against": typed["evidence_against"],
        "other_explanations": typed["other_explanations"],
        "balanced_thought": typed["balanced_thought"],
        "emotions_after": emotions(typed, "after"),
    }


def _reading(ws: Workspace, typed: Typed) -> tuple[list[str], Crisis | None]:
    """The traps heartwise notices in the situation and thought, and any sign of crisis;
    nothing when the person turned the reading of their words off."""
    if not preferences.analysis_enabled(ws):
        return [], None
    text = f"{typed['situation'].strip()}\n{typed['thought'].strip()}"
    return growth.suggest_traps(text), insight.read_text(text).crisis


def _second_step(
    request: Request,
    ws: Workspace,
    typed: Typed,
    error: InvalidInput | None,
    crisis: Crisis | None,
    status: int = 200,
) -> HTMLResponse:
    names = insight.trap_names()
    noticed = [label for label in typed.noticed if label in names]
    return render(
        request,
        SECOND_STEP,
        status,
        form=typed,
        felt=emotions(typed, "before"),
        error=error,
        noticed=noticed,
        others=[label for label in TRAPS if label not in noticed],
        trap_names=names,
        analysis=preferences.analysis_enabled(ws),
        crisis=crisis,
        resources=crisis_resources(ws.settings.locale),
    )
