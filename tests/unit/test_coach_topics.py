"""What the coach's offered feelings and requests are about (``coach_lexicon.topic_of``).

The drafts below are written for these tests; none comes from ``data/coach/``.
"""

from __future__ import annotations

import pytest

from heartwise.analysis import analyze
from heartwise.domain.coach_lexicon import DEFAULT_TOPIC, TOPICS, topic_of
from heartwise.domain.coach_rewrite import rewrite
from heartwise.domain.feelings import FEELINGS

ALL_TOPICS = (*TOPICS, DEFAULT_TOPIC)


@pytest.mark.parametrize(
    ("draft", "subject"),
    [
        # A telling word says what the complaint is about beside another subject's words.
        ("Drove the three of us back from the barbecue after five beers.", "safety"),
        ("You let Ollie ride his bike to school with no helmet again.", "safety"),
        ("Paid the parking fine myself because you lied about where the car was.", "honesty"),
        ("So the watch was 'a gift from work'. Found the receipt.", "honesty"),
        ("You laughed at my accent in front of your boss.", "respect"),
        ("Great joke about my cooking at your sister's barbecue.", "respect"),
        ("Texting your ex about our holiday. Lovely.", "others"),
        # Everyday words, first match in the subjects' order.
        ("Date night and you spent it on your laptop.", "presence"),
        ("Your dad rearranged the whole garden and you just nodded.", "family"),
        ("Not one reply to six messages all afternoon.", "contact"),
        ("You were on Call of Duty while I scrubbed the bathroom.", "home"),
        ("The gutters are still full of leaves.", "home"),
        ("Another £60 on takeaways this week.", "money"),
        ("You cancelled Friday again.", "plans"),
        ("We're more like flatmates than a couple these days.", "closeness"),
        ("Unbelievable.", "other"),
    ],
)
def test_a_draft_is_offered_the_choices_of_what_it_is_about(draft: str, subject: str) -> None:
    assert topic_of(draft).name == subject


def test_the_rewrite_offers_its_subjects_feelings_and_requests() -> None:
    proposed = rewrite("Drove home from the pub after four pints with the baby in the back.")
    safety = next(topic for topic in TOPICS if topic.name == "safety")

    assert proposed.feeling_choices == safety.feelings
    assert proposed.request_choices == safety.requests


def test_every_offered_feeling_is_one_the_coach_knows() -> None:
    for topic in ALL_TOPICS:
        assert set(topic.feelings) <= set(FEELINGS), topic.name


def test_each_request_belongs_to_one_subject() -> None:
    # eval_coach.py tells which subject was offered by its requests.
    requests = [request for topic in ALL_TOPICS for request in topic.requests]
    assert len(requests) == len(set(requests))


@pytest.mark.parametrize("topic", ALL_TOPICS, ids=lambda topic: topic.name)
def test_every_offered_choice_reads_as_gentle(topic) -> None:
    for feeling in topic.feelings:
        for request in topic.requests:
            message = (
                f"I feel {feeling} when you came home late. Would you be willing to {request}?"
            )
            assert not analyze(message).blame.harsh, message
