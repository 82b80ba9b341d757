"""The pages of a heartwise server, used as a person uses them: sign up, sign in and out,
link with a partner, share an entry, and leave. Each person is a browser of their own
over HTTPS, so the session cookie is the ``__Host-`` one.

Every sign-up and sign-in costs Argon2id (about a quarter of a second each), so each
test makes only the accounts its story needs.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator

import pytest
from contracts import text_of
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response

from heartwise.config import Settings
from heartwise.services import accounts
from heartwise.storage import accounts as account_rows
from heartwise.web.auth import SECURE_COOKIE
from heartwise.web.security import CSRF_COOKIE

PASSWORD = "lantern meadow copper kettle"
NEW_PASSWORD = "seven quiet herons at dusk"
RECOVERY_KEY = re.compile(r'<p class="recovery-key"><code>([A-Z2-7]{4}(?:-[A-Z2-7]{4}){7})</code>')
INVITE_CODE = re.compile(r'<p class="invite-code"><code>([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3})</code>')
SERVER_GETS = ("/signup", "/login", "/recover", "/account", "/partner", "/us")
SERVER_POSTS = (
    "/signup",
    "/login",
    "/logout",
    "/recover",
    "/account/password",
    "/account/delete",
    "/partner/invite",
    "/partner/accept",
    "/partner/sharing",
    "/partner/unlink",
    "/entries/1/share",
)


class Person:
    """Someone with a browser of their own on the server: a cookie jar and the pages."""

    def __init__(self, client: TestClient, email: str) -> None:
        self.client = client
        self.email = email

    def open(self, url: str) -> Response:
        return self.client.get(url)

    def csrf(self) -> str:
        if not self.client.cookies.get(CSRF_COOKIE):
            assert self.open("/login").status_code == 200
        token = self.client.cookies.get(CSRF_COOKIE)
        assert token
        return token

    def post(self, url: str, **fields: str) -> Response:
        return self.client.post(url, data={"csrf_token": self.csrf(), **fields})

    @property
    def session(self) -> str | None:
        return self.client.cookies.get(SECURE_COOKIE)

    def sign_up(self, password: str = PASSWORD) -> tuple[Response, str]:
        """The sign-up form, sent; returns the answer and the recovery key it shows."""
        assert self.open("/signup").status_code == 200
        answer = self.post("/signup", email=self.email, password=password)
        assert answer.status_code == 200, text_of(answer.text)
        found = RECOVERY_KEY.search(answer.text)
        assert found, "the recovery key should be shown after signing up"
        return answer, found.group(1)

    def sign_in(self, password: str = PASSWORD) -> Response:
        return self.post("/login", email=self.email, password=password)

    def write(self, text: str, **fields: str) -> int:
        saved = self.post("/entries", text=text, **fields)
        assert saved.status_code == 303, text_of(saved.text)
        found = re.fullmatch(r"/entries/(\d+)\?notice=saved", saved.headers["location"])
        assert found
        return int(found.group(1))


MakePerson = Callable[[str], Person]


def people_on(app: FastAPI) -> Iterator[MakePerson]:
    clients: list[TestClient] = []

    def make(name: str) -> Person:
        # Not entered as context managers: several browsers share one app and its engine.
        client = TestClient(app, base_url="https://testserver", follow_redirects=False)
        clients.append(client)
        return Person(client, f"{name}@example.org")

    try:
        yield make
    finally:
        for client in clients:
            client.close()
        app.state.hw.engine.close()


def server_mode(settings: Settings) -> Settings:
    return dataclasses.replace(settings, multi_user=True)


@pytest.fixture
def person(settings: Settings, app_for) -> Iterator[MakePerson]:
    """People on a server over a fresh SQLite database."""
    yield from people_on(app_for(server_mode(settings)))


@pytest.fixture
def person_on_both(db_settings: Settings, app_for) -> Iterator[MakePerson]:
    """The same on SQLite, then on PostgreSQL."""
    yield from people_on(app_for(server_mode(db_settings)))


def input_tag(page: str, field_id: str) -> str:
    found = re.search(rf'<input [^>]*\bid="{field_id}"[^>]*>', page)
    assert found, f"no field {field_id} on the page"
    return found.group(0)


def session_cookie_header(response: Response) -> str:
    [header] = [h for h in response.headers.get_list("set-cookie") if h.startswith(SECURE_COOKIE)]
    return header


def link(alice: Person, bob: Person) -> None:
    made = alice.post("/partner/invite")
    assert made.status_code == 200
    code = INVITE_CODE.search(made.text)
    assert code
    accepted = bob.post("/partner/accept", code=code.group(1))
    assert accepted.status_code == 303
    assert accepted.headers["location"] == "/partner?notice=linked"


# -- signing up, in and out ------------------------------------------------------------------


def test_signing_up_shows_the_recovery_key_once_and_signs_in(person: MakePerson) -> None:
    alice = person("alice")
    form = alice.open("/signup")
    assert "Create your account" in text_of(form.text)
    assert 'aria-describedby="password-hint"' in input_tag(form.text, "password")
    assert "At least 8 characters. A few unrelated words work well" in text_of(form.text)

    answer, key = alice.sign_up()

    page = text_of(answer.text)
    assert "Write down your recovery key" in page
    assert "the only way back into your journal" in page
    assert PASSWORD not in answer.text
    cookie = session_cookie_header(answer)
    flags = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "secure", "path", "samesite"} <= flags
    assert "domain" not in flags
    assert "Path=/;" in cookie + ";"
    assert "samesite=lax" in cookie.lower()

    journal = alice.open("/")
    assert journal.status_code == 200
    assert "Your journal" in text_of(journal.text)
    for place in ("/", "/account", "/partner", "/us"):
        assert key not in alice.open(place).text  # shown on that one page, and never again
    assert re.search(r'<form method="post" action="/logout">\s*<input type="hidden"', journal.text)
    for name in ("Partner", "Us", "Account", "Sign out"):
        assert name in text_of(journal.text)


def test_sign_in_and_out_with_a_session_that_ends_for_good(person: MakePerson) -> None:
    alice = person("alice")
    alice.sign_up()
    first = alice.session
    assert first

    refused = alice.client.post("/logout")
    assert refused.status_code == 403
    assert alice.open("/").status_code == 200

    signed_out = alice.post("/logout")
    assert signed_out.status_code == 303
    assert signed_out.headers["location"] == "/login?notice=signed_out"
    assert "max-age=0" in session_cookie_header(signed_out).lower()
    assert alice.session is None
    login = alice.open(signed_out.headers["location"])
    assert "You are signed out." in text_of(login.text)
    assert "Sign out" not in text_of(login.text)

    stale = person("someone-with-the-old-cookie").client
    stale.cookies.set(SECURE_COOKIE, first, domain="testserver")
    assert stale.get("/").headers["location"] == "/login"

    signed_in = alice.sign_in()
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == "/"
    assert alice.session not in (None, first)
    assert alice.open("/").status_code == 200


def test_a_wrong_password_is_refused_without_echoing_it(person: MakePerson) -> None:
    # No such account is needed: an unknown email is refused in the same words and time.
    alice = person("alice")

    wrong = alice.sign_in("not my password at all")

    assert wrong.status_code == 401
    assert "That email and password do not match an account." in text_of(wrong.text)
    assert "not my password at all" not in wrong.text
    assert f'value="{alice.email}"' in input_tag(wrong.text, "email")
    password_field = input_tag(wrong.text, "password")
    assert 'aria-invalid="true"' in password_field
    assert 'aria-describedby="login-error"' in password_field
    assert 'id="login-error"' in wrong.text
    assert alice.session is None


def test_many_wrong_passwords_pause_signing_in(
    person: MakePerson, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(accounts, "MAX_FAILURES_PER_ACCOUNT", 2)
    alice = person("alice")
    for _ in range(2):
        assert alice.sign_in("a wrong guess").status_code == 401

    paused = alice.sign_in()

    assert paused.status_code == 429
    assert 0 < int(paused.headers["retry-after"]) <= 15 * 60 + 1
    assert "too many attempts. Please wait" in text_of(paused.text)
    assert alice.session is None


def test_sign_up_forms_need_their_token(person: MakePerson) -> None:
    alice = person("alice")
    alice.open("/signup")
    fields = {"email": alice.email, "password": PASSWORD}

    missing = alice.client.post("/signup", data=fields)
    forged = alice.client.post("/signup", data={**fields, "csrf_token": "forged"})

    for refused in (missing, forged):
        assert refused.status_code == 403
        assert "did not come from heartwise" in text_of(refused.text)
    assert alice.session is None
    assert alice.sign_in().status_code == 401  # no account was made


@pytest.mark.parametrize(
    ("email", "password", "field", "message"),
    [
        ("not an address", PASSWORD, "email", "Please enter an email address"),
        ("alice@example.org", "short", "password", "at least 8 characters"),
        ("alice@example.org", "password123", "password", "one of the most common ones"),
    ],
)
def test_sign_up_details_that_do_not_work_are_explained(
    person: MakePerson, email: str, password: str, field: str, message: str
) -> None:
    alice = person("alice")
    alice.open("/signup")

    refused = alice.post("/signup", email=email, password=password)

    assert refused.status_code == 422
    assert message in text_of(refused.text)
    assert 'aria-invalid="true"' in input_tag(refused.text, field)
    assert "signup-error" in input_tag(refused.text, field)
    assert f'value="{email}"' in input_tag(refused.text, "email")
    assert f'value="{password}"' not in refused.text
    assert alice.session is None


def test_the_recovery_key_sets_a_new_password_and_is_replaced(person: MakePerson) -> None:
    alice = person("alice")
    _, key = alice.sign_up()
    alice.post("/logout")
    assert "Forgot your password?" in text_of(alice.open("/recover").text)

    wrong = alice.post(
        "/recover", email=alice.email, recovery_key="AAAA-" * 7 + "AAAA", new_password=NEW_PASSWORD
    )
    assert wrong.status_code == 422
    assert 'aria-invalid="true"' in input_tag(wrong.text, "recovery-key")
    assert alice.session is None

    answer = alice.post("/recover", email=alice.email, recovery_key=key, new_password=NEW_PASSWORD)

    assert answer.status_code == 200
    assert "Your new password is set." in text_of(answer.text)
    fresh = RECOVERY_KEY.search(answer.text)
    assert fresh
    assert fresh.group(1) != key
    assert NEW_PASSWORD not in answer.text
    assert alice.open("/").status_code == 200
    again = alice.post("/recover", email=alice.email, recovery_key=key, new_password=PASSWORD)
    assert again.status_code == 422  # the old key works no more


# -- the account page ------------------------------------------------------------------------


def test_the_account_page_changes_the_password(person: MakePerson) -> None:
    alice = person("alice")
    alice.sign_up()
    before = alice.session
    page = alice.open("/account")
    assert page.status_code == 200
    assert f"Signed in as {alice.email}" in text_of(page.text)
    assert 'href="/export"' in page.text

    wrong = alice.post(
        "/account/password", current_password="not it at all", new_password=NEW_PASSWORD
    )
    assert wrong.status_code == 422
    assert "Your current password was not right." in text_of(wrong.text)
    assert 'aria-describedby="password-error"' in input_tag(wrong.text, "current-password")
    short = alice.post("/account/password", current_password=PASSWORD, new_password="short")
    assert short.status_code == 422
    assert 'aria-invalid="true"' in input_tag(short.text, "new-password")
    assert alice.session == before

    changed = alice.post("/account/password", current_password=PASSWORD, new_password=NEW_PASSWORD)

    assert changed.status_code == 303
    assert changed.headers["location"] == "/account?notice=password"
    assert alice.session not in (None, before)
    assert "Your new password is set." in text_of(alice.open(changed.headers["location"]).text)
    stale = person("the-old-session").client
    stale.cookies.set(SECURE_COOKIE, before or "", domain="testserver")
    assert stale.get("/account").headers["location"] == "/login"


def test_deleting_the_account_needs_the_password_and_a_tick(person: MakePerson) -> None:
    alice = person("alice")
    alice.sign_up()

    unticked = alice.post("/account/delete", password=PASSWORD)
    assert unticked.status_code == 422
    assert "Please tick the box" in text_of(unticked.text)
    assert 'aria-describedby="delete-error"' in input_tag(unticked.text, "delete-confirm")
    wrong = alice.post("/account/delete", password="not it at all", confirm="on")
    assert wrong.status_code == 422
    assert "nothing was deleted" in text_of(wrong.text)
    assert alice.open("/account").status_code == 200

    gone = alice.post("/account/delete", password=PASSWORD, confirm="on")

    assert gone.status_code == 200
    assert "Your account is deleted" in text_of(gone.text)
    assert "max-age=0" in session_cookie_header(gone).lower()
    assert alice.open("/").headers["location"] == "/login"
    with alice.client.app.state.hw.database() as db:
        assert account_rows.account_by_email(db, alice.email) is None


# -- partners --------------------------------------------------------------------------------


def test_partners_link_with_a_code_and_share_an_entry(person_on_both: MakePerson) -> None:
    alice, bob = person_on_both("alice"), person_on_both("bob")
    alice.sign_up()
    bob.sign_up()
    partner_page = text_of(alice.open("/partner").text)
    assert "Create an invite code" in partner_page
    assert "Enter your partner’s code" in partner_page
    assert alice.client.post("/partner/invite").status_code == 403

    made = alice.post("/partner/invite")
    assert made.status_code == 200
    assert "It works once, until Sun 22 Nov 2026, 21:30." in text_of(made.text)
    code = INVITE_CODE.search(made.text)
    assert code

    mistyped = bob.post("/partner/accept", code="AAAA-BBBB-CCCC-DDDD")
    assert mistyped.status_code == 422
    assert "That invite code does not work" in text_of(mistyped.text)
    assert 'aria-invalid="true"' in input_tag(mistyped.text, "code")
    accepted = bob.post("/partner/accept", code=code.group(1).lower())
    assert accepted.headers["location"] == "/partner?notice=linked"
    assert f"You are linked with {alice.email}" in text_of(bob.open("/partner").text)
    assert f"You are linked with {bob.email}" in text_of(alice.open("/partner").text)
    assert "Nothing shared with you yet." in text_of(bob.open("/us").text)

    written = "<b>You listened</b> & I felt calm."
    entry_id = alice.write(written, mood="7")
    private = alice.open(f"/entries/{entry_id}")
    assert "Share with my partner" in text_of(private.text)
    assert "Shared with your partner" not in text_of(private.text)
    assert bob.open(f"/entries/{entry_id}").status_code == 404

    shared = alice.post(f"/entries/{entry_id}/share", shared="on")
    assert shared.headers["location"] == f"/entries/{entry_id}?notice=shared"
    entry_page = text_of(alice.open(shared.headers["location"]).text)
    assert "Shared with your partner" in entry_page
    assert "Stop sharing" in entry_page
    us = bob.open("/us")
    assert written in text_of(us.text)
    assert "&lt;b&gt;You listened&lt;/b&gt; &amp; I felt calm." in us.text
    assert "mood 7/10" in text_of(us.text)
    assert "Fri 20 Nov 2026, 21:30" in text_of(us.text)

    stopped = alice.post(f"/entries/{entry_id}/share", shared="off")
    assert stopped.headers["location"] == f"/entries/{entry_id}?notice=unshared"
    assert "Share with my partner" in text_of(alice.open(f"/entries/{entry_id}").text)
    assert written not in text_of(bob.open("/us").text)
    assert "Nothing shared with you yet." in text_of(bob.open("/us").text)


def test_sharing_every_entry_and_unlinking(person: MakePerson, clock) -> None:
    alice, bob = person("alice"), person("bob")
    alice.sign_up()
    bob.sign_up()
    link(alice, bob)
    first = alice.write("Before: a quiet walk.")

    on = alice.post("/partner/sharing", kind="entry", shared="on")

    assert on.headers["location"] == "/partner?notice=sharing_on"
    assert "Every entry is shared" in text_of(alice.open("/partner").text)
    clock.advance(hours=1)
    alice.write("After: we laughed at dinner.")
    assert re.search(r"After: we laughed.*Before: a quiet walk", text_of(bob.open("/us").text))
    off = alice.post("/partner/sharing", kind="entry", shared="off")
    assert off.headers["location"] == "/partner?notice=sharing_off"
    assert "Share every entry" in text_of(alice.open("/partner").text)
    unknown = alice.post("/partner/sharing", kind="thoughts", shared="on")
    assert unknown.status_code == 422
    assert "cannot be shared" in text_of(unknown.text)
    assert alice.post("/partner/sharing", kind="entry", shared="on").status_code == 303

    unticked = bob.post("/partner/unlink")
    assert unticked.status_code == 422
    assert "Please tick the box" in text_of(unticked.text)
    assert "we laughed" in text_of(bob.open("/us").text)
    unlinked = bob.post("/partner/unlink", confirm="on")

    assert unlinked.headers["location"] == "/partner?notice=unlinked"
    assert "You are unlinked." in text_of(bob.open(unlinked.headers["location"]).text)
    assert "You are not linked with a partner yet." in text_of(bob.open("/us").text)
    assert "we laughed" not in bob.open("/us").text
    assert "Create an invite code" in text_of(alice.open("/partner").text)
    assert "Share with my partner" not in text_of(alice.open(f"/entries/{first}").text)


# -- who sees these pages --------------------------------------------------------------------


def test_without_a_session_the_account_pages_ask_to_sign_in(person: MakePerson) -> None:
    nobody = person("nobody")
    for address in ("/account", "/partner", "/us"):
        assert nobody.open(address).headers["location"] == "/login", address
    login = nobody.open("/login")
    nav = re.search(r'<nav aria-label="Main">.*?</nav>', login.text, re.S)
    assert nav
    assert text_of(nav.group(0)) == "Sign in Create an account"


def test_a_journal_on_this_machine_has_none_of_these_pages(sqlite_client: TestClient) -> None:
    csrf = sqlite_client.cookies.get(CSRF_COOKIE) or ""
    timeline = sqlite_client.get("/")
    csrf = sqlite_client.cookies.get(CSRF_COOKIE) or csrf
    for word in ("/partner", "/account", "/us", "/logout", "Sign out"):
        assert word not in timeline.text
    assert "encrypted on this computer" in text_of(timeline.text)

    for address in SERVER_GETS:
        page = sqlite_client.get(address)
        assert page.status_code == 404, address
        assert "live on a heartwise server" in text_of(page.text)
    for address in SERVER_POSTS:
        answer = sqlite_client.post(address, data={"csrf_token": csrf}, follow_redirects=False)
        assert answer.status_code == 404, address

    written = sqlite_client.post("/api/v1/entries", json={"text": "Mine alone."}).json()
    assert "Share with my partner" not in sqlite_client.get(f"/entries/{written['id']}").text


def test_a_page_looks_up_the_session_once(
    person: MakePerson, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pages that open a workspace leave the check to it (web.deps.signed_in); pages that
    # open none are checked by signed_in itself. Signed out, both ask to sign in.
    lookups: list[str] = []
    real_lookup = accounts.session_workspace

    def counted(*args: object, **kwargs: object) -> object:
        lookups.append("session")
        return real_lookup(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(accounts, "session_workspace", counted)
    alex, nobody = person("alex"), person("nobody")
    alex.sign_up()
    for address in ("/", "/dashboard", "/account", "/export"):
        lookups.clear()
        assert alex.open(address).status_code == 200, address
        assert lookups == ["session"], address
        assert nobody.open(address).headers["location"] == "/login", address
