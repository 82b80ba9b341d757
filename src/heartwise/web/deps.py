"""Request dependencies shared by pages and the API."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from heartwise.services.journal import Journal
from heartwise.services.workspace import Workspace
from heartwise.web.auth import session_token
from heartwise.web.state import AppState


def state_of(request: Request) -> AppState:
    state: AppState = request.app.state.hw
    return state


async def app_state(request: Request) -> AppState:
    # async although it never waits: FastAPI runs a plain `def` dependency on a worker
    # thread, and that hop would cost more than the lookup.
    return state_of(request)


def journal(request: Request) -> Iterator[Journal]:
    with state_of(request).workspace(session_token(request)) as ws:
        yield Journal(ws)


def workspace(request: Request) -> Iterator[Workspace]:
    with state_of(request).workspace(session_token(request)) as ws:
        yield ws


def account_workspace(request: Request) -> Iterator[Workspace]:
    """The signed-in account's workspace; 404 on a journal on this machine."""
    state = state_of(request)
    state.require_server()
    with state.workspace(session_token(request)) as ws:
        yield ws


async def signed_in(request: Request) -> None:
    """On a server, a page of someone's journal needs their session (else: sign in)."""
    state = state_of(request)
    if state.settings.multi_user:
        # One trip to a worker thread for the whole check, and none on this machine.
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


WorkspaceDep = Annotated[Workspace, Depends(workspace)]
AccountDep = Annotated[Workspace, Depends(account_workspace)]
JournalDep = Annotated[Journal, Depends(journal)]
StateDep = Annotated[AppState, Depends(app_state)]
FormDep = Annotated[FormData, Depends(posted_form)]
