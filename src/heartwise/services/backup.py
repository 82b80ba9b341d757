"""Export and import: the versioned JSON backup, Markdown and CSV out; backups, jrnl and
Day One in. An import is one transaction: a bad file stores nothing."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO, TextIO

from heartwise.domain.entries import Entry, EntryRecord, make_draft
from heartwise.domain.time import parse_moment
from heartwise.errors import HeartwiseError, ImportFailed, InvalidInput
from heartwise.services.items import Item, Items
from heartwise.services.journal import Journal

BACKUP_FORMAT = "heartwise-backup"
# 2 added items (safety plan, dismissals); 3 the self-awareness tools (triggers, urges,
# thought records, reality checks), checked on the way in. 1 and 2 still import.
BACKUP_VERSION = 3
EXPORT_FORMATS = ("json", "md", "csv")
IMPORT_SOURCES = ("heartwise", "jrnl", "dayone")
Progress = Callable[[int], None]


# -- export ----------------------------------------------------------------------------------


def export(journal: Journal, fmt: str, out: TextIO, now: datetime) -> int:
    """Write every entry in ``fmt`` to ``out``; returns how many entries were written."""
    counter = [0]
    for chunk in export_chunks(journal, fmt, now, counter):
        out.write(chunk)
    return counter[0]


def export_chunks(
    journal: Journal, fmt: str, now: datetime, counter: list[int] | None = None
) -> Iterator[str]:
    """The export as a stream of text pieces, one entry at a time, so memory stays flat.

    ``counter[0]`` counts the entries written so far.
    """
    writers = {"json": _json_chunks, "md": _markdown_chunks, "csv": _csv_chunks}
    if fmt not in writers:
        raise InvalidInput(f"heartwise exports as {', '.join(EXPORT_FORMATS)}, not “{fmt}”.")
    counter = [0] if counter is None else counter
    for piece in writers[fmt](journal, now):
        if piece is _ENTRY_DONE:
            counter[0] += 1
        else:
            yield piece


_ENTRY_DONE = "\x00entry"  # marker the writers yield after each entry; never written out


def _json_chunks(journal: Journal, now: datetime) -> Iterator[str]:
    header = {"format": BACKUP_FORMAT, "version": BACKUP_VERSION, "exported_at": now.isoformat()}
    yield json.dumps(header, ensure_ascii=False)[:-1] + ', "entries": ['
    separator = "\n"
    positions: dict[int, int] = {}
    for entry in journal.iter_all(include_trash=True):
        positions[entry.id] = len(positions)
        yield separator + json.dumps(_backup_item(entry), ensure_ascii=False)
        yield _ENTRY_DONE
        separator = ",\n"
    yield "\n], " + '"items": ['
    separator = "\n"
    for item in Items(journal.ws).everything():
        exported = _exported_item(item, positions)
        if exported is not None:
            yield separator + json.dumps(exported, ensure_ascii=False)
            separator = ",\n"
    yield "\n]}\n"


def _exported_item(item: Item, positions: Mapping[int, int]) -> dict[str, object] | None:
    """An item as the backup holds it; a reference to an entry becomes its position."""
    body = dict(item.body)
    if "entry_id" in body:
        if body["entry_id"] not in positions:
            return None  # about an entry that was removed for good
        body["entry_ref"] = positions[body.pop("entry_id")]
    return {"kind": item.kind, "created_at": item.created_at.isoformat(), "body": body}


def _backup_item(entry: Entry) -> dict[str, object]:
    item = entry.to_dict()
    del item["id"]
    return item


def _markdown_chunks(journal: Journal, now: datetime) -> Iterator[str]:
    yield f"# My heartwise journal\n\nExported {now.strftime('%Y-%m-%d %H:%M')}.\n"
    for entry in journal.iter_all(include_trash=False):
        when = entry.occurred_at.strftime("%A %d %B %Y, %H:%M")
        facts = _markdown_facts(entry)
        yield f"\n## {when} ({_offset(entry)})\n\n" + (facts + "\n\n" if facts else "")
        yield entry.text.rstrip() + "\n"
        yield _ENTRY_DONE


def _offset(entry: Entry) -> str:
    raw = entry.occurred_at.strftime("%z")
    return raw[:3] + ":" + raw[3:]


def _markdown_facts(entry: Entry) -> str:
    facts = []
    if entry.mood is not None:
        facts.append(f"Mood {entry.mood}/10")
    if entry.emotions:
        facts.append("Feeling " + ", ".join(f"{n} {v}" for n, v in entry.emotions.items()))
    if entry.tags:
        facts.append("Tags: " + ", ".join(entry.tags))
    return " · ".join(facts)


CSV_COLUMNS = ("occurred_at", "mood", "emotions", "tags", "text", "created_at", "updated_at")


def _csv_chunks(journal: Journal, now: datetime) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for entry in journal.iter_all(include_trash=False):
        writer.writerow(_csv_row(entry))
        yield buffer.getvalue()
        yield _ENTRY_DONE
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _csv_row(entry: Entry) -> list[object]:
    emotions = "; ".join(f"{name}:{value}" for name, value in entry.emotions.items())
    return [
        entry.occurred_at.isoformat(),
        "" if entry.mood is None else entry.mood,
        emotions,
        "; ".join(entry.tags),
        entry.text,
        entry.created_at.isoformat(),
        entry.updated_at.isoformat(),
    ]


# -- import ----------------------------------------------------------------------------------


def import_file(
    journal: Journal, source: str, stream: BinaryIO, progress: Progress | None = None
) -> int:
    """Import every entry (and item) of ``stream`` in one transaction; returns the entry count."""
    readers = _readers()
    if source not in readers:
        raise ImportFailed(
            f"heartwise can import {', '.join(IMPORT_SOURCES)} files, not “{source}”.", field="from"
        )
    new_ids: list[int] = []
    with journal.db.transaction():
        for record in readers[source](stream):
            if isinstance(record, ItemRecord):
                _store_item(journal, record, new_ids)
                continue
            new_ids.append(next(journal.add_many([record])).id)
            if progress and len(new_ids) % 500 == 0:
                progress(len(new_ids))
    if progress:
        progress(len(new_ids))
    return len(new_ids)


@dataclass(frozen=True)
class ItemRecord:
    """A sealed item in a backup; ``entry_ref`` is the position of the entry it is about."""

    kind: str
    body: dict[str, Any]
    created_at: datetime | None


def _store_item(journal: Journal, record: ItemRecord, new_ids: list[int]) -> None:
    body = _checked(record)
    if "entry_ref" in body:
        ref = body.pop("entry_ref")
        if not isinstance(ref, int) or not 0 <= ref < len(new_ids):
            raise ImportFailed(f"A saved {record.kind} refers to an entry that is not in the file.")
        body["entry_id"] = new_ids[ref]
    Items(journal.ws).add(record.kind, body, created_at=record.created_at)


def _checked(record: ItemRecord) -> dict[str, Any]:
    """The item's body, through the same rules as a form when its kind has them."""
    from heartwise.services import coach_log, growth

    if record.kind in growth.GROWTH_KINDS:
        check = growth.checked_body
    elif record.kind in coach_log.COACH_KINDS:
        check = coach_log.checked_body
    else:
        return dict(record.body)
    try:
        return check(record.kind, record.body)
    except InvalidInput as exc:
        name = record.kind.replace("_", " ")
        raise ImportFailed(
            f"A saved {name} in the backup: {exc.message}", field=exc.field
        ) from None


def _readers() -> Mapping[str, Callable[[BinaryIO], Iterator[EntryRecord | ItemRecord]]]:
    from heartwise.services import importers

    return {"heartwise": read_backup, "jrnl": importers.read_jrnl, "dayone": importers.read_dayone}


def read_backup(stream: BinaryIO) -> Iterator[EntryRecord | ItemRecord]:
    """Stream the entries and items of a heartwise JSON backup, checking each as it is read."""
    import ijson  # only imports pay for the streaming parser

    header: dict[str, Any] = {}
    events = ijson.parse(stream, use_float=True)
    position, seen_entries = 0, False
    try:
        for prefix, event, value in events:
            if prefix in ("format", "version") and event in ("string", "number"):
                header[prefix] = value
            elif prefix == "entries" and event == "start_array":
                _check_header(header)
                seen_entries = True
                for position, item in enumerate(_array_items(events, "entries.item"), start=1):
                    yield _record_from_backup(item, position)
            elif prefix == "items" and event == "start_array" and not seen_entries:
                raise ImportFailed(
                    "In this backup the saved items come before the entries; heartwise "
                    "needs the entries first. Nothing was imported."
                )
            elif prefix == "items" and event == "start_array":
                for number, item in enumerate(_array_items(events, "items.item"), start=1):
                    yield _item_from_backup(item, number)
    except ijson.JSONError:
        where = f"just after entry {position}" if position else "before its first entry ends"
        raise ImportFailed(
            f"The file is not valid JSON (or not UTF-8 text): the problem is {where}."
        ) from None
    if not seen_entries:
        raise ImportFailed("This file is not a heartwise backup: it has no list of entries.")


def _item_from_backup(item: Any, number: int) -> ItemRecord:
    if not (
        isinstance(item, dict)
        and isinstance(item.get("kind"), str)
        and isinstance(item.get("body"), dict)
    ):
        raise ImportFailed(f"Saved item {number} of the backup is not in a form heartwise knows.")
    created = _moment(item, "created_at", number)
    return ItemRecord(item["kind"], item["body"], created)


def _check_header(header: Mapping[str, Any]) -> None:
    if header.get("format") != BACKUP_FORMAT:
        raise ImportFailed(
            "This file is not a heartwise backup (it should start with "
            f'"format": "{BACKUP_FORMAT}"). For jrnl or Day One files, use --from jrnl or '
            "--from dayone."
        )
    version = header.get("version")
    if not isinstance(version, int) or not 1 <= version <= BACKUP_VERSION:
        raise ImportFailed(
            f"This backup has format version {version!r}; this heartwise reads versions 1 to "
            f"{BACKUP_VERSION}. A newer heartwise may read it."
        )


def _array_items(events: Iterator[tuple[str, str, Any]], item_prefix: str) -> Iterator[Any]:
    import ijson

    builder: Any = None
    for prefix, event, value in events:
        if builder is None:
            if event == "end_array" and prefix + ".item" == item_prefix:
                return
            builder = ijson.ObjectBuilder()
        builder.event(event, value)
        if prefix == item_prefix and event in (
            "end_map",
            "end_array",
            "string",
            "number",
            "boolean",
            "null",
        ):
            yield builder.value
            builder = None


def _record_from_backup(item: Any, position: int) -> EntryRecord:
    if not isinstance(item, dict):
        raise ImportFailed(f"Entry {position} of the backup is not an object.")
    try:
        draft = make_draft(
            item.get("text", ""),
            _moment(item, "occurred_at", position, required=True),
            mood=item.get("mood"),
            emotions=_mapping(item.get("emotions") or {}, position),
            tags=_strings(item.get("tags") or [], position),
        )
    except InvalidInput as exc:
        raise ImportFailed(
            f"Entry {position} of the backup: {exc.message}", field=exc.field
        ) from None
    return EntryRecord(
        draft,
        created_at=_moment(item, "created_at", position),
        updated_at=_moment(item, "updated_at", position),
        deleted_at=_moment(item, "deleted_at", position),
    )


def _moment(item: Mapping[str, Any], key: str, position: int, *, required: bool = False) -> Any:
    raw = item.get(key)
    if raw is None and not required:
        return None
    if not isinstance(raw, str):
        raise ImportFailed(f"Entry {position} of the backup has no readable “{key}”.", field=key)
    try:
        return parse_moment(raw, field=key)
    except HeartwiseError:
        raise ImportFailed(
            f"Entry {position} of the backup has a “{key}” heartwise cannot read.", field=key
        ) from None


def _mapping(value: object, position: int) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ImportFailed(
            f"Entry {position}: “emotions” should map names to intensities.", field="emotions"
        )
    return {
        name: int(v) if isinstance(v, float) and v.is_integer() else v for name, v in value.items()
    }


def _strings(value: object, position: int) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        raise ImportFailed(f"Entry {position}: “tags” should be a list of words.", field="tags")
    return value
