"""Where a request's session token comes from, and the session cookie's shape.

API clients send ``Authorization: Bearer TOKEN``; browsers carry the token in a cookie
that scripts cannot read (HttpOnly), that other sites' requests do not carry on
cross-site posts (SameSite=Lax), and, over HTTPS, that is ``__Host-`` prefixed: Secure,
for this host only, for every path. Browsers refuse a ``__Host-`` cookie without Secure,
so over plain HTTP (a server tried out on loopback) it is the unprefixed ``hw_session``.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

SECURE_COOKIE = "__Host-hw_session"
PLAIN_COOKIE = "hw_session"


def _https(request: Request) -> bool:
    return request.url.scheme == "https"


def cookie_name(request: Request) -> str:
    return SECURE_COOKIE if _https(request) else PLAIN_COOKIE


def session_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.cookies.get(cookie_name(request)) or None


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        cookie_name(request),
        token,
        max_age=30 * 24 * 3600,
        path="/",
        httponly=True,
        samesite="lax",
        secure=_https(request),
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        cookie_name(request), path="/", httponly=True, samesite="lax", secure=_https(request)
    )


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
