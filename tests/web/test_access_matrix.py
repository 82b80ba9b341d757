"""Who may do what, for every route the app has: generated from the route table.

Each route of the server-mode app is tried as five callers: the owner of the data, the
linked partner with the item shared, the linked partner with it unshared, a stranger,
and someone not signed in. A route is judged by its shape, so a route added later is
covered without anyone remembering to add it here:

- a path with an object id (``{entry_id}``) is the owner's alone: everyone else gets
  ``404``, exactly as if the object did not exist, and nothing of the owner's changes;
- any other route acts on the caller's own data: any signed-in caller may use it, and
  nothing the owner keeps private may appear in the answer (the partner may see what is
  shared with them only where shared things are shown);
- without a session, API routes answer ``401`` and pages send the browser to sign in;
- a few routes are public (sign-up, sign-in, recovery, the API description), and a few
  belong to a journal on one machine only (the passphrase lock): ``404`` on a server.

A route that needs a request body gets it from ``BODIES``; one that is missing there
fails for its owner, which is how a new route asks to be described.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from server_kit import route_table

from heartwise.config import Settings
from heartwise.vault import passphrase, passwords
from heartwise.web.app import create_app
from heartwise.web.security import CSRF_COOKIE

TEST_HOSTS = ("testserver",)
PRIVATE = "zq-private-canary-4417"
SHARED = "zq-shared-canary-8821"
CSRF = "matrix-csrf-token"
JSON = {"content-type": "application/json"}
ROLES = ("anonymous", "stranger", "partner_unshared", "partner_shared", "owner")
PUBLIC = {
    ("POST", "/api/v1/auth/signup"),
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/recover"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("GET", "/signup"),
    ("POST", "/signup"),
    ("GET", "/recover"),
    ("POST", "/recover"),
    # Signing out without a session does nothing and says so.
    ("POST", "/logout"),
}
LOCAL_ONLY = {
    ("POST", "/api/v1/unlock"),
    ("POST", "/api/v1/lock"),
    ("GET", "/unlock"),
    ("POST", "/unlock"),
    ("POST", "/lock"),
}
# Where the partner is shown what is shared with them.
SHARED_VIEWS = {"/api/v1/partner/shared", "/us"}
# Routes whose object is an entry in the trash.
TRASH_TARGETS = {"/api/v1/trash/{entry_id}/restore", "/trash/{entry_id}/restore"}
PASSWORDS = {
    "owner": "owner lantern meadow",
    "partner": "partner quiet harbour",
    "stranger": "stranger copper valley",
}
# One object of each growth kind, as the owner creates it: (API path, body).
GROWTH = {
    "triggers": {"situation": PRIVATE, "category": "time apart", "emotion": "sad", "intensity": 40},
    "urges": {"urge": PRIVATE, "wait_minutes": 15},
    "thought-records": {"situation": PRIVATE, "thought": "they will leave"},
    "reality-checks": {"event": PRIVATE, "expected": 7},
    "ifeel": {"feeling": "lonely", "situation": PRIVATE, "request": "call me at lunch"},
    "conversations": {"topic": PRIVATE, "hope": "a calm talk"},
    "expectations": {"text": PRIVATE},
}
EMPTY_BACKUP = {"format": "heartwise-backup", "version": 2, "entries": [], "items": []}


@dataclass
class World:
    app: FastAPI
    owner_id: int
    tokens: dict[str, str]
    ids: dict[str, int]
    growth: dict[tuple[str, str], int]

    def password_of(self, role: str) -> str:
        # Someone not signed in does not know anyone's password; they guess the owner's.
        person = "partner" if role.startswith("partner") else role
        return PASSWORDS.get(person, "a guess at the owner's")


Body = Callable[[World, str], dict[str, object]]

# JSON bodies for API writes, form fields for page posts; each may depend on the caller.
BODIES: dict[tuple[str, str], Body] = {
    ("POST", "/api/v1/entries"): lambda w, r: {"text": "a new line of my own"},
    ("PATCH", "/api/v1/entries/{entry_id}"): lambda w, r: {"text": "changed by a caller"},
    ("POST", "/api/v1/import"): lambda w, r: EMPTY_BACKUP,
    ("POST", "/api/v1/analyze"): lambda w, r: {"text": "I always mess things up"},
    ("POST", "/api/v1/auth/signup"): lambda w, r: {
        "email": f"new-{r}@example.org",
        "password": "brand new keeper phrase",
    },
    ("POST", "/api/v1/auth/login"): lambda w, r: {
        "email": f"owner-{r}@example.org",
        "password": PASSWORDS["owner"],
    },
    ("POST", "/api/v1/auth/recover"): lambda w, r: {
        "email": f"owner-{r}@example.org",
        "recovery_key": "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA",
        "new_password": "another keeper phrase",
    },
    ("POST", "/api/v1/auth/password"): lambda w, r: {
        "current_password": w.password_of(r),
        "new_password": "a changed keeper phrase",
    },
    ("DELETE", "/api/v1/auth/account"): lambda w, r: {"password": w.password_of(r)},
    ("POST", "/api/v1/partner/accept"): lambda w, r: {"code": "AAAA-BBBB-CCCC-DDDD"},
    ("PUT", "/api/v1/partner/sharing/{kind}"): lambda w, r: {"shared": True},
    ("POST", "/api/v1/unlock"): lambda w, r: {"passphrase": "whatever it was"},
    ("POST", "/api/v1/triggers"): lambda w, r: GROWTH["triggers"] | {"situation": "mine"},
    ("POST", "/api/v1/urges"): lambda w, r: {"urge": "mine", "wait_minutes": 10},
    ("POST", "/api/v1/thought-records"): lambda w, r: {"situation": "mine", "thought": "t"},
    ("POST", "/api/v1/reality-checks"): lambda w, r: {"event": "mine", "expected": 3},
    ("PATCH", "/api/v1/triggers/{record_id}"): lambda w, r: {"intensity": 10},
    ("PATCH", "/api/v1/urges/{record_id}"): lambda w, r: {"wait_minutes": 20},
    ("PATCH", "/api/v1/thought-records/{record_id}"): lambda w, r: {"thought": "changed"},
    ("PATCH", "/api/v1/reality-checks/{record_id}"): lambda w, r: {"expected": 2},
    ("POST", "/api/v1/urges/{record_id}/outcome"): lambda w, r: {"passed": True},
    ("POST", "/api/v1/reality-checks/{record_id}/outcome"): lambda w, r: {"actual": 1},
    ("POST", "/api/v1/coach"): lambda w, r: {"text": "You never call me back."},
    ("POST", "/api/v1/ifeel"): lambda w, r: {"feeling": "sad", "situation": "mine"},
    ("POST", "/api/v1/ifeel/preview"): lambda w, r: {"feeling": "sad", "situation": "mine"},
    ("PATCH", "/api/v1/ifeel/{record_id}"): lambda w, r: {"feeling": "worried"},
    ("POST", "/api/v1/ifeel/{record_id}/outcome"): lambda w, r: {"sent": True},
    ("POST", "/api/v1/conversations"): lambda w, r: {"topic": "mine"},
    ("PATCH", "/api/v1/conversations/{record_id}"): lambda w, r: {"hope": "changed"},
    ("POST", "/api/v1/conversations/{record_id}/afterwards"): lambda w, r: {"rating": 7},
    ("POST", "/api/v1/expectations"): lambda w, r: {"text": "mine"},
    ("POST", "/api/v1/expectations/check"): lambda w, r: {"text": "He must always call"},
    ("PATCH", "/api/v1/expectations/{record_id}"): lambda w, r: {"status": "agreed"},
    ("PUT", "/api/v1/affection"): lambda w, r: {"mine": {"gifts": {"giving": 2, "receiving": 5}}},
    # pages
    ("POST", "/entries"): lambda w, r: {"text": "a new line of my own"},
    ("POST", "/entries/{entry_id}/edit"): lambda w, r: {"text": "changed by a caller"},
    ("POST", "/entries/{entry_id}/dismiss"): lambda w, r: {"label": "catastrophizing"},
    ("POST", "/entries/{entry_id}/share"): lambda w, r: {"shared": "on"},
    ("POST", "/safety-plan"): lambda w, r: {"warning_signs": "tight chest"},
    ("POST", "/settings"): lambda w, r: {"analysis": "on"},
    ("POST", "/unlock"): lambda w, r: {"passphrase": "whatever it was"},
    ("POST", "/login"): lambda w, r: {"email": f"owner-{r}@example.org", "password": "not it"},
    ("POST", "/signup"): lambda w, r: {
        "email": f"page-{r}@example.org",
        "password": "brand new keeper phrase",
    },
    ("POST", "/recover"): lambda w, r: {
        "email": f"owner-{r}@example.org",
        "recovery_key": "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA",
        "new_password": "another keeper phrase",
    },
    ("POST", "/account/password"): lambda w, r: {
        "current_password": w.password_of(r),
        "new_password": "a changed keeper phrase",
    },
    ("POST", "/account/delete"): lambda w, r: {"password": w.password_of(r), "confirm": "on"},
    ("POST", "/partner/accept"): lambda w, r: {"code": "AAAA-BBBB-CCCC-DDDD"},
    ("POST", "/partner/sharing"): lambda w, r: {"kind": "entry", "shared": "on"},
    ("POST", "/partner/unlink"): lambda w, r: {"confirm": "on"},
    # the self-awareness pages
    ("POST", "/triggers"): lambda w, r: {
        "situation": "mine",
        "category": "time apart",
        "emotion": "sad",
        "intensity": "40",
    },
    ("POST", "/triggers/{record_id}/edit"): lambda w, r: {
        "situation": "changed by a caller",
        "category": "time apart",
        "emotion": "sad",
        "intensity": "10",
    },
    ("POST", "/urges"): lambda w, r: {"urge": "mine", "wait_minutes": "10"},
    ("POST", "/urges/{record_id}/outcome"): lambda w, r: {"outcome": "passed"},
    ("POST", "/thought-records/new"): lambda w, r: {"situation": "mine", "thought": "t"},
    ("POST", "/thought-records"): lambda w, r: {"situation": "mine", "thought": "t"},
    ("POST", "/reality-checks"): lambda w, r: {"event": "mine", "expected": "3"},
    ("POST", "/reality-checks/{record_id}/outcome"): lambda w, r: {"actual": "1"},
    ("POST", "/coach"): lambda w, r: {"text": "Why do you always ignore me?"},
    ("POST", "/ifeel"): lambda w, r: {"feeling_choice": "sad", "situation": "mine"},
    ("POST", "/ifeel/preview"): lambda w, r: {"feeling_own": "sad", "situation": "mine"},
    ("POST", "/ifeel/{record_id}/edit"): lambda w, r: {"feeling_own": "sad", "situation": "m"},
    ("POST", "/ifeel/{record_id}/outcome"): lambda w, r: {"sent": "yes"},
    ("POST", "/ifeel/{record_id}/share"): lambda w, r: {"shared": "on"},
    ("POST", "/conversations"): lambda w, r: {"topic": "mine"},
    ("POST", "/conversations/{record_id}/edit"): lambda w, r: {"topic": "changed"},
    ("POST", "/conversations/{record_id}/afterwards"): lambda w, r: {"rating": "7"},
    ("POST", "/conversations/{record_id}/share"): lambda w, r: {"shared": "on"},
    ("POST", "/expectations"): lambda w, r: {"text": "mine"},
    ("POST", "/expectations/{record_id}/edit"): lambda w, r: {"text": "changed"},
    ("POST", "/expectations/{record_id}/status"): lambda w, r: {"status": "discussed"},
    ("POST", "/expectations/{record_id}/share"): lambda w, r: {"shared": "on"},
    ("POST", "/affection"): lambda w, r: {"gifts_mine_giving": "2", "gifts_mine_receiving": "5"},
    ("POST", "/affection/share"): lambda w, r: {"shared": "on"},
}


def _routes() -> list[tuple[str, str]]:
    """(method, path) of every route of the server-mode app, read from its route table."""
    return sorted(
        (method, route.path)
        for route in route_table(multi_user=True)
        for method in route.methods
        if method != "HEAD"
    )


ROUTES = _routes()


@pytest.fixture
def cheap_keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Argon2 at its smallest cost: this module signs up three accounts per route, and
    what it checks is who may see what, not how hard a password is to guess."""
    monkeypatch.setattr(passphrase, "TIME_COST", 1)
    monkeypatch.setattr(passphrase, "MEMORY_KIB", 64)
    monkeypatch.setattr(passwords, "_TIME_COST", 1)
    monkeypatch.setattr(passwords, "_MEMORY_KIB", 64)
    passwords._hasher.cache_clear()
    passwords._decoy_hash.cache_clear()
    yield
    passwords._hasher.cache_clear()
    passwords._decoy_hash.cache_clear()


def _client(app: FastAPI, token: str | None = None) -> TestClient:
    # Not entered as a context manager: several clients share one app and its engine.
    client = TestClient(app, base_url="https://testserver", follow_redirects=False)
    client.cookies.set(CSRF_COOKIE, CSRF)
    if token:
        client.headers["Authorization"] = f"Bearer {token}"
    return client


def _app(settings: Settings, clock) -> FastAPI:  # type: ignore[no-untyped-def]
    return create_app(
        dataclasses.replace(settings, multi_user=True, allowed_hosts=TEST_HOSTS), clock=clock
    )


def _build_world(app: FastAPI, name: str) -> World:
    """Three accounts of their own (owner, partner, stranger), the first two linked, and
    the owner's entries: one private, one shared, one in the trash."""
    api = _client(app)
    tokens: dict[str, str] = {}
    for person, password in PASSWORDS.items():
        email = f"{person}-{name}@example.org"
        assert api.post(
            "/api/v1/auth/signup", json={"email": email, "password": password}
        ).is_success
        login = api.post("/api/v1/auth/login", json={"email": email, "password": password})
        tokens[person] = login.json()["token"]
    owner, partner = _client(app, tokens["owner"]), _client(app, tokens["partner"])
    code = owner.post("/api/v1/partner/invite").json()["code"]
    assert partner.post("/api/v1/partner/accept", json={"code": code}).is_success
    ids = {
        "private": owner.post("/api/v1/entries", json={"text": f"{PRIVATE} kept"}).json()["id"],
        "shared": owner.post("/api/v1/entries", json={"text": f"{SHARED} given"}).json()["id"],
        "trashed": owner.post("/api/v1/entries", json={"text": f"{PRIVATE} bin"}).json()["id"],
    }
    assert owner.patch(f"/api/v1/entries/{ids['shared']}", json={"shared": True}).is_success
    assert owner.delete(f"/api/v1/entries/{ids['trashed']}").status_code == 204
    owner_id = owner.get("/api/v1/auth/me").json()["id"]
    growth: dict[tuple[str, str], int] = {}
    for resource, body in GROWTH.items():
        for visibility in ("private", "shared"):
            text = json.dumps(body).replace(PRIVATE, SHARED if visibility == "shared" else PRIVATE)
            made = owner.post(f"/api/v1/{resource}", content=text, headers=JSON).json()
            growth[resource, visibility] = made["id"]
        shared_id = growth[resource, "shared"]
        assert owner.patch(f"/api/v1/{resource}/{shared_id}", json={"shared": True}).is_success
    return World(app, owner_id, tokens, ids, growth)


def _owner_rows(world: World) -> list[tuple[object, ...]]:
    """The owner's sealed rows, to prove a refused write changed nothing."""
    with world.app.state.hw.engine.connect() as db:
        entries = db.all(
            "SELECT id, body, details, deleted_at FROM entries WHERE owner_id = ? ORDER BY id",
            (world.owner_id,),
        )
        shares = db.all(
            "SELECT id, body FROM shares WHERE owner_id = ? ORDER BY id", (world.owner_id,)
        )
        shares += db.all(
            "SELECT id, body FROM items WHERE owner_id = ? ORDER BY id", (world.owner_id,)
        )
    return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in entries] + [
        tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in shares
    ]


def _target(path: str, role: str, world: World) -> str:
    """The path with the owner's object in it: the shared one for the partner it is
    shared with, the private one for everyone else."""
    visibility = "shared" if role == "partner_shared" else "private"
    entry = world.ids["trashed"] if path in TRASH_TARGETS else world.ids[visibility]
    url = path.replace("{entry_id}", str(entry)).replace("{kind}", "entry")
    if "{record_id}" in url:
        # /api/v1/<resource>/{record_id}..., and pages at /<resource>/{record_id}...
        resource = url.split("/")[3 if url.startswith("/api/") else 1]
        url = url.replace("{record_id}", str(world.growth[resource, visibility]))
    return url


def _is_object_route(path: str) -> bool:
    return "{entry_id}" in path or "{record_id}" in path


def _call(world: World, method: str, path: str, role: str) -> tuple[int, str, str]:
    """(status, answer text, Location) of ``role`` calling the route."""
    token = None if role == "anonymous" else world.tokens[role.split("_")[0]]
    client = _client(world.app, token)
    url = _target(path, role, world)
    body = BODIES.get((method, path), lambda w, r: {})(world, role)
    if method == "GET":
        # Other people's ids in the query string change nothing either.
        params = {"entry_id": world.ids["private"], "owner_id": world.owner_id, "q": "kept"}
        response = client.get(url, params=params)
    elif path.startswith("/api/"):
        content = json.dumps(body).encode() if body or method != "DELETE" else b""
        headers = {"content-type": "application/json"} if content else {}
        response = client.request(method, url, content=content, headers=headers)
    else:
        response = client.request(method, url, data={**body, "csrf_token": CSRF})
    text = response.text if not response.headers.get("content-disposition") else response.read()
    return response.status_code, str(text), response.headers.get("location", "")


def _expect(method: str, path: str, role: str, status: int, location: str) -> str | None:
    """What is wrong with this answer, or None when it is the right one."""
    api = path.startswith("/api/")
    if status >= 500:
        return f"server error {status}"
    if (method, path) in LOCAL_ONLY:
        return None if status == 404 else f"{status}, expected 404 (local journal only)"
    if (method, path) in PUBLIC:
        return None
    if role == "anonymous":
        if api:
            return None if status == 401 else f"{status}, expected 401"
        return None if status == 303 and location.endswith("/login") else f"{status} {location}"
    if _is_object_route(path) and role != "owner":
        return None if status == 404 else f"{status}, expected 404 (not theirs)"
    if status in (401, 403):
        return f"{status}: a signed-in caller was refused their own data"
    if role == "owner" and _is_object_route(path) and status >= 400:
        return f"{status}: the owner was refused their own entry"
    return None


def _leak(path: str, role: str, text: str) -> str | None:
    if role == "owner":
        return None
    if PRIVATE in text:
        return "the owner's private text appeared"
    allowed_shared = role == "partner_shared" or role == "partner_unshared"
    if SHARED in text and not (allowed_shared and path in SHARED_VIEWS):
        return "the owner's shared text appeared outside the partner's shared view"
    return None


def test_the_matrix_reads_the_route_table() -> None:
    """The routes come from the app itself, and every rule here names a route that exists,
    so a renamed route cannot leave a stale rule behind while its new name goes unjudged."""
    routes = set(ROUTES)
    assert ("PATCH", "/api/v1/entries/{entry_id}") in routes
    assert ("GET", "/api/v1/partner/shared") in routes
    for described in (*BODIES, *PUBLIC, *LOCAL_ONLY):
        assert described in routes, f"{described} is described here but the app has no such route"


@pytest.mark.parametrize(("method", "path"), ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
def test_access(method: str, path: str, db_settings: Settings, clock, cheap_keys: None) -> None:
    app = _app(db_settings, clock)
    problems: list[str] = []
    try:
        for role in ROLES:
            # A world of its own for each caller: signing out, changing a password or
            # deleting an account must not decide what the next caller meets.
            world = _build_world(app, role)
            before = _owner_rows(world)
            status, text, location = _call(world, method, path, role)
            wrong = _expect(method, path, role, status, location) or _leak(path, role, text)
            if wrong:
                problems.append(f"{role}: {wrong}")
            refused = status in (401, 403, 404)
            guarded = role != "owner" and _is_object_route(path) and refused
            if guarded and _owner_rows(world) != before:
                problems.append(f"{role}: a refused call changed the owner's data")
    finally:
        app.state.hw.engine.close()
    assert not problems, f"{method} {path}: " + "; ".join(problems)
