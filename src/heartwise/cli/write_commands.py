"""Commands that write entries: log, edit, delete, trash."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Annotated

import typer

from heartwise.cli import render
from heartwise.cli.main import Cli, app, cli_of
from heartwise.cli.options import AtOption, EmotionOption, JsonOption, MoodOption, TagOption
from heartwise.domain.entries import check_mood, clean_tags, make_draft, parse_emotion
from heartwise.domain.time import parse_moment
from heartwise.errors import InvalidInput
from heartwise.services.journal import Journal
from heartwise.services.workspace import Workspace


def _text_from(cli_text: str | None, ctx: typer.Context, initial: str = "") -> str:
    if cli_text == "-":
        return sys.stdin.read()
    if cli_text is not None:
        return cli_text
    from heartwise.cli.editor import write_in_editor

    return write_in_editor(cli_of(ctx).settings, initial)


def _emotions(specs: list[str]) -> dict[str, int]:
    return dict(parse_emotion(spec) for spec in specs)


def _moment(raw: str | None, clock_now: datetime) -> datetime:
    return parse_moment(raw) if raw else clock_now


@app.command("log")
def log_entry(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(
            help="What happened and how you feel. Leave out to write in your editor; - reads stdin."
        ),
    ] = None,
    mood: MoodOption = None,
    tag: TagOption = [],  # noqa: B006 - Typer reads defaults, never mutates them
    emotion: EmotionOption = [],  # noqa: B006
    at: AtOption = None,
) -> None:
    """Write a journal entry."""
    cli = cli_of(ctx)
    # Everything typed on the command line is checked before the editor opens, so a
    # mistake there never costs what was written in the editor.
    emotions, occurred_at = _emotions(emotion), _moment(at, cli.clock())
    check_mood(mood)
    clean_tags(tag)
    body = _text_from(text, ctx)
    if text is None and not body.strip():
        cli.err.line("Nothing was written, so nothing was saved.")
        return
    draft = make_draft(body, occurred_at, mood=mood, emotions=emotions, tags=tag)
    with cli.workspace() as ws:
        entry = Journal(ws).add(draft)
        cli.out.line(f"Saved entry #{entry.id}, {render.when(entry)}.")
        if cli.out.styled:
            _reflect(cli, ws, entry.id, entry.text)


def _reflect(cli: Cli, ws: Workspace, entry_id: int, text: str) -> None:
    """After the entry is safely stored, one calm line about what heartwise noticed.

    Only for a person at a terminal: scripts that pipe `heartwise log` never load the
    models, and quick capture stays quick.
    """
    from heartwise.services import insight, preferences

    if not preferences.analysis_enabled(ws):
        return
    findings = insight.read_text(text)
    if findings.crisis.level != "none":
        from heartwise.cli.safety import print_crisis_help

        print_crisis_help(cli.out, cli.settings, findings.crisis.level, findings.crisis.kinds)
    notes = insight.notes(text, findings)
    if notes:
        more = f" (more: heartwise show {entry_id})" if len(notes) > 1 else ""
        cli.out.line((f"{notes[0].says} {notes[0].next_step}{more}", "dim"))


@app.command("edit")
def edit_entry(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument(metavar="ID", help="The entry's number.")],
    text: Annotated[
        str | None, typer.Option("--text", help="New text (else your editor opens).")
    ] = None,
    mood: MoodOption = None,
    tag: TagOption = [],  # noqa: B006
    emotion: EmotionOption = [],  # noqa: B006
    at: AtOption = None,
) -> None:
    """Change an entry: its text in your editor, or any field by option."""
    cli = cli_of(ctx)
    changes: dict[str, object] = {}
    if mood is not None:
        changes["mood"] = mood
    if tag:
        changes["tags"] = tag
    if emotion:
        changes["emotions"] = _emotions(emotion)
    if at:
        changes["occurred_at"] = parse_moment(at)
    with cli.workspace() as ws:
        journal = Journal(ws)
        if text is not None or not changes:
            changes["text"] = (
                text if text is not None else _edited_text(ctx, journal.get(entry_id).text)
            )
        entry = journal.edit(entry_id, changes)
    cli.out.line(f"Updated entry #{entry.id}.")


def _edited_text(ctx: typer.Context, current: str) -> str:
    from heartwise.cli.editor import write_in_editor

    edited = write_in_editor(cli_of(ctx).settings, current)
    if not edited.strip():
        raise InvalidInput(
            "The text came back empty, so the entry was left as it was. "
            "To remove it, use heartwise delete."
        )
    return edited


@app.command("delete")
def delete_entry(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument(metavar="ID", help="The entry's number.")],
) -> None:
    """Move an entry to the trash (restorable for 30 days)."""
    cli = cli_of(ctx)
    with cli.workspace() as ws:
        entry = Journal(ws).delete(entry_id)
    cli.out.line(
        f"Moved entry #{entry.id} to the trash. "
        f"Bring it back with: heartwise trash --restore {entry.id}"
    )


@app.command("trash")
def trash(
    ctx: typer.Context,
    restore: Annotated[
        int | None, typer.Option("--restore", metavar="ID", help="Restore this entry.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List entries in the trash, or restore one."""
    cli = cli_of(ctx)
    with cli.workspace() as ws:
        journal = Journal(ws)
        if restore is not None:
            entry = journal.restore(restore)
            cli.out.line(f"Restored entry #{entry.id}.")
            return
        entries = journal.trash()
    if as_json:
        render.print_json(sys.stdout, [entry.to_dict() for entry in entries])
    elif not entries:
        cli.out.line("The trash is empty.")
    else:
        cli.out.line(
            f"{len(entries)} in the trash; each is removed for good 30 days after deletion."
        )
        render.print_list(cli.out, entries)
