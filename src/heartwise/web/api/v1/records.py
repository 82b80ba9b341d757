"""The routes every kind of record log shares: list, read, change (sharing included) and
delete. Creation differs from kind to kind, so each router writes its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from heartwise.domain.time import parse_day
from heartwise.services import sharing
from heartwise.services.growth_log import Record, RecordLog
from heartwise.web.deps import WorkspaceDep

Out = dict[str, Any]
From = Annotated[str | None, Query(alias="from", description="From this date or date-time.")]
To = Annotated[str | None, Query(alias="to", description="Up to this date (included).")]


def date_range(start: str | None, end: str | None) -> tuple[datetime | None, datetime | None]:
    return (
        parse_day(start, field="from") if start else None,
        parse_day(end, field="to", end_of_day=True) if end else None,
    )


def shown(log: RecordLog[Any], records: list[Record]) -> list[Out]:
    """Each record as the API answers it, with whether the linked partner can see it."""
    shared = sharing.shared_ids(log.ws, log.kind, (r.id for r in records))
    return [{**r.to_dict(), "shared": r.id in shared} for r in records]


def one(log: RecordLog[Any], record: Record) -> Out:
    return shown(log, [record])[0]


def update(log: RecordLog[Any], record_id: int, changes: dict[str, Any]) -> Out:
    """Apply a PATCH: the record's own fields, then ``shared`` if it was sent."""
    share = changes.pop("shared", None)
    record = log.update(record_id, changes) if changes else log.get(record_id)
    if share is not None:
        sharing.set_shared(log.ws, log.kind, record.id, record.to_dict(), share)
    return one(log, record)


def add_record_routes(
    router: APIRouter,
    path: str,
    make: Callable[[Any], RecordLog[Any]],
    change_type: type,
    tag: str,
    *,
    dated: bool,
) -> None:
    """List, read, change and delete for one kind. ``dated`` lists take ``from`` and ``to``
    (the kinds whose records are moments in the user's life)."""
    if dated:

        @router.get(path, response_model=list[Out], tags=[tag], name=f"list {tag}")
        def list_dated(ws: WorkspaceDep, start: From = None, end: To = None) -> list[Out]:
            log = make(ws)
            return shown(log, log.list(*date_range(start, end)))

    else:

        @router.get(path, response_model=list[Out], tags=[tag], name=f"list {tag}")
        def list_records(ws: WorkspaceDep) -> list[Out]:
            log = make(ws)
            return shown(log, log.list())

    @router.get(path + "/{record_id}", response_model=Out, tags=[tag], name=f"read {tag}")
    def read_record(record_id: int, ws: WorkspaceDep) -> Out:
        log = make(ws)
        return one(log, log.get(record_id))

    def change_record(record_id: int, body: Any, ws: WorkspaceDep) -> Out:
        changes = {name: getattr(body, name) for name in body.model_fields_set}
        return update(make(ws), record_id, changes)

    # The body's model differs per kind; FastAPI reads it from the annotation.
    change_record.__annotations__["body"] = change_type
    router.patch(path + "/{record_id}", response_model=Out, tags=[tag], name=f"change {tag}")(
        change_record
    )

    @router.delete(path + "/{record_id}", status_code=204, tags=[tag], name=f"delete {tag}")
    def delete_record(record_id: int, ws: WorkspaceDep) -> Response:
        make(ws).delete(record_id)
        return Response(status_code=204)
