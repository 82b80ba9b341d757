"""The coach in voices its first rules had not met: British and Australian English,
one-line verdicts, name-calling meant as teasing, shouted good news, bare logistics.

Every draft here is written for these tests; none comes from ``data/coach/``. The
coach is called with the analyser's reading given, so each case tests the coach's own
rules: a harsh draft is judged harsh even when the analyser's score is low, and a
gentle one is left alone even when the analyser's score leans harsh.
"""

from __future__ import annotations

import re

import pytest

from heartwise.domain.coach import coach
from heartwise.domain.coach_rewrite import rewrite

INSULT = re.compile(r"\b(?:bothered|arsed|lunatic|petty|daft|sod|prat|bank|taxi)\b", re.I)


def judged_harsh(draft: str, *, analyser_harsh: bool) -> bool:
    score = 0.6 if analyser_harsh else 0.2
    return coach(draft, harsh=analyser_harsh, score=score, markers=[]).harsh


@pytest.mark.parametrize(
    "draft",
    [
        "I'm not a taxi service, you know.",
        "Cheers for forgetting the bread.",
        "Booked it for the wrong weekend. So on brand.",
        "The plants died because you couldn't be bothered to water them.",
        "You must think I'm daft.",
        "Please stop being so petty about the remote.",
        "I'm sick of cleaning up after you.",
        "You drive like a lunatic.",
        "Forgot the bread, so yeah, thanks for that.",
        "You said you'd call. Oh wait.",
        "You've been a right sod all evening.",
    ],
)
def test_blame_in_new_voices_is_recognised_whatever_the_analyser_scored(draft: str) -> None:
    assert judged_harsh(draft, analyser_harsh=False)


@pytest.mark.parametrize(
    "draft",
    [
        "Great weekend. You were at the office both days.",
        "Forgot to call, didn't text. Anything else?",
        "Dishes, bins, hoovering. How many did you do? None.",
    ],
)
def test_a_weak_verdict_counts_when_the_analyser_agrees(draft: str) -> None:
    assert judged_harsh(draft, analyser_harsh=True)
    assert not judged_harsh(draft, analyser_harsh=False)


@pytest.mark.parametrize(
    "draft",
    [
        "Paid the gas bill this morning.",
        "Dinner moved to Friday 8pm.",
        "WE PASSED!!!",
        "GOOD LUCK TODAY!!!",
        "ok see you at 6",
        "You absolute numpty, you left your keys in the door ❤️",
        "Every single time you sing in the shower my heart melts.",
        "You've never once forgotten to feed the cat, it's adorable.",
        "Does this week feel like it's lasting forever?",
    ],
)
def test_gentle_hard_cases_are_left_alone_even_when_the_analyser_leans_harsh(draft: str) -> None:
    assert not judged_harsh(draft, analyser_harsh=True)


@pytest.mark.parametrize(
    "draft",
    [
        "Thanks for nothing ❤️",  # a heart does not soften sarcasm
        "She's in your phone as 'Lou 💕'. Interesting.",  # the heart in quotes is not the writer's
        "You're such a numpty. Grow up x",  # teasing stops at "grow up"
        "I TOLD YOU TWICE",  # shouting at the partner still counts
        "You went out and left the door open?!",
    ],
)
def test_affection_quotes_and_shouting_do_not_hide_blame(draft: str) -> None:
    assert judged_harsh(draft, analyser_harsh=True)


def test_the_reason_claimed_for_an_act_goes_and_what_happened_stays() -> None:
    proposed = rewrite("The plants died because you couldn't be bothered to water them.")

    assert proposed.situation == ("the plants died",)
    assert not INSULT.search(proposed.filled())


def test_a_role_the_writer_refuses_is_never_the_subject_of_the_rewrite() -> None:
    proposed = rewrite("I'm not a taxi service, you know.")

    assert proposed.topic is None
    assert not INSULT.search(proposed.filled())


def test_an_order_to_drop_a_trait_keeps_what_it_was_about() -> None:
    proposed = rewrite("Please stop being so petty about the remote.")

    assert proposed.topic == "about the remote"
    assert not INSULT.search(proposed.filled())


def test_everything_that_is_said_as_what_so_no_absolute_is_left() -> None:
    proposed = rewrite("Of course you forgot. You forget everything that matters to me.")

    assert any("what matters to me" in part for part in proposed.situation)
    assert "everything" not in proposed.filled()


@pytest.mark.parametrize(
    "draft",
    [
        "Sure, the quiz team gets a shout-out and I get nothing. Love that for me.",
        "Could you be any more dismissive about my dentist fears?",
        "You forgot the kayak deposit and then had the cheek to ask me for money.",
        "Oh don't worry about me, I'll wait at the depot till midnight.",
        "Sorry, did I interrupt your snooker marathon to mention the boiler?",
        "Thanks for standing up for me at the reunion. Really felt the love.",
    ],
)
def test_sarcasm_and_passive_aggression_in_open_shapes_are_blame(draft: str) -> None:
    assert judged_harsh(draft, analyser_harsh=False)


@pytest.mark.parametrize(
    "draft",
    [
        "You always know exactly how to cheer me up after a long shift.",
        "You never once complained about the early ferry. Thank you.",
        "Every time I smell cinnamon I think of you.",
        "You tell the worst jokes at the pub quiz and I wouldn't change a thing.",
        "HE PASSED HIS DRIVING TEST!!!",
    ],
)
def test_praise_memories_and_news_with_absolutes_or_shouting_are_left_alone(draft: str) -> None:
    assert not judged_harsh(draft, analyser_harsh=True)
