"""What the analyser reports. Labels are fixed names shared by code, API and JSON."""

from __future__ import annotations

from dataclasses import dataclass, field

TRAPS = (
    "mind_reading",
    "fortune_telling",
    "catastrophizing",
    "all_or_nothing",
    "overgeneralization",
    "labeling",
    "personalization",
    "should_statements",
    "emotional_reasoning",
    "mental_filter",
)
SIGNS = ("reassurance", "distrust", "abandonment", "jealousy", "checking")
MARKER_KINDS = (
    "absolute",
    "criticism",
    "contempt",
    "accusation",
    "why_question",
    "threat",
    "stonewalling",
)
CRISIS_LEVELS = ("none", "concern", "urgent")
CRISIS_KINDS = ("suicide", "self_harm", "violence", "coercive_control")

Span = tuple[int, int]


@dataclass(frozen=True)
class Finding:
    label: str
    score: float
    spans: tuple[Span, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "score": round(self.score, 3),
            "spans": [list(span) for span in self.spans],
        }


@dataclass(frozen=True)
class Marker:
    kind: str
    span: Span

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "span": list(self.span)}


@dataclass(frozen=True)
class Blame:
    harsh: bool = False
    score: float = 0.0
    markers: tuple[Marker, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "harsh": self.harsh,
            "score": round(self.score, 3),
            "markers": [marker.to_dict() for marker in self.markers],
        }


@dataclass(frozen=True)
class Crisis:
    level: str = "none"
    kinds: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()
    score: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "level": self.level,
            "kinds": list(self.kinds),
            "spans": [list(span) for span in self.spans],
        }


@dataclass(frozen=True)
class Findings:
    traps: tuple[Finding, ...] = ()
    signs: tuple[Finding, ...] = ()
    blame: Blame = field(default_factory=Blame)
    crisis: Crisis = field(default_factory=Crisis)

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of `heartwise analyze --json` and `POST /api/v1/analyze`."""
        return {
            "traps": [finding.to_dict() for finding in self.traps],
            "signs": [finding.to_dict() for finding in self.signs],
            "blame": self.blame.to_dict(),
            "crisis": self.crisis.to_dict(),
        }
