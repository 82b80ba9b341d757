"""Conversation plans, expectations and ways of showing affection at the terminal: plan,
expect, affection.

As with the other commands, options serve scripts and a terminal asks for what is
missing; a refused answer away from a terminal ends the command with exit code 2 and
nothing stored.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Annotated, Any

import typer

from heartwise.cli import coach_text as words
from heartwise.cli import growth_asking as asking
from heartwise.cli import render
from heartwise.cli.growth_asking import Asker, ask, saved, show
from heartwise.cli.main import Cli, app, cli_of
from heartwise.cli.options import JsonOption
from heartwise.domain.affection import MAX_OWN_WAYS, WAYS, Profile, make_profile
from heartwise.domain.conversation import ConversationPlan
from heartwise.domain.expectations import STATUSES
from heartwise.errors import InvalidInput
from heartwise.services.affection import AffectionProfiles, Comparison
from heartwise.services.coach_log import ConversationPlans, Expectations, check_expectation_text

# -- plan ------------------------------------------------------------------------------------

PLAN_QUESTIONS = {
    "topic": "What do you want to talk about?",
    "hope": "What do you hope for? (Enter to skip)",
    "time_and_place": "A good time and place? (Enter to skip)",
    "opening": "How will you open? An “I feel” statement is a gentle start (Enter to skip)",
    "listen_for": "What will you listen for? (Enter to skip)",
}


@app.command("plan")
def plan(
    ctx: typer.Context,
    topic: Annotated[str | None, typer.Argument(help="What you want to talk about.")] = None,
    hope: Annotated[str | None, typer.Option("--hope", help="What you hope for.")] = None,
    when: Annotated[
        str | None, typer.Option("--when", help="A good time and place for it.")
    ] = None,
    opening: Annotated[str | None, typer.Option("--opening", help="How you will open.")] = None,
    listen_for: Annotated[
        str | None, typer.Option("--listen-for", help="What you will listen for.")
    ] = None,
    afterwards: Annotated[
        tuple[int, int] | None,
        typer.Option("--afterwards", metavar="ID RATING", help="How a talk went, 0 to 10."),
    ] = None,
    agreed: Annotated[
        str | None, typer.Option("--agreed", help="What you agreed, with --afterwards.")
    ] = None,
    list_all: Annotated[bool, typer.Option("--list", help="Show your plans.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Plan a hard conversation, and afterwards note how it went and what you agreed."""
    cli = cli_of(ctx)
    planning = any(v is not None for v in (topic, hope, when, opening, listen_for))
    if sum((planning, afterwards is not None, list_all)) > 1 or (agreed and not afterwards):
        raise InvalidInput(
            "Please do one thing at a time: plan a talk, say how one went with --afterwards "
            "ID RATING (and --agreed), or --list your plans."
        )
    if afterwards is not None:
        _afterwards(cli, *afterwards, agreed, as_json)
    elif list_all:
        _list_plans(cli, as_json)
    else:
        answers: dict[str, Any] = {
            "topic": topic,
            "hope": hope,
            "time_and_place": when,
            "opening": opening,
            "listen_for": listen_for,
        }
        _make_plan(cli, answers, as_json)


def _make_plan(cli: Cli, answers: dict[str, Any], as_json: bool) -> None:
    guided = answers["topic"] is None and asking.at_terminal()
    if not guided:
        asking.refuse_missing(
            ["the topic"] if answers["topic"] is None else [],
            'heartwise plan "Weekends with his parents" --hope "A fair split"',
        )
    askers = _plan_askers() if guided else {}
    for name in [n for n, v in answers.items() if v is None] if guided else []:
        answers[name] = askers[name]()
    with cli.workspace() as ws:
        plans = ConversationPlans(ws)

        def save(fields: dict[str, Any]) -> ConversationPlan:
            given: dict[str, Any] = {name: value or None for name, value in fields.items()}
            return plans.create(given.pop("topic"), **given)

        made = saved(cli, save, answers, askers)
    if as_json:
        render.print_json(sys.stdout, made.to_dict())
        return
    cli.out.line(f"Saved conversation plan #{made.id}: {words.preview(made.topic)}")
    flags = made.opening_flags()
    if flags and made.opening:
        cli.out.line("Your opening, a second look (hints, not rules):")
        words.print_flags(cli.out, made.opening, flags)
    cli.out.line((f"Afterwards: heartwise plan --afterwards {made.id} RATING", "dim"))


def _plan_askers() -> dict[str, Asker]:
    def asker(name: str) -> Asker:
        return lambda: ask(PLAN_QUESTIONS[name], required=name == "topic")

    return {name: asker(name) for name in PLAN_QUESTIONS}


def _afterwards(cli: Cli, plan_id: int, rating: int, agreed: str | None, as_json: bool) -> None:
    with cli.workspace() as ws:
        done = ConversationPlans(ws).record_afterwards(plan_id, rating, agreed)
    line = f"Noted: the talk about “{words.preview(done.topic, 40)}” went {rating} out of 10."
    show(cli, as_json, done.to_dict(), line)


def _list_plans(cli: Cli, as_json: bool) -> None:
    with cli.workspace() as ws:
        plans = ConversationPlans(ws).list()
    if as_json:
        render.print_json(sys.stdout, [p.to_dict() for p in plans])
    elif not plans:
        cli.out.line("No conversation plans yet. heartwise plan TOPIC starts one.")
    else:
        for one in plans:
            cli.out.line(words.plan_line(one))


# -- expect ----------------------------------------------------------------------------------


@app.command("expect")
def expect(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Argument(help="What you expect.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note to keep with it.")] = None,
    check_only: Annotated[
        bool, typer.Option("--check", help="Only check it; nothing is saved.")
    ] = False,
    softer: Annotated[
        bool, typer.Option("--softer", help="Save the softer wording the check offers.")
    ] = False,
    status: Annotated[
        tuple[int, str] | None,
        typer.Option("--status", metavar="ID open|discussed|agreed", help="Mark one."),
    ] = None,
    list_all: Annotated[bool, typer.Option("--list", help="Show your expectations.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Write down an expectation of your relationship: heartwise checks whether it leaves
    room for an ordinary day, offers a softer wording, and lets you mark it discussed or
    agreed."""
    cli = cli_of(ctx)
    writing = text is not None or note is not None or check_only or softer
    if sum((writing, status is not None, list_all)) > 1:
        raise InvalidInput(
            "Please do one thing at a time: write an expectation, mark one with --status, "
            "or --list them."
        )
    if status is not None:
        _mark(cli, *status, as_json)
    elif list_all:
        _list_expectations(cli, as_json)
    else:
        _write_expectation(cli, text, note, check_only, softer, as_json)


def _write_expectation(
    cli: Cli, text: str | None, note: str | None, check_only: bool, softer: bool, as_json: bool
) -> None:
    interactive = asking.at_terminal()
    if text is None and not interactive:
        asking.refuse_missing(["the expectation"], 'heartwise expect "He texts me when he is late"')
    if text is None:
        text = ask("What do you expect?", required=True)
    check = check_expectation_text(text)
    if check_only:
        if as_json:
            render.print_json(sys.stdout, check.to_dict())
        else:
            words.print_check(cli.out, text.strip(), check)
        return
    if not as_json:
        words.print_check(cli.out, text.strip(), check)
    if check.softer and not softer and interactive and not as_json:
        softer = asking.ask("Save the softer wording instead? [y/N]").lower() in ("y", "yes")
    chosen = check.softer if softer and check.softer else text
    with cli.workspace() as ws:
        saved_one = Expectations(ws).create(chosen, note=note)
    line = f"Saved expectation #{saved_one.id}: {words.preview(saved_one.text)}"
    show(cli, as_json, saved_one.to_dict(), line)


def _mark(cli: Cli, expectation_id: int, status: str, as_json: bool) -> None:
    with cli.workspace() as ws:
        marked = Expectations(ws).set_status(expectation_id, status.strip().lower())
    line = f"Marked expectation #{marked.id}: {words.STATUS_WORDS[marked.status]}."
    show(cli, as_json, marked.to_dict(), line)


def _list_expectations(cli: Cli, as_json: bool) -> None:
    with cli.workspace() as ws:
        grouped = Expectations(ws).by_status()
    if as_json:
        render.print_json(sys.stdout, [e.to_dict() for status in STATUSES for e in grouped[status]])
        return
    if not any(grouped.values()):
        cli.out.line("No expectations yet. heartwise expect TEXT writes one down.")
    for status in STATUSES:
        for expectation in grouped[status]:
            cli.out.line(words.expectation_line(expectation))


# -- affection -------------------------------------------------------------------------------


@app.command("affection")
def affection(
    ctx: typer.Context,
    mine: Annotated[
        list[str],
        typer.Option("--mine", metavar="WAY=GIVING/RECEIVING", help="Your rating; repeat."),
    ] = [],  # noqa: B006 - Typer reads defaults, never mutates them
    guess: Annotated[
        list[str],
        typer.Option("--guess", metavar="WAY=GIVING/RECEIVING", help="Your guess for them."),
    ] = [],  # noqa: B006
    rate: Annotated[bool, typer.Option("--rate", help="Rate each way, one by one.")] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Delete your ratings.")] = False,
    as_json: JsonOption = False,
) -> None:
    """How much each way of showing affection matters to you, giving and receiving, from
    0 to 10, beside your partner's (your guess until they share theirs), where you
    differ, and ideas for bridging each gap. Ways: kind_words, time_together,
    help_with_tasks, physical_touch, gifts, or up to five of your own."""
    cli = cli_of(ctx)
    if sum((bool(mine or guess), rate, clear)) > 1:
        raise InvalidInput(
            "Please do one thing at a time: rate (--mine, --guess or --rate) or --clear."
        )
    with cli.workspace() as ws:
        profiles = AffectionProfiles(ws)
        if clear:
            profiles.clear()
            cli.out.line("Your ratings are deleted.")
            return
        if mine or guess:
            _save_given(profiles, mine, guess)
        elif rate:
            _rate(cli, profiles)
        profile, comparison = profiles.get(), profiles.comparison()
    if as_json:
        render.print_json(
            sys.stdout,
            {
                "profile": None if profile is None else profile.to_dict(),
                "comparison": None if comparison is None else comparison.to_dict(),
            },
        )
        return
    _print_affection(cli, comparison)


def _save_given(profiles: AffectionProfiles, mine: list[str], guess: list[str]) -> None:
    """A side given replaces that side; the other is kept as it was."""
    current = profiles.get()

    def side(typed: list[str], name: str) -> Mapping[str, Any]:
        if typed:
            return words.parse_ratings(typed, name)
        kept: Profile = getattr(current, name) if current else {}
        return {way: rating.to_dict() for way, rating in kept.items()}

    profiles.save(side(mine, "mine"), side(guess, "guess"))


def _rate(cli: Cli, profiles: AffectionProfiles) -> None:
    """Each of the five ways, then ways of one's own, for oneself and as a guess; each
    answer is checked by the same rules as a save, and asked again when refused."""
    found: dict[str, dict[str, Any]] = {"mine": {}, "guess": {}}
    cli.out.line("Rate how much each matters, from 0 to 10: giving, then receiving (like 6 9).")
    ways = list(WAYS.items())
    while len(ways) < len(WAYS) + MAX_OWN_WAYS:
        own = ask("A way of your own to add? (Enter when done)")
        if not own:
            break
        ways.append((own, own))
    for side, whose in (("mine", "To you"), ("guess", "To your partner, as you guess")):
        for key, name in ways:

            def read(answer: str, key: str = key, side: str = side) -> dict[str, Any]:
                if not answer:
                    return {}
                giving, receiving = _two_numbers(answer, side)
                rating = {key: {"giving": giving, "receiving": receiving}}
                make_profile(rating, side)  # the service's rules, before anything is saved
                return rating

            question = f"{whose}, {name.lower()}: giving and receiving (Enter to skip)"
            found[side] |= asking.ask_until(cli, question, read)
    profiles.save(found["mine"], found["guess"])


def _two_numbers(answer: str, field: str) -> tuple[int, int]:
    numbers = words.pair(answer)
    if isinstance(numbers, str):
        raise InvalidInput(
            "Please give two whole numbers from 0 to 10, giving then receiving, like 6 9.",
            field=field,
        )
    return numbers


def _print_affection(cli: Cli, comparison: Comparison | None) -> None:
    if comparison is None:
        cli.out.line(
            "No ratings yet. Try: heartwise affection --rate, or "
            "heartwise affection --mine kind_words=6/9 --guess kind_words=4/7"
        )
        return
    for line in words.affection_rows(comparison.rows):
        cli.out.line(line)
    cli.out.line(
        (
            "Your partner's columns are their own ratings, shared with you."
            if comparison.partner_source == "partner"
            else "Your partner's columns are your guess, until they share their own.",
            "dim",
        )
    )
    cli.out.line("")
    cli.out.line(("Where you differ", "bold"))
    for line in words.difference_lines(comparison.differences):
        cli.out.line(line)
