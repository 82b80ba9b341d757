"""Search over hashed tokens: ranked, filtered, and highlighted in the unsealed text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from heartwise.domain.entries import make_draft
from heartwise.errors import InvalidInput
from heartwise.services.journal import Journal, Query

MORNING = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def add(journal: Journal, text: str, *, days: int = 0, tags: tuple[str, ...] = ()) -> int:
    return journal.add(make_draft(text, MORNING + timedelta(days=days), tags=tags)).id


def test_an_entry_with_the_word_three_times_ranks_above_one_with_it_once(journal: Journal) -> None:
    # The entry with the word once is the shorter one, so only term frequency can put the
    # other one first.
    once = add(journal, "Tired, so tired, so very tired, and jealous.")
    thrice = add(journal, "jealous at lunch, jealous at dinner, jealous in bed tonight")

    hits = journal.search("jealous", Query())

    assert [hit.entry.id for hit in hits] == [thrice, once]
    assert hits[0].rank > hits[1].rank


def test_entries_must_hold_every_word_of_the_query(journal: Journal) -> None:
    both = add(journal, "Trust takes time, and time takes patience.")
    add(journal, "Trust is hard today.")
    add(journal, "No time for anything.")

    assert [hit.entry.id for hit in journal.search("time trust", Query())] == [both]


def test_search_ignores_case_and_accents(journal: Journal) -> None:
    entry = add(journal, "We met at the Café on the corner; he was NAÏVE about it.")
    assert [hit.entry.id for hit in journal.search("cafe", Query())] == [entry]
    assert [hit.entry.id for hit in journal.search("CAFÉ naive", Query())] == [entry]


def test_highlights_point_at_the_words_found(journal: Journal) -> None:
    text = "Jealous at breakfast. By dinner I was less jealous, and a bit proud."
    add(journal, text)

    (hit,) = journal.search("jealous dinner", Query())

    assert [text[a:b] for a, b in hit.spans] == ["Jealous", "dinner", "jealous"]
    assert hit.entry.text == text


def test_tags_and_emotion_names_are_searchable(journal: Journal) -> None:
    entry = journal.add(
        make_draft("A plain sentence.", MORNING, tags=["Reassurance"], emotions={"lonely": 60})
    ).id
    assert [hit.entry.id for hit in journal.search("reassurance", Query())] == [entry]
    assert [hit.entry.id for hit in journal.search("lonely", Query())] == [entry]


def test_search_filters_by_tag_and_date(journal: Journal) -> None:
    add(journal, "Anxious about the trip.", days=0, tags=("travel",))
    tagged_later = add(journal, "Anxious about the trip again.", days=5, tags=("travel",))
    add(journal, "Anxious about work.", days=5, tags=("work",))

    by_tag = journal.search("anxious", Query(tag="TRAVEL"))
    by_both = journal.search("anxious", Query(tag="travel", start=MORNING + timedelta(days=1)))
    by_date = journal.search("anxious", Query(end=MORNING + timedelta(hours=1)))

    assert len(by_tag) == 2
    assert [hit.entry.id for hit in by_both] == [tagged_later]
    assert [hit.entry.text for hit in by_date] == ["Anxious about the trip."]


def test_search_results_are_paged(journal: Journal) -> None:
    for day in range(5):
        add(journal, f"Worried on day {day}.", days=day)
    first = journal.search("worried", Query(limit=2))
    rest = journal.search("worried", Query(limit=10, offset=2))
    assert len(first) == 2
    assert len(rest) == 3
    assert {hit.entry.id for hit in first}.isdisjoint(hit.entry.id for hit in rest)


def test_no_match_finds_nothing(journal: Journal) -> None:
    add(journal, "Nothing about that here.")
    assert journal.search("jealousy", Query()) == []
    assert journal.search("jealous", Query()) == []  # whole words only


def test_a_query_without_words_is_refused(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="at least one word"):
        journal.search("?! …", Query())


def test_query_text_cannot_break_out_of_the_search_syntax(journal: Journal) -> None:
    entry = add(journal, 'He said: "don\'t wait up" & left; NEAR midnight (OR later).')
    assert [hit.entry.id for hit in journal.search('"don\'t wait" & NEAR OR (', Query())] == [entry]
