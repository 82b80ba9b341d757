"""Commands for writing and reading entries: log, list, show, edit, delete, trash, search."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Annotated

import typer

from heartwise.cli import render
from heartwise.cli.editor import write_in_editor
from heartwise.cli.main import app, cli_of
from heartwise.domain.entries import check_mood, clean_tags, make_draft, parse_emotion
from heartwise.domain.time import parse_day, parse_moment
from heartwise.errors import InvalidInput
from heartwise.services.journal import Journal, Query

TagOption = Annotated[list[str], typer.Option("--tag", "-t", help="A tag; repeat for more.")]
EmotionOption = Annotated[
    list[str], typer.Option("--emotion", "-e", help="NAME:INTENSITY (0–100), e.g. anxious:70.")
]
MoodOption = Annotated[int | None, typer.Option("--mood", "-m", help="Mood from 1 to 10.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _text_from(cli_text: str | None, ctx: typer.Context, initial: str = "") -> str:
    if cli_text == "-":
        return sys.stdin.read()
    if cli_text is not None:
        return cli_text
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
    at: Annotated[
        str | None, typer.Option("--at", help="When it happened (ISO date-time).")
    ] = None,
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
        cli.err.print("Nothing was written, so nothing was saved.")
        return
    draft = make_draft(body, occurred_at, mood=mood, emotions=emotions, tags=tag)
    with cli.workspace() as ws:
        entry = Journal(ws).add(draft)
    cli.out.print(f"Saved entry #{entry.id}, {render.when(entry)}.")


def _query(tag: str | None, start: str | None, end: str | None, limit: int) -> Query:
    return Query(
        tag=tag,
        start=parse_day(start, field="from") if start else None,
        end=parse_day(end, field="to", end_of_day=True) if end else None,
        limit=limit,
    )


FromOption = Annotated[str | None, typer.Option("--from", help="From this date (YYYY-MM-DD).")]
ToOption = Annotated[str | None, typer.Option("--to", help="Up to this date, included.")]


@app.command("list")
def list_entries(
    ctx: typer.Context,
    n: Annotated[int, typer.Option("-n", help="How many entries to show.")] = 10,
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", help="Only entries with this tag.")
    ] = None,
    start: FromOption = None,
    end: ToOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show your latest entries, newest first."""
    cli = cli_of(ctx)
    with cli.workspace() as ws:
        entries = Journal(ws).recent(_query(tag, start, end, n))
    if as_json:
        render.print_json(sys.stdout, [entry.to_dict() for entry in entries])
    elif not entries:
        cli.out.print('No entries yet. Write one with: heartwise log "…"')
    else:
        render.print_list(cli.out, entries)


@app.command("show")
def show_entry(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument(metavar="ID", help="The entry's number.")],
    as_json: JsonOption = False,
) -> None:
    """Show one entry in full."""
    cli = cli_of(ctx)
    with cli.workspace() as ws:
        entry = Journal(ws).get(entry_id)
    if as_json:
        render.print_json(sys.stdout, entry.to_dict())
    else:
        render.print_entry(cli.out, entry)


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
    at: Annotated[
        str | None, typer.Option("--at", help="When it happened (ISO date-time).")
    ] = None,
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
    cli.out.print(f"Updated entry #{entry.id}.")


def _edited_text(ctx: typer.Context, current: str) -> str:
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
    cli.out.print(
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
            cli.out.print(f"Restored entry #{entry.id}.")
            return
        entries = journal.trash()
    if as_json:
        render.print_json(sys.stdout, [entry.to_dict() for entry in entries])
    elif not entries:
        cli.out.print("The trash is empty.")
    else:
        cli.out.print(
            f"{len(entries)} in the trash; each is removed for good 30 days after deletion."
        )
        render.print_list(cli.out, entries)


@app.command("search")
def search(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(help="Words to look for; entries with all of them are found.")
    ],
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", help="Only entries with this tag.")
    ] = None,
    start: FromOption = None,
    end: ToOption = None,
    n: Annotated[int, typer.Option("-n", help="How many results at most.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Find entries by the words in them, best matches first."""
    cli = cli_of(ctx)
    with cli.workspace() as ws:
        hits = Journal(ws).search(query, _query(tag, start, end, n))
    if as_json:
        render.print_json(
            sys.stdout,
            [
                {
                    **hit.entry.to_dict(),
                    "rank": hit.rank,
                    "highlights": [list(span) for span in hit.spans],
                }
                for hit in hits
            ],
        )
        return
    if not hits:
        cli.out.print("No entries hold all of those words.")
    for hit in hits:
        cli.out.print(render.headline(hit.entry))
        cli.out.print(render.highlighted(hit.entry.text, hit.spans))
