"""Crisis resources by locale, and the person's own safety plan (sealed like everything else)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from heartwise.errors import InvalidInput
from heartwise.services.items import Items
from heartwise.services.workspace import Workspace

PLAN_KIND = "safety_plan"
PLAN_SECTIONS = (
    (
        "warning_signs",
        "My warning signs",
        "Thoughts, feelings or situations that tell me a crisis may be coming.",
    ),
    (
        "coping",
        "Things I can do on my own",
        "What helps me ride out the worst minutes: places, activities, words.",
    ),
    (
        "people_places",
        "People and places that help",
        "Who I can call or be with, and where I feel safer.",
    ),
    (
        "professionals",
        "Professionals I can contact",
        "My doctor, therapist, a helpline, the nearest emergency service.",
    ),
    (
        "safe_surroundings",
        "Making my surroundings safer",
        "What I can put away or ask someone to keep for me.",
    ),
)
MAX_SECTION = 5_000


@dataclass(frozen=True)
class Service:
    name: str
    contact: str
    kinds: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Resources:
    locale: str
    emergency: str
    services: tuple[Service, ...]

    def for_kinds(self, kinds: tuple[str, ...]) -> tuple[Service, ...]:
        """Services for these kinds first, then the rest; all of them, never fewer."""
        first = [s for s in self.services if set(s.kinds) & set(kinds)]
        return tuple(first + [s for s in self.services if s not in first])


@cache
def _resource_table() -> dict[str, Any]:
    raw = (resources.files("heartwise.content") / "crisis_resources.toml").read_text("utf-8")
    return tomllib.loads(raw)


def crisis_resources(locale: str) -> Resources:
    table = _resource_table()
    key = locale if locale in table else "default"
    section = table[key]
    services = tuple(
        Service(s["name"], s["contact"], tuple(s["for"]), s["source"])
        for s in section.get("services", [])
    )
    return Resources(key, section["emergency"], services)


class SafetyPlan:
    def __init__(self, workspace: Workspace) -> None:
        self.items = Items(workspace)

    def read(self) -> dict[str, str]:
        plans = self.items.of_kind(PLAN_KIND)
        stored = plans[-1].body if plans else {}
        return {key: str(stored.get(key, "")) for key, _, _ in PLAN_SECTIONS}

    def save(self, sections: dict[str, str]) -> dict[str, str]:
        unknown = set(sections) - {key for key, _, _ in PLAN_SECTIONS}
        if unknown:
            raise InvalidInput(f"A safety plan has no section called {', '.join(sorted(unknown))}.")
        for key, text in sections.items():
            if len(text) > MAX_SECTION:
                raise InvalidInput(
                    f"Each part of the plan can hold up to {MAX_SECTION:,} characters.", field=key
                )
        body = {**self.read(), **{k: v.strip() for k, v in sections.items()}}
        plans = self.items.of_kind(PLAN_KIND)
        if plans:
            self.items.replace(plans[-1], body)
        else:
            self.items.add(PLAN_KIND, body)
        return body
