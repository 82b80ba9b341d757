"""``create_app(settings)``: the web pages and the API over one set of services."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from anyio import to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.trustedhost import TrustedHostMiddleware

from heartwise import __version__
from heartwise.config import Settings
from heartwise.domain.time import Clock, system_clock
from heartwise.services.workspace import prepare
from heartwise.storage.engine import Engine, create_engine
from heartwise.web.admission import Admission
from heartwise.web.api.v1.account_routes import router as account_router
from heartwise.web.api.v1.coach_routes import router as coach_router
from heartwise.web.api.v1.growth_routes import router as growth_router
from heartwise.web.api.v1.routes import router as api_router
from heartwise.web.errors import install_error_handlers
from heartwise.web.pages import filters
from heartwise.web.pages.account import router as account_pages_router
from heartwise.web.pages.care import lock_router
from heartwise.web.pages.care import router as care_router
from heartwise.web.pages.coach import router as coach_pages_router
from heartwise.web.pages.growth import router as growth_pages_router
from heartwise.web.pages.routes import router as pages_router
from heartwise.web.security import BodyLimit, SecurityHeaders
from heartwise.web.state import AppState

# Database connections per process, and so requests let in at once (web.admission).
POOL_SIZE = 8

# A server's blocking work (database calls, decryption) runs on worker threads, and Python
# runs one of a process's threads at a time. Two per process keep it busy while the other
# waits on the database; anyio's default of forty lets every queued request start at once
# and fight over the interpreter lock. Measured with wrk on 4 workers, 32 connections,
# reads: p99 44-48 ms with two threads, 92-101 ms with forty (to compare:
# `HEARTWISE_THREADS=40 make bench-server`).
SERVER_THREADS = 2


def create_app(
    settings: Settings, *, engine: Engine | None = None, clock: Clock = system_clock
) -> FastAPI:
    """Build the app. Migrations are applied here, before the first request."""
    engine = engine or create_engine(settings, pool_size=POOL_SIZE if settings.uses_postgres else 0)
    prepare(engine)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        _limit_threads(settings)
        yield
        engine.close()

    app = FastAPI(
        lifespan=lifespan,
        title="heartwise API",
        version=__version__,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # the hosted docs pages load scripts from a CDN; heartwise loads nothing
        redoc_url=None,
    )
    app.state.hw = AppState(settings, engine, clock)
    app.state.templates = _templates(settings)
    app.mount("/static", StaticFiles(directory=str(_package_dir("static"))), name="static")
    app.include_router(api_router)
    app.include_router(account_router)
    app.include_router(growth_router)
    app.include_router(coach_router)
    app.include_router(pages_router)
    app.include_router(care_router)
    app.include_router(coach_pages_router)
    app.include_router(growth_pages_router)
    app.include_router(account_pages_router)
    app.include_router(lock_router)
    install_error_handlers(app)
    app.add_middleware(Admission, limit=engine.pool_size or POOL_SIZE)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=_allowed_hosts(settings))
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    return app


def _limit_threads(settings: Settings) -> None:
    """Set this process's worker-thread limit (it belongs to the running event loop)."""
    threads = settings.threads or (SERVER_THREADS if settings.multi_user else 0)
    if threads:
        to_thread.current_default_thread_limiter().total_tokens = threads


def _allowed_hosts(settings: Settings) -> list[str]:
    """Names this app answers to; any other Host header (DNS rebinding) gets a 400."""
    hosts = list(settings.allowed_hosts)
    if settings.host not in ("0.0.0.0", "::"):  # noqa: S104 - compared, never bound here
        hosts.append(settings.host)
    return hosts


def _package_dir(name: str) -> str:
    return str(resources.files("heartwise.web") / name)


def _templates(settings: Settings) -> Jinja2Templates:
    templates = Jinja2Templates(directory=_package_dir("templates"))
    templates.env.globals["multi_user"] = settings.multi_user
    filters.install(templates.env)
    return templates
