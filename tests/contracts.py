"""Shared checks for tests in several folders (on the pytest path via pyproject)."""

from __future__ import annotations

import html
import re
from typing import Any

from heartwise.analysis.findings import CRISIS_KINDS, CRISIS_LEVELS, MARKER_KINDS, SIGNS, TRAPS

PROBLEM_JSON = "application/problem+json"


def assert_problem(
    response: Any, status: int, field: str | None = None, *, field_prefix: str | None = None
) -> dict[str, Any]:
    """A problem+json answer with a short, plain sentence for the person behind the client,
    naming ``field`` (exactly) or a field under ``field_prefix`` when given."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status
    assert problem["title"]
    detail = problem["detail"]
    assert isinstance(detail, str)
    assert 0 < len(detail.strip()) < 300
    for leak in ("Traceback", "pydantic", "input_value", "{'", "errors.pydantic.dev"):
        assert leak not in detail
    if field is not None:
        assert problem.get("field") == field, problem
    if field_prefix is not None:
        assert str(problem.get("field", "")).startswith(field_prefix), problem
    return problem


def text_of(page: str) -> str:
    """What a person reads on a page: no tags, entities decoded, white space collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def check_findings_shape(text: str, result: dict[str, Any]) -> None:
    """The JSON shape of findings that the CLI and the API share, with spans in bounds."""
    assert list(result) == ["traps", "signs", "blame", "crisis"]
    for group, allowed in (("traps", TRAPS), ("signs", SIGNS)):
        for finding in result[group]:
            assert list(finding) == ["label", "score", "spans"]
            assert finding["label"] in allowed
            for start, end in finding["spans"]:
                assert 0 <= start < end <= len(text)
    assert list(result["blame"]) == ["harsh", "score", "markers"]
    for marker in result["blame"]["markers"]:
        assert list(marker) == ["kind", "span"]
        assert marker["kind"] in MARKER_KINDS
        start, end = marker["span"]
        assert 0 <= start < end <= len(text)
    assert list(result["crisis"]) == ["level", "kinds", "spans"]
    assert result["crisis"]["level"] in CRISIS_LEVELS
    assert set(result["crisis"]["kinds"]) <= set(CRISIS_KINDS)
    for start, end in result["crisis"]["spans"]:
        assert 0 <= start < end <= len(text)


def created_record(client: Any, resource: str, body: dict[str, Any]) -> dict[str, Any]:
    """POST a record to ``/api/v1/{resource}``; it must be created."""
    response = client.post(f"/api/v1/{resource}", json=body)
    assert response.status_code == 201, response.text
    record: dict[str, Any] = response.json()
    return record


def assert_record_lifecycle(
    client: Any, resource: str, body: dict[str, Any], change: dict[str, Any]
) -> None:
    """A record log's life through the API: created as sent and private, listed, read,
    changed by PATCH, then deleted and gone (the routes of ``api.v1.records``)."""
    record = created_record(client, resource, body)
    for name, value in body.items():
        assert record[name] == value
    assert record["shared"] is False

    assert [r["id"] for r in client.get(f"/api/v1/{resource}").json()] == [record["id"]]
    assert client.get(f"/api/v1/{resource}/{record['id']}").json() == record

    changed = client.patch(f"/api/v1/{resource}/{record['id']}", json=change).json()
    assert {name: changed[name] for name in change} == change
    assert client.get(f"/api/v1/{resource}/{record['id']}").json() == changed

    assert client.delete(f"/api/v1/{resource}/{record['id']}").status_code == 204
    assert_problem(client.get(f"/api/v1/{resource}/{record['id']}"), 404)
    assert client.get(f"/api/v1/{resource}").json() == []
