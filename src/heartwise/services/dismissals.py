"""Findings a person said were not right for an entry ("not this"), remembered per entry."""

from __future__ import annotations

from heartwise.analysis import Findings
from heartwise.services.items import Items
from heartwise.services.workspace import Workspace

KIND = "dismissal"


class Dismissals:
    def __init__(self, workspace: Workspace) -> None:
        self.items = Items(workspace)

    def dismiss(self, entry_id: int, label: str) -> None:
        if label not in self.for_entry(entry_id):
            self.items.add(KIND, {"entry_id": entry_id, "label": label})

    def for_entry(self, entry_id: int) -> set[str]:
        return {
            str(i.body["label"]) for i in self.items.of_kind(KIND) if i.body["entry_id"] == entry_id
        }

    def without_dismissed(self, entry_id: int, findings: Findings) -> Findings:
        gone = self.for_entry(entry_id)
        if not gone:
            return findings
        from dataclasses import replace

        from heartwise.analysis import Blame

        return replace(
            findings,
            traps=tuple(f for f in findings.traps if f.label not in gone),
            signs=tuple(f for f in findings.signs if f.label not in gone),
            blame=Blame() if "harsh" in gone else findings.blame,
        )
