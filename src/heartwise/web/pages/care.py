"""Pages for what heartwise notices in an entry, the safety plan, and settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from heartwise.errors import InvalidInput
from heartwise.services import preferences
from heartwise.services.dismissals import Dismissals
from heartwise.services.safety import PLAN_SECTIONS, SafetyPlan, crisis_resources
from heartwise.web.auth import session_token
from heartwise.web.deps import FormDep, StateDep, page_router
from heartwise.web.pages.routes import Csrf, render, see_other
from heartwise.web.security import check_form

router = page_router()
# The passphrase lock of a journal on this machine; on a server these answer 404.
lock_router = page_router(signed_in_only=False)


@router.post("/entries/{entry_id}/dismiss")
def dismiss_finding(
    request: Request,
    entry_id: int,
    state: StateDep,
    label: Annotated[str, Form()],
    token: Csrf = None,
) -> RedirectResponse:
    check_form(request, token)
    with state.workspace(session_token(request)) as ws:
        from heartwise.services.journal import Journal

        Journal(ws).get(entry_id)  # a dismissal only for an entry that exists
        Dismissals(ws).dismiss(entry_id, label[:40])
    return see_other(f"/entries/{entry_id}?notice=dismissed")


@router.get("/safety-plan", response_class=HTMLResponse)
def safety_plan_page(request: Request, state: StateDep, notice: str | None = None) -> HTMLResponse:
    with state.workspace(session_token(request)) as ws:
        plan = SafetyPlan(ws).read()
    return render(
        request,
        "safety_plan.html",
        plan=plan,
        sections=PLAN_SECTIONS,
        resources=crisis_resources(state.settings.locale),
        notice=notice,
        error=None,
    )


@router.post("/safety-plan")
def save_safety_plan(request: Request, state: StateDep, form: FormDep) -> RedirectResponse:
    token = form.get("csrf_token")
    check_form(request, token if isinstance(token, str) else None)
    sections = {key: str(form.get(key) or "") for key, _, _ in PLAN_SECTIONS}
    with state.workspace(session_token(request)) as ws:
        SafetyPlan(ws).save(sections)
    return see_other("/safety-plan?notice=saved")


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request, state: StateDep, notice: str | None = None) -> HTMLResponse:
    with state.workspace(session_token(request)) as ws:
        enabled = preferences.analysis_enabled(ws)
    return render(
        request,
        "settings.html",
        analysis=enabled,
        notice=notice,
        locale=crisis_resources(state.settings.locale).locale,
        protected=state.is_protected,
    )


@router.post("/settings")
def save_settings(
    request: Request, state: StateDep, analysis: Annotated[str, Form()] = "off", token: Csrf = None
) -> RedirectResponse:
    check_form(request, token)
    with state.workspace(session_token(request)) as ws:
        preferences.set_analysis(ws, preferences.parse_switch(analysis))
    return see_other("/settings?notice=saved")


@lock_router.get("/unlock", response_class=HTMLResponse)
def unlock_page(request: Request, state: StateDep) -> HTMLResponse:
    state.require_local()
    return render(request, "unlock.html", error=None)


@lock_router.post("/unlock", response_class=HTMLResponse)
def unlock(
    request: Request, state: StateDep, passphrase: Annotated[str, Form()] = "", token: Csrf = None
) -> Response:
    check_form(request, token)
    try:
        state.unlock(passphrase)
    except InvalidInput as exc:
        return render(request, "unlock.html", 422, error=exc)
    return see_other("/")


@lock_router.post("/lock")
def lock_now(request: Request, state: StateDep, token: Csrf = None) -> RedirectResponse:
    check_form(request, token)
    state.lock_now()
    return see_other("/unlock")
