"""One trip to a worker thread per request: open the workspace, run the route, close it.

FastAPI runs a plain ``def`` route on a worker thread, and with it every plain ``def``
step around it on a thread of its own: entering a workspace dependency, the route,
checking the response, leaving the dependency. Four trips, each a queue hand-off, a
wake-up of the event loop and a context switch: a profile of a worker under load put
about a quarter of its busy time in them (decision 0002).

So the workspace dependencies only note what to open (``Deferred``, no waiting, on the
event loop), and every route of a router built with ``OneHopRoute`` runs as one call on
a worker thread that opens what it was given, runs the route's own function, and closes
the workspace again: commit or roll back, connection back to the pool, exactly as the
``with`` block around a route did before. The response is checked on the event loop
afterwards, as for any ``async`` route.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

ONE_HOP = "__heartwise_one_hop__"
DEFERRING = "__heartwise_deferring__"


@dataclass(frozen=True, eq=False)
class Deferred:
    """Something a route needs opened on its own worker thread: ``open()`` gives a
    context manager that yields it (a workspace, a journal on one)."""

    open: Callable[[], AbstractContextManager[Any]]


def deferring(dependency: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a dependency that returns a ``Deferred``, so its route knows it opens one."""
    setattr(dependency, DEFERRING, True)
    return dependency


def in_one_hop(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """``endpoint`` as an ``async`` route that runs it, with its ``Deferred`` arguments
    opened, in one trip to a worker thread. ``async`` routes are returned as they are:
    they run on the event loop and must open nothing there."""
    if inspect.iscoroutinefunction(endpoint) or getattr(endpoint, ONE_HOP, False):
        return endpoint

    @functools.wraps(endpoint)  # FastAPI reads the parameters through __wrapped__
    async def route(**arguments: Any) -> Any:
        return await run_in_threadpool(_call_opened, endpoint, arguments)

    setattr(route, ONE_HOP, True)
    return route


def _call_opened(endpoint: Callable[..., Any], arguments: dict[str, Any]) -> Any:
    with ExitStack() as stack:
        opened: dict[int, Any] = {}  # one dependency asked for twice is opened once

        def value(argument: Any) -> Any:
            if not isinstance(argument, Deferred):
                return argument
            if id(argument) not in opened:
                opened[id(argument)] = stack.enter_context(argument.open())
            return opened[id(argument)]

        return endpoint(**{name: value(argument) for name, argument in arguments.items()})


def runs_in_one_hop(endpoint: Callable[..., Any]) -> bool:
    return bool(getattr(endpoint, ONE_HOP, False))


class OneHopRoute(APIRoute):
    """A route whose plain ``def`` endpoint runs with its workspace in one worker-thread
    trip; ``async`` endpoints are left as they are.

    ``opens_deferred`` says whether the route opens anything on that trip (a dependency
    marked ``deferring``): a check that opening would repeat can then be left to it.
    """

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, in_one_hop(endpoint), **kwargs)
        self.opens_deferred = runs_in_one_hop(self.endpoint) and _any_deferring(self.dependant)


def _any_deferring(dependant: Dependant) -> bool:
    return any(
        getattr(sub.call, DEFERRING, False) or _any_deferring(sub) for sub in dependant.dependencies
    )
