"""The message coach and the "I feel" builder at the terminal: coach, ifeel.

Like the self-awareness commands, every part can be given as an option for scripts; at
a terminal heartwise asks for what is missing and asks again for an answer the service
refused. The coach stores nothing; a statement is saved as a draft, and later
`heartwise ifeel --outcome ID sent|unsent` records how it went.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from heartwise.cli import coach_text as words
from heartwise.cli import growth_asking as asking
from heartwise.cli import render
from heartwise.cli.growth_asking import Asker, ask, ask_until, saved, show
from heartwise.cli.main import Cli, app, cli_of
from heartwise.cli.options import JsonOption
from heartwise.domain.coach import Coaching
from heartwise.domain.feelings import FEELING_FAMILIES, NEEDS
from heartwise.domain.ifeel import IFeelStatement
from heartwise.errors import InvalidInput
from heartwise.services.coach_log import IFeelPreview, IFeelStatements, preview_ifeel

# -- coach -----------------------------------------------------------------------------------


@app.command("coach")
def coach_command(
    ctx: typer.Context,
    text: Annotated[
        str | None, typer.Argument(help="The draft message; - (or nothing) reads standard input.")
    ] = None,
    feeling: Annotated[
        str | None,
        typer.Option("--feeling", help="When the rewrite asks: the feeling, by number or word."),
    ] = None,
    request: Annotated[
        str | None,
        typer.Option("--request", help="When the rewrite asks: the request, by number or words."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Read a message before you send it: what may land as blame, why, and a gentler way to
    say it made of your own words. Read on this machine; nothing is stored."""
    cli = cli_of(ctx)
    draft = _draft(text)
    from heartwise.services.coach import coach_message

    result = coach_message(draft)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        return
    if result.crisis != "none":
        from heartwise.cli.safety import print_crisis_help

        print_crisis_help(cli.out, cli.settings, result.crisis)
    words.print_coaching(cli.out, draft, result)
    _choose(cli, result, feeling, request)


def _draft(text: str | None) -> str:
    if text not in (None, "-"):
        return str(text)
    if text is None and asking.at_terminal():
        return ask("Your draft message", required=True)
    # Bytes a terminal sent in another encoding reach the coach, which says so plainly.
    buffer = getattr(sys.stdin, "buffer", None)
    read = buffer.read().decode("utf-8", "surrogateescape") if buffer else sys.stdin.read()
    return read.rstrip("\r\n")


def _choose(cli: Cli, result: Coaching, feeling: str | None, request: str | None) -> None:
    """The parts the draft leaves open, chosen by number: asked at a terminal, listed
    elsewhere (or given with --feeling and --request)."""
    from heartwise.services.coach import filled_rewrite

    rewrite = result.rewrite
    if rewrite is None or not (rewrite.needs_feeling or rewrite.needs_request):
        return
    interactive = asking.at_terminal()
    cli.out.line("")
    chosen = {
        "feeling": _chosen(cli, result, "feeling", feeling, interactive)
        if rewrite.needs_feeling
        else None,
        "request": _chosen(cli, result, "request", request, interactive)
        if rewrite.needs_request
        else None,
    }
    if not interactive and feeling is None and request is None:
        cli.out.line(("Choose with --feeling N and --request N, or edit it yourself.", "dim"))
        return
    cli.out.line("")
    cli.out.line(("Your message, to send as it is or edit:", "bold"))
    cli.out.line(f"    {filled_rewrite(result, chosen['feeling'], chosen['request'])}")


_QUESTIONS = {"feeling": "How do you feel?", "request": "What would you like to ask?"}


def _chosen(
    cli: Cli, result: Coaching, field: str, typed: str | None, interactive: bool
) -> str | None:
    """One open part: listed with numbers, then taken from its option or asked for."""
    from heartwise.services.coach import filled_rewrite

    assert result.rewrite is not None
    rewrite = result.rewrite
    options = rewrite.feeling_choices if field == "feeling" else rewrite.request_choices
    words.print_choices(cli.out, _QUESTIONS[field], options)
    if typed is None and not interactive:
        return None

    def offered(answer: str) -> str:
        picked = words.choice(answer or "1", options, field)
        filled_rewrite(result, **{field: picked})  # refuses what was not offered
        return picked

    return (
        offered(typed) if typed is not None else ask_until(cli, "A number, or Enter for 1", offered)
    )


# -- ifeel -----------------------------------------------------------------------------------

IFEEL_EXAMPLE = (
    'heartwise ifeel --feeling lonely --situation "you worked late three nights this week" '
    '--need "time together" --request "keep Friday evenings for us"'
)
_SENT = {"sent": True, "yes": True, "unsent": False, "not-sent": False, "no": False}


@app.command("ifeel")
def ifeel(
    ctx: typer.Context,
    feeling: Annotated[
        str | None, typer.Option("--feeling", "-f", help="One word for the feeling, e.g. lonely.")
    ] = None,
    situation: Annotated[
        str | None,
        typer.Option("--situation", "-s", help="What happened, as a camera would have seen it."),
    ] = None,
    need: Annotated[str | None, typer.Option("--need", "-n", help="What you need.")] = None,
    request: Annotated[
        str | None, typer.Option("--request", "-r", help="What you would like them to do.")
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="Your own wording to keep.")] = None,
    phrasing: Annotated[
        int | None, typer.Option("--phrasing", help="Keep phrasing 1, 2 or 3 (default 1).")
    ] = None,
    outcome: Annotated[
        tuple[int, str] | None,
        typer.Option("--outcome", metavar="ID sent|unsent", help="Say whether a draft was sent."),
    ] = None,
    how: Annotated[str | None, typer.Option("--how", help="How it went, with --outcome.")] = None,
    list_all: Annotated[bool, typer.Option("--list", help="Show your statements.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Build an "I feel" statement: a feeling, what happened, what you need and a request.
    heartwise points out what may work against being heard, offers three phrasings, and
    saves the one you choose as a draft. At a terminal it guides you through each part."""
    cli = cli_of(ctx)
    building = any(v is not None for v in (feeling, situation, need, request, text, phrasing))
    if sum((building, outcome is not None, list_all)) > 1 or (how and outcome is None):
        raise InvalidInput(
            "Please do one thing at a time: build a statement, record an --outcome (with "
            "--how), or --list your statements."
        )
    if outcome is not None:
        _record_outcome(cli, *outcome, how, as_json)
    elif list_all:
        _list(cli, as_json)
    else:
        answers = {"feeling": feeling, "situation": situation, "need": need, "request": request}
        _build(cli, answers, text, phrasing, as_json)


def _build(
    cli: Cli, answers: dict[str, Any], text: str | None, phrasing: int | None, as_json: bool
) -> None:
    guided = (answers["feeling"] is None or answers["situation"] is None) and asking.at_terminal()
    if not guided:
        missing = [f"--{name}" for name in ("feeling", "situation") if answers[name] is None]
        asking.refuse_missing(missing, IFEEL_EXAMPLE)
    if text is not None and phrasing is not None:
        raise InvalidInput("Please give either --text or --phrasing, not both.", field="text")
    askers = _ifeel_askers(cli) if guided else {}
    for name in [n for n, v in answers.items() if v is None] if guided else []:
        answers[name] = askers[name]()
    preview = saved(cli, lambda parts: preview_ifeel(**parts), answers, askers)
    if guided:
        preview = _review_flags(cli, preview, answers, askers)
    chosen = text if text is not None else _phrasing(cli, preview, phrasing, guided)
    with cli.workspace() as ws:
        log = IFeelStatements(ws)

        def save(parts: dict[str, Any]) -> IFeelStatement:
            feeling, situation = parts["feeling"], parts["situation"]
            return log.create(
                feeling, situation, need=parts["need"], request=parts["request"], text=chosen
            )

        statement = saved(cli, save, answers, askers)
    if as_json:
        render.print_json(sys.stdout, statement.to_dict())
        return
    cli.out.line(f"Saved “I feel” draft #{statement.id}:")
    cli.out.line(f"    {statement.text}")
    if not guided:
        _print_checks(cli, preview)
    cli.out.line((f"Afterwards: heartwise ifeel --outcome {statement.id} sent|unsent", "dim"))


def _ifeel_askers(cli: Cli) -> dict[str, Asker]:
    needs = list(NEEDS)

    def feeling() -> str:
        cli.out.line("Feelings, by family:")
        for family, members in FEELING_FAMILIES.items():
            cli.out.line(f"  {family}: {', '.join(members)}")
        return ask("How do you feel? A word from the list, or your own", required=True)

    def need() -> str:
        words.print_choices(cli.out, "What do you need?", needs)
        return ask_until(
            cli,
            "A number, your own words, or Enter to skip",
            lambda answer: words.choice(answer, needs, "need"),
        )

    return {
        "feeling": feeling,
        "situation": lambda: ask(
            "What happened, as a camera would have seen it? When…", required=True
        ),
        "need": need,
        "request": lambda: ask("What would you like them to do? (Enter to skip)"),
    }


def _review_flags(
    cli: Cli, preview: IFeelPreview, answers: dict[str, Any], askers: dict[str, Asker]
) -> IFeelPreview:
    """Each part with a flag, shown with the hint, for the person to keep or change."""
    changed = False
    for part in ("feeling", "situation", "request"):
        flags = preview.flags[part]
        if not flags:
            continue
        cli.out.line((f"About the {part}:", "bold"))
        words.print_flags(cli.out, preview.parts[part] or "", flags)
        again = ask("Type it again to change it, or Enter to keep it")
        if again:
            answers[part], changed = again, True
    return saved(cli, lambda parts: preview_ifeel(**parts), answers, askers) if changed else preview


def _phrasing(cli: Cli, preview: IFeelPreview, number: int | None, guided: bool) -> str:
    options = preview.phrasings
    if number is not None:
        if not 1 <= number <= len(options):
            raise InvalidInput(f"Please choose phrasing 1 to {len(options)}.", field="phrasing")
        return options[number - 1]
    if not guided:
        return options[0]
    words.print_choices(cli.out, "Three ways to say it:", options)
    return ask_until(
        cli,
        "Which one? A number, your own words, or Enter for 1",
        lambda answer: words.choice(answer or "1", options, "text"),
    )


def _print_checks(cli: Cli, preview: IFeelPreview) -> None:
    flagged = [part for part, flags in preview.flags.items() if flags]
    if not flagged:
        return
    cli.out.line("Worth a second look (hints, not rules):")
    for part in flagged:
        words.print_flags(cli.out, preview.parts[part] or "", preview.flags[part])


def _record_outcome(cli: Cli, statement_id: int, word: str, how: str | None, as_json: bool) -> None:
    sent = _SENT.get(word.strip().lower())
    if sent is None:
        raise InvalidInput(
            "Please say sent or unsent, for example: heartwise ifeel --outcome 3 sent.",
            field="sent",
        )
    with cli.workspace() as ws:
        statement = IFeelStatements(ws).record_outcome(statement_id, sent, how)
    line = (
        f"Noted: you sent “I feel” statement #{statement.id}."
        if sent
        else f"Noted: statement #{statement.id} was not sent. Writing it was a step too."
    )
    show(cli, as_json, statement.to_dict(), line)


def _list(cli: Cli, as_json: bool) -> None:
    with cli.workspace() as ws:
        statements = IFeelStatements(ws).list()
    if as_json:
        render.print_json(sys.stdout, [s.to_dict() for s in statements])
    elif not statements:
        cli.out.line("No “I feel” statements yet. heartwise ifeel builds one with you.")
    else:
        for statement in statements:
            cli.out.line(words.statement_line(statement))
