"""Shared fixtures: the corpus lives beside the project in ../shared/corpus (read-only)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent


def _find_corpus() -> Path:
    """The shared corpus: $RIGHTSMONITOR_CORPUS, else ../shared/corpus beside the checkout."""
    candidates = [
        Path(os.environ["RIGHTSMONITOR_CORPUS"])
        if os.environ.get("RIGHTSMONITOR_CORPUS")
        else None,
        ROOT.parent / "shared" / "corpus",
        Path("/work/shared/corpus"),  # the project's workspace, for clones made elsewhere
    ]
    for path in candidates:
        if path is not None and (path / "MANIFEST.md").exists():
            return path
    return ROOT.parent / "shared" / "corpus"


CORPUS = _find_corpus()
# CI sets this so that a missing corpus fails instead of silently skipping its tests.
REQUIRE_CORPUS = os.environ.get("RIGHTSMONITOR_REQUIRE_CORPUS") == "1"
EXAMPLES = ROOT / "src" / "rightsmonitor" / "examples"
SEED_NAME = "ep-2021-kazakhstan-oj-c465-15.pl.txt"

settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def corpus_path(relative: str) -> Path:
    """A corpus file, or the bundled copy of it when ../shared is not there."""
    path = CORPUS / relative
    if path.exists():
        return path
    bundled = EXAMPLES / Path(relative).name
    if bundled.exists():
        return bundled
    if REQUIRE_CORPUS:
        pytest.fail(f"corpus file {relative} not found under {CORPUS}")
    pytest.skip(f"corpus file {relative} not available")
    raise AssertionError  # unreachable: skip raises


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return corpus_path(f"seed/{SEED_NAME}").read_bytes()


PG_URL = os.environ.get("RIGHTSMONITOR_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    if not PG_URL:
        pytest.skip("set RIGHTSMONITOR_TEST_POSTGRES_URL to run the PostgreSQL tests")
    schema = f"rm_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
