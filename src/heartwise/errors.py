"""One error hierarchy for the whole project.

Each error carries the HTTP status and the CLI exit code that its face should use,
so every face translates errors in exactly one place. Messages are written for the
person using heartwise: what happened, and what to do. They never contain text the
user wrote.
"""

from __future__ import annotations


class HeartwiseError(Exception):
    """Base of every error a user may see."""

    status: int = 500
    exit_code: int = 1
    title: str = "Something went wrong"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(HeartwiseError):
    """Input that heartwise cannot accept as it is."""

    status = 422
    exit_code = 2
    title = "Please check what you entered"


class NotFound(HeartwiseError):
    status = 404
    exit_code = 3
    title = "Not found"


class ImportFailed(HeartwiseError):
    """A file could not be imported; nothing from it was stored."""

    status = 422
    exit_code = 4
    title = "The file could not be imported"


class KeyMissing(HeartwiseError):
    """The device key file is gone while encrypted data exists."""

    status = 503
    exit_code = 5
    title = "Your key file is missing"


class VaultError(HeartwiseError):
    """A sealed value failed authentication or a key did not fit."""

    status = 500
    exit_code = 6
    title = "An encrypted item failed its integrity check"


class StorageError(HeartwiseError):
    """The database could not be opened or is not in a usable state."""

    status = 503
    exit_code = 7
    title = "The journal database is not available"


class ConfigError(HeartwiseError):
    status = 500
    exit_code = 8
    title = "The settings could not be read"


class Forbidden(HeartwiseError):
    status = 403
    exit_code = 9
    title = "This request was refused"


class UnsupportedMediaType(HeartwiseError):
    status = 415
    exit_code = 2
    title = "Unsupported content type"


class Locked(HeartwiseError):
    """The journal has a passphrase and has not been unlocked."""

    status = 401
    exit_code = 10
    title = "Your journal is locked"


class TooManyAttempts(HeartwiseError):
    status = 429
    exit_code = 11
    title = "Too many attempts"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Busy(TooManyAttempts):
    """Too much of one kind of work at once (exports, say): try again shortly."""

    title = "Busy right now"


class NotSignedIn(HeartwiseError):
    """A multi-user server was asked for something without a valid session."""

    status = 401
    exit_code = 10
    title = "Please sign in"


class Conflict(HeartwiseError):
    """The request fits the rules but not the current state (already linked, say)."""

    status = 409
    exit_code = 2
    title = "This cannot be done right now"


class TooLarge(HeartwiseError):
    status = 413
    exit_code = 2
    title = "This is more than heartwise accepts at once"


class ServerNotStarted(HeartwiseError):
    """`heartwise serve` could not start or keep its workers (a port taken, say)."""

    status = 500
    exit_code = 12
    title = "The server could not start"
