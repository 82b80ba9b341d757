"""Asking for secrets: hidden at a terminal, read plainly from a pipe (for scripts)."""

from __future__ import annotations

import sys

import typer

from heartwise.errors import InvalidInput, Locked


def secret(prompt: str, *, confirm: bool = False) -> str:
    if sys.stdin.isatty():
        return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm))
    line = sys.stdin.readline()
    if not line:
        raise Locked(
            f"heartwise needs your {prompt.lower()} but nothing was typed. Run the command "
            "in a terminal, or set HEARTWISE_PASSPHRASE for scripts."
        )
    if confirm and sys.stdin.readline().rstrip("\n") != line.rstrip("\n"):
        raise InvalidInput("The two passphrases were not the same; nothing was changed.")
    return line.rstrip("\n")
