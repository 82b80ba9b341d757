"""Communication and expectations at the terminal: coach, ifeel, plan, expect, affection.

Interactive paths run with ``at_terminal`` answering yes and ``input=`` typing the
answers. "Nothing stored" is checked through the services after each refusal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from heartwise.config import Settings
from heartwise.services.affection import AffectionProfiles
from heartwise.services.coach_log import ConversationPlans, Expectations, IFeelStatements
from heartwise.services.workspace import open_local_workspace

HARSH = "Why do you always ignore me? You are so selfish."
IFEEL = [
    "ifeel",
    "--feeling",
    "lonely",
    "--situation",
    "you stayed at the office until nine on Tuesday",
    "--need",
    "time together",
    "--request",
    "eat with me on Thursdays",
]
Stored = dict[str, Any]


def said(text: str) -> str:
    return " ".join(text.split())


def ok(result: Any) -> str:
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    out: str = result.stdout
    return out


def refused(result: Any, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert "Something unexpected" not in result.output
    message: str = said(result.stderr)
    return message


@pytest.fixture(autouse=True)
def frozen(clock: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr("heartwise.cli.main.system_clock", clock)
    return clock


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A person at a terminal: questions are asked, answers come from ``input=``."""
    monkeypatch.setattr("heartwise.cli.growth_asking.at_terminal", lambda: True)


@pytest.fixture
def stored(settings: Settings) -> Callable[[], Stored]:
    """Everything the four tools keep, read through the services."""

    def read() -> Stored:
        with open_local_workspace(settings) as ws:
            profile = AffectionProfiles(ws).get()
            logs = (IFeelStatements(ws), ConversationPlans(ws), Expectations(ws))
            found: Stored = {log.kind: [r.to_dict() for r in log.list()] for log in logs}
            found["affection"] = None if profile is None else profile.to_dict()
            return found

    return read


EMPTY = {"ifeel": [], "conversation": [], "expectation": [], "affection": None}


# -- coach -----------------------------------------------------------------------------------


def test_coach_marks_each_part_explains_it_and_offers_a_rewrite(cli, stored) -> None:
    out = ok(cli("coach", HARSH))

    assert "• “Why do you always ignore me?”" in out
    assert "• “You are so selfish”" in out
    assert "names a flaw in who they are" in said(out)
    assert "A gentler way to say it:" in out
    assert "I feel [hurt / sad / worried] when you ignore me." in out
    assert "How do you feel?\n  1. hurt\n  2. sad\n  3. worried\n" in out
    assert "Choose with --feeling N and --request N" in out
    assert stored() == EMPTY


def test_coach_json_is_exactly_the_promised_shape(cli) -> None:
    result = cli("coach", HARSH, "--json")

    lines = ok(result).splitlines()
    assert len(lines) == 1
    body = json.loads(lines[0])
    assert list(body) == ["harsh", "score", "marks", "rewrite"]
    assert body["harsh"] is True
    assert isinstance(body["score"], float)
    assert 0 <= body["score"] <= 1
    assert isinstance(body["rewrite"], str)
    for mark in body["marks"]:
        assert list(mark) == ["kind", "span", "explanation"]
        start, end = mark["span"]
        assert 0 <= start < end <= len(HARSH)
        assert isinstance(mark["explanation"], str)


def test_coach_json_of_a_gentle_message_has_no_rewrite(cli) -> None:
    body = json.loads(ok(cli("coach", "Thanks for dinner, love you", "--json")))

    assert body == {"harsh": False, "score": body["score"], "marks": [], "rewrite": None}
    assert body["score"] < 0.5


def test_coach_reads_standard_input_with_a_dash_or_nothing(cli) -> None:
    from_argument = ok(cli("coach", HARSH, "--json"))
    from_dash = ok(cli("coach", "-", "--json", input=HARSH + "\n"))
    from_nothing = ok(cli("coach", "--json", input=HARSH))

    assert from_dash == from_nothing == from_argument


def test_choices_can_be_given_by_number(cli) -> None:
    out = ok(cli("coach", HARSH, "--feeling", "2", "--request", "1"))

    assert "Your message, to send as it is or edit:" in out
    assert (
        "I feel sad when you ignore me. Would you be willing to talk about this with me "
        "when you have a moment?"
    ) in out


def test_at_a_terminal_the_choices_are_asked_and_a_wrong_one_asked_again(
    cli, terminal: None
) -> None:
    result = cli("coach", HARSH, input="7\n3\n\n")

    out = ok(result)
    assert "Please choose a number from 1 to 3, or type your own words." in said(result.stderr)
    assert "I feel worried when you ignore me. Would you be willing to talk about" in out


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["coach", ""], None, "There is no message to read yet"),
        (["coach", "-"], "   \n", "There is no message to read yet"),
        (["coach", "-"], "You never listen. " * 5_600, "up to 10,000 characters"),
        (["coach", "bad \udcff bytes"], None, "not valid Unicode"),
        (["coach", HARSH, "--feeling", "9"], None, "a number from 1 to 3"),
        (["coach", HARSH, "--feeling", "furious"], None, "from those offered"),
    ],
    ids=["empty", "blank-stdin", "100k", "surrogate", "choice-number", "choice-word"],
)
def test_coach_refuses_plainly_with_exit_code_2_and_stores_nothing(
    cli, stored, args: list[str], stdin: str | None, message: str
) -> None:
    assert message in refused(cli(*args, input=stdin))
    assert stored() == EMPTY


@pytest.mark.parametrize(
    ("text", "note"),
    [("😡😡💔", "no words here"), ("Ты никогда мне не звонишь", "reads English")],
    ids=["emoji", "cyrillic"],
)
def test_coach_says_gently_what_it_cannot_read(cli, text: str, note: str) -> None:
    out = ok(cli("coach", text))

    assert note in out
    assert "gentler" not in out
    assert json.loads(ok(cli("coach", text, "--json")))["rewrite"] is None


def test_html_in_a_draft_is_read_as_words(cli) -> None:
    html = "<script>alert(1)</script> You never <b>listen</b> &amp; whatever"
    body = json.loads(ok(cli("coach", html, "--json")))

    assert body["harsh"] is True
    assert "<" not in body["rewrite"]


def test_coach_puts_help_first_when_the_draft_sounds_like_danger(cli) -> None:
    out = ok(cli("coach", "You never listen and I want to kill myself tonight"))

    assert "--- You are not alone ---" in out
    assert "please reach out" in out
    assert "A gentler way to say it" not in out


# -- ifeel -----------------------------------------------------------------------------------


def test_ifeel_with_every_option_saves_the_first_phrasing(cli, stored) -> None:
    out = ok(cli(*IFEEL))

    (statement,) = stored()["ifeel"]
    assert statement["text"] == (
        "I feel lonely when you stayed at the office until nine on Tuesday, because I need "
        "time together. Would you be willing to eat with me on Thursdays?"
    )
    assert out.startswith("Saved “I feel” draft #1:\n    I feel lonely when")
    assert "heartwise ifeel --outcome 1 sent|unsent" in out
    assert "Worth a second look" not in out


def test_ifeel_json_is_the_stored_record_and_a_phrasing_can_be_chosen(cli, stored) -> None:
    body = json.loads(ok(cli(*IFEEL, "--phrasing", "2", "--json")))

    assert body == stored()["ifeel"][0]
    assert body["text"].startswith("When you stayed at the office until nine on Tuesday, I feel")


def test_ifeel_flags_what_may_work_against_being_heard(cli, stored) -> None:
    out = ok(
        cli(
            "ifeel",
            "-f",
            "ignored",
            "-s",
            "you always ignore me",
            "-r",
            "stop being distant",
            "--text",
            "My own words.",
        )
    )

    assert "Worth a second look (hints, not rules):" in out
    assert "! “ignored” This says what they did more than what you feel" in out
    assert "! “always” An absolute turns one moment into a rule" in out
    assert "! “stop” This asks them to stop something" in out
    assert stored()["ifeel"][0]["text"] == "My own words."


def test_a_guided_ifeel_asks_each_part_and_the_phrasing(cli, stored, terminal: None) -> None:
    answers = [
        "ignored",  # the feeling
        "you came home at ten without calling",
        "1",  # reassurance
        "call me when you will be late",
        "lonely",  # "ignored" is flagged: typed again
        "2",  # the second phrasing
    ]
    result = cli("ifeel", input="\n".join(answers) + "\n")

    out = ok(result)
    assert "  sad: sad, upset, lonely, hurt" in out
    assert "  1. reassurance" in out
    assert "About the feeling:" in out
    assert "Three ways to say it:" in out
    (statement,) = stored()["ifeel"]
    assert (statement["feeling"], statement["need"]) == ("lonely", "reassurance")
    assert statement["text"] == (
        "When you came home at ten without calling, I feel lonely. I need reassurance. "
        "Would you be willing to call me when you will be late?"
    )


def test_a_guided_ifeel_asks_again_for_a_refused_part(cli, stored, terminal: None) -> None:
    answers = ["42", "you left early", "", "", "sad", "", ""]
    result = cli("ifeel", input="\n".join(answers) + "\n")

    ok(result)
    assert "An emotion is named with letters" in said(result.stderr)
    assert stored()["ifeel"][0]["feeling"] == "sad"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["ifeel", "--feeling", "sad"], 2, "Please give --situation"),
        (["ifeel", "-f", "42", "-s", "you left"], 2, "An emotion is named with letters"),
        (["ifeel", "-f", "", "-s", "you left"], 2, "the feeling"),
        (["ifeel", "-f", "sad", "-s", "x" * 100_000], 2, "up to 10,000 characters"),
        ([*IFEEL, "--phrasing", "4"], 2, "phrasing 1 to 3"),
        ([*IFEEL, "--phrasing", "2", "--text", "mine"], 2, "either --text or --phrasing"),
        (["ifeel", "--outcome", "1", "sent", "--list"], 2, "one thing at a time"),
        (["ifeel", "--outcome", "99", "sent"], 3, "no ifeel #99"),
    ],
    ids=["missing", "number", "empty", "100k", "phrasing", "both", "two-things", "unknown"],
)
def test_ifeel_refuses_plainly_and_stores_nothing(
    cli, stored, args: list[str], code: int, message: str
) -> None:
    assert message in refused(cli(*args), code)
    assert stored() == EMPTY


def test_whether_it_was_sent_is_recorded_and_listed(cli, stored) -> None:
    ok(cli(*IFEEL))

    assert "Please say sent or unsent" in refused(cli("ifeel", "--outcome", "1", "maybe"))
    assert stored()["ifeel"][0]["outcome"] is None
    out = ok(cli("ifeel", "--outcome", "1", "sent", "--how", "We planned Thursdays"))
    assert out == "Noted: you sent “I feel” statement #1.\n"
    outcome = stored()["ifeel"][0]["outcome"]
    assert (outcome["sent"], outcome["how_it_went"]) == (True, "We planned Thursdays")
    assert ok(cli("ifeel", "--list")).startswith("#1  Fri 20 Nov  sent  I feel lonely when")
    assert json.loads(ok(cli("ifeel", "--list", "--json"))) == stored()["ifeel"]


# -- plan, expect, affection ------------------------------------------------------------------


def test_a_conversation_is_planned_and_afterwards_rated(cli, stored) -> None:
    out = ok(
        cli(
            "plan",
            "Weekends with his parents",
            "--hope",
            "A fair split",
            "--opening",
            "You never want to see my family",
        )
    )

    assert out.startswith("Saved conversation plan #1: Weekends with his parents\n")
    assert "! “never” An absolute turns one moment into a rule" in out
    assert "How it went is a whole number from 0" in refused(cli("plan", "--afterwards", "1", "11"))
    assert stored()["conversation"][0]["afterwards"] is None
    ok(cli("plan", "--afterwards", "1", "8", "--agreed", "One Sunday a month"))
    plan = stored()["conversation"][0]
    assert (plan["afterwards"]["rating"], plan["hope"]) == (8, "A fair split")
    assert "went 8/10  Weekends with his parents" in ok(cli("plan", "--list"))


def test_a_guided_plan_asks_for_each_part(cli, stored, terminal: None) -> None:
    ok(cli("plan", input="Money\nA budget we both like\n\nI feel anxious about bills\n\n"))

    (plan,) = stored()["conversation"]
    assert (plan["topic"], plan["hope"], plan["time_and_place"]) == (
        "Money",
        "A budget we both like",
        None,
    )


def test_an_expectation_is_checked_and_the_softer_wording_can_be_saved(cli, stored) -> None:
    checked = ok(cli("expect", "--check", "He must always answer within 10 minutes"))
    assert "! “within 10 minutes”" in checked
    assert "A softer way to put it: I'd like him to answer when he can, most of the time." in (
        checked
    )
    assert stored() == EMPTY

    ok(cli("expect", "He must always answer within 10 minutes", "--softer"))
    ok(cli("expect", "We cook together on Sundays"))
    texts = [e["text"] for e in stored()["expectation"]]
    assert "I'd like him to answer when he can, most of the time." in texts
    assert ok(cli("expect", "--status", "2", "agreed")) == "Marked expectation #2: agreed.\n"
    assert "open, discussed or agreed" in refused(cli("expect", "--status", "1", "done"))
    assert [e["status"] for e in stored()["expectation"]].count("agreed") == 1


def test_at_a_terminal_the_softer_wording_is_offered(cli, stored, terminal: None) -> None:
    ok(cli("expect", "She should text me every night", input="y\n"))

    assert stored()["expectation"][0]["text"] == "I'd like her to text me most nights."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["expect", ""], "Please write what you expect"),
        (["expect", "e" * 100_000], "up to 10,000 characters"),
        (["expect"], "Please give the expectation"),
        (["plan", ""], "Please write what you want to talk about"),
        (["plan"], "Please give the topic"),
        (["affection", "--mine", "gifts=11/2"], "whole number from 0"),
        (["affection", "--mine", "gifts"], "WAY=GIVING/RECEIVING"),
        (["affection", "--mine", "😀=2/2"], "named in words"),
        (["affection", "--mine", "gifts=2/2", "--clear"], "one thing at a time"),
    ],
)
def test_plans_expectations_and_ratings_refuse_plainly_and_store_nothing(
    cli, stored, args: list[str], message: str
) -> None:
    assert message in refused(cli(*args))
    assert stored() == EMPTY


def test_affection_is_rated_compared_and_cleared(cli, stored) -> None:
    out = ok(
        cli(
            "affection",
            "--mine",
            "kind_words=6/9",
            "--mine",
            "baking together=5/7",
            "--guess",
            "kind words=3/5",
        )
    )

    assert "Kind words              6            9              3                 5" in out
    assert "your guess, until they share their own" in out
    assert "• Kind words: you may long for more of this than your partner gives (a gap of 6)." in (
        out
    )
    ok(cli("affection", "--guess", "gifts=2/2"))
    profile = stored()["affection"]
    assert profile["mine"]["baking together"] == {"giving": 5, "receiving": 7}
    assert profile["guess"] == {"gifts": {"giving": 2, "receiving": 2}}
    shown = json.loads(ok(cli("affection", "--json")))
    assert shown["profile"] == profile
    assert shown["comparison"]["partner_source"] == "guess"
    assert ok(cli("affection", "--clear")) == "Your ratings are deleted.\n"
    assert stored() == EMPTY


def test_affection_rated_one_way_at_a_time(cli, stored, terminal: None) -> None:
    answers = [
        "cooking together",
        "",  # no more ways of my own
        "6 9",
        "12 3",  # refused, asked again
        "4 4",
        "",
        "",
        "",
        "5/7",  # cooking together
        "3 5",  # the guess: kind words
        "",
        "",
        "",
        "",
        "",
    ]
    result = cli("affection", "--rate", input="\n".join(answers) + "\n")

    ok(result)
    assert "whole number from 0" in said(result.stderr)
    profile = stored()["affection"]
    assert profile["mine"] == {
        "kind_words": {"giving": 6, "receiving": 9},
        "time_together": {"giving": 4, "receiving": 4},
        "cooking together": {"giving": 5, "receiving": 7},
    }
    assert profile["guess"] == {"kind_words": {"giving": 3, "receiving": 5}}


def test_every_new_command_has_help(cli) -> None:
    for command in ("coach", "ifeel", "plan", "expect", "affection"):
        out = ok(cli(command, "--help"))
        assert "--json" in out
