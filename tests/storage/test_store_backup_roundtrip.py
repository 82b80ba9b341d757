"""A JSON backup brings every entry back exactly: text, feelings, tags, times and zones."""

from __future__ import annotations

import io
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heartwise.config import Settings
from heartwise.domain.entries import EntryRecord, make_draft
from heartwise.services import backup
from heartwise.services.journal import Journal
from heartwise.services.workspace import open_local_workspace

EXPORTED_AT = datetime(2026, 11, 20, 21, 30, tzinfo=timezone(timedelta(hours=1)))

# UTC offsets in whole minutes, as far as real zones go in both directions.
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
moments = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2100, 1, 1), timezones=offsets
).map(lambda moment: moment.replace(microsecond=0))
texts = st.text(min_size=1, max_size=400).filter(str.strip)
emotion_names = st.text(
    alphabet=st.characters(categories=["Ll", "Lo"]), min_size=1, max_size=12
) | st.sampled_from(["anxious", "left out", "heart-broken", "can't sleep", "jaloux"])
emotions = st.dictionaries(emotion_names, st.integers(0, 100), max_size=5)
# Any text, often behind a run of the signs and spaces that tag cleaning strips.
tag_texts = st.builds(str.__add__, st.text("#@ ", max_size=4), st.text(min_size=1, max_size=25))
tags = st.lists(tag_texts, max_size=6)


@st.composite
def records(draw: st.DrawFn) -> EntryRecord:
    draft = make_draft(
        draw(texts),
        draw(moments),
        mood=draw(st.none() | st.integers(1, 10)),
        emotions=draw(emotions),
        tags=draw(tags),
    )
    created_at = draw(moments)
    return EntryRecord(draft, created_at=created_at, updated_at=created_at)


def _everything(journal: Journal) -> list[dict[str, object]]:
    """Each entry as the user sees it, without the id a new journal hands out afresh."""
    entries = [entry.to_dict() for entry in journal.iter_all(include_trash=True)]
    for entry in entries:
        del entry["id"]
    return entries


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(st.lists(records(), min_size=1, max_size=6), st.data())
def test_export_then_import_into_an_empty_journal_gives_equal_entries(
    written: list[EntryRecord], data: st.DataObject
) -> None:
    clock = lambda: EXPORTED_AT  # noqa: E731
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        with open_local_workspace(Settings(data_dir=Path(first)), clock) as ws:
            original = Journal(ws)
            with ws.db.transaction():
                stored = list(original.add_many(written))
            trashed = data.draw(st.sampled_from(stored), label="trashed")
            original.delete(trashed.id)
            exported = io.StringIO()
            assert backup.export(original, "json", exported, EXPORTED_AT) == len(written)
            before = _everything(original)

        with open_local_workspace(Settings(data_dir=Path(second)), clock) as ws:
            copy = Journal(ws)
            backup.import_file(copy, "heartwise", io.BytesIO(exported.getvalue().encode()))
            after = _everything(copy)

    assert after == before
    for record, entry in zip(written, stored, strict=True):
        assert entry.text == record.draft.text
        assert entry.occurred_at.utcoffset() == record.draft.occurred_at.utcoffset()
    assert sum(1 for entry in after if entry["deleted_at"]) == 1
