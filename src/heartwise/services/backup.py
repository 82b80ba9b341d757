"""Export and import: the versioned JSON backup, Markdown and CSV out; backups, jrnl and
Day One in. An import is one transaction: a bad file stores nothing."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any, BinaryIO, TextIO

from heartwise.domain.entries import Entry, EntryRecord, make_draft
from heartwise.domain.time import parse_moment
from heartwise.errors import HeartwiseError, ImportFailed, InvalidInput
from heartwise.services.journal import Journal

BACKUP_FORMAT = "heartwise-backup"
BACKUP_VERSION = 1
EXPORT_FORMATS = ("json", "md", "csv")
IMPORT_SOURCES = ("heartwise", "jrnl", "dayone")
Progress = Callable[[int], None]


# -- export ----------------------------------------------------------------------------------


def export(journal: Journal, fmt: str, out: TextIO, now: datetime) -> int:
    """Write every entry in ``fmt`` to ``out``; returns how many were written."""
    writers = {"json": _write_json, "md": _write_markdown, "csv": _write_csv}
    if fmt not in writers:
        raise InvalidInput(f"heartwise exports as {', '.join(EXPORT_FORMATS)}, not “{fmt}”.")
    return writers[fmt](journal, out, now)


def _write_json(journal: Journal, out: TextIO, now: datetime) -> int:
    # Written piece by piece so a journal of any size exports in flat memory.
    header = {"format": BACKUP_FORMAT, "version": BACKUP_VERSION, "exported_at": now.isoformat()}
    out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "entries": [')
    count = 0
    for entry in journal.iter_all(include_trash=True):
        out.write(
            ("\n" if count == 0 else ",\n") + json.dumps(_backup_item(entry), ensure_ascii=False)
        )
        count += 1
    out.write("\n]}\n")
    return count


def _backup_item(entry: Entry) -> dict[str, object]:
    item = entry.to_dict()
    del item["id"]
    return item


def _write_markdown(journal: Journal, out: TextIO, now: datetime) -> int:
    out.write(f"# My heartwise journal\n\nExported {now.strftime('%Y-%m-%d %H:%M')}.\n")
    count = 0
    for entry in journal.iter_all(include_trash=False):
        out.write(f"\n## {entry.occurred_at.strftime('%A %d %B %Y, %H:%M')} ({_offset(entry)})\n\n")
        facts = _markdown_facts(entry)
        if facts:
            out.write(facts + "\n\n")
        out.write(entry.text.rstrip() + "\n")
        count += 1
    return count


def _offset(entry: Entry) -> str:
    return entry.occurred_at.strftime("%z")[:3] + ":" + entry.occurred_at.strftime("%z")[3:]


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


def _write_csv(journal: Journal, out: TextIO, now: datetime) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for entry in journal.iter_all(include_trash=False):
        emotions = "; ".join(f"{name}:{value}" for name, value in entry.emotions.items())
        writer.writerow(
            [
                entry.occurred_at.isoformat(),
                "" if entry.mood is None else entry.mood,
                emotions,
                "; ".join(entry.tags),
                entry.text,
                entry.created_at.isoformat(),
                entry.updated_at.isoformat(),
            ]
        )
        count += 1
    return count


# -- import ----------------------------------------------------------------------------------


def import_file(
    journal: Journal, source: str, stream: BinaryIO, progress: Progress | None = None
) -> int:
    """Import every entry of ``stream`` in one transaction; returns how many were stored."""
    readers = _readers()
    if source not in readers:
        raise ImportFailed(
            f"heartwise can import {', '.join(IMPORT_SOURCES)} files, not “{source}”.", field="from"
        )
    count = 0
    with journal.db.transaction():
        for _ in journal.add_many(readers[source](stream)):
            count += 1
            if progress and count % 500 == 0:
                progress(count)
    if progress:
        progress(count)
    return count


def _readers() -> Mapping[str, Callable[[BinaryIO], Iterator[EntryRecord]]]:
    from heartwise.services import importers

    return {"heartwise": read_backup, "jrnl": importers.read_jrnl, "dayone": importers.read_dayone}


def read_backup(stream: BinaryIO) -> Iterator[EntryRecord]:
    """Stream the entries of a heartwise JSON backup, checking each as it is read."""
    import ijson  # only imports pay for the streaming parser

    header: dict[str, Any] = {}
    events = ijson.parse(stream, use_float=True)
    position = 0
    try:
        for prefix, event, value in events:
            if prefix in ("format", "version") and event in ("string", "number"):
                header[prefix] = value
            elif prefix == "entries" and event == "start_array":
                _check_header(header)
                for position, item in enumerate(_array_items(events, "entries.item"), start=1):
                    yield _record_from_backup(item, position)
                for _ in events:  # read to the end, so a truncated file is refused whole
                    pass
                return
    except ijson.JSONError:
        where = f"after entry {position}" if position else "near its beginning"
        raise ImportFailed(f"The file is not valid JSON: the problem is {where}.") from None
    raise ImportFailed("This file is not a heartwise backup: it has no list of entries.")


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
