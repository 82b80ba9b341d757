"""Accounts on a multi-user server, through the services, on both backends: the rules of
sign-up, sign-in and sessions, passwords and recovery, and what deleting an account removes.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from server_kit import (
    ADDRESS,
    NEW_PASSWORD,
    PASSWORD,
    Account,
    Server,
    cheap_argon2,
    every_cell,
    forms,
    new_email,
    open_server,
    table_names,
)

from heartwise.config import Settings
from heartwise.domain.entries import make_draft
from heartwise.errors import InvalidInput, NotSignedIn
from heartwise.services import accounts, partners, preferences, sharing
from heartwise.services.items import Items
from heartwise.services.journal import KIND, Journal, Query
from heartwise.storage.database import Database
from heartwise.vault.passwords import is_common

EVENING = datetime(2026, 11, 20, 21, 30, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(autouse=True)
def cheap_hashing(request: pytest.FixtureRequest) -> Iterator[None]:
    """Argon2id at its smallest cost (only its cost constants change), except in the test
    that asks for ``real_argon2``: every test here makes accounts, each costing four full
    derivations, and the rules under test do not depend on the cost."""
    if "real_argon2" in request.fixturenames:
        yield
        return
    with cheap_argon2():
        yield


@pytest.fixture
def real_argon2() -> None:
    """Marks a test that runs Argon2id at the cost heartwise really uses."""


@pytest.fixture
def server(db_settings: Settings, clock) -> Iterator[Server]:
    with open_server(db_settings, clock) as opened:
        yield opened


def sign_up(server: Server, email: str, password: str) -> accounts.NewAccount:
    with server.database() as db:
        return accounts.sign_up(db, email, password, server.now())


def sign_in(server: Server, email: str, password: str, address: str = ADDRESS) -> str:
    with server.database() as db:
        return accounts.sign_in(db, email, password, address, server.now()).token


def count(server: Server, sql: str, params: tuple[object, ...] = ()) -> int:
    with server.database() as db:
        return int(db.scalar(sql, params))


def session_works(server: Server, token: str) -> bool:
    try:
        with server.request(token):
            return True
    except NotSignedIn:
        return False


def write(server: Server, account: Account, text: str, **fields: object) -> int:
    with server.request(account.token) as ws:
        return Journal(ws).add(make_draft(text, EVENING, **fields)).id


def texts(server: Server, token: str) -> list[str]:
    with server.request(token) as ws:
        return sorted(entry.text for entry in Journal(ws).iter_all())


# -- sign-up ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    [
        "qzvtkmwp",  # eight characters, lower case only
        "QZVTKMWPRL",  # capitals only
        "8491 2075 3316",  # digits and spaces
        "päßwörter ünd ëmoji 💜",
        ("river stone " * 11)[:128],  # 128 characters
        "w" * 1024,  # the longest allowed
    ],
    ids=["8-lower", "upper", "digits", "unicode", "128", "1024"],
)
def test_any_uncommon_password_of_8_characters_or_more_is_accepted(
    server: Server, password: str
) -> None:
    assert not is_common(password)
    email = new_email()

    created = sign_up(server, email, password)

    assert sign_in(server, email, password)
    assert count(server, "SELECT count(*) FROM users WHERE id = ?", (created.user_id,)) == 1


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("seven77", "at least 8 characters"),
        ("", "at least 8 characters"),
        ("w" * 1025, "under 1024 characters"),
        ("password", "most common"),
        ("Iloveyou", "most common"),
        ("sunshine", "most common"),
        ("12345678", "most common"),
    ],
    ids=["7", "empty", "1025", "password", "iloveyou", "sunshine", "digits"],
)
def test_a_short_long_or_common_password_is_refused_and_nothing_is_stored(
    server: Server, password: str, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message) as refused:
        sign_up(server, new_email(), password)

    assert refused.value.field == "password"
    assert count(server, "SELECT count(*) FROM users") == 0
    assert count(server, "SELECT count(*) FROM user_keys") == 0


@pytest.mark.parametrize(
    "email",
    [
        "",
        "   ",
        "no-at-sign.example.org",
        "@example.org",
        "name@",
        "name@localhost",
        "two words@example.org",
        "name@example.org@elsewhere.org",
        "name@.org",
        "name@example.",
        "x" * 250 + "@example.org",
    ],
)
def test_an_address_that_is_not_an_email_is_refused(server: Server, email: str) -> None:
    with pytest.raises(InvalidInput, match=r"name@example\.org") as refused:
        sign_up(server, email, PASSWORD)

    assert refused.value.field == "email"
    assert count(server, "SELECT count(*) FROM users") == 0


def test_an_email_is_kept_in_lower_case_and_used_once(server: Server) -> None:
    created = sign_up(server, "  Robin.Lee@Example.ORG ", PASSWORD)

    for again in ("robin.lee@example.org", "ROBIN.LEE@EXAMPLE.ORG"):
        with pytest.raises(InvalidInput, match="already exists") as refused:
            sign_up(server, again, "another fine password")
        assert refused.value.field == "email"

    assert count(server, "SELECT count(*) FROM users") == 1
    with server.database() as db:
        assert db.scalar("SELECT email FROM users WHERE id = ?", (created.user_id,)) == (
            "robin.lee@example.org"
        )
    assert sign_in(server, "Robin.Lee@example.org", PASSWORD)


# -- sign-in and sessions --------------------------------------------------------------------


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(server: Server) -> None:
    account = server.sign_up()
    sessions_before = count(server, "SELECT count(*) FROM sessions")

    answers = []
    for email, password in ((account.email, "not the password"), (new_email(), PASSWORD)):
        with pytest.raises(NotSignedIn) as refused:
            sign_in(server, email, password)
        answers.append((refused.value.message, refused.value.field, refused.value.status))

    assert answers[0] == answers[1]
    assert answers[0][2] == 401
    assert count(server, "SELECT count(*) FROM sessions") == sessions_before


def test_a_session_token_has_256_random_bits_and_only_its_hash_is_stored(server: Server) -> None:
    account = server.sign_up()
    token = account.token

    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert len(raw) * 8 >= 128
    with server.database() as db:
        stored = db.all("SELECT token_hash FROM sessions WHERE user_id = ?", (account.user_id,))
        cells = every_cell(db)
    assert len(stored) == 1
    assert len(bytes(stored[0][0])) >= 32
    secrets_of_token = [*forms(token), raw, raw.hex().encode()]
    assert [cell[:60] for cell in cells for form in secrets_of_token if form in cell] == []


def test_each_sign_in_opens_a_new_session_with_a_new_token(server: Server) -> None:
    account = server.sign_up()

    tokens = [account.token, *(sign_in(server, account.email, PASSWORD) for _ in range(2))]

    assert len(set(tokens)) == 3
    assert all(session_works(server, token) for token in tokens)
    with server.request(tokens[-1]) as ws:
        assert ws.owner_id == account.user_id
    assert count(server, "SELECT count(*) FROM sessions WHERE user_id = ?", (account.user_id,)) == 3


def test_signing_out_ends_that_session_only(server: Server) -> None:
    account = server.sign_up()
    laptop = sign_in(server, account.email, PASSWORD)

    with server.database() as db:
        accounts.sign_out(db, account.token)

    assert not session_works(server, account.token)
    assert session_works(server, laptop)
    with pytest.raises(NotSignedIn, match="sign in again"), server.request(account.token):
        pass


def test_a_session_unused_for_seven_days_has_ended(server: Server, clock) -> None:
    account = server.sign_up()

    clock.advance(days=6, hours=23)
    assert session_works(server, account.token)  # and that use counts as activity
    clock.advance(days=6, hours=23)
    assert session_works(server, account.token)
    clock.advance(days=7)
    assert not session_works(server, account.token)


def test_a_session_ends_after_thirty_days_however_much_it_is_used(server: Server, clock) -> None:
    account = server.sign_up()

    for _ in range(4):
        clock.advance(days=7, hours=-1)
        assert session_works(server, account.token)
    clock.advance(hours=30 * 24 - 4 * (7 * 24 - 1))
    assert not session_works(server, account.token)

    # The ended row is swept away at the next sign-in: nothing of it stays behind.
    sign_in(server, account.email, PASSWORD)
    assert count(server, "SELECT count(*) FROM sessions WHERE user_id = ?", (account.user_id,)) == 1


# -- passwords and recovery ------------------------------------------------------------------


def test_changing_the_password_ends_every_session_and_only_the_new_one_works(
    server: Server,
) -> None:
    account = server.sign_up()
    phone = sign_in(server, account.email, PASSWORD)
    write(server, account, "Written before the change.")

    with server.request(account.token) as ws:
        fresh = accounts.change_password(ws, PASSWORD, NEW_PASSWORD, ADDRESS)

    assert not session_works(server, account.token)
    assert not session_works(server, phone)
    assert texts(server, fresh.token) == ["Written before the change."]
    with pytest.raises(NotSignedIn):
        sign_in(server, account.email, PASSWORD)
    assert texts(server, sign_in(server, account.email, NEW_PASSWORD)) == [
        "Written before the change."
    ]


def test_a_wrong_current_password_or_a_weak_new_one_changes_nothing(server: Server) -> None:
    account = server.sign_up()
    with server.database() as db:
        keys_before = db.all("SELECT purpose, wrapped FROM user_keys ORDER BY purpose")

    with server.request(account.token) as ws, pytest.raises(InvalidInput, match="not right"):
        accounts.change_password(ws, "not my password", NEW_PASSWORD, ADDRESS)
    with server.request(account.token) as ws, pytest.raises(InvalidInput, match="most common"):
        accounts.change_password(ws, PASSWORD, "password", ADDRESS)

    assert session_works(server, account.token)
    assert sign_in(server, account.email, PASSWORD)
    with server.database() as db:
        assert db.all("SELECT purpose, wrapped FROM user_keys ORDER BY purpose") == keys_before


def recover(server: Server, email: str, recovery_key: str, new_password: str) -> tuple[str, str]:
    with server.database() as db:
        signed_in, fresh = accounts.recover(
            db, email, recovery_key, new_password, ADDRESS, server.now()
        )
    return signed_in.token, fresh


def test_the_recovery_key_sets_a_new_password_and_is_replaced(server: Server) -> None:
    account = server.sign_up()
    write(server, account, "Kept through a forgotten password.")

    token, fresh_key = recover(server, account.email, account.recovery_key, NEW_PASSWORD)

    assert fresh_key != account.recovery_key
    assert texts(server, token) == ["Kept through a forgotten password."]
    assert not session_works(server, account.token)
    with pytest.raises(NotSignedIn):
        sign_in(server, account.email, PASSWORD)
    assert sign_in(server, account.email, NEW_PASSWORD)
    with pytest.raises(InvalidInput, match="do not fit"):
        recover(server, account.email, account.recovery_key, "yet another new password")
    token, _ = recover(server, account.email, fresh_key, "yet another new password")
    assert texts(server, token) == ["Kept through a forgotten password."]


@pytest.mark.parametrize("typed", ["AAAA-BBBB", "not a key at all", ""])
def test_a_wrong_or_malformed_recovery_key_changes_nothing(server: Server, typed: str) -> None:
    account = server.sign_up()
    other = server.sign_up("other")

    for email, key in ((account.email, typed), (account.email, other.recovery_key)):
        with pytest.raises(InvalidInput, match="do not fit") as refused:
            recover(server, email, key, NEW_PASSWORD)
        assert refused.value.field == "recovery_key"
    with pytest.raises(InvalidInput, match="do not fit"):
        recover(server, new_email(), account.recovery_key, NEW_PASSWORD)

    assert session_works(server, account.token)
    assert sign_in(server, account.email, PASSWORD)


def test_real_argon2_protects_the_password_and_the_data_key(
    real_argon2: None, server: Server
) -> None:
    account = server.sign_up()

    with server.database() as db:
        password_hash = str(
            db.scalar("SELECT password_hash FROM users WHERE id = ?", (account.user_id,))
        )
        wrapped = bytes(
            db.scalar(
                "SELECT wrapped FROM user_keys WHERE owner_id = ? AND purpose = 'passphrase'",
                (account.user_id,),
            )
        )
    assert password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=1$")
    assert b'"t": 3, "m": 65536' in wrapped
    assert PASSWORD.encode() not in wrapped
    assert PASSWORD not in password_hash


# -- deleting an account ---------------------------------------------------------------------

# Where each table keeps the user a row belongs to; a new table must be added here (or to
# NOT_OWNED), so that deleting an account is checked against it too.
OWNED_ROWS = {
    "users": "SELECT count(*) FROM users WHERE id = ?",
    "user_keys": "SELECT count(*) FROM user_keys WHERE owner_id = ?",
    "user_settings": "SELECT count(*) FROM user_settings WHERE owner_id = ?",
    "entries": "SELECT count(*) FROM entries WHERE owner_id = ?",
    "entry_tags": "SELECT count(*) FROM entry_tags WHERE entry_id IN ({entries})",
    "items": "SELECT count(*) FROM items WHERE owner_id = ?",
    "sessions": "SELECT count(*) FROM sessions WHERE user_id = ?",
    "invites": "SELECT count(*) FROM invites WHERE inviter_id = ?",
    "couple_members": "SELECT count(*) FROM couple_members WHERE user_id = ?",
    "couples": "SELECT count(*) FROM couples WHERE id IN ({couples})",
    "shares": "SELECT count(*) FROM shares WHERE owner_id = ? OR couple_id IN ({couples})",
    "share_rules": "SELECT count(*) FROM share_rules WHERE owner_id = ? "
    "OR couple_id IN ({couples})",
    "auth_failures": "SELECT count(*) FROM auth_failures WHERE subject = ?",
}
NOT_OWNED = {"schema_migrations", "sqlite_sequence"}
FTS_TABLES = {
    "entry_fts",
    "entry_fts_data",
    "entry_fts_idx",
    "entry_fts_docsize",
    "entry_fts_config",
}


def _ids(values: list[int]) -> str:
    return ", ".join(str(v) for v in values) or "NULL"


def rows_of(db: Database, user_id: int, email: str, couples: list[int]) -> dict[str, int]:
    """How many rows of each table belong to the user (or to a couple they were part of)."""
    entry_ids = [int(r[0]) for r in db.all("SELECT id FROM entries WHERE owner_id = ?", (user_id,))]
    failure_subject = accounts._subjects(email, ADDRESS)[0]
    found = {}
    for table, sql in OWNED_ROWS.items():
        statement = sql.format(entries=_ids(entry_ids), couples=_ids(couples))
        if table == "auth_failures":
            params: tuple[object, ...] = (failure_subject,)
        else:
            params = (user_id,) * statement.count("?")
        found[table] = int(db.scalar(statement, params))
    return found


def test_every_table_is_checked_when_an_account_is_deleted(server: Server) -> None:
    with server.database() as db:
        tables = set(table_names(db))
    assert tables - FTS_TABLES - NOT_OWNED == set(OWNED_ROWS)


def _linked_pair(server: Server) -> tuple[Account, Account, int]:
    alex, sam = server.sign_up("alex"), server.sign_up("sam")
    with server.request(alex.token) as ws:
        code = partners.invite(ws).code
    with server.request(sam.token) as ws:
        partners.accept(ws, code)
    with server.database() as db:
        couple_id = int(
            db.scalar("SELECT couple_id FROM couple_members WHERE user_id = ?", (alex.user_id,))
        )
    return alex, sam, couple_id


def _fill(server: Server, account: Account) -> None:
    """One of everything a person can leave in the database."""
    first = write(server, account, "First, shared on its own.", tags=["us"], emotions={"calm": 3})
    write(server, account, "Second, private.", tags=["private"])
    with server.request(account.token) as ws:
        entry = Journal(ws).get(first)
        sharing.set_shared(ws, KIND, first, entry.to_dict(), True)
    with server.request(account.token) as ws:
        sharing.set_kind_rule(ws, KIND, True, [])
    write(server, account, "Third, shared by the rule.")
    with server.request(account.token) as ws:
        Items(ws).add("safety_plan", {"reasons": "my sister"})
        preferences.set_analysis(ws, False)


def test_deleting_an_account_removes_every_row_of_it_and_the_partner_keeps_theirs(
    server: Server,
) -> None:
    alex, sam, couple_id = _linked_pair(server)
    _fill(server, alex)
    _fill(server, sam)
    sign_in(server, alex.email, PASSWORD)  # a second session
    with pytest.raises(NotSignedIn):
        sign_in(server, alex.email, "a mistyped password")
    with server.database() as db:
        before = rows_of(db, alex.user_id, alex.email, [couple_id])
    # Every table the check reads holds something of Alex's before the deletion.
    assert {table for table, n in before.items() if n == 0} == {"invites"}
    sam_texts = texts(server, sam.token)
    with server.request(sam.token) as ws:
        assert len(sharing.shared_with_me(ws)) == 2  # the first entry and the third

    with server.request(alex.token) as ws:
        accounts.delete_account(ws, PASSWORD, ADDRESS)

    with server.database() as db:
        after = rows_of(db, alex.user_id, alex.email, [couple_id])
        if db.dialect.name == "sqlite":
            # The search index keeps nothing for entries that are gone.
            left = {int(r[0]) for r in db.all("SELECT id FROM entry_fts_docsize")}
            assert left <= {int(r[0]) for r in db.all("SELECT id FROM entries")}
    assert after == dict.fromkeys(OWNED_ROWS, 0)
    assert not session_works(server, alex.token)
    with pytest.raises(NotSignedIn):
        sign_in(server, alex.email, PASSWORD)
    assert texts(server, sam.token) == sam_texts
    with server.request(sam.token) as ws:
        assert sharing.shared_with_me(ws) == []
        assert partners.status(ws) == partners.PartnerStatus(linked=False)
        assert sharing.shared_kinds(ws) == set()
        assert Items(ws).of_kind("safety_plan")[0].body == {"reasons": "my sister"}
        assert len(Journal(ws).search("private", Query())) == 1


def test_deleting_an_unlinked_account_removes_its_invite(server: Server) -> None:
    alex = server.sign_up("alex")
    with server.request(alex.token) as ws:
        code = partners.invite(ws).code

    with server.request(alex.token) as ws:
        accounts.delete_account(ws, PASSWORD, ADDRESS)

    with server.database() as db:
        assert rows_of(db, alex.user_id, alex.email, []) == dict.fromkeys(OWNED_ROWS, 0)
    sam = server.sign_up("sam")
    with server.request(sam.token) as ws, pytest.raises(InvalidInput, match="does not work"):
        partners.accept(ws, code)


def test_a_wrong_password_deletes_nothing(server: Server) -> None:
    alex, _, couple_id = _linked_pair(server)
    _fill(server, alex)
    with server.database() as db:
        before = rows_of(db, alex.user_id, alex.email, [couple_id])

    with server.request(alex.token) as ws, pytest.raises(InvalidInput, match="nothing was deleted"):
        accounts.delete_account(ws, "not my password", ADDRESS)

    with server.database() as db:
        after = rows_of(db, alex.user_id, alex.email, [couple_id])
    assert after == {**before, "auth_failures": 1}  # the failed attempt is counted
    assert session_works(server, alex.token)
