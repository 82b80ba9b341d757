"""How entries look in a terminal."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from heartwise.domain.entries import Entry


def when(entry: Entry) -> str:
    return entry.occurred_at.strftime("%a %d %b %Y %H:%M")


def headline(entry: Entry) -> Text:
    line = Text()
    line.append(f"#{entry.id}", style="bold cyan")
    line.append(f"  {when(entry)}", style="dim")
    if entry.mood is not None:
        line.append(f"  mood {entry.mood}/10", style="magenta")
    for tag in entry.tags:
        line.append(f"  #{tag}", style="green")
    return line


def print_list(console: Console, entries: Sequence[Entry]) -> None:
    for entry in entries:
        console.print(headline(entry))
        first = entry.text.strip().splitlines()[0] if entry.text.strip() else ""
        console.print(Text("   " + (first[:100] + ("…" if len(first) > 100 else ""))))


def print_entry(console: Console, entry: Entry) -> None:
    console.print(headline(entry))
    if entry.emotions:
        feelings = ", ".join(f"{name} {value}" for name, value in entry.emotions.items())
        console.print(Text(f"feeling {feelings}", style="yellow"))
    console.print()
    console.print(Text(entry.text))


def highlighted(text: str, spans: Iterable[tuple[int, int]], width: int = 160) -> Text:
    """An excerpt of ``text`` around its first match, with every match in bold."""
    spans = list(spans)
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    excerpt = Text(("…" if start else "") + text[start:end].replace("\n", " "))
    shift = 1 if start else 0
    for a, b in spans:
        if start <= a and b <= end:
            excerpt.stylize("bold reverse", a - start + shift, b - start + shift)
    if end < len(text):
        excerpt.append("…")
    return excerpt


def print_json(out: TextIO, value: object) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


__all__ = ["escape", "highlighted", "print_entry", "print_json", "print_list"]
