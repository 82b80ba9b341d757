"""Commands for looking after oneself: the safety plan, and switching analysis on or off."""

from __future__ import annotations

import re
from typing import Annotated

import typer

from heartwise.cli.editor import write_in_editor
from heartwise.cli.main import app, cli_of
from heartwise.services import preferences
from heartwise.services.safety import PLAN_SECTIONS, SafetyPlan, crisis_resources


@app.command("safety-plan")
def safety_plan(
    ctx: typer.Context,
    edit: Annotated[
        bool, typer.Option("--edit", help="Write or change your plan in your editor.")
    ] = False,
) -> None:
    """Your safety plan, with crisis resources for your locale."""
    cli = cli_of(ctx)
    with cli.workspace() as ws:
        plan = SafetyPlan(ws)
        if edit:
            written = write_in_editor(cli.settings, _as_markdown(plan.read()))
            plan.save(_from_markdown(written))
            cli.out.line("Your safety plan is saved. It is encrypted like your journal.")
            return
        sections = plan.read()
    for key, title, hint in PLAN_SECTIONS:
        cli.out.line((title, "bold"))
        cli.out.line(sections[key] or f"(not written yet: {hint})")
        cli.out.line("")
    resources = crisis_resources(cli.settings.locale)
    cli.out.line((resources.emergency, "bold"))
    for service in resources.services:
        cli.out.line(f"• {service.name}: {service.contact}")
    if not any(sections.values()):
        cli.out.line(("\nWrite your plan with: heartwise safety-plan --edit", "dim"))


def _as_markdown(sections: dict[str, str]) -> str:
    parts = ["<!-- Write under each heading. Keep the headings as they are. -->\n"]
    for key, title, hint in PLAN_SECTIONS:
        parts.append(f"## {title}\n<!-- {hint} -->\n{sections[key]}\n")
    return "\n".join(parts)


def _from_markdown(text: str) -> dict[str, str]:
    without_comments = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    titles = {title: key for key, title, _ in PLAN_SECTIONS}
    found: dict[str, list[str]] = {}
    current: str | None = None
    for line in without_comments.splitlines():
        heading = line[3:].strip() if line.startswith("## ") else None
        if heading in titles:
            current = titles[heading]
            found[current] = []
        elif current is not None:
            found[current].append(line)
    return {key: "\n".join(lines).strip() for key, lines in found.items()}


@app.command("settings")
def settings_command(
    ctx: typer.Context,
    analysis: Annotated[
        str | None,
        typer.Option(
            "--analysis", help="on or off: whether heartwise reads your entries for patterns."
        ),
    ] = None,
) -> None:
    """Show or change your settings."""
    cli = cli_of(ctx)
    with cli.workspace() as ws:
        if analysis is not None:
            preferences.set_analysis(ws, preferences.parse_switch(analysis))
        enabled = preferences.analysis_enabled(ws)
    cli.out.line(f"Reading entries for patterns: {'on' if enabled else 'off'}")
    cli.out.line(
        f"Crisis resources for: {crisis_resources(cli.settings.locale).locale} "
        "(set HEARTWISE_LOCALE, e.g. en-GB)"
    )
