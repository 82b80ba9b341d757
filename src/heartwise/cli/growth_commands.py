"""The self-awareness tools at the terminal: trigger, pause, think, predict, outcome, stats.

Every field can be given as an option, for scripts. At a terminal, heartwise asks for
what is missing instead, and asks again for an answer the service refused, so nothing
typed is lost to one mistake; elsewhere a missing or refused field ends the command with
exit code 2 and nothing stored.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from heartwise.cli import growth_asking as asking
from heartwise.cli import growth_pause, render
from heartwise.cli import growth_text as words
from heartwise.cli.growth_asking import Asker, ask, ask_until, number_or_text, saved, show
from heartwise.cli.main import Cli, app, cli_of
from heartwise.cli.options import AtOption, FromOption, JsonOption, ToOption
from heartwise.domain.growth import RealityCheck
from heartwise.domain.time import parse_day, parse_moment
from heartwise.errors import InvalidInput
from heartwise.services import growth, growth_stats, preferences
from heartwise.services.workspace import Workspace

# -- trigger ---------------------------------------------------------------------------------

TRIGGER_EXAMPLE = (
    'heartwise trigger "No reply all afternoon" --category "unanswered message" '
    "--emotion anxious --intensity 70"
)
TRIGGER_NEEDS = {
    "situation": "the situation",
    "category": "--category",
    "emotion": "--emotion",
    "intensity": "--intensity",
}


@app.command("trigger")
def trigger(
    ctx: typer.Context,
    situation: Annotated[str | None, typer.Argument(help="What happened.")] = None,
    category: Annotated[
        str | None, typer.Option("--category", "-c", help="What kind of situation it was.")
    ] = None,
    emotion: Annotated[
        str | None, typer.Option("--emotion", "-e", help="The strongest feeling, e.g. anxious.")
    ] = None,
    intensity: Annotated[
        int | None, typer.Option("--intensity", "-i", help="How strong it was, from 0 to 100.")
    ] = None,
    urge: Annotated[str | None, typer.Option("--urge", help="What you felt like doing.")] = None,
    did: Annotated[str | None, typer.Option("--did", help="What you did.")] = None,
    at: AtOption = None,
    as_json: JsonOption = False,
) -> None:
    """Log what set off a strong feeling. At a terminal, heartwise asks for what is missing."""
    cli = cli_of(ctx)
    answers: dict[str, Any] = {
        "situation": situation,
        "category": category,
        "emotion": emotion,
        "intensity": intensity,
    }
    missing = [name for name, value in answers.items() if value is None]
    interactive = asking.at_terminal()
    if not interactive:
        asking.refuse_missing([TRIGGER_NEEDS[name] for name in missing], TRIGGER_EXAMPLE)
    answers |= {"urge": urge, "what_i_did": did, "occurred_at": parse_moment(at) if at else None}
    with cli.workspace() as ws:
        askers = trigger_askers(cli, ws) if interactive else {}
        if situation is None:  # nothing given: a guided entry, optional fields too
            missing += [name for name in ("urge", "what_i_did") if answers[name] is None]
        for name in missing:
            answers[name] = askers[name]()
        record = saved(cli, lambda fields: growth.Triggers(ws).create(**fields), answers, askers)
    line = f"Saved trigger #{record.id}: {record.category}, {record.emotion} {record.intensity}."
    show(cli, as_json, record.to_dict(), line)


def trigger_askers(cli: Cli, ws: Workspace) -> dict[str, Asker]:
    def strength() -> int | str:
        return number_or_text(ask("How strong was it, from 0 to 100?", required=True))

    return {
        "situation": lambda: ask("What happened?", required=True),
        "category": lambda: choose_category(cli, growth.categories(ws)),
        "emotion": lambda: ask("Which feeling was strongest (e.g. anxious)?", required=True),
        "intensity": strength,
        "urge": lambda: ask("What did you feel like doing? (Enter to skip)"),
        "what_i_did": lambda: ask("What did you do? (Enter to skip)"),
    }


def choose_category(cli: Cli, names: list[str]) -> str:
    cli.out.line("What kind of situation was it?")
    for number, name in enumerate(names, start=1):
        cli.out.line(f"  {number}. {name}")

    def read(answer: str) -> str:
        if not answer.isdigit():
            return answer
        if not 1 <= int(answer) <= len(names):
            raise InvalidInput(f"Please choose a number from 1 to {len(names)}, or type a name.")
        return names[int(answer) - 1]

    return ask_until(cli, "A number, or type your own", read, required=True)


# -- the pause -------------------------------------------------------------------------------


@app.command("pause")
def pause(
    ctx: typer.Context,
    urge: Annotated[str | None, typer.Argument(help="The urge, e.g. “check his phone”.")] = None,
    wait: Annotated[
        str, typer.Option("--wait", "-w", help="How long to wait: 15, 15m, 1h or 1h30m.")
    ] = "15m",
    outcome: Annotated[
        tuple[int, str] | None,
        typer.Option("--outcome", metavar="ID passed|acted", help="Say how an earlier urge went."),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note with --outcome.")] = None,
    list_open: Annotated[bool, typer.Option("--list", help="Show urges left open.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Wait before acting on an urge, then say whether it passed.

    At a terminal a countdown runs until the pause ends. Elsewhere heartwise notes the urge
    and its end time, and `heartwise pause --outcome ID passed|acted` records how it went.
    Urges left open are asked about next time.
    """
    cli = cli_of(ctx)
    if sum((urge is not None, outcome is not None, list_open)) > 1 or (note and not outcome):
        raise InvalidInput(
            "Please do one thing at a time: pause an urge, record an --outcome (with its "
            "--note), or --list the urges left open."
        )
    if outcome is not None:
        growth_pause.record_outcome(cli, *outcome, note, as_json)
    elif list_open:
        growth_pause.list_open(cli, as_json)
    else:
        growth_pause.start(cli, urge, words.parse_wait(wait), as_json)


# -- thought records -------------------------------------------------------------------------

THOUGHT_QUESTIONS = {
    "situation": "What happened? (the situation)",
    "thought": "What went through your mind? (the thought that came)",
    "emotions_before": "How did you feel, and how strongly from 0 to 100? (e.g. anxious 80, "
    "sad 60; Enter to skip)",
    "traps": "",  # asked with the analyser's suggestions, by ask_traps
    "evidence_for": "What supports the thought? (Enter to skip)",
    "evidence_against": "What does not fit it? (Enter to skip)",
    "other_explanations": "What else could explain what happened? (Enter to skip)",
    "balanced_thought": "A more balanced thought (Enter to skip)",
    "emotions_after": "How do you feel now? (e.g. anxious 40; Enter to skip)",
}
THINK_EXAMPLE = 'heartwise think --situation "He left early" --thought "He is bored of me"'


@app.command("think")
def think(
    ctx: typer.Context,
    situation: Annotated[str | None, typer.Option("--situation", help="What happened.")] = None,
    thought: Annotated[str | None, typer.Option("--thought", help="The thought that came.")] = None,
    before: Annotated[
        str | None, typer.Option("--before", help="Emotions before: anxious=80,sad=60.")
    ] = None,
    trap: Annotated[
        list[str], typer.Option("--trap", help="A thinking trap, e.g. mind_reading; repeat.")
    ] = [],  # noqa: B006 - Typer reads defaults, never mutates them
    evidence_for: Annotated[str | None, typer.Option("--for", help="Evidence for.")] = None,
    against: Annotated[str | None, typer.Option("--against", help="Evidence against.")] = None,
    other: Annotated[str | None, typer.Option("--other", help="Other explanations.")] = None,
    balanced: Annotated[str | None, typer.Option("--balanced", help="A balanced thought.")] = None,
    after: Annotated[
        str | None, typer.Option("--after", help="Emotions after: anxious=40.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Write a thought record. In a terminal without --situation and --thought, heartwise
    guides you through each step and suggests thinking traps it notices."""
    cli = cli_of(ctx)
    answers: dict[str, Any] = {
        "situation": situation,
        "thought": thought,
        "emotions_before": words.parse_feelings(before) if before else None,
        "traps": trap or None,
        "evidence_for": evidence_for,
        "evidence_against": against,
        "other_explanations": other,
        "balanced_thought": balanced,
        "emotions_after": words.parse_feelings(after) if after else None,
    }
    guided = (situation is None or thought is None) and asking.at_terminal()
    if not guided:
        asking.refuse_missing(
            [f"--{n}" for n in ("situation", "thought") if not answers[n]], THINK_EXAMPLE
        )
    with cli.workspace() as ws:
        askers = thought_askers(cli, ws, answers) if guided else {}
        for name in [name for name, value in answers.items() if value is None] if guided else []:
            answers[name] = askers[name]()
        log = growth.ThoughtRecords(ws)
        record = saved(cli, lambda fields: log.create(**fields), answers, askers)
    line = f"Saved thought record #{record.id}."
    if record.before is not None and record.after is not None:
        line += f" Your feelings went from {record.before:.0f} to {record.after:.0f}."
    show(cli, as_json, record.to_dict(), line)


def thought_askers(cli: Cli, ws: Workspace, answers: dict[str, Any]) -> dict[str, Asker]:
    def asker(name: str) -> Asker:
        question = THOUGHT_QUESTIONS[name]
        if name.startswith("emotions"):
            return lambda: ask_until(cli, question, lambda a: words.parse_feelings(a) if a else {})
        return lambda: ask(question, required=name in {"situation", "thought"})

    askers = {name: asker(name) for name in THOUGHT_QUESTIONS if name != "traps"}
    askers["traps"] = lambda: ask_traps(cli, ws, f"{answers['situation']}\n{answers['thought']}")
    return askers


def ask_traps(cli: Cli, ws: Workspace, written: str) -> list[str]:
    """The traps the analyser suggests (if reading is on), for the person to confirm."""
    reading = written.strip() and preferences.analysis_enabled(ws)
    noticed = growth.suggest_traps(written) if reading else []
    if noticed:
        cli.out.line("This may hold a thinking trap:")
        for number, label in enumerate(noticed, start=1):
            cli.out.line(f"  {number}. {words.trap_name(label)}")
        question = "Which fit? Numbers like 1,2, a trap's name, or Enter for none"
    else:
        question = "Any thinking trap you notice? Its name (e.g. mind reading), or Enter for none"
    return ask_until(cli, question, lambda answer: words.chosen_traps(answer, noticed))


# -- reality checks --------------------------------------------------------------------------


@app.command("predict")
def predict(
    ctx: typer.Context,
    event: Annotated[str | None, typer.Argument(help="The event ahead.")] = None,
    expect: Annotated[
        int | None,
        typer.Option("--expect", help="How bad you expect it to be, 0 (not at all) to 10."),
    ] = None,
    fear: Annotated[str | None, typer.Option("--fear", help="What you fear will happen.")] = None,
    list_waiting: Annotated[
        bool, typer.Option("--list", help="Show checks waiting for what happened.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Before an event: how bad you expect it to be. Afterwards: heartwise outcome ID."""
    cli = cli_of(ctx)
    if list_waiting:
        list_waiting_checks(cli, as_json)
        return
    interactive = asking.at_terminal()
    answers: dict[str, Any] = {"event": event, "expected": expect, "fear": fear}
    if not interactive:
        missing = [
            name for name, value in (("the event", event), ("--expect", expect)) if value is None
        ]
        asking.refuse_missing(missing, 'heartwise predict "Dinner with his friends" --expect 7')
    askers = check_askers() if interactive else {}
    with cli.workspace() as ws:
        for name in ("event", "expected"):
            if answers[name] is None:
                answers[name] = askers[name]()
        check = saved(
            cli, lambda fields: growth.RealityChecks(ws).create(**fields), answers, askers
        )
    line = (
        f"Saved reality check #{check.id}: you expect {check.expected} out of 10. "
        f"Afterwards: heartwise outcome {check.id} --actual N"
    )
    show(cli, as_json, check.to_dict(), line)


def check_askers() -> dict[str, Asker]:
    def expected() -> int | str:
        question = "How bad do you expect it to be, from 0 (not at all) to 10?"
        return number_or_text(ask(question, required=True))

    return {"event": lambda: ask("What is the event ahead?", required=True), "expected": expected}


def list_waiting_checks(cli: Cli, as_json: bool) -> None:
    with cli.workspace() as ws:
        waiting = growth.RealityChecks(ws).waiting()
    if as_json:
        render.print_json(sys.stdout, [check.to_dict() for check in waiting])
    elif not waiting:
        cli.out.line("No reality checks are waiting for what happened.")
    else:
        for check in waiting:
            cli.out.line(words.check_line(check))
        cli.out.line(("After the event: heartwise outcome ID --actual N", "dim"))


@app.command("outcome")
def outcome(
    ctx: typer.Context,
    check_id: Annotated[int, typer.Argument(metavar="ID", help="The reality check's number.")],
    actual: Annotated[
        int | None, typer.Option("--actual", help="How bad it really was, 0 to 10.")
    ] = None,
    happened: Annotated[str | None, typer.Option("--happened", help="What happened.")] = None,
    as_json: JsonOption = False,
) -> None:
    """After the event of a reality check: how bad it really was."""
    cli = cli_of(ctx)
    interactive = asking.at_terminal()
    if not interactive:
        asking.refuse_missing(
            ["--actual"] if actual is None else [], "heartwise outcome 1 --actual 3"
        )
    with cli.workspace() as ws:
        checks = growth.RealityChecks(ws)
        askers = outcome_askers(cli, checks.get(check_id)) if interactive else {}
        answers: dict[str, Any] = {"actual": actual}
        if actual is None and askers:
            answers["actual"] = askers["actual"]()

        def record(fields: dict[str, Any]) -> RealityCheck:
            return checks.record_outcome(check_id, what_happened=happened, **fields)

        done = saved(cli, record, answers, askers)
    show(cli, as_json, done.to_dict(), words.check_recorded(done))


def outcome_askers(cli: Cli, check: RealityCheck) -> dict[str, Asker]:
    """How bad it was, asked for; never for a check that has its answer (the service refuses
    a second one, and asking again would not change that)."""
    if check.outcome is not None:
        return {}

    def actual() -> int | str:
        cli.out.line(f"Before “{words.preview(check.event)}” you expected {check.expected}/10.")
        return number_or_text(ask("How bad was it really, from 0 to 10?", required=True))

    return {"actual": actual}


# -- figures ---------------------------------------------------------------------------------


@app.command("stats")
def stats(
    ctx: typer.Context, start: FromOption = None, end: ToOption = None, as_json: JsonOption = False
) -> None:
    """Plain figures: urges that passed, predictions beside what happened, thought records,
    and the last two weeks side by side."""
    cli = cli_of(ctx)
    low = parse_day(start, field="from") if start else None
    high = parse_day(end, field="to", end_of_day=True) if end else None
    with cli.workspace() as ws:
        figures = growth_stats.stats(ws, low, high)
        review = None if as_json else growth_stats.weekly_review(ws, cli.clock())
    if review is None:
        render.print_json(sys.stdout, figures)
        return
    for line in words.stats_lines(figures):
        cli.out.line(line)
    cli.out.line("")
    cli.out.line(("The last two weeks", "bold"))
    for line in words.review_lines(review):
        cli.out.line(line)
