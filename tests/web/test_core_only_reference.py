"""The load benchmark's no-web-layer reference does the work of heartwise's own routes.

``benchmarks/server_load.py`` compares heartwise with ``benchmarks/core_only_app.py`` to say
what the web face costs; that figure means something only if the reference answers the same
requests with the same data, on the same kind of account.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fakes import FakeClock
from fastapi.testclient import TestClient
from server_kit import api_sign_up

from heartwise.config import Settings

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
TEXTS = (
    "We planned the picnic and I felt calm about it.",
    "The lantern broke and I waited before asking again.",
    "Noor cooked dinner; I noticed the urge to check my phone.",
)

pytestmark = pytest.mark.usefixtures("cheap_hashing")


def _reference_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("core_only_app", BENCHMARKS / "core_only_app.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def reference(server_settings: Settings, clock: FakeClock) -> Iterator[TestClient]:
    with TestClient(_reference_module().make(server_settings, clock)) as client:
        yield client


def _ids_and_texts(items: list[dict[str, Any]]) -> list[tuple[int, str]]:
    return [(item["id"], item["text"]) for item in items]


def test_timeline_and_search_answer_what_the_api_answers(
    api: TestClient, reference: TestClient
) -> None:
    user = api_sign_up(api)
    for text in TEXTS:
        assert (
            api.post("/api/v1/entries", json={"text": text}, headers=user.auth).status_code == 201
        )

    ours = api.get("/api/v1/entries?limit=20", headers=user.auth).json()
    theirs = reference.get("/api/v1/entries?limit=20", headers=user.auth).json()
    assert _ids_and_texts(theirs["items"]) == _ids_and_texts(ours["items"])
    assert theirs["total"] == ours["total"] == len(TEXTS)

    ours = api.get("/api/v1/search?q=lantern", headers=user.auth).json()
    theirs = reference.get("/api/v1/search?q=lantern", headers=user.auth).json()
    assert _ids_and_texts(theirs["items"]) == _ids_and_texts(ours["items"])
    assert [item["highlights"] for item in theirs["items"]] == [
        item["highlights"] for item in ours["items"]
    ]
    assert len(theirs["items"]) == 1


def test_a_write_is_stored_for_the_session_s_account(
    api: TestClient, reference: TestClient
) -> None:
    user, other = api_sign_up(api, "writer"), api_sign_up(api, "other")
    answer = reference.post("/api/v1/entries", json={"text": TEXTS[0]}, headers=user.auth)
    assert answer.status_code == 201
    written = answer.json()

    mine = api.get(f"/api/v1/entries/{written['id']}", headers=user.auth)
    assert mine.status_code == 200
    assert mine.json()["text"] == TEXTS[0]
    assert api.get(f"/api/v1/entries/{written['id']}", headers=other.auth).status_code == 404
