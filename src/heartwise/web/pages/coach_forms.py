"""Reading the communication pages' forms: what was typed is kept as typed, so a refused
form comes back exactly as it was sent, and only the services decide what is valid."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from heartwise.domain.affection import MAX_OWN_WAYS, WAYS, AffectionProfile, Rating
from heartwise.domain.conversation import ConversationPlan
from heartwise.domain.feelings import FEELINGS, NEEDS
from heartwise.domain.ifeel import IFeelStatement
from heartwise.errors import InvalidInput

Form = Mapping[str, Any]


def value(form: Form, name: str) -> str:
    raw = form.get(name)
    return raw.replace("\r\n", "\n") if isinstance(raw, str) else ""


def optional(typed: str) -> str | None:
    return typed if typed.strip() else None


# -- "I feel" --------------------------------------------------------------------------------


@dataclass(frozen=True)
class IFeelForm:
    """The builder as typed: a feeling and a need from the lists or in one's own words,
    the observation and request, and (once shown) the three phrasings, each editable."""

    feeling_choice: str = ""
    feeling_own: str = ""
    situation: str = ""
    need_choice: str = ""
    need_own: str = ""
    request: str = ""
    chosen: str = "1"
    phrasings: tuple[str, ...] = ()
    text: str = ""

    @classmethod
    def from_form(cls, form: Form) -> IFeelForm:
        phrasings = tuple(value(form, f"phrasing_{n}") for n in (1, 2, 3))
        return cls(
            feeling_choice=value(form, "feeling_choice"),
            feeling_own=value(form, "feeling_own"),
            situation=value(form, "situation"),
            need_choice=value(form, "need_choice"),
            need_own=value(form, "need_own"),
            request=value(form, "request"),
            chosen=value(form, "chosen") or "1",
            phrasings=phrasings if any(p.strip() for p in phrasings) else (),
            text=value(form, "text"),
        )

    @classmethod
    def from_statement(cls, statement: IFeelStatement) -> IFeelForm:
        listed_feeling = statement.feeling in FEELINGS
        listed_need = statement.need in NEEDS
        return cls(
            feeling_choice=statement.feeling if listed_feeling else "",
            feeling_own="" if listed_feeling else statement.feeling,
            situation=statement.situation,
            need_choice=statement.need if listed_need and statement.need else "",
            need_own="" if listed_need else statement.need or "",
            request=statement.request or "",
            text=statement.text,
        )

    @property
    def feeling(self) -> str:
        """One's own words win over the list: typing is a choice made on purpose."""
        return self.feeling_own if self.feeling_own.strip() else self.feeling_choice

    @property
    def need(self) -> str | None:
        return optional(self.need_own) or optional(self.need_choice)

    def parts(self) -> dict[str, str | None]:
        return {
            "feeling": self.feeling,
            "situation": self.situation,
            "need": self.need,
            "request": optional(self.request),
        }

    def chosen_text(self) -> str | None:
        """The phrasing picked (as edited), or None before phrasings were shown."""
        if not self.phrasings:
            return None
        index = int(self.chosen) - 1 if self.chosen in ("1", "2", "3") else 0
        return optional(self.phrasings[index])

    def with_phrasings(self, phrasings: list[str]) -> IFeelForm:
        return IFeelForm(**{**self.__dict__, "phrasings": tuple(phrasings)})


# -- conversation plans ----------------------------------------------------------------------

PLAN_FIELDS = ("topic", "hope", "time_and_place", "opening", "listen_for")


@dataclass(frozen=True)
class PlanForm:
    topic: str = ""
    hope: str = ""
    time_and_place: str = ""
    opening: str = ""
    listen_for: str = ""

    @classmethod
    def from_form(cls, form: Form) -> PlanForm:
        return cls(*(value(form, name) for name in PLAN_FIELDS))

    @classmethod
    def from_plan(cls, plan: ConversationPlan) -> PlanForm:
        return cls(*(getattr(plan, name) or "" for name in PLAN_FIELDS))

    def fields(self) -> dict[str, str | None]:
        return {"topic": self.topic} | {
            name: optional(getattr(self, name)) for name in PLAN_FIELDS[1:]
        }


# -- ways of showing affection ---------------------------------------------------------------

SIDES = ("mine", "guess")
DIRECTIONS = ("giving", "receiving")
_NUMBER = re.compile(r"-?\d{1,3}")


@dataclass(frozen=True)
class AffectionRow:
    """One way as typed: its key (a listed way) or name (one's own), and four numbers."""

    key: str
    name: str
    numbers: dict[str, str] = field(default_factory=dict)  # "mine_giving" -> "6"

    @property
    def own(self) -> bool:
        return self.key not in WAYS


@dataclass(frozen=True)
class AffectionForm:
    rows: tuple[AffectionRow, ...]

    @classmethod
    def from_form(cls, form: Form) -> AffectionForm:
        listed = [AffectionRow(key, name, _numbers(form, key)) for key, name in WAYS.items()]
        own = [
            AffectionRow(f"own_{n}", value(form, f"own_{n}_name"), _numbers(form, f"own_{n}"))
            for n in range(1, MAX_OWN_WAYS + 1)
        ]
        return cls(tuple(listed + own))

    @classmethod
    def from_profile(cls, profile: AffectionProfile | None) -> AffectionForm:
        mine = profile.mine if profile else {}
        guess = profile.guess if profile else {}
        own_ways = sorted({*mine, *guess} - set(WAYS))
        listed = [
            AffectionRow(key, name, _typed(mine.get(key), guess.get(key)))
            for key, name in WAYS.items()
        ]
        own = [
            AffectionRow(
                f"own_{n}",
                own_ways[n - 1] if n <= len(own_ways) else "",
                _typed(mine.get(own_ways[n - 1]), guess.get(own_ways[n - 1]))
                if n <= len(own_ways)
                else {},
            )
            for n in range(1, MAX_OWN_WAYS + 1)
        ]
        return cls(tuple(listed + own))

    def profiles(self) -> tuple[dict[str, dict[str, object]], dict[str, dict[str, object]]]:
        """(mine, guess) for the service; a way left blank on one side is not rated there.

        A row with a number but no name of its own is refused here, as the service would
        never see it otherwise."""
        found: dict[str, dict[str, dict[str, object]]] = {side: {} for side in SIDES}
        for row in self.rows:
            for side in SIDES:
                typed = {d: row.numbers.get(f"{side}_{d}", "").strip() for d in DIRECTIONS}
                if not any(typed.values()):
                    continue
                if row.own and not row.name.strip():
                    raise InvalidInput(
                        "Please name each way of your own that you rate, like “cooking together”.",
                        field=side,
                    )
                way = row.key if not row.own else row.name
                found[side][way] = {d: _number(typed[d]) for d in DIRECTIONS}
        return found["mine"], found["guess"]


def _numbers(form: Form, prefix: str) -> dict[str, str]:
    return {
        f"{side}_{d}": value(form, f"{prefix}_{side}_{d}") for side in SIDES for d in DIRECTIONS
    }


def _typed(mine: Rating | None, guess: Rating | None) -> dict[str, str]:
    numbers: dict[str, str] = {}
    for side, rating in (("mine", mine), ("guess", guess)):
        if rating is not None:
            numbers[f"{side}_giving"] = str(rating.giving)
            numbers[f"{side}_receiving"] = str(rating.receiving)
    return numbers


def _number(typed: str) -> object:
    """A whole number as an int; anything else (blank included) as typed, for the service
    to refuse with its own words."""
    return int(typed) if _NUMBER.fullmatch(typed) else typed
