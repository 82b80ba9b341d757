"""Options and parsing shared by the entry commands."""

from __future__ import annotations

from typing import Annotated

import typer

from heartwise.domain.time import parse_day
from heartwise.services.journal import Query

TagOption = Annotated[list[str], typer.Option("--tag", "-t", help="A tag; repeat for more.")]
EmotionOption = Annotated[
    list[str], typer.Option("--emotion", "-e", help="NAME:INTENSITY (0–100), e.g. anxious:70.")
]
MoodOption = Annotated[int | None, typer.Option("--mood", "-m", help="Mood from 1 to 10.")]
AtOption = Annotated[str | None, typer.Option("--at", help="When it happened (ISO date-time).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


FromOption = Annotated[str | None, typer.Option("--from", help="From this date (YYYY-MM-DD).")]
ToOption = Annotated[str | None, typer.Option("--to", help="Up to this date, included.")]


def query_of(tag: str | None, start: str | None, end: str | None, limit: int) -> Query:
    return Query(
        tag=tag,
        start=parse_day(start, field="from") if start else None,
        end=parse_day(end, field="to", end_of_day=True) if end else None,
        limit=limit,
    )
