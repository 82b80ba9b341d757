"""The crisis training files are well formed, so a batch written later cannot teach the
models something its labels do not say.

Each line of `data/analysis/crisis*.jsonl` is read the way `training/train_analysis.py`
reads it; nothing here depends on what the models learn from them.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from heartwise.analysis.findings import CRISIS_KINDS, CRISIS_LEVELS

DATA = Path(__file__).resolve().parents[2] / "data" / "analysis"
FILES = sorted(DATA.glob("crisis*.jsonl"))


def rows(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def test_there_are_crisis_files_to_check() -> None:
    assert len(FILES) >= 6


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_line_has_a_level_kinds_that_match_it_and_a_quote_from_its_text(
    path: Path,
) -> None:
    for number, row in enumerate(rows(path), start=1):
        where = f"{path.name} line {number}"
        assert set(row) == {"text", "level", "kinds", "quote"}, where
        text, level, kinds, quote = row["text"], row["level"], row["kinds"], row["quote"]
        assert isinstance(text, str), where
        assert text.strip(), where
        assert level in CRISIS_LEVELS, where
        assert isinstance(kinds, list), where
        assert set(kinds) <= set(CRISIS_KINDS), where
        assert isinstance(quote, str), where
        if level == "none":
            # A text without danger names no kind and quotes nothing.
            assert kinds == [], where
            assert quote == "", where
        else:
            # Danger names what kind it is and quotes the words that carry it.
            assert kinds, where
            assert quote, where
            assert quote in text, where


def test_no_text_appears_twice_across_the_files() -> None:
    # A repeat would weigh twice in training, and with another label contradict itself.
    counts = Counter(str(row["text"]) for path in FILES for row in rows(path))
    repeated = [text for text, count in counts.items() if count > 1]
    assert repeated == []
