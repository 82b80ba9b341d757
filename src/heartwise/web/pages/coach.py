"""The pages for talking with a partner: the message coach, the "I feel" builder,
conversation plans, expectations and ways of showing affection, under one "Talk" hub.

They call the same services as ``api/v1/coach_routes``. A form a service refuses comes
back with its message, a 422 and everything typed; nothing is stored. The coach stores
nothing at all: a draft is read, marked and forgotten.
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, Response

from heartwise.errors import Conflict, InvalidInput
from heartwise.services import partners, shareable, sharing
from heartwise.services.affection import KIND as AFFECTION_KIND
from heartwise.services.affection import AffectionProfiles
from heartwise.services.coach import coach_message, filled_rewrite
from heartwise.services.coach_log import (
    ConversationPlans,
    Expectations,
    IFeelStatements,
    check_expectation_text,
    ifeel_choices,
    preview_ifeel,
)
from heartwise.services.growth_log import RecordLog
from heartwise.services.safety import crisis_resources
from heartwise.services.workspace import Workspace
from heartwise.web.deps import FormDep, WorkspaceDep, page_router
from heartwise.web.pages.coach_forms import AffectionForm, IFeelForm, PlanForm, optional
from heartwise.web.pages.routes import Csrf, render, see_other
from heartwise.web.security import check_form

router = page_router()
Text = Annotated[str, Form()]


def _share_state(ws: Workspace, kind: str, record_id: int) -> dict[str, bool]:
    """Whether a record's page offers sharing (with a linked partner), and whether it is
    shared now."""
    if not ws.settings.multi_user or not partners.status(ws).linked:
        return {"can_share": False, "shared": False}
    return {"can_share": True, "shared": record_id in sharing.shared_ids(ws, kind, [record_id])}


def _switch(raw: str) -> bool:
    if raw in ("on", "off"):
        return raw == "on"
    raise InvalidInput("Please choose on or off.", field="shared")


# -- the hub ---------------------------------------------------------------------------------


@router.get("/talk", response_class=HTMLResponse)
def talk(request: Request) -> HTMLResponse:
    return render(request, "talk.html")


# -- the message coach -----------------------------------------------------------------------


@router.get("/coach", response_class=HTMLResponse)
def coach_page(request: Request) -> HTMLResponse:
    return render(request, "coach.html", text="", result=None, error=None)


@router.post("/coach", response_class=HTMLResponse)
def coach_draft(
    request: Request,
    ws: WorkspaceDep,
    text: Text = "",
    feeling: Text = "",
    request_choice: Annotated[str, Form(alias="request")] = "",
    token: Csrf = None,
) -> HTMLResponse:
    """Read the draft; with the person's choices, the rewrite is filled in."""
    check_form(request, token)
    text = text.replace("\r\n", "\n")
    try:
        result = coach_message(text)
        filled = filled_rewrite(result, feeling or None, request_choice or None)
    except InvalidInput as exc:
        return render(request, "coach.html", 422, text=text, result=None, error=exc)
    return render(
        request,
        "coach.html",
        text=text,
        result=result,
        filled=filled,
        chose={"feeling": feeling, "request": request_choice},
        crisis={"level": result.crisis, "kinds": ()},
        resources=crisis_resources(ws.settings.locale),
        error=None,
    )


# -- "I feel" statements ---------------------------------------------------------------------


def _builder(request: Request, form: IFeelForm, status: int = 200, **context: Any) -> HTMLResponse:
    defaults: dict[str, Any] = {"statement": None, "flags": None, "parts": None, "error": None}
    return render(
        request, "ifeel_form.html", status, form=form, lists=ifeel_choices(), **defaults | context
    )


@router.get("/ifeel", response_class=HTMLResponse)
def ifeel_list(request: Request, ws: WorkspaceDep, notice: str | None = None) -> HTMLResponse:
    return render(request, "ifeel.html", statements=IFeelStatements(ws).list(), notice=notice)


@router.get("/ifeel/new", response_class=HTMLResponse)
def ifeel_new(request: Request) -> HTMLResponse:
    return _builder(request, IFeelForm())


@router.post("/ifeel/preview", response_class=HTMLResponse)
def ifeel_preview(request: Request, form_data: FormDep) -> HTMLResponse:
    """The three phrasings and the flags of each part; nothing is stored."""
    check_form(request, _token(form_data))
    form = IFeelForm.from_form(form_data)
    try:
        preview = preview_ifeel(**form.parts())
    except InvalidInput as exc:
        return _builder(request, form, 422, error=exc)
    shown = form.with_phrasings(preview.phrasings)
    return _builder(request, shown, flags=preview.flags, parts=preview.parts)


@router.post("/ifeel", response_class=HTMLResponse)
def ifeel_create(request: Request, ws: WorkspaceDep, form_data: FormDep) -> Response:
    check_form(request, _token(form_data))
    form = IFeelForm.from_form(form_data)
    parts = form.parts()
    try:
        statement = IFeelStatements(ws).create(
            str(parts.pop("feeling")), str(parts.pop("situation")), **parts, text=form.chosen_text()
        )
    except InvalidInput as exc:
        return _builder(request, form, 422, error=exc)
    return see_other(f"/ifeel/{statement.id}?notice=saved")


@router.get("/ifeel/{record_id}", response_class=HTMLResponse)
def ifeel_detail(
    request: Request, record_id: int, ws: WorkspaceDep, notice: str | None = None
) -> HTMLResponse:
    statement = IFeelStatements(ws).get(record_id)
    return _ifeel_page(request, ws, statement, notice=notice)


def _ifeel_page(
    request: Request, ws: Workspace, statement: Any, status: int = 200, **context: Any
) -> HTMLResponse:
    return render(
        request,
        "ifeel_detail.html",
        status,
        statement=statement,
        checks=statement.checks(),
        **{"notice": None, "error": None, "typed": {}} | context,
        **_share_state(ws, IFeelStatements.kind, statement.id),
    )


@router.post("/ifeel/{record_id}/outcome", response_class=HTMLResponse)
def ifeel_outcome(
    request: Request,
    record_id: int,
    ws: WorkspaceDep,
    sent: Text = "",
    how_it_went: Text = "",
    token: Csrf = None,
) -> Response:
    check_form(request, token)
    log = IFeelStatements(ws)
    statement = log.get(record_id)
    try:
        log.record_outcome(record_id, _yes_or_no(sent), optional(how_it_went))
    except InvalidInput as exc:
        typed = {"sent": sent, "how_it_went": how_it_went}
        return _ifeel_page(request, ws, statement, 422, error=exc, typed=typed)
    return see_other(f"/ifeel/{record_id}?notice=outcome")


@router.get("/ifeel/{record_id}/edit", response_class=HTMLResponse)
def ifeel_edit_form(request: Request, record_id: int, ws: WorkspaceDep) -> HTMLResponse:
    statement = IFeelStatements(ws).get(record_id)
    return _builder(request, IFeelForm.from_statement(statement), statement=statement)


@router.post("/ifeel/{record_id}/edit", response_class=HTMLResponse)
def ifeel_edit(request: Request, record_id: int, ws: WorkspaceDep, form_data: FormDep) -> Response:
    check_form(request, _token(form_data))
    form = IFeelForm.from_form(form_data)
    log = IFeelStatements(ws)
    statement = log.get(record_id)
    try:
        log.update(record_id, {**form.parts(), "text": optional(form.text)})
    except InvalidInput as exc:
        return _builder(request, form, 422, statement=statement, error=exc)
    return see_other(f"/ifeel/{record_id}?notice=updated")


def _yes_or_no(sent: str) -> bool:
    if sent not in ("yes", "no"):
        raise InvalidInput("Please say whether you sent it: yes or no.", field="sent")
    return sent == "yes"


def _token(form: Any) -> str | None:
    token = form.get("csrf_token")
    return token if isinstance(token, str) else None


# -- conversation plans ----------------------------------------------------------------------


@router.get("/conversations", response_class=HTMLResponse)
def conversations(request: Request, ws: WorkspaceDep, notice: str | None = None) -> HTMLResponse:
    plans = ConversationPlans(ws).list()
    return render(request, "conversations.html", plans=plans, notice=notice)


@router.get("/conversations/new", response_class=HTMLResponse)
def conversation_new(request: Request) -> HTMLResponse:
    return render(request, "conversations_form.html", form=PlanForm(), plan=None, error=None)


@router.post("/conversations", response_class=HTMLResponse)
def conversation_create(request: Request, ws: WorkspaceDep, form_data: FormDep) -> Response:
    check_form(request, _token(form_data))
    form = PlanForm.from_form(form_data)
    fields = form.fields()
    try:
        plan = ConversationPlans(ws).create(str(fields.pop("topic")), **fields)
    except InvalidInput as exc:
        return render(request, "conversations_form.html", 422, form=form, plan=None, error=exc)
    return see_other(f"/conversations/{plan.id}?notice=saved")


@router.get("/conversations/{record_id}", response_class=HTMLResponse)
def conversation_detail(
    request: Request, record_id: int, ws: WorkspaceDep, notice: str | None = None
) -> HTMLResponse:
    plan = ConversationPlans(ws).get(record_id)
    return _plan_page(request, ws, plan, notice=notice)


def _plan_page(
    request: Request, ws: Workspace, plan: Any, status: int = 200, **context: Any
) -> HTMLResponse:
    return render(
        request,
        "conversations_detail.html",
        status,
        plan=plan,
        flags=plan.opening_flags(),
        **{"notice": None, "error": None, "typed": {}} | context,
        **_share_state(ws, ConversationPlans.kind, plan.id),
    )


@router.post("/conversations/{record_id}/afterwards", response_class=HTMLResponse)
def conversation_afterwards(
    request: Request,
    record_id: int,
    ws: WorkspaceDep,
    rating: Text = "",
    agreed: Text = "",
    token: Csrf = None,
) -> Response:
    check_form(request, token)
    plans = ConversationPlans(ws)
    plan = plans.get(record_id)
    # Anything but a whole number goes on as typed, for the service to refuse in its words.
    number = int(rating) if rating.strip().isdigit() else rating
    try:
        plans.record_afterwards(record_id, cast(int, number), optional(agreed))
    except InvalidInput as exc:
        typed = {"rating": rating, "agreed": agreed}
        return _plan_page(request, ws, plan, 422, error=exc, typed=typed)
    return see_other(f"/conversations/{record_id}?notice=afterwards")


@router.get("/conversations/{record_id}/edit", response_class=HTMLResponse)
def conversation_edit_form(request: Request, record_id: int, ws: WorkspaceDep) -> HTMLResponse:
    plan = ConversationPlans(ws).get(record_id)
    form = PlanForm.from_plan(plan)
    return render(request, "conversations_form.html", form=form, plan=plan, error=None)


@router.post("/conversations/{record_id}/edit", response_class=HTMLResponse)
def conversation_edit(
    request: Request, record_id: int, ws: WorkspaceDep, form_data: FormDep
) -> Response:
    check_form(request, _token(form_data))
    form = PlanForm.from_form(form_data)
    plans = ConversationPlans(ws)
    plan = plans.get(record_id)
    try:
        plans.update(record_id, form.fields())
    except InvalidInput as exc:
        return render(request, "conversations_form.html", 422, form=form, plan=plan, error=exc)
    return see_other(f"/conversations/{record_id}?notice=updated")


# -- expectations ----------------------------------------------------------------------------


def _expectations_page(
    request: Request, ws: Workspace, status: int = 200, **context: Any
) -> HTMLResponse:
    defaults: dict[str, Any] = {"notice": None, "error": None, "check": None}
    defaults |= {"text": "", "note": ""}
    grouped = Expectations(ws).by_status()
    return render(request, "expectations.html", status, grouped=grouped, **defaults | context)


@router.get("/expectations", response_class=HTMLResponse)
def expectations(request: Request, ws: WorkspaceDep, notice: str | None = None) -> HTMLResponse:
    return _expectations_page(request, ws, notice=notice)


@router.post("/expectations", response_class=HTMLResponse)
def expectation_create(
    request: Request,
    ws: WorkspaceDep,
    text: Text = "",
    note: Text = "",
    action: Text = "save",
    token: Csrf = None,
) -> Response:
    """Save an expectation, or (``action=check``) only see its check and a softer wording."""
    check_form(request, token)
    try:
        if action == "check":
            check = check_expectation_text(text)
            return _expectations_page(request, ws, check=check, text=text, note=note)
        saved = Expectations(ws).create(text, note=optional(note))
    except InvalidInput as exc:
        return _expectations_page(request, ws, 422, error=exc, text=text, note=note)
    return see_other(f"/expectations/{saved.id}?notice=saved")


@router.get("/expectations/{record_id}", response_class=HTMLResponse)
def expectation_detail(
    request: Request, record_id: int, ws: WorkspaceDep, notice: str | None = None
) -> HTMLResponse:
    expectation = Expectations(ws).get(record_id)
    return _expectation_page(request, ws, expectation, notice=notice)


def _expectation_page(
    request: Request, ws: Workspace, expectation: Any, status: int = 200, **context: Any
) -> HTMLResponse:
    return render(
        request,
        "expectations_detail.html",
        status,
        expectation=expectation,
        check=expectation.to_dict()["check"],
        **{"notice": None, "error": None, "typed": None} | context,
        **_share_state(ws, Expectations.kind, expectation.id),
    )


@router.post("/expectations/{record_id}/edit", response_class=HTMLResponse)
def expectation_edit(
    request: Request,
    record_id: int,
    ws: WorkspaceDep,
    text: Text = "",
    note: Text = "",
    token: Csrf = None,
) -> Response:
    """Change the wording (a softer one offered by the check, or one's own) and the note."""
    check_form(request, token)
    log = Expectations(ws)
    expectation = log.get(record_id)
    try:
        log.update(record_id, {"text": text, "note": optional(note)})
    except InvalidInput as exc:
        typed = {"text": text, "note": note}
        return _expectation_page(request, ws, expectation, 422, error=exc, typed=typed)
    return see_other(f"/expectations/{record_id}?notice=updated")


@router.post("/expectations/{record_id}/status", response_class=HTMLResponse)
def expectation_status(
    request: Request, record_id: int, ws: WorkspaceDep, status: Text = "", token: Csrf = None
) -> Response:
    check_form(request, token)
    log = Expectations(ws)
    expectation = log.get(record_id)
    try:
        log.set_status(record_id, status)
    except InvalidInput as exc:
        return _expectation_page(request, ws, expectation, 422, error=exc)
    return see_other(f"/expectations/{record_id}?notice=status")


# -- deleting and sharing a record of any of the three logs ----------------------------------

_LOGS: dict[str, type[RecordLog[Any]]] = {
    "ifeel": IFeelStatements,
    "conversations": ConversationPlans,
    "expectations": Expectations,
}


def _record_routes(resource: str) -> None:
    make = _LOGS[resource]

    @router.post(f"/{resource}/{{record_id}}/delete", name=f"delete {resource}")
    def delete_record(
        request: Request, record_id: int, ws: WorkspaceDep, token: Csrf = None
    ) -> Response:
        check_form(request, token)
        make(ws).delete(record_id)
        return see_other(f"/{resource}?notice=deleted")

    @router.post(f"/{resource}/{{record_id}}/share", name=f"share {resource}")
    def share_record(
        request: Request, record_id: int, ws: WorkspaceDep, shared: Text = "", token: Csrf = None
    ) -> Response:
        """Share one record with the linked partner, or stop."""
        check_form(request, token)
        log = make(ws)
        record = log.get(record_id)
        on = _switch(shared)
        sharing.set_shared(ws, log.kind, record.id, record.to_dict(), on)
        return see_other(f"/{resource}/{record_id}?notice={'shared' if on else 'unshared'}")


for _resource in _LOGS:
    _record_routes(_resource)


# -- ways of showing affection ---------------------------------------------------------------


def _affection_page(
    request: Request, ws: Workspace, status: int = 200, **context: Any
) -> HTMLResponse:
    profiles = AffectionProfiles(ws)
    linked = ws.settings.multi_user and partners.status(ws).linked
    defaults: dict[str, Any] = {"notice": None, "error": None}
    if "form" not in context:
        defaults["form"] = AffectionForm.from_profile(profiles.get())
    return render(
        request,
        "affection.html",
        status,
        comparison=profiles.comparison(),
        can_share=linked,
        shared=linked and AFFECTION_KIND in sharing.shared_kinds(ws),
        **defaults | context,
    )


@router.get("/affection", response_class=HTMLResponse)
def affection(request: Request, ws: WorkspaceDep, notice: str | None = None) -> HTMLResponse:
    return _affection_page(request, ws, notice=notice)


@router.post("/affection", response_class=HTMLResponse)
def affection_save(request: Request, ws: WorkspaceDep, form_data: FormDep) -> Response:
    check_form(request, _token(form_data))
    form = AffectionForm.from_form(form_data)
    try:
        mine, guess = form.profiles()
        AffectionProfiles(ws).save(mine, guess)
    except InvalidInput as exc:
        return _affection_page(request, ws, 422, form=form, error=exc)
    return see_other("/affection?notice=saved")


@router.post("/affection/clear")
def affection_clear(request: Request, ws: WorkspaceDep, token: Csrf = None) -> Response:
    check_form(request, token)
    AffectionProfiles(ws).clear()
    return see_other("/affection?notice=cleared")


@router.post("/affection/share", response_class=HTMLResponse)
def affection_share(
    request: Request, ws: WorkspaceDep, shared: Text = "", token: Csrf = None
) -> Response:
    """Share the ratings with the linked partner (theirs then replace the guess on their
    side), or stop."""
    check_form(request, token)
    try:
        on = _switch(shared)
        items = shareable.existing_items(ws, AFFECTION_KIND) if on else iter(())
        sharing.set_kind_rule(ws, AFFECTION_KIND, on, items)
    except (InvalidInput, Conflict) as exc:
        return _affection_page(request, ws, exc.status, error=exc)
    return see_other(f"/affection?notice={'shared' if on else 'unshared'}")
