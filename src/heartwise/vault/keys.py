"""The device key file and the wrapping of each user's data key.

A user's random data key never touches the disk in the clear: it is stored wrapped
(AES-256-GCM) by a key-encryption key. In local mode without a passphrase, that
key-encryption key is the device key, kept in a 0600 file in the data directory, so a
copied database alone reveals nothing.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from heartwise.errors import KeyMissing, VaultError
from heartwise.vault.files import write_private_file

KEY_BYTES = 32
_NONCE_BYTES = 12
_KEY_FILE_HEADER = b"heartwise-device-key v1\n"
_WRAP_VERSION = b"\x01"


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def read_device_key(path: Path) -> bytes:
    """The device key stored at ``path``; ``KeyMissing`` with restore advice if it is gone."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyMissing(
            f"heartwise found your encrypted journal but not its key file, {path}. "
            "If you have a copy of device.key (from a backup of this folder), put it back "
            "at that path with `chmod 600`. Without it the entries cannot be read; heartwise "
            "has not changed anything and will not start a new journal over the old one."
        ) from None
    except OSError as exc:
        raise KeyMissing(f"The key file {path} could not be read ({exc.strerror}).") from None
    return _decode_key_file(path, raw)


def _decode_key_file(path: Path, raw: bytes) -> bytes:
    if not raw.startswith(_KEY_FILE_HEADER):
        raise VaultError(f"{path} is not a heartwise key file, or it was damaged.")
    try:
        key = base64.b64decode(raw[len(_KEY_FILE_HEADER) :].strip(), validate=True)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise VaultError(f"The key file {path} was damaged: it does not hold a whole key.")
    return key


def create_device_key(path: Path) -> bytes:
    """Write a new device key file; refuses to replace one that exists."""
    if path.exists():
        raise VaultError(f"A key file already exists at {path}; heartwise will not replace it.")
    key = new_key()
    write_private_file(path, _KEY_FILE_HEADER + base64.b64encode(key) + b"\n")
    return key


def key_file_is_private(path: Path) -> bool:
    return (os.stat(path).st_mode & 0o077) == 0


def wrap_key(wrapping_key: bytes, key: bytes, *, owner_id: int, purpose: str) -> bytes:
    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(wrapping_key).encrypt(nonce, key, _wrap_context(owner_id, purpose))
    return _WRAP_VERSION + nonce + sealed


def unwrap_key(wrapping_key: bytes, wrapped: bytes, *, owner_id: int, purpose: str) -> bytes:
    if not wrapped.startswith(_WRAP_VERSION):
        raise VaultError("A stored key has a format this version of heartwise does not know.")
    nonce = wrapped[1 : 1 + _NONCE_BYTES]
    try:
        return AESGCM(wrapping_key).decrypt(
            nonce, wrapped[1 + _NONCE_BYTES :], _wrap_context(owner_id, purpose)
        )
    except InvalidTag:
        raise VaultError(
            "The key file does not fit this journal: it belongs to another journal or was "
            "changed. Put back the device.key that was made with this journal."
        ) from None


def _wrap_context(owner_id: int, purpose: str) -> bytes:
    return f"heartwise/wrapped-key/v1/{owner_id}/{purpose}".encode()
