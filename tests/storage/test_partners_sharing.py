"""Partners through the services, on both backends: the one-time invite code, linking and
unlinking, and what each shares: single items, a whole kind, kept in step with the source.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from server_kit import Account, Server, cheap_argon2, open_server

from heartwise.config import Settings
from heartwise.domain.entries import make_draft
from heartwise.domain.time import to_epoch
from heartwise.errors import Conflict, InvalidInput, NotFound, VaultError
from heartwise.services import partners, sharing
from heartwise.services.journal import KIND, Journal
from heartwise.storage import partners as partner_repo

EVENING = datetime(2026, 11, 20, 21, 30, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(autouse=True)
def cheap_hashing() -> Iterator[None]:
    # Only the Argon2id cost constants change: each test makes several accounts, and
    # linking and sharing do not depend on what a password costs to check.
    with cheap_argon2():
        yield


@pytest.fixture
def server(db_settings: Settings, clock) -> Iterator[Server]:
    with open_server(db_settings, clock) as opened:
        yield opened


def invite(server: Server, account: Account) -> str:
    with server.request(account.token) as ws:
        return partners.invite(ws).code


def accept(server: Server, account: Account, code: str) -> partners.PartnerStatus:
    with server.request(account.token) as ws:
        return partners.accept(ws, code)


def link(server: Server, inviter: Account, invitee: Account) -> None:
    accept(server, invitee, invite(server, inviter))


def status(server: Server, account: Account) -> partners.PartnerStatus:
    with server.request(account.token) as ws:
        return partners.status(ws)


def seen_by(server: Server, account: Account) -> list[str]:
    """The texts of what the partner shares with ``account``, as its next request sees them."""
    with server.request(account.token) as ws:
        return [item.body["text"] for item in sharing.shared_with_me(ws)]


def write(server: Server, account: Account, text: str, **fields: object) -> int:
    with server.request(account.token) as ws:
        return Journal(ws).add(make_draft(text, EVENING, **fields)).id


def share(server: Server, account: Account, entry_id: int, on: bool = True) -> None:
    with server.request(account.token) as ws:
        entry = Journal(ws).get(entry_id)
        sharing.set_shared(ws, KIND, entry_id, entry.to_dict(), on)


def share_kind(server: Server, account: Account, on: bool) -> int:
    with server.request(account.token) as ws:
        existing = [(e.id, e.to_dict()) for e in Journal(ws).iter_all(include_trash=False)]
        return sharing.set_kind_rule(ws, KIND, on, existing)


@pytest.fixture
def alex(server: Server) -> Account:
    return server.sign_up("alex")


@pytest.fixture
def sam(server: Server) -> Account:
    return server.sign_up("sam")


@pytest.fixture
def couple(server: Server, alex: Account, sam: Account) -> tuple[Account, Account]:
    link(server, alex, sam)
    return alex, sam


# -- invite codes ----------------------------------------------------------------------------


def test_an_invite_code_links_two_accounts_once(
    server: Server, alex: Account, sam: Account
) -> None:
    code = invite(server, alex)

    linked = accept(server, sam, code)

    assert linked == partners.PartnerStatus(linked=True, partner_email=alex.email)
    assert status(server, alex) == partners.PartnerStatus(linked=True, partner_email=sam.email)
    robin = server.sign_up("robin")
    with pytest.raises(InvalidInput, match="already used") as refused:
        accept(server, robin, code)
    assert refused.value.field == "code"
    with server.database() as db:
        assert db.scalar("SELECT count(*) FROM invites") == 0
    # Even after unlinking, a used code stays used.
    with server.request(sam.token) as ws:
        partners.unlink(ws)
    with pytest.raises(InvalidInput, match="already used"):
        accept(server, sam, code)


def test_a_code_is_typed_without_care_for_case_or_dashes(
    server: Server, alex: Account, sam: Account
) -> None:
    code = invite(server, alex)

    accept(server, sam, " " + code.replace("-", " ").lower() + " ")

    assert status(server, sam).linked


def test_an_invite_code_lasts_48_hours(server: Server, clock, alex: Account, sam: Account) -> None:
    robin, kim = server.sign_up("robin"), server.sign_up("kim")
    early, late = invite(server, alex), invite(server, robin)
    with server.database() as db:
        expires = {int(row[0]) for row in db.all("SELECT expires_at FROM invites")}
    assert expires == {to_epoch(clock()) + 48 * 3600}

    clock.advance(hours=47, minutes=59, seconds=59)
    accept(server, sam, early)
    clock.advance(seconds=1)
    with pytest.raises(InvalidInput, match="expired"):
        accept(server, kim, late)

    assert status(server, sam).linked
    assert not status(server, kim).linked
    assert not status(server, robin).linked


def test_a_new_code_replaces_the_one_before(server: Server, alex: Account, sam: Account) -> None:
    first = invite(server, alex)
    second = invite(server, alex)

    with pytest.raises(InvalidInput, match="does not work"):
        accept(server, sam, first)
    accept(server, sam, second)
    assert status(server, sam).linked


def test_nobody_can_accept_their_own_code(server: Server, alex: Account, sam: Account) -> None:
    code = invite(server, alex)

    with pytest.raises(InvalidInput, match="your own invite code") as refused:
        accept(server, alex, code)

    assert refused.value.field == "code"
    assert not status(server, alex).linked
    accept(server, sam, code)  # the code still works for the partner it was meant for
    assert status(server, alex).linked


def test_someone_already_linked_cannot_accept_another_code(
    server: Server, couple: tuple[Account, Account]
) -> None:
    alex, sam = couple
    robin, kim = server.sign_up("robin"), server.sign_up("kim")
    code = invite(server, robin)

    for linked in (alex, sam):
        with pytest.raises(Conflict, match="already linked") as refused:
            accept(server, linked, code)
        assert refused.value.status == 409

    assert status(server, alex).partner_email == sam.email
    accept(server, kim, code)  # the refused attempts did not use the code up
    assert status(server, kim).partner_email == robin.email


def test_someone_already_linked_cannot_invite(
    server: Server, couple: tuple[Account, Account]
) -> None:
    alex, _ = couple

    with pytest.raises(Conflict, match="already linked") as refused:
        invite(server, alex)

    assert refused.value.status == 409
    with server.database() as db:
        assert db.scalar("SELECT count(*) FROM invites") == 0


def test_a_code_from_someone_now_linked_is_refused(
    server: Server, clock, couple: tuple[Account, Account]
) -> None:
    alex, sam = couple
    robin = server.sign_up("robin")
    # The services delete a person's codes when they link; a code left over anyway (by an
    # older version, say) must still not link a third person to Alex.
    code = "ABCD-EFGH-IJKL-MNOP"
    with server.database() as db, db.transaction():
        now = to_epoch(clock())
        partner_repo.insert_invite(db, partners._code_hash(code), alex.user_id, now, now + 3600)

    with pytest.raises(Conflict, match="already linked with someone else"):
        accept(server, robin, code)

    assert status(server, alex).partner_email == sam.email
    assert not status(server, robin).linked


def test_partners_are_only_for_accounts(server: Server, db_settings: Settings, clock) -> None:
    from heartwise.services.workspace import open_local_workspace

    with open_local_workspace(db_settings, clock) as ws, pytest.raises(NotFound, match="server"):
        partners.invite(ws)


# -- unlinking -------------------------------------------------------------------------------


def test_unlinking_ends_all_sharing_on_the_very_next_request(
    server: Server, couple: tuple[Account, Account]
) -> None:
    alex, sam = couple
    share(server, alex, write(server, alex, "Alex shares this."))
    share_kind(server, sam, True)
    write(server, sam, "Sam shares every entry.")
    assert seen_by(server, sam) == ["Alex shares this."]
    assert seen_by(server, alex) == ["Sam shares every entry."]

    with server.request(alex.token) as ws:
        partners.unlink(ws)

    assert seen_by(server, sam) == []
    assert seen_by(server, alex) == []
    assert status(server, sam) == partners.PartnerStatus(linked=False)
    with server.database() as db:
        for table in ("couples", "couple_members", "shares", "share_rules"):
            assert db.scalar(f"SELECT count(*) FROM {table}") == 0, table
    with server.request(sam.token) as ws, pytest.raises(NotFound, match="not linked"):
        partners.unlink(ws)

    # Linking again starts from nothing shared: the old rule went with the old couple.
    link(server, sam, alex)
    write(server, sam, "Written after linking again.")
    assert seen_by(server, alex) == []
    assert seen_by(server, sam) == []


# -- sharing ---------------------------------------------------------------------------------


def test_one_shared_entry_is_all_the_partner_reads(
    server: Server, couple: tuple[Account, Account]
) -> None:
    alex, sam = couple
    shared = write(server, alex, "I felt calmer after we talked.", tags=["us"], mood=7)
    private = write(server, alex, "Something only for me.")

    share(server, alex, shared)

    with server.request(sam.token) as ws:
        items = sharing.shared_with_me(ws)
        assert [(item.kind, item.source_id) for item in items] == [(KIND, shared)]
        assert items[0].body["tags"] == ["us"]
        assert items[0].body["mood"] == 7
        for entry_id in (shared, private):  # the partner reads the copy, never the source
            with pytest.raises(NotFound):
                Journal(ws).get(entry_id)
    with server.request(alex.token) as ws:
        assert sharing.shared_ids(ws, KIND, [shared, private]) == {shared}
    assert seen_by(server, alex) == []  # sharing goes one way


def test_a_link_made_during_a_request_counts_for_the_rest_of_it(
    server: Server, alex: Account, sam: Account
) -> None:
    # The session row said "not linked"; accepting the code must not leave that behind.
    entry_id = write(server, sam, "Walked to the harbour together.")
    code = invite(server, alex)
    with server.request(sam.token) as ws:
        partners.accept(ws, code)
        entry = Journal(ws).get(entry_id)
        sharing.set_shared(ws, KIND, entry_id, entry.to_dict(), True)
    assert seen_by(server, alex) == ["Walked to the harbour together."]


def test_an_unlink_during_a_request_counts_for_the_rest_of_it(
    server: Server, alex: Account, sam: Account
) -> None:
    link(server, alex, sam)
    entry_id = write(server, sam, "Cooked dinner for two.")
    with server.request(sam.token) as ws:
        partners.unlink(ws)
        entry = Journal(ws).get(entry_id)
        with pytest.raises(Conflict, match="not linked"):
            sharing.set_shared(ws, KIND, entry_id, entry.to_dict(), True)


def test_sharing_needs_a_partner(server: Server, alex: Account) -> None:
    entry_id = write(server, alex, "No one to share with yet.")

    with pytest.raises(Conflict, match="not linked"):
        share(server, alex, entry_id)
    with pytest.raises(Conflict, match="not linked"):
        share_kind(server, alex, True)
    with server.database() as db:
        assert db.scalar("SELECT count(*) FROM shares") == 0


def test_unsharing_an_entry_takes_it_back_at_once(
    server: Server, couple: tuple[Account, Account]
) -> None:
    alex, sam = couple
    first, second = (write(server, alex, text) for text in ("First.", "Second."))
    share(server, alex, first)
    share(server, alex, second)

    share(server, alex, first, on=False)

    assert seen_by(server, sam) == ["Second."]
    share(server, alex, first, on=False)  # unsharing twice is harmless
    assert seen_by(server, sam) == ["Second."]


def test_an_edit_updates_the_shared_copy_and_no_other(
    server: Server, couple: tuple[Account, Account]
) -> None:
    alex, sam = couple
    shared = write(server, alex, "Before the edit.")
    private = write(server, alex, "Private before.")
    share(server, alex, shared)

    with server.request(alex.token) as ws:
        Journal(ws).edit(shared, {"text": "After the edit.", "tags": ["changed"]})
        Journal(ws).edit(private, {"text": "Private after."})

    with server.request(sam.token) as ws:
        items = sharing.shared_with_me(ws)
    assert [(item.body["text"], item.body["tags"]) for item in items] == [
        ("After the edit.", ["changed"])
    ]


def test_deleting_the_source_removes_the_shared_copy(
    server: Server, couple: tuple[Account, Account]
) -> None:
    alex, sam = couple
    kept, deleted = (write(server, alex, text) for text in ("Kept.", "Deleted."))
    share(server, alex, kept)
    share(server, alex, deleted)

    with server.request(alex.token) as ws:
        Journal(ws).delete(deleted)

    assert seen_by(server, sam) == ["Kept."]
    with server.database() as db:
        assert db.scalar("SELECT count(*) FROM shares") == 1


def test_sharing_a_kind_copies_what_exists_and_shares_what_comes(
    server: Server, couple: tuple[Account, Account]
) -> None:
    alex, sam = couple
    write(server, alex, "Older one.")
    trashed = write(server, alex, "Thrown away.")
    with server.request(alex.token) as ws:
        Journal(ws).delete(trashed)

    assert share_kind(server, alex, True) == 1

    assert seen_by(server, sam) == ["Older one."]
    with server.request(alex.token) as ws:
        assert sharing.shared_kinds(ws) == {KIND}
    write(server, alex, "Newer one.")
    assert sorted(seen_by(server, sam)) == ["Newer one.", "Older one."]
    with server.request(sam.token) as ws:
        assert sharing.shared_kinds(ws) == set()  # Alex's rule, not Sam's


def test_stopping_a_kind_takes_every_item_back_and_new_ones_stay_private(
    server: Server, couple: tuple[Account, Account]
) -> None:
    alex, sam = couple
    single = write(server, alex, "Shared on its own.")
    share(server, alex, single)
    share_kind(server, alex, True)
    write(server, alex, "Shared by the rule.")

    assert share_kind(server, alex, False) == 0

    assert seen_by(server, sam) == []
    write(server, alex, "After the rule.")
    assert seen_by(server, sam) == []
    with server.request(alex.token) as ws:
        assert sharing.shared_kinds(ws) == set()


def test_only_kinds_that_can_be_shared_are_accepted(
    server: Server, couple: tuple[Account, Account]
) -> None:
    alex, _ = couple
    with server.request(alex.token) as ws, pytest.raises(InvalidInput, match="cannot be shared"):
        sharing.set_kind_rule(ws, "safety_plan", True, [])


def test_what_is_shared_last_comes_first(
    server: Server, clock, couple: tuple[Account, Account]
) -> None:
    alex, sam = couple
    ids = [write(server, alex, text) for text in ("One.", "Two.", "Three.")]
    for entry_id in ids:
        share(server, alex, entry_id)
        clock.advance(minutes=1)
    with server.request(alex.token) as ws:
        Journal(ws).edit(ids[0], {"text": "One, edited."})

    assert seen_by(server, sam) == ["One, edited.", "Three.", "Two."]


def test_a_shared_copy_moved_to_another_owner_fails_to_open(
    server: Server, couple: tuple[Account, Account]
) -> None:
    alex, sam = couple
    share(server, alex, write(server, alex, "Alex wrote this."))
    # Someone with the database relabels Alex's copy as Sam's, to show it to Alex as Sam's.
    with server.database() as db:
        db.execute("UPDATE shares SET owner_id = ?", (sam.user_id,))

    with server.request(alex.token) as ws, pytest.raises(VaultError, match="does not hold"):
        sharing.shared_with_me(ws)
