"""Accounts on a multi-user server: sign-up, sign-in, sessions, passwords, recovery, deletion.

Keys: each account has a random data key, wrapped by a key derived from the password
(Argon2id, its own salt) and by a recovery key shown once. A session keeps the data key
sealed under a key derived from the session token, which only the browser or client
holds; the server stores the token's hash. Any worker can serve any request, and when the
session row is gone nothing readable is left.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from heartwise.config import Settings
from heartwise.domain.time import Clock, to_epoch
from heartwise.errors import InvalidInput, NotSignedIn, TooManyAttempts
from heartwise.services import sharing
from heartwise.services.workspace import (
    PASSPHRASE_PURPOSE,
    RECOVERY_PURPOSE,
    X25519_PUBLIC_PURPOSE,
    X25519_PURPOSE,
    Workspace,
)
from heartwise.storage import accounts as repo
from heartwise.storage import partners as partner_repo
from heartwise.storage import users
from heartwise.storage.accounts import SessionRow
from heartwise.storage.database import Database
from heartwise.vault import couple, keys
from heartwise.vault.passphrase import (
    new_recovery_key,
    unwrap_with_passphrase,
    unwrap_with_recovery,
    wrap_with_passphrase,
    wrap_with_recovery,
)
from heartwise.vault.passwords import (
    check_new_password,
    hash_password,
    session_key,
    token_digest,
    verify_password,
)
from heartwise.vault.sealer import Sealer

SESSION_LIFETIME = timedelta(days=30)
SESSION_IDLE = timedelta(days=7)
# last_seen is written at most this often, so reading a page is not also a write.
TOUCH_EVERY = timedelta(hours=1)
FAILURE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 10
MAX_FAILURES_PER_ADDRESS = 50
SESSION_PURPOSE = "session"
MAX_EMAIL = 254


@dataclass(frozen=True)
class SignedIn:
    user_id: int
    token: str


@dataclass(frozen=True)
class NewAccount:
    user_id: int
    recovery_key: str


def normalise_email(raw: str) -> str:
    email = raw.strip().lower()
    local, _, domain = email.partition("@")
    # One "@", and a domain of at least two non-empty labels ("name@.org" is no address).
    labels = domain.split(".")
    well_formed = bool(local) and "@" not in domain and len(labels) >= 2 and all(labels)
    if not well_formed or len(email) > MAX_EMAIL or any(c.isspace() for c in email):
        raise InvalidInput("Please enter an email address such as name@example.org.", field="email")
    return email


def sign_up(db: Database, email: str, password: str, now: int) -> NewAccount:
    """Create an account; returns the recovery key, which is shown once and never stored."""
    email = normalise_email(email)
    check_new_password(password)
    if repo.account_by_email(db, email) is not None:
        raise InvalidInput(
            "An account with this email already exists. Sign in, or use its recovery key.",
            field="email",
        )
    data_key, recovery_key = keys.new_key(), new_recovery_key()
    password_hash = hash_password(password)
    with db.transaction():
        user_id = repo.create_account(db, email, password_hash, now)
        _store_password_keys(db, user_id, data_key, password, recovery_key, now)
        _store_key_pair(db, Sealer(user_id, data_key), now)
    return NewAccount(user_id, recovery_key)


def sign_in(db: Database, email: str, password: str, address: str, now: int) -> SignedIn:
    """Check the password and open a new session (a fresh token at every sign-in)."""
    subjects = _subjects(email, address)
    _refuse_if_hammered(db, subjects, now)
    account = repo.account_by_email(db, email.strip().lower())
    if not verify_password(account.password_hash if account else None, password):
        _record_failure(db, subjects, now)
        raise NotSignedIn("That email and password do not match an account.", field="password")
    assert account is not None
    wrapped = users.wrapped_key(db, account.id, PASSPHRASE_PURPOSE)
    assert wrapped is not None, "every account has a password-wrapped key"
    data_key = unwrap_with_passphrase(wrapped, password, owner_id=account.id)
    with db.transaction():
        repo.forget_failures(db, subjects[0])
        return _open_session(db, account.id, data_key, now)


def session_workspace(db: Database, token: str, settings: Settings, clock: Clock) -> Workspace:
    """The workspace of the session's user; ``NotSignedIn`` for an unknown or ended session.

    The partner link comes with the session row, so a request of someone with no partner
    asks nothing more about sharing.
    """
    digest = token_digest(token)
    row = repo.session(db, digest)
    sealer = _session_sealer(db, token, digest, row, to_epoch(clock()))
    ws = Workspace(db, sealer, settings, clock)
    sharing.note_membership(ws, row.membership if row else None)
    return ws


def _session_sealer(
    db: Database, token: str, digest: bytes, row: SessionRow | None, now: int
) -> Sealer:
    idle = int(SESSION_IDLE.total_seconds())
    if row is None or row.expires_at <= now or row.last_seen + idle <= now:
        raise NotSignedIn("Your session has ended. Please sign in again.")
    if now - row.last_seen >= TOUCH_EVERY.total_seconds():
        repo.touch_session(db, digest, now)
    data_key = keys.unwrap_key(
        session_key(token), row.sealed_key, owner_id=row.user_id, purpose=SESSION_PURPOSE
    )
    return Sealer(row.user_id, data_key)


def sign_out(db: Database, token: str) -> None:
    repo.delete_session(db, token_digest(token))


def change_password(ws: Workspace, current: str, new: str, address: str) -> SignedIn:
    """A new password; every session of the account ends and a new one opens for the caller."""
    account = _account(ws)
    now = _now(ws)
    subjects = _subjects(account.email, address)
    _refuse_if_hammered(ws.db, subjects, now)
    if not verify_password(account.password_hash, current):
        _record_failure(ws.db, subjects, now)
        raise InvalidInput("Your current password was not right.", field="current_password")
    check_new_password(new)
    new_hash = hash_password(new)
    wrapped = wrap_with_passphrase(ws.sealer.data_key, new, owner_id=account.id)
    with ws.db.transaction():
        repo.set_password_hash(ws.db, account.id, new_hash)
        users.store_wrapped_key(ws.db, account.id, PASSPHRASE_PURPOSE, wrapped, now)
        repo.delete_sessions_of(ws.db, account.id)
        return _open_session(ws.db, account.id, ws.sealer.data_key, now)


def recover(
    db: Database, email: str, recovery_key: str, new_password: str, address: str, now: int
) -> tuple[SignedIn, str]:
    """Set a new password with the recovery key; returns a session and a new recovery key."""
    subjects = _subjects(email, address)
    _refuse_if_hammered(db, subjects, now)
    account = repo.account_by_email(db, email.strip().lower())
    stored = users.wrapped_key(db, account.id, RECOVERY_PURPOSE) if account else None
    try:
        if account is None or stored is None:
            raise InvalidInput("That recovery key does not fit this account.", field="recovery_key")
        data_key = unwrap_with_recovery(stored, recovery_key, owner_id=account.id)
    except InvalidInput:
        _record_failure(db, subjects, now)
        raise InvalidInput(
            "That email and recovery key do not fit together.", field="recovery_key"
        ) from None
    check_new_password(new_password)
    fresh = new_recovery_key()
    new_hash = hash_password(new_password)
    with db.transaction():
        repo.set_password_hash(db, account.id, new_hash)
        _store_password_keys(db, account.id, data_key, new_password, fresh, now)
        repo.delete_sessions_of(db, account.id)
        repo.forget_failures(db, subjects[0])
        return _open_session(db, account.id, data_key, now), fresh


def delete_account(ws: Workspace, password: str, address: str) -> None:
    """Remove the account and every row of it; a partner keeps what is theirs."""
    account = _account(ws)
    now = _now(ws)
    subjects = _subjects(account.email, address)
    _refuse_if_hammered(ws.db, subjects, now)
    if not verify_password(account.password_hash, password):
        _record_failure(ws.db, subjects, now)
        raise InvalidInput("That password was not right; nothing was deleted.", field="password")
    with ws.db.transaction():
        couple_id = partner_repo.couple_of(ws.db, account.id)
        if couple_id is not None:
            partner_repo.delete_couple(ws.db, couple_id)
        repo.delete_user(ws.db, account.id)
        # Failed attempts are keyed by a hash of the email, not the user id: no cascade.
        repo.forget_failures(ws.db, subjects[0])


def email_of(ws: Workspace) -> str:
    return _account(ws).email


# -- helpers ---------------------------------------------------------------------------------


def _account(ws: Workspace) -> repo.AccountRow:
    account = repo.account_by_id(ws.db, ws.owner_id)
    if account is None:
        raise NotSignedIn("This needs an account on a heartwise server.")
    return account


def _now(ws: Workspace) -> int:
    return to_epoch(ws.clock())


def _open_session(db: Database, user_id: int, data_key: bytes, now: int) -> SignedIn:
    token = secrets.token_urlsafe(32)  # 256 bits from the operating system's CSPRNG
    sealed = keys.wrap_key(session_key(token), data_key, owner_id=user_id, purpose=SESSION_PURPOSE)
    expires = now + int(SESSION_LIFETIME.total_seconds())
    repo.delete_expired_sessions(db, now)
    repo.insert_session(db, token_digest(token), user_id, sealed, now, expires)
    return SignedIn(user_id, token)


def _store_password_keys(
    db: Database, user_id: int, data_key: bytes, password: str, recovery_key: str, now: int
) -> None:
    users.store_wrapped_key(
        db,
        user_id,
        PASSPHRASE_PURPOSE,
        wrap_with_passphrase(data_key, password, owner_id=user_id),
        now,
    )
    users.store_wrapped_key(
        db,
        user_id,
        RECOVERY_PURPOSE,
        wrap_with_recovery(data_key, recovery_key, owner_id=user_id),
        now,
    )


def _store_key_pair(db: Database, sealer: Sealer, now: int) -> None:
    private, public = couple.new_key_pair()
    sealed = sealer.seal("user_keys", sealer.owner_id, X25519_PURPOSE, private)
    users.store_wrapped_key(db, sealer.owner_id, X25519_PURPOSE, sealed, now)
    users.store_wrapped_key(db, sealer.owner_id, X25519_PUBLIC_PURPOSE, public, now)


def _subjects(email: str, address: str) -> tuple[str, str]:
    """Rate-limit keys for the account and the address, as hashes: no addresses are stored."""
    account = hashlib.sha256(b"account\x00" + email.strip().lower().encode()).hexdigest()[:32]
    place = hashlib.sha256(b"address\x00" + address.encode()).hexdigest()[:32]
    return "a:" + account, "n:" + place


def _refuse_if_hammered(db: Database, subjects: tuple[str, str], now: int) -> None:
    window = int(FAILURE_WINDOW.total_seconds())
    limits = zip(subjects, (MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS), strict=True)
    for subject, limit in limits:
        failures = repo.failures_since(db, subject, now - window)
        if len(failures) >= limit:
            wait = failures[-limit] + window - now + 1
            raise TooManyAttempts(
                f"There were too many attempts. Please wait {wait // 60 + 1} minutes, then try "
                "again.",
                retry_after=wait,
            )


def _record_failure(db: Database, subjects: tuple[str, str], now: int) -> None:
    with db.transaction():
        repo.prune_failures(db, now - int(FAILURE_WINDOW.total_seconds()))
        for subject in subjects:
            repo.record_failure(db, subject, now)
