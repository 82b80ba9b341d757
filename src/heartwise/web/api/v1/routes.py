"""/api/v1: entries, search, export and import. Each route parses, calls one service, answers."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from io import BytesIO
from typing import Annotated, Any

from fastapi import Query, Request, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from heartwise.domain.entries import Entry, make_draft
from heartwise.domain.time import parse_day
from heartwise.services import backup, sharing
from heartwise.services import journal as journal_service
from heartwise.web.api.v1.common import api_router
from heartwise.web.api.v1.schemas import (
    AnalysisOut,
    AnalyzeIn,
    EntryCreate,
    EntryOut,
    EntryPage,
    EntryUpdate,
    ImportResult,
    RecordResult,
    SearchPage,
    SearchResult,
    UnlockIn,
)
from heartwise.web.auth import session_token
from heartwise.web.deps import JournalDep, StateDep, WorkspaceDep
from heartwise.web.downloads import export_response

router = api_router()


def _out(entry: Entry, shared: bool = False) -> EntryOut:
    return EntryOut(**_fields(entry), shared=shared)


def _fields(entry: Entry) -> dict[str, Any]:
    # The entry's own values: its times stay datetimes instead of going to text and back
    # (a page of twenty entries is on every timeline request).
    return {name: getattr(entry, name) for name in _ENTRY_FIELDS}


_ENTRY_FIELDS = tuple(field.name for field in dataclasses.fields(Entry))


def _outs(journal: journal_service.Journal, entries: list[Entry]) -> list[EntryOut]:
    shared = sharing.shared_ids(journal.ws, journal_service.KIND, (e.id for e in entries))
    return [_out(e, e.id in shared) for e in entries]


def _out_one(journal: journal_service.Journal, entry: Entry) -> EntryOut:
    return _outs(journal, [entry])[0]


def _query(
    tag: str | None, start: str | None, end: str | None, limit: int, offset: int
) -> journal_service.Query:
    return journal_service.Query(
        tag=tag,
        start=parse_day(start, field="from") if start else None,
        end=parse_day(end, field="to", end_of_day=True) if end else None,
        limit=limit,
        offset=offset,
    )


Tag = Annotated[str | None, Query(description="Only entries with this tag.")]
From = Annotated[str | None, Query(alias="from", description="From this date or date-time.")]
To = Annotated[str | None, Query(alias="to", description="Up to this date (included).")]
Limit = Annotated[int, Query(ge=1, le=journal_service.MAX_PAGE)]
Offset = Annotated[int, Query(ge=0)]


@router.get("/entries", response_model=EntryPage, tags=["entries"])
def list_entries(
    journal: JournalDep,
    tag: Tag = None,
    start: From = None,
    end: To = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> EntryPage:
    """Entries, newest first, with the total that match."""
    page = journal.page(_query(tag, start, end, limit, offset))
    return EntryPage(
        items=_outs(journal, page.entries), total=page.total, limit=limit, offset=offset
    )


@router.post("/entries", status_code=201, response_model=EntryOut, tags=["entries"])
def create_entry(body: EntryCreate, journal: JournalDep, response: Response) -> EntryOut:
    """Write an entry. ``{"text": "..."}`` alone is enough."""
    occurred_at = _aware(body.occurred_at) or journal.ws.clock()
    draft = make_draft(
        body.text, occurred_at, mood=body.mood, emotions=body.emotions, tags=body.tags
    )
    entry = journal.add(draft)
    response.headers["Location"] = f"/api/v1/entries/{entry.id}"
    return _out(entry)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.astimezone()


@router.get("/entries/{entry_id}", response_model=EntryOut, tags=["entries"])
def read_entry(entry_id: int, journal: JournalDep) -> EntryOut:
    return _out_one(journal, journal.get(entry_id))


@router.patch("/entries/{entry_id}", response_model=EntryOut, tags=["entries"])
def update_entry(entry_id: int, body: EntryUpdate, journal: JournalDep) -> EntryOut:
    """Change the fields given; the others stay as they are. ``"shared": true`` lets your
    linked partner read the entry (server mode); ``false`` stops it at once."""
    changes = {name: getattr(body, name) for name in body.model_fields_set}
    share = changes.pop("shared", None)
    if "occurred_at" in changes:
        changes["occurred_at"] = _aware(changes["occurred_at"]) or journal.ws.clock()
    entry = journal.edit(entry_id, changes) if changes else journal.get(entry_id)
    if share is not None:
        sharing.set_shared(journal.ws, journal_service.KIND, entry.id, entry.to_dict(), share)
    return _out_one(journal, entry)


@router.delete("/entries/{entry_id}", status_code=204, tags=["entries"])
def delete_entry(entry_id: int, journal: JournalDep) -> Response:
    """Move an entry to the trash; it can be restored for 30 days."""
    journal.delete(entry_id)
    return Response(status_code=204)


@router.get("/trash", response_model=list[EntryOut], tags=["entries"])
def list_trash(journal: JournalDep) -> list[EntryOut]:
    return _outs(journal, journal.trash())


@router.post("/trash/{entry_id}/restore", response_model=EntryOut, tags=["entries"])
def restore_entry(entry_id: int, journal: JournalDep) -> EntryOut:
    return _out(journal.restore(entry_id))


@router.get("/search", response_model=SearchPage, tags=["search"])
def search(
    journal: JournalDep,
    q: Annotated[str, Query(description="Words that must all occur.")],
    tag: Tag = None,
    start: From = None,
    end: To = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchPage:
    """Entries holding every word of ``q``, best first, with the places the words occur."""
    hits = journal.search(q, _query(tag, start, end, limit, offset))
    shared = sharing.shared_ids(journal.ws, journal_service.KIND, (h.entry.id for h in hits))
    items = [
        SearchResult(
            **_fields(h.entry),
            shared=h.entry.id in shared,
            rank=h.rank,
            highlights=list(h.spans),
        )
        for h in hits
    ]
    records = [] if offset or tag else _record_results(journal, q)
    return SearchPage(items=items, records=records)


def _record_results(journal: journal_service.Journal, q: str) -> list[RecordResult]:
    from heartwise.services.growth_search import search_records

    return [
        RecordResult(kind=hit.kind, title=hit.title, record=hit.record)
        for hit in search_records(journal.ws, q)
    ]


@router.get("/export", tags=["backup"], response_class=StreamingResponse)
def export(
    request: Request,
    state: StateDep,
    fmt: Annotated[str, Query(alias="format", pattern="^(json|md|csv)$")] = "json",
) -> StreamingResponse:
    """Everything as a JSON backup, or the entries as Markdown or CSV."""
    return export_response(state, fmt, session_token(request))


@router.post("/import", response_model=ImportResult, tags=["backup"])
async def import_file(
    request: Request,
    state: StateDep,
    source: Annotated[str, Query(pattern="^(heartwise|jrnl|dayone)$")] = "heartwise",
) -> ImportResult:
    """Import a heartwise backup, or a jrnl or Day One JSON export (the request body)."""
    payload = await request.body()

    def run() -> int:
        with state.workspace(session_token(request)) as ws:
            return backup.import_file(journal_service.Journal(ws), source, BytesIO(payload))

    return ImportResult(imported=await run_in_threadpool(run))


@router.post("/analyze", response_model=AnalysisOut, tags=["analysis"])
def analyze(body: AnalyzeIn, _: WorkspaceDep) -> AnalysisOut:
    """What heartwise notices in a text: thinking traps, signs of insecurity, blaming
    language and crisis risk. Read on this machine; nothing is stored. Like every route
    but signing in, it needs the journal open (on a server: a session)."""
    from heartwise.services import insight

    return AnalysisOut.model_validate(insight.read_text(body.text).to_dict())


@router.post("/unlock", status_code=204, tags=["lock"])
def unlock(body: UnlockIn, state: StateDep) -> Response:
    """Open a journal that has a passphrase; until then every other route answers 401."""
    state.unlock(body.passphrase)
    return Response(status_code=204)


@router.post("/lock", status_code=204, tags=["lock"])
def lock(state: StateDep) -> Response:
    """Close the journal now: the key is dropped from memory until the next unlock."""
    state.lock_now()
    return Response(status_code=204)
