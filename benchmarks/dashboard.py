"""The growth dashboard and the figures API over five years of data, rendered in-process.

Five years of daily journal entries (each with a mood), a trigger every day, and every
week a pause with its outcome, a thought record and a completed reality check: all
written through the services, in one transaction, on SQLite in a temporary folder. Then,
through Starlette's TestClient (in-process, no network), after one warm-up request each:

- GET /dashboard, the median of 25 requests: target at most 300 ms;
- GET /api/v1/stats, the median of 60 requests: target at most 100 ms;
- GET /api/v1/entries?limit=20, the median of 60 requests: the baseline of this run,
  which the two others are also shown against, so a slow machine reads as one.

    make bench-dashboard
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fastapi.testclient import TestClient

from heartwise.config import Settings
from heartwise.domain.entries import make_draft
from heartwise.services.growth import RealityChecks, ThoughtRecords, Triggers, Urges
from heartwise.services.journal import Journal
from heartwise.services.workspace import Workspace, open_local_workspace
from heartwise.web.app import create_app

YEARS = 5
DAYS = YEARS * 365
DASHBOARD_RUNS = 25
STATS_RUNS = 60
BASELINE_RUNS = 60
TARGETS_MS = {"/dashboard": 300.0, "/api/v1/stats": 100.0}
BASELINE = "/api/v1/entries?limit=20"
CATEGORIES = ("unanswered message", "social media", "time apart", "work", "criticism")
EMOTIONS = ("anxious", "sad", "jealous", "lonely", "calm")
THOUGHTS = ("He is bored of me.", "She will leave.", "I always ruin it.", "They laughed at me.")


class Clock:
    """A clock the build moves by hand, so each record gets its own day."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def build(ws: Workspace, clock: Clock, first: datetime) -> dict[str, int]:
    """Every record through its service, in one transaction (one commit, one fsync)."""
    journal, triggers = Journal(ws), Triggers(ws)
    urges, records, checks = Urges(ws), ThoughtRecords(ws), RealityChecks(ws)
    with ws.db.transaction():
        for day in range(DAYS):
            clock.now = first + timedelta(days=day, hours=20)
            text = f"Day {day}: we talked about the weekend, and I noticed how I felt."
            journal.add(make_draft(text, clock.now, mood=1 + (day * 7) % 10))
            triggers.create(
                f"Situation {day}",
                CATEGORIES[day % len(CATEGORIES)],
                EMOTIONS[day % len(EMOTIONS)],
                (day * 13) % 101,
                urge="check my phone",
            )
            if day % 7 == 0:
                weekly(urges, records, checks, day)
    return {
        "entries": DAYS,
        "triggers": DAYS,
        "urges, thought records and reality checks each": len(range(0, DAYS, 7)),
    }


def weekly(urges: Urges, records: ThoughtRecords, checks: RealityChecks, day: int) -> None:
    urge = urges.create("Ask again whether she still loves me", 15)
    urges.record_outcome(urge.id, day % 3 != 0)
    records.create(
        "No reply all evening.",
        THOUGHTS[day % len(THOUGHTS)],
        emotions_before={"anxious": 80, "sad": 60},
        traps=["mind_reading", "catastrophizing"][: 1 + day % 2],
        emotions_after={"anxious": 45, "sad": 40},
    )
    check = checks.create("Dinner with her friends", 3 + day % 8, "I will be left out")
    checks.record_outcome(check.id, day % 6)


def median_ms(client: TestClient, url: str, runs: int) -> float:
    warm = client.get(url)
    if warm.status_code != 200:
        raise SystemExit(f"GET {url} answered {warm.status_code}: {warm.text[:200]}")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200
    return statistics.median(times) * 1000


def check_built(client: TestClient, made: dict[str, int]) -> None:
    """The app sees what was built: the figures count every record."""
    weekly = made["urges, thought records and reality checks each"]
    entries = client.get(BASELINE).json()["total"]
    figures = client.get("/api/v1/stats").json()
    seen = (
        entries,
        figures["urges"]["total"],
        figures["thought_records"]["count"],
        figures["reality_checks"]["completed"],
    )
    if seen != (made["entries"], weekly, weekly, weekly):
        raise SystemExit(f"the app does not see the data that was built: {seen}")


def main() -> int:
    first = datetime(2021, 11, 22, tzinfo=timezone(timedelta(hours=1)))
    clock = Clock(first)
    with tempfile.TemporaryDirectory(prefix="hw-bench-dashboard-") as folder:
        settings = Settings(data_dir=Path(folder), allowed_hosts=("testserver",))
        started = time.perf_counter()
        with open_local_workspace(settings, clock) as ws:
            made = build(ws, clock, first)
        built = time.perf_counter() - started
        clock.now = first + timedelta(days=DAYS, hours=21)
        with TestClient(create_app(settings, clock=clock)) as client:
            check_built(client, made)
            baseline = median_ms(client, BASELINE, BASELINE_RUNS)
            results = [
                ("/dashboard", DASHBOARD_RUNS, median_ms(client, "/dashboard", DASHBOARD_RUNS)),
                ("/api/v1/stats", STATS_RUNS, median_ms(client, "/api/v1/stats", STATS_RUNS)),
            ]
    listed = ", ".join(f"{count} {what}" for what, count in made.items())
    print(f"Data: {listed}; written through the services in {built:.1f} s.")
    print()
    print("| request | runs | median ms | target | | × baseline |")
    print("|---|---:|---:|---:|---|---:|")
    print(f"| GET {BASELINE} (baseline) | {BASELINE_RUNS} | {baseline:.1f} | – | – | 1.0 |")
    missed = 0
    for url, runs, ms in results:
        target = TARGETS_MS[url]
        verdict = "met" if ms <= target else "missed"
        missed += verdict == "missed"
        ratio = ms / baseline
        print(f"| GET {url} | {runs} | {ms:.1f} | ≤ {target:.0f} ms | {verdict} | {ratio:.1f} |")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
