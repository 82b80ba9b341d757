"""The pages of a heartwise server: accounts, partners, and what a partner shares.

They call the same services as ``api/v1/account_routes`` in the same way; on a journal on
this machine every one of them answers 404 with a page that says where they live. A form
refused by a service is shown again with its message and nothing changed; a password is
never written back into a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, Response

from heartwise.domain.time import to_epoch
from heartwise.errors import (
    Conflict,
    HeartwiseError,
    InvalidInput,
    NotSignedIn,
    TooManyAttempts,
)
from heartwise.services import accounts, partners, shareable, sharing
from heartwise.services.journal import KIND as ENTRY_KIND
from heartwise.services.journal import Journal
from heartwise.services.sharing import SharedItem
from heartwise.services.workspace import Workspace
from heartwise.storage.database import Database
from heartwise.web.auth import (
    clear_session_cookie,
    client_address,
    session_token,
    set_session_cookie,
)
from heartwise.web.deps import StateDep, page_router
from heartwise.web.pages.routes import Csrf, render, see_other
from heartwise.web.security import check_form
from heartwise.web.state import AppState

router = page_router(signed_in_only=False)
Text = Annotated[str, Form()]


def _refused(
    request: Request, template: str, error: HeartwiseError, **context: Any
) -> HTMLResponse:
    """The form again, with the service's message and the status that goes with it."""
    return _with_wait(render(request, template, error.status, error=error, **context), error)


def _with_wait(response: HTMLResponse, error: HeartwiseError) -> HTMLResponse:
    if isinstance(error, TooManyAttempts):
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def _opened(request: Request, state: AppState) -> AbstractContextManager[Workspace]:
    """The signed-in account's workspace (a journal on this machine has none: 404)."""
    state.require_server()
    return state.workspace(session_token(request))


def _server_form(request: Request, state: AppState, token: str | None) -> None:
    """A form post on a server, with this app's CSRF token and from its own pages."""
    state.require_server()
    check_form(request, token)


def _checked(
    request: Request, state: AppState, token: str | None
) -> AbstractContextManager[Workspace]:
    """The signed-in account's workspace for a form post that passed ``_server_form``."""
    _server_form(request, state, token)
    return state.workspace(session_token(request))


def _now(state: AppState) -> int:
    return to_epoch(state.clock())


def _switch(raw: str, field: str) -> bool:
    if raw in ("on", "off"):
        return raw == "on"
    raise InvalidInput("Please choose on or off.", field=field)


def _confirmed(raw: str, what: str) -> None:
    if raw != "on":
        raise InvalidInput(
            f"Please tick the box to confirm that you want to {what}.", field="confirm"
        )


# -- signing up, in and out ------------------------------------------------------------------


@router.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request, state: StateDep) -> HTMLResponse:
    state.require_server()
    return render(request, "signup.html", signed_out=True, error=None, email="")


@router.post("/signup", response_class=HTMLResponse)
def signup(
    request: Request, state: StateDep, email: Text = "", password: Text = "", token: Csrf = None
) -> HTMLResponse:
    _server_form(request, state, token)
    try:
        with state.database() as db:
            created = accounts.sign_up(db, email, password, _now(state))
            signed_in = _sign_in_after_sign_up(request, state, db, email, password)
    except InvalidInput as exc:
        return _refused(request, "signup.html", exc, signed_out=True, email=email)
    response = render(
        request,
        "recovery_key.html",
        key=created.recovery_key,
        first=True,
        signed_out=signed_in is None,
    )
    if signed_in is not None:
        set_session_cookie(request, response, signed_in.token)
    return response


def _sign_in_after_sign_up(
    request: Request, state: AppState, db: Database, email: str, password: str
) -> accounts.SignedIn | None:
    """The new account's first session; if sign-ins from this address are paused, none,
    so that the recovery key, shown only once, is still shown."""
    try:
        return accounts.sign_in(db, email, password, client_address(request), _now(state))
    except TooManyAttempts:
        return None


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, state: StateDep, notice: str | None = None) -> HTMLResponse:
    state.require_server()
    return render(request, "login.html", signed_out=True, error=None, email="", notice=notice)


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request, state: StateDep, email: Text = "", password: Text = "", token: Csrf = None
) -> Response:
    _server_form(request, state, token)
    try:
        with state.database() as db:
            signed_in = accounts.sign_in(db, email, password, client_address(request), _now(state))
    except (NotSignedIn, TooManyAttempts) as exc:
        return _refused(request, "login.html", exc, signed_out=True, email=email, notice=None)
    response = see_other("/")
    set_session_cookie(request, response, signed_in.token)
    return response


@router.post("/logout")
def logout(request: Request, state: StateDep, token: Csrf = None) -> Response:
    """Ends this session at once; without one there is nothing to end, and that is fine."""
    _server_form(request, state, token)
    session = session_token(request)
    if session:
        with state.database() as db:
            accounts.sign_out(db, session)
    response = see_other("/login?notice=signed_out")
    clear_session_cookie(request, response)
    return response


@router.get("/recover", response_class=HTMLResponse)
def recover_page(request: Request, state: StateDep) -> HTMLResponse:
    state.require_server()
    return render(request, "recover.html", signed_out=True, error=None, email="")


@router.post("/recover", response_class=HTMLResponse)
def recover(
    request: Request,
    state: StateDep,
    email: Text = "",
    recovery_key: Text = "",
    new_password: Text = "",
    token: Csrf = None,
) -> HTMLResponse:
    _server_form(request, state, token)
    address = client_address(request)
    try:
        with state.database() as db:
            signed_in, fresh = accounts.recover(
                db, email, recovery_key, new_password, address, _now(state)
            )
    except (InvalidInput, TooManyAttempts) as exc:
        return _refused(request, "recover.html", exc, signed_out=True, email=email)
    response = render(request, "recovery_key.html", key=fresh, first=False)
    set_session_cookie(request, response, signed_in.token)
    return response


# -- the account -----------------------------------------------------------------------------


def _account_page(
    request: Request, ws: Workspace, status: int = 200, **context: Any
) -> HTMLResponse:
    shown: dict[str, Any] = {"notice": None, "password_error": None, "delete_error": None}
    shown.update(context)
    return render(request, "account.html", status, email=accounts.email_of(ws), **shown)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, state: StateDep, notice: str | None = None) -> HTMLResponse:
    with _opened(request, state) as ws:
        return _account_page(request, ws, notice=notice)


@router.post("/account/password", response_class=HTMLResponse)
def change_password(
    request: Request,
    state: StateDep,
    current_password: Text = "",
    new_password: Text = "",
    token: Csrf = None,
) -> Response:
    """Every other session of the account ends; this browser gets the new one."""
    with _checked(request, state, token) as ws:
        try:
            signed_in = accounts.change_password(
                ws, current_password, new_password, client_address(request)
            )
        except (InvalidInput, TooManyAttempts) as exc:
            return _with_wait(_account_page(request, ws, exc.status, password_error=exc), exc)
    response = see_other("/account?notice=password")
    set_session_cookie(request, response, signed_in.token)
    return response


@router.post("/account/delete", response_class=HTMLResponse)
def delete_account(
    request: Request, state: StateDep, password: Text = "", confirm: Text = "", token: Csrf = None
) -> HTMLResponse:
    with _checked(request, state, token) as ws:
        try:
            _confirmed(confirm, "delete your account and everything in it")
            accounts.delete_account(ws, password, client_address(request))
        except (InvalidInput, TooManyAttempts) as exc:
            return _with_wait(_account_page(request, ws, exc.status, delete_error=exc), exc)
    response = render(request, "goodbye.html", signed_out=True)
    clear_session_cookie(request, response)
    return response


# -- partners --------------------------------------------------------------------------------


def _partner_page(
    request: Request, ws: Workspace, status: int = 200, **context: Any
) -> HTMLResponse:
    shown: dict[str, Any] = {"notice": None, "invite": None, "error": None}
    shown.update(context)
    return render(
        request,
        "partner.html",
        status,
        partner=partners.status(ws),
        sharing_every_entry=ENTRY_KIND in sharing.shared_kinds(ws),
        **shown,
    )


@router.get("/partner", response_class=HTMLResponse)
def partner_page(request: Request, state: StateDep, notice: str | None = None) -> HTMLResponse:
    with _opened(request, state) as ws:
        return _partner_page(request, ws, notice=notice)


@dataclass(frozen=True)
class ShownInvite:
    code: str
    expires_at: datetime


@router.post("/partner/invite", response_class=HTMLResponse)
def invite(request: Request, state: StateDep, token: Csrf = None) -> HTMLResponse:
    """The code is shown on this answer only; a new one replaces it."""
    with _checked(request, state, token) as ws:
        try:
            made = partners.invite(ws)
        except Conflict as exc:
            return _partner_page(request, ws, exc.status, error=exc)
        expires = datetime.fromtimestamp(made.expires_at, tz=ws.clock().tzinfo)
        return _partner_page(request, ws, invite=ShownInvite(made.code, expires))


@router.post("/partner/accept", response_class=HTMLResponse)
def accept(request: Request, state: StateDep, code: Text = "", token: Csrf = None) -> Response:
    with _checked(request, state, token) as ws:
        try:
            partners.accept(ws, code)
        except (InvalidInput, Conflict) as exc:
            return _partner_page(request, ws, exc.status, error=exc)
    return see_other("/partner?notice=linked")


@router.post("/partner/sharing", response_class=HTMLResponse)
def share_every(
    request: Request, state: StateDep, kind: Text = "", shared: Text = "", token: Csrf = None
) -> Response:
    """Share every item of a kind, those to come included, or stop: as the API does."""
    with _checked(request, state, token) as ws:
        try:
            on = _switch(shared, "shared")
            sharing.check_kind(kind)
            items = shareable.existing_items(ws, kind) if on else iter(())
            sharing.set_kind_rule(ws, kind, on, items)
        except (InvalidInput, Conflict) as exc:
            return _partner_page(request, ws, exc.status, error=exc)
    return see_other(f"/partner?notice=sharing_{'on' if on else 'off'}")


@router.post("/partner/unlink", response_class=HTMLResponse)
def unlink(request: Request, state: StateDep, confirm: Text = "", token: Csrf = None) -> Response:
    with _checked(request, state, token) as ws:
        try:
            _confirmed(confirm, "unlink")
        except InvalidInput as exc:
            return _partner_page(request, ws, exc.status, error=exc)
        partners.unlink(ws)
    return see_other("/partner?notice=unlinked")


# -- what is shared --------------------------------------------------------------------------


@dataclass(frozen=True)
class SharedEntry:
    """An entry of the partner's, as /us shows it."""

    occurred_at: datetime
    mood: int | None
    text: str


def _shared_entries(items: Iterable[SharedItem]) -> Iterator[SharedEntry]:
    for item in items:
        if item.kind != ENTRY_KIND:
            continue
        body = item.body
        mood = body.get("mood")
        yield SharedEntry(
            occurred_at=datetime.fromisoformat(str(body.get("occurred_at"))),
            mood=mood if isinstance(mood, int) else None,
            text=str(body.get("text", "")),
        )


@router.get("/us", response_class=HTMLResponse)
def us_page(request: Request, state: StateDep) -> HTMLResponse:
    with _opened(request, state) as ws:
        partner = partners.status(ws)
        shared = sorted(
            _shared_entries(sharing.shared_with_me(ws)),
            key=lambda e: e.occurred_at,
            reverse=True,
        )
        return render(request, "us.html", partner=partner, entries=shared)


@router.post("/entries/{entry_id}/share")
def share_entry(
    request: Request, entry_id: int, state: StateDep, shared: Text = "", token: Csrf = None
) -> Response:
    """Share one entry with the partner, or stop; the entry page shows which."""
    with _checked(request, state, token) as ws:
        on = _switch(shared, "shared")
        entry = Journal(ws).get(entry_id)
        sharing.set_shared(ws, ENTRY_KIND, entry.id, entry.to_dict(), on)
    return see_other(f"/entries/{entry_id}?notice={'shared' if on else 'unshared'}")
