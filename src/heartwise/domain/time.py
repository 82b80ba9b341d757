"""Time rules: every moment heartwise keeps is time-zone aware and whole seconds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone

from heartwise.errors import InvalidInput

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The current local time, with the machine's UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def parse_moment(raw: str, *, field: str = "at") -> datetime:
    """Read an ISO 8601 date-time; one without an offset is taken as local time."""
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise InvalidInput(
            f"“{_preview(raw)}” is not a date and time heartwise can read. "
            "Please use a form like 2026-11-20T21:30 or 2026-11-20T21:30+01:00.",
            field=field,
        ) from None
    # astimezone() on a naive value assumes local time with the offset in force on that
    # day, so an entry dated in winter keeps its winter offset.
    aware = moment if moment.tzinfo is not None else moment.astimezone()
    return aware.replace(microsecond=0)


def parse_day(raw: str, *, field: str, end_of_day: bool = False) -> datetime:
    """Read a bound of a date range: a date (the whole local day) or a full date-time."""
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError:
        return parse_moment(raw, field=field)
    clock_time = time(23, 59, 59) if end_of_day else time(0, 0, 0)
    return datetime.combine(day, clock_time).astimezone()


def to_epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def offset_minutes(moment: datetime) -> int:
    offset = moment.utcoffset()
    return 0 if offset is None else int(offset.total_seconds() // 60)


def from_epoch(seconds: int, minutes: int) -> datetime:
    """The moment ``seconds`` after the epoch, shown at a UTC offset of ``minutes``."""
    return datetime.fromtimestamp(seconds, tz=timezone(timedelta(minutes=minutes)))


def _preview(raw: str) -> str:
    return raw if len(raw) <= 40 else raw[:37] + "…"
