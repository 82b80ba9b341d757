"""`heartwise serve`: the web app and the API on this machine."""

from __future__ import annotations

from typing import Annotated

import typer

from heartwise.cli.main import app, cli_of


@app.command("serve")
def serve(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option("--host", help="Address to listen on.")] = None,
    port: Annotated[
        int | None, typer.Option("--port", help="Port (default 8000 or HEARTWISE_PORT).")
    ] = None,
) -> None:
    """Start the web app at http://127.0.0.1:8000 (Ctrl-C stops it)."""
    import gc
    from dataclasses import replace

    from heartwise.web.server import run  # the web stack loads only for this command

    gc.enable()  # a server lives long: it needs the collector the short commands skip
    cli = cli_of(ctx)
    settings = replace(cli.settings, host=host or cli.settings.host, port=port or cli.settings.port)
    cli.err.line(
        f"heartwise is running at http://{settings.host}:{settings.port} — Ctrl-C stops it."
    )
    run(settings)
