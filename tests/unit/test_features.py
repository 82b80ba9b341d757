"""What the linear models read of a text: the features shared by training and inference."""

from __future__ import annotations

from heartwise.analysis.features import FEATURE_SETS, features, features_with_symbols, symbols


def test_word_features_are_blind_to_emoji() -> None:
    # Why the coach's model has a feature set of its own: these two read the same.
    assert features("Enjoy your football 😂") == features("Enjoy your football 🙄")


def test_emoji_become_features_of_their_own() -> None:
    laughing = features_with_symbols("Enjoy your football 😂")
    rolling = features_with_symbols("Enjoy your football 🙄")
    assert "s:😂" in laughing
    assert "s:🙄" in rolling
    assert set(laughing) - {"s:😂"} == set(rolling) - {"s:🙄"}


def test_each_pictograph_counts_once_per_character_and_selectors_are_dropped() -> None:
    assert symbols("thanks ❤️ 👏👏") == ["s:❤", "s:👏", "s:👏"]
    assert symbols("no emoji here, just words!") == []


def test_every_feature_set_keeps_the_word_features() -> None:
    text = "You never call when you say you will"
    for extract in FEATURE_SETS.values():
        assert set(features(text)) <= set(extract(text))
