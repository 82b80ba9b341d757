"""Request dependencies shared by pages and the API."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from heartwise.services.journal import Journal
from heartwise.services.workspace import Workspace
from heartwise.web.auth import session_token
from heartwise.web.state import AppState


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.hw
    return state


def journal(request: Request) -> Iterator[Journal]:
    with app_state(request).workspace(session_token(request)) as ws:
        yield Journal(ws)


def workspace(request: Request) -> Iterator[Workspace]:
    with app_state(request).workspace(session_token(request)) as ws:
        yield ws


def account_workspace(request: Request) -> Iterator[Workspace]:
    """The signed-in account's workspace; 404 on a journal on this machine."""
    state = app_state(request)
    state.require_server()
    with state.workspace(session_token(request)) as ws:
        yield ws


def signed_in(request: Request) -> None:
    """On a server, a page of someone's journal needs their session (else: sign in)."""
    state = app_state(request)
    if state.settings.multi_user:
        with state.workspace(session_token(request)):
            pass


WorkspaceDep = Annotated[Workspace, Depends(workspace)]
AccountDep = Annotated[Workspace, Depends(account_workspace)]
JournalDep = Annotated[Journal, Depends(journal)]
StateDep = Annotated[AppState, Depends(app_state)]
