"""A process lets in no more requests than its database pool has connections.

Regression: with two threads per worker and more concurrent requests than pooled
connections, threads waited for connections that only threads could give back, and every
request hung until the pool's 30-second timeout (found by benchmarks/server_load.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import pytest
from fastapi.testclient import TestClient
from server_kit import api_sign_up, cheap_argon2

from heartwise.config import Settings
from heartwise.storage.engine import PostgresEngine
from heartwise.web.admission import Admission
from heartwise.web.app import create_app

CONCURRENT = 12


class _Gauge:
    """A toy ASGI app that counts how many requests are inside it at once."""

    def __init__(self) -> None:
        self.inside = 0
        self.most = 0
        self.release = anyio.Event()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.inside += 1
        self.most = max(self.most, self.inside)
        if self.inside == 2:
            self.release.set()  # the limit is full: let everyone go on
        await self.release.wait()
        self.inside -= 1


def test_no_more_requests_than_the_limit_are_inside_at_once() -> None:
    gauge = _Gauge()
    admission = Admission(gauge, limit=2)
    finished = []

    async def one(number: int) -> None:
        await admission({"type": "http"}, _never, _ignore)
        finished.append(number)

    async def all_of_them() -> None:
        async with anyio.create_task_group() as group:
            for number in range(CONCURRENT):
                group.start_soon(one, number)

    anyio.run(all_of_them)
    assert gauge.most == 2
    assert sorted(finished) == list(range(CONCURRENT))


def test_a_body_still_on_its_way_holds_no_place() -> None:
    # One place only, taken by nobody while a client dribbles its body: a request without
    # a body goes straight through, and the slow one gets in once its body is complete.
    seen: list[str] = []
    body_done = anyio.Event()

    async def app(scope: Any, receive: Any, send: Any) -> None:
        if scope["method"] == "POST":
            while (await receive()).get("more_body", False):
                pass
        seen.append(scope["method"])

    admission = Admission(app, limit=1)

    async def slow_body() -> Any:
        if not body_done.is_set():
            await body_done.wait()
            return {"type": "http.request", "body": b"{}", "more_body": True}
        return {"type": "http.request", "body": b"", "more_body": False}

    async def both() -> None:
        async with anyio.create_task_group() as group:
            post = {"type": "http", "method": "POST", "headers": [(b"content-length", b"2")]}
            group.start_soon(admission, post, slow_body, _ignore)
            await anyio.wait_all_tasks_blocked()
            with anyio.fail_after(10):  # a hang-breaker only: the GET never waits here
                await admission({"type": "http", "method": "GET", "headers": []}, _never, _ignore)
            body_done.set()

    anyio.run(both)
    assert seen == ["GET", "POST"]


def test_the_limit_is_at_least_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Admission(_Gauge(), limit=0)


async def _never() -> Any:
    raise AssertionError("the toy app reads no body")


async def _ignore(message: Any) -> None:
    return None


@pytest.fixture
def small_pool_api(pg_settings: Settings, clock: Any) -> Iterator[TestClient]:
    """A server with two pooled connections and one thread: the tightest it can be."""
    settings = dataclasses.replace(
        pg_settings, multi_user=True, threads=1, allowed_hosts=("testserver",)
    )
    assert settings.database_url is not None
    # A short wait for a connection, so that a regression fails in seconds, not hangs.
    engine = PostgresEngine(settings.database_url, pool_size=2, wait_s=2)
    with cheap_argon2(), TestClient(create_app(settings, engine=engine, clock=clock)) as client:
        yield client


def test_many_requests_at_once_on_a_small_pool_all_finish(small_pool_api: TestClient) -> None:
    user = api_sign_up(small_pool_api)
    for n in range(3):
        small_pool_api.post("/api/v1/entries", json={"text": f"Note {n}."}, headers=user.auth)

    def timeline(_: int) -> int:
        return small_pool_api.get("/api/v1/entries", headers=user.auth).status_code

    with ThreadPoolExecutor(CONCURRENT) as pool:
        statuses = list(pool.map(timeline, range(CONCURRENT * 2)))
    assert statuses == [200] * (CONCURRENT * 2)
