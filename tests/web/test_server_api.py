"""The multi-user server's API as an app would use it, on both backends: accounts, sessions,
partners and sharing, and clear problems that change nothing when the input is wrong.
"""

from __future__ import annotations

from typing import Any

import pytest
from contracts import assert_problem
from fastapi.testclient import TestClient
from server_kit import (
    NEW_PASSWORD,
    PASSWORD,
    ApiUser,
    Rows,
    api_sign_up,
    bearer,
    new_email,
)

from heartwise.config import Settings

# Argon2id at its real cost would make these tests take minutes (see the fixture).
pytestmark = pytest.mark.usefixtures("cheap_hashing")


def write(api: TestClient, user: ApiUser, text: str, **fields: Any) -> int:
    response = api.post("/api/v1/entries", json={"text": text, **fields}, headers=user.auth)
    assert response.status_code == 201, response.text
    entry_id: int = response.json()["id"]
    return entry_id


def link(api: TestClient, inviter: ApiUser, invitee: ApiUser) -> None:
    code = api.post("/api/v1/partner/invite", headers=inviter.auth).json()["code"]
    response = api.post("/api/v1/partner/accept", json={"code": code}, headers=invitee.auth)
    assert response.status_code == 200, response.text


def shared_texts(api: TestClient, user: ApiUser) -> list[str]:
    response = api.get("/api/v1/partner/shared", headers=user.auth)
    assert response.status_code == 200, response.text
    return [item["item"]["text"] for item in response.json()]


# -- accounts --------------------------------------------------------------------------------


def test_sign_up_gives_a_recovery_key_and_sign_in_a_token(api: TestClient) -> None:
    email = new_email("robin").replace("robin", "Robin")

    created = api.post("/api/v1/auth/signup", json={"email": email, "password": PASSWORD})
    signed_in = api.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})

    assert created.status_code == 201
    body = created.json()
    assert body["email"] == email.lower()
    assert len(body["recovery_key"].split("-")) == 8
    assert signed_in.status_code == 200
    token = signed_in.json()["token"]
    me = api.get("/api/v1/auth/me", headers=bearer(token))
    assert me.json() == {"id": body["id"], "email": email.lower()}
    assert "set-cookie" not in signed_in.headers  # an API client keeps its own token


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "someone@example.org", "password": "short"}, "password"),
        ({"email": "someone@example.org", "password": "password1"}, "password"),
        ({"email": "someone", "password": PASSWORD}, "email"),
        ({"email": "someone@example.org"}, "password"),
        ({"email": "x" * 255 + "@example.org", "password": PASSWORD}, "email"),
    ],
    ids=["short", "common", "no-domain", "missing", "too-long"],
)
def test_a_refused_sign_up_is_a_problem_and_stores_nothing(
    api: TestClient, rows: Rows, body: dict[str, str], field: str
) -> None:
    before = rows()

    response = api.post("/api/v1/auth/signup", json=body)

    assert_problem(response, 422, field)
    assert rows() == before


def test_an_email_signs_up_once(api: TestClient, rows: Rows) -> None:
    user = api_sign_up(api)
    before = rows()

    again = api.post(
        "/api/v1/auth/signup", json={"email": user.email.upper(), "password": NEW_PASSWORD}
    )

    assert "already exists" in assert_problem(again, 422, "email")["detail"]
    assert rows() == before


def test_a_wrong_password_and_an_unknown_email_look_the_same(api: TestClient) -> None:
    user = api_sign_up(api)

    wrong = api.post("/api/v1/auth/login", json={"email": user.email, "password": "nope nope"})
    unknown = api.post("/api/v1/auth/login", json={"email": new_email(), "password": PASSWORD})

    assert assert_problem(wrong, 401) == assert_problem(unknown, 401)


def test_changing_the_password_signs_out_everywhere_else(api: TestClient) -> None:
    user = api_sign_up(api)
    phone = api.post("/api/v1/auth/login", json={"email": user.email, "password": PASSWORD})
    write(api, user, "Before the new password.")

    changed = api.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=user.auth,
    )

    assert changed.status_code == 200
    for old in (user.token, phone.json()["token"]):
        assert_problem(api.get("/api/v1/auth/me", headers=bearer(old)), 401)
    entries = api.get("/api/v1/entries", headers=bearer(changed.json()["token"])).json()
    assert [e["text"] for e in entries["items"]] == ["Before the new password."]
    old_login = {"email": user.email, "password": PASSWORD}
    assert_problem(api.post("/api/v1/auth/login", json=old_login), 401)
    new_login = {"email": user.email, "password": NEW_PASSWORD}
    assert api.post("/api/v1/auth/login", json=new_login).status_code == 200


def test_a_wrong_current_password_changes_nothing(api: TestClient, rows: Rows) -> None:
    user = api_sign_up(api)
    before = rows(leave_out=("auth_failures",))

    response = api.post(
        "/api/v1/auth/password",
        json={"current_password": "not it at all", "new_password": NEW_PASSWORD},
        headers=user.auth,
    )

    assert_problem(response, 422, "current_password")
    assert rows(leave_out=("auth_failures",)) == before
    assert api.get("/api/v1/auth/me", headers=user.auth).status_code == 200


def test_the_recovery_key_opens_the_account_once(api: TestClient) -> None:
    user = api_sign_up(api)
    write(api, user, "Kept.")
    request = {"email": user.email, "recovery_key": user.recovery_key}

    recovered = api.post("/api/v1/auth/recover", json={**request, "new_password": NEW_PASSWORD})

    assert recovered.status_code == 200
    fresh = recovered.json()
    assert fresh["recovery_key"] != user.recovery_key
    entries = api.get("/api/v1/entries", headers=bearer(fresh["token"])).json()
    assert [e["text"] for e in entries["items"]] == ["Kept."]
    assert_problem(api.get("/api/v1/auth/me", headers=user.auth), 401)
    again = api.post("/api/v1/auth/recover", json={**request, "new_password": "third password ok"})
    assert_problem(again, 422, "recovery_key")


def test_deleting_an_account_needs_its_password(api: TestClient, rows: Rows) -> None:
    user, partner = api_sign_up(api, "alex"), api_sign_up(api, "sam")
    link(api, user, partner)
    write(api, user, "Mine.")
    write(api, partner, "The partner's own.")
    before = rows(leave_out=("auth_failures",))

    refused = api.request(
        "DELETE", "/api/v1/auth/account", json={"password": "wrong one"}, headers=user.auth
    )

    assert "nothing was deleted" in assert_problem(refused, 422, "password")["detail"]
    assert rows(leave_out=("auth_failures",)) == before

    deleted = api.request(
        "DELETE", "/api/v1/auth/account", json={"password": PASSWORD}, headers=user.auth
    )

    assert deleted.status_code == 204
    assert_problem(api.get("/api/v1/auth/me", headers=user.auth), 401)
    login = {"email": user.email, "password": PASSWORD}
    assert_problem(api.post("/api/v1/auth/login", json=login), 401)
    partner_entries = api.get("/api/v1/entries", headers=partner.auth).json()["items"]
    assert [e["text"] for e in partner_entries] == ["The partner's own."]
    assert api.get("/api/v1/partner", headers=partner.auth).json()["linked"] is False


def test_the_account_routes_belong_to_a_server(settings: Settings, app_for) -> None:
    with TestClient(app_for(settings), base_url="https://testserver") as local:
        response = local.post(
            "/api/v1/auth/signup", json={"email": new_email(), "password": PASSWORD}
        )
        assert "server" in assert_problem(response, 404)["detail"]
        assert_problem(local.get("/api/v1/partner"), 404)


# -- partners and sharing --------------------------------------------------------------------


def test_partners_link_share_and_unlink(api: TestClient) -> None:
    alex, sam = api_sign_up(api, "alex"), api_sign_up(api, "sam")
    invite = api.post("/api/v1/partner/invite", headers=alex.auth)
    assert invite.status_code == 201
    assert set(invite.json()) == {"code", "expires_at"}

    accepted = api.post(
        "/api/v1/partner/accept", json={"code": invite.json()["code"]}, headers=sam.auth
    )

    assert accepted.json() == {"linked": True, "partner_email": alex.email, "shared_kinds": []}
    shared = write(api, alex, "We made it through the week.", tags=["us"])
    write(api, alex, "Not for Sam.")
    flagged = api.patch(f"/api/v1/entries/{shared}", json={"shared": True}, headers=alex.auth)
    assert flagged.json()["shared"] is True
    assert shared_texts(api, sam) == ["We made it through the week."]
    assert shared_texts(api, alex) == []

    unlinked = api.delete("/api/v1/partner", headers=alex.auth)

    assert unlinked.status_code == 204
    assert shared_texts(api, sam) == []
    assert api.get("/api/v1/partner", headers=sam.auth).json() == {
        "linked": False,
        "partner_email": None,
        "shared_kinds": [],
    }
    entry = api.get(f"/api/v1/entries/{shared}", headers=alex.auth).json()
    assert entry["shared"] is False


def test_sharing_a_kind_edits_and_deletes_reach_the_partner(api: TestClient) -> None:
    alex, sam = api_sign_up(api, "alex"), api_sign_up(api, "sam")
    link(api, alex, sam)
    old = write(api, alex, "Written before the rule.")

    rule = api.put("/api/v1/partner/sharing/entry", json={"shared": True}, headers=alex.auth)

    assert rule.json()["shared_kinds"] == ["entry"]
    new = write(api, alex, "Written after the rule.")
    assert sorted(shared_texts(api, sam)) == ["Written after the rule.", "Written before the rule."]
    api.patch(f"/api/v1/entries/{old}", json={"text": "Edited."}, headers=alex.auth)
    api.delete(f"/api/v1/entries/{new}", headers=alex.auth)
    assert shared_texts(api, sam) == ["Edited."]
    api.patch(f"/api/v1/entries/{old}", json={"shared": False}, headers=alex.auth)
    assert shared_texts(api, sam) == []

    stop = api.put("/api/v1/partner/sharing/entry", json={"shared": False}, headers=alex.auth)

    assert stop.json()["shared_kinds"] == []
    write(api, alex, "After the rule ended.")
    assert shared_texts(api, sam) == []


def test_nobody_reads_or_shares_the_entries_of_another_account(api: TestClient) -> None:
    alex, sam = api_sign_up(api, "alex"), api_sign_up(api, "sam")
    link(api, alex, sam)
    entry = write(api, alex, "Alex's own.")

    assert_problem(api.get(f"/api/v1/entries/{entry}", headers=sam.auth), 404)
    patched = api.patch(f"/api/v1/entries/{entry}", json={"shared": True}, headers=sam.auth)
    assert_problem(patched, 404)
    assert shared_texts(api, alex) == []
    assert shared_texts(api, sam) == []


# -- wrong input: a clear problem, and nothing stored changes --------------------------------


@pytest.fixture
def alex_and_sam(api: TestClient) -> tuple[ApiUser, ApiUser]:
    return api_sign_up(api, "alex"), api_sign_up(api, "sam")


def accept(api: TestClient, user: ApiUser, code: str) -> Any:
    return api.post("/api/v1/partner/accept", json={"code": code}, headers=user.auth)


def test_an_expired_code_is_refused_and_changes_nothing(
    api: TestClient, rows: Rows, clock, alex_and_sam: tuple[ApiUser, ApiUser]
) -> None:
    alex, sam = alex_and_sam
    code = api.post("/api/v1/partner/invite", headers=alex.auth).json()["code"]
    clock.advance(hours=48)
    before = rows()

    problem = assert_problem(accept(api, sam, code), 422, "code")

    assert "expired" in problem["detail"]
    assert rows() == before


def test_a_used_code_is_refused_and_changes_nothing(
    api: TestClient, rows: Rows, alex_and_sam: tuple[ApiUser, ApiUser]
) -> None:
    alex, sam = alex_and_sam
    robin = api_sign_up(api, "robin")
    code = api.post("/api/v1/partner/invite", headers=alex.auth).json()["code"]
    assert accept(api, sam, code).status_code == 200
    before = rows()

    assert "already used" in assert_problem(accept(api, robin, code), 422, "code")["detail"]
    assert rows() == before


def test_accepting_ones_own_code_is_refused_and_changes_nothing(
    api: TestClient, rows: Rows, alex_and_sam: tuple[ApiUser, ApiUser]
) -> None:
    alex, _ = alex_and_sam
    code = api.post("/api/v1/partner/invite", headers=alex.auth).json()["code"]
    before = rows()

    assert "your own" in assert_problem(accept(api, alex, code), 422, "code")["detail"]
    assert rows() == before


def test_accepting_or_inviting_while_linked_is_a_conflict_and_changes_nothing(
    api: TestClient, rows: Rows, alex_and_sam: tuple[ApiUser, ApiUser]
) -> None:
    alex, sam = alex_and_sam
    link(api, alex, sam)
    robin = api_sign_up(api, "robin")
    code = api.post("/api/v1/partner/invite", headers=robin.auth).json()["code"]
    before = rows()

    assert "already linked" in assert_problem(accept(api, sam, code), 409)["detail"]
    assert_problem(api.post("/api/v1/partner/invite", headers=alex.auth), 409)

    assert rows() == before
    assert api.get("/api/v1/partner", headers=sam.auth).json()["partner_email"] == alex.email


@pytest.mark.parametrize(
    ("method", "url", "body", "status"),
    [
        ("DELETE", "/api/v1/partner", None, 404),
        ("PUT", "/api/v1/partner/sharing/entry", {"shared": True}, 409),
        ("PUT", "/api/v1/partner/sharing/safety_plan", {"shared": True}, 422),
        ("PATCH", "/api/v1/entries/{entry}", {"shared": True}, 409),
        ("POST", "/api/v1/partner/accept", {"code": "ABCD-EFGH-IJKL-MNOP"}, 422),
        ("POST", "/api/v1/partner/accept", {"code": ""}, 422),
    ],
    ids=["unlink-alone", "kind-alone", "unknown-kind", "entry-alone", "unknown-code", "empty"],
)
def test_partner_requests_that_do_not_fit_change_nothing(
    api: TestClient,
    rows: Rows,
    alex_and_sam: tuple[ApiUser, ApiUser],
    method: str,
    url: str,
    body: dict[str, Any] | None,
    status: int,
) -> None:
    alex, _ = alex_and_sam
    entry = write(api, alex, "Nobody to share it with.")
    before = rows()

    response = api.request(method, url.format(entry=entry), json=body, headers=alex.auth)

    assert_problem(response, status)
    assert rows() == before
