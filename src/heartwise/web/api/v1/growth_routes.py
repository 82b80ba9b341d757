"""/api/v1 for the self-awareness tools: triggers, urges (the pause), thought records,
reality checks, and the figures of the growth dashboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import Query, Response

from heartwise.domain.time import parse_day
from heartwise.services import growth, growth_stats, sharing
from heartwise.services.growth_log import Record, RecordLog
from heartwise.web.api.v1.common import api_router
from heartwise.web.api.v1.growth_schemas import (
    CheckOutcomeIn,
    RealityCheckChange,
    RealityCheckIn,
    ThoughtRecordChange,
    ThoughtRecordIn,
    TriggerChange,
    TriggerIn,
    UrgeChange,
    UrgeIn,
    UrgeOutcomeIn,
)
from heartwise.web.deps import WorkspaceDep

router = api_router()
Out = dict[str, Any]
From = Annotated[str | None, Query(alias="from", description="From this date or date-time.")]
To = Annotated[str | None, Query(alias="to", description="Up to this date (included).")]


def _range(start: str | None, end: str | None) -> tuple[datetime | None, datetime | None]:
    return (
        parse_day(start, field="from") if start else None,
        parse_day(end, field="to", end_of_day=True) if end else None,
    )


def _shown(log: RecordLog[Any], records: list[Record]) -> list[Out]:
    shared = sharing.shared_ids(log.ws, log.kind, (r.id for r in records))
    return [{**r.to_dict(), "shared": r.id in shared} for r in records]


def _one(log: RecordLog[Any], record: Record) -> Out:
    return _shown(log, [record])[0]


def _update(log: RecordLog[Any], record_id: int, changes: dict[str, Any]) -> Out:
    share = changes.pop("shared", None)
    record = log.update(record_id, changes) if changes else log.get(record_id)
    if share is not None:
        sharing.set_shared(log.ws, log.kind, record.id, record.to_dict(), share)
    return _one(log, record)


def _crud(path: str, make: Callable[[Any], RecordLog[Any]], change_type: type, tag: str) -> None:
    """List, read, change and delete for one kind; creation differs, so each has its own."""

    @router.get(path, response_model=list[Out], tags=[tag], name=f"list {tag}")
    def list_records(ws: WorkspaceDep, start: From = None, end: To = None) -> list[Out]:
        log = make(ws)
        return _shown(log, log.list(*_range(start, end)))

    @router.get(path + "/{record_id}", response_model=Out, tags=[tag], name=f"read {tag}")
    def read_record(record_id: int, ws: WorkspaceDep) -> Out:
        log = make(ws)
        return _one(log, log.get(record_id))

    def change_record(record_id: int, body: Any, ws: WorkspaceDep) -> Out:
        changes = {name: getattr(body, name) for name in body.model_fields_set}
        return _update(make(ws), record_id, changes)

    # The body's model differs per kind; FastAPI reads it from the annotation.
    change_record.__annotations__["body"] = change_type
    router.patch(path + "/{record_id}", response_model=Out, tags=[tag], name=f"change {tag}")(
        change_record
    )

    @router.delete(path + "/{record_id}", status_code=204, tags=[tag], name=f"delete {tag}")
    def delete_record(record_id: int, ws: WorkspaceDep) -> Response:
        make(ws).delete(record_id)
        return Response(status_code=204)


# -- triggers --------------------------------------------------------------------------------


@router.post("/triggers", status_code=201, response_model=Out, tags=["triggers"])
def create_trigger(body: TriggerIn, ws: WorkspaceDep) -> Out:
    """Log what set off a strong feeling, how strong it was, and what I did."""
    log = growth.Triggers(ws)
    return _one(log, log.create(**body.model_dump()))


@router.get("/trigger-categories", response_model=list[str], tags=["triggers"])
def trigger_categories(ws: WorkspaceDep) -> list[str]:
    """The default categories, then your own."""
    return growth.categories(ws)


_crud("/triggers", growth.Triggers, TriggerChange, "triggers")


# -- urges -----------------------------------------------------------------------------------


@router.post("/urges", status_code=201, response_model=Out, tags=["urges"])
def create_urge(body: UrgeIn, ws: WorkspaceDep) -> Out:
    """Start a pause: the urge, and how long to wait before deciding (default 15 min)."""
    log = growth.Urges(ws)
    return _one(log, log.create(body.urge, body.wait_minutes))


@router.post("/urges/{record_id}/outcome", response_model=Out, tags=["urges"])
def urge_outcome(record_id: int, body: UrgeOutcomeIn, ws: WorkspaceDep) -> Out:
    """Whether the urge passed. Said once; a second answer is refused."""
    log = growth.Urges(ws)
    return _one(log, log.record_outcome(record_id, body.passed, body.note))


_crud("/urges", growth.Urges, UrgeChange, "urges")


# -- thought records -------------------------------------------------------------------------


@router.post("/thought-records", status_code=201, response_model=Out, tags=["thought records"])
def create_thought_record(body: ThoughtRecordIn, ws: WorkspaceDep) -> Out:
    log = growth.ThoughtRecords(ws)
    fields = body.model_dump()
    return _one(log, log.create(fields.pop("situation"), fields.pop("thought"), **fields))


_crud("/thought-records", growth.ThoughtRecords, ThoughtRecordChange, "thought records")


# -- reality checks --------------------------------------------------------------------------


@router.post("/reality-checks", status_code=201, response_model=Out, tags=["reality checks"])
def create_reality_check(body: RealityCheckIn, ws: WorkspaceDep) -> Out:
    """Before an event: how bad I expect it to be (0-10) and what I fear."""
    log = growth.RealityChecks(ws)
    return _one(log, log.create(body.event, body.expected, body.fear))


@router.post("/reality-checks/{record_id}/outcome", response_model=Out, tags=["reality checks"])
def reality_check_outcome(record_id: int, body: CheckOutcomeIn, ws: WorkspaceDep) -> Out:
    """After it: how bad it was (0-10) and what happened. Said once."""
    log = growth.RealityChecks(ws)
    return _one(log, log.record_outcome(record_id, body.actual, body.what_happened, body.at))


_crud("/reality-checks", growth.RealityChecks, RealityCheckChange, "reality checks")


# -- figures ---------------------------------------------------------------------------------


@router.get("/stats", response_model=Out, tags=["growth"])
def stats(ws: WorkspaceDep, start: From = None, end: To = None) -> Out:
    """Urges that passed, expected vs actual in reality checks, and emotions before and
    after thought records, over an optional range."""
    return growth_stats.stats(ws, *_range(start, end))
