"""Combining rules and models into findings, in one documented way.

For every label, the rule strength ``r`` (0 when no rule fired) and the model's
probability ``p`` are combined as a noisy-OR, ``s = 1 - (1 - r)(1 - p)``: either kind of
evidence can raise the score, and both together raise it most. A label is asserted
when ``s`` reaches the threshold the training script chose for it by cross-validation
on the training split. Spans are the words a rule matched; when only the model spoke,
the span is the sentence the model scores highest for that label.

Crisis favours recall: its thresholds were chosen for recall, its rules are strong, and
``urgent`` is decided by its own model and rules once any risk is asserted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from heartwise.analysis import rules
from heartwise.analysis.features import features, sentences
from heartwise.analysis.findings import (
    CRISIS_KINDS,
    Blame,
    Crisis,
    Finding,
    Findings,
    Marker,
    Span,
)
from heartwise.analysis.linear import FeatureSpace, FloatArray, IntArray, LinearModel, load_model

MAX_CHARS = 100_000
MODEL_NAMES = ("traps", "signs", "blame", "crisis_risk", "crisis_urgent", "crisis_kinds")


def noisy_or(*scores: float) -> float:
    remaining = 1.0
    for score in scores:
        remaining *= 1.0 - score
    return 1.0 - remaining


class _Reading:
    """One text being read: features, rule hits and sentence scores, each computed once."""

    def __init__(self, text: str, spaces: dict[str, FeatureSpace]) -> None:
        self.text = text
        self._spaces = spaces
        self._looked_up: dict[str, tuple[IntArray, FloatArray]] = {}
        self._sentence_features: dict[tuple[str, Span], list[str]] = {}
        self._hits: dict[str, list[rules.Hit]] = {}
        self._sentence_scores: dict[tuple[str, Span], FloatArray] = {}

    def probabilities(self, model: LinearModel) -> dict[str, float]:
        space = self._spaces[model.feature_set]
        if model.feature_set not in self._looked_up:
            self._looked_up[model.feature_set] = space.lookup(Counter(model.featurize(self.text)))
        return space.probabilities(model, *self._looked_up[model.feature_set])

    def hits(self, task: str) -> list[rules.Hit]:
        if task not in self._hits:
            self._hits[task] = list(rules.find(task, self.text))
        return self._hits[task]

    def best_sentence(self, model: LinearModel, label: str) -> tuple[Span, ...]:
        """The sentence whose words push hardest toward ``label``: the sum of the label's
        weights over the sentence's known features, a cheap and faithful proxy."""
        spans = sentences(self.text)
        if len(spans) <= 1:
            return tuple(spans)
        column = model.labels.index(label)
        return (max(spans, key=lambda span: self._pull(model, span)[column]),)

    def _pull(self, model: LinearModel, span: Span) -> FloatArray:
        key = (model.name, span)
        if key not in self._sentence_scores:
            self._sentence_scores[key] = model.pull(self._features_of(model, span))
        return self._sentence_scores[key]

    def _features_of(self, model: LinearModel, span: Span) -> list[str]:
        # Word features only: enough to tell which sentence carries a label, and a third
        # of the cost of adding character n-grams for every sentence.
        key = ("words", span)
        if key not in self._sentence_features:
            self._sentence_features[key] = features(self.text[span[0] : span[1]])
        return self._sentence_features[key]


@dataclass(frozen=True)
class Analyzer:
    models: dict[str, LinearModel]
    spaces: dict[str, FeatureSpace] = field(init=False)

    def __post_init__(self) -> None:
        by_set: dict[str, list[LinearModel]] = {}
        for model in self.models.values():
            by_set.setdefault(model.feature_set, []).append(model)
        spaces = {name: FeatureSpace(models) for name, models in by_set.items()}
        object.__setattr__(self, "spaces", spaces)

    def analyze(self, text: str) -> Findings:
        text = text[:MAX_CHARS]
        if not any(ch.isalpha() for ch in text):
            return Findings()
        reading = _Reading(text, self.spaces)
        return Findings(
            traps=self._labels("traps", reading),
            signs=self._labels("signs", reading),
            blame=self._blame(reading),
            crisis=self._crisis(reading),
        )

    def scores(self, task: str, text: str) -> dict[str, float]:
        """Combined score of every label of a multi-label task (for evaluation)."""
        return self._combined(task, _Reading(text[:MAX_CHARS], self.spaces))

    def _combined(self, task: str, reading: _Reading) -> dict[str, float]:
        model = self.models[task]
        strengths = rules.strongest(reading.hits(task))
        probabilities = reading.probabilities(model)
        return {
            label: noisy_or(strengths.get(label, 0.0), probabilities[label])
            for label in model.labels
        }

    def _labels(self, task: str, reading: _Reading) -> tuple[Finding, ...]:
        model = self.models[task]
        combined = self._combined(task, reading)
        found = []
        for label in model.labels:
            if combined[label] >= model.thresholds[label]:
                spans = tuple(sorted({h.span for h in reading.hits(task) if h.label == label}))
                spans = spans or reading.best_sentence(model, label)
                found.append(Finding(label, combined[label], spans))
        return tuple(sorted(found, key=lambda f: -f.score))

    def _blame(self, reading: _Reading) -> Blame:
        model = self.models["blame"]
        hits = reading.hits("blame")
        rule_strength = max((hit.strength for hit in hits), default=0.0)
        score = noisy_or(rule_strength, reading.probabilities(model)["harsh"])
        if score < model.thresholds["harsh"]:
            return Blame(False, score)
        markers = tuple(
            sorted({Marker(h.label, h.span) for h in hits}, key=lambda m: (m.span, m.kind))
        )
        return Blame(True, score, markers)

    def _crisis(self, reading: _Reading) -> Crisis:
        hits = reading.hits("crisis")
        masked = rules.mask_idioms(reading.text)
        if masked != reading.text:
            reading = _Reading(masked, self.spaces)  # the models do not see the idioms either
        risk_model, urgent_model = self.models["crisis_risk"], self.models["crisis_urgent"]
        rule_risk = max((h.strength for h in hits), default=0.0)
        risk = noisy_or(rule_risk, reading.probabilities(risk_model)["risk"])
        if risk < risk_model.thresholds["risk"]:
            return Crisis(score=risk)
        rule_urgent = max((h.strength for h in hits if h.label.endswith("/urgent")), default=0.0)
        urgent = noisy_or(rule_urgent, reading.probabilities(urgent_model)["urgent"])
        level = "urgent" if urgent >= urgent_model.thresholds["urgent"] else "concern"
        spans = tuple(sorted({h.span for h in hits})) or reading.best_sentence(risk_model, "risk")
        return Crisis(level, self._crisis_kinds(reading, hits), spans, risk)

    def _crisis_kinds(self, reading: _Reading, hits: list[rules.Hit]) -> tuple[str, ...]:
        model = self.models["crisis_kinds"]
        probabilities = reading.probabilities(model)
        from_rules = {hit.label.split("/")[0] for hit in hits}
        kinds = {
            k for k in CRISIS_KINDS if k in from_rules or probabilities[k] >= model.thresholds[k]
        }
        if not kinds:
            kinds = {max(CRISIS_KINDS, key=lambda k: probabilities[k])}
        return tuple(k for k in CRISIS_KINDS if k in kinds)


@cache
def default_analyzer() -> Analyzer:
    """The analyser with the shipped models, loaded once, on first use."""
    return Analyzer({name: load_model(name) for name in MODEL_NAMES})
