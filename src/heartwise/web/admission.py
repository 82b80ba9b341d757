"""How many requests one process works on at once.

A request holds a database connection from its first dependency until its last, and
FastAPI runs those steps on worker threads one hop at a time. Without a limit, more
requests than the pool has connections each took a thread to *wait* for a connection,
while the requests holding connections waited for a free thread to finish: nothing moved
until the pool gave up after 30 seconds (seen under load with two threads per worker).
Letting in at most as many requests as the pool has connections means no thread ever
waits for one; the others wait their turn here, first come first served, without a
thread.

A request is let in once its body has arrived, not before: someone sending a body very
slowly holds no place that others wait for.
"""

from __future__ import annotations

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
        slots = self._slots()
        if not _has_body(scope):
            async with slots:
                await self.app(scope, receive, send)
            return
        admitted = False

        async def receive_then_admit() -> Message:
            nonlocal admitted
            message = await receive()
            if not admitted and not message.get("more_body", False):
                await slots.acquire()  # the whole body is here (or the client left)
                admitted = True
            return message

        try:
            await self.app(scope, receive_then_admit, send)
        finally:
            if admitted:
                slots.release()

    def _slots(self) -> anyio.Semaphore:
        try:
            return self._per_loop.get()
        except LookupError:
            slots = anyio.Semaphore(self.limit, fast_acquire=True)
            self._per_loop.set(slots)
            return slots


def _has_body(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"transfer-encoding" or (name == b"content-length" and value.strip() != b"0"):
            return True
    return False
