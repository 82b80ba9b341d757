"""Read the JSON exports of two other journal apps, jrnl and Day One, as entry records.

Each reader checks the file as a whole when it is called, then checks every entry as the
returned iterator reaches it. The caller stores the records in one transaction, so the
first problem raises ``ImportFailed`` and nothing from the file is kept. Messages name the
entry by its position and the field by its key, and never quote what the person wrote.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timezone
from typing import Any, BinaryIO, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from heartwise.domain.entries import EntryRecord, make_draft
from heartwise.errors import ImportFailed, InvalidInput

JRNL = "jrnl"
DAY_ONE = "Day One"
STARRED_TAG = "starred"

_ZIP_MAGIC = b"PK"
_UNZIP_HINTS = {
    JRNL: "Please unzip it and import the .json file inside",
    DAY_ONE: "Day One puts its JSON export in a zip: please unzip it and import the "
    "Journal.json inside",
}
# Day One writes photos, videos and audio into the text as Markdown images pointing to
# dayone-moment:// (or dayone-moment:/video/...) addresses that mean nothing outside Day One.
_DAYONE_MOMENT = re.compile(r"!\[[^\]\n]*\]\(dayone-moment:[^)\s]*\)")
_THREE_OR_MORE_LINE_BREAKS = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
_PREVIEW_LENGTH = 40

_Part = TypeVar("_Part", date, time)


def read_jrnl(stream: BinaryIO) -> Iterator[EntryRecord]:
    """Records for the entries of a ``jrnl --export json`` file, in the file's order."""
    entries = _export_entries(_load_json(stream, JRNL), JRNL)
    return (_jrnl_record(_RawEntry(JRNL, n, raw)) for n, raw in enumerate(entries, start=1))


def read_dayone(stream: BinaryIO) -> Iterator[EntryRecord]:
    """Records for the entries of the Journal.json from Day One's JSON export zip."""
    entries = _export_entries(_load_json(stream, DAY_ONE), DAY_ONE)
    return (_dayone_record(_RawEntry(DAY_ONE, n, raw)) for n, raw in enumerate(entries, start=1))


# -- the file as a whole ---------------------------------------------------------------------


def _load_json(stream: BinaryIO, app: str) -> Any:
    # json.load would read the whole stream too; reading it here first lets us look at the
    # first bytes, since an upload stream cannot always seek back.
    data = stream.read()
    if data.startswith(_ZIP_MAGIC):
        raise ImportFailed(f"This is a zip archive, not a {app} JSON file. {_UNZIP_HINTS[app]}.")
    if not data.strip():
        raise ImportFailed(f"The {app} file is empty.")
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            f"The {app} file is not valid JSON: there is a problem at line {exc.lineno}, "
            f"column {exc.colno} ({exc.msg})."
        ) from None
    except UnicodeDecodeError:
        raise ImportFailed(f"The {app} file is not UTF-8 text, so it cannot be JSON.") from None
    except RecursionError:
        raise ImportFailed(f"The {app} file is nested too deeply to be a {app} export.") from None


def _export_entries(document: Any, app: str) -> list[Any]:
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ImportFailed(
            f"This file does not look like a {app} JSON export: it has no list of “entries”."
        )
    return entries


# -- one entry -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _RawEntry:
    """One item of an export's ``entries`` list, with what a message needs to point at it."""

    app: str
    position: int
    value: Any

    def problem(self, what: str, key: str | None = None) -> ImportFailed:
        return ImportFailed(f"Entry {self.position} of the {self.app} file {what}.", field=key)

    @property
    def fields(self) -> Mapping[str, Any]:
        if not isinstance(self.value, dict):
            raise self.problem("is not a JSON object, so it is not an entry")
        return self.value

    def required_string(self, key: str) -> str:
        value = self.optional_string(key)
        if value is None:
            raise self.problem(f"has no “{key}”", key)
        return value

    def optional_string(self, key: str) -> str | None:
        value = self.fields.get(key)
        if value is not None and not isinstance(value, str):
            raise self.problem(f"has a “{key}” that is not text", key)
        return value

    def words(self, key: str) -> list[str]:
        value = self.fields.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
            raise self.problem(f"has “{key}” that are not a list of words", key)
        return value

    def flag(self, key: str) -> bool:
        value = self.fields.get(key, False)
        if not isinstance(value, bool):
            raise self.problem(f"has a “{key}” that is neither true nor false", key)
        return value

    def unreadable(self, key: str, label: str) -> ImportFailed:
        shown = _preview(self.fields.get(key))
        return self.problem(f"has a {label} heartwise cannot read: “{shown}”", key)

    def record(
        self,
        text: str,
        occurred_at: datetime,
        tags: list[str],
        *,
        created_at: datetime | None = None,
        updated_at: datetime | None = None,
    ) -> EntryRecord:
        if not text.strip():
            raise self.problem("has no text", "text")
        try:
            draft = make_draft(text, occurred_at, tags=tags)
        except InvalidInput as exc:
            raise ImportFailed(
                f"Entry {self.position} of the {self.app} file: {exc.message}", field=exc.field
            ) from None
        return EntryRecord(draft, created_at=created_at, updated_at=updated_at)


def _preview(value: object) -> str:
    shown = value if isinstance(value, str) else json.dumps(value)
    return shown if len(shown) <= _PREVIEW_LENGTH else shown[: _PREVIEW_LENGTH - 1] + "…"


# -- jrnl ------------------------------------------------------------------------------------


def _jrnl_record(entry: _RawEntry) -> EntryRecord:
    return entry.record(_jrnl_text(entry), _jrnl_moment(entry), _jrnl_tags(entry))


def _jrnl_text(entry: _RawEntry) -> str:
    title = entry.required_string("title").strip()
    body = (entry.optional_string("body") or "").rstrip()
    return "\n\n".join(part for part in (title, body) if part)


def _jrnl_moment(entry: _RawEntry) -> datetime:
    day = _jrnl_part(entry, "date", date.fromisoformat)
    clock = _jrnl_part(entry, "time", time.fromisoformat)
    try:
        # jrnl stores no time zone: its times are wall-clock times of the person's machine,
        # so they are read with the local offset in force on that day.
        return datetime.combine(day, clock).astimezone()
    except (OverflowError, OSError, ValueError):
        raise entry.unreadable("date", "date") from None


def _jrnl_part(entry: _RawEntry, key: str, parse: Callable[[str], _Part]) -> _Part:
    raw = entry.required_string(key)
    try:
        return parse(raw.strip())
    except ValueError:
        raise entry.unreadable(key, key) from None


def _jrnl_tags(entry: _RawEntry) -> list[str]:
    tags = entry.words("tags")
    return [*tags, STARRED_TAG] if entry.flag("starred") else tags


# -- Day One ---------------------------------------------------------------------------------


def _dayone_record(entry: _RawEntry) -> EntryRecord:
    zone = _dayone_zone(entry)
    occurred_at = _dayone_moment(entry, "creationDate", entry.required_string("creationDate"), zone)
    modified = entry.optional_string("modifiedDate")
    updated_at = _dayone_moment(entry, "modifiedDate", modified, zone) if modified else None
    return entry.record(
        _dayone_text(entry),
        occurred_at,
        _dayone_tags(entry),
        created_at=occurred_at,
        updated_at=updated_at,
    )


def _dayone_text(entry: _RawEntry) -> str:
    text = entry.optional_string("text") or ""
    without_media = _DAYONE_MOMENT.sub("", text)
    return _THREE_OR_MORE_LINE_BREAKS.sub("\n\n", without_media).strip()


def _dayone_moment(entry: _RawEntry, key: str, raw: str, zone: ZoneInfo | timezone) -> datetime:
    """The UTC time ``raw`` as the clock read where the entry was written."""
    try:
        moment = datetime.fromisoformat(raw.strip())
        # Day One writes these times in UTC with a trailing Z; a bare one is UTC as well.
        instant = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
        return _at_fixed_offset(instant, zone)
    except (OverflowError, ValueError):
        raise entry.unreadable(key, key) from None


def _dayone_zone(entry: _RawEntry) -> ZoneInfo | timezone:
    name = entry.fields.get("timeZone")
    if not isinstance(name, str) or not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        # A zone this machine does not know still leaves a correct instant in UTC.
        return UTC


def _at_fixed_offset(moment: datetime, zone: ZoneInfo | timezone) -> datetime:
    local = moment.astimezone(zone)
    offset = local.utcoffset()
    fixed = timezone(offset) if offset is not None else UTC
    return local.replace(tzinfo=fixed, microsecond=0)


def _dayone_tags(entry: _RawEntry) -> list[str]:
    tags = entry.words("tags")
    return [*tags, STARRED_TAG] if entry.flag("starred") else tags
