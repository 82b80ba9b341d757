"""The message coach as a use case: read a draft, mark the blame, propose a rewrite.

Nothing is stored: a draft to a partner is read and forgotten. The analyser is imported
on first use, so commands that never coach never load its models.
"""

from __future__ import annotations

from dataclasses import replace

from heartwise.domain.coach import Coaching, check_draft, coach
from heartwise.domain.coach_clauses import without_markup
from heartwise.domain.coach_rewrite import Rewrite, plainer_versions
from heartwise.errors import InvalidInput


def coach_message(text: object) -> Coaching:
    """What the coach says about ``text``: whether it may land as blame, how strongly
    (0 to 1), each harsh part with a one-line explanation, and a gentler rewrite when
    the draft is harsh. Empty or over-long drafts raise ``InvalidInput``; emoji, other
    scripts and HTML are read as plain text and come back with a result."""
    draft = check_draft(text)
    from heartwise.analysis import analyze, draft_lean, draft_subject

    findings = analyze(draft)
    blame = findings.blame
    markers = [(marker.kind, marker.span) for marker in blame.markers]
    # Markup is no words of the message: "<b>listen</b>" reads as "listen" to the models too.
    words = without_markup(draft)
    result = coach(
        draft,
        harsh=blame.harsh,
        score=blame.score,
        markers=markers,
        lean=draft_lean(words),
        subject=draft_subject(words),
    )
    if findings.crisis.level != "none":
        # Someone writing this may be in danger; polishing the wording is not the help
        # they need first. The faces show crisis resources for ``crisis``.
        return replace(result, rewrite=None, note=CRISIS_NOTE, crisis=findings.crisis.level)
    if result.rewrite is not None:
        result = replace(result, rewrite=_read_as_kind(result.rewrite, draft))
    return result


def _read_as_kind(rewrite: Rewrite, draft: str) -> Rewrite:
    """The rewrite, or a plainer version of it when the analyser would still read the
    rewrite as blame: a suggestion that lands as harsh as the draft does not help. When
    every version still reads as harsh, the fullest one is kept."""
    from heartwise.analysis import analyze

    for version in (rewrite, *plainer_versions(rewrite, draft)):
        if not analyze(version.filled()).blame.harsh:
            return version
    return rewrite


CRISIS_NOTE = (
    "Some of what you wrote sounds like you may be going through something very painful. "
    "The wording can wait: please reach out to someone who can help you right now."
)


def filled_rewrite(
    result: Coaching, feeling: str | None = None, request: str | None = None
) -> str | None:
    """The rewrite with the person's choices for what the draft left open (the first of
    each by default); None when there is no rewrite. A choice for a part the draft already
    says is not needed and is let go; one that was not offered raises ``InvalidInput``."""
    rewrite = result.rewrite
    if rewrite is None:
        return None
    return rewrite.filled(
        _offered(feeling, rewrite.feeling_choices, "feeling") if rewrite.needs_feeling else None,
        _offered(request, rewrite.request_choices, "request") if rewrite.needs_request else None,
    )


def _offered(choice: str | None, options: tuple[str, ...], field: str) -> str | None:
    if choice is None or not choice.strip():
        return None
    wanted = " ".join(choice.split()).lower()
    for option in options:
        if option.lower() == wanted:
            return option
    raise InvalidInput(
        f"Please choose the {field} from those offered: {' / '.join(options)}. "
        "You can also edit the rewrite in your own words.",
        field=field,
    )
