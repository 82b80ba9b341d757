"""The self-awareness tools at the terminal: trigger, pause, think, predict, outcome, stats.

Interactive paths run with ``at_terminal`` answering yes and ``input=`` typing the
answers; the countdown is replaced where a test needs it to end at once or be stopped.
"""

from __future__ import annotations

import json
import logging
import secrets
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from heartwise.config import Settings
from heartwise.services import growth_stats
from heartwise.services.growth import RealityChecks, ThoughtRecords, Triggers, Urges
from heartwise.services.workspace import open_local_workspace

Records = dict[str, list[dict[str, object]]]


def said(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def records(settings: Settings) -> Callable[[], Records]:
    """Every record of the four tools, read through the services."""

    def read() -> Records:
        with open_local_workspace(settings) as ws:
            logs = (Triggers(ws), Urges(ws), ThoughtRecords(ws), RealityChecks(ws))
            return {log.kind: [record.to_dict() for record in log.list()] for log in logs}

    return read


@pytest.fixture(autouse=True)
def frozen(clock, monkeypatch: pytest.MonkeyPatch):
    """The CLI reads the test's clock: Fri 20 Nov 2026, 21:30 at UTC+1."""
    monkeypatch.setattr("heartwise.cli.main.system_clock", clock)
    return clock


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A person at a terminal: questions are asked, answers come from ``input=``."""
    monkeypatch.setattr("heartwise.cli.growth_asking.at_terminal", lambda: True)


@pytest.fixture
def countdown(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The countdown ends at once; the list notes each end time it was given."""
    calls: list[object] = []
    monkeypatch.setattr(
        "heartwise.cli.growth_pause.countdown", lambda cli, ends_at: calls.append(ends_at)
    )
    return calls


def ok(result) -> str:
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout


# -- trigger ---------------------------------------------------------------------------------

TRIGGER = ["trigger", "No reply all afternoon", "-c", "unanswered message", "-e", "Anxious"]


def test_a_trigger_with_every_option_is_saved(cli, records) -> None:
    out = ok(cli(*TRIGGER, "-i", "70", "--urge", "Text him again", "--did", "Went for a walk"))

    assert out == "Saved trigger #1: unanswered message, anxious 70.\n"
    (trigger,) = records()["trigger"]
    assert trigger == {
        "id": 1,
        "situation": "No reply all afternoon",
        "category": "unanswered message",
        "emotion": "anxious",
        "intensity": 70,
        "occurred_at": "2026-11-20T21:30:00+01:00",
        "urge": "Text him again",
        "what_i_did": "Went for a walk",
    }


def test_a_trigger_as_json_is_the_stored_record(cli, records) -> None:
    out = ok(cli(*TRIGGER, "--intensity", "55", "--at", "2026-11-19T08:15+01:00", "--json"))

    assert json.loads(out) == records()["trigger"][0]
    assert json.loads(out)["occurred_at"] == "2026-11-19T08:15:00+01:00"


def test_at_a_terminal_a_trigger_asks_only_for_what_is_missing(cli, records, terminal) -> None:
    out = ok(cli("trigger", "He laughed at her joke", input="3\njealous\n65\n"))

    assert "  1. unanswered message" in out
    assert "  3. partner's time with others" in out
    assert "What did you do?" not in out
    (trigger,) = records()["trigger"]
    assert trigger["category"] == "partner's time with others"
    assert (trigger["emotion"], trigger["intensity"], trigger["urge"]) == ("jealous", 65, None)


def test_a_guided_trigger_takes_an_own_category_and_asks_again_when_refused(
    cli, records, terminal
) -> None:
    answers = ["No reply all day", "9", "Work", "anxious", "140", "check his phone", "", "70"]
    result = cli("trigger", input="\n".join(answers) + "\n")

    out = ok(result)
    assert "Please choose a number from 1 to 7, or type a name." in said(result.stderr)
    assert "Intensity is a whole number from 0 (barely there) to 100" in said(result.stderr)
    assert out.endswith("Saved trigger #1: Work, anxious 70.\n")
    (trigger,) = records()["trigger"]
    assert (trigger["category"], trigger["intensity"]) == ("Work", 70)
    assert (trigger["urge"], trigger["what_i_did"]) == ("check his phone", None)
    # The person's own category is offered the next time.
    assert "  8. Work" in ok(cli("trigger", "Again", input="8\nsad\n20\n"))


def test_away_from_a_terminal_a_trigger_with_something_missing_is_refused(cli, records) -> None:
    result = cli("trigger", "No reply", "--emotion", "anxious")

    assert result.exit_code == 2
    assert said(result.stderr).startswith(
        "Please check what you entered. Please give --category and --intensity; "
        "in a terminal, heartwise asks for what is missing. For example: heartwise trigger"
    )
    assert result.stdout == ""
    assert records()["trigger"] == []


# -- mistakes --------------------------------------------------------------------------------


@pytest.fixture
def one_of_each(cli, records) -> Records:
    """Trigger #1, urge #2, thought record #3 and reality check #4, as stored."""
    ok(cli(*TRIGGER, "-i", "70"))
    ok(cli("pause", "Check his phone"))
    ok(cli("think", "--situation", "He left early", "--thought", "He is bored of me"))
    ok(cli("predict", "Dinner with his friends", "--expect", "7"))
    return records()


MISTAKES = [
    ([*TRIGGER, "-i", "140"], 2, "Intensity is a whole number from 0 (barely there) to 100"),
    ([*TRIGGER[:5], "123", "-i", "5"], 2, "An emotion is named with letters"),
    ([*TRIGGER, "-i", "5", "--at", "soon"], 2, "“soon” is not a date and time"),
    ([*TRIGGER, "-i", "high"], 2, "Invalid value for '--intensity'"),
    (["pause", "x", "--wait", "0"], 2, "A pause lasts from 1 minute up to 24 hours."),
    (["pause", "x", "--wait", "25h"], 2, "A pause lasts from 1 minute up to 24 hours."),
    (["pause", "x", "--wait", "1441"], 2, "A pause lasts from 1 minute up to 24 hours."),
    (["pause", "x", "--wait", "soon"], 2, "heartwise cannot read that wait."),
    (["pause"], 2, "Please give the urge; in a terminal, heartwise asks"),
    (["pause", "x", "--list"], 2, "Please do one thing at a time"),
    (["pause", "--note", "hm"], 2, "Please do one thing at a time"),
    (["pause", "--outcome", "99", "passed"], 3, "Not found. There is no urge #99."),
    (["pause", "--outcome", "1", "passed"], 3, "There is no urge #1."),
    (["pause", "--outcome", "2", "maybe"], 2, "Please say passed or acted"),
    (["pause", "--outcome", "2"], 2, "Option '--outcome' requires 2 arguments"),
    (["think", "--situation", "x"], 2, "Please give --thought; in a terminal"),
    (["think"], 2, "Please give --situation and --thought"),
    (["think", "--situation", "x", "--thought", "y", "--trap", "doom"], 2, "not one heartwise"),
    (["think", "--situation", "x", "--thought", "y", "--before", "anxious=lots"], 2, "is not an"),
    (["think", "--situation", "x", "--thought", "y", "--after", "sad=140"], 2, "from 0 to 100"),
    (["predict", "x", "--expect", "11"], 2, "is a whole number from 0 (not bad at all) to 10"),
    (["predict", "x"], 2, "Please give --expect"),
    (["predict", "--expect", "3"], 2, "Please give the event; in a terminal"),
    (["outcome", "4", "--actual", "-1"], 2, "How bad it really was is a whole number from 0"),
    (["outcome", "4"], 2, "Please give --actual"),
    (["outcome", "99", "--actual", "3"], 3, "There is no reality check #99."),
    (["outcome", "3", "--actual", "3"], 3, "There is no reality check #3."),
    (["stats", "--from", "2026-12-01", "--to", "2026-11-01"], 2, "The start of the date range"),
    (["stats", "--from", "last week"], 2, "“last week” is not a date and time"),
]


@pytest.mark.parametrize(
    ("args", "exit_code", "message"), MISTAKES, ids=[" ".join(m[0])[:40] for m in MISTAKES]
)
def test_a_mistake_is_explained_and_changes_nothing(
    cli, records, one_of_each: Records, args: list[str], exit_code: int, message: str
) -> None:
    result = cli(*args)

    assert result.exit_code == exit_code
    assert message in said(result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert records() == one_of_each


def test_an_outcome_is_given_once(cli, records, one_of_each: Records) -> None:
    ok(cli("pause", "--outcome", "2", "passed"))
    ok(cli("outcome", "4", "--actual", "3"))
    before = records()

    urge_again = cli("pause", "--outcome", "2", "acted")
    check_again = cli("outcome", "4", "--actual", "9")

    assert urge_again.exit_code == check_again.exit_code == 2
    assert "You already recorded how this urge went" in said(urge_again.stderr)
    assert "What happened is already recorded for this reality check" in said(check_again.stderr)
    assert records() == before


# -- the pause -------------------------------------------------------------------------------


def test_away_from_a_terminal_the_pause_says_when_it_ends_and_does_not_wait(
    cli, records, monkeypatch
) -> None:
    def no_countdown(cli, ends_at):
        raise AssertionError("a pipe never waits")

    monkeypatch.setattr("heartwise.cli.growth_pause.countdown", no_countdown)
    out = ok(cli("pause", "Check his phone"))

    assert out.splitlines() == [
        "Pause #1 started. It ends at 21:45, in 15 minutes.",
        "When it ends, say how it went: heartwise pause --outcome 1 passed (or acted).",
    ]
    (urge,) = records()["urge"]
    assert urge["urge"] == "Check his phone"
    assert urge["wait_minutes"] == 15
    assert urge["ends_at"] == "2026-11-20T21:45:00+01:00"
    assert urge["outcome"] is None


@pytest.mark.parametrize(
    ("wait", "minutes", "said_as"),
    [
        ("15", 15, "15 minutes"),
        ("15m", 15, "15 minutes"),
        ("1", 1, "1 minute"),
        ("1h", 60, "1 hour"),
        ("1h30m", 90, "1 hour 30 minutes"),
        (" 2H 5MIN ", 125, "2 hours 5 minutes"),
        ("24h", 1440, "24 hours"),
    ],
)
def test_a_wait_is_given_in_minutes_or_hours(
    cli, records, wait: str, minutes: int, said_as: str
) -> None:
    out = ok(cli("pause", "Ask for reassurance", "--wait", wait))

    assert f"in {said_as}." in out
    assert records()["urge"][0]["wait_minutes"] == minutes


def test_an_outcome_can_be_recorded_later_with_a_note(cli, records, frozen) -> None:
    ok(cli("pause", "Check his phone"))
    ok(cli("pause", "Send an angry message", "--wait", "1h"))
    frozen.advance(minutes=20)

    passed = ok(cli("pause", "--outcome", "1", "passed", "--note", "Made tea instead"))
    acted = ok(cli("pause", "--outcome", "2", "ACTED", "--json"))

    assert passed == "Recorded: urge #1 passed. You waited it out.\n"
    assert json.loads(acted)["outcome"] == {
        "passed": False,
        "at": "2026-11-20T21:50:00+01:00",
        "note": None,
    }
    first = next(urge for urge in records()["urge"] if urge["id"] == 1)
    assert first["outcome"] == {
        "passed": True,
        "at": "2026-11-20T21:50:00+01:00",
        "note": "Made tea instead",
    }


def test_the_list_shows_the_urges_left_open(cli, frozen) -> None:
    assert ok(cli("pause", "--list")) == "No urges are left open.\n"
    ok(cli("pause", "Check his phone"))
    ok(cli("pause", "Ask again", "--wait", "1h"))
    ok(cli("pause", "Scroll her feed"))
    ok(cli("pause", "--outcome", "3", "passed"))
    frozen.advance(minutes=30)

    assert ok(cli("pause", "--list")).splitlines() == [
        "#2  Fri 20 Nov 21:30, ends 22:30  Ask again",
        "#1  Fri 20 Nov 21:30, ended 21:45  Check his phone",
        "Say how one went: heartwise pause --outcome ID passed|acted",
    ]
    assert [urge["id"] for urge in json.loads(ok(cli("pause", "--list", "--json")))] == [2, 1]


def test_urges_left_open_are_mentioned_away_from_a_terminal(cli, records, frozen) -> None:
    ok(cli("pause", "Check his phone"))
    ok(cli("pause", "Ask again", "--wait", "2h"))
    frozen.advance(minutes=20)

    result = cli("pause", "Text her again")

    assert ok(result).startswith("Pause #3 started.")
    assert (
        said(result.stderr) == "1 earlier urge waiting to hear how it went: heartwise pause --list"
    )
    assert [urge["outcome"] for urge in records()["urge"]] == [None, None, None]


def test_at_a_terminal_urges_left_open_are_asked_about_first(
    cli, records, frozen, terminal, countdown
) -> None:
    for urge, wait in (("Check his phone", "15"), ("Scroll her feed", "15"), ("Ask again", "2h")):
        ok(cli("pause", urge, "--wait", wait, "--json"))  # JSON, for scripts: no countdown
    frozen.advance(minutes=20)

    # Oldest first: #1 is left open (Enter), #2 passed after one unclear answer; then the
    # new pause runs its countdown and the new urge was acted on.
    result = cli("pause", "Text her again", input="\nmaybe\ny\nn\n")

    out = ok(result)
    assert out.index("Earlier you paused “Check his phone”") < out.index("Scroll her feed")
    assert "Please answer y or n, or press Enter to leave it open." in said(result.stderr)
    assert "Recorded: urge #2 passed." in out
    assert "Pause #4 started. It ends at 22:05, in 15 minutes." in out
    assert "Ask again" not in out  # its wait is not over
    assert out.rstrip().endswith("each pause is practice, whatever the outcome.")
    outcomes = {urge["id"]: urge["outcome"] for urge in records()["urge"]}
    assert outcomes[1] is None
    assert outcomes[2]["passed"] is True  # type: ignore[index]
    assert outcomes[3] is None
    assert outcomes[4]["passed"] is False  # type: ignore[index]
    assert len(countdown) == 1


def test_at_a_terminal_the_countdown_ends_with_a_question(
    cli, records, terminal, countdown
) -> None:
    result = cli("pause", "Check his phone", "--wait", "5m", input="perhaps\ny\n")

    out = ok(result)
    assert "Pause #1 started. It ends at 21:35, in 5 minutes." in out
    assert "The pause is over." in out
    assert "Did the urge pass? [y/n]" in out
    assert "Please answer y (it passed) or n (you acted on it)." in said(result.stderr)
    assert out.rstrip().endswith("Recorded: urge #1 passed. You waited it out.")
    assert [ends_at.isoformat() for ends_at in countdown] == [records()["urge"][0]["ends_at"]]
    assert records()["urge"][0]["outcome"]["passed"] is True  # type: ignore[index]


@pytest.fixture
def stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C during the countdown."""

    def interrupted(cli, ends_at):
        raise KeyboardInterrupt

    monkeypatch.setattr("heartwise.cli.growth_pause.countdown", interrupted)


@pytest.mark.parametrize(
    ("answer", "passed"), [("p", True), ("passed", True), ("a", False), ("Acted", False)]
)
def test_ctrl_c_during_the_countdown_asks_how_it_went(
    cli, records, terminal, stopped, answer: str, passed: bool
) -> None:
    out = ok(cli("pause", "Check his phone", input=f"{answer}\n"))

    assert "Pause stopped. The urge: [p]assed, [a]cted on it, or [l]eave it open?" in out
    assert records()["urge"][0]["outcome"]["passed"] is passed  # type: ignore[index]


@pytest.mark.parametrize("input_", ["l\n", "\n", "what\nleave\n", ""], ids=repr)
def test_ctrl_c_can_leave_the_urge_open_and_never_loses_it(
    cli, records, terminal, stopped, input_: str
) -> None:
    # "" is the end of input: like a second Ctrl-C, it leaves the urge open.
    out = ok(cli("pause", "Check his phone", input=input_))

    assert "Urge #1 is left open; heartwise asks about it next time" in out
    (urge,) = records()["urge"]
    assert (urge["urge"], urge["outcome"]) == ("Check his phone", None)


def test_at_a_terminal_the_urge_is_asked_for(cli, records, terminal, countdown) -> None:
    ok(cli("pause", "--wait", "1h", input="\nCall him at work\ny\n"))

    (urge,) = records()["urge"]
    assert (urge["urge"], urge["wait_minutes"]) == ("Call him at work", 60)


def test_the_countdown_counts_down_to_the_end(settings: Settings, frozen, monkeypatch) -> None:
    import io

    from heartwise.cli import growth_pause
    from heartwise.cli.main import Cli
    from heartwise.cli.output import Output

    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        frozen.advance(seconds=seconds)

    monkeypatch.setattr("time.sleep", sleep)
    screen = io.StringIO()
    cli = Cli(settings, frozen, Output(screen), Output(io.StringIO()))
    ends_at = frozen.now.replace(minute=32)

    growth_pause.countdown(cli, ends_at)

    assert frozen.now == ends_at
    assert sleeps == [1.0] * 120


# -- thought records -------------------------------------------------------------------------

THOUGHT_FLAGS = [
    "think",
    "--situation", "He left the party early without me",
    "--thought", "He is bored of me and will leave",
    "--before", "anxious=80, Sad=60",
    "--trap", "mind reading",
    "--trap", "fortune_telling",
    "--for", "He left without saying goodbye",
    "--against", "He texted me when he got home",
    "--other", "He was tired after work",
    "--balanced", "He was tired; he still thought of me",
    "--after", "anxious 40,sad=30",
]  # fmt: skip


def test_a_thought_record_with_every_option_is_saved(cli, records) -> None:
    out = ok(cli(*THOUGHT_FLAGS))

    assert out == "Saved thought record #1. Your feelings went from 70 to 35.\n"
    (record,) = records()["thought_record"]
    assert record["emotions_before"] == {"anxious": 80, "sad": 60}
    assert record["traps"] == ["mind_reading", "fortune_telling"]
    assert record["evidence_against"] == "He texted me when he got home"
    assert record["emotions_after"] == {"anxious": 40, "sad": 30}


def test_a_thought_record_as_json_is_the_stored_record(cli, records) -> None:
    shown = json.loads(ok(cli(*THOUGHT_FLAGS, "--json")))

    assert shown == records()["thought_record"][0]
    assert set(shown) == {
        "id", "situation", "thought", "created_at", "emotions_before", "traps",
        "evidence_for", "evidence_against", "other_explanations", "balanced_thought",
        "emotions_after", "before", "after",
    }  # fmt: skip
    assert (shown["before"], shown["after"]) == (70, 35)
    assert shown["created_at"] == "2026-11-20T21:30:00+01:00"


SITUATION = "He did not answer my message."
THOUGHT = "He must be angry with me and he is going to leave me."


def test_a_guided_thought_record_suggests_traps_to_confirm(cli, records, terminal) -> None:
    from heartwise.services.growth import suggest_traps

    noticed = suggest_traps(f"{SITUATION}\n{THOUGHT}")
    assert noticed, "the example should hold a trap the analyser sees"
    answers = [SITUATION, THOUGHT, "anxious lots", "anxious 80", "1", "", "He answered later"]
    answers += ["He was in a meeting", "He was busy", "anxious 30"]

    result = cli("think", input="\n".join(answers) + "\n")

    out = ok(result)
    assert "This may hold a thinking trap:" in out
    for number, label in enumerate(noticed, start=1):
        assert f"  {number}. {label.replace('_', ' ')}" in out
    assert "“anxious lots” is not an emotion heartwise can read" in said(result.stderr)
    assert out.endswith("Saved thought record #1. Your feelings went from 80 to 30.\n")
    (record,) = records()["thought_record"]
    assert (record["situation"], record["thought"]) == (SITUATION, THOUGHT)
    assert record["traps"] == [noticed[0]]
    assert record["evidence_for"] is None
    assert record["other_explanations"] == "He was in a meeting"
    assert record["balanced_thought"] == "He was busy"


def test_a_guided_thought_record_asks_again_for_an_unknown_trap(cli, records, terminal) -> None:
    answers = [SITUATION, THOUGHT, "", "doom", "", "", "", "", "", "9", "1"]

    result = cli("think", input="\n".join(answers) + "\n")

    ok(result)
    assert "Please choose numbers from 1 to" in said(result.stderr)
    assert "One of the thinking traps is not one heartwise knows." in said(result.stderr)
    (record,) = records()["thought_record"]
    assert len(record["traps"]) == 1  # type: ignore[arg-type]
    assert record["emotions_before"] == record["emotions_after"] == {}


def test_with_reading_switched_off_traps_are_named_not_suggested(cli, records, terminal) -> None:
    ok(cli("settings", "--analysis", "off"))
    flags = ["--situation", SITUATION, "--thought", THOUGHT]

    quick = ok(cli("think", *flags))  # both main fields given: nothing is asked
    guided = ok(
        cli("think", "--situation", SITUATION, input=f"{THOUGHT}\n\nmind reading\n" + "\n" * 5)
    )

    assert quick == "Saved thought record #1.\n"
    assert "This may hold a thinking trap" not in guided
    assert "Any thinking trap you notice?" in guided
    assert [record["traps"] for record in records()["thought_record"]] == [["mind_reading"], []]


# -- reality checks --------------------------------------------------------------------------


def test_a_prediction_then_what_happened(cli, records, frozen) -> None:
    made = ok(cli("predict", "Dinner with his friends", "--expect", "7", "--fear", "Ignored"))
    waiting = ok(cli("predict", "--list"))
    frozen.advance(hours=3)
    after = ok(cli("outcome", "1", "--actual", "3", "--happened", "They asked about my work"))

    assert made == (
        "Saved reality check #1: you expect 7 out of 10. "
        "Afterwards: heartwise outcome 1 --actual N\n"
    )
    assert waiting.splitlines() == [
        "#1  Fri 20 Nov 21:30  expected 7/10  Dinner with his friends",
        "After the event: heartwise outcome ID --actual N",
    ]
    assert after == (
        "Reality check #1: you expected 7 and it was 3. It went better than you feared.\n"
    )
    (check,) = records()["reality_check"]
    assert check["fear"] == "Ignored"
    assert check["outcome"] == {
        "actual": 3,
        "at": "2026-11-21T00:30:00+01:00",
        "what_happened": "They asked about my work",
    }
    assert (check["came_true"], check["gap"]) == (False, 4)
    assert ok(cli("predict", "--list")) == "No reality checks are waiting for what happened.\n"


def test_reality_checks_as_json(cli, records) -> None:
    made = json.loads(ok(cli("predict", "Meeting his parents", "--expect", "8", "--json")))
    listed = json.loads(ok(cli("predict", "--list", "--json")))
    done = json.loads(ok(cli("outcome", "1", "--actual", "8", "--json")))

    assert made == listed[0]
    assert set(made) == {"id", "event", "expected", "created_at", "fear", "outcome"} | {
        "came_true",
        "gap",
    }
    assert done == records()["reality_check"][0]
    assert (done["came_true"], done["gap"]) == (True, 0)


def test_at_a_terminal_a_prediction_and_its_outcome_are_asked_for(cli, records, terminal) -> None:
    ok(cli("predict", input="Telling him I felt hurt\nvery\n6\n"))
    result = cli("outcome", "1", input="12\n4\n")

    out = ok(result)
    assert "Before “Telling him I felt hurt” you expected 6/10." in out
    assert "How bad it really was is a whole number from 0" in said(result.stderr)
    (check,) = records()["reality_check"]
    assert (check["expected"], check["outcome"]["actual"]) == (6, 4)  # type: ignore[index]


def test_at_a_terminal_a_second_outcome_is_refused_without_a_question(
    cli, records, terminal
) -> None:
    ok(cli("predict", "Dinner", "--expect", "5"))
    ok(cli("outcome", "1", "--actual", "2"))
    before = records()

    result = cli("outcome", "1", input="4\n")

    assert result.exit_code == 2
    assert "How bad was it really" not in result.stdout
    assert "What happened is already recorded for this reality check" in said(result.stderr)
    assert records() == before


def test_stopping_while_asked_saves_nothing(cli, records, terminal) -> None:
    result = cli("trigger", input="No reply\n1\n")  # then the input ends, like Ctrl-C

    assert result.exit_code == 130
    assert "Stopped. Nothing more was saved." in said(result.stderr)
    assert "Traceback" not in result.output
    assert records()["trigger"] == []


# -- figures ---------------------------------------------------------------------------------


@pytest.fixture
def a_week(cli) -> None:
    """A trigger, three urges (two passed), two reality checks (one fear came true) and
    two thought records whose feelings eased from 70 to 35 on average."""
    ok(cli(*TRIGGER, "-i", "60"))
    for n, word in enumerate(["passed", "acted", "passed"], start=2):
        ok(cli("pause", f"Urge {n}"))
        ok(cli("pause", "--outcome", str(n), word))
    for event, expected, actual in (("Dinner", "7", "3"), ("Call", "5", "6")):
        check = json.loads(ok(cli("predict", event, "--expect", expected, "--json")))
        ok(cli("outcome", str(check["id"]), "--actual", actual))
    for before, after in (("anxious=80", "anxious=40"), ("sad=60", "sad=30")):
        ok(cli("think", "--situation", "s", "--thought", "t", "--before", before, "--after", after))


def test_stats_in_plain_words_with_the_weekly_review(cli, a_week) -> None:
    out = ok(cli("stats"))

    assert out.splitlines() == [
        "Urges that passed: 2 of 3 (67%)",
        "Reality checks: expected 6 on average, it was 4.5; 1 of 2 fears came true",
        "Thought records: 2 written; feelings went from 70 to 35 on average",
        "",
        "The last two weeks",
        "Last 7 days: 1 trigger noted; 2 of 3 urges passed; 2 reality checks completed, "
        "1 fear came true; 2 thought records, feelings eased by 35 on average.",
        "The 7 days before: nothing recorded.",
    ]
    assert "streak" not in out.lower()


def test_stats_as_json_are_exactly_the_figures(cli, a_week, settings: Settings, frozen) -> None:
    shown = json.loads(ok(cli("stats", "--json")))

    with open_local_workspace(settings, frozen) as ws:
        assert shown == growth_stats.stats(ws)
    assert shown["urges"] == {"total": 3, "passed": 2, "pass_rate": 0.667}


def test_stats_of_a_range_and_of_nothing(cli, a_week) -> None:
    before = ok(cli("stats", "--to", "2026-11-20T21:00+01:00"))
    day = ["--from", "2026-11-20T00:00+01:00", "--to", "2026-11-20T23:59+01:00"]
    on_the_day = json.loads(ok(cli("stats", *day, "--json")))

    assert before.splitlines()[:3] == [
        "Urges that passed: none recorded yet.",
        "Reality checks: none completed yet.",
        "Thought records: none written yet.",
    ]
    assert on_the_day["reality_checks"]["completed"] == 2


# -- privacy and start-up --------------------------------------------------------------------


def test_what_a_person_writes_is_never_logged_nor_stored_readably(
    cli, settings: Settings, caplog
) -> None:
    word = "Zebra" + secrets.token_hex(4)
    caplog.set_level(logging.DEBUG)

    ok(cli("trigger", f"{word} situation", "-c", f"{word} place", "-e", "anxious", "-i", "5"))
    ok(cli("pause", f"{word} urge"))
    ok(cli("pause", "--outcome", "2", "passed", "--note", word))
    ok(cli("think", "--situation", word, "--thought", f"{word} thought", "--other", word))
    ok(cli("predict", f"{word} event", "--expect", "4", "--fear", word))
    ok(cli("outcome", "4", "--actual", "2", "--happened", word))
    assert cli("trigger", word, "-c", word, "-e", "anxious", "-i", "500").exit_code == 2

    assert word.lower() not in caplog.text.lower()
    for path in settings.data_dir.rglob("*"):
        if path.is_file():
            assert word.encode() not in path.read_bytes(), path.name


def test_listing_entries_never_loads_the_self_awareness_commands(tmp_path: Path) -> None:
    listing = tmp_path / "modules.txt"
    script = (
        "import atexit, runpy, sys\n"
        "out = sys.argv.pop(1)\n"
        "atexit.register(lambda: open(out, 'w').write('\\n'.join(sorted(sys.modules))))\n"
        "sys.argv[0] = 'heartwise'\n"
        "runpy.run_module('heartwise', run_name='__main__', alter_sys=True)\n"
    )
    env = {"HEARTWISE_DATA_DIR": str(tmp_path / "data"), "HEARTWISE_CONFIG": str(tmp_path / "x")}
    completed = subprocess.run(
        [sys.executable, "-c", script, str(listing), "list", "-n", "1"],
        env={**_environment(), **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr[-2000:]
    modules = set(listing.read_text().split())
    assert "heartwise.cli.read_commands" in modules
    loaded = {m for m in modules if m.startswith(("heartwise.cli.growth", "heartwise.services.g"))}
    assert loaded == set()


def _environment() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "HEARTWISE_DATABASE_URL"}
