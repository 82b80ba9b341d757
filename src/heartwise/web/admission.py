"""How many requests one process works on at once.

When FastAPI ran a request's steps on worker threads one hop at a time, a request held
its database connection between hops. Without a limit, more requests than the pool had
connections each took a thread to *wait* for a connection, while the requests holding
connections waited for a free thread to finish: nothing moved until the pool gave up
after 30 seconds (seen under load with two threads per worker). Most routes now run in
one trip (``heartwise.web.hops``), but a streamed export still holds its connection
across trips (``web.downloads`` lets a process stream only a few at once). Letting in
at most as many requests as the pool has connections means no thread ever waits for
one; the others wait their turn here, first come first served, without a thread.

A request is let in once its whole body has arrived, not before: someone sending a body
very slowly holds no place that others wait for, and nothing the app does (a dependency
opening the database, say) can run before it is let in.
"""

from __future__ import annotations

from collections import deque

import anyio
from anyio.lowlevel import RunVar

from heartwise.web.security import ASGIApp, Message, Receive, Scope, Send


class Admission:
    """Pure ASGI middleware: at most ``limit`` HTTP requests at work in the app at once."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        if limit < 1:
            raise ValueError("the admission limit is at least 1")
        self.app = app
        self.limit = limit
        # One semaphore per app and event loop (tests run an app on several loops).
        self._per_loop: RunVar[anyio.Semaphore] = RunVar("heartwise_admission")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        arrived = await _whole_body(scope, receive)
        async with self._slots():
            await self.app(scope, _replay(arrived, receive), send)

    def _slots(self) -> anyio.Semaphore:
        try:
            return self._per_loop.get()
        except LookupError:
            slots = anyio.Semaphore(self.limit, fast_acquire=True)
            self._per_loop.set(slots)
            return slots


async def _whole_body(scope: Scope, receive: Receive) -> deque[Message]:
    """Every message of the request body, read before the request is let in. (An app
    reads the whole body anyway; the size limit, BodyLimit, runs outside this.)"""
    arrived: deque[Message] = deque()
    if not _has_body(scope):
        return arrived
    while True:
        message = await receive()
        arrived.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            return arrived


def _replay(arrived: deque[Message], receive: Receive) -> Receive:
    """The app's receive: what already arrived, then the connection's own (a disconnect)."""

    async def replayed() -> Message:
        if arrived:
            return arrived.popleft()  # popped, so the body is not held twice
        return await receive()

    return replayed


def _has_body(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"transfer-encoding" or (name == b"content-length" and value.strip() != b"0"):
            return True
    return False
