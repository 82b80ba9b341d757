"""What protects a multi-user server, through the real app on both backends: headers on every
answer, limits on guessing, sessions that end, bodies too large or of the wrong type, and
writes that come from another site.
"""

from __future__ import annotations

import pytest
from contracts import assert_problem
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from server_kit import (
    PASSWORD,
    ApiUser,
    Rows,
    api_sign_up,
    bearer,
    new_email,
)

from heartwise.web.auth import PLAIN_COOKIE, SECURE_COOKIE
from heartwise.web.security import MAX_BODY

# Argon2id at its real cost would make these tests take minutes (see the fixture).
pytestmark = pytest.mark.usefixtures("cheap_hashing")


@pytest.fixture
def user(api: TestClient) -> ApiUser:
    return api_sign_up(api)


def from_elsewhere(server_app: FastAPI, address: str) -> TestClient:
    """Another client of the same running app, from another network address."""
    return TestClient(server_app, base_url="https://testserver", client=(address, 40000))


def login(client: TestClient, email: str, password: str) -> Response:
    return client.post("/api/v1/auth/login", json={"email": email, "password": password})


# -- headers ---------------------------------------------------------------------------------


def assert_protected(response: Response, *, https: bool = True) -> None:
    policy = response.headers["content-security-policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    if https:
        assert response.headers["strict-transport-security"].startswith("max-age=")
    else:
        assert "strict-transport-security" not in response.headers


def test_every_kind_of_answer_carries_the_security_headers(api: TestClient, user: ApiUser) -> None:
    answers = {
        "ok": api.get("/api/v1/auth/me", headers=user.auth),
        "created": api.post("/api/v1/entries", json={"text": "Fine."}, headers=user.auth),
        "no content": api.post(
            "/api/v1/auth/logout", headers=bearer(login(api, user.email, PASSWORD).json()["token"])
        ),
        "signed out": api.get("/api/v1/partner"),
        "bad token": api.get("/api/v1/entries", headers=bearer("made-up")),
        "refused": login(api, user.email, "wrong password"),
        "invalid": api.post("/api/v1/auth/signup", json={"email": "x"}),
        "not found": api.get("/api/v1/nothing-here"),
        "too large": api.post("/api/v1/entries", content=b"x" * (MAX_BODY + 1), headers=user.auth),
        "wrong type": api.post(
            "/api/v1/auth/login",
            content=b"a=b",
            headers={"content-type": "application/x-www-form-urlencoded"},
        ),
        "foreign": api.post(
            "/api/v1/entries",
            json={"text": "x"},
            headers={**user.auth, "origin": "https://evil.example"},
        ),
        "openapi": api.get("/api/v1/openapi.json"),
    }

    assert {name: r.status_code for name, r in answers.items()} == {
        "ok": 200,
        "created": 201,
        "no content": 204,
        "signed out": 401,
        "bad token": 401,
        "refused": 401,
        "invalid": 422,
        "not found": 404,
        "too large": 413,
        "wrong type": 415,
        "foreign": 403,
        "openapi": 200,
    }
    for response in answers.values():
        assert_protected(response)


def test_strict_transport_security_is_only_sent_over_https(
    server_app: FastAPI, api: TestClient
) -> None:
    plain = TestClient(server_app, base_url="http://testserver")

    assert_protected(plain.get("/api/v1/auth/me"), https=False)
    assert_protected(api.get("/api/v1/auth/me"), https=True)


# -- guessing --------------------------------------------------------------------------------


def test_ten_wrong_passwords_pause_sign_in_to_that_account(
    server_app: FastAPI, api: TestClient, clock, user: ApiUser
) -> None:
    other = api_sign_up(api, "other")
    for _ in range(10):
        assert_problem(login(api, user.email, "a wrong guess"), 401)

    paused = login(api, user.email, PASSWORD)

    assert_problem(paused, 429)
    wait = int(paused.headers["retry-after"])
    assert 0 < wait <= 15 * 60 + 1
    # The account is paused from any address; others on this address are not.
    assert_problem(login(from_elsewhere(server_app, "198.51.100.20"), user.email, PASSWORD), 429)
    assert login(api, other.email, PASSWORD).status_code == 200
    clock.advance(seconds=wait)
    assert login(api, user.email, PASSWORD).status_code == 200


def test_fifty_failures_from_one_address_pause_it_for_every_account(
    server_app: FastAPI, api: TestClient, user: ApiUser
) -> None:
    for _ in range(50):
        assert_problem(login(api, new_email("nobody"), "a wrong guess"), 401)

    paused = login(api, user.email, PASSWORD)

    assert_problem(paused, 429)
    assert int(paused.headers["retry-after"]) > 0
    assert (
        login(from_elsewhere(server_app, "198.51.100.21"), user.email, PASSWORD).status_code == 200
    )


def test_recovery_attempts_are_limited_too(api: TestClient, user: ApiUser) -> None:
    guess = {"email": user.email, "new_password": "a brand new password"}
    for n in range(10):
        wrong = api.post(
            "/api/v1/auth/recover", json={**guess, "recovery_key": f"AAAA-BBBB-CCCC-{n:04d}"}
        )
        assert_problem(wrong, 422, "recovery_key")

    paused = api.post("/api/v1/auth/recover", json={**guess, "recovery_key": user.recovery_key})

    assert_problem(paused, 429)
    assert int(paused.headers["retry-after"]) > 0
    assert login(api, user.email, PASSWORD).status_code == 429  # the same account's limit


# -- sessions --------------------------------------------------------------------------------


def test_a_token_stops_working_once_signed_out(api: TestClient, user: ApiUser) -> None:
    assert api.get("/api/v1/entries", headers=user.auth).status_code == 200

    assert api.post("/api/v1/auth/logout", headers=user.auth).status_code == 204

    for url in ("/api/v1/entries", "/api/v1/auth/me", "/api/v1/partner/shared"):
        assert_problem(api.get(url, headers=user.auth), 401)
    assert_problem(api.post("/api/v1/auth/logout", headers=user.auth), 401)
    assert_problem(api.get("/api/v1/export?format=json", headers=user.auth), 401)


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer not-a-real-token",
        "Bearer " + "A" * 43,
        "Bearer " + "x" * 4000,
        "Bearer ../../etc/passwd",
        "Bearer",
        "Basic dXNlcjpwYXNz",
        "",
    ],
    ids=["made-up", "right-length", "long", "path", "empty-bearer", "basic", "none"],
)
def test_a_malformed_or_unknown_token_is_refused(
    api: TestClient, user: ApiUser, authorization: str
) -> None:
    headers = {"Authorization": authorization} if authorization else {}

    response = api.get("/api/v1/entries", headers=headers)

    assert_problem(response, 401)
    assert user.token not in response.text


def test_a_token_with_a_character_changed_is_refused(api: TestClient, user: ApiUser) -> None:
    changed = user.token[:-1] + ("A" if user.token[-1] != "A" else "B")

    assert_problem(api.get("/api/v1/entries", headers=bearer(changed)), 401)


def test_a_session_cookie_works_like_a_bearer_token(api: TestClient, user: ApiUser) -> None:
    api.cookies.set(SECURE_COOKIE, user.token)

    assert api.get("/api/v1/auth/me").json()["email"] == user.email
    api.cookies.set(SECURE_COOKIE, "forged")
    assert_problem(api.get("/api/v1/auth/me"), 401)
    # Over HTTPS only the __Host- cookie counts; the plain one is for loopback over HTTP.
    api.cookies.clear()
    api.cookies.set(PLAIN_COOKIE, user.token)
    assert_problem(api.get("/api/v1/auth/me"), 401)


# -- bodies ----------------------------------------------------------------------------------


def test_a_body_over_the_limit_is_refused_and_nothing_is_stored(
    api: TestClient, rows: Rows, user: ApiUser
) -> None:
    before = rows()
    huge = {"text": "x" * (MAX_BODY + 10)}

    declared = api.post("/api/v1/entries", json=huge, headers=user.auth)
    streamed = api.post(
        "/api/v1/entries",
        content=(b"x" * 65536 for _ in range(MAX_BODY // 65536 + 2)),
        headers={**user.auth, "content-type": "application/json"},
    )
    signup = api.post(
        "/api/v1/auth/signup", json={"email": new_email(), "password": "p" * (MAX_BODY + 1)}
    )

    for response in (declared, streamed, signup):
        assert "Nothing was stored" in assert_problem(response, 413)["detail"]
    assert "content-length" not in streamed.request.headers
    assert rows() == before


@pytest.mark.parametrize(
    ("url", "content_type", "content"),
    [
        ("/api/v1/entries", "text/plain", b'{"text": "Sent as plain text."}'),
        ("/api/v1/entries", "application/x-www-form-urlencoded", b"text=Sent+as+a+form"),
        ("/api/v1/entries", "multipart/form-data; boundary=x", b"--x--"),
        ("/api/v1/auth/signup", "text/plain", b'{"email": "a@example.org", "password": "p"}'),
        ("/api/v1/partner/invite", "text/plain", b"{}"),
    ],
    ids=["entry-text", "entry-form", "entry-multipart", "signup-text", "invite-text"],
)
def test_a_write_that_is_not_json_is_refused_and_nothing_is_stored(
    api: TestClient, rows: Rows, user: ApiUser, url: str, content_type: str, content: bytes
) -> None:
    before = rows()

    response = api.post(url, content=content, headers={**user.auth, "content-type": content_type})

    assert_problem(response, 415)
    assert rows() == before


# -- other sites -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "foreign",
    [
        {"origin": "https://evil.example"},
        {"origin": "http://testserver"},  # same host, but not over HTTPS: another origin
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
    ],
    ids=["origin", "scheme", "fetch-cross", "fetch-same-site"],
)
def test_a_cookie_authenticated_write_from_another_site_is_refused(
    api: TestClient, rows: Rows, user: ApiUser, foreign: dict[str, str]
) -> None:
    api.cookies.set(SECURE_COOKIE, user.token)
    entry = api.post("/api/v1/entries", json={"text": "Mine."}).json()["id"]
    before = rows(leave_out=("auth_failures",))

    answers = [
        api.post("/api/v1/entries", json={"text": "Planted."}, headers=foreign),
        api.patch(f"/api/v1/entries/{entry}", json={"text": "Changed."}, headers=foreign),
        api.delete(f"/api/v1/entries/{entry}", headers=foreign),
        api.post("/api/v1/partner/invite", headers=foreign),
        api.post("/api/v1/auth/logout", headers=foreign),
        api.request("DELETE", "/api/v1/auth/account", json={"password": PASSWORD}, headers=foreign),
    ]

    for response in answers:
        assert_problem(response, 403)
    assert rows(leave_out=("auth_failures",)) == before
    assert api.get(f"/api/v1/entries/{entry}").json()["text"] == "Mine."
    same_site = api.post(
        "/api/v1/entries", json={"text": "From here."}, headers={"origin": "https://testserver"}
    )
    assert same_site.status_code == 201
