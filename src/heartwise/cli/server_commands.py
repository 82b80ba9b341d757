"""`heartwise serve`: the web app and the API on this machine."""

from __future__ import annotations

from typing import Annotated

import typer

from heartwise.cli.main import app, cli_of
from heartwise.errors import InvalidInput


@app.command("serve")
def serve(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option("--host", help="Address to listen on.")] = None,
    port: Annotated[
        int | None, typer.Option("--port", help="Port (default 8000 or HEARTWISE_PORT).")
    ] = None,
    multi_user: Annotated[
        bool,
        typer.Option(
            "--multi-user",
            help="Serve many people: sign-up, sign-in and partners, each account sealed "
            "with its own keys (SQLite, or PostgreSQL from HEARTWISE_DATABASE_URL).",
        ),
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=64, help="Worker processes (server mode).")
    ] = 1,
) -> None:
    """Start the web app at http://127.0.0.1:8000 (Ctrl-C stops it)."""
    import gc
    from dataclasses import replace

    from heartwise.web.server import run  # the web stack loads only for this command

    gc.enable()  # a server lives long: it needs the collector the short commands skip
    cli = cli_of(ctx)
    settings = replace(
        cli.settings,
        host=host or cli.settings.host,
        port=port or cli.settings.port,
        multi_user=multi_user or cli.settings.multi_user,
    )
    if workers > 1 and not settings.multi_user:
        raise InvalidInput(
            "Several workers serve a multi-user server; a journal on this machine needs one. "
            "Add --multi-user, or leave out --workers."
        )
    mode = "a multi-user server" if settings.multi_user else "your journal"
    cli.err.line(
        f"heartwise is serving {mode} at http://{settings.host}:{settings.port} — Ctrl-C stops it."
    )
    run(settings, workers)
