"""The pages: timeline, write, read, edit, trash, search, export and import."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from heartwise.domain.time import parse_day
from heartwise.errors import HeartwiseError, InvalidInput
from heartwise.services import backup, partners, sharing
from heartwise.services.journal import KIND as ENTRY_KIND
from heartwise.services.journal import Journal
from heartwise.services.journal import Query as EntryQuery
from heartwise.services.safety import crisis_resources
from heartwise.services.workspace import Workspace
from heartwise.web.auth import session_token
from heartwise.web.deps import FormDep, JournalDep, StateDep, page_router
from heartwise.web.downloads import export_response
from heartwise.web.pages.forms import EntryForm, entry_reading
from heartwise.web.security import CSRF_COOKIE, check_form, csrf_token

router = page_router()
PAGE_SIZE = 20
Csrf = Annotated[str | None, Form(alias="csrf_token")]


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    token = csrf_token(request)
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, {"csrf_token": token, **context}, status_code=status
    )
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(
            CSRF_COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
    return response


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _filters(tag: str | None, start: str | None, end: str | None) -> dict[str, Any]:
    return {
        "tag": tag.strip() if tag and tag.strip() else None,
        "start": parse_day(start, field="from") if start else None,
        "end": parse_day(end, field="to", end_of_day=True) if end else None,
    }


# -- timeline and entries ------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def timeline(
    request: Request,
    journal: JournalDep,
    page: Annotated[int, Query(ge=1)] = 1,
    tag: str | None = None,
    start: Annotated[str | None, Query(alias="from")] = None,
    end: Annotated[str | None, Query(alias="to")] = None,
    notice: str | None = None,
    undo: int | None = None,
) -> HTMLResponse:
    query = EntryQuery(**_filters(tag, start, end), limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    result = journal.page(query)
    pages = max(1, -(-result.total // PAGE_SIZE))
    return render(
        request,
        "timeline.html",
        entries=result.entries,
        total=result.total,
        page=page,
        pages=pages,
        tag=tag or "",
        start=start or "",
        end=end or "",
        notice=notice,
        undo=undo,
    )


@router.get("/entries/new", response_class=HTMLResponse)
def new_entry(request: Request) -> HTMLResponse:
    return render(request, "entry_form.html", form=EntryForm(), entry=None, error=None)


@router.post("/entries", response_class=HTMLResponse)
def create_entry(request: Request, state: StateDep, form_data: FormDep) -> Response:
    check_form(request, _field(form_data, "csrf_token"))
    form = EntryForm.from_form(form_data)
    with state.workspace(session_token(request)) as ws:
        try:
            entry = Journal(ws).add(form.to_draft(ws.clock()))
        except InvalidInput as exc:
            return render(request, "entry_form.html", 422, form=form, entry=None, error=exc)
    return see_other(f"/entries/{entry.id}?notice=saved")


def _field(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


@router.get("/entries/{entry_id}", response_class=HTMLResponse)
def show_entry(
    request: Request, entry_id: int, journal: JournalDep, notice: str | None = None
) -> HTMLResponse:
    entry = journal.get(entry_id)
    reading = entry_reading(journal.ws, entry)
    return render(
        request,
        "entry.html",
        entry=entry,
        notice=notice,
        reading=reading,
        resources=crisis_resources(journal.ws.settings.locale),
        **_sharing_of(journal.ws, entry_id),
    )


def _sharing_of(ws: Workspace, entry_id: int) -> dict[str, bool]:
    """Whether the entry page offers sharing (on a server, with a linked partner), and
    whether this entry is shared now."""
    if not ws.settings.multi_user or not partners.status(ws).linked:
        return {"can_share": False, "shared": False}
    return {"can_share": True, "shared": entry_id in sharing.shared_ids(ws, ENTRY_KIND, [entry_id])}


@router.get("/entries/{entry_id}/edit", response_class=HTMLResponse)
def edit_entry_form(request: Request, entry_id: int, journal: JournalDep) -> HTMLResponse:
    entry = journal.get(entry_id)
    return render(
        request, "entry_form.html", form=EntryForm.from_entry(entry), entry=entry, error=None
    )


@router.post("/entries/{entry_id}/edit", response_class=HTMLResponse)
def edit_entry(request: Request, entry_id: int, state: StateDep, form_data: FormDep) -> Response:
    check_form(request, _field(form_data, "csrf_token"))
    form = EntryForm.from_form(form_data)
    with state.workspace(session_token(request)) as ws:
        journal = Journal(ws)
        entry = journal.get(entry_id)
        try:
            draft = form.to_draft(ws.clock(), original=entry)
        except InvalidInput as exc:
            return render(request, "entry_form.html", 422, form=form, entry=entry, error=exc)
        journal.edit(
            entry_id,
            {
                "text": draft.text,
                "occurred_at": draft.occurred_at,
                "mood": draft.mood,
                "emotions": draft.emotions,
                "tags": draft.tags,
            },
        )
    return see_other(f"/entries/{entry_id}?notice=updated")


@router.post("/entries/{entry_id}/delete")
def delete_entry(
    request: Request, entry_id: int, journal: JournalDep, token: Csrf = None
) -> RedirectResponse:
    check_form(request, token)
    journal.delete(entry_id)
    return see_other(f"/?notice=deleted&undo={entry_id}")


@router.get("/trash", response_class=HTMLResponse)
def trash(request: Request, journal: JournalDep, notice: str | None = None) -> HTMLResponse:
    return render(request, "trash.html", entries=journal.trash(), notice=notice)


@router.post("/trash/{entry_id}/restore")
def restore(
    request: Request, entry_id: int, journal: JournalDep, token: Csrf = None
) -> RedirectResponse:
    check_form(request, token)
    journal.restore(entry_id)
    return see_other(f"/entries/{entry_id}?notice=restored")


# -- search --------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    journal: JournalDep,
    q: str = "",
    tag: str | None = None,
    start: Annotated[str | None, Query(alias="from")] = None,
    end: Annotated[str | None, Query(alias="to")] = None,
) -> HTMLResponse:
    hits, error = [], None
    if q.strip():
        try:
            hits = journal.search(q, EntryQuery(**_filters(tag, start, end), limit=50))
        except InvalidInput as exc:
            error = exc
    return render(
        request,
        "search.html",
        q=q,
        hits=hits,
        tag=tag or "",
        start=start or "",
        end=end or "",
        error=error,
        searched=bool(q.strip()),
    )


# -- export and import ---------------------------------------------------------------------


@router.get("/export", response_class=HTMLResponse)
def export_page(request: Request) -> HTMLResponse:
    return render(request, "export.html")


@router.get("/export/download")
def export_download(
    request: Request,
    state: StateDep,
    fmt: Annotated[str, Query(alias="format", pattern="^(json|md|csv)$")] = "json",
) -> StreamingResponse:
    return export_response(state, fmt, session_token(request))


@router.get("/import", response_class=HTMLResponse)
def import_page(request: Request) -> HTMLResponse:
    return render(request, "import.html", error=None, imported=None)


@router.post("/import", response_class=HTMLResponse)
def import_upload(
    request: Request,
    state: StateDep,
    file: UploadFile,
    source: Annotated[str, Form()] = "heartwise",
    token: Csrf = None,
) -> HTMLResponse:
    check_form(request, token)
    try:
        with state.workspace(session_token(request)) as ws:
            count = backup.import_file(Journal(ws), source, file.file)
    except HeartwiseError as exc:
        return render(request, "import.html", 422, error=exc, imported=None)
    return render(request, "import.html", error=None, imported=count)
