"""`heartwise analyze`: what heartwise notices in a text, read on this machine only."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from heartwise.cli.main import app, cli_of
from heartwise.errors import ImportFailed
from heartwise.services import insight


@app.command("analyze")
def analyze_command(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Argument(help="The text to read; - reads stdin.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    jsonl: Annotated[
        Path | None,
        typer.Option("--jsonl", help='Read lines of {"text": ...} and write one result per line.'),
    ] = None,
) -> None:
    """Point out thinking traps, signs of insecurity, blaming words and risk in a text."""
    cli = cli_of(ctx)
    if jsonl is not None:
        _analyze_lines(jsonl)
        return
    body = sys.stdin.read() if text in (None, "-") else str(text)
    findings = insight.read_text(body)
    if as_json:
        json.dump(findings.to_dict(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    notes = insight.notes(body, findings)
    if findings.crisis.level != "none":
        from heartwise.cli.safety import print_crisis_help

        print_crisis_help(cli.out, cli.settings, findings.crisis.level, findings.crisis.kinds)
    if not notes:
        cli.out.line("Nothing stood out. That is worth noticing too.")
    for note in notes:
        cli.out.line((f"• {note.says}", "bold"))
        for quote in note.quotes[:3]:
            cli.out.line((f"    “{quote}”", "italic"))
        cli.out.line((f"    Next: {note.next_step}", "dim"))


def _analyze_lines(path: Path) -> None:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise ImportFailed(f"{path} could not be opened ({exc.strerror}).") from None
    with handle:
        out = sys.stdout
        for findings in insight.read_lines(handle):
            out.write(json.dumps(findings, ensure_ascii=False) + "\n")
