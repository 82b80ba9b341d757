"""Opening a journal: the database at its current schema and the owner's unlocked keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from heartwise.config import Settings
from heartwise.domain.time import Clock, system_clock, to_epoch
from heartwise.errors import KeyMissing, Locked
from heartwise.storage import users
from heartwise.storage.database import Database
from heartwise.storage.engine import Engine, create_engine
from heartwise.storage.migrate import migrate
from heartwise.vault import keys
from heartwise.vault.sealer import Sealer

DEVICE_PURPOSE = "device"
PASSPHRASE_PURPOSE = "passphrase"  # noqa: S105 - a label, not a secret
RECOVERY_PURPOSE = "recovery"
# An account's X25519 key pair: the private half sealed with its data key.
X25519_PURPOSE = "x25519"
X25519_PUBLIC_PURPOSE = "x25519-public"


@dataclass
class Workspace:
    """Everything a service needs for one owner: database, sealer, settings and clock."""

    db: Database
    sealer: Sealer
    settings: Settings
    clock: Clock
    # Facts looked up once per request or command (the partner link, say).
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def owner_id(self) -> int:
        return self.sealer.owner_id


def prepare(engine: Engine) -> None:
    """Apply pending migrations; cheap when the schema is current."""
    with engine.connect() as db:
        migrate(db)


PassphraseSource = Callable[[], str]


def unlock_local_owner(
    db: Database, settings: Settings, clock: Clock, passphrase: PassphraseSource | None = None
) -> Sealer:
    """The local user's sealer, creating the user and a device key on first use.

    An existing journal whose key file is gone raises ``KeyMissing``: writing a new key
    would leave the old entries unreadable for good. A journal with a passphrase asks
    ``passphrase`` for it, and raises ``Locked`` when there is no one to ask.
    """
    owner_id = users.local_user_id(db)
    if owner_id is None:
        return _create_local_owner(db, settings, clock)
    locked = users.wrapped_key(db, owner_id, PASSPHRASE_PURPOSE)
    if locked is not None:
        if passphrase is None:
            raise Locked("Your journal has a passphrase. Unlock it to continue.")
        from heartwise.vault.passphrase import unwrap_with_passphrase

        data_key = unwrap_with_passphrase(locked, passphrase(), owner_id=owner_id)
        return Sealer(owner_id, data_key)
    wrapped = users.wrapped_key(db, owner_id, DEVICE_PURPOSE)
    if wrapped is None:
        raise KeyMissing("This journal has no stored key; restore it from a backup export.")
    device_key = keys.read_device_key(settings.key_path)
    data_key = keys.unwrap_key(device_key, wrapped, owner_id=owner_id, purpose=DEVICE_PURPOSE)
    return Sealer(owner_id, data_key)


def is_locked(db: Database) -> bool:
    owner_id = users.local_user_id(db)
    return owner_id is not None and users.wrapped_key(db, owner_id, PASSPHRASE_PURPOSE) is not None


def _create_local_owner(db: Database, settings: Settings, clock: Clock) -> Sealer:
    if settings.key_path.exists():
        device_key = keys.read_device_key(settings.key_path)
    else:
        device_key = keys.create_device_key(settings.key_path)
    data_key = keys.new_key()
    now = to_epoch(clock())
    with db.transaction():
        owner_id = users.create_local_user(db, now)
        wrapped = keys.wrap_key(device_key, data_key, owner_id=owner_id, purpose=DEVICE_PURPOSE)
        users.store_wrapped_key(db, owner_id, DEVICE_PURPOSE, wrapped, now)
    return Sealer(owner_id, data_key)


@contextmanager
def open_local_workspace(
    settings: Settings, clock: Clock = system_clock, passphrase: PassphraseSource | None = None
) -> Iterator[Workspace]:
    """Open the local journal for one command: migrate if needed, unlock, and close after."""
    engine = create_engine(settings)
    try:
        with engine.connect() as db:
            migrate(db)
            sealer = unlock_local_owner(db, settings, clock, passphrase)
            yield Workspace(db, sealer, settings, clock)
    finally:
        engine.close()


@contextmanager
def open_local_database(settings: Settings) -> Iterator[Database]:
    """The local database at its current schema, without unlocking anything (for recovery)."""
    engine = create_engine(settings)
    try:
        with engine.connect() as db:
            migrate(db)
            yield db
    finally:
        engine.close()
