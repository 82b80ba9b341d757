"""Request dependencies shared by pages and the API."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from heartwise.services.journal import Journal
from heartwise.services.workspace import Workspace
from heartwise.web.auth import session_token
from heartwise.web.hops import Deferred, OneHopRoute, deferring
from heartwise.web.state import AppState


def state_of(request: Request) -> AppState:
    state: AppState = request.app.state.hw
    return state


async def app_state(request: Request) -> AppState:
    # async although it never waits: FastAPI runs a plain `def` dependency on a worker
    # thread, and that hop would cost more than the lookup.
    return state_of(request)


@deferring
async def journal(request: Request) -> Deferred:
    """A journal on the caller's workspace, opened on the route's own worker thread
    (``heartwise.web.hops``)."""
    state, token = state_of(request), session_token(request)
    return Deferred(lambda: _journal(state, token))


@contextmanager
def _journal(state: AppState, token: str | None) -> Iterator[Journal]:
    with state.workspace(token) as ws:
        yield Journal(ws)


@deferring
async def workspace(request: Request) -> Deferred:
    """The caller's workspace, opened on the route's own worker thread."""
    state, token = state_of(request), session_token(request)
    return Deferred(lambda: state.workspace(token))


@deferring
async def account_workspace(request: Request) -> Deferred:
    """The signed-in account's workspace; 404 on a journal on this machine."""
    state = state_of(request)
    state.require_server()
    token = session_token(request)
    return Deferred(lambda: state.workspace(token))


def page_router(*, signed_in_only: bool = True) -> APIRouter:
    """A router of pages: hidden from the API schema, each route in one worker-thread
    trip, and (unless ``signed_in_only`` is off) behind the sign-in check on a server."""
    return APIRouter(
        include_in_schema=False,
        route_class=OneHopRoute,
        dependencies=[Depends(signed_in)] if signed_in_only else [],
    )


async def signed_in(request: Request) -> None:
    """On a server, a page of someone's journal needs their session (else: sign in)."""
    state = state_of(request)
    if not state.settings.multi_user:
        return  # no sessions on this machine
    if getattr(request.scope.get("route"), "opens_deferred", False):
        return  # opening its workspace checks the session, on the route's own trip
    # One trip to a worker thread for the whole check.
    await run_in_threadpool(_check_session, state, session_token(request))


def _check_session(state: AppState, token: str | None) -> None:
    with state.workspace(token):
        pass


async def posted_form(request: Request) -> FormData:
    """The posted form. Reading it waits on the network, so it is read here and the route
    that takes it stays a plain ``def``: FastAPI runs that on a worker thread, where its
    database work belongs. An ``async`` route would run it on the event loop and hold up
    every other request of the process meanwhile."""
    return await request.form()


# Routes that take these must be on a router with ``route_class=OneHopRoute``, which
# opens them; a test walks the route table to make sure.
WorkspaceDep = Annotated[Workspace, Depends(workspace)]
AccountDep = Annotated[Workspace, Depends(account_workspace)]
JournalDep = Annotated[Journal, Depends(journal)]
StateDep = Annotated[AppState, Depends(app_state)]
FormDep = Annotated[FormData, Depends(posted_form)]
