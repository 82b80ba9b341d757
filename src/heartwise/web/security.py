"""Protections on every response and every state-changing request.

- Headers: a strict Content-Security-Policy without 'unsafe-inline', no framing, no
  sniffing, no referrer, and ``no-store`` on everything but static files, since pages
  and API answers carry what the person wrote.
- Host allow-list (in ``create_app``) against DNS rebinding.
- CSRF for forms: a random token in a SameSite=Strict cookie that each form repeats,
  plus an Origin check. The JSON API accepts writes only as ``application/json``,
  which a page on another site cannot send here without a CORS preflight that this app
  never grants.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request

from heartwise.errors import Forbidden, TooLarge, UnsupportedMediaType

CSRF_COOKIE = "hw_csrf"
CSRF_FIELD = "csrf_token"

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """Pure ASGI middleware that adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.extend(_HEADERS)
                cache = b"public, max-age=3600" if static else b"no-store"
                headers.append((b"cache-control", cache))
                if scope.get("scheme") == "https":
                    headers.append((b"strict-transport-security", b"max-age=63072000"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def csrf_token(request: Request) -> str:
    """The browser's CSRF token, making one if it has none yet (set by ``remember_csrf``)."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not token:
        token = secrets.token_urlsafe(32)
        request.state.new_csrf = token
    return str(token)


def check_form(request: Request, submitted: str | None) -> None:
    """Refuse a form post whose token or origin is not this app's."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not submitted or not hmac.compare_digest(cookie, submitted):
        raise Forbidden(
            "This form had expired or did not come from heartwise. Please go back, reload the "
            "page and try again; nothing was changed."
        )
    check_origin(request)


def check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    # Under Referrer-Policy: no-referrer, browsers send "Origin: null" even from this app's
    # own pages; Sec-Fetch-Site, which current browsers send, still tells another site apart.
    foreign_origin = origin not in (None, "", "null", _own_origin(request))
    foreign_site = request.headers.get("sec-fetch-site") in ("cross-site", "same-site")
    if foreign_origin or foreign_site:
        raise Forbidden("This request came from another website, so heartwise refused it.")


def _own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.headers.get('host', '')}"


def check_json_write(request: Request) -> None:
    """API writes must be JSON (or a file upload marked as such) and same-origin."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in ("application/json", "application/octet-stream"):
        raise UnsupportedMediaType("The API accepts writes as application/json only.")
    check_origin(request)


MAX_BODY = 1024 * 1024
# Backups of a long journal are large; everything else is a form or a JSON object.
MAX_IMPORT_BODY = 512 * 1024 * 1024
_IMPORT_PATHS = ("/api/v1/import", "/import")


class BodyLimit:
    """Refuse request bodies over the limit with a 413, before they fill memory.

    A declared Content-Length over the limit is answered at once; a body streamed without
    one is cut off where it passes the limit.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = MAX_IMPORT_BODY if scope.get("path") in _IMPORT_PATHS else MAX_BODY
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(scope, send, _too_large(limit))
            return
        started = False

        async def noting_start(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, _counting_receive(receive, limit), noting_start)
        except _BodyTooLarge as error:
            # Raised where no handler of the app sees it (a middleware reading the body
            # first, see web.admission): answered here, unless an answer has begun.
            if started:
                raise
            await _refuse(scope, send, error)


class _BodyTooLarge(TooLarge, HTTPException):
    """Raised while a body is read. FastAPI turns any other error raised there into a 400
    ("error parsing the body") but passes HTTPExceptions on; the HeartwiseError handler,
    first in this class's MRO, then answers it as the 413 it is."""

    def __init__(self, message: str) -> None:
        TooLarge.__init__(self, message)
        HTTPException.__init__(self, status_code=TooLarge.status, detail=message)


def _too_large(limit: int) -> TooLarge:
    return _BodyTooLarge(
        f"That is more than heartwise accepts in one request ({limit // (1024 * 1024)} MB). "
        "Nothing was stored."
    )


async def _refuse(scope: Scope, send: Send, error: TooLarge) -> None:
    problem = {"type": "about:blank", "title": error.title, "status": error.status}
    body = json.dumps({**problem, "detail": error.message}).encode()
    api = str(scope.get("path", "")).startswith("/api/")
    media = b"application/problem+json" if api else b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": error.status,
            "headers": [(b"content-type", media), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body if api else error.message.encode()})


def _counting_receive(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message.get("type") == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _too_large(limit)
        return message

    return counted
