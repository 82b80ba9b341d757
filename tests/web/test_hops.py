"""One worker-thread trip per request: what ``heartwise.web.hops`` promises.

Nothing here times anything; the benchmark measures what the trips cost.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, get_args, get_origin, get_type_hints

import pytest
from fastapi.params import Depends
from fastapi.routing import APIRoute
from server_kit import route_table

from heartwise.web import deps
from heartwise.web.hops import Deferred, in_one_hop, runs_in_one_hop

DEFERRED_DEPENDENCIES = {deps.journal, deps.workspace, deps.account_workspace}


class Opened:
    """A stand-in for a workspace that records where and how often it was opened."""

    def __init__(self) -> None:
        self.events: list[tuple[str, int]] = []

    @contextmanager
    def open(self) -> Iterator[str]:
        self.events.append(("open", threading.get_ident()))
        try:
            yield "workspace"
        finally:
            self.events.append(("close", threading.get_ident()))


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def test_the_route_runs_between_open_and_close_on_one_worker_thread() -> None:
    opened = Opened()
    seen: list[tuple[str, int]] = []

    def endpoint(ws: str, n: int) -> str:
        seen.append((ws, threading.get_ident()))
        return f"{ws} {n}"

    route = in_one_hop(endpoint)
    assert inspect.iscoroutinefunction(route)
    assert run(route(ws=Deferred(opened.open), n=3)) == "workspace 3"
    (ws, route_thread) = seen[0]
    assert ws == "workspace"
    assert opened.events == [("open", route_thread), ("close", route_thread)]
    assert route_thread != threading.get_ident()  # not the event loop's thread


def test_one_dependency_given_twice_is_opened_once() -> None:
    opened = Opened()
    one = Deferred(opened.open)
    route = in_one_hop(lambda a, b: (a, b))
    assert run(route(a=one, b=one)) == ("workspace", "workspace")
    assert [event for event, _ in opened.events] == ["open", "close"]


def test_the_workspace_is_closed_when_the_route_fails() -> None:
    opened = Opened()

    def endpoint(ws: str) -> None:
        raise LookupError("no such entry")

    with pytest.raises(LookupError):
        run(in_one_hop(endpoint)(ws=Deferred(opened.open)))
    assert [event for event, _ in opened.events] == ["open", "close"]


def test_async_routes_are_left_as_they_are() -> None:
    async def endpoint() -> int:
        return 1

    assert in_one_hop(endpoint) is endpoint
    assert not runs_in_one_hop(endpoint)


def test_fastapi_still_reads_the_route_s_own_parameters() -> None:
    def endpoint(entry_id: int, q: str = "x") -> int:
        return entry_id

    assert list(inspect.signature(in_one_hop(endpoint)).parameters) == ["entry_id", "q"]


def _takes_deferred(route: APIRoute) -> bool:
    endpoint = inspect.unwrap(route.endpoint)
    hints = get_type_hints(endpoint, include_extras=True)
    for name, parameter in inspect.signature(endpoint).parameters.items():
        annotation = hints.get(name)
        metadata = get_args(annotation)[1:] if get_origin(annotation) is Annotated else ()
        for extra in (*metadata, parameter.default):
            if isinstance(extra, Depends) and extra.dependency in DEFERRED_DEPENDENCIES:
                return True
    return False


@pytest.mark.parametrize("multi_user", [False, True], ids=["local", "server"])
def test_every_route_given_a_workspace_opens_it_in_one_hop(multi_user: bool) -> None:
    """Read from the route table, so a new route on a router without ``OneHopRoute``
    fails here instead of receiving an unopened ``Deferred``."""
    given = [route for route in route_table(multi_user=multi_user) if _takes_deferred(route)]
    assert len(given) > 50  # the check found the routes it is about
    assert [route.path for route in given if not runs_in_one_hop(route.endpoint)] == []


@pytest.mark.parametrize("multi_user", [False, True], ids=["local", "server"])
def test_a_route_knows_whether_it_opens_a_workspace_on_its_trip(multi_user: bool) -> None:
    """``signed_in`` leaves the session check to such a route; one that said so wrongly
    would serve a page without a session, or check twice."""
    routes = [r for r in route_table(multi_user=multi_user) if hasattr(r, "opens_deferred")]
    assert len(routes) > 100
    assert [r.path for r in routes if r.opens_deferred != _takes_deferred(r)] == []
