"""Commands that move data in and out, and check its health: export, import, doctor."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn

from heartwise.cli.main import ExportFormat, ImportSource, app, cli_of
from heartwise.config import Settings
from heartwise.errors import HeartwiseError, ImportFailed
from heartwise.services import backup, doctor
from heartwise.services.journal import Journal
from heartwise.services.workspace import is_locked, open_local_database


@app.command("export")
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="json (full backup), md or csv.")
    ] = ExportFormat.json,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: the screen).", dir_okay=False),
    ] = None,
) -> None:
    """Export your journal: a JSON backup (everything), Markdown or CSV."""
    cli = cli_of(ctx)
    with cli.workspace() as ws:
        if output is None:
            backup.export(Journal(ws), fmt.value, sys.stdout, cli.clock())
            return
        count = _export_to_file(Journal(ws), fmt.value, output, cli.clock())
    cli.err.line(
        f"Exported {count} entries to {output}. It is not encrypted: keep it somewhere safe."
    )


def _export_to_file(journal: Journal, fmt: str, output: Path, now: datetime) -> int:
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            count = backup.export(journal, fmt, handle, now)
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ImportFailed(f"{output} could not be written ({exc.strerror}).") from None
    return count


@app.command("import")
def import_entries(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The file to import.")],
    source: Annotated[
        ImportSource, typer.Option("--from", help="heartwise backup, jrnl JSON or Day One JSON.")
    ] = ImportSource.heartwise,
) -> None:
    """Import entries from a heartwise backup or a jrnl or Day One JSON export."""
    import gc

    gc.enable()  # an import can run for minutes over a large file
    cli = cli_of(ctx)
    try:
        stream = file.open("rb")
    except OSError as exc:
        raise ImportFailed(
            f"{file} could not be opened ({exc.strerror}). Nothing was imported."
        ) from None
    with stream, cli.workspace() as ws, _progress(cli.err.console) as report:
        count = backup.import_file(Journal(ws), source.value, stream, report)
    cli.out.line(f"Imported {count} entries from {file.name}.")


class _progress:
    """A live count on stderr while an import runs."""

    def __init__(self, console: Console) -> None:
        self._bar = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), console=console, transient=True
        )
        self._task = self._bar.add_task("Importing…")

    def __enter__(self) -> backup.Progress:
        self._bar.start()
        return lambda count: self._bar.update(self._task, description=f"Imported {count} entries…")

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()


def _passphrase_set(settings: Settings) -> bool:
    try:
        with open_local_database(settings) as db:
            return is_locked(db)
    except HeartwiseError:
        return False  # the database check below says what is wrong


@app.command("doctor")
def run_doctor(ctx: typer.Context) -> None:
    """Check the data folder, the key file, the database and every encrypted entry."""
    cli = cli_of(ctx)
    checks = doctor.check_files(cli.settings, passphrase_set=_passphrase_set(cli.settings))
    try:
        with cli.workspace() as ws:
            checks += doctor.check_workspace(ws)
    except HeartwiseError as exc:
        checks.append(doctor.Check("Journal", False, exc.message))
    for check in checks:
        mark = ("     ok", "green") if check.ok else ("problem", "bold red")
        cli.out.line(mark, f"  {check.name}: {check.detail}")
    if not all(check.ok for check in checks):
        raise typer.Exit(1)
