"""One place where errors become answers: problem+json for the API, a kind page elsewhere."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from heartwise.errors import HeartwiseError, Locked, NotSignedIn, TooManyAttempts

PROBLEM_JSON = "application/problem+json"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _problem(status: int, title: str, detail: str, field: str | None = None) -> JSONResponse:
    body: dict[str, object] = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
    }
    if field:
        body["field"] = field
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def _page(request: Request, status: int, title: str, detail: str) -> Response:
    templates = request.app.state.templates
    return templates.TemplateResponse(  # type: ignore[no-any-return]
        request, "error.html", {"title": title, "detail": detail}, status_code=status
    )


def _answer(request: Request, status: int, title: str, detail: str, field: str | None) -> Response:
    if _wants_json(request):
        return _problem(status, title, detail, field)
    return _page(request, status, title, detail)


def _describe_validation(exc: RequestValidationError) -> tuple[str, str | None]:
    # FastAPI's own messages quote the submitted value; ours never echo what was written.
    first = exc.errors()[0] if exc.errors() else {}
    location = [str(part) for part in first.get("loc", ()) if part not in ("body", "query", "path")]
    field = ".".join(location) or None
    where = f"“{field}”" if field else "the request"
    return f"Please check {where}: {first.get('msg', 'it is not valid').lower()}.", field


def install_error_handlers(app: FastAPI) -> None:
    async def on_heartwise_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HeartwiseError)
        if isinstance(exc, Locked) and not _wants_json(request):
            return RedirectResponse("/unlock", status_code=303)
        if isinstance(exc, NotSignedIn) and not _wants_json(request):
            return RedirectResponse("/login", status_code=303)
        response = _answer(request, exc.status, exc.title, exc.message, exc.field)
        if isinstance(exc, TooManyAttempts):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        detail, field = _describe_validation(exc)
        return _answer(request, 422, "Please check what you sent", detail, field)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        title = "Not found" if exc.status_code == 404 else "This request could not be served"
        detail = "There is nothing at this address." if exc.status_code == 404 else str(exc.detail)
        return _answer(request, exc.status_code, title, detail, None)

    app.add_exception_handler(HeartwiseError, on_heartwise_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
