"""Reality checks in the browser: before an event, how bad I expect it to be and what I
fear; after it, how bad it was and what happened. The after is written once."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from heartwise.domain.growth import RealityCheck
from heartwise.errors import InvalidInput
from heartwise.services import growth
from heartwise.services.workspace import Workspace
from heartwise.web.auth import session_token
from heartwise.web.deps import StateDep, WorkspaceDep, page_router
from heartwise.web.pages.growth_forms import Typed, TypedForm, moment, number
from heartwise.web.pages.routes import Csrf, render, see_other
from heartwise.web.security import check_form

router = page_router()


@router.get("/reality-checks", response_class=HTMLResponse)
def reality_checks_page(
    request: Request, ws: WorkspaceDep, notice: str | None = None
) -> HTMLResponse:
    return _checks_page(request, ws, Typed(), None, notice)


@router.post("/reality-checks", response_class=HTMLResponse)
def write_before(request: Request, state: StateDep, typed: TypedForm) -> Response:
    with state.workspace(session_token(request)) as ws:
        expected: Any = number(typed["expected"])
        try:
            growth.RealityChecks(ws).create(typed["event"], expected, typed["fear"])
        except InvalidInput as exc:
            return _checks_page(request, ws, typed, exc, status=422)
    return see_other("/reality-checks?notice=expecting")


@router.get("/reality-checks/{record_id}", response_class=HTMLResponse)
def reality_check_page(
    request: Request, record_id: int, ws: WorkspaceDep, notice: str | None = None
) -> HTMLResponse:
    check = growth.RealityChecks(ws).get(record_id)
    return _check_page(request, check, Typed(), None, notice)


@router.post("/reality-checks/{record_id}/outcome", response_class=HTMLResponse)
def write_after(request: Request, record_id: int, state: StateDep, typed: TypedForm) -> Response:
    with state.workspace(session_token(request)) as ws:
        checks = growth.RealityChecks(ws)
        actual: Any = number(typed["actual"])
        try:
            at = moment(typed["at"], ws.clock(), field="at")
            checks.record_outcome(record_id, actual, typed["what_happened"], at)
        except InvalidInput as exc:
            return _check_page(request, checks.get(record_id), typed, exc, status=422)
    return see_other(f"/reality-checks/{record_id}?notice=compared")


@router.post("/reality-checks/{record_id}/delete")
def delete_reality_check(
    request: Request, record_id: int, ws: WorkspaceDep, token: Csrf = None
) -> RedirectResponse:
    check_form(request, token)
    growth.RealityChecks(ws).delete(record_id)
    return see_other("/reality-checks?notice=deleted")


def _checks_page(
    request: Request,
    ws: Workspace,
    typed: Typed,
    error: InvalidInput | None,
    notice: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    checks = growth.RealityChecks(ws).list()
    return render(
        request,
        "reality_checks.html",
        status,
        waiting=[check for check in checks if check.outcome is None],
        completed=[check for check in checks if check.outcome is not None],
        form=typed,
        error=error,
        notice=notice,
    )


def _check_page(
    request: Request,
    check: RealityCheck,
    typed: Typed,
    error: InvalidInput | None,
    notice: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return render(
        request, "reality_check.html", status, check=check, form=typed, error=error, notice=notice
    )
