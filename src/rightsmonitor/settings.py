"""Configuration: where the database lives. Read from the environment, never global state."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from rightsmonitor.errors import ConfigError

__all__ = [
    "DATABASE_URL_ENV",
    "DATABASE_URL_FILE_ENV",
    "Settings",
    "default_database_url",
    "resolve_database_url",
]

DATABASE_URL_ENV = "RIGHTSMONITOR_DATABASE_URL"
DATABASE_URL_FILE_ENV = "RIGHTSMONITOR_DATABASE_URL_FILE"
_SCHEMES = ("sqlite", "postgresql")


def default_database_url() -> str:
    """SQLite file in the user's data directory (created on first use)."""
    path = Path(user_data_dir("rightsmonitor", appauthor=False)) / "rightsmonitor.sqlite"
    return f"sqlite:///{path}"


def _url_from_file(path: str) -> str:
    """A database URL (with its password) kept in a file only its owner can read."""
    file = Path(path).expanduser()
    try:
        mode = file.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(
                "the file is readable by others: chmod 600 it (it holds a password)",
                source=DATABASE_URL_FILE_ENV,
            )
        url = file.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(
            f"cannot read the database URL file ({exc.strerror or exc})",
            source=DATABASE_URL_FILE_ENV,
        ) from exc
    if not url:
        raise ConfigError("the database URL file is empty", source=DATABASE_URL_FILE_ENV)
    return url


def resolve_database_url(db_path: str | None, env: dict[str, str] | None = None) -> str:
    """``--db PATH`` wins, then ``RIGHTSMONITOR_DATABASE_URL``, then the file named by
    ``RIGHTSMONITOR_DATABASE_URL_FILE`` (owner-only), then the default."""
    environ = os.environ if env is None else env
    if db_path:
        url = db_path if "://" in db_path else f"sqlite:///{Path(db_path).expanduser().resolve()}"
    elif environ.get(DATABASE_URL_ENV):
        url = environ[DATABASE_URL_ENV]
    elif environ.get(DATABASE_URL_FILE_ENV):
        url = _url_from_file(environ[DATABASE_URL_FILE_ENV])
    else:
        url = default_database_url()
    scheme = url.split("://", 1)[0].split("+", 1)[0]
    if scheme not in _SCHEMES:
        raise ConfigError(
            f"unsupported database URL scheme {scheme!r}; use sqlite:///path or postgresql://…",
            source=DATABASE_URL_ENV,
        )
    return url


@dataclass(frozen=True)
class Settings:
    database_url: str
    debug: bool = False
