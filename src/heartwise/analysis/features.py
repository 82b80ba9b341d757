"""Turning text into the features the linear models read.

Training (scikit-learn) and inference (here, in plain Python) both call ``features``,
so the two can never disagree about what a feature is.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[!?]")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "wasn't",
        "can't",
        "won't",
        "wouldn't",
        "shouldn't",
        "aren't",
        "haven't",
    }
)


def normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).lower().translate(_APOSTROPHES)
    return folded


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text))


def features(text: str) -> list[str]:
    """Word unigrams and bigrams, plus a marker on words after a negation."""
    return _word_features(tokens(text))


def features_with_chars(text: str) -> list[str]:
    """``features`` plus character 3- to 5-grams inside words ("checking" shares "chec" with
    "checked"), which carry meaning across spellings, typos and word forms."""
    words = tokens(text)
    out = _word_features(words)
    for word in words:
        if len(word) < 3 or not word[0].isalpha():
            continue
        padded = f"<{word}>"
        for size in (3, 4, 5):
            out.extend("c:" + padded[i : i + size] for i in range(len(padded) - size + 1))
    return out


def features_with_symbols(text: str) -> list[str]:
    """``features`` plus each emoji and pictograph as a feature of its own. The word
    tokens drop them, yet in a message to a partner they carry the tone: "Enjoy your
    football 😂" teases, "Enjoy your football 🙄" sulks. Adding them to the coach's model
    lowered its cross-validated log-loss from 0.219 to 0.190 (2026-11-27)."""
    return features(text) + symbols(text)


def symbols(text: str) -> list[str]:
    """Emoji and other pictographs (Unicode "symbol, other"), one feature per character:
    "❤️" is "s:❤" (the variation selector is not a symbol), "👏👏" is two."""
    return ["s:" + ch for ch in normalize(text) if unicodedata.category(ch) == "So"]


FEATURE_SETS = {
    "words": features,
    "words+chars": features_with_chars,
    "words+emoji": features_with_symbols,
}


def _word_features(words: list[str]) -> list[str]:
    out = list(words)
    out.extend(f"{a} {b}" for a, b in itertools.pairwise(words))
    negated = False
    for word in words:
        if word in _NEGATIONS:
            negated = True
        elif word in ("!", "?"):
            negated = False
        elif negated:
            out.append("NOT_" + word)
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences (or lines) of ``text``, trimmed of spaces."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
