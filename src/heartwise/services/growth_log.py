"""What the four self-awareness tools share: records kept as sealed items of one kind.

Every field a person writes lives in the item body, so all of it is sealed; the row shows
only the kind and bookkeeping times. A log loads its kind in one query and opens each item
once, then filters and sorts in memory: a person's logs are small enough (thousands of
items over years) that this stays in milliseconds, and no plaintext time ever reaches SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from heartwise.domain.growth import (
    body_of,
    check_range,
    draft_fields,
    refuse_unknown_changes,
    within,
)
from heartwise.services import sharing
from heartwise.services.items import Item, Items
from heartwise.services.workspace import Workspace

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


class Record(Protocol):
    """What a log needs of its records: a dataclass with an id and its own moment."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def id(self) -> int: ...

    @property
    def when(self) -> datetime: ...

    def to_dict(self) -> dict[str, object]: ...


R = TypeVar("R", bound=Record)


class RecordLog(Generic[R]):
    """Create, list, read, edit and delete the records of one kind."""

    kind: ClassVar[str]
    draft_type: ClassVar[type]
    editable: ClassVar[frozenset[str]]

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace
        self.items = Items(workspace)

    def read_all(self, items: Iterable[Item]) -> list[R]:
        """Records from items of this log's kind that were already loaded."""
        return [self._read(item) for item in items]

    def list(self, start: datetime | None = None, end: datetime | None = None) -> list[R]:
        """Records whose own moment is in the range (bounds inclusive), newest first."""
        check_range(start, end)
        records = self.read_all(self.items.of_kind(self.kind))
        chosen = [record for record in records if within(record.when, start, end)]
        return sorted(chosen, key=lambda record: (record.when, record.id), reverse=True)

    def get(self, record_id: int) -> R:
        return self._read(self.items.get(self.kind, record_id))

    def update(self, record_id: int, changes: Mapping[str, object]) -> R:
        """Apply ``changes`` (only fields in ``editable``); every field is checked again."""
        refuse_unknown_changes(changes, self.editable)

        def edited(record: R) -> R:
            merged = {**draft_fields(record, self.draft_type), **changes}
            return self._rebuilt(record, merged)

        return self._change(record_id, edited)

    def delete(self, record_id: int) -> R:
        with self.ws.db.transaction():
            item = self.items.get(self.kind, record_id, for_update=True)
            self.items.remove(item)
            sharing.after_delete(self.ws, self.kind, record_id)
        return self._read(item)

    def _add(self, draft: DataclassInstance) -> R:
        with self.ws.db.transaction():
            item = self.items.add(self.kind, body_of(draft))
            record = self._read(item)
            sharing.after_write(self.ws, self.kind, item.id, _shown(record), is_new=True)
        return record

    def _change(self, record_id: int, change: Callable[[R], R]) -> R:
        """Read, change and store one record in one transaction; a refusal stores nothing."""
        with self.ws.db.transaction():
            item = self.items.get(self.kind, record_id, for_update=True)
            changed = change(self._read(item))
            self.items.replace(item, body_of(changed))
            sharing.after_write(self.ws, self.kind, record_id, _shown(changed), is_new=False)
        return changed

    def _read(self, item: Item) -> R:
        raise NotImplementedError

    def _rebuilt(self, record: R, fields: dict[str, Any]) -> R:
        """``record`` with its draft fields checked and replaced by ``fields``."""
        raise NotImplementedError


def _shown(record: Record) -> dict[str, Any]:
    """What a partner sees of a shared record: the same shape the API gives its owner."""
    return dict(record.to_dict())
