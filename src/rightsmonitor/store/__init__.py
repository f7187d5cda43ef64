"""L2 storage: SQLAlchemy Core over SQLite (default) or PostgreSQL, Alembic migrations."""

from rightsmonitor.store.documents import DocumentRecord, DocumentStore
from rightsmonitor.store.engine import exclusive, make_engine, migrate
from rightsmonitor.store.registry import EntityRow, FactRow, RegistryChange, RegistryStore
from rightsmonitor.store.watches import WatchRow, WatchStore

__all__ = [
    "DocumentRecord",
    "DocumentStore",
    "EntityRow",
    "FactRow",
    "RegistryChange",
    "RegistryStore",
    "WatchRow",
    "WatchStore",
    "exclusive",
    "make_engine",
    "migrate",
]
