"""L2 storage: SQLAlchemy Core over SQLite (default) or PostgreSQL, Alembic migrations."""

from rightsmonitor.store.documents import DocumentRecord, DocumentStore
from rightsmonitor.store.engine import make_engine, migrate
from rightsmonitor.store.registry import EntityRow, RegistryStore

__all__ = [
    "DocumentRecord",
    "DocumentStore",
    "EntityRow",
    "RegistryStore",
    "make_engine",
    "migrate",
]
