"""What the coach's offered feelings and requests are about (``coach_lexicon.topic_of``).

The drafts below are written for these tests; none comes from ``data/coach/``.
"""

from __future__ import annotations

import pytest

from heartwise.analysis import analyze, draft_subject
from heartwise.analysis.subjects import default_subject_model
from heartwise.domain.coach import coach
from heartwise.domain.coach_lexicon import DEFAULT_TOPIC, TOPICS, TOPICS_BY_NAME, topic_of
from heartwise.domain.coach_rewrite import rewrite
from heartwise.domain.feelings import FEELINGS
from heartwise.services.coach import coach_message

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
        ("You swore blind you'd paid the electric.", "honesty"),
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


def test_swearing_at_someone_is_no_oath_and_front_and_back_no_audience() -> None:
    assert topic_of("Don't swear at me when my friends are round.").name != "honesty"
    assert topic_of("Front and back of the car both scratched now.").name != "respect"


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


def test_the_subject_model_outranks_the_word_lists() -> None:
    assert topic_of("You lied about the rent money.", subject="money").name == "money"
    assert topic_of("You lied about the rent money.").name == "honesty"
    assert topic_of("Late again.", subject="closeness").name == "closeness"
    assert topic_of("Late again.").name == "plans"


def test_a_subject_the_coach_does_not_know_is_ignored() -> None:
    assert topic_of("Late again.", subject="weather").name == "plans"


def test_the_coach_offers_the_choices_of_the_subject_it_was_given() -> None:
    draft = "Found the second phone in the glovebox. Don't bother explaining."
    family = next(topic for topic in TOPICS if topic.name == "family")
    result = coach(draft, harsh=True, score=0.9, markers=[], subject="family")

    assert result.rewrite is not None
    assert result.rewrite.request_choices == family.requests


def test_the_subject_model_knows_exactly_the_coachs_subjects() -> None:
    # A subject added to TOPICS needs the model retrained (train_coach_topics.py).
    model = default_subject_model().model

    assert set(model.labels) == {topic.name for topic in ALL_TOPICS}
    assert 0.0 <= model.thresholds["confident"] < 1.0


@pytest.mark.parametrize(
    ("draft", "subject"),
    [
        ("Maxed out the joint credit card on trainers, and the rent's due Friday.", "money"),
        ("Your mother has moved our furniture around again and you won't say a word.", "family"),
    ],
)
def test_a_plain_draft_is_offered_its_subjects_choices(draft: str, subject: str) -> None:
    # The model may be unsure (None), but it must not pull a plain draft elsewhere.
    assert draft_subject(draft) in (subject, None)
    proposed = coach_message(draft).rewrite
    assert proposed is not None
    # The draft's own request, when it makes one, is offered first.
    assert proposed.request_choices[-2:] == TOPICS_BY_NAME[subject].requests
