"""Sharing between partners as a state machine: Hypothesis links, shares, writes, edits,
deletes, unlinks and deletes accounts in any order, and after every step what each person
sees shared with them must equal what a few dictionaries say they should.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from server_kit import ADDRESS, PASSWORD, Account, Server, cheap_argon2, open_server

from heartwise.config import Settings
from heartwise.domain.entries import make_draft
from heartwise.errors import Conflict, HeartwiseError, InvalidInput, NotFound
from heartwise.services import accounts, partners, sharing
from heartwise.services.journal import KIND, Journal
from heartwise.services.workspace import Workspace

PEOPLE = 3
slots = st.integers(0, PEOPLE - 1)
picks = st.integers(0, 1_000)


@dataclass
class Code:
    owner: int  # the slot of the person who made it
    code: str
    expires_at: int
    usable: bool = True


class SharingModel(RuleBasedStateMachine):
    """Three people on one server; the test sets ``server`` and its ``clock`` per backend."""

    server: Server
    clock: Any  # the FakeClock of conftest

    def __init__(self) -> None:
        super().__init__()
        self.people: list[Account | None] = [self.server.sign_up(f"p{n}") for n in range(PEOPLE)]
        self.partner: dict[int, int] = {}
        self.entries: list[dict[int, str]] = [{} for _ in range(PEOPLE)]
        self.shared: list[set[int]] = [set() for _ in range(PEOPLE)]
        self.rule_on = [False] * PEOPLE
        self.codes: list[Code] = []
        self.written = 0

    # -- helpers -----------------------------------------------------------------------------

    def _token(self, slot: int) -> str | None:
        person = self.people[slot]
        return None if person is None else person.token

    def _entry(self, pick: int) -> tuple[int, int]:
        """Any live entry of anyone: (the writer's slot, the entry id)."""
        everything = [(slot, e) for slot, ids in enumerate(self.entries) for e in sorted(ids)]
        return everything[pick % len(everything)]

    def _has_entries(self) -> bool:
        return any(self.entries)

    def _text(self) -> str:
        self.written += 1
        return f"Entry number {self.written}."

    def _stop_sharing(self, slot: int) -> None:
        self.shared[slot].clear()
        self.rule_on[slot] = False

    def _unlink_model(self, slot: int) -> None:
        other = self.partner.pop(slot)
        del self.partner[other]
        self._stop_sharing(slot)
        self._stop_sharing(other)

    def _expect(
        self, error: type[HeartwiseError] | None, token: str, action: Callable[[Workspace], Any]
    ) -> Any:
        """Run ``action`` as one request of the session ``token``; it must raise ``error``."""
        with self.server.request(token) as ws:
            if error is None:
                return action(ws)
            with pytest.raises(error):
                action(ws)
        return None

    @initialize(writes=st.integers(1, 3), by_kind=st.booleans())
    def start(self, writes: int, by_kind: bool) -> None:
        """Begin with the first two linked, a few entries each, and the first sharing one
        entry or all of them: most steps then act on something shared, not on nobody.
        Rules unlink, delete accounts and link again from there."""
        for slot in range(PEOPLE):
            for _ in range(writes):
                self.write(slot)
        self.invite(0)
        self.accept_latest(1, 0)
        if by_kind:
            self.share_kind(0, True)
        else:
            self.share_entry(0, True)

    # -- partners ----------------------------------------------------------------------------

    @rule(slot=slots)
    def invite(self, slot: int) -> None:
        token = self._token(slot)
        if token is None:
            return
        if slot in self.partner:
            self._expect(Conflict, token, partners.invite)
            return
        made = self._expect(None, token, partners.invite)
        assert isinstance(made, partners.Invite)
        for code in self.codes:
            if code.owner == slot:
                code.usable = False
        self.codes.append(Code(slot, made.code, made.expires_at))

    @precondition(lambda self: bool(self.codes))
    @rule(slot=slots, owner=slots)
    def accept_latest(self, slot: int, owner: int) -> None:
        """Accept the last code ``owner`` made: most often one that still works."""
        made = [n for n, code in enumerate(self.codes) if code.owner == owner]
        if made:
            self.accept(slot, made[-1])

    @precondition(lambda self: bool(self.codes))
    @rule(slot=slots, pick=picks)
    def accept(self, slot: int, pick: int) -> None:
        """Accept any code made so far: used, replaced, expired or still good."""
        token = self._token(slot)
        if token is None or not self.codes:
            return
        code = self.codes[pick % len(self.codes)]
        now = self.server.now()
        if not code.usable or now >= code.expires_at or code.owner == slot:
            error: type[HeartwiseError] | None = InvalidInput
        elif slot in self.partner or code.owner in self.partner:
            error = Conflict
        else:
            error = None
        self._expect(error, token, lambda ws: partners.accept(ws, code.code))
        if error is None:
            self.partner[slot], self.partner[code.owner] = code.owner, slot
            for other in self.codes:
                if other.owner in (slot, code.owner):
                    other.usable = False

    @rule(slot=slots)
    def unlink(self, slot: int) -> None:
        token = self._token(slot)
        if token is None:
            return
        linked = slot in self.partner
        self._expect(None if linked else NotFound, token, partners.unlink)
        if linked:
            self._unlink_model(slot)

    # -- entries -----------------------------------------------------------------------------

    @rule(slot=slots)
    def write(self, slot: int) -> None:
        token = self._token(slot)
        if token is None:
            return
        text = self._text()
        entry = self._expect(
            None, token, lambda ws: Journal(ws).add(make_draft(text, self.server.clock()))
        )
        entry_id = entry.id
        self.entries[slot][entry_id] = text
        if self.rule_on[slot]:
            self.shared[slot].add(entry_id)

    @precondition(_has_entries)
    @rule(pick=picks)
    def edit(self, pick: int) -> None:
        slot, entry_id = self._entry(pick)
        token = self._token(slot)
        assert token is not None
        text = self._text()
        self._expect(None, token, lambda ws: Journal(ws).edit(entry_id, {"text": text}))
        self.entries[slot][entry_id] = text

    @precondition(_has_entries)
    @rule(pick=picks)
    def delete_entry(self, pick: int) -> None:
        slot, entry_id = self._entry(pick)
        token = self._token(slot)
        assert token is not None
        self._expect(None, token, lambda ws: Journal(ws).delete(entry_id))
        del self.entries[slot][entry_id]
        self.shared[slot].discard(entry_id)

    # -- sharing -----------------------------------------------------------------------------

    @precondition(_has_entries)
    @rule(pick=picks, on=st.booleans())
    def share_entry(self, pick: int, on: bool) -> None:
        slot, entry_id = self._entry(pick)
        token = self._token(slot)
        assert token is not None
        refused = on and slot not in self.partner

        def share(ws: Workspace) -> None:
            body = Journal(ws).get(entry_id).to_dict()
            sharing.set_shared(ws, KIND, entry_id, body, on)

        self._expect(Conflict if refused else None, token, share)
        if refused:
            return
        if on:
            self.shared[slot].add(entry_id)
        else:
            self.shared[slot].discard(entry_id)

    @rule(slot=slots, on=st.booleans())
    def share_kind(self, slot: int, on: bool) -> None:
        token = self._token(slot)
        if token is None:
            return
        linked = slot in self.partner

        def set_rule(ws: Workspace) -> int:
            existing = [(e.id, e.to_dict()) for e in Journal(ws).iter_all(include_trash=False)]
            return sharing.set_kind_rule(ws, KIND, on, existing)

        count = self._expect(None if linked else Conflict, token, set_rule)
        if not linked:
            return
        self.rule_on[slot] = on
        self.shared[slot] = set(self.entries[slot]) if on else set()
        assert count == len(self.shared[slot])

    # -- accounts and time -------------------------------------------------------------------

    @rule(slot=slots)
    def delete_account(self, slot: int) -> None:
        token = self._token(slot)
        if token is None:
            return
        self._expect(None, token, lambda ws: accounts.delete_account(ws, PASSWORD, ADDRESS))
        if slot in self.partner:
            self._unlink_model(slot)
        for code in self.codes:
            if code.owner == slot:
                code.usable = False
        self.people[slot] = None
        self.entries[slot] = {}

    @precondition(lambda self: None in self.people)
    @rule(slot=slots)
    def sign_up_again(self, slot: int) -> None:
        if self.people[slot] is None:
            self.people[slot] = self.server.sign_up(f"p{slot}")

    @rule(hours=st.integers(1, 24))
    def wait(self, hours: int) -> None:
        # Under a day, and every step's check touches each session: none goes idle.
        self.clock.advance(hours=hours)

    # -- what must hold after every step -----------------------------------------------------

    @invariant()
    def everyone_sees_exactly_what_their_partner_shares(self) -> None:
        for slot, person in enumerate(self.people):
            if person is None:
                continue
            other = self.partner.get(slot)
            expected = (
                {} if other is None else {e: self.entries[other][e] for e in self.shared[other]}
            )
            with self.server.request(person.token) as ws:
                seen = {item.source_id: item.body["text"] for item in sharing.shared_with_me(ws)}
                mine = sharing.shared_ids(ws, KIND, self.entries[slot])
                status = partners.status(ws)
                kinds = sharing.shared_kinds(ws)
            assert seen == expected, f"person {slot}"
            assert mine == self.shared[slot], f"person {slot}"
            assert status.linked == (other is not None)
            assert kinds == ({KIND} if self.rule_on[slot] else set())

    @invariant()
    def no_shared_copy_is_left_behind(self) -> None:
        # Earlier examples' people stay in the database; only this example's are counted.
        ids = [person.user_id for person in self.people if person is not None]
        marks = ", ".join("?" for _ in ids) or "NULL"
        with self.server.database() as db:
            stored = db.scalar(f"SELECT count(*) FROM shares WHERE owner_id IN ({marks})", ids)
        assert int(stored) == sum(len(shared) for shared in self.shared)


def test_what_each_partner_sees_follows_a_simple_model(db_settings: Settings, clock) -> None:
    # Only the Argon2id cost constants are lowered here: every example signs up three
    # people (and the machine signs up more), which at full cost would take most of a minute.
    with cheap_argon2(), open_server(db_settings, clock) as server:
        machine = type("SharingMachine", (SharingModel,), {"server": server, "clock": clock})
        run_state_machine_as_test(
            machine,
            settings=hypothesis_settings(
                max_examples=25,
                stateful_step_count=20,
                deadline=None,
                database=None,
                suppress_health_check=[HealthCheck.too_slow],
            ),
        )
