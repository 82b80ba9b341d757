"""The pause at the terminal: note an urge, wait it out, then say whether it passed.

The urge is stored before the wait begins, so stopping early, closing the terminal or
leaving a question unanswered never loses it: it stays open, and is asked about the next
time a pause starts.
"""

from __future__ import annotations

import sys
from datetime import datetime

from heartwise.cli import growth_asking as asking
from heartwise.cli import growth_text as words
from heartwise.cli import render
from heartwise.cli.growth_asking import Asker, ask, ask_until
from heartwise.cli.main import Cli
from heartwise.domain.growth import Urge
from heartwise.errors import InvalidInput
from heartwise.services.growth import Urges

MAX_DUE_ASKED = 3  # earlier urges asked about before a new pause; the rest are mentioned
STOPPED_CHOICES = {
    "p": True,
    "passed": True,
    "a": False,
    "acted": False,
    "l": None,
    "leave": None,
    "": None,
}


def record_outcome(cli: Cli, urge_id: int, word: str, note: str | None, as_json: bool) -> None:
    passed = words.parse_outcome(word)
    with cli.workspace() as ws:
        done = Urges(ws).record_outcome(urge_id, passed, note)
    asking.show(cli, as_json, done.to_dict(), words.urge_recorded(done))


def list_open(cli: Cli, as_json: bool) -> None:
    with cli.workspace() as ws:
        waiting = Urges(ws).open_urges()
    if as_json:
        render.print_json(sys.stdout, [urge.to_dict() for urge in waiting])
        return
    if not waiting:
        cli.out.line("No urges are left open.")
        return
    now = cli.clock()
    for urge in waiting:
        cli.out.line(words.urge_line(urge, now))
    cli.out.line(("Say how one went: heartwise pause --outcome ID passed|acted", "dim"))


def start(cli: Cli, urge: str | None, minutes: int, as_json: bool) -> None:
    """Ask about earlier urges first, store the new one, then wait (at a terminal) or say
    how to record the outcome later."""
    interactive = asking.at_terminal()
    if not interactive:
        asking.refuse_missing([] if urge else ["the urge"], 'heartwise pause "check his phone"')
    with cli.workspace() as ws:
        urges = Urges(ws)
        settle_due(cli, urges, interactive)
        answers = {"urge": urge if urge is not None else ask_urge(), "wait_minutes": minutes}
        askers: dict[str, Asker] = {"urge": ask_urge} if interactive else {}
        record = asking.saved(cli, lambda fields: urges.create(**fields), answers, askers)
        ends = f"{words.clock_time(record.ends_at)}, in {words.duration(minutes)}"
        asking.show(
            cli, as_json, record.to_dict(), f"Pause #{record.id} started. It ends at {ends}."
        )
        if as_json:
            return
        if interactive:
            wait_it_out(cli, urges, record)
        else:
            cli.out.line(
                f"When it ends, say how it went: heartwise pause --outcome {record.id} passed "
                "(or acted)."
            )


def ask_urge() -> str:
    return ask("What is the urge?", required=True)


def settle_due(cli: Cli, urges: Urges, interactive: bool) -> None:
    """Urges whose wait is over with no outcome yet: asked about first at a terminal (Enter
    leaves one open), mentioned elsewhere."""
    now = cli.clock()
    due = [urge for urge in urges.open_urges() if urge.is_due(now)]
    asked = due[:MAX_DUE_ASKED] if interactive else []
    for urge in reversed(asked):  # of the latest few, the oldest first
        question = (
            f"Earlier you paused “{words.preview(urge.urge)}” ({words.day_time(urge.started_at)})."
            " Did it pass? [y/n, Enter to leave it open]"
        )
        passed = ask_until(cli, question, read_pass_or_skip)
        if passed is not None:
            cli.out.line(words.urge_recorded(urges.record_outcome(urge.id, passed)))
    if len(due) > len(asked):
        left = words.count(len(due) - len(asked), "earlier urge")
        cli.err.line((f"{left} waiting to hear how it went: heartwise pause --list", "dim"))


def read_pass_or_skip(answer: str) -> bool | None:
    passed = words.yes_or_no(answer)
    if passed is None and answer:
        raise InvalidInput("Please answer y or n, or press Enter to leave it open.")
    return passed


def read_yes_no(answer: str) -> bool:
    passed = words.yes_or_no(answer)
    if passed is None:
        raise InvalidInput("Please answer y (it passed) or n (you acted on it).")
    return passed


def read_stopped_choice(answer: str) -> bool | None:
    key = answer.lower()
    if key not in STOPPED_CHOICES:
        raise InvalidInput("Please answer p (passed), a (acted on it) or l (leave it open).")
    return STOPPED_CHOICES[key]


def wait_it_out(cli: Cli, urges: Urges, urge: Urge) -> None:
    """The countdown, then how it went; Ctrl-C during it asks at once instead."""
    cli.out.line(("Breathe. The urge can be here without you acting on it.", "dim"))
    try:
        try:
            countdown(cli, urge.ends_at)
        except KeyboardInterrupt:
            asking.forget_typed_ahead()
            question = "\nPause stopped. The urge: [p]assed, [a]cted on it, or [l]eave it open?"
            passed = ask_until(cli, question, read_stopped_choice)
        else:
            asking.forget_typed_ahead()
            cli.out.line("The pause is over.")
            passed = ask_until(cli, "Did the urge pass? [y/n]", read_yes_no, required=True)
    except KeyboardInterrupt:  # a second Ctrl-C: the urge stays open
        passed = None
    if passed is None:
        cli.out.line(
            f"Urge #{urge.id} is left open; heartwise asks about it next time, or: "
            f"heartwise pause --outcome {urge.id} passed|acted"
        )
        return
    cli.out.line(words.urge_recorded(urges.record_outcome(urge.id, passed)))


def countdown(cli: Cli, ends_at: datetime) -> None:
    """A bar with the time left until ``ends_at``; Ctrl-C raises KeyboardInterrupt."""
    import time

    from rich.progress import BarColumn, Progress, TextColumn

    total = max((ends_at - cli.clock()).total_seconds(), 1.0)
    columns = (TextColumn("Pausing"), BarColumn(), TextColumn("{task.fields[left]} left"))
    with Progress(*columns, console=cli.out.console, transient=True) as bar:
        task = bar.add_task("pause", total=total, left=words.time_left(total))
        while (left := (ends_at - cli.clock()).total_seconds()) > 0:
            bar.update(task, completed=total - left, left=words.time_left(left))
            time.sleep(min(1.0, left))
