"""Request dependencies shared by pages and the API."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from heartwise.services.journal import Journal
from heartwise.web.state import AppState


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.hw
    return state


def journal(request: Request) -> Iterator[Journal]:
    with app_state(request).workspace() as ws:
        yield Journal(ws)


JournalDep = Annotated[Journal, Depends(journal)]
StateDep = Annotated[AppState, Depends(app_state)]
