"""What one partner shares with the other: single items or every item of a kind.

A shared item is a copy sealed with the couple key, kept in step with its source: edits
update it, deleting or unsharing removes it, and unlinking removes them all. The partner
reads only these copies, never the owner's own rows, so everything else stays sealed
with a key the partner never has.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from heartwise.domain.time import from_epoch, to_epoch
from heartwise.errors import Conflict, InvalidInput
from heartwise.services.workspace import X25519_PURPOSE, Workspace
from heartwise.storage import partners as repo
from heartwise.storage import users
from heartwise.storage.partners import Membership, StoredShare
from heartwise.vault.sealer import Sealer

TABLE = "shares"
_MEMBERSHIP = "membership"
# Kinds a person can share; later features add theirs here.
SHAREABLE_KINDS = frozenset(
    {
        "entry",
        "trigger",
        "urge",
        "thought_record",
        "reality_check",
        "ifeel",
        "conversation",
        "expectation",
        "affection",
    }
)


@dataclass(frozen=True)
class SharedItem:
    id: int
    kind: str
    source_id: int
    updated_at: datetime
    body: dict[str, Any]


def note_membership(ws: Workspace, membership: Membership | None) -> None:
    """The partner link as read with the session, so this request need not ask again."""
    ws.memo[_MEMBERSHIP] = membership


def _membership(ws: Workspace) -> Membership | None:
    # Looked up once per request: imports write thousands of items through here.
    if _MEMBERSHIP not in ws.memo:
        ws.memo[_MEMBERSHIP] = repo.membership(ws.db, ws.owner_id)
    found = ws.memo[_MEMBERSHIP]
    assert found is None or isinstance(found, Membership)
    return found


def _couple_sealer(ws: Workspace, membership: Membership) -> Sealer:
    cached = ws.memo.get("couple_sealer")
    if isinstance(cached, Sealer):
        return cached
    from heartwise.services.partners import member_context
    from heartwise.vault import couple

    sealed_private = users.wrapped_key(ws.db, ws.owner_id, X25519_PURPOSE)
    assert sealed_private is not None, "every account has a key pair"
    private = ws.sealer.unseal("user_keys", ws.owner_id, X25519_PURPOSE, sealed_private)
    couple_key = couple.unwrap_with(
        private,
        membership.wrapped_key,
        context=member_context(membership.couple_id, ws.owner_id),
    )
    sealer = Sealer(membership.couple_id, couple_key)
    ws.memo["couple_sealer"] = sealer
    return sealer


def check_kind(kind: str) -> str:
    if kind not in SHAREABLE_KINDS:
        raise InvalidInput(
            f"“{kind}” cannot be shared. These can: {', '.join(sorted(SHAREABLE_KINDS))}.",
            field="kind",
        )
    return kind


def set_shared(
    ws: Workspace, kind: str, source_id: int, body: Mapping[str, Any], shared: bool
) -> None:
    """Share one item with the partner, or stop sharing it."""
    check_kind(kind)
    if not shared:
        with ws.db.transaction():
            repo.delete_share(ws.db, ws.owner_id, kind, source_id)
        return
    membership = _membership(ws)
    if membership is None:
        raise Conflict("You are not linked with a partner, so there is no one to share with.")
    with ws.db.transaction():
        _write(ws, membership, kind, source_id, body)


def after_write(
    ws: Workspace, kind: str, source_id: int, body: Mapping[str, Any], *, is_new: bool
) -> None:
    """Keep a shared copy in step; a new item is shared when its whole kind is."""
    membership = _membership(ws)
    if membership is None:
        return
    already = repo.share_id(ws.db, ws.owner_id, kind, source_id) is not None
    if already or (is_new and kind in _rule_kinds(ws)):
        _write(ws, membership, kind, source_id, body)


def after_delete(ws: Workspace, kind: str, source_id: int) -> None:
    if _membership(ws) is not None:
        repo.delete_share(ws.db, ws.owner_id, kind, source_id)


def shared_ids(ws: Workspace, kind: str, source_ids: Iterable[int]) -> set[int]:
    if _membership(ws) is None:
        return set()
    return repo.shared_source_ids(ws.db, ws.owner_id, kind, list(source_ids))


def set_kind_rule(
    ws: Workspace, kind: str, on: bool, items: Iterable[tuple[int, Mapping[str, Any]]]
) -> int:
    """Share every item of ``kind`` (``items`` are those that exist now), or stop; returns
    how many items are shared after the change."""
    check_kind(kind)
    membership = _membership(ws)
    if membership is None:
        raise Conflict("You are not linked with a partner, so there is no one to share with.")
    count = 0
    with ws.db.transaction():
        if not on:
            repo.delete_rule(ws.db, ws.owner_id, kind)
            repo.delete_shares_of_kind(ws.db, ws.owner_id, kind)
            return 0
        repo.set_rule(ws.db, membership.couple_id, ws.owner_id, kind)
        for source_id, body in items:
            _write(ws, membership, kind, source_id, body)
            count += 1
    ws.memo.pop("rule_kinds", None)
    return count


def shared_kinds(ws: Workspace) -> set[str]:
    return _rule_kinds(ws) if _membership(ws) is not None else set()


def shared_with_me(ws: Workspace) -> list[SharedItem]:
    """What my partner shares with me, most recently changed first."""
    membership = _membership(ws)
    if membership is None:
        return []
    sealer = _couple_sealer(ws, membership)
    stored = repo.shares_by(ws.db, membership.couple_id, membership.partner_id)
    return [_open(sealer, share) for share in stored]


def _rule_kinds(ws: Workspace) -> set[str]:
    if "rule_kinds" not in ws.memo:
        ws.memo["rule_kinds"] = repo.rule_kinds(ws.db, ws.owner_id)
    kinds = ws.memo["rule_kinds"]
    assert isinstance(kinds, set)
    return kinds


def _write(
    ws: Workspace, membership: Membership, kind: str, source_id: int, body: Mapping[str, Any]
) -> None:
    sealer = _couple_sealer(ws, membership)
    now = to_epoch(ws.clock())
    existing = repo.share_id(ws.db, ws.owner_id, kind, source_id)
    share_id = existing if existing is not None else repo.next_share_id(ws.db)
    # Owner, kind and source are sealed in too: a row moved to another owner fails to open.
    payload = {"owner": ws.owner_id, "kind": kind, "source_id": source_id, "body": dict(body)}
    sealed = sealer.seal_json(TABLE, share_id, "body", payload)
    if existing is None:
        share = StoredShare(share_id, ws.owner_id, kind, source_id, now, sealed)
        repo.insert_share(ws.db, membership.couple_id, share)
    else:
        repo.update_share(ws.db, share_id, now, sealed)


def _open(sealer: Sealer, share: StoredShare) -> SharedItem:
    payload = sealer.unseal_json(TABLE, share.id, "body", share.body)
    assert isinstance(payload, dict)
    if (payload.get("owner"), payload.get("kind"), payload.get("source_id")) != (
        share.owner_id,
        share.kind,
        share.source_id,
    ):
        from heartwise.errors import VaultError

        raise VaultError(f"Shared item #{share.id} does not hold what its row says.")
    return SharedItem(
        share.id, share.kind, share.source_id, from_epoch(share.updated_at, 0), payload["body"]
    )
