"""The optional passphrase lock of a local journal.

Setting a lock wraps the data key with a key derived from the passphrase (Argon2id) and
with a recovery key shown once, and removes the copy the device key file could open.
Changing or removing the lock re-wraps that one key: no sealed field is touched.
"""

from __future__ import annotations

from heartwise.domain.time import to_epoch
from heartwise.errors import InvalidInput
from heartwise.services.workspace import (
    DEVICE_PURPOSE,
    PASSPHRASE_PURPOSE,
    RECOVERY_PURPOSE,
    Workspace,
)
from heartwise.storage import users
from heartwise.storage.database import Database
from heartwise.vault import keys
from heartwise.vault.passphrase import (
    check_passphrase,
    new_recovery_key,
    unwrap_with_recovery,
    wrap_with_passphrase,
    wrap_with_recovery,
)


def is_set(ws: Workspace) -> bool:
    return users.wrapped_key(ws.db, ws.owner_id, PASSPHRASE_PURPOSE) is not None


def set_lock(ws: Workspace, passphrase: str) -> str:
    """Lock the journal with ``passphrase``; returns the recovery key, to be shown once."""
    if is_set(ws):
        raise InvalidInput("Your journal already has a passphrase; use `heartwise lock change`.")
    recovery_key = new_recovery_key()
    _store(ws, passphrase, recovery_key)
    return recovery_key


def change_passphrase(ws: Workspace, new_passphrase: str) -> None:
    if not is_set(ws):
        raise InvalidInput("Your journal has no passphrase yet; use `heartwise lock set`.")
    now = to_epoch(ws.clock())
    wrapped = wrap_with_passphrase(
        ws.sealer.data_key, check_passphrase(new_passphrase), owner_id=ws.owner_id
    )
    with ws.db.transaction():
        users.store_wrapped_key(ws.db, ws.owner_id, PASSPHRASE_PURPOSE, wrapped, now)


def remove_lock(ws: Workspace) -> None:
    """Back to the device key file alone (written anew if it is missing)."""
    if not is_set(ws):
        raise InvalidInput("Your journal has no passphrase to remove.")
    path = ws.settings.key_path
    device_key = keys.read_device_key(path) if path.exists() else keys.create_device_key(path)
    wrapped = keys.wrap_key(
        device_key, ws.sealer.data_key, owner_id=ws.owner_id, purpose=DEVICE_PURPOSE
    )
    with ws.db.transaction():
        users.store_wrapped_key(ws.db, ws.owner_id, DEVICE_PURPOSE, wrapped, to_epoch(ws.clock()))
        users.delete_wrapped_key(ws.db, ws.owner_id, PASSPHRASE_PURPOSE)
        users.delete_wrapped_key(ws.db, ws.owner_id, RECOVERY_PURPOSE)


def recover(db: Database, recovery_key: str, new_passphrase: str, now: int) -> str:
    """Set a new passphrase with the recovery key; returns a fresh recovery key."""
    owner_id = users.local_user_id(db)
    stored = users.wrapped_key(db, owner_id, RECOVERY_PURPOSE) if owner_id else None
    if owner_id is None or stored is None:
        raise InvalidInput("This journal has no recovery key to use.", field="recovery_key")
    data_key = unwrap_with_recovery(stored, recovery_key, owner_id=owner_id)
    fresh = new_recovery_key()
    with db.transaction():
        _write(db, owner_id, data_key, check_passphrase(new_passphrase), fresh, now)
    return fresh


def _store(ws: Workspace, passphrase: str, recovery_key: str) -> None:
    with ws.db.transaction():
        _write(
            ws.db,
            ws.owner_id,
            ws.sealer.data_key,
            check_passphrase(passphrase),
            recovery_key,
            to_epoch(ws.clock()),
        )
        # The device key file must no longer be enough to read the journal.
        users.delete_wrapped_key(ws.db, ws.owner_id, DEVICE_PURPOSE)


def _write(
    db: Database, owner_id: int, data_key: bytes, passphrase: str, recovery_key: str, now: int
) -> None:
    users.store_wrapped_key(
        db,
        owner_id,
        PASSPHRASE_PURPOSE,
        wrap_with_passphrase(data_key, passphrase, owner_id=owner_id),
        now,
    )
    users.store_wrapped_key(
        db,
        owner_id,
        RECOVERY_PURPOSE,
        wrap_with_recovery(data_key, recovery_key, owner_id=owner_id),
        now,
    )
