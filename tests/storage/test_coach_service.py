"""The communication tools' stores, on SQLite and on PostgreSQL.

"Nothing changed" is checked on the raw rows: every write seals with a fresh nonce, so a
refused call that wrote anything at all would leave different bytes behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from heartwise.errors import InvalidInput, NotFound
from heartwise.services.affection import AffectionProfiles
from heartwise.services.coach import coach_message
from heartwise.services.coach_log import (
    ConversationPlans,
    Expectations,
    IFeelStatements,
    check_expectation_text,
    ifeel_choices,
    preview_ifeel,
)
from heartwise.services.workspace import Workspace

if TYPE_CHECKING:
    from conftest import FakeClock


def raw_rows(ws: Workspace) -> dict[int, tuple[str, int, bytes]]:
    rows = ws.db.all("SELECT id, kind, updated_at, body FROM items ORDER BY id")
    return {int(r[0]): (str(r[1]), int(r[2]), bytes(r[3])) for r in rows}


def write_ifeel(ws: Workspace, **fields: Any) -> Any:
    values: dict[str, Any] = {
        "feeling": "lonely",
        "situation": "you stayed at the office until nine on Tuesday",
        "need": "some time together",
        "request": "eat with me on Thursdays",
    }
    return IFeelStatements(ws).create(**{**values, **fields})


RATINGS = {
    "kind_words": {"giving": 6, "receiving": 9},
    "time_together": {"giving": 8, "receiving": 8},
    "baking together": {"giving": 5, "receiving": 7},
}
GUESS = {
    "kind_words": {"giving": 3, "receiving": 5},
    "time_together": {"giving": 7, "receiving": 9},
}


# -- "I feel" drafts ----------------------------------------------------------------------------


def test_an_i_feel_draft_comes_back_as_written(workspace: Workspace, clock: FakeClock) -> None:
    added = write_ifeel(workspace)
    statement = IFeelStatements(workspace).get(added.id)

    assert statement == added
    assert statement.text == (
        "I feel lonely when you stayed at the office until nine on Tuesday, because I need "
        "some time together. Would you be willing to eat with me on Thursdays?"
    )
    assert statement.created_at == clock.now
    assert statement.outcome is None
    assert statement.to_dict()["checks"] == {"feeling": [], "situation": [], "request": []}


def test_an_edited_phrasing_is_kept_as_the_person_wrote_it(workspace: Workspace) -> None:
    own = "Can we talk? I've felt lonely on the late office nights."
    statement = write_ifeel(workspace, text=own)

    assert IFeelStatements(workspace).get(statement.id).text == own


def test_an_unedited_phrasing_follows_its_parts_and_an_edited_one_stays(
    workspace: Workspace,
) -> None:
    log = IFeelStatements(workspace)
    plain = write_ifeel(workspace)
    edited = write_ifeel(workspace, text="My own words.")

    assert log.update(plain.id, {"feeling": "sad"}).text.startswith("I feel sad when")
    assert log.update(edited.id, {"feeling": "sad"}).text == "My own words."


def test_whether_it_was_sent_and_how_it_went_is_recorded(
    workspace: Workspace, clock: FakeClock
) -> None:
    statement = write_ifeel(workspace)
    later = clock.advance(days=2)
    recorded = IFeelStatements(workspace).record_outcome(statement.id, True, "We planned Thursday")

    assert recorded.outcome is not None
    assert (recorded.outcome.sent, recorded.outcome.how_it_went) == (True, "We planned Thursday")
    assert recorded.outcome.at == later
    assert IFeelStatements(workspace).get(statement.id) == recorded


def test_every_word_of_a_draft_is_sealed(workspace: Workspace) -> None:
    write_ifeel(workspace)
    Expectations(workspace).create("He must answer within 10 minutes")
    ConversationPlans(workspace).create("Weekends with his parents", hope="A fair split")
    for _, (kind, _, body) in raw_rows(workspace).items():
        assert kind in {"ifeel", "expectation", "conversation"}
        for plain in (b"lonely", b"office", b"Thursdays", b"answer", b"parents", b"fair split"):
            assert plain not in body


@pytest.mark.parametrize(
    "call",
    [
        lambda ws: write_ifeel(ws, feeling=""),
        lambda ws: write_ifeel(ws, situation="   "),
        lambda ws: write_ifeel(ws, request="x" * 1_001),
        lambda ws: IFeelStatements(ws).record_outcome(1, "yes"),
        lambda ws: IFeelStatements(ws).update(1, {"created_at": None}),
        lambda ws: IFeelStatements(ws).update(1, {"feeling": "42"}),
    ],
)
def test_a_refused_i_feel_call_changes_nothing(workspace: Workspace, call: Any) -> None:
    write_ifeel(workspace)
    before = raw_rows(workspace)

    with pytest.raises(InvalidInput):
        call(workspace)

    assert raw_rows(workspace) == before


def test_the_builder_offers_choices_and_a_preview_without_storing(workspace: Workspace) -> None:
    before = raw_rows(workspace)
    choices = ifeel_choices()
    preview = preview_ifeel("ignored", "you always ignore me", request="stop being distant")

    assert "lonely" in choices["feelings"]["sad"]  # type: ignore[index]
    assert "reassurance" in choices["needs"]  # type: ignore[operator]
    assert len(preview.phrasings) == 3
    assert {f.kind for f in preview.flags["feeling"]} == {"not_a_feeling"}
    assert {f.kind for f in preview.flags["situation"]} == {"absolute", "judgement"}
    assert {f.kind for f in preview.flags["request"]} == {"negative", "vague"}
    assert coach_message("You never call me back.").rewrite is not None
    assert raw_rows(workspace) == before


# -- conversation plans -------------------------------------------------------------------------


def test_a_conversation_plan_and_how_it_went(workspace: Workspace, clock: FakeClock) -> None:
    plans = ConversationPlans(workspace)
    plan = plans.create(
        "Time with my friends",
        hope="That we both get evenings we enjoy",
        time_and_place="Sunday morning, on a walk",
        opening="I feel torn when Friday plans clash",
        listen_for="What Fridays mean to him",
    )
    clock.advance(days=3)
    after = plans.record_afterwards(plan.id, 8, "One Friday each a month")

    assert plans.get(plan.id) == after
    assert after.afterwards is not None
    assert (after.afterwards.rating, after.afterwards.agreed) == (8, "One Friday each a month")
    assert after.time_and_place == "Sunday morning, on a walk"
    assert plans.record_afterwards(plan.id, 6).afterwards.rating == 6  # type: ignore[union-attr]


@pytest.mark.parametrize("rating", [-1, 11, 5.5, None, "8"])
def test_a_rating_outside_0_to_10_changes_nothing(workspace: Workspace, rating: Any) -> None:
    plan = ConversationPlans(workspace).create("Money")
    before = raw_rows(workspace)

    with pytest.raises(InvalidInput) as refused:
        ConversationPlans(workspace).record_afterwards(plan.id, rating)

    assert refused.value.field == "rating"
    assert raw_rows(workspace) == before


# -- expectations ---------------------------------------------------------------------------------


def test_an_expectation_is_checked_and_moves_from_open_to_agreed(workspace: Workspace) -> None:
    expectations = Expectations(workspace)
    added = expectations.create("He must answer within 10 minutes")
    check = added.to_dict()["check"]

    assert added.status == "open"
    assert check["realistic"] is False  # type: ignore[index]
    assert check["softer"] == "I'd like him to answer when he can."  # type: ignore[index]
    assert expectations.set_status(added.id, "discussed").status == "discussed"
    assert expectations.set_status(added.id, "agreed").status == "agreed"
    assert [e.id for e in expectations.by_status()["agreed"]] == [added.id]


def test_an_expectation_can_be_checked_before_it_is_saved(workspace: Workspace) -> None:
    before = raw_rows(workspace)

    assert check_expectation_text("We cook together on Sundays").realistic
    with pytest.raises(InvalidInput):
        check_expectation_text("")
    assert raw_rows(workspace) == before


@pytest.mark.parametrize(
    "call",
    [
        lambda ws, i: Expectations(ws).set_status(i, "done"),
        lambda ws, i: Expectations(ws).update(i, {"text": ""}),
        lambda ws, i: Expectations(ws).update(i, {"status": "maybe"}),
        lambda ws, i: Expectations(ws).create("y" * 1_001),
    ],
)
def test_a_refused_expectation_call_changes_nothing(workspace: Workspace, call: Any) -> None:
    added = Expectations(workspace).create("Honesty about money")
    before = raw_rows(workspace)

    with pytest.raises(InvalidInput):
        call(workspace, added.id)

    assert raw_rows(workspace) == before


def test_an_id_of_another_kind_is_not_found(workspace: Workspace) -> None:
    plan = ConversationPlans(workspace).create("Holidays")

    with pytest.raises(NotFound):
        Expectations(workspace).get(plan.id)
    with pytest.raises(NotFound):
        IFeelStatements(workspace).delete(plan.id)
    assert ConversationPlans(workspace).delete(plan.id) == plan
    assert raw_rows(workspace) == {}


# -- ways of showing affection -------------------------------------------------------------------


def test_one_affection_profile_per_person(workspace: Workspace, clock: FakeClock) -> None:
    profiles = AffectionProfiles(workspace)
    assert profiles.get() is None
    assert profiles.comparison() is None

    profiles.save(RATINGS, GUESS)
    clock.advance(hours=1)
    saved = profiles.save({**RATINGS, "gifts": {"giving": 1, "receiving": 2}}, GUESS)

    assert profiles.get() == saved
    assert saved.updated_at == clock.now
    assert [kind for kind, _, _ in raw_rows(workspace).values()] == ["affection"]
    for _, _, body in raw_rows(workspace).values():
        assert b"baking" not in body


def test_the_comparison_uses_the_guess_until_a_partner_shares(workspace: Workspace) -> None:
    AffectionProfiles(workspace).save(RATINGS, GUESS)
    comparison = AffectionProfiles(workspace).comparison()

    assert comparison is not None
    assert comparison.partner_source == "guess"
    # kind words: I long for 9 and my guess is they give 3, a gap of 6.
    assert [(d.way, d.kind, d.gap) for d in comparison.differences] == [
        ("kind_words", "i_wish_for_more", 6)
    ]
    ways = [row["way"] for row in comparison.rows]
    assert ways == ["kind_words", "time_together", "baking together"]


@pytest.mark.parametrize(
    ("mine", "guess"),
    [
        ({"gifts": {"giving": 11, "receiving": 2}}, None),
        (RATINGS, {"gifts": {"giving": -1, "receiving": 2}}),
        ({"gifts": 5}, None),
        ("gifts", None),
    ],
)
def test_refused_ratings_change_nothing(workspace: Workspace, mine: Any, guess: Any) -> None:
    AffectionProfiles(workspace).save(RATINGS, GUESS)
    before = raw_rows(workspace)

    with pytest.raises(InvalidInput):
        AffectionProfiles(workspace).save(mine, guess)

    assert raw_rows(workspace) == before


def test_clearing_the_profile_removes_it(workspace: Workspace) -> None:
    profiles = AffectionProfiles(workspace)
    profiles.save(RATINGS)
    profiles.clear()

    assert profiles.get() is None
    assert raw_rows(workspace) == {}
