"""Running the app with uvicorn."""

from __future__ import annotations

import uvicorn

from heartwise.config import Settings
from heartwise.web.app import create_app


def run(settings: Settings) -> None:
    app = create_app(settings)
    # Access logs would record search words from URLs; they are off, and so are headers
    # that announce the server.
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        access_log=False,
        server_header=False,
        log_level="warning",
    )
