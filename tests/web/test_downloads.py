"""Exports stream at most a few at a time per process, and always give their place back."""

from __future__ import annotations

import gc
import threading
from collections.abc import Generator, Iterator
from contextlib import contextmanager

import pytest
from contracts import assert_problem, text_of
from fastapi.testclient import TestClient
from server_kit import ApiUser, api_sign_up, bearer

from heartwise.web.downloads import BUSY_RETRY_SECONDS, ReleasingStream
from heartwise.web.state import EXPORTS_AT_ONCE


def slots_of(client: TestClient) -> threading.BoundedSemaphore:
    slots: threading.BoundedSemaphore = client.app.state.hw.export_slots  # type: ignore[attr-defined]
    return slots


def free_places(slots: threading.BoundedSemaphore) -> int:
    """How many exports could start now (the semaphore is left as it was)."""
    taken = 0
    while slots.acquire(blocking=False):
        taken += 1
    for _ in range(taken):
        slots.release()
    return taken


@contextmanager
def exports_in_progress(client: TestClient, count: int) -> Iterator[None]:
    """Hold ``count`` places as downloads still streaming to slow readers would."""
    slots = slots_of(client)
    for _ in range(count):
        assert slots.acquire(blocking=False)
    try:
        yield
    finally:
        for _ in range(count):
            slots.release()


def test_an_export_while_the_places_are_taken_is_refused_kindly(client: TestClient) -> None:
    client.post("/api/v1/entries", json={"text": "Walked by the river together"})
    with exports_in_progress(client, EXPORTS_AT_ONCE):
        refused = client.get("/api/v1/export")
        problem = assert_problem(refused, 429)
        assert refused.headers["retry-after"] == str(BUSY_RETRY_SECONDS)
        assert "try again" in problem["detail"]
        assert free_places(slots_of(client)) == 0

    exported = client.get("/api/v1/export")
    assert exported.status_code == 200
    assert [e["text"] for e in exported.json()["entries"]] == ["Walked by the river together"]
    assert free_places(slots_of(client)) == EXPORTS_AT_ONCE


def test_one_place_free_is_enough(client: TestClient) -> None:
    with exports_in_progress(client, EXPORTS_AT_ONCE - 1):
        assert client.get("/api/v1/export", params={"format": "csv"}).status_code == 200
        assert free_places(slots_of(client)) == 1


def test_exports_one_after_another_each_give_their_place_back(client: TestClient) -> None:
    for fmt in ("json", "md", "csv", "json", "md"):
        assert client.get("/api/v1/export", params={"format": fmt}).status_code == 200
    assert free_places(slots_of(client)) == EXPORTS_AT_ONCE


def test_the_export_page_says_the_same_in_words(sqlite_client: TestClient) -> None:
    with exports_in_progress(sqlite_client, EXPORTS_AT_ONCE):
        refused = sqlite_client.get("/export/download", params={"format": "md"})
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == str(BUSY_RETRY_SECONDS)
    assert "Other exports are being prepared right now" in text_of(refused.text)
    assert free_places(slots_of(sqlite_client)) == EXPORTS_AT_ONCE


@pytest.mark.usefixtures("cheap_hashing")
def test_a_refused_session_gives_its_place_back(api: TestClient) -> None:
    user: ApiUser = api_sign_up(api)
    for _ in range(EXPORTS_AT_ONCE + 2):
        assert_problem(api.get("/api/v1/export", headers=bearer("made-up")), 401)
    assert free_places(slots_of(api)) == EXPORTS_AT_ONCE
    assert api.get("/api/v1/export", headers=user.auth).status_code == 200


# -- the stream itself -----------------------------------------------------------------------


class Place:
    def __init__(self) -> None:
        self.released = 0
        self.closed_stream = False

    def release(self) -> None:
        self.released += 1

    def chunks(self, count: int, fail_at: int | None = None) -> Generator[bytes, None, None]:
        try:
            for number in range(count):
                if number == fail_at:
                    raise OSError("the disk went away")
                yield f"chunk {number}\n".encode()
        finally:
            self.closed_stream = True


def test_a_stream_read_to_the_end_releases_once() -> None:
    place = Place()
    stream = ReleasingStream(place.chunks(3), place.release)
    assert list(stream) == [b"chunk 0\n", b"chunk 1\n", b"chunk 2\n"]
    stream.close()
    assert (place.released, place.closed_stream) == (1, True)


def test_a_stream_that_fails_releases_and_passes_the_error_on() -> None:
    place = Place()
    stream = ReleasingStream(place.chunks(3, fail_at=1), place.release)
    assert next(stream) == b"chunk 0\n"
    with pytest.raises(OSError, match="disk went away"):
        next(stream)
    assert (place.released, place.closed_stream) == (1, True)


def test_a_stream_closed_half_way_closes_its_source() -> None:
    place = Place()
    stream = ReleasingStream(place.chunks(5), place.release)
    next(stream)
    stream.close()
    stream.close()
    assert (place.released, place.closed_stream) == (1, True)


@pytest.mark.parametrize("started", [False, True], ids=["never started", "started"])
def test_a_stream_dropped_without_closing_still_releases(started: bool) -> None:
    place = Place()
    stream = ReleasingStream(place.chunks(5), place.release)
    if started:
        next(stream)
    del stream
    gc.collect()
    assert place.released == 1
