"""How words become search terms, so indexing, queries and highlights agree."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heartwise.domain.search import (
    MAX_QUERY_TERMS,
    find_spans,
    index_terms,
    normalize_term,
    query_terms,
)


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("Café", "cafe"),
        ("ÉTÉ", "ete"),
        ("naïve", "naive"),
        ("Straße", "strasse"),
        ("ＪＥＡＬＯＵＳ", "jealous"),
        ("Ångström", "angstrom"),
        ("jealous", "jealous"),
    ],
)
def test_terms_ignore_case_accents_and_width(word: str, term: str) -> None:
    assert normalize_term(word) == term


def test_a_text_gives_its_distinct_terms_in_order() -> None:
    assert index_terms("Trust, TRUST and trüst: the café!") == ["trust", "and", "the", "cafe"]


def test_a_query_keeps_at_most_16_terms() -> None:
    query = " ".join(f"word{n}" for n in range(40))
    assert query_terms(query) == [f"word{n}" for n in range(MAX_QUERY_TERMS)]


def test_spans_point_at_every_occurrence_whatever_its_spelling() -> None:
    text = "Café at noon. Then another cafe, and a CAFÉ again."
    spans = find_spans(text, ["cafe"])
    assert [text[a:b] for a, b in spans] == ["Café", "cafe", "CAFÉ"]


def test_no_spans_when_the_term_is_absent() -> None:
    assert find_spans("Nothing to see here.", ["jealous"]) == ()


def _full_normalization(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", stripped)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_the_ascii_shortcut_gives_the_same_term_as_full_normalization(word: str) -> None:
    # Entries indexed before the shortcut must still be found by the same terms.
    assert normalize_term(word) == _full_normalization(word)
