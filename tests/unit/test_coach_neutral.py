"""A rewrite's situation said as a plain observation (round 5 of the coach's rules).

Every draft here is written for these tests; none comes from ``data/coach/``.
"""

from __future__ import annotations

import re

import pytest

from heartwise.domain.coach_clauses import without_absolutes
from heartwise.domain.coach_neutral import MAX_SITUATION_WORDS, neutral
from heartwise.domain.coach_rewrite import plainer_versions, rewrite

HEAT = re.compile(
    r"\b(?:glued|absolutely|whole|solid|single|every \w+ (?:night|seconds|minutes)|"
    r"without (?:even )?asking|running)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("draft", "kept"),
    [
        ("You're absolutely glued to that quiz app every single night.", "quiz app"),
        ("You refresh the auction page every ten seconds when we're eating.", "auction page"),
        ("You lent the van to Marco without even asking me.", "lent the van"),
        ("You spent two solid hours on the kayak forum during my sister's visit.", "kayak"),
        ("You've skipped the pottery class for the fourth week running.", "pottery class"),
    ],
)
def test_the_situation_keeps_the_act_without_its_heat(draft: str, kept: str) -> None:
    done = rewrite(draft)
    said = " ".join(done.situation)
    assert kept in said
    assert not HEAT.search(said), said


def test_without_asking_becomes_what_did_not_happen_first() -> None:
    assert neutral("you sold the canoe without asking me") == (
        "you sold the canoe before we'd talked about it"
    )


def test_a_long_run_on_draft_gives_only_its_first_clauses() -> None:
    draft = (
        "I told you on Tuesday that the plumber was coming at nine and you said you'd be in, "
        "and then I get a call from him saying nobody answered, and the tap is still dripping "
        "all over the bathroom floor, and you were at the driving range the whole morning."
    )
    said = " ".join(rewrite(draft).situation)
    assert said
    assert len(said.split()) <= 2 * MAX_SITUATION_WORDS
    assert "driving range" not in said  # the last grievance of the list is not carried


def test_an_exasperated_opening_is_not_part_of_what_happened() -> None:
    said = neutral("I don't know why I bother telling you about the quiz, you scroll on")
    assert said == "you scroll on"


def test_plainer_versions_use_only_the_draft_s_words() -> None:
    draft = "You left the gate open on the allotment, and the hens got into the beans."
    done = rewrite(draft)
    words = set(re.findall(r"[a-z']+", draft.lower()))
    for version in plainer_versions(done, draft):
        taken = " ".join((*version.situation, version.topic or ""))
        assert set(re.findall(r"[a-z']+", taken.lower())) - {"about"} <= words


def test_the_plainest_version_offers_a_request_instead_of_the_draft_s_own() -> None:
    draft = "You scroll through TikTok all evening but can't give me ten minutes."
    done = rewrite(draft)
    assert done.request == "give me ten minutes"
    last = plainer_versions(done, draft)[-1]
    assert last.situation == done.situation[:1]
    assert last.request is None
    assert done.request not in last.request_choices
    assert last.request_choices  # offered ones to choose from, never none


def test_a_draft_without_its_own_request_has_no_version_that_swaps_one() -> None:
    draft = "You left the gate open on the allotment, and the hens got into the beans."
    done = rewrite(draft)
    assert done.request is None
    assert all(version.request is None for version in plainer_versions(done, draft))
    assert all(
        version.request_choices == done.request_choices for version in plainer_versions(done, draft)
    )


def test_the_service_proposes_a_rewrite_the_analyser_does_not_read_as_harsh() -> None:
    from heartwise.analysis import analyze
    from heartwise.services.coach import coach_message

    result = coach_message("You're glued to the snooker every single night, it's pathetic.")
    assert result.rewrite is not None
    assert not analyze(result.rewrite.filled()).blame.harsh


@pytest.mark.parametrize(
    ("clause", "plain"),
    [
        (
            "you were on your laptop the entire christening",
            "you were on your laptop during the christening",
        ),
        ("you sulked the whole drive to Leeds", "you sulked during the drive to Leeds"),
        ("you ruined the whole meal", "you ruined the meal"),
        ("you talked through the entire film", "you talked through the film"),
    ],
)
def test_an_event_without_its_size_is_when_it_happened(clause: str, plain: str) -> None:
    assert neutral(clause) == plain


# A run-on clause with no comma or "and" in reach is cut before a phrase, not mid-way:
# these ended "…while I was", "…because you said you'd meet me" and "…golf net in".
@pytest.mark.parametrize(
    ("clause", "plain"),
    [
        (
            "you let the twins watch a horror film on the big telly after midnight while I was "
            "working a night shift",
            "you let the twins watch a horror film on the big telly after midnight",
        ),
        (
            "I stood at the ferry terminal in the wind for forty minutes because you said you'd "
            "meet me at the barrier",
            "I stood at the ferry terminal in the wind for forty minutes",
        ),
        (
            "I got back from the conference to find the greenhouse glass smashed by your new "
            "golf net in the garden",
            "I got back from the conference to find the greenhouse glass smashed by your new "
            "golf net",
        ),
    ],
)
def test_a_long_clause_is_cut_before_a_phrase(clause: str, plain: str) -> None:
    assert neutral(clause) == plain


def test_a_cut_never_ends_on_a_word_that_needs_more() -> None:
    clause = (
        "you rang your brother at midnight on the landline from our bedroom with the baby "
        "asleep in the cot next to us"
    )
    kept = neutral(clause)

    assert kept is not None
    assert kept.split()[-1] not in {"with", "the", "in", "to", "on", "from"}
    assert len(kept.split()) <= MAX_SITUATION_WORDS


def test_a_likeness_alone_leaves_no_situation() -> None:
    assert neutral("you look like a total wally in that hat") is None
    assert neutral("you cook once a month then wonder why I feel like a maid") == (
        "you cook once a month"
    )


# "Every time X, Y" is read as "X and Y", the second clause starting at its own subject.
@pytest.mark.parametrize(
    ("clause", "plain"),
    [
        (
            "every time you hum at dinner I lose my appetite",
            "you hum at dinner and I lose my appetite",
        ),
        (
            "when he needs a loan, a lift or a bed, you say yes",
            "he needs a loan, a lift or a bed and you say yes",
        ),
    ],
)
def test_every_time_reads_as_one_thing_and_then_another(clause: str, plain: str) -> None:
    assert without_absolutes(clause) == plain


@pytest.mark.parametrize(
    "clause",
    ["every time I need you your phone is off", "every time you tell me I am wrong you smirk"],
)
def test_an_object_or_what_was_said_opens_no_second_clause(clause: str) -> None:
    assert " and " not in (without_absolutes(clause) or "")


def test_every_time_said_first_is_no_setting() -> None:
    proposed = rewrite("Every time we go to the lake you bring up your ex.")

    assert proposed.situation == ("we go to the lake and you bring up your ex",)


def test_a_clause_cut_too_short_is_cut_at_a_phrase_instead() -> None:
    clause = (
        "we go out and you end up chatting to some lad at the bar while I'm stood there "
        "holding your jacket"
    )
    assert neutral(clause) == "we go out and you end up chatting to some lad at the bar"
