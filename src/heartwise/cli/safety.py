"""Showing crisis resources in the terminal: first, calmly, and never in the way."""

from __future__ import annotations

from heartwise.cli.output import Output
from heartwise.config import Settings
from heartwise.services.safety import crisis_resources


def print_crisis_help(
    out: Output, settings: Settings, level: str, kinds: tuple[str, ...] = ()
) -> None:
    if level != "urgent":
        out.line(
            (
                "If things feel heavy right now: heartwise safety-plan shows your plan "
                "and people you can call.",
                "yellow",
            )
        )
        return
    resources = crisis_resources(settings.locale)
    out.rule("You are not alone")
    out.line(
        "It sounds like you may be in danger right now. You deserve support, and you do not "
        "have to hold this alone."
    )
    out.line((resources.emergency, "bold"))
    for service in resources.for_kinds(kinds):
        out.line(f"• {service.name}: {service.contact}")
    out.line(("Your safety plan: heartwise safety-plan", "dim"))
    out.rule()
