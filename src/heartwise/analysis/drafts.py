"""A second opinion on a draft to a partner, for the message coach.

The coach judges a draft with its rules. This model, trained on messages to a partner
written for heartwise (``training/train_coach.py``), reads the draft as a whole and
speaks only when it is confident: below the ``veto`` threshold it is sure the draft is
gentle, at or above ``alone`` sure it is harsh, and in between it leaves the verdict to
the rules. Both thresholds were chosen by cross-validation on messages the rules were
never written from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Literal

from heartwise.analysis.analyzer import MAX_CHARS
from heartwise.analysis.linear import LinearModel, load_model

Lean = Literal["harsh", "gentle"] | None


@dataclass(frozen=True)
class DraftModel:
    model: LinearModel

    def probability(self, text: str) -> float | None:
        """How likely the draft is to land as harsh, 0 to 1, by the model alone; None when
        the model knows none of its words and so has no reading at all."""
        counts = Counter(self.model.featurize(text[:MAX_CHARS]))
        if not any(feature in self.model.index for feature in counts):
            return None
        return self.model.from_counts(counts)["harsh"]

    def lean(self, text: str) -> Lean:
        """ "harsh" or "gentle" when the model is confident, else None."""
        probability = self.probability(text)
        if probability is None:
            return None
        if probability >= self.model.thresholds["alone"]:
            return "harsh"
        if probability < self.model.thresholds["veto"]:
            return "gentle"
        return None


@cache
def default_draft_model() -> DraftModel:
    """The shipped model, loaded once, on first use."""
    return DraftModel(load_model("coach_harsh"))
