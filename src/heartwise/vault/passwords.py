"""Account passwords: the rules, the Argon2id hash, and the key a session token derives.

The password hash only answers "is this the password?"; the key that wraps the data key
is derived separately (``vault.passphrase``, its own salt), so the stored hash gives no
shortcut to the data. Rules follow current guidance: a length range and a list of the
most common passwords, no composition rules.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache
from typing import TYPE_CHECKING

from heartwise.errors import InvalidInput

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_PASSWORD = 8
MAX_PASSWORD = 1024
# Same cost as the key derivation: at least 64 MiB and three passes per guess.
_TIME_COST = 3
_MEMORY_KIB = 64 * 1024


def check_new_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            f"Please choose a password of at least {MIN_PASSWORD} characters. A few unrelated "
            "words are easy to remember and hard to guess.",
            field="password",
        )
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(
            f"Please keep the password under {MAX_PASSWORD} characters.", field="password"
        )
    if is_common(password):
        raise InvalidInput(
            "That password is one of the most common ones, so it is among the first any "
            "attacker tries. Please choose another.",
            field="password",
        )
    return password


def is_common(password: str) -> bool:
    return password.lower() in _common_passwords()


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    # zxcvbn ships a list of the 30,000 most frequent passwords from public breach
    # corpora; it loads only when a password is chosen.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=_TIME_COST, memory_cost=_MEMORY_KIB, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when ``password`` fits; an unknown account still costs one full hash."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored_hash or _decoy_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    # Verifying against a decoy makes "no such account" take as long as "wrong password".
    return hash_password("heartwise decoy password that nobody has")


def session_key(token: str) -> bytes:
    """The key that seals a user's data key for one session, derived from its token.

    The token is 256 random bits, so one keyed hash suffices; the server stores only
    ``token_digest``, from which this key cannot be computed.
    """
    return hmac.digest(token.encode(), b"heartwise session key v1", hashlib.sha256)


def token_digest(token: str) -> bytes:
    return hashlib.sha256(b"heartwise token v1\x00" + token.encode()).digest()
