"""Stand-ins that tests share: a clock that moves only when a test says so."""

from __future__ import annotations

from datetime import datetime, timedelta


class FakeClock:
    """A clock that stands still until a test moves it; aware, whole seconds."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now = (self.now + timedelta(**delta)).replace(microsecond=0)
        return self.now
