"""Settings, read once by ``load_settings`` from the environment and an optional TOML file.

Where heartwise keeps its data, in order of precedence:

1. ``HEARTWISE_DATA_DIR``;
2. ``$XDG_DATA_HOME/heartwise``;
3. ``~/.local/share/heartwise``.

The optional settings file is ``HEARTWISE_CONFIG``, else ``$XDG_CONFIG_HOME/heartwise/config.toml``
(``~/.config/heartwise/config.toml``). Environment variables win over the file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from heartwise.errors import ConfigError

DEFAULT_PORT = 8000
DEFAULT_HOST = "127.0.0.1"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str | None = None
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost")
    trash_days: int = 30
    editor: str = "nano"
    locale: str = "default"
    lock_after_minutes: int = 15
    # The multi-user server: accounts, sessions and partners instead of one local journal.
    multi_user: bool = False
    # Threads per server process for blocking work; 0 picks the default for the mode.
    threads: int = 0
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "heartwise.db"

    @property
    def key_path(self) -> Path:
        return self.data_dir / "device.key"

    @property
    def log_path(self) -> Path:
        return self.data_dir / "heartwise.log"

    @property
    def uses_postgres(self) -> bool:
        return bool(self.database_url) and str(self.database_url).startswith(
            ("postgres://", "postgresql://")
        )


def _default_data_dir(env: Mapping[str, str]) -> Path:
    if env.get("HEARTWISE_DATA_DIR"):
        return Path(env["HEARTWISE_DATA_DIR"]).expanduser()
    xdg = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg).expanduser() / "heartwise"


def _config_file(env: Mapping[str, str]) -> Path:
    if env.get("HEARTWISE_CONFIG"):
        return Path(env["HEARTWISE_CONFIG"]).expanduser()
    xdg = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(xdg).expanduser() / "heartwise" / "config.toml"


def _read_toml(path: Path) -> dict[str, object]:
    if not path.is_file():
        return {}
    import tomllib  # only when there is a settings file to read

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"The settings file {path} could not be read: {exc}") from exc


def _port(raw: object) -> int:
    try:
        port = int(str(raw))
    except ValueError:
        port = -1
    if not 0 < port < 65536:
        raise ConfigError(f"The port must be a number from 1 to 65535, not {raw!r}.")
    return port


def _minutes(raw: object) -> int:
    try:
        minutes = int(str(raw))
    except ValueError:
        minutes = -1
    if not 1 <= minutes <= 24 * 60:
        raise ConfigError(f"The idle time before locking is 1 to 1440 minutes, not {raw!r}.")
    return minutes


def _threads(raw: object) -> int:
    try:
        threads = int(str(raw))
    except ValueError:
        threads = -1
    if not 0 <= threads <= 256:
        raise ConfigError(f"HEARTWISE_THREADS is 1 to 256 (or 0 for the default), not {raw!r}.")
    return threads


def _hosts(raw: object) -> tuple[str, ...]:
    """Host names a server answers to, as a list or a comma-separated string."""
    items = raw if isinstance(raw, list) else str(raw).split(",")
    return tuple(str(item).strip().lower() for item in items if str(item).strip())


def _flag(raw: object) -> bool:
    return str(raw).strip().lower() in {"1", "true", "yes", "on"}


def _locale(env: Mapping[str, str], file_values: Mapping[str, object]) -> str:
    """``en-GB`` style, from HEARTWISE_LOCALE, the settings file, or LANG (en_GB.UTF-8)."""
    raw = env.get("HEARTWISE_LOCALE") or str(file_values.get("locale", "")) or env.get("LANG", "")
    code = raw.split(".")[0].replace("_", "-")
    if len(code) == 5 and code[2] == "-":
        return code[:2].lower() + "-" + code[3:].upper()
    return "default"


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build the settings from ``env`` (default: ``os.environ``) and the settings file."""
    env = os.environ if env is None else env
    file_values = _read_toml(_config_file(env))
    data_dir = _default_data_dir(env)
    if "data_dir" in file_values and not env.get("HEARTWISE_DATA_DIR"):
        data_dir = Path(str(file_values["data_dir"])).expanduser()
    database_url = env.get("HEARTWISE_DATABASE_URL") or file_values.get("database_url")
    host = env.get("HEARTWISE_HOST") or str(file_values.get("host", DEFAULT_HOST))
    port = _port(env.get("HEARTWISE_PORT") or file_values.get("port", DEFAULT_PORT))
    editor = env.get("VISUAL") or env.get("EDITOR") or str(file_values.get("editor", "nano"))
    hosts = env.get("HEARTWISE_ALLOWED_HOSTS") or file_values.get("allowed_hosts")
    extra_hosts = _hosts(hosts) if hosts else ()
    return Settings(
        allowed_hosts=("127.0.0.1", "localhost", *extra_hosts),
        multi_user=_flag(env.get("HEARTWISE_MULTI_USER") or file_values.get("multi_user", False)),
        lock_after_minutes=_minutes(
            env.get("HEARTWISE_LOCK_AFTER") or file_values.get("lock_after", 15)
        ),
        threads=_threads(env.get("HEARTWISE_THREADS") or file_values.get("threads", 0)),
        locale=_locale(env, file_values),
        data_dir=data_dir,
        database_url=str(database_url) if database_url else None,
        host=host,
        port=port,
        editor=editor,
    )
