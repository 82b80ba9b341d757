"""The trigger log in the browser: log what set off a strong feeling, read them back newest
first, change or delete one. Services are called as in ``api/v1/growth_routes``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from heartwise.domain.growth import Trigger
from heartwise.errors import InvalidInput
from heartwise.services import growth
from heartwise.services.workspace import Workspace
from heartwise.web.auth import session_token
from heartwise.web.deps import StateDep, WorkspaceDep, page_router
from heartwise.web.pages.growth_forms import Typed, TypedForm, local_input, moment, number
from heartwise.web.pages.routes import Csrf, render, see_other
from heartwise.web.security import check_form

router = page_router()
PAGE_SIZE = 20  # as the journal


@router.get("/triggers", response_class=HTMLResponse)
def triggers_page(
    request: Request,
    ws: WorkspaceDep,
    page: Annotated[int, Query(ge=1)] = 1,
    notice: str | None = None,
) -> HTMLResponse:
    return _log_page(request, ws, Typed(), None, page=page, notice=notice)


@router.post("/triggers", response_class=HTMLResponse)
def log_trigger(request: Request, state: StateDep, typed: TypedForm) -> Response:
    with state.workspace(session_token(request)) as ws:
        try:
            growth.Triggers(ws).create(**_fields(typed, ws.clock()))
        except InvalidInput as exc:
            return _log_page(request, ws, typed, exc, status=422)
    return see_other("/triggers?notice=saved")


@router.get("/triggers/{record_id}/edit", response_class=HTMLResponse)
def edit_trigger_page(request: Request, record_id: int, ws: WorkspaceDep) -> HTMLResponse:
    trigger = growth.Triggers(ws).get(record_id)
    return _edit_page(request, ws, trigger, _typed(trigger), None)


@router.post("/triggers/{record_id}/edit", response_class=HTMLResponse)
def edit_trigger(request: Request, record_id: int, state: StateDep, typed: TypedForm) -> Response:
    with state.workspace(session_token(request)) as ws:
        triggers = growth.Triggers(ws)
        trigger = triggers.get(record_id)
        try:
            triggers.update(record_id, _fields(typed, ws.clock(), trigger.occurred_at))
        except InvalidInput as exc:
            return _edit_page(request, ws, trigger, typed, exc, status=422)
    return see_other("/triggers?notice=updated")


@router.post("/triggers/{record_id}/delete")
def delete_trigger(
    request: Request, record_id: int, ws: WorkspaceDep, token: Csrf = None
) -> RedirectResponse:
    check_form(request, token)
    growth.Triggers(ws).delete(record_id)
    return see_other("/triggers?notice=deleted")


def _fields(typed: Typed, now: datetime, original: datetime | None = None) -> dict[str, Any]:
    """The service's fields from the form; a category of one's own wins over the list."""
    return {
        "situation": typed["situation"],
        "category": typed["own_category"].strip() or typed["category"],
        "emotion": typed["emotion"],
        "intensity": number(typed["intensity"]),
        "urge": typed["urge"],
        "what_i_did": typed["what_i_did"],
        "occurred_at": moment(typed["occurred_at"], now, original=original),
    }


def _typed(trigger: Trigger) -> Typed:
    return Typed(
        {
            "situation": trigger.situation,
            "category": trigger.category,
            "emotion": trigger.emotion,
            "intensity": str(trigger.intensity),
            "urge": trigger.urge or "",
            "what_i_did": trigger.what_i_did or "",
            "occurred_at": local_input(trigger.occurred_at),
        }
    )


def _log_page(
    request: Request,
    ws: Workspace,
    typed: Typed,
    error: InvalidInput | None,
    *,
    page: int = 1,
    notice: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    logged = growth.Triggers(ws).list()
    pages = max(1, -(-len(logged) // PAGE_SIZE))
    return render(
        request,
        "triggers.html",
        status,
        triggers=logged[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        total=len(logged),
        page=page,
        pages=pages,
        form=typed,
        category_options=_category_options(ws),
        error=error,
        notice=notice,
    )


def _edit_page(
    request: Request,
    ws: Workspace,
    trigger: Trigger,
    typed: Typed,
    error: InvalidInput | None,
    status: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "trigger_edit.html",
        status,
        trigger=trigger,
        form=typed,
        category_options=_category_options(ws),
        error=error,
    )


def _category_options(ws: Workspace) -> list[tuple[str, str]]:
    return [("", "Choose one…"), *((name, name) for name in growth.categories(ws))]
