"""The message coach as a use case: read a draft, mark the blame, propose a rewrite.

Nothing is stored: a draft to a partner is read and forgotten. The analyser is imported
on first use, so commands that never coach never load its models.
"""

from __future__ import annotations

from dataclasses import replace

from heartwise.domain.coach import Coaching, check_draft, coach


def coach_message(text: object) -> Coaching:
    """What the coach says about ``text``: whether it may land as blame, how strongly
    (0 to 1), each harsh part with a one-line explanation, and a gentler rewrite when
    the draft is harsh. Empty or over-long drafts raise ``InvalidInput``; emoji, other
    scripts and HTML are read as plain text and come back with a result."""
    draft = check_draft(text)
    from heartwise.analysis import analyze

    findings = analyze(draft)
    blame = findings.blame
    markers = [(marker.kind, marker.span) for marker in blame.markers]
    result = coach(draft, harsh=blame.harsh, score=blame.score, markers=markers)
    if findings.crisis.level != "none":
        # Someone writing this may be in danger; polishing the wording is not the help
        # they need first. The faces show crisis resources for ``crisis``.
        return replace(result, rewrite=None, note=CRISIS_NOTE, crisis=findings.crisis.level)
    return result


CRISIS_NOTE = (
    "Some of what you wrote sounds like you may be going through something very painful. "
    "The wording can wait: please reach out to someone who can help you right now."
)
