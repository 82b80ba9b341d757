"""What a harsh draft is about, for the feelings and requests the coach offers.

The coach's word lists (``coach_lexicon.TOPICS``) miss subjects said without their
usual words ("Found the second phone in the glovebox"). This model, trained on drafts
labelled by subject (``training/train_coach_topics.py``), reads the draft as a whole and
names a subject only when its most likely one reaches the ``confident`` threshold chosen
by cross-validation; otherwise the word lists decide.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from heartwise.analysis.analyzer import MAX_CHARS
from heartwise.analysis.linear import LinearModel, load_model


@dataclass(frozen=True)
class SubjectModel:
    model: LinearModel

    def subject(self, text: str) -> str | None:
        """The subject the model is confident of, or None."""
        counts = Counter(self.model.featurize(text[:MAX_CHARS]))
        if not any(feature in self.model.index for feature in counts):
            return None
        probabilities = self.model.from_counts(counts)
        best = max(probabilities, key=probabilities.__getitem__)
        return best if probabilities[best] >= self.model.thresholds["confident"] else None


@cache
def default_subject_model() -> SubjectModel:
    """The shipped model, loaded once, on first use."""
    return SubjectModel(load_model("coach_topics"))
