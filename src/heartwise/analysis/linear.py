"""Linear models exported by the training script, scored with NumPy.

A model file is gzipped JSON: for each feature its IDF weight and one coefficient per
label, an intercept per label, the feature set, and the decision thresholds chosen
during training. Loading turns it into a feature index and two arrays, so scoring a
100-word entry is one gather and one small matrix product.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
import numpy.typing as npt

from heartwise.analysis.features import FEATURE_SETS

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class LinearModel:
    name: str
    labels: tuple[str, ...]
    index: dict[str, int]  # feature -> row
    idf: FloatArray  # one per row
    coefs: FloatArray  # rows x labels
    intercepts: FloatArray
    thresholds: dict[str, float]
    feature_set: str = "words"

    def featurize(self, text: str) -> list[str]:
        return FEATURE_SETS[self.feature_set](text)

    def probabilities(self, text: str) -> dict[str, float]:
        """P(label | text) for every label, from TF-IDF (sublinear, L2) and logistic weights."""
        return self.from_counts(Counter(self.featurize(text)))

    def from_counts(self, all_counts: Mapping[str, int]) -> dict[str, float]:
        """Probabilities from feature counts (which may include features this model lacks)."""
        counts = {f: n for f, n in all_counts.items() if f in self.index}
        rows = np.fromiter((self.index[f] for f in counts), dtype=np.int64, count=len(counts))
        return self.from_rows(
            rows, np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        )

    def from_rows(self, rows: IntArray, counts: FloatArray) -> dict[str, float]:
        """Probabilities from this model's feature rows and their counts in the text."""
        if not len(rows):
            # Nothing this model knows: no evidence either way, rather than the base rate.
            return dict.fromkeys(self.labels, 0.0)
        tf = 1.0 + np.log(counts)
        values = tf * self.idf[rows]
        values /= np.sqrt(values @ values)
        logits = values @ self.coefs[rows] + self.intercepts
        probabilities = 1.0 / (1.0 + np.exp(-np.clip(logits, -40, 40)))
        return dict(zip(self.labels, probabilities.tolist(), strict=True))

    def pull(self, features: Sequence[str]) -> FloatArray:
        """Sum of each label's weights over the known features: which way they push."""
        rows = [self.index[f] for f in features if f in self.index]
        if not rows:
            return np.zeros(len(self.labels))
        summed: FloatArray = self.coefs[rows].sum(axis=0)
        return summed


def load_model(name: str) -> LinearModel:
    raw = (resources.files("heartwise.analysis") / "models" / f"{name}.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    terms = list(data["vocabulary"])
    table = np.array([data["vocabulary"][t] for t in terms], dtype=np.float64)
    return LinearModel(
        name=name,
        labels=tuple(data["labels"]),
        index={term: row for row, term in enumerate(terms)},
        idf=table[:, 0].copy(),
        coefs=np.ascontiguousarray(table[:, 1:]),
        intercepts=np.array(data["intercepts"], dtype=np.float64),
        thresholds=dict(data["thresholds"]),
        feature_set=data.get("feature_set", "words"),
    )


class FeatureSpace:
    """One index over the features of several models that share a feature set, so a text's
    features are looked up once and then mapped to each model's rows with NumPy."""

    def __init__(self, models: Sequence[LinearModel]) -> None:
        self.ids: dict[str, int] = {}
        for model in models:
            for feature in model.index:
                self.ids.setdefault(feature, len(self.ids))
        self.rows: dict[str, IntArray] = {}
        for model in models:
            mapping = np.full(len(self.ids), -1, dtype=np.int64)
            for feature, row in model.index.items():
                mapping[self.ids[feature]] = row
            self.rows[model.name] = mapping

    def lookup(self, counts: Mapping[str, int]) -> tuple[IntArray, FloatArray]:
        known = [(self.ids[f], n) for f, n in counts.items() if f in self.ids]
        ids = np.fromiter((i for i, _ in known), dtype=np.int64, count=len(known))
        amounts = np.fromiter((n for _, n in known), dtype=np.float64, count=len(known))
        return ids, amounts

    def probabilities(
        self, model: LinearModel, ids: IntArray, amounts: FloatArray
    ) -> dict[str, float]:
        rows = self.rows[model.name][ids]
        keep = rows >= 0
        return model.from_rows(rows[keep], amounts[keep])
