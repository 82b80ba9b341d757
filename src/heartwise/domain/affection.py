"""Ways of showing affection: how much each matters to give and to receive, compared.

A person rates each way from 0 (hardly matters) to 10 (matters a great deal), once for
receiving it and once for giving it, and, until a partner links their account, guesses
the same for the partner. Side by side, a gap of ``GAP`` points or more is a difference
worth talking about: one of them longs for more of something the other rarely gives, or
the two of them simply value it differently. Each difference comes with an idea for
bridging it, written for heartwise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from heartwise.domain.growth_fields import moment
from heartwise.errors import InvalidInput

WAYS: dict[str, str] = {
    "kind_words": "Kind words",
    "time_together": "Time together",
    "help_with_tasks": "Help with tasks",
    "physical_touch": "Physical touch",
    "gifts": "Gifts",
}
GAP = 3
MAX_OWN_WAYS = 5
_OWN_WAY = re.compile(r"^[^\W\d_][\w' -]{0,39}$")

# For each way: what helps when I long for more than they give; when they long for more
# than I give; and when the two of us simply value it differently.
IDEAS: dict[str, tuple[str, str, str]] = {
    "kind_words": (
        "Tell them one sentence you love to hear, so they know exactly what lands.",
        "Try one specific appreciation a day: name something they did, not just “thanks”.",
        "Agree on one moment a day, like a goodnight text, for a few warm words.",
    ),
    "time_together": (
        "Ask for one protected evening a week, chosen together, with phones put away.",
        "Offer a short, regular slot that is theirs: a walk, a coffee, twenty minutes.",
        "Mix shared time with time apart, and say out loud which one each evening is.",
    ),
    "help_with_tasks": (
        "Name one task that would feel like a gift if they took it on.",
        "Ask which chore weighs on them most, and take it off their list for a week.",
        "Write the household jobs down together so the work that matters is visible.",
    ),
    "physical_touch": (
        "Say which kinds of touch feel good to you, outside the bedroom too.",
        "Ask what kind of touch they like, and offer it without it leading anywhere.",
        "Agree on small, easy touches, like a hug hello, that suit you both.",
    ),
    "gifts": (
        "Tell them the small things you treasure; a gift is often a sign of being thought of.",
        "Notice what they mention wanting, and bring back something small and thoughtful.",
        "Agree a budget and what counts: a picked flower can matter as much as a parcel.",
    ),
}
OWN_WAY_IDEAS = (
    "Describe what this looks like for you, with one recent example you loved.",
    "Ask them what this looks like for them, and try it once this week.",
    "Talk about what this way means to each of you; you may mean different things.",
)


@dataclass(frozen=True)
class Rating:
    giving: int
    receiving: int

    def to_dict(self) -> dict[str, int]:
        return {"giving": self.giving, "receiving": self.receiving}


Profile = dict[str, Rating]


@dataclass(frozen=True)
class Difference:
    way: str
    name: str
    kind: str  # i_wish_for_more, they_wish_for_more, valued_differently
    gap: int
    idea: str

    def to_dict(self) -> dict[str, object]:
        return {
            "way": self.way,
            "name": self.name,
            "kind": self.kind,
            "gap": self.gap,
            "idea": self.idea,
        }


def way_name(way: str) -> str:
    return WAYS.get(way, way)


def make_profile(value: object, field: str) -> Profile:
    """Ratings by way: ``{"gifts": {"giving": 2, "receiving": 5}, ...}``; ways outside
    the five are the person's own, named in up to 40 letters."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidInput(
            "Ratings are given for each way of showing affection, each with how much "
            "giving and receiving it matters, from 0 to 10.",
            field=field,
        )
    profile = {_way(raw, field): _rating(rating, field) for raw, rating in value.items()}
    if sum(way not in WAYS for way in profile) > MAX_OWN_WAYS:
        raise InvalidInput(f"Please add up to {MAX_OWN_WAYS} ways of your own.", field=field)
    return profile


def _way(raw: object, field: str) -> str:
    name = " ".join(raw.split()) if isinstance(raw, str) else ""
    key = name.lower().replace(" ", "_")
    if key in WAYS:
        return key
    if not _OWN_WAY.match(name):
        raise InvalidInput(
            "A way of your own is named in words (up to 40 letters), like “cooking together”.",
            field=field,
        )
    return name.lower()


def _rating(value: object, field: str) -> Rating:
    if not isinstance(value, Mapping) or set(value) != {"giving", "receiving"}:
        raise InvalidInput(
            "Each way needs two ratings: how much giving it matters, and receiving it.",
            field=field,
        )
    giving, receiving = _score(value["giving"], field), _score(value["receiving"], field)
    return Rating(giving=giving, receiving=receiving)


def _score(number: object, field: str) -> int:
    if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= 10:
        raise InvalidInput(
            "Each rating is a whole number from 0 (hardly matters) to 10 (matters a great deal).",
            field=field,
        )
    return number


def compare(mine: Profile, theirs: Profile) -> list[Difference]:
    """Where the two profiles differ by ``GAP`` or more, the largest gap first.

    Only ways both have rated are compared. For each, the longing that goes unmet counts
    first (what one receives least of relative to how much it matters); otherwise how
    differently the two value receiving it.
    """
    found = []
    for way in [w for w in mine if w in theirs]:
        me, them = mine[way], theirs[way]
        ideas = IDEAS.get(way, OWN_WAY_IDEAS)
        unmet = [
            (me.receiving - them.giving, "i_wish_for_more", ideas[0]),
            (them.receiving - me.giving, "they_wish_for_more", ideas[1]),
            (abs(me.receiving - them.receiving), "valued_differently", ideas[2]),
        ]
        gap, kind, idea = max(unmet, key=lambda entry: entry[0])
        if gap >= GAP:
            found.append(Difference(way, way_name(way), kind, gap, idea))
    return sorted(found, key=lambda difference: (-difference.gap, difference.way))


def side_by_side(mine: Profile, theirs: Profile) -> list[dict[str, object]]:
    """Every way either profile rates: the five first, then own ways alphabetically."""
    own = sorted({*mine, *theirs} - set(WAYS))
    return [
        {
            "way": way,
            "name": way_name(way),
            "mine": mine[way].to_dict() if way in mine else None,
            "theirs": theirs[way].to_dict() if way in theirs else None,
        }
        for way in [*WAYS, *own]
        if way in mine or way in theirs
    ]


@dataclass(frozen=True, kw_only=True)
class AffectionProfile:
    """One person's ratings and their guess for their partner."""

    mine: Profile
    guess: Profile
    updated_at: datetime

    def to_dict(self) -> dict[str, object]:
        return {
            "mine": {way: rating.to_dict() for way, rating in self.mine.items()},
            "guess": {way: rating.to_dict() for way, rating in self.guess.items()},
            "updated_at": self.updated_at.isoformat(),
        }


def make_affection_profile(mine: object, guess: object, updated_at: object) -> AffectionProfile:
    return AffectionProfile(
        mine=make_profile(mine, "mine"),
        guess=make_profile(guess, "guess"),
        updated_at=moment(updated_at, "updated_at", "the ratings"),
    )


def profile_from_body(raw: Mapping[str, Mapping[str, int]]) -> Profile:
    """A profile as stored in a sealed body (written by ``AffectionProfile.to_dict``)."""
    return {way: Rating(r["giving"], r["receiving"]) for way, r in raw.items()}
