"""The `heartwise` command. Each command parses, makes one service call, and renders.

Errors are turned into a message and an exit code in one place, ``main``; a traceback
is shown only with ``--debug``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import typer

from heartwise import __version__
from heartwise.cli.output import Output
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
    out: Output
    err: Output
    debug: bool = False

    @contextmanager
    def workspace(self) -> Iterator[Workspace]:
        with open_local_workspace(self.settings, self.clock, ask_passphrase) as ws:
            yield ws


def ask_passphrase() -> str:
    """The passphrase of a locked journal: HEARTWISE_PASSPHRASE, or asked without echo."""
    import os

    from heartwise.cli.prompts import secret

    return os.environ.get("HEARTWISE_PASSPHRASE") or secret("Passphrase")


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
        out=Output(sys.stdout),
        err=Output(sys.stderr),
        debug=debug,
    )


# Which module defines each command. Only the module of the command being run is
# imported, so `heartwise list` never pays for the import, export or web machinery.
COMMAND_MODULES = {
    "log": "write_commands",
    "list": "read_commands",
    "show": "read_commands",
    "edit": "write_commands",
    "delete": "write_commands",
    "trash": "write_commands",
    "search": "read_commands",
    "export": "data_commands",
    "import": "data_commands",
    "doctor": "data_commands",
    "serve": "server_commands",
    "analyze": "analysis_commands",
    "safety-plan": "care_commands",
    "settings": "care_commands",
    "lock": "lock_commands",
    "trigger": "growth_commands",
    "pause": "growth_commands",
    "think": "growth_commands",
    "predict": "growth_commands",
    "outcome": "growth_commands",
    "stats": "growth_commands",
    "coach": "coach_commands",
    "ifeel": "coach_commands",
    "plan": "talk_commands",
    "expect": "talk_commands",
    "affection": "talk_commands",
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
            import traceback

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
        import traceback

        traceback.print_exc()
    Output(sys.stderr).line((f"{exc.title}.", "bold red"), f" {exc.message}")
    return exc.exit_code
