"""Writing, reading, editing and trashing entries, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from heartwise.domain.entries import EntryDraft, make_draft
from heartwise.errors import InvalidInput, NotFound
from heartwise.services.journal import Journal, Query

NEW_YORK = timezone(timedelta(hours=-5))
KOLKATA = timezone(timedelta(hours=5, minutes=30))


def draft(text: str = "He was late and did not call.", **fields: object) -> EntryDraft:
    occurred_at = fields.pop("occurred_at", datetime(2026, 11, 19, 23, 5, tzinfo=NEW_YORK))
    return make_draft(text, occurred_at, **fields)  # type: ignore[arg-type]


def test_an_entry_comes_back_exactly_as_written(journal: Journal, clock) -> None:
    added = journal.add(
        draft(
            "Waited for his text. It came at midnight — “sorry, phone died”.",
            mood=3,
            emotions={"anxious": 80, "relieved": 40},
            tags=["Trust", "late night"],
        )
    )
    entry = journal.get(added.id)

    assert entry == added
    assert entry.text == "Waited for his text. It came at midnight — “sorry, phone died”."
    assert entry.mood == 3
    assert dict(entry.emotions) == {"anxious": 80, "relieved": 40}
    assert entry.tags == ("Trust", "late night")
    assert entry.occurred_at == datetime(2026, 11, 19, 23, 5, tzinfo=NEW_YORK)
    assert entry.occurred_at.utcoffset() == timedelta(hours=-5)
    assert entry.created_at == entry.updated_at == clock.now
    assert entry.created_at.utcoffset() == timedelta(hours=1)
    assert entry.deleted_at is None


def test_an_entry_without_mood_emotions_or_tags(journal: Journal) -> None:
    entry = journal.get(journal.add(draft("Just a few words.")).id)
    assert (entry.mood, dict(entry.emotions), entry.tags) == (None, {}, ())


def test_an_unknown_id_is_not_found_everywhere(journal: Journal) -> None:
    journal.add(draft())
    with pytest.raises(NotFound, match="no entry #999"):
        journal.get(999)
    with pytest.raises(NotFound, match="no entry #999"):
        journal.edit(999, {"text": "new"})
    with pytest.raises(NotFound, match="no entry #999"):
        journal.delete(999)
    with pytest.raises(NotFound, match="no entry #999 in the trash"):
        journal.restore(999)


def test_editing_changes_the_fields_given_and_the_update_time(journal: Journal, clock) -> None:
    entry = journal.add(draft("First version.", mood=3, tags=["us"]))
    clock.advance(hours=2)

    edited = journal.edit(
        entry.id,
        {
            "text": "Second version, calmer.",
            "mood": 6,
            "occurred_at": datetime(2026, 11, 18, 8, 0, tzinfo=KOLKATA),
        },
    )

    assert journal.get(entry.id) == edited
    assert edited.text == "Second version, calmer."
    assert edited.mood == 6
    assert edited.tags == ("us",)
    assert edited.occurred_at.utcoffset() == timedelta(hours=5, minutes=30)
    assert edited.created_at == entry.created_at
    assert edited.updated_at == clock.now != entry.updated_at


def test_editing_updates_what_search_and_tags_find(journal: Journal) -> None:
    entry = journal.add(draft("I felt jealous at the party.", tags=["party"]))
    journal.edit(entry.id, {"text": "I felt calm at the dinner.", "tags": ["Dinner"]})

    assert journal.search("jealous", Query()) == []
    assert [hit.entry.id for hit in journal.search("calm", Query())] == [entry.id]
    assert journal.page(Query(tag="party")).total == 0
    assert [e.id for e in journal.page(Query(tag="dinner")).entries] == [entry.id]


@pytest.mark.parametrize(
    "changes",
    [
        {"mood": 11},
        {"mood": 0},
        {"text": "   "},
        {"emotions": {"anxious": 101}},
        {"tags": ["x" * 51]},
    ],
)
def test_a_bad_edit_changes_nothing_stored(journal: Journal, clock, changes) -> None:
    entry = journal.add(draft("Stays as it was.", mood=5, tags=["keep"]))
    clock.advance(minutes=5)
    with pytest.raises(InvalidInput):
        journal.edit(entry.id, {"text": "Half of a change.", **changes})
    assert journal.get(entry.id) == entry
    assert [hit.entry.id for hit in journal.search("stays", Query())] == [entry.id]
    assert journal.search("half", Query()) == []


def test_fields_that_are_not_editable_are_refused(journal: Journal) -> None:
    entry = journal.add(draft())
    with pytest.raises(InvalidInput, match="cannot be changed: created_at"):
        journal.edit(entry.id, {"created_at": datetime.now(tz=UTC)})
    assert journal.get(entry.id) == entry


def test_a_deleted_entry_waits_in_the_trash_and_can_come_back(journal: Journal, clock) -> None:
    kept = journal.add(draft("This one stays."))
    gone = journal.add(draft("This one goes to the trash."))

    journal.delete(gone.id)

    with pytest.raises(NotFound):
        journal.get(gone.id)
    assert [e.id for e in journal.page(Query()).entries] == [kept.id]
    assert journal.search("trash", Query()) == []
    trashed = journal.trash()
    assert [e.id for e in trashed] == [gone.id]
    assert trashed[0].deleted_at == clock.now

    restored = journal.restore(gone.id)

    assert restored.text == "This one goes to the trash."
    assert restored.deleted_at is None
    assert journal.trash() == []
    assert {e.id for e in journal.page(Query()).entries} == {kept.id, gone.id}


def test_an_entry_that_is_not_in_the_trash_cannot_be_restored(journal: Journal) -> None:
    entry = journal.add(draft())
    with pytest.raises(NotFound, match=f"no entry #{entry.id} in the trash"):
        journal.restore(entry.id)


def test_the_trash_is_emptied_30_days_after_deletion(journal: Journal, clock) -> None:
    entry = journal.add(draft("Deleted, and then forgotten."))
    journal.delete(entry.id)

    clock.advance(days=29)
    assert [e.id for e in journal.trash()] == [entry.id]

    clock.advance(days=2)
    assert journal.trash() == []
    with pytest.raises(NotFound):
        journal.restore(entry.id)
    assert list(journal.iter_all(include_trash=True)) == []


def _add_days(journal: Journal, days: int) -> list[int]:
    base = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    return [
        journal.add(draft(f"Day {day} note.", occurred_at=base + timedelta(days=day))).id
        for day in range(days)
    ]


def test_entries_are_listed_newest_first_a_page_at_a_time(journal: Journal) -> None:
    ids = _add_days(journal, 25)
    newest_first = ids[::-1]

    first = journal.page(Query(limit=10))
    last = journal.page(Query(limit=10, offset=20))

    assert first.total == last.total == 25
    assert [e.id for e in first.entries] == newest_first[:10]
    assert [e.id for e in last.entries] == newest_first[20:]
    past_the_end = journal.page(Query(limit=10, offset=30))
    assert past_the_end.entries == []
    assert past_the_end.total == 25  # counted on its own: no row carries it
    assert [e.id for e in journal.recent(Query(limit=3))] == newest_first[:3]


@pytest.mark.parametrize("limit", [0, -1, 501])
def test_a_page_size_outside_1_to_500_is_refused(journal: Journal, limit: int) -> None:
    with pytest.raises(InvalidInput, match="between 1 and 500"):
        journal.page(Query(limit=limit))


@pytest.mark.parametrize("asked", ["trust", "TRUST", "#Trust", " trust "])
def test_the_tag_filter_ignores_case_and_sign(journal: Journal, asked: str) -> None:
    tagged = journal.add(draft("Tagged.", tags=["Trust"]))
    journal.add(draft("Other tag.", tags=["trusting"]))
    journal.add(draft("No tag."))

    page = journal.page(Query(tag=asked))

    assert page.total == 1
    assert [e.id for e in page.entries] == [tagged.id]


def test_the_date_range_includes_both_bounds(journal: Journal) -> None:
    ids = _add_days(journal, 10)  # 1 to 10 November, 09:00 UTC
    start = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
    end = datetime(2026, 11, 5, 10, 0, tzinfo=KOLKATA)  # 04:30 UTC on the 5th

    page = journal.page(Query(start=start, end=end))

    assert [e.id for e in page.entries] == [ids[3], ids[2]]
    assert [e.id for e in journal.page(Query(start=start)).entries][-1] == ids[2]
    assert len(journal.page(Query(end=end)).entries) == 4


def test_a_range_that_ends_before_it_starts_is_refused(journal: Journal) -> None:
    start = datetime(2026, 11, 5, tzinfo=UTC)
    with pytest.raises(InvalidInput, match="start of the date range is after its end"):
        journal.page(Query(start=start, end=start - timedelta(days=1)))


def test_tag_and_range_filters_combine(journal: Journal) -> None:
    base = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    early = journal.add(draft("Early.", occurred_at=base, tags=["us"]))
    late = journal.add(draft("Late.", occurred_at=base + timedelta(days=5), tags=["us"]))
    journal.add(draft("Late, other tag.", occurred_at=base + timedelta(days=5), tags=["me"]))

    page = journal.page(Query(tag="us", start=base + timedelta(days=1)))

    assert [e.id for e in page.entries] == [late.id]
    assert page.total == 1
    assert early.id not in [e.id for e in page.entries]


def test_iterating_everything_goes_oldest_first_and_can_skip_the_trash(journal: Journal) -> None:
    ids = _add_days(journal, 3)
    journal.delete(ids[1])
    assert [e.id for e in journal.iter_all(include_trash=True, batch=2)] == ids
    assert [e.id for e in journal.iter_all(include_trash=False)] == [ids[0], ids[2]]


def test_editing_one_field_leaves_the_tags_as_they_were(journal: Journal) -> None:
    # Every edit cleans the stored tags again, so cleaning must not change a clean tag.
    entry = journal.add(draft("Tagged with a stray sign.", tags=["@ #us", "# # late  night"]))
    assert entry.tags == ("us", "late night")
    assert journal.edit(entry.id, {"mood": 6}).tags == entry.tags
    assert journal.get(entry.id).tags == entry.tags
