"""Exports as streamed downloads, shared by the export page and the API."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.responses import StreamingResponse

from heartwise.services import backup
from heartwise.services.journal import Journal
from heartwise.web.state import AppState

MEDIA_TYPES = {"json": "application/json", "md": "text/markdown", "csv": "text/csv"}


def export_response(state: AppState, fmt: str, token: str | None) -> StreamingResponse:
    now = state.clock()
    with state.workspace(token):
        pass  # a session that has ended is refused now, before the download starts

    def chunks() -> Iterator[bytes]:
        # The stream opens its own connection: it outlives the request's dependencies.
        with state.workspace(token) as ws:
            for piece in backup.export_chunks(Journal(ws), fmt, now):
                yield piece.encode()

    filename = f"heartwise-{now.strftime('%Y-%m-%d')}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse(chunks(), media_type=MEDIA_TYPES[fmt], headers=headers)
