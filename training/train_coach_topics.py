"""Train the coach's subject model: what a harsh draft is about, for the choices it offers.

When a draft names no feeling or request, the coach offers some to choose from by what
the draft is about (``coach_lexicon.TOPICS``). Word lists alone fitted half of a held-out
set (data/coach/README.md, "What the offered choices are about"). This script trains a
small model on labelled drafts and chooses, by cross-validation, how it joins the word
lists and how confident it must be to speak.

Data (each line ``{"text", "topic"}``):

- ``data/coach/topics_train_*.jsonl``: drafts written to train this model; the word lists
  were never written from them, so out-of-fold figures on them are honest for both.
- ``data/coach/topics_dev.jsonl``: the drafts the word lists were written on. They train
  the model but are not scored, since the word lists would look better on them than
  they are.
- ``*heldout*`` files are refused: they are for ``benchmarks/eval_coach.py --topics`` only.

Run from the repository root after ``pip install -e '.[train]'``::

    .venv/bin/python training/train_coach_topics.py

It prints the cross-validated figures of every way of joining model and word lists, and
writes ``src/heartwise/analysis/models/coach_topics.json.gz`` with the confidence
threshold best for the coach's order. The order itself is not chosen here:
``coach_lexicon.topic_of`` is the one the coach uses (the model when confident, then the
word lists), and the report says whether it is still the best.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

from train_analysis import SEED, Task, export, fit, predict, write_model  # noqa: E402

from heartwise.domain.coach_lexicon import (  # noqa: E402
    DEFAULT_TOPIC,
    TOPICS,
    everyday_topic,
    telling_topic,
    topic_of,
)

DATA = ROOT / "data" / "coach"
LABELS = tuple(t.name for t in (*TOPICS, DEFAULT_TOPIC))
FEATURE_SET = "words+emoji"
C_GRID = (4.0, 8.0, 16.0, 32.0, 64.0)
CONFIDENCE_GRID = tuple(np.round(np.arange(0.0, 0.95, 0.05), 2))
# Another subject's choices are worse than the general ones ("share out the jobs" for
# drink-driving), so a wrong subject costs half a right one.
WRONG_COST = 0.5
TASK = Task("coach_topics", LABELS, None, lambda label: label)

Chooser = Callable[[str, str | None], str]


def read(path: Path) -> list[tuple[str, str]]:
    if "heldout" in path.name:
        raise SystemExit(f"{path} is evaluation-only; the subject model is never trained on it")
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    for row in rows:
        if row["topic"] not in LABELS:
            raise SystemExit(f"{path}: unknown subject {row['topic']!r}")
    return [(str(row["text"]), str(row["topic"])) for row in rows]


def examples() -> tuple[list[str], list[str], np.ndarray]:
    """Texts, labels, and whether each is scored (the word lists never saw it)."""
    found: dict[str, tuple[str, bool]] = {}
    for path in sorted(DATA.glob("topics_train_*.jsonl")):
        for text, label in read(path):
            found.setdefault(text, (label, True))
    for text, label in read(DATA / "topics_dev.jsonl"):
        found.setdefault(text, (label, False))
    texts = list(found)
    return texts, [found[t][0] for t in texts], np.array([found[t][1] for t in texts])


def one_hot(labels: list[str]) -> np.ndarray:
    return np.array([[1 if label == name else 0 for name in LABELS] for label in labels])


def cross_validated(texts: list[str], labels: list[str], c: float) -> np.ndarray:
    out = np.zeros((len(texts), len(LABELS)))
    y = one_hot(labels)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    for train, test in folds.split(texts, labels):
        vectorizer, models = fit(
            [texts[i] for i in train], y[train], np.ones(len(train)), c, FEATURE_SET
        )
        out[test] = predict(vectorizer, models, [texts[i] for i in test])
    return out


def rules_only(text: str, _: str | None) -> str:
    return topic_of(text).name


def telling_model_everyday(text: str, model: str | None) -> str:
    found = telling_topic(text)
    if found:
        return found.name
    if model:
        return model
    found = everyday_topic(text)
    return found.name if found else DEFAULT_TOPIC.name


def model_first(text: str, model: str | None) -> str:
    """The coach's own order: what it offers is what is scored."""
    return topic_of(text, model).name


def model_alone(_: str, model: str | None) -> str:
    return model or DEFAULT_TOPIC.name


CHOOSERS: dict[str, Chooser] = {
    "word lists alone": rules_only,
    "telling words, model, everyday words": telling_model_everyday,
    "model, then word lists (the coach's order)": model_first,
    "model alone, general when unsure": model_alone,
}


def score(
    chooser: Chooser, texts: list[str], labels: list[str], p: np.ndarray, confidence: float
) -> tuple[float, float, float]:
    """Shares that fit, fall back to the general choices, and offer another subject's."""
    fits = general = wrong = 0
    for text, label, row in zip(texts, labels, p, strict=True):
        best = int(np.argmax(row))
        model = LABELS[best] if row[best] >= confidence else None
        chosen = chooser(text, model)
        fits += chosen == label
        general += chosen != label and chosen == DEFAULT_TOPIC.name
        wrong += chosen != label and chosen != DEFAULT_TOPIC.name
    n = len(texts)
    return fits / n, general / n, wrong / n


def utility(shares: tuple[float, float, float]) -> float:
    return shares[0] - WRONG_COST * shares[2]


def main() -> None:
    texts, labels, scored = examples()
    print(f"{len(texts)} drafts, {int(scored.sum())} scored (the rest: topics_dev)")
    kept = [i for i in range(len(texts)) if scored[i]]
    scored_texts = [texts[i] for i in kept]
    scored_labels = [labels[i] for i in kept]
    best: tuple[float, float, float, str] | None = None
    for c in C_GRID:
        p = cross_validated(texts, labels, c)[kept]
        for name, chooser in CHOOSERS.items():
            grid = (1.01,) if chooser is rules_only else CONFIDENCE_GRID
            for confidence in grid:
                shares = score(chooser, scored_texts, scored_labels, p, confidence)
                if best is None or utility(shares) > best[0]:
                    best = (utility(shares), c, confidence, name)
        print(f"  C={c:g}: done", file=sys.stderr)
    assert best is not None
    _, c, confidence, _ = best
    p = cross_validated(texts, labels, c)[kept]
    print(f"\nOut of fold, C={c:g}, on {len(kept)} drafts the word lists never saw:")
    print(f"  {'':<58} {'fits':>6} {'general':>8} {'wrong':>6}")
    for name, chooser in CHOOSERS.items():
        grid = (1.01,) if chooser is rules_only else CONFIDENCE_GRID
        top = max(grid, key=lambda t: utility(score(chooser, scored_texts, scored_labels, p, t)))
        fits, general, wrong = score(chooser, scored_texts, scored_labels, p, top)
        at = "" if chooser is rules_only else f" (confident at {top:g})"
        print(f"  {name + at:<58} {fits:>6.3f} {general:>8.3f} {wrong:>6.3f}")
    print(f"\nBest overall: {best[3]}, confident at {confidence:g}, C={c:g}")
    order = "model, then word lists (the coach's order)"
    coach_confidence = max(
        CONFIDENCE_GRID,
        key=lambda t: utility(score(CHOOSERS[order], scored_texts, scored_labels, p, t)),
    )
    vectorizer, models = fit(texts, one_hot(labels), np.ones(len(texts)), c, FEATURE_SET)
    model = export(TASK, vectorizer, models, {"confident": float(coach_confidence)}, c, FEATURE_SET)
    write_model(model)
    print(f"shipped with the coach's order, confident at {coach_confidence:g}")


if __name__ == "__main__":
    main()
