"""How text is cut into search terms, and where query terms occur in a text.

The same rules serve indexing (terms are then hashed by the vault) and highlighting
(terms are found again in the unsealed text), so both always agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TERMS = 16


def normalize_term(word: str) -> str:
    """Case-folded, accent-free, NFKC form of a word."""
    if word.isascii():
        # Most words: ASCII has no accents or compatibility forms, and its case-folding
        # is lower-casing. Search and indexing call this for every word they read.
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", stripped)


def iter_terms(text: str) -> Iterator[tuple[str, int, int]]:
    """Each word of ``text`` as (normalized term, start, end)."""
    for match in _WORD.finditer(text):
        yield normalize_term(match.group()), match.start(), match.end()


def index_terms(text: str) -> list[str]:
    """The distinct terms of ``text``, in first-seen order."""
    return list(dict.fromkeys(term for term, _, _ in iter_terms(text)))


def query_terms(query: str) -> list[str]:
    return index_terms(query)[:MAX_QUERY_TERMS]


def find_spans(text: str, terms: list[str]) -> tuple[tuple[int, int], ...]:
    wanted = set(terms)
    return tuple((start, end) for term, start, end in iter_terms(text) if term in wanted)
