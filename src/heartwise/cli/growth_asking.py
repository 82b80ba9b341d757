"""Talking with the person at the terminal, for the self-awareness commands: questions,
answers asked again when refused, and a result printed as text or JSON.

Questions are only asked when ``at_terminal()``: a pipe never hangs waiting for an answer.
Refusals come from the services, so the terminal says exactly what the web app says.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import typer

from heartwise.cli import render
from heartwise.cli.main import Cli
from heartwise.errors import InvalidInput

T = TypeVar("T")
Asker = Callable[[], object]


def at_terminal() -> bool:
    """Whether a person is there to answer questions and watch a countdown."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask(question: str, *, required: bool = False) -> str:
    """One trimmed answer; "" for Enter unless ``required``. Ctrl-C, or the end of input,
    raises KeyboardInterrupt: the command stops with exit code 130."""
    suffix = " " if question.endswith(("?", "]")) else ": "
    try:
        answer = typer.prompt(
            question, default=None if required else "", show_default=False, prompt_suffix=suffix
        )
    except typer.Abort:
        # Typer ends a KeyboardInterrupt with exit code 130 and no word; say what it means.
        print("\nStopped. Nothing more was saved.", file=sys.stderr)
        raise KeyboardInterrupt from None
    return str(answer).strip()


def forget_typed_ahead() -> None:
    """Drop keys pressed while nothing was asked (during a countdown), so a stray Enter
    is not taken as the answer to the next question."""
    if not sys.stdin.isatty():
        return
    try:
        import termios
    except ImportError:  # Windows has no termios; its console keeps the keys
        return
    with contextlib.suppress(termios.error, OSError):
        termios.tcflush(sys.stdin.fileno(), termios.TCIFLUSH)


def ask_until(cli: Cli, question: str, read: Callable[[str], T], required: bool = False) -> T:
    """Ask until ``read`` accepts the answer, saying why each refused one was refused."""
    while True:
        try:
            return read(ask(question, required=required))
        except InvalidInput as exc:
            cli.err.line((exc.message, "yellow"))


def number_or_text(answer: str) -> int | str:
    """A typed whole number as an int; anything else as typed, for the service to refuse."""
    return int(answer) if re.fullmatch(r"-?\d{1,6}", answer) else answer


def saved(
    cli: Cli,
    save: Callable[[dict[str, Any]], T],
    answers: dict[str, Any],
    askers: Mapping[str, Asker],
) -> T:
    """``save(answers)``. A field the service refuses is explained and asked again when it
    has an asker (at a terminal); otherwise the refusal ends the command, nothing stored."""
    while True:
        try:
            return save(answers)
        except InvalidInput as exc:
            field = exc.field or ""
            if field not in askers:
                raise
            cli.err.line((exc.message, "yellow"))
            answers[field] = askers[field]()


def refuse_missing(missing: list[str], example: str) -> None:
    """Away from a terminal nobody can be asked, so a missing field ends the command."""
    if missing:
        named = " and ".join([", ".join(missing[:-1]), missing[-1]] if missing[1:] else missing)
        raise InvalidInput(
            f"Please give {named}; in a terminal, heartwise asks for what is missing. "
            f"For example: {example}"
        )


def show(cli: Cli, as_json: bool, value: object, line: str) -> None:
    """The record as JSON for scripts, or one line for a person."""
    if as_json:
        render.print_json(sys.stdout, value)
    else:
        cli.out.line(line)
