"""Opening a journal: the database at its current schema and the owner's unlocked keys."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from heartwise.config import Settings
from heartwise.domain.time import Clock, system_clock, to_epoch
from heartwise.errors import KeyMissing
from heartwise.storage import users
from heartwise.storage.database import Database
from heartwise.storage.engine import Engine, create_engine
from heartwise.storage.migrate import migrate
from heartwise.vault import keys
from heartwise.vault.sealer import Sealer

DEVICE_PURPOSE = "device"


@dataclass
class Workspace:
    """Everything a service needs for one owner: database, sealer, settings and clock."""

    db: Database
    sealer: Sealer
    settings: Settings
    clock: Clock

    @property
    def owner_id(self) -> int:
        return self.sealer.owner_id


def prepare(engine: Engine) -> None:
    """Apply pending migrations; cheap when the schema is current."""
    with engine.connect() as db:
        migrate(db)


def unlock_local_owner(db: Database, settings: Settings, clock: Clock) -> Sealer:
    """The local user's sealer, creating the user and a device key on first use.

    An existing journal whose key file is gone raises ``KeyMissing``: writing a new key
    would leave the old entries unreadable for good.
    """
    owner_id = users.local_user_id(db)
    if owner_id is None:
        return _create_local_owner(db, settings, clock)
    wrapped = users.wrapped_key(db, owner_id, DEVICE_PURPOSE)
    if wrapped is None:
        raise KeyMissing("This journal has no stored key; restore it from a backup export.")
    device_key = keys.read_device_key(settings.key_path)
    data_key = keys.unwrap_key(device_key, wrapped, owner_id=owner_id, purpose=DEVICE_PURPOSE)
    return Sealer(owner_id, data_key)


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
def open_local_workspace(settings: Settings, clock: Clock = system_clock) -> Iterator[Workspace]:
    """Open the local journal for one command: migrate if needed, unlock, and close after."""
    engine = create_engine(settings)
    try:
        with engine.connect() as db:
            migrate(db)
            yield Workspace(db, unlock_local_owner(db, settings, clock), settings, clock)
    finally:
        engine.close()
