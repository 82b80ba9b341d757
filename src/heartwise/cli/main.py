"""The `heartwise` command. Each command parses, makes one service call, and renders.

Errors are turned into a message and an exit code in one place, ``main``; a traceback
is shown only with ``--debug``.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from heartwise import __version__
from heartwise.config import Settings, load_settings
from heartwise.domain.time import Clock, system_clock
from heartwise.errors import HeartwiseError
from heartwise.services.workspace import Workspace, open_local_workspace

app = typer.Typer(
    name="heartwise",
    help="A private journal and companion for feeling more secure in love.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@dataclass
class Cli:
    """What every command receives: settings, clock and the two output streams."""

    settings: Settings
    clock: Clock
    out: Console
    err: Console
    debug: bool = False

    @contextmanager
    def workspace(self) -> Iterator[Workspace]:
        with open_local_workspace(self.settings, self.clock) as ws:
            yield ws


def cli_of(ctx: typer.Context) -> Cli:
    cli: Cli = ctx.ensure_object(Cli)
    return cli


def _show_version(value: bool) -> None:
    if value:
        print(f"heartwise {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    ctx.obj = Cli(
        settings=load_settings(),
        clock=system_clock,
        out=Console(highlight=False, soft_wrap=True),
        err=Console(stderr=True, highlight=False),
        debug=debug,
    )


# Which module defines each command. Only the module of the command being run is
# imported, so `heartwise list` never pays for the import, export or web machinery.
COMMAND_MODULES = {
    "log": "entry_commands",
    "list": "entry_commands",
    "show": "entry_commands",
    "edit": "entry_commands",
    "delete": "entry_commands",
    "trash": "entry_commands",
    "search": "entry_commands",
    "export": "data_commands",
    "import": "data_commands",
    "doctor": "data_commands",
    "serve": "server_commands",
}


def _register_commands(args: list[str]) -> None:
    """Import the modules whose commands may run; importing one attaches its commands."""
    from importlib import import_module

    words = [arg for arg in args if not arg.startswith("-")]
    wanted = COMMAND_MODULES.get(words[0]) if words else None
    for module in [wanted] if wanted else sorted(set(COMMAND_MODULES.values())):
        import_module(f"heartwise.cli.{module}")


class ExportFormat(StrEnum):
    json = "json"
    md = "md"
    csv = "csv"


class ImportSource(StrEnum):
    heartwise = "heartwise"
    jrnl = "jrnl"
    dayone = "dayone"


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    args = sys.argv[1:] if argv is None else argv
    _register_commands(args)
    debug = "--debug" in args
    try:
        # Typer reports usage errors itself and ends with SystemExit; heartwise's own errors
        # come through here so every one is told the same way.
        app(args=args, prog_name="heartwise")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    except HeartwiseError as exc:
        return _report(exc, debug)
    except KeyboardInterrupt:
        print("\nStopped. Nothing more was changed.", file=sys.stderr)
        return 130
    except Exception:
        if debug:
            traceback.print_exc()
        print(
            "Something unexpected went wrong, and heartwise stopped before changing anything "
            "more. Run the same command with --debug to see the details.",
            file=sys.stderr,
        )
        return 1
    return 0


def _report(exc: HeartwiseError, debug: bool) -> int:
    if debug:
        traceback.print_exc()
    Console(stderr=True, highlight=False).print(f"[bold red]{exc.title}.[/] {_escape(exc.message)}")
    return exc.exit_code


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
