"""The coach's second opinion: a model's confident reading overrules the rules' verdict.

What the shipped model has learnt is measured by ``make eval-coach``, not here; these
tests pin down how a reading is turned into a lean and how a lean changes the verdict.
The drafts are written for these tests.
"""

from __future__ import annotations

import numpy as np
import pytest

import heartwise.analysis
from heartwise.analysis.drafts import DraftModel, default_draft_model
from heartwise.analysis.linear import LinearModel
from heartwise.domain.coach import NO_PART_NOTE, coach
from heartwise.services.coach import coach_message

BLAMING = "You never text me back, you're so selfish."
PLAIN = "Got the tickets for Saturday."


def rules_verdict(text: str, lean: str | None = None) -> bool:
    from heartwise.analysis import analyze

    blame = analyze(text).blame
    markers = [(m.kind, m.span) for m in blame.markers]
    return coach(text, harsh=blame.harsh, score=blame.score, markers=markers, lean=lean).harsh


def test_the_examples_are_read_by_the_rules_as_intended() -> None:
    assert rules_verdict(BLAMING)
    assert not rules_verdict(PLAIN)


def test_a_confident_gentle_reading_leaves_a_marked_draft_alone() -> None:
    result = coach(BLAMING, harsh=True, score=0.9, markers=[("absolute", (4, 9))], lean="gentle")
    assert not result.harsh
    assert result.rewrite is None
    assert result.marks == ()
    assert result.score == 0.9  # the analyser's score is still reported


def test_a_confident_harsh_reading_gives_a_rewrite_the_rules_would_not() -> None:
    result = coach(PLAIN, harsh=False, score=0.2, markers=[], lean="harsh")
    assert result.harsh
    assert result.rewrite is not None
    assert "tickets" in result.rewrite.filled()  # built from the draft's own words
    assert result.note == NO_PART_NOTE  # nothing could be pointed at


def test_without_a_lean_the_rules_decide() -> None:
    assert coach(BLAMING, harsh=True, score=0.9, markers=[("absolute", (4, 9))]).harsh
    assert not coach(PLAIN, harsh=False, score=0.2, markers=[]).harsh


@pytest.mark.parametrize("text", ["😡😡😡", "Почему ты молчишь?"])
def test_a_draft_without_english_words_is_never_overruled(text: str) -> None:
    result = coach(text, harsh=True, score=0.9, markers=[], lean="harsh")
    assert not result.harsh
    assert result.note is not None


def model_with(weight: float, veto: float = 0.2, alone: float = 0.8) -> DraftModel:
    """A one-word model: the text "sulk" scores sigmoid(weight)."""
    return DraftModel(
        LinearModel(
            name="coach_harsh",
            labels=("harsh",),
            index={"sulk": 0},
            idf=np.array([1.0]),
            coefs=np.array([[weight]]),
            intercepts=np.array([0.0]),
            thresholds={"veto": veto, "alone": alone},
        )
    )


@pytest.mark.parametrize(
    ("weight", "lean"),
    [
        (3.0, "harsh"),
        (1.3863, "harsh"),
        (1.38, None),
        (0.0, None),
        (-1.38, None),
        (-1.40, "gentle"),
    ],
)
def test_the_model_speaks_only_outside_its_two_thresholds(weight: float, lean: str | None) -> None:
    # sigmoid(1.3863) is just over 0.8, where "alone" begins; sigmoid(-1.38) is just over
    # 0.2, where "veto" ends, and sigmoid(-1.40) just under it.
    assert model_with(weight).lean("sulk") == lean


def test_a_draft_with_no_word_the_model_knows_gets_no_reading() -> None:
    model = model_with(-3.0)  # would be sure "sulk" is gentle
    assert model.probability("zebra crossing") is None
    assert model.lean("zebra crossing") is None  # no reading is not a gentle one


def test_the_shipped_model_has_ordered_thresholds() -> None:
    thresholds = default_draft_model().model.thresholds
    assert set(thresholds) == {"veto", "alone"}
    assert 0.0 <= thresholds["veto"] < thresholds["alone"] <= 1.01


@pytest.mark.parametrize(("lean", "rewritten"), [("gentle", False), ("harsh", True), (None, True)])
def test_the_service_asks_the_model_and_follows_its_lean(
    monkeypatch: pytest.MonkeyPatch, lean: str | None, rewritten: bool
) -> None:
    asked: list[str] = []

    def fake_lean(text: str) -> str | None:
        asked.append(text)
        return lean

    monkeypatch.setattr(heartwise.analysis, "draft_lean", fake_lean)
    result = coach_message(BLAMING)
    assert asked == [BLAMING]
    assert (result.rewrite is not None) is rewritten
