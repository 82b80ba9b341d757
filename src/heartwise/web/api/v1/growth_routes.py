"""/api/v1 for the self-awareness tools: triggers, urges (the pause), thought records,
reality checks, and the figures of the growth dashboard."""

from __future__ import annotations

from heartwise.services import growth, growth_stats
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
from heartwise.web.api.v1.records import From, Out, To, add_record_routes, date_range, one
from heartwise.web.deps import WorkspaceDep

router = api_router()


# -- triggers --------------------------------------------------------------------------------


@router.post("/triggers", status_code=201, response_model=Out, tags=["triggers"])
def create_trigger(body: TriggerIn, ws: WorkspaceDep) -> Out:
    """Log what set off a strong feeling, how strong it was, and what I did."""
    log = growth.Triggers(ws)
    return one(log, log.create(**body.model_dump()))


@router.get("/trigger-categories", response_model=list[str], tags=["triggers"])
def trigger_categories(ws: WorkspaceDep) -> list[str]:
    """The default categories, then your own."""
    return growth.categories(ws)


add_record_routes(router, "/triggers", growth.Triggers, TriggerChange, "triggers", dated=True)


# -- urges -----------------------------------------------------------------------------------


@router.post("/urges", status_code=201, response_model=Out, tags=["urges"])
def create_urge(body: UrgeIn, ws: WorkspaceDep) -> Out:
    """Start a pause: the urge, and how long to wait before deciding (default 15 min)."""
    log = growth.Urges(ws)
    return one(log, log.create(body.urge, body.wait_minutes))


@router.post("/urges/{record_id}/outcome", response_model=Out, tags=["urges"])
def urge_outcome(record_id: int, body: UrgeOutcomeIn, ws: WorkspaceDep) -> Out:
    """Whether the urge passed. Said once; a second answer is refused."""
    log = growth.Urges(ws)
    return one(log, log.record_outcome(record_id, body.passed, body.note))


add_record_routes(router, "/urges", growth.Urges, UrgeChange, "urges", dated=True)


# -- thought records -------------------------------------------------------------------------


@router.post("/thought-records", status_code=201, response_model=Out, tags=["thought records"])
def create_thought_record(body: ThoughtRecordIn, ws: WorkspaceDep) -> Out:
    log = growth.ThoughtRecords(ws)
    fields = body.model_dump()
    return one(log, log.create(fields.pop("situation"), fields.pop("thought"), **fields))


add_record_routes(
    router,
    "/thought-records",
    growth.ThoughtRecords,
    ThoughtRecordChange,
    "thought records",
    dated=True,
)


# -- reality checks --------------------------------------------------------------------------


@router.post("/reality-checks", status_code=201, response_model=Out, tags=["reality checks"])
def create_reality_check(body: RealityCheckIn, ws: WorkspaceDep) -> Out:
    """Before an event: how bad I expect it to be (0-10) and what I fear."""
    log = growth.RealityChecks(ws)
    return one(log, log.create(body.event, body.expected, body.fear))


@router.post("/reality-checks/{record_id}/outcome", response_model=Out, tags=["reality checks"])
def reality_check_outcome(record_id: int, body: CheckOutcomeIn, ws: WorkspaceDep) -> Out:
    """After it: how bad it was (0-10) and what happened. Said once."""
    log = growth.RealityChecks(ws)
    return one(log, log.record_outcome(record_id, body.actual, body.what_happened, body.at))


add_record_routes(
    router,
    "/reality-checks",
    growth.RealityChecks,
    RealityCheckChange,
    "reality checks",
    dated=True,
)


# -- figures ---------------------------------------------------------------------------------


@router.get("/stats", response_model=Out, tags=["growth"])
def stats(ws: WorkspaceDep, start: From = None, end: To = None) -> Out:
    """Urges that passed, expected vs actual in reality checks, and emotions before and
    after thought records, over an optional range."""
    return growth_stats.stats(ws, *date_range(start, end))
