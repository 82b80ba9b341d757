"""Commands that read entries: list, show, search."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from heartwise.cli import render
from heartwise.cli.main import Cli, app, cli_of
from heartwise.cli.options import FromOption, JsonOption, ToOption, query_of
from heartwise.services.journal import Journal
from heartwise.services.workspace import Workspace


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
        entries = Journal(ws).recent(query_of(tag, start, end, n))
    if as_json:
        render.print_json(sys.stdout, [entry.to_dict() for entry in entries])
    elif not entries:
        cli.out.line('No entries yet. Write one with: heartwise log "…"')
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
            return
        render.print_entry(cli.out, entry)
        if cli.out.styled:
            _print_notes(cli, ws, entry.id, entry.text)


def _print_notes(cli: Cli, ws: Workspace, entry_id: int, text: str) -> None:
    """What heartwise noticed, for a person at a terminal (scripts never load the models)."""
    from heartwise.services import insight, preferences
    from heartwise.services.dismissals import Dismissals

    if not preferences.analysis_enabled(ws):
        return
    findings = Dismissals(ws).without_dismissed(entry_id, insight.read_text(text))
    for note in insight.notes(text, findings):
        cli.out.line("")
        cli.out.line((f"• {note.says}", "bold"))
        cli.out.line((f"  Next: {note.next_step}", "dim"))


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
        hits = Journal(ws).search(query, query_of(tag, start, end, n))
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
        cli.out.line("No entries hold all of those words.")
    for hit in hits:
        cli.out.line(*render.headline(hit.entry))
        cli.out.line(*render.highlighted(hit.entry.text, hit.spans))
