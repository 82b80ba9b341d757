"""What the app holds for its lifetime: settings, the engine, the clock and the unlocked key."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from heartwise.config import Settings
from heartwise.domain.time import Clock
from heartwise.services.workspace import Workspace, unlock_local_owner
from heartwise.storage.database import Database
from heartwise.storage.engine import Engine
from heartwise.vault.sealer import Sealer


@dataclass
class AppState:
    settings: Settings
    engine: Engine
    clock: Clock
    _sealer: Sealer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def workspace(self) -> Iterator[Workspace]:
        """One request's workspace: its own connection, the owner's keys unlocked once."""
        with self.engine.connect() as db:
            yield Workspace(db, self._unlocked(db), self.settings, self.clock)

    def _unlocked(self, db: Database) -> Sealer:
        with self._lock:
            if self._sealer is None:
                self._sealer = unlock_local_owner(db, self.settings, self.clock)
            return self._sealer
