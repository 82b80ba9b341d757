"""Exports as streamed downloads, shared by the export page and the API.

A download holds a database connection, and its place among the requests a process works
on at once (``web.admission``), until its last byte is sent: as long as the other end
takes to read it. So one process streams at most ``EXPORTS_AT_ONCE`` of them; another
asked for meanwhile gets a kind 429 with ``Retry-After``, and every other kind of request
keeps its places.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator

from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from heartwise.errors import Busy
from heartwise.services import backup
from heartwise.services.journal import Journal
from heartwise.web.state import AppState

MEDIA_TYPES = {"json": "application/json", "md": "text/markdown", "csv": "text/csv"}
BUSY_RETRY_SECONDS = 30


def export_response(state: AppState, fmt: str, token: str | None) -> StreamingResponse:
    now = state.clock()
    if not state.export_slots.acquire(blocking=False):
        raise Busy(
            "Other exports are being prepared right now. Please try again in half a minute; "
            "nothing was changed.",
            retry_after=BUSY_RETRY_SECONDS,
        )
    try:
        with state.workspace(token):
            pass  # a session that has ended is refused now, before the download starts
    except BaseException:
        state.export_slots.release()
        raise

    def chunks() -> Generator[bytes, None, None]:
        # The stream opens its own connection: it outlives the request's dependencies.
        with state.workspace(token) as ws:
            for piece in backup.export_chunks(Journal(ws), fmt, now):
                yield piece.encode()

    body = ReleasingStream(chunks(), state.export_slots.release)
    filename = f"heartwise-{now.strftime('%Y-%m-%d')}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers=headers,
        background=BackgroundTask(body.close),
    )


class ReleasingStream:
    """An iterator of chunks that calls ``release`` once, however the stream ends: read to
    the end, failed, closed after the client went away, or never started at all."""

    def __init__(self, chunks: Generator[bytes, None, None], release: Callable[[], None]) -> None:
        self._chunks = chunks
        self._release: Callable[[], None] | None = release
        self._lock = threading.Lock()  # the server may close it from another thread

    def __iter__(self) -> ReleasingStream:
        return self

    def __next__(self) -> bytes:
        try:
            return next(self._chunks)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        with self._lock:
            release, self._release = self._release, None
        if release is not None:
            try:
                self._chunks.close()  # gives the connection back to the pool
            finally:
                release()

    def __del__(self) -> None:
        # A response dropped before its body was sent (the client left at once) never
        # iterates nor runs its background task; the place must come back all the same.
        self.close()
