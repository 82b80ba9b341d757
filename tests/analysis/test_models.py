"""The shipped model files: each loads, speaks the labels of findings.py, and is well formed.

Nothing here depends on what a retrained model has learnt, only on the file format the
training script writes and the analyser reads.
"""

from __future__ import annotations

import gzip
import json
from importlib import resources

import numpy as np
import pytest

from heartwise.analysis.analyzer import MODEL_NAMES
from heartwise.analysis.features import FEATURE_SETS
from heartwise.analysis.findings import CRISIS_KINDS, SIGNS, TRAPS
from heartwise.analysis.linear import LinearModel, load_model
from heartwise.domain.coach_lexicon import TOPICS_BY_NAME

EXPECTED_LABELS = {
    "traps": TRAPS,
    "signs": SIGNS,
    "blame": ("harsh",),
    "crisis_risk": ("risk",),
    "crisis_urgent": ("urgent",),
    "crisis_kinds": CRISIS_KINDS,
}


def shipped_files() -> set[str]:
    folder = resources.files("heartwise.analysis") / "models"
    return {p.name for p in folder.iterdir() if p.name.endswith(".json.gz")}


def test_the_package_ships_exactly_the_models_the_analyser_and_the_coach_read() -> None:
    assert set(MODEL_NAMES) == set(EXPECTED_LABELS)
    coach = ("coach_harsh", "coach_topics")
    assert shipped_files() == {f"{name}.json.gz" for name in (*MODEL_NAMES, *coach)}


def test_the_coach_model_reads_one_label_with_its_two_thresholds() -> None:
    model = load_model("coach_harsh")
    assert model.labels == ("harsh",)
    assert model.feature_set in FEATURE_SETS
    assert set(model.thresholds) == {"veto", "alone"}
    assert model.coefs.shape == (len(model.index), 1)


def test_the_subject_model_reads_the_coachs_subjects_with_one_threshold() -> None:
    model = load_model("coach_topics")
    assert set(model.labels) == set(TOPICS_BY_NAME)
    assert model.feature_set in FEATURE_SETS
    assert set(model.thresholds) == {"confident"}
    assert model.coefs.shape == (len(model.index), len(model.labels))


@pytest.fixture(scope="module", params=MODEL_NAMES)
def model(request: pytest.FixtureRequest) -> LinearModel:
    loaded: LinearModel = load_model(request.param)
    return loaded


def test_a_model_names_the_labels_of_findings_py(model: LinearModel) -> None:
    assert model.labels == EXPECTED_LABELS[model.name]
    assert len(model.intercepts) == len(model.labels)
    assert set(model.thresholds) == set(model.labels)
    assert model.feature_set in FEATURE_SETS


def test_every_threshold_lies_strictly_between_zero_and_one(model: LinearModel) -> None:
    for label, threshold in model.thresholds.items():
        assert isinstance(threshold, float), label
        assert 0.0 < threshold < 1.0, (model.name, label, threshold)


def test_every_feature_has_an_idf_and_one_weight_per_label(model: LinearModel) -> None:
    assert model.index, "an empty vocabulary"
    assert all(isinstance(feature, str) and feature for feature in model.index)
    assert sorted(model.index.values()) == list(range(len(model.index)))
    assert model.idf.shape == (len(model.index),)
    assert model.coefs.shape == (len(model.index), len(model.labels))
    assert np.isfinite(model.idf).all()
    assert np.isfinite(model.coefs).all()
    assert (model.idf > 0).all(), "every idf should be positive"
    assert np.isfinite(model.intercepts).all()


def test_the_file_is_gzipped_json_with_the_documented_keys(model: LinearModel) -> None:
    raw = (resources.files("heartwise.analysis") / "models" / f"{model.name}.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    assert {"labels", "vocabulary", "intercepts", "thresholds"} <= set(data)


@pytest.mark.parametrize(
    "text",
    ["", "You never listen.", "I checked his phone again", "Привет", "a " * 500],
)
def test_probabilities_are_defined_for_any_text(model: LinearModel, text: str) -> None:
    probabilities = model.probabilities(text)
    assert list(probabilities) == list(model.labels)
    assert all(0.0 <= p <= 1.0 for p in probabilities.values())
    assert model.probabilities(text) == probabilities


def test_a_text_with_no_known_word_gives_the_model_nothing_to_say(model: LinearModel) -> None:
    # The intercept is the training set's base rate, not evidence about this text.
    assert set(model.probabilities("Привет 我很想你").values()) == {0.0}
