"""Train heartwise's text-analysis models from the data the project owns.

Reproducible: the same data gives the same files. Run from the repository root with
the training extra installed (`make train`):

    .venv/bin/python training/train_analysis.py [MODEL ...]   # e.g. crisis_risk; default all

What it does, per task (traps, signs, blame, crisis):
1. reads `data/analysis/<task>.jsonl` (and later batches `<task>_<n>.jsonl`) and splits
   it by a hash of each text: one in five examples is held out and never seen here
   (`benchmarks/eval_analysis.py` reports on it);
2. for the blame task, adds the Stanford Politeness Corpus from `../shared/data/train/`
   (clearly impolite requests as harsh, clearly polite ones as gentle, at half weight),
   when it is present; for crisis risk and urgency, adds the other tasks' texts and the
   message coach's training drafts (`data/coach/train_*.jsonl`) as text without danger,
   at half weight;
3. fits TF-IDF (the features of `heartwise.analysis.features`) and one logistic
   regression per label, choosing the regularisation strength by 5-fold
   cross-validation on the training split;
4. from the same cross-validated predictions, combined with the word rules exactly as
   the analyser combines them, picks each label's threshold (best F1; for crisis, the
   lowest threshold, so the most recall, that keeps false alarms on texts without danger
   at 5% or fewer, 2% for urgent, counted without the coach's drafts);
5. writes `src/heartwise/analysis/models/<name>.json.gz`.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from heartwise.analysis import rules  # noqa: E402
from heartwise.analysis.features import FEATURE_SETS  # noqa: E402
from heartwise.analysis.findings import CRISIS_KINDS, SIGNS, TRAPS  # noqa: E402

DATA = ROOT / "data" / "analysis"
MODELS = ROOT / "src" / "heartwise" / "analysis" / "models"
POLITENESS = ROOT.parent / "shared" / "data" / "train" / "stanford_politeness"
C_GRID = (1.0, 4.0, 16.0)
SEED = 7


def is_held_out(text: str) -> bool:
    """One example in five, chosen by a hash of its text, so the split never changes."""
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % 5 == 0


def read_jsonl(name: str) -> list[dict[str, object]]:
    """Every example of a task: `<name>.jsonl` and any later batch `<name>_<n>.jsonl`."""
    rows = []
    for path in sorted(DATA.glob(f"{name}.jsonl")) + sorted(DATA.glob(f"{name}_*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return rows


@dataclass
class Dataset:
    texts: list[str]
    targets: np.ndarray  # examples x labels, 0/1
    weights: np.ndarray
    rule_strengths: np.ndarray  # examples x labels, what the rules alone say
    calibrating: np.ndarray  # examples, bool: counted when a threshold is chosen
    # examples, bool: a text without danger, where firing is a false alarm. A text of
    # concern is no false alarm for the urgent model, though it is not one of its targets.
    without_danger: np.ndarray


@dataclass(frozen=True)
class Task:
    name: str
    labels: tuple[str, ...]
    rule_task: str | None
    rule_label: Callable[[str], str | None]  # rule label -> this task's label
    # Crisis: the lowest threshold (so the most recall) whose cross-validated false-alarm
    # rate on texts without danger stays at or under this share, instead of the best F1.
    max_false_alarms: float | None = None
    # Balanced class weights centre every model on "no evidence = 50/50". For crisis risk
    # that flags any short, ordinary text; there the true base rate is the better prior.
    balanced: bool = True


def rule_matrix(task: Task, texts: Sequence[str]) -> np.ndarray:
    matrix = np.zeros((len(texts), len(task.labels)))
    if task.rule_task is None:
        return matrix
    index = {label: i for i, label in enumerate(task.labels)}
    for row, text in enumerate(texts):
        for hit in rules.find(task.rule_task, text):
            mapped = task.rule_label(hit.label)
            if mapped in index:
                col = index[mapped]
                matrix[row, col] = max(matrix[row, col], hit.strength)
    return matrix


def build(
    task: Task,
    examples: list[tuple[str, set[str], float]],
    learned_only: frozenset[str] = frozenset(),
    in_danger: frozenset[str] = frozenset(),
) -> Dataset:
    """The task's examples as arrays; those in ``learned_only`` teach the model but do
    not count when its threshold is chosen, and those ``in_danger`` are never counted as
    its false alarms."""
    texts = [text for text, _, _ in examples]
    calibrating = np.array([text not in learned_only for text in texts])
    without_danger = np.array([text not in in_danger for text in texts])
    if task.rule_task == "crisis":
        texts = [rules.mask_idioms(text) for text in texts]  # as the analyser reads them
    targets = np.array(
        [[1 if label in labels else 0 for label in task.labels] for _, labels, _ in examples]
    )
    weights = np.array([weight for _, _, weight in examples])
    return Dataset(texts, targets, weights, rule_matrix(task, texts), calibrating, without_danger)


def fit(
    texts: list[str],
    y: np.ndarray,
    w: np.ndarray,
    c: float,
    feature_set: str,
    balanced: bool = True,
) -> tuple[TfidfVectorizer, list[LogisticRegression]]:
    vectorizer = TfidfVectorizer(analyzer=FEATURE_SETS[feature_set], sublinear_tf=True, min_df=2)
    x = vectorizer.fit_transform(texts)
    models = []
    for col in range(y.shape[1]):
        model = LogisticRegression(
            C=c, class_weight="balanced" if balanced else None, max_iter=5000, solver="liblinear"
        )
        model.fit(x, y[:, col], sample_weight=w)
        models.append(model)
    return vectorizer, models


def predict(
    vectorizer: TfidfVectorizer, models: list[LogisticRegression], texts: list[str]
) -> np.ndarray:
    x = vectorizer.transform(texts)
    return np.column_stack([m.predict_proba(x)[:, 1] for m in models])


def cross_validated(data: Dataset, c: float, feature_set: str, balanced: bool = True) -> np.ndarray:
    """Out-of-fold model probabilities for every training example."""
    out = np.zeros(data.targets.shape)
    folds = KFold(n_splits=5, shuffle=True, random_state=SEED)
    texts = np.array(data.texts, dtype=object)
    for train, test in folds.split(texts):
        vectorizer, models = fit(
            list(texts[train]), data.targets[train], data.weights[train], c, feature_set, balanced
        )
        out[test] = predict(vectorizer, models, list(texts[test]))
    return out


def f1_at(y: np.ndarray, scores: np.ndarray, threshold: float) -> tuple[float, float]:
    predicted = scores >= threshold
    tp = float(np.sum(predicted & (y == 1)))
    fp = float(np.sum(predicted & (y == 0)))
    fn = float(np.sum(~predicted & (y == 1)))
    recall = tp / (tp + fn) if tp + fn else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, recall


def choose_threshold(
    y: np.ndarray,
    scores: np.ndarray,
    max_false_alarms: float | None,
    without_danger: np.ndarray | None = None,
) -> tuple[float, float]:
    """Best F1 (ties: nearest 0.5), or the lowest threshold whose false-alarm rate on
    the texts ``without_danger`` (default: every negative) stays within
    ``max_false_alarms``; returns the threshold and its F1."""
    candidates = np.round(np.arange(0.02, 0.96, 0.01), 2)
    if max_false_alarms is not None:
        quiet = y == 0 if without_danger is None else (y == 0) & without_danger
        negatives = scores[quiet]
        within = [t for t in candidates if float(np.mean(negatives >= t)) <= max_false_alarms]
        best = min(within) if within else float(candidates[-1])
        return float(best), f1_at(y, scores, best)[0]
    best = max(candidates, key=lambda t: (f1_at(y, scores, t)[0], -abs(t - 0.5)))
    return float(best), f1_at(y, scores, best)[0]


def train_task(task: Task, data: Dataset) -> dict[str, object]:
    """Pick the feature set and C by cross-validated macro-F1, then fit on all training data."""
    results = {}
    for feature_set in FEATURE_SETS:
        for c in C_GRID:
            probabilities = cross_validated(data, c, feature_set, task.balanced)
            combined = noisy_or_matrix(data.rule_strengths, probabilities)
            counted = data.calibrating
            chosen = [
                choose_threshold(
                    data.targets[counted, i],
                    combined[counted, i],
                    task.max_false_alarms,
                    data.without_danger[counted],
                )
                for i in range(len(task.labels))
            ]
            macro = float(np.mean([f1 for _, f1 in chosen]))
            results[(feature_set, c)] = (macro, chosen)
            print(
                f"  {task.name}: {feature_set:<11} C={c:<4} cross-validated macro-F1 {macro:.3f}",
                file=sys.stderr,
            )
    best = max(results, key=lambda key: (results[key][0], -key[1]))
    feature_set, c = best
    _, chosen = results[best]
    vectorizer, models = fit(data.texts, data.targets, data.weights, c, feature_set, task.balanced)
    thresholds = {label: t for label, (t, _) in zip(task.labels, chosen, strict=True)}
    return export(task, vectorizer, models, thresholds, c, feature_set)


def noisy_or_matrix(rule_strengths: np.ndarray, probabilities: np.ndarray) -> np.ndarray:
    return 1.0 - (1.0 - rule_strengths) * (1.0 - probabilities)


def export(
    task: Task,
    vectorizer: TfidfVectorizer,
    models: list[LogisticRegression],
    thresholds: dict[str, float],
    c: float,
    feature_set: str,
) -> dict[str, object]:
    vocabulary = {}
    idf = vectorizer.idf_
    for term, column in sorted(vectorizer.vocabulary_.items()):
        coefs = [round(float(m.coef_[0, column]), 4) for m in models]
        if any(abs(value) >= 1e-4 for value in coefs):
            vocabulary[term] = [round(float(idf[column]), 4), *coefs]
    return {
        "name": task.name,
        "labels": list(task.labels),
        "vocabulary": vocabulary,
        "intercepts": [round(float(m.intercept_[0]), 4) for m in models],
        "thresholds": thresholds,
        "feature_set": feature_set,
        "training": {"C": c, "tfidf": "sublinear tf, l2, min_df 2", "model": "logistic, balanced"},
    }


def write_model(model: dict[str, object]) -> None:
    MODELS.mkdir(parents=True, exist_ok=True)
    path = MODELS / f"{model['name']}.json.gz"
    raw = json.dumps(model, sort_keys=True, separators=(",", ":")).encode()
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size / 1024:.0f} KiB)", file=sys.stderr)


# -- the tasks -----------------------------------------------------------------------------


def training_examples(
    name: str,
    labels_of: Callable[[dict[str, object]], set[str]],
    keep: Callable[[dict[str, object]], bool] = lambda _: True,
) -> list[tuple[str, set[str], float]]:
    return [
        (str(row["text"]), labels_of(row), 1.0)
        for row in read_jsonl(name)
        if not is_held_out(str(row["text"])) and keep(row)
    ]


def politeness_examples() -> list[tuple[str, set[str], float]]:
    if not POLITENESS.is_dir():
        print(
            "  (Stanford Politeness Corpus not found; training blame without it)", file=sys.stderr
        )
        return []
    examples = []
    for name in ("wikipedia.annotated.csv", "stack-exchange.annotated.csv"):
        with (POLITENESS / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                score = float(row["Normalized Score"])
                if score <= -1.0:
                    examples.append((row["Request"], {"harsh"}, 0.5))
                elif score >= 1.0:
                    examples.append((row["Request"], set(), 0.5))
    return examples


def everyday_negatives() -> list[tuple[str, set[str], float]]:
    """Relationship writing from the other sets, as examples of text without danger.

    Worry, jealousy and blame are everyday; they are not a crisis. Half weight, because
    they were not written as crisis negatives."""
    return [
        (text, set(), 0.5)
        for name in ("traps", "signs", "blame")
        for text, _, _ in training_examples(name, lambda _: set())
    ]


def partner_messages() -> list[str]:
    """The message coach's training drafts to a partner (never its held-out sets), as
    text without danger: harsh or kind, they are everyday, and without them an angry
    "don't bother coming home tonight" read as a crisis."""
    texts = []
    for path in sorted((ROOT / "data" / "coach").glob("train_*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts.extend(str(json.loads(line)["text"]) for line in handle if line.strip())
    return texts


def same(label: str) -> str:
    return label


def crisis_kind(label: str) -> str:
    return label.split("/")[0]


def any_crisis(label: str) -> str:
    return "risk"


def urgent_only(label: str) -> str | None:
    return "urgent" if label.endswith("/urgent") else None


def any_marker(label: str) -> str:
    return "harsh"


def main() -> None:
    def listed(key: str) -> Callable[[dict[str, object]], set[str]]:
        return lambda row: set(row[key])  # type: ignore[arg-type]

    def risky(row: dict[str, object]) -> bool:
        return row["level"] != "none"

    # Messages to a partner teach the crisis models what an angry text is, but the
    # thresholds keep being chosen on the crisis data and journal writing, as before:
    # thousands of easy negatives would let a threshold drop until hard ones fired.
    partner = partner_messages()
    # The urgent model's false alarms are counted on texts without danger only: reading
    # a text of concern as urgent shows crisis help to someone who is in danger.
    in_danger = frozenset(str(row["text"]) for row in read_jsonl("crisis") if risky(row))
    everyday = everyday_negatives() + [(text, set(), 0.5) for text in partner]
    plans = [
        (Task("traps", TRAPS, "traps", same), training_examples("traps", listed("traps"))),
        (Task("signs", SIGNS, "signs", same), training_examples("signs", listed("signs"))),
        (
            Task("blame", ("harsh",), "blame", any_marker),
            training_examples("blame", lambda r: {"harsh"} if r["harsh"] else set())
            + politeness_examples(),
        ),
        (
            Task(
                "crisis_risk",
                ("risk",),
                "crisis",
                any_crisis,
                max_false_alarms=0.05,
                balanced=False,
            ),
            training_examples("crisis", lambda r: {"risk"} if risky(r) else set()) + everyday,
        ),
        (
            Task(
                "crisis_urgent",
                ("urgent",),
                "crisis",
                urgent_only,
                max_false_alarms=0.02,
                balanced=False,
            ),
            training_examples("crisis", lambda r: {"urgent"} if r["level"] == "urgent" else set())
            + everyday,
        ),
        (
            Task("crisis_kinds", CRISIS_KINDS, "crisis", crisis_kind),
            training_examples("crisis", listed("kinds"), risky),
        ),
    ]
    only = set(sys.argv[1:])  # names of models to retrain; none means all
    for task, examples in plans:
        if only and task.name not in only:
            continue
        print(f"training {task.name} on {len(examples)} examples", file=sys.stderr)
        crisis = task.name.startswith("crisis")
        learned_only = frozenset(partner) if crisis else frozenset()
        write_model(
            train_task(
                task, build(task, examples, learned_only, in_danger if crisis else frozenset())
            )
        )


if __name__ == "__main__":
    main()
