"""What every /api/v1 router shares: the prefix, the error shapes, the write rules."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from heartwise.web.api.v1.schemas import Problem
from heartwise.web.hops import OneHopRoute
from heartwise.web.security import check_json_write, check_origin

PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {"application/problem+json": {}}}
    for status in (401, 403, 404, 409, 413, 415, 422, 429)
}


async def json_writes_only(request: Request) -> None:
    # async, though it never waits: FastAPI runs a plain `def` dependency on a worker
    # thread, and that hop costs more than the check on every API call.
    if _bodiless(request):
        # Nothing for a form to smuggle in; the origin check still refuses other sites.
        check_origin(request)
    elif request.method not in ("GET", "HEAD", "OPTIONS"):
        check_json_write(request)


def _bodiless(request: Request) -> bool:
    headers = request.headers
    return (
        not headers.get("content-type")
        and headers.get("content-length", "0") == "0"
        and ("transfer-encoding" not in headers)
    )


def api_router() -> APIRouter:
    return APIRouter(
        prefix="/api/v1",
        responses=PROBLEMS,
        dependencies=[Depends(json_writes_only)],
        route_class=OneHopRoute,
    )
