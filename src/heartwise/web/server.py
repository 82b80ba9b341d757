"""Running the app with uvicorn: one process, or several workers for a server."""

from __future__ import annotations

import os

import uvicorn
from fastapi import FastAPI

from heartwise.config import Settings, load_settings
from heartwise.web.app import create_app


def run(settings: Settings, workers: int = 1) -> None:
    if workers == 1:
        uvicorn.run(
            create_app(settings),
            host=settings.host,
            port=settings.port,
            # Access logs would record search words from URLs; they are off, and so are
            # headers that announce the server.
            access_log=False,
            server_header=False,
            log_level="warning",
        )
        return
    # Each worker process builds its own app from the environment, so the settings that
    # came from the command line travel there.
    os.environ.update(_environment_of(settings))
    uvicorn.run(
        "heartwise.web.server:app_from_environment",
        factory=True,
        workers=workers,
        host=settings.host,
        port=settings.port,
        access_log=False,
        server_header=False,
        log_level="warning",
    )


def app_from_environment() -> FastAPI:
    return create_app(load_settings())


def _environment_of(settings: Settings) -> dict[str, str]:
    values = {
        "HEARTWISE_DATA_DIR": str(settings.data_dir),
        "HEARTWISE_HOST": settings.host,
        "HEARTWISE_PORT": str(settings.port),
        "HEARTWISE_MULTI_USER": "1" if settings.multi_user else "0",
        "HEARTWISE_ALLOWED_HOSTS": ",".join(settings.allowed_hosts),
    }
    if settings.database_url:
        values["HEARTWISE_DATABASE_URL"] = settings.database_url
    return values
