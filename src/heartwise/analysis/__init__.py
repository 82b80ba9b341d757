"""On-device text analysis: thinking traps, signs of insecurity, blaming language, crisis risk.

``analyze(text)`` is pure: the same text always gives the same findings, nothing leaves
the machine, and the small models are read from the package the first time they are
needed. See ``docs/analysis-model-card.md`` for the data, the method and the figures.
"""

from heartwise.analysis.findings import Blame, Crisis, Finding, Findings, Marker

__all__ = [
    "Blame",
    "Crisis",
    "Finding",
    "Findings",
    "Marker",
    "analyze",
    "draft_lean",
    "draft_subject",
]


def analyze(text: str) -> Findings:
    """What heartwise notices in ``text``: only the labels it asserts, each with its spans."""
    from heartwise.analysis.analyzer import default_analyzer

    return default_analyzer().analyze(text)


def draft_lean(text: str) -> str | None:
    """The coach model's confident reading of a draft to a partner: "harsh", "gentle", or
    None when it leaves the verdict to the coach's rules."""
    from heartwise.analysis.drafts import default_draft_model

    return default_draft_model().lean(text)


def draft_subject(text: str) -> str | None:
    """What the coach's subject model is confident a harsh draft is about (a name of
    ``coach_lexicon.TOPICS``, or "other"), or None when it leaves it to the word lists."""
    from heartwise.analysis.subjects import default_subject_model

    return default_subject_model().subject(text)
