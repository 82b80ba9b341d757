"""/api/v1/auth and /api/v1/partner: accounts, sessions and partners (server mode).

On a journal on this machine (the default) these answer 404 with a message that says
where they live; the local journal has its passphrase lock instead.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import Request, Response

from heartwise.domain.time import to_epoch
from heartwise.services import accounts, partners, shareable, sharing
from heartwise.services.workspace import Workspace
from heartwise.web.api.v1.common import api_router
from heartwise.web.api.v1.schemas import (
    AcceptIn,
    AccountOut,
    Credentials,
    InviteOut,
    PartnerOut,
    PasswordChange,
    PasswordIn,
    RecoverIn,
    RecoverOut,
    SharedItemOut,
    ShareRuleIn,
    SignUpOut,
    TokenOut,
)
from heartwise.web.auth import client_address, session_token
from heartwise.web.deps import AccountDep, StateDep

router = api_router()


def _now(state: StateDep) -> int:
    return to_epoch(state.clock())


@router.post("/auth/signup", status_code=201, response_model=SignUpOut, tags=["accounts"])
def sign_up(body: Credentials, state: StateDep) -> SignUpOut:
    """Create an account. The answer holds its recovery key, shown this once."""
    state.require_server()
    with state.database() as db:
        created = accounts.sign_up(db, body.email, body.password, _now(state))
    return SignUpOut(
        id=created.user_id,
        email=accounts.normalise_email(body.email),
        recovery_key=created.recovery_key,
    )


@router.post("/auth/login", response_model=TokenOut, tags=["accounts"])
def sign_in(body: Credentials, request: Request, state: StateDep) -> TokenOut:
    """A new session token. Too many wrong passwords pause further tries (429)."""
    state.require_server()
    with state.database() as db:
        signed_in = accounts.sign_in(
            db, body.email, body.password, client_address(request), _now(state)
        )
    return TokenOut(token=signed_in.token)


@router.post("/auth/logout", status_code=204, tags=["accounts"])
def sign_out(request: Request, ws: AccountDep) -> Response:
    """End this session: its token stops working at once."""
    token = session_token(request)
    assert token is not None  # the workspace dependency has checked it
    accounts.sign_out(ws.db, token)
    return Response(status_code=204)


@router.get("/auth/me", response_model=AccountOut, tags=["accounts"])
def me(ws: AccountDep) -> AccountOut:
    return AccountOut(id=ws.owner_id, email=accounts.email_of(ws))


@router.post("/auth/password", response_model=TokenOut, tags=["accounts"])
def change_password(body: PasswordChange, request: Request, ws: AccountDep) -> TokenOut:
    """A new password. Every session ends; the answer holds this client's new token."""
    signed_in = accounts.change_password(
        ws, body.current_password, body.new_password, client_address(request)
    )
    return TokenOut(token=signed_in.token)


@router.post("/auth/recover", response_model=RecoverOut, tags=["accounts"])
def recover(body: RecoverIn, request: Request, state: StateDep) -> RecoverOut:
    """A forgotten password: the recovery key sets a new one and is itself replaced."""
    state.require_server()
    with state.database() as db:
        signed_in, fresh = accounts.recover(
            db,
            body.email,
            body.recovery_key,
            body.new_password,
            client_address(request),
            _now(state),
        )
    return RecoverOut(token=signed_in.token, recovery_key=fresh)


@router.delete("/auth/account", status_code=204, tags=["accounts"])
def delete_account(body: PasswordIn, request: Request, ws: AccountDep) -> Response:
    """Delete the account and everything in it. A linked partner keeps what is theirs."""
    accounts.delete_account(ws, body.password, client_address(request))
    return Response(status_code=204)


# -- partners --------------------------------------------------------------------------------


def _partner_out(ws: Workspace) -> PartnerOut:
    status = partners.status(ws)
    return PartnerOut(
        linked=status.linked,
        partner_email=status.partner_email,
        shared_kinds=sorted(sharing.shared_kinds(ws)),
    )


@router.get("/partner", response_model=PartnerOut, tags=["partners"])
def partner(ws: AccountDep) -> PartnerOut:
    return _partner_out(ws)


@router.post("/partner/invite", status_code=201, response_model=InviteOut, tags=["partners"])
def invite(ws: AccountDep) -> InviteOut:
    """A one-time code for your partner, valid for 48 hours."""
    made = partners.invite(ws)
    return InviteOut(code=made.code, expires_at=datetime.fromtimestamp(made.expires_at, UTC))


@router.post("/partner/accept", response_model=PartnerOut, tags=["partners"])
def accept(body: AcceptIn, ws: AccountDep) -> PartnerOut:
    partners.accept(ws, body.code)
    return _partner_out(ws)


@router.delete("/partner", status_code=204, tags=["partners"])
def unlink(ws: AccountDep) -> Response:
    """Unlink: from the next request on, neither of you sees anything of the other's."""
    partners.unlink(ws)
    return Response(status_code=204)


@router.get("/partner/shared", response_model=list[SharedItemOut], tags=["partners"])
def shared_with_me(ws: AccountDep) -> list[SharedItemOut]:
    """What your partner shares with you, most recently changed first."""
    return [
        SharedItemOut(id=item.id, kind=item.kind, updated_at=item.updated_at, item=item.body)
        for item in sharing.shared_with_me(ws)
    ]


@router.put("/partner/sharing/{kind}", response_model=PartnerOut, tags=["partners"])
def share_kind(kind: str, body: ShareRuleIn, ws: AccountDep) -> PartnerOut:
    """Share every item of a kind, those to come included (``{"shared": true}``), or stop."""
    sharing.check_kind(kind)
    items = shareable.existing_items(ws, kind) if body.shared else iter(())
    sharing.set_kind_rule(ws, kind, body.shared, items)
    return _partner_out(ws)
