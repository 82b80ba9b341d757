"""How entries look in a terminal, as segments an ``Output`` writes styled or plain."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TextIO

from heartwise.cli.output import Output, Segment
from heartwise.domain.entries import Entry


def when(entry: Entry) -> str:
    return entry.occurred_at.strftime("%a %d %b %Y %H:%M")


def headline(entry: Entry) -> list[Segment]:
    parts: list[Segment] = [(f"#{entry.id}", "bold cyan"), (f"  {when(entry)}", "dim")]
    if entry.mood is not None:
        parts.append((f"  mood {entry.mood}/10", "magenta"))
    parts.extend((f"  #{tag}", "green") for tag in entry.tags)
    return parts


def print_list(out: Output, entries: Sequence[Entry]) -> None:
    for entry in entries:
        out.line(*headline(entry))
        first = entry.text.strip().splitlines()[0] if entry.text.strip() else ""
        out.line("   " + first[:100] + ("…" if len(first) > 100 else ""))


def print_entry(out: Output, entry: Entry) -> None:
    out.line(*headline(entry))
    if entry.emotions:
        feelings = ", ".join(f"{name} {value}" for name, value in entry.emotions.items())
        out.line((f"feeling {feelings}", "yellow"))
    out.line("")
    out.line(entry.text)


def highlighted(text: str, spans: Iterable[tuple[int, int]], width: int = 160) -> list[Segment]:
    """An excerpt of ``text`` around its first match, with every match emphasised."""
    spans = sorted(spans)
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    parts: list[Segment] = ["…"] if start else []
    cursor = start
    for a, b in spans:
        if a < cursor or b > end:
            continue
        parts.append(text[cursor:a].replace("\n", " "))
        parts.append((text[a:b], "bold reverse"))
        cursor = b
    parts.append(text[cursor:end].replace("\n", " "))
    if end < len(text):
        parts.append("…")
    return parts


def print_json(out: TextIO, value: object) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")
