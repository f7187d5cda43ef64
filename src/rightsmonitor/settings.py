"""Configuration: where the database lives. Read from the environment, never global state."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from rightsmonitor.errors import ConfigError

__all__ = ["DATABASE_URL_ENV", "Settings", "default_database_url", "resolve_database_url"]

DATABASE_URL_ENV = "RIGHTSMONITOR_DATABASE_URL"
_SCHEMES = ("sqlite", "postgresql")


def default_database_url() -> str:
    """SQLite file in the user's data directory (created on first use)."""
    path = Path(user_data_dir("rightsmonitor", appauthor=False)) / "rightsmonitor.sqlite"
    return f"sqlite:///{path}"


def resolve_database_url(db_path: str | None, env: dict[str, str] | None = None) -> str:
    """``--db PATH`` wins, then ``RIGHTSMONITOR_DATABASE_URL``, then the default."""
    environ = os.environ if env is None else env
    if db_path:
        url = db_path if "://" in db_path else f"sqlite:///{Path(db_path).expanduser().resolve()}"
    else:
        url = environ.get(DATABASE_URL_ENV) or default_database_url()
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
