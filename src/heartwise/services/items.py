"""Sealed items: one small store for every kind of thing a person writes besides entries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from heartwise.domain.time import from_epoch, to_epoch
from heartwise.errors import NotFound
from heartwise.services.workspace import Workspace
from heartwise.storage import items as repo
from heartwise.storage.items import StoredItem

TABLE = "items"


@dataclass(frozen=True)
class Item:
    id: int
    kind: str
    created_at: datetime
    updated_at: datetime
    body: dict[str, Any]


class Items:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def add(self, kind: str, body: dict[str, Any], *, created_at: datetime | None = None) -> Item:
        now = self.ws.clock()
        with self.ws.db.transaction():
            item_id = repo.next_item_id(self.ws.db)
            item = Item(item_id, kind, created_at or now, now, body)
            repo.insert_item(self.ws.db, self.ws.owner_id, self._seal(item))
        return item

    def replace(self, item: Item, body: dict[str, Any]) -> Item:
        updated = Item(item.id, item.kind, item.created_at, self.ws.clock(), body)
        with self.ws.db.transaction():
            repo.update_item(self.ws.db, self.ws.owner_id, self._seal(updated))
        return updated

    def get(self, kind: str, item_id: int, *, for_update: bool = False) -> Item:
        """The item ``item_id`` of ``kind``; an id of another kind is as unknown as a missing one.

        ``for_update`` (inside a transaction) keeps others from changing it until the end.
        """
        stored = repo.get_item(self.ws.db, self.ws.owner_id, kind, item_id, for_update=for_update)
        if stored is None:
            noun = kind.replace("_", " ")
            raise NotFound(
                f"There is no {noun} #{item_id}. It may have been deleted, or the number "
                "is mistyped."
            )
        return self._unseal(stored)

    def remove(self, item: Item) -> None:
        with self.ws.db.transaction():
            repo.delete_item(self.ws.db, self.ws.owner_id, item.id)

    def of_kind(self, kind: str) -> list[Item]:
        return [self._unseal(s) for s in repo.items_of_kind(self.ws.db, self.ws.owner_id, kind)]

    def of_kinds(self, kinds: Sequence[str]) -> dict[str, list[Item]]:
        """Items of each of ``kinds`` (every kind asked for is a key), read in one query."""
        found: dict[str, list[Item]] = {kind: [] for kind in kinds}
        for stored in repo.items_of_kinds(self.ws.db, self.ws.owner_id, list(kinds)):
            found[stored.kind].append(self._unseal(stored))
        return found

    def everything(self) -> list[Item]:
        return [self._unseal(s) for s in repo.all_items(self.ws.db, self.ws.owner_id)]

    def _seal(self, item: Item) -> StoredItem:
        # The kind is sealed into the body too, so a row's kind cannot be swapped unnoticed.
        sealed = self.ws.sealer.seal_json(TABLE, item.id, "body", {"kind": item.kind, **item.body})
        return StoredItem(
            item.id, item.kind, to_epoch(item.created_at), to_epoch(item.updated_at), sealed
        )

    def _unseal(self, stored: StoredItem) -> Item:
        body = self.ws.sealer.unseal_json(TABLE, stored.id, "body", stored.body)
        assert isinstance(body, dict)
        kind = body.pop("kind")
        if kind != stored.kind:
            from heartwise.errors import VaultError

            raise VaultError(f"Item #{stored.id} does not hold what its row says; it was changed.")
        return Item(
            stored.id,
            stored.kind,
            from_epoch(stored.created_at, 0),
            from_epoch(stored.updated_at, 0),
            body,
        )
