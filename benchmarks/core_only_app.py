"""heartwise's core with no web layer: a reference for ``server_load.py``, not a server to use.

It answers the three requests of the load (``GET /api/v1/entries?limit=20``, ``GET
/api/v1/search?q=…``, ``POST /api/v1/entries``) by calling the same services as heartwise's
routes do: open the session's workspace (session row, data key unwrapped), read a page of
entries or search them and the records, mark what is shared, write an entry; then encode
JSON. Around that there is nothing: no FastAPI, no middleware (security headers, body
limit, host check, admission), no request or response validation, no error pages, and no
checks a real server needs (a bad request simply fails). The blocking work runs on the
same two worker threads per process as heartwise's.

What it measures: how far heartwise's own work (the database, decryption, building
entries) leaves the minimal app, whatever the web face does. The gap between this app and
heartwise is what the web face costs.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import datetime
from typing import Any

from anyio import to_thread

from heartwise.config import Settings, load_settings
from heartwise.domain.entries import Entry, make_draft
from heartwise.domain.time import Clock, system_clock
from heartwise.services import accounts, sharing
from heartwise.services import journal as journal_service
from heartwise.services.growth_search import search_records
from heartwise.services.workspace import Workspace, prepare
from heartwise.storage.engine import create_engine

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

POOL_SIZE = 8  # as heartwise.web.app
THREADS = 2


def make(
    settings: Settings | None = None, clock: Clock = system_clock
) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    """The ASGI app (a uvicorn factory): by default on the database the environment names,
    as ``heartwise serve`` reads it."""
    settings = settings or load_settings()
    engine = create_engine(settings, pool_size=POOL_SIZE)
    prepare(engine)

    def in_workspace(token: str, work: Callable[[Workspace], Any]) -> Any:
        with engine.connect() as db:
            ws = accounts.session_workspace(db, token, settings, clock)
            return work(ws)

    def timeline(ws: Workspace) -> dict[str, Any]:
        page = journal_service.Journal(ws).page(journal_service.Query(limit=20))
        return {"items": _marked(ws, page.entries), "total": page.total}

    def search(ws: Workspace, words: str) -> dict[str, Any]:
        hits = journal_service.Journal(ws).search(words, journal_service.Query(limit=20))
        items = _marked(ws, [hit.entry for hit in hits])
        for item, hit in zip(items, hits, strict=True):
            item.update(rank=hit.rank, highlights=list(hit.spans))
        records = [dataclasses.asdict(hit) for hit in search_records(ws, words)]
        return {"items": items, "records": records}

    def write(ws: Workspace, body: bytes) -> dict[str, Any]:
        text = json.loads(body)["text"]
        entry = journal_service.Journal(ws).add(make_draft(text, ws.clock()))
        return _marked(ws, [entry])[0]

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send, engine.close)
            return
        token = _bearer(scope)
        if scope["path"] == "/ready":
            status, result = 200, {}
        elif scope["method"] == "POST":
            body = await _body(receive)
            status = 201
            result = await to_thread.run_sync(in_workspace, token, lambda ws: write(ws, body))
        elif scope["path"] == "/api/v1/search":
            words = urllib.parse.parse_qs(scope["query_string"].decode())["q"][0]
            status = 200
            result = await to_thread.run_sync(in_workspace, token, lambda ws: search(ws, words))
        else:
            status, result = 200, await to_thread.run_sync(in_workspace, token, timeline)
        await _answer(send, status, json.dumps(result, default=_iso).encode())

    gc.collect()
    gc.freeze()  # as heartwise.web.server does after start-up
    return app


def _marked(ws: Workspace, entries: list[Entry]) -> list[dict[str, Any]]:
    shared = sharing.shared_ids(ws, journal_service.KIND, (e.id for e in entries))
    return [dict(_values(e), shared=e.id in shared) for e in entries]


def _values(entry: Entry) -> dict[str, Any]:
    # A shallow copy of the fields, as heartwise's routes take them (``asdict`` deep-copies).
    return {name: getattr(entry, name) for name in _ENTRY_FIELDS}


_ENTRY_FIELDS = tuple(field.name for field in dataclasses.fields(Entry))


def _iso(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _bearer(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == b"authorization":
            return bytes(value).decode().removeprefix("Bearer ")
    return ""


async def _body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


async def _answer(send: Send, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _lifespan(receive: Receive, send: Send, close: Callable[[], None]) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            to_thread.current_default_thread_limiter().total_tokens = THREADS
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            close()
            await send({"type": "lifespan.shutdown.complete"})
            return
