"""Running the app with uvicorn: one process, or several workers for a server."""

from __future__ import annotations

import contextlib
import gc
import os
import socket

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from heartwise.config import Settings, load_settings
from heartwise.errors import ServerNotStarted
from heartwise.web import workers as worker_pool
from heartwise.web.app import create_app


def run(settings: Settings, workers: int = 1) -> None:
    if workers == 1:
        uvicorn.run(
            _long_lived(create_app(settings)),
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
    serve_workers(
        "heartwise.web.server:app_from_environment",
        settings.host,
        settings.port,
        workers,
        factory=True,
    )


def serve_workers(app: str, host: str, port: int, workers: int, *, factory: bool = False) -> None:
    """Serve the app at import path `app` from `workers` processes.

    On Linux each worker listens on a socket of its own (``heartwise.web.workers``), so
    connections spread evenly over them; elsewhere they share one socket, as with
    ``uvicorn --workers``.
    """
    config = uvicorn.Config(
        app,
        factory=factory,
        workers=workers,
        host=host,
        port=port,
        access_log=False,
        server_header=False,
        log_level="warning",
    )
    if not worker_pool.supported():
        _serve_on_shared_socket(config)
        return
    worker_pool.refuse_taken_port(host, port)
    pool = worker_pool.Workers(config, workers)
    pool.run()
    if pool.failed:
        raise ServerNotStarted("A worker could not start, so the server stopped; see above.")


def _serve_on_shared_socket(config: uvicorn.Config) -> None:
    """uvicorn's own supervisor, with a listening socket that says it is TCP.

    uvicorn opens it with protocol 0; accepted connections inherit that, and asyncio
    turns Nagle's algorithm off (TCP_NODELAY) only on sockets that say IPPROTO_TCP. Left
    on, every keep-alive answer after the first waits ~40 ms for the client's delayed ACK
    (uvicorn issue #3149); one worker is not affected, as uvicorn lets asyncio bind it.
    """
    bound = config.bind_socket()  # uvicorn's own: it says so and exits if the port is taken
    # The same socket; a new object reads its real protocol (6, TCP) back from the kernel.
    listener = socket.socket(fileno=bound.detach())
    with contextlib.suppress(KeyboardInterrupt):  # as uvicorn.run: the workers are stopped
        Multiprocess(config, sockets=[listener]).run()


def app_from_environment() -> FastAPI:
    return _long_lived(create_app(load_settings()))


def _long_lived(app: FastAPI) -> FastAPI:
    """Keep what start-up built out of the garbage collector's full passes.

    After start-up a worker holds ~110,000 objects (routes, schemas, the analysis models)
    that live as long as the process, and every full collection walked all of them:
    measured under load, pauses of 100-275 ms, which made the slowest requests.
    ``gc.freeze()`` moves them where the collector no longer looks.
    """
    gc.collect()
    gc.freeze()
    return app


def _environment_of(settings: Settings) -> dict[str, str]:
    values = {
        "HEARTWISE_DATA_DIR": str(settings.data_dir),
        "HEARTWISE_HOST": settings.host,
        "HEARTWISE_PORT": str(settings.port),
        "HEARTWISE_MULTI_USER": "1" if settings.multi_user else "0",
        "HEARTWISE_ALLOWED_HOSTS": ",".join(settings.allowed_hosts),
        "HEARTWISE_THREADS": str(settings.threads),
    }
    if settings.database_url:
        values["HEARTWISE_DATABASE_URL"] = settings.database_url
    return values
