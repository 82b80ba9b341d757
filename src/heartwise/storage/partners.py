"""Repository of invites, couples, their members' wrapped keys, shares and share rules."""

from __future__ import annotations

from dataclasses import dataclass

from heartwise.storage.database import Database


@dataclass(frozen=True)
class Membership:
    couple_id: int
    wrapped_key: bytes
    partner_id: int


@dataclass(frozen=True)
class StoredShare:
    id: int
    owner_id: int
    kind: str
    source_id: int
    updated_at: int
    body: bytes


# -- invites ---------------------------------------------------------------------------------


def insert_invite(db: Database, code_hash: bytes, inviter_id: int, now: int, expires: int) -> None:
    db.execute(
        "INSERT INTO invites (code_hash, inviter_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        (code_hash, inviter_id, now, expires),
    )


def invite(db: Database, code_hash: bytes) -> tuple[int, int] | None:
    """(inviter id, expires at) of an unused invite."""
    row = db.one("SELECT inviter_id, expires_at FROM invites WHERE code_hash = ?", (code_hash,))
    return None if row is None else (int(row[0]), int(row[1]))


def delete_invite(db: Database, code_hash: bytes) -> None:
    db.execute("DELETE FROM invites WHERE code_hash = ?", (code_hash,))


def delete_invites_of(db: Database, inviter_id: int) -> None:
    db.execute("DELETE FROM invites WHERE inviter_id = ?", (inviter_id,))


# -- couples ---------------------------------------------------------------------------------


def create_couple(db: Database, now: int) -> int:
    return int(db.scalar("INSERT INTO couples (created_at) VALUES (?) RETURNING id", (now,)))


def add_member(db: Database, couple_id: int, user_id: int, wrapped_key: bytes) -> None:
    db.execute(
        "INSERT INTO couple_members (couple_id, user_id, wrapped_key) VALUES (?, ?, ?)",
        (couple_id, user_id, wrapped_key),
    )


def membership(db: Database, user_id: int) -> Membership | None:
    row = db.one(
        "SELECT me.couple_id, me.wrapped_key, other.user_id FROM couple_members me "
        "JOIN couple_members other ON other.couple_id = me.couple_id "
        "AND other.user_id <> me.user_id WHERE me.user_id = ?",
        (user_id,),
    )
    return None if row is None else Membership(int(row[0]), bytes(row[1]), int(row[2]))


def couple_of(db: Database, user_id: int) -> int | None:
    value = db.scalar("SELECT couple_id FROM couple_members WHERE user_id = ?", (user_id,))
    return None if value is None else int(value)


def delete_couple(db: Database, couple_id: int) -> None:
    """The couple, both memberships, every share and share rule: all gone at once."""
    db.execute("DELETE FROM couples WHERE id = ?", (couple_id,))


# -- shares ----------------------------------------------------------------------------------


def next_share_id(db: Database) -> int:
    return int(db.scalar(db.dialect.next_id_sql("shares")))


def share_id(db: Database, owner_id: int, kind: str, source_id: int) -> int | None:
    value = db.scalar(
        "SELECT id FROM shares WHERE owner_id = ? AND kind = ? AND source_id = ?",
        (owner_id, kind, source_id),
    )
    return None if value is None else int(value)


def insert_share(db: Database, couple_id: int, share: StoredShare) -> None:
    db.execute(
        "INSERT INTO shares (id, couple_id, owner_id, kind, source_id, updated_at, body) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            share.id,
            couple_id,
            share.owner_id,
            share.kind,
            share.source_id,
            share.updated_at,
            share.body,
        ),
    )


def update_share(db: Database, share_id: int, updated_at: int, body: bytes) -> None:
    db.execute(
        "UPDATE shares SET updated_at = ?, body = ? WHERE id = ?", (updated_at, body, share_id)
    )


def delete_share(db: Database, owner_id: int, kind: str, source_id: int) -> None:
    db.execute(
        "DELETE FROM shares WHERE owner_id = ? AND kind = ? AND source_id = ?",
        (owner_id, kind, source_id),
    )


def delete_shares_of_kind(db: Database, owner_id: int, kind: str) -> None:
    db.execute("DELETE FROM shares WHERE owner_id = ? AND kind = ?", (owner_id, kind))


def shared_source_ids(db: Database, owner_id: int, kind: str, source_ids: list[int]) -> set[int]:
    if not source_ids:
        return set()
    marks = ", ".join("?" for _ in source_ids)
    rows = db.all(
        f"SELECT source_id FROM shares WHERE owner_id = ? AND kind = ? AND source_id IN ({marks})",
        (owner_id, kind, *source_ids),
    )
    return {int(r[0]) for r in rows}


def shares_by(db: Database, couple_id: int, owner_id: int) -> list[StoredShare]:
    """What ``owner_id`` shares in this couple, most recently changed first."""
    rows = db.all(
        "SELECT id, owner_id, kind, source_id, updated_at, body FROM shares "
        "WHERE couple_id = ? AND owner_id = ? ORDER BY updated_at DESC, id DESC",
        (couple_id, owner_id),
    )
    return [
        StoredShare(int(r[0]), int(r[1]), str(r[2]), int(r[3]), int(r[4]), bytes(r[5]))
        for r in rows
    ]


# -- share rules -----------------------------------------------------------------------------


def set_rule(db: Database, couple_id: int, owner_id: int, kind: str) -> None:
    db.execute(
        "INSERT INTO share_rules (couple_id, owner_id, kind) VALUES (?, ?, ?) "
        "ON CONFLICT (owner_id, kind) DO UPDATE SET couple_id = excluded.couple_id",
        (couple_id, owner_id, kind),
    )


def delete_rule(db: Database, owner_id: int, kind: str) -> None:
    db.execute("DELETE FROM share_rules WHERE owner_id = ? AND kind = ?", (owner_id, kind))


def rule_kinds(db: Database, owner_id: int) -> set[str]:
    rows = db.all("SELECT kind FROM share_rules WHERE owner_id = ?", (owner_id,))
    return {str(r[0]) for r in rows}
