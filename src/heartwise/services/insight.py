"""Reading a text for traps, signs, blame and crisis, and saying what was noticed kindly."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from heartwise.analysis import Findings, analyze
from heartwise.analysis.findings import TRAPS
from heartwise.domain.entries import MAX_TEXT
from heartwise.errors import InvalidInput


@dataclass(frozen=True)
class Note:
    """One thing heartwise noticed, as a person reads it."""

    group: str  # traps, signs, blame or crisis
    label: str
    name: str
    says: str
    next_step: str
    tool: str
    quotes: tuple[str, ...]


def read_text(text: str) -> Findings:
    """The analyser's findings for ``text``; empty or oversized text is refused kindly."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("There is nothing to read yet: please give some text.", field="text")
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            f"heartwise reads up to {MAX_TEXT:,} characters at a time.", field="text"
        )
    return analyze(text)


def read_lines(lines: Iterable[str], workers: int | None = None) -> Iterator[dict[str, object]]:
    """The findings (as JSON-ready dicts) for each line ``{"text": ...}``, in order.

    A bad line names its number. Large batches are shared among worker processes, one per
    core, each with its own copy of the models.
    """
    texts = _texts(lines)
    workers = workers or os.cpu_count() or 1
    first = list(itertools.islice(texts, _BATCH_ALONE))
    if workers == 1 or len(first) < _BATCH_ALONE:
        yield from (_findings_dict(text) for text in itertools.chain(first, texts))
        return
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        yield from pool.imap(_findings_dict, itertools.chain(first, texts), chunksize=32)


_BATCH_ALONE = 256  # below this many lines, starting workers costs more than it saves


def _texts(lines: Iterable[str]) -> Iterator[str]:
    import json

    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            raise InvalidInput(f"Line {number} is not valid JSON.", field="jsonl") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InvalidInput(f'Line {number} needs a "text" field with a string.', field="jsonl")
        yield item["text"]


def _findings_dict(text: str) -> dict[str, object]:
    return (analyze(text[:MAX_TEXT]) if text.strip() else Findings()).to_dict()


@cache
def _explanations() -> dict[str, Any]:
    raw = (resources.files("heartwise.content") / "explanations.toml").read_text("utf-8")
    return tomllib.loads(raw)


def trap_names() -> dict[str, str]:
    """Each thinking trap's label with the name a person reads, in the analyser's order."""
    traps = _explanations()["traps"]
    return {label: str(traps[label]["name"]) for label in TRAPS}


def notes(text: str, findings: Findings) -> list[Note]:
    """What to tell the person, most certain first, each with the words behind it."""
    table = _explanations()
    out = []
    for group in ("signs", "traps"):
        for finding in getattr(findings, group):
            entry = table[group][finding.label]
            quotes = tuple(text[a:b] for a, b in finding.spans)
            out.append(
                Note(
                    group,
                    finding.label,
                    entry["name"],
                    entry["says"],
                    entry["next"],
                    entry["tool"],
                    quotes,
                )
            )
    if findings.blame.harsh:
        blame = table["blame"]
        quotes = tuple(text[m.span[0] : m.span[1]] for m in findings.blame.markers)
        out.append(
            Note(
                "blame",
                "harsh",
                "Blaming language",
                blame["says"],
                blame["next"],
                blame["tool"],
                quotes,
            )
        )
    return out
