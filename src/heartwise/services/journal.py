"""Journal use cases: write, read, edit, trash, restore and search entries."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from heartwise.domain import search as terms
from heartwise.domain.entries import Entry, EntryDraft, EntryRecord, make_draft, tag_key
from heartwise.domain.time import from_epoch, offset_minutes, to_epoch
from heartwise.errors import InvalidInput, NotFound
from heartwise.services import sharing
from heartwise.services.workspace import Workspace
from heartwise.storage import entries as repo
from heartwise.storage.entries import EntryFilter, StoredEntry

TABLE = "entries"
KIND = "entry"  # as sharing names it
MAX_PAGE = 500
EDITABLE = frozenset({"text", "mood", "emotions", "tags", "occurred_at"})


@dataclass(frozen=True)
class Query:
    """Which entries to show. Bounds are inclusive; ``tag`` matches regardless of case."""

    tag: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class Page:
    entries: list[Entry]
    total: int


@dataclass(frozen=True)
class SearchHit:
    entry: Entry
    rank: float
    spans: tuple[tuple[int, int], ...]


class Journal:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace
        self.sealer = workspace.sealer
        self.db = workspace.db

    # -- writing ---------------------------------------------------------------------------

    def add(self, draft: EntryDraft) -> Entry:
        now = self.ws.clock()
        with self.db.transaction():
            return self._insert(EntryRecord(draft, now, now))

    def add_many(self, records: Iterable[EntryRecord]) -> Iterator[Entry]:
        """Store records one by one; the caller holds the transaction (imports are atomic)."""
        now = self.ws.clock()
        for record in records:
            yield self._insert(
                replace(
                    record,
                    created_at=record.created_at or now,
                    updated_at=record.updated_at or record.created_at or now,
                )
            )

    def _insert(self, record: EntryRecord) -> Entry:
        entry_id = repo.next_entry_id(self.db)
        entry = _entry_from_record(entry_id, record)
        repo.insert_entry(self.db, self.ws.owner_id, self._seal(entry), self._search_doc(entry))
        repo.add_tags(self.db, entry_id, self._tag_tokens(entry.tags))
        sharing.after_write(self.ws, KIND, entry_id, entry.to_dict(), is_new=True)
        return entry

    def edit(self, entry_id: int, changes: Mapping[str, object]) -> Entry:
        """Apply ``changes`` (any of text, mood, emotions, tags, occurred_at) to an entry."""
        unknown = set(changes) - EDITABLE
        if unknown:
            raise InvalidInput(f"These fields cannot be changed: {', '.join(sorted(unknown))}.")
        with self.db.transaction():
            current = self.get(entry_id)
            merged = {**_draft_fields(current), **changes}
            draft = make_draft(**merged)  # type: ignore[arg-type]
            updated = replace(
                current,
                text=draft.text,
                occurred_at=draft.occurred_at,
                mood=draft.mood,
                emotions=draft.emotions,
                tags=draft.tags,
                updated_at=self.ws.clock(),
            )
            repo.update_entry(
                self.db, self.ws.owner_id, self._seal(updated), self._search_doc(updated)
            )
            repo.replace_tags(self.db, entry_id, self._tag_tokens(updated.tags))
            sharing.after_write(self.ws, KIND, entry_id, updated.to_dict(), is_new=False)
        return updated

    def delete(self, entry_id: int) -> Entry:
        """Move an entry to the trash, where it stays restorable for the trash period."""
        with self.db.transaction():
            entry = self.get(entry_id)
            repo.set_deleted(self.db, self.ws.owner_id, entry_id, to_epoch(self.ws.clock()))
            sharing.after_delete(self.ws, KIND, entry_id)
            self._purge_expired()
        return entry

    def restore(self, entry_id: int) -> Entry:
        with self.db.transaction():
            self._purge_expired()
            stored = repo.get_entry(self.db, self.ws.owner_id, entry_id)
            if stored is None or stored.deleted_at is None:
                raise NotFound(f"There is no entry #{entry_id} in the trash.")
            repo.set_deleted(self.db, self.ws.owner_id, entry_id, None)
            restored = self.get(entry_id)
            # Back from the trash, it is shared again if every entry is.
            sharing.after_write(self.ws, KIND, entry_id, restored.to_dict(), is_new=True)
        return restored

    def trash(self) -> list[Entry]:
        """Entries in the trash, newest first; those past the trash period are removed first."""
        with self.db.transaction():
            self._purge_expired()
        stored = repo.list_entries(
            self.db, self.ws.owner_id, EntryFilter(deleted=True), limit=10_000
        )
        return [self._unseal(row) for row in stored]

    def _purge_expired(self) -> None:
        cutoff = self.ws.clock() - timedelta(days=self.ws.settings.trash_days)
        repo.purge_deleted_before(self.db, self.ws.owner_id, to_epoch(cutoff))

    # -- reading ---------------------------------------------------------------------------

    def get(self, entry_id: int) -> Entry:
        stored = repo.get_entry(self.db, self.ws.owner_id, entry_id)
        if stored is None or stored.deleted_at is not None:
            raise NotFound(
                f"There is no entry #{entry_id}. It may have been deleted, or the number "
                "is mistyped."
            )
        return self._unseal(stored)

    def page(self, query: Query) -> Page:
        where = self._filter(query)
        limit = _page_size(query.limit)
        rows, total = repo.page_of_entries(
            self.db, self.ws.owner_id, where, limit=limit, offset=max(query.offset, 0)
        )
        return Page([self._unseal(row) for row in rows], total)

    def recent(self, query: Query) -> list[Entry]:
        """Like ``list`` without the total count, for the quick paths of the CLI."""
        rows = repo.list_entries(
            self.db,
            self.ws.owner_id,
            self._filter(query),
            limit=_page_size(query.limit),
            offset=max(query.offset, 0),
        )
        return [self._unseal(row) for row in rows]

    def search(self, text: str, query: Query) -> list[SearchHit]:
        wanted = terms.query_terms(text)
        if not wanted:
            raise InvalidInput("Please type at least one word to search for.", field="q")
        tokens = [self.sealer.token(term) for term in wanted]
        found = repo.search_entries(
            self.db,
            self.ws.owner_id,
            tokens,
            self._filter(query),
            limit=_page_size(query.limit),
            offset=max(query.offset, 0),
        )
        hits = []
        for stored, rank in found:
            entry = self._unseal(stored)
            hits.append(SearchHit(entry, rank, terms.find_spans(entry.text, wanted)))
        return hits

    def moods(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[tuple[datetime, int]]:
        """When each entry with a mood happened, and the mood, newest first (not the trash).

        For charts over years of entries: only each entry's sealed details are opened,
        never its text, a page of rows at a time.
        """
        where = self._filter(Query(start=start, end=end))
        found: list[tuple[datetime, int]] = []
        for offset in itertools.count(0, MAX_PAGE):
            rows = repo.list_entries(
                self.db, self.ws.owner_id, where, limit=MAX_PAGE, offset=offset
            )
            for stored in rows:
                details = self.sealer.unseal_json(TABLE, stored.id, "details", stored.details)
                assert isinstance(details, dict)
                if details["mood"] is not None:
                    when = from_epoch(stored.occurred_at, int(details["tz"]))
                    found.append((when, int(details["mood"])))
            if len(rows) < MAX_PAGE:
                break
        return found

    def iter_all(self, *, include_trash: bool = True, batch: int = 500) -> Iterator[Entry]:
        """Every entry, oldest first, unsealed a batch at a time so memory stays flat."""
        ids = repo.all_entry_ids(self.db, self.ws.owner_id)
        for start in range(0, len(ids), batch):
            for entry_id in ids[start : start + batch]:
                stored = repo.get_entry(self.db, self.ws.owner_id, entry_id)
                if stored and (include_trash or stored.deleted_at is None):
                    yield self._unseal(stored)

    def _filter(self, query: Query) -> EntryFilter:
        if query.start and query.end and query.start > query.end:
            raise InvalidInput("The start of the date range is after its end.", field="from")
        tag = self.sealer.token(tag_key(query.tag), kind="t") if query.tag else None
        return EntryFilter(
            tag_token=tag,
            start=to_epoch(query.start) if query.start else None,
            end=to_epoch(query.end) if query.end else None,
        )

    # -- sealing ---------------------------------------------------------------------------

    def _seal(self, entry: Entry) -> StoredEntry:
        details = {
            "mood": entry.mood,
            "emotions": dict(entry.emotions),
            "tags": list(entry.tags),
            "tz": offset_minutes(entry.occurred_at),
            "ctz": offset_minutes(entry.created_at),
            "utz": offset_minutes(entry.updated_at),
        }
        return StoredEntry(
            id=entry.id,
            occurred_at=to_epoch(entry.occurred_at),
            created_at=to_epoch(entry.created_at),
            updated_at=to_epoch(entry.updated_at),
            deleted_at=to_epoch(entry.deleted_at) if entry.deleted_at else None,
            body=self.sealer.seal(TABLE, entry.id, "text", entry.text.encode()),
            details=self.sealer.seal_json(TABLE, entry.id, "details", details),
        )

    def _unseal(self, stored: StoredEntry) -> Entry:
        text = self.sealer.unseal(TABLE, stored.id, "text", stored.body).decode()
        details = self.sealer.unseal_json(TABLE, stored.id, "details", stored.details)
        assert isinstance(details, dict)
        return Entry(
            id=stored.id,
            text=text,
            occurred_at=from_epoch(stored.occurred_at, int(details["tz"])),
            created_at=from_epoch(stored.created_at, int(details["ctz"])),
            updated_at=from_epoch(stored.updated_at, int(details["utz"])),
            mood=details["mood"],
            emotions=details["emotions"],
            tags=tuple(details["tags"]),
            deleted_at=from_epoch(stored.deleted_at, 0) if stored.deleted_at else None,
        )

    def _search_doc(self, entry: Entry) -> str:
        # Every occurrence, not only distinct terms: how often a word appears is what lets
        # BM25 and ts_rank put the entry most about it first.
        text = " ".join([entry.text, *entry.tags, *entry.emotions])
        return " ".join(self.sealer.token(term) for term, _, _ in terms.iter_terms(text))

    def _tag_tokens(self, tags: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(self.sealer.token(tag_key(tag), kind="t") for tag in tags))


def _entry_from_record(entry_id: int, record: EntryRecord) -> Entry:
    draft = record.draft
    assert record.created_at is not None
    assert record.updated_at is not None
    return Entry(
        id=entry_id,
        text=draft.text,
        occurred_at=draft.occurred_at,
        created_at=record.created_at.replace(microsecond=0),
        updated_at=record.updated_at.replace(microsecond=0),
        mood=draft.mood,
        emotions=dict(draft.emotions),
        tags=draft.tags,
        deleted_at=record.deleted_at,
    )


def _draft_fields(entry: Entry) -> dict[str, object]:
    return {
        "text": entry.text,
        "occurred_at": entry.occurred_at,
        "mood": entry.mood,
        "emotions": dict(entry.emotions),
        "tags": entry.tags,
    }


def _page_size(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidInput(f"Please ask for between 1 and {MAX_PAGE} entries at a time.", field="n")
    return limit
