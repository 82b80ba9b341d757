"""Jinja filters: dates in plain words, and search matches marked without trusting the text."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from jinja2 import Environment
from markupsafe import Markup, escape


def when(moment: datetime) -> str:
    return moment.strftime("%a %d %b %Y, %H:%M")


def highlight(text: str, spans: Iterable[tuple[int, int]], width: int = 0) -> Markup:
    """``text`` escaped, with each span wrapped in <mark>; the text itself is never markup.

    With ``width``, only a window of that many characters around the first match is shown.
    """
    spans = sorted(spans)
    if width and len(text) > width:
        start = max(0, spans[0][0] - width // 3) if spans else 0
        window = text[start : start + width]
        inner = [(a - start, b - start) for a, b in spans if a >= start and b <= start + width]
        before = "…" if start else ""
        after = "…" if start + width < len(text) else ""
        return escape(before) + highlight(window, inner) + escape(after)
    pieces: list[str] = []
    cursor = 0
    for start, end in spans:
        if start < cursor:
            continue
        pieces.append(str(escape(text[cursor:start])))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    pieces.append(str(escape(text[cursor:])))
    return Markup("".join(pieces))  # noqa: S704 - every piece of user text above is escaped


def excerpt(text: str, limit: int = 280) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def install(env: Environment) -> None:
    env.filters["when"] = when
    env.filters["highlight"] = highlight
    env.filters["excerpt"] = excerpt
