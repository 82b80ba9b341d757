"""Linking two accounts: a one-time invite code, the couple key, unlinking.

The code is 80 random bits, kept only as a hash, usable once, for 48 hours. Accepting it
makes a random couple key and wraps it for each member's X25519 public key. Unlinking
deletes the couple: memberships, shares and share rules go with it in one statement, so
it takes effect on the very next request.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from heartwise.domain.time import to_epoch
from heartwise.errors import Conflict, InvalidInput, NotFound
from heartwise.services.workspace import X25519_PUBLIC_PURPOSE, Workspace
from heartwise.storage import accounts as account_repo
from heartwise.storage import partners as repo
from heartwise.storage import users
from heartwise.vault import couple, keys

INVITE_LIFETIME = timedelta(hours=48)


@dataclass(frozen=True)
class Invite:
    code: str
    expires_at: int


@dataclass(frozen=True)
class PartnerStatus:
    linked: bool
    partner_email: str | None = None


def invite(ws: Workspace) -> Invite:
    """A new invite code; any earlier code of this person stops working."""
    _require_account(ws)
    if repo.couple_of(ws.db, ws.owner_id) is not None:
        raise Conflict("You are already linked with a partner. Unlink first to invite someone.")
    code = _format(base64.b32encode(secrets.token_bytes(10)).decode())
    now = to_epoch(ws.clock())
    expires = now + int(INVITE_LIFETIME.total_seconds())
    with ws.db.transaction():
        repo.delete_invites_of(ws.db, ws.owner_id)
        repo.insert_invite(ws.db, _code_hash(code), ws.owner_id, now, expires)
    return Invite(code, expires)


def accept(ws: Workspace, code: str) -> PartnerStatus:
    _require_account(ws)
    digest = _code_hash(code)
    found = repo.invite(ws.db, digest)
    now = to_epoch(ws.clock())
    if found is None or found[1] <= now:
        raise InvalidInput(
            "That invite code does not work: it may have been mistyped, already used, or "
            "expired (codes last 48 hours). Ask your partner for a new one.",
            field="code",
        )
    inviter_id = found[0]
    if inviter_id == ws.owner_id:
        raise InvalidInput(
            "That is your own invite code. Give it to your partner to enter in their account.",
            field="code",
        )
    if repo.couple_of(ws.db, ws.owner_id) is not None:
        raise Conflict("You are already linked with a partner. Unlink first to accept another.")
    if repo.couple_of(ws.db, inviter_id) is not None:
        raise Conflict("The person who invited you is already linked with someone else.")
    _link(ws, inviter_id, digest, now)
    return status(ws)


def _link(ws: Workspace, inviter_id: int, code_hash: bytes, now: int) -> None:
    couple_key = keys.new_key()
    with ws.db.transaction():
        repo.delete_invite(ws.db, code_hash)  # one use only, even if what follows fails
        repo.delete_invites_of(ws.db, ws.owner_id)
        couple_id = repo.create_couple(ws.db, now)
        for member in (inviter_id, ws.owner_id):
            public = users.wrapped_key(ws.db, member, X25519_PUBLIC_PURPOSE)
            assert public is not None, "every account has a key pair"
            wrapped = couple.wrap_for(public, couple_key, context=member_context(couple_id, member))
            repo.add_member(ws.db, couple_id, member, wrapped)
    ws.memo.clear()  # the partner link changed: what this request remembered is stale


def unlink(ws: Workspace) -> None:
    couple_id = repo.couple_of(ws.db, ws.owner_id)
    if couple_id is None:
        raise NotFound("You are not linked with a partner.")
    with ws.db.transaction():
        repo.delete_couple(ws.db, couple_id)
    ws.memo.clear()  # the partner link changed: what this request remembered is stale


def status(ws: Workspace) -> PartnerStatus:
    membership = repo.membership(ws.db, ws.owner_id)
    if membership is None:
        return PartnerStatus(linked=False)
    partner = account_repo.account_by_id(ws.db, membership.partner_id)
    return PartnerStatus(linked=True, partner_email=partner.email if partner else None)


def member_context(couple_id: int, user_id: int) -> bytes:
    return f"heartwise/couple/v1/{couple_id}/{user_id}".encode()


def _require_account(ws: Workspace) -> None:
    if account_repo.account_by_id(ws.db, ws.owner_id) is None:
        raise NotFound(
            "Partners link accounts on a heartwise server (heartwise serve --multi-user); "
            "a journal on this machine alone has no partner to share with."
        )


def _format(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def _code_hash(code: str) -> bytes:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(b"heartwise invite v1\x00" + cleaned.encode()).digest()
