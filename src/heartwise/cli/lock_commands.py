"""`heartwise lock`: an optional passphrase for the journal on this computer."""

from __future__ import annotations

import typer

from heartwise.cli.main import app, cli_of
from heartwise.cli.prompts import secret
from heartwise.domain.time import to_epoch
from heartwise.services import lock
from heartwise.services.workspace import is_locked, open_local_database

lock_app = typer.Typer(
    help="Protect your journal with a passphrase (optional).", no_args_is_help=True
)
app.add_typer(lock_app, name="lock")


def _new_passphrase() -> str:
    return secret("New passphrase", confirm=True)


def _show_recovery_key(ctx: typer.Context, recovery_key: str) -> None:
    out = cli_of(ctx).out
    out.line(("Your recovery key (shown this once):", "bold"))
    out.line((f"    {recovery_key}", "bold yellow"))
    out.line("Write it down and keep it somewhere safe, away from this computer. With it you")
    out.line("can open your journal and choose a new passphrase if you forget this one.")


@lock_app.command("set")
def set_lock(ctx: typer.Context) -> None:
    """Lock your journal with a passphrase."""
    cli = cli_of(ctx)
    with cli.workspace() as ws:
        recovery_key = lock.set_lock(ws, _new_passphrase())
    cli.out.line("Your journal is now locked with your passphrase.")
    _show_recovery_key(ctx, recovery_key)


@lock_app.command("change")
def change(ctx: typer.Context) -> None:
    """Choose a new passphrase (your entries are not re-encrypted, only the key is)."""
    cli = cli_of(ctx)
    with cli.workspace() as ws:
        lock.change_passphrase(ws, _new_passphrase())
    cli.out.line("Your passphrase is changed.")


@lock_app.command("remove")
def remove(ctx: typer.Context) -> None:
    """Remove the passphrase: the key file in your data folder alone opens the journal again."""
    cli = cli_of(ctx)
    with cli.workspace() as ws:
        lock.remove_lock(ws)
    cli.out.line("The passphrase is removed. Anyone who can read your data folder can read it.")


@lock_app.command("recover")
def recover(ctx: typer.Context) -> None:
    """Forgot your passphrase? Use your recovery key to choose a new one."""
    cli = cli_of(ctx)
    recovery_key = secret("Recovery key")
    with open_local_database(cli.settings) as db:
        fresh = lock.recover(db, recovery_key, _new_passphrase(), to_epoch(cli.clock()))
    cli.out.line("Your new passphrase is set. The old recovery key no longer works.")
    _show_recovery_key(ctx, fresh)


@lock_app.command("status")
def status(ctx: typer.Context) -> None:
    """Say whether your journal has a passphrase."""
    cli = cli_of(ctx)
    with open_local_database(cli.settings) as db:
        locked = is_locked(db)
    cli.out.line("Your journal has a passphrase." if locked else "Your journal has no passphrase.")
