"""Sealing user-written fields with AES-256-GCM.

Every ciphertext carries its format version and is bound, through the associated
data, to the table, row id, owner and field it was written for: a value copied to
another row, owner or field, or changed in any bit, fails to open.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from heartwise.errors import VaultError

FORMAT_VERSION = 1
_VERSION_BYTE = bytes([FORMAT_VERSION])
_NONCE_BYTES = 12
_TOKEN_CHARS = 16  # 80 bits of HMAC: collisions between a person's words stay negligible


def _derive(data_key: bytes, purpose: bytes) -> bytes:
    # HKDF-Expand with a single block is HMAC(key, info || 0x01); the data key is already
    # uniformly random, so the extract step adds nothing.
    return hmac.digest(data_key, purpose + b"\x01", hashlib.sha256)


@dataclass
class Sealer:
    """Seals and opens one owner's fields, and turns their search terms into tokens."""

    owner_id: int
    data_key: bytes
    _aead: AESGCM = field(init=False, repr=False)
    _search_key: bytes = field(init=False, repr=False)
    _token_cache: dict[str, str] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._aead = AESGCM(_derive(self.data_key, b"heartwise seal v1"))
        self._search_key = _derive(self.data_key, b"heartwise search v1")

    def seal(self, table: str, row_id: int, field_name: str, plaintext: bytes) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        context = self._context(table, row_id, field_name)
        return _VERSION_BYTE + nonce + self._aead.encrypt(nonce, plaintext, context)

    def unseal(self, table: str, row_id: int, field_name: str, sealed: bytes) -> bytes:
        if not sealed or sealed[0] != FORMAT_VERSION:
            raise self._integrity_error(table, row_id, field_name)
        nonce, ciphertext = sealed[1 : 1 + _NONCE_BYTES], sealed[1 + _NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, ciphertext, self._context(table, row_id, field_name))
        except InvalidTag:
            raise self._integrity_error(table, row_id, field_name) from None

    def seal_json(self, table: str, row_id: int, field_name: str, value: object) -> bytes:
        encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        return self.seal(table, row_id, field_name, encoded)

    def unseal_json(self, table: str, row_id: int, field_name: str, sealed: bytes) -> object:
        return json.loads(self.unseal(table, row_id, field_name, sealed))

    def token(self, term: str, *, kind: str = "w") -> str:
        """The keyed hash that stands for ``term`` in the search index."""
        key = kind + "\x00" + term
        cached = self._token_cache.get(key)
        if cached is None:
            digest = hmac.digest(self._search_key, key.encode(), hashlib.sha256)
            cached = base64.b32encode(digest).decode()[:_TOKEN_CHARS].lower()
            if len(self._token_cache) < 200_000:
                self._token_cache[key] = cached
        return cached

    def _context(self, table: str, row_id: int, field_name: str) -> bytes:
        return f"heartwise/v{FORMAT_VERSION}/{table}/{row_id}/{self.owner_id}/{field_name}".encode()

    @staticmethod
    def _integrity_error(table: str, row_id: int, field_name: str) -> VaultError:
        return VaultError(
            f"The {field_name} of {table} #{row_id} failed its integrity check: it was changed "
            "outside heartwise, or copied from another item. heartwise will not show data it "
            "cannot vouch for. Restoring the journal from a backup export brings it back."
        )
