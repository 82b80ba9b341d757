"""X25519 key pairs and the couple key that seals what partners share.

Each account has an X25519 key pair; its private half is sealed with the account's own
data key. When two people link, a random couple key is made and wrapped for each of them
"sealed-box" style: an ephemeral key pair, an X25519 agreement with the member's public
key, HKDF, then AES-256-GCM. Either member can open it with their own private key; the
server alone, holding only the database, can open neither.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from heartwise.errors import VaultError

_VERSION = b"\x01"
_PUBLIC_BYTES = 32
_NONCE_BYTES = 12
_RAW = serialization.Encoding.Raw


def new_key_pair() -> tuple[bytes, bytes]:
    """A fresh (private, public) X25519 pair as raw 32-byte strings."""
    private = X25519PrivateKey.generate()
    private_raw = private.private_bytes(
        _RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return private_raw, private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def wrap_for(public_key: bytes, secret: bytes, *, context: bytes) -> bytes:
    """``secret`` sealed so that only the holder of ``public_key``'s private half opens it."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    kek = _kek(shared, ephemeral_public, public_key, context)
    nonce = os.urandom(_NONCE_BYTES)
    return _VERSION + ephemeral_public + nonce + AESGCM(kek).encrypt(nonce, secret, context)


def unwrap_with(private_key: bytes, wrapped: bytes, *, context: bytes) -> bytes:
    if not wrapped.startswith(_VERSION):
        raise VaultError("A shared key has a format this version of heartwise does not know.")
    ephemeral_public = wrapped[1 : 1 + _PUBLIC_BYTES]
    nonce = wrapped[1 + _PUBLIC_BYTES : 1 + _PUBLIC_BYTES + _NONCE_BYTES]
    sealed = wrapped[1 + _PUBLIC_BYTES + _NONCE_BYTES :]
    private = X25519PrivateKey.from_private_bytes(private_key)
    own_public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    try:
        return AESGCM(_kek(shared, ephemeral_public, own_public, context)).decrypt(
            nonce, sealed, context
        )
    except InvalidTag:
        raise VaultError("The shared key does not open with this account's key.") from None


def _kek(shared: bytes, ephemeral_public: bytes, recipient: bytes, context: bytes) -> bytes:
    # Both public keys go into the derivation so a wrapped key cannot be replayed to
    # another recipient or with another ephemeral key.
    info = b"heartwise couple key v1" + ephemeral_public + recipient + context
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)
