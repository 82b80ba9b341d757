"""Reading the forms of the self-awareness tools.

A form arrives as strings. Here they become the values the services take, and nothing is
judged: a number that is not a number stays the string it was, so the service refuses it
with its own message and names its field. What was typed is kept as ``Typed`` to show the
form again, exactly, after a refusal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated

from fastapi import Depends
from starlette.datastructures import FormData
from starlette.requests import Request

from heartwise.domain.time import parse_moment
from heartwise.web.deps import FormDep
from heartwise.web.security import check_form

EMOTION_ROWS = 3
_WHOLE = re.compile(r"[+-]?\d{1,9}")


@dataclass(frozen=True)
class Typed:
    """A submitted form as typed: one string per field; the thinking traps ticked, and
    those heartwise noticed (carried from the first step of a thought record)."""

    values: Mapping[str, str] = field(default_factory=dict)
    traps: tuple[str, ...] = ()
    noticed: tuple[str, ...] = ()

    def __getitem__(self, name: str) -> str:
        return self.values.get(name, "")

    def get(self, name: str, default: str = "") -> str:
        return self.values.get(name, default)

    @classmethod
    def of(cls, form: FormData) -> Typed:
        values = {name: value for name, value in form.items() if isinstance(value, str)}
        values.pop("csrf_token", None)
        return cls(values, _strings(form, "traps"), _strings(form, "noticed"))


def _strings(form: FormData, name: str) -> tuple[str, ...]:
    return tuple(value for value in form.getlist(name) if isinstance(value, str))


async def checked_form(request: Request, form: FormDep) -> Typed:
    """The posted form, after its CSRF token and origin are checked. (async: it never
    waits, and a plain def would cost a trip to a worker thread)"""
    token = form.get("csrf_token")
    check_form(request, token if isinstance(token, str) else None)
    return Typed.of(form)


TypedForm = Annotated[Typed, Depends(checked_form)]


def number(raw: str) -> int | str | None:
    """A whole number when it is one; nothing typed is None; anything else stays as typed."""
    text = raw.strip()
    if not text:
        return None
    return int(text) if _WHOLE.fullmatch(text) else text


def emotions(typed: Typed, prefix: str) -> dict[str, object]:
    """The emotion rows ``{prefix}_name_N`` / ``{prefix}_value_N`` that have anything in them."""
    found: dict[str, object] = {}
    for row in range(1, EMOTION_ROWS + 1):
        name = typed[f"{prefix}_name_{row}"].strip()
        value = typed[f"{prefix}_value_{row}"]
        if name or value.strip():
            found[name] = number(value)
    return found


def moment(
    raw: str, now: datetime, *, original: datetime | None = None, field: str = "occurred_at"
) -> datetime:
    """When it happened: now when left empty; an unchanged time keeps its own time zone."""
    if original is not None and raw == local_input(original):
        return original
    return parse_moment(raw, field=field) if raw.strip() else now


def local_input(moment: datetime) -> str:
    # <input type="datetime-local"> has no time zone: show the moment's own clock time.
    return moment.replace(tzinfo=None).isoformat(timespec="minutes")
