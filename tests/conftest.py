"""Shared fixtures: the corpus lives beside the project in ../shared/corpus (read-only)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
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
    pytest.skip(f"corpus file {relative} not available")
    raise AssertionError  # unreachable: skip raises


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return corpus_path(f"seed/{SEED_NAME}").read_bytes()
