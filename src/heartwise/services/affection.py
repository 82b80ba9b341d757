"""Ways of showing affection: one sealed profile per person, and the comparison.

The profile holds the person's own ratings and their guess for their partner. The
comparison uses the partner's own ratings once the partner shares their profile, and
the guess until then; it says which one it used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from heartwise.domain.affection import (
    AffectionProfile,
    Difference,
    Profile,
    compare,
    make_affection_profile,
    profile_from_body,
    side_by_side,
)
from heartwise.services import sharing
from heartwise.services.items import Item, Items
from heartwise.services.workspace import Workspace

KIND = "affection"


@dataclass(frozen=True)
class Comparison:
    partner_source: str  # "partner" (their own ratings) or "guess" (mine for them)
    rows: list[dict[str, object]]
    differences: list[Difference]

    def to_dict(self) -> dict[str, object]:
        return {
            "partner_source": self.partner_source,
            "rows": self.rows,
            "differences": [difference.to_dict() for difference in self.differences],
        }


class AffectionProfiles:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace
        self.items = Items(workspace)

    def get(self) -> AffectionProfile | None:
        """The person's profile, or None before they first rate anything."""
        item = self._item()
        return None if item is None else _profile(item.body)

    def save(
        self, mine: Mapping[str, Any], guess: Mapping[str, Any] | None = None
    ) -> AffectionProfile:
        """Replace the ratings (``{"gifts": {"giving": 2, "receiving": 5}, ...}``); every
        rating is checked before anything is stored."""
        profile = make_affection_profile(mine, guess, self.ws.clock())
        body = profile.to_dict()
        with self.ws.db.transaction():
            item = self._item()
            if item is None:
                item = self.items.add(KIND, body)
                sharing.after_write(self.ws, KIND, item.id, body, is_new=True)
            else:
                self.items.replace(item, body)
                sharing.after_write(self.ws, KIND, item.id, body, is_new=False)
        return profile

    def clear(self) -> None:
        with self.ws.db.transaction():
            item = self._item()
            if item is not None:
                self.items.remove(item)
                sharing.after_delete(self.ws, KIND, item.id)

    def comparison(self) -> Comparison | None:
        """Mine beside my partner's (shared) or my guess for them; None without a profile."""
        profile = self.get()
        if profile is None:
            return None
        partner = _partner_profile(self.ws)
        theirs = profile.guess if partner is None else partner
        return Comparison(
            partner_source="guess" if partner is None else "partner",
            rows=side_by_side(profile.mine, theirs),
            differences=compare(profile.mine, theirs),
        )

    def _item(self) -> Item | None:
        # One per person; should two ever exist (two devices racing), the newest wins.
        found = self.items.of_kind(KIND)
        return max(found, key=lambda item: item.id) if found else None


def _profile(body: Mapping[str, Any]) -> AffectionProfile:
    return AffectionProfile(
        mine=profile_from_body(body["mine"]),
        guess=profile_from_body(body["guess"]),
        updated_at=datetime.fromisoformat(body["updated_at"]),
    )


def _partner_profile(ws: Workspace) -> Profile | None:
    shared = [item for item in sharing.shared_with_me(ws) if item.kind == KIND]
    if not shared:
        return None
    return profile_from_body(max(shared, key=lambda item: item.updated_at).body["mine"])
