"""Keys from a passphrase (Argon2id) and from a recovery key.

The passphrase never wraps entries: it derives a key-encryption key that wraps the
user's data key. Changing it re-wraps that one key, so every sealed field stays
byte-identical. The recovery key is 160 random bits shown once; it wraps the same data
key, so it can unlock and set a new passphrase.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os

from heartwise.errors import InvalidInput, VaultError
from heartwise.vault.keys import unwrap_key, wrap_key

# Argon2id at 64 MiB and three passes: about a quarter of a second here, for each guess.
TIME_COST = 3
MEMORY_KIB = 64 * 1024
PARALLELISM = 1
MIN_PASSPHRASE = 8
MAX_PASSPHRASE = 1024


def check_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters. A few "
            "unrelated words are easy to remember and hard to guess.",
            field="passphrase",
        )
    if len(passphrase) > MAX_PASSPHRASE:
        raise InvalidInput("That passphrase is longer than heartwise accepts.", field="passphrase")
    return passphrase


def _derive(passphrase: str, salt: bytes, time_cost: int, memory_kib: int, lanes: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode(),
        salt,
        time_cost=time_cost,
        memory_cost=memory_kib,
        parallelism=lanes,
        hash_len=32,
        type=Type.ID,
    )


def wrap_with_passphrase(data_key: bytes, passphrase: str, *, owner_id: int) -> bytes:
    salt = os.urandom(16)
    kek = _derive(passphrase, salt, TIME_COST, MEMORY_KIB, PARALLELISM)
    record = {
        "v": 1,
        "salt": base64.b64encode(salt).decode(),
        "t": TIME_COST,
        "m": MEMORY_KIB,
        "p": PARALLELISM,
        "wrapped": base64.b64encode(
            wrap_key(kek, data_key, owner_id=owner_id, purpose="passphrase")
        ).decode(),
    }
    return json.dumps(record).encode()


def unwrap_with_passphrase(blob: bytes, passphrase: str, *, owner_id: int) -> bytes:
    record = json.loads(blob)
    kek = _derive(
        passphrase, base64.b64decode(record["salt"]), record["t"], record["m"], record["p"]
    )
    try:
        return unwrap_key(
            kek, base64.b64decode(record["wrapped"]), owner_id=owner_id, purpose="passphrase"
        )
    except VaultError:
        raise InvalidInput(
            "That passphrase does not open this journal.", field="passphrase"
        ) from None


def new_recovery_key() -> str:
    """160 random bits as eight groups of four letters and digits, easy to write down."""
    raw = base64.b32encode(os.urandom(20)).decode()
    return "-".join(raw[i : i + 4] for i in range(0, 32, 4))


def _recovery_kek(recovery_key: str) -> bytes:
    cleaned = "".join(ch for ch in recovery_key.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(cleaned)
    except ValueError:
        raw = b""
    if len(raw) != 20:
        raise InvalidInput(
            "That is not a heartwise recovery key (eight groups of four).", field="recovery_key"
        )
    # The recovery key is already 160 random bits; one keyed hash makes it a 256-bit key.
    return hmac.digest(raw, b"heartwise recovery v1", hashlib.sha256)


def wrap_with_recovery(data_key: bytes, recovery_key: str, *, owner_id: int) -> bytes:
    return wrap_key(_recovery_kek(recovery_key), data_key, owner_id=owner_id, purpose="recovery")


def unwrap_with_recovery(blob: bytes, recovery_key: str, *, owner_id: int) -> bytes:
    try:
        return unwrap_key(_recovery_kek(recovery_key), blob, owner_id=owner_id, purpose="recovery")
    except VaultError:
        raise InvalidInput(
            "That recovery key does not open this journal.", field="recovery_key"
        ) from None
