"""What the app holds for its lifetime: settings, the engine, the clock and the unlocked key.

The data key is held in memory only while the journal is open. With a passphrase set,
it is dropped after ``lock_after_minutes`` without a request (or on "lock now"), and
pages ask for the passphrase again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from heartwise.config import Settings
from heartwise.domain.time import Clock
from heartwise.errors import NotFound, NotSignedIn, TooManyAttempts
from heartwise.services.workspace import Workspace, is_locked, unlock_local_owner
from heartwise.storage.database import Database
from heartwise.storage.engine import Engine
from heartwise.vault.sealer import Sealer

MAX_FAILED_UNLOCKS = 5
FAILED_UNLOCK_WINDOW = timedelta(minutes=10)
# Exports streamed at once by one process. A download keeps its database connection and
# its admission place (web.admission) until the last byte has gone, however slowly the
# other end reads; this many can never take more than a quarter of the places.
EXPORTS_AT_ONCE = 2


@dataclass
class AppState:
    settings: Settings
    engine: Engine
    clock: Clock
    _sealer: Sealer | None = None
    _protected: bool = False
    _last_used: datetime | None = None
    _failures: list[datetime] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    export_slots: threading.BoundedSemaphore = field(
        default_factory=lambda: threading.BoundedSemaphore(EXPORTS_AT_ONCE)
    )

    @contextmanager
    def workspace(self, token: str | None = None) -> Iterator[Workspace]:
        """One request's workspace on its own connection.

        On this machine: the local journal, its key unlocked once. On a multi-user server:
        the account whose session ``token`` is, or ``NotSignedIn``.
        """
        with self.engine.connect() as db:
            if self.settings.multi_user:
                yield self._session_workspace(db, token)
            else:
                yield Workspace(db, self._unlocked(db), self.settings, self.clock)

    @contextmanager
    def database(self) -> Iterator[Database]:
        """A connection with nobody's keys, for signing up and signing in."""
        with self.engine.connect() as db:
            yield db

    def _session_workspace(self, db: Database, token: str | None) -> Workspace:
        from heartwise.services import accounts

        if not token:
            raise NotSignedIn("Please sign in to continue.")
        return accounts.session_workspace(db, token, self.settings, self.clock)

    def require_local(self) -> None:
        """The passphrase lock belongs to a journal on this machine, not to a server."""
        if self.settings.multi_user:
            raise NotFound("On a heartwise server, each account is opened by signing in.")

    def require_server(self) -> None:
        if not self.settings.multi_user:
            raise NotFound(
                "Accounts and partners live on a heartwise server (heartwise serve "
                "--multi-user); this journal is yours alone on this machine."
            )

    def unlock(self, passphrase: str) -> None:
        self.require_local()
        self._unlock(passphrase)

    def _unlock(self, passphrase: str) -> None:
        """Open a locked journal; a few failures in a row pause further attempts.

        Each attempt counts as a failure until it succeeds, so guesses sent at the same
        moment cannot slip past the limit while Argon2 is still working on the first.
        """
        with self._lock:
            self._refuse_if_hammered()
            self._failures.append(self.clock())
        with self.engine.connect() as db:
            if not is_locked(db):
                self._forget_last_attempt()
                return  # nothing to open: the key file alone opens this journal
            sealer = unlock_local_owner(db, self.settings, self.clock, lambda: passphrase)
        with self._lock:
            self._sealer, self._protected = sealer, True
            self._last_used, self._failures = self.clock(), []

    def _forget_last_attempt(self) -> None:
        with self._lock:
            if self._failures:
                self._failures.pop()

    def lock_now(self) -> None:
        self.require_local()
        with self._lock:
            self._sealer = None

    @property
    def is_protected(self) -> bool:
        return self._protected

    def _unlocked(self, db: Database) -> Sealer:
        with self._lock:
            now = self.clock()
            if self._sealer is not None and self._should_close(db, now):
                self._sealer = None
            if self._sealer is None:
                # Raises Locked when a passphrase is set: nobody here can type it.
                self._sealer = unlock_local_owner(db, self.settings, self.clock)
                self._protected = False
            self._last_used = now
            return self._sealer

    def _should_close(self, db: Database, now: datetime) -> bool:
        if not self._protected:
            # A passphrase set from the terminal while the app runs takes effect at once.
            return is_locked(db)
        idle = timedelta(minutes=self.settings.lock_after_minutes)
        return self._last_used is not None and now - self._last_used > idle

    def _refuse_if_hammered(self) -> None:
        now = self.clock()
        self._failures = [t for t in self._failures if now - t < FAILED_UNLOCK_WINDOW]
        if len(self._failures) >= MAX_FAILED_UNLOCKS:
            wait = int((self._failures[0] + FAILED_UNLOCK_WINDOW - now).total_seconds()) + 1
            raise TooManyAttempts(
                f"That passphrase did not fit several times. Please wait {wait // 60 + 1} "
                "minutes, then try again.",
                retry_after=wait,
            )
