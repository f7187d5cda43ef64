"""Recommendations across resolutions: recurrence, implementation with evidence, overrides."""

from __future__ import annotations

from typing import Any

import pytest

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.service import Library, recommendations, set_recommendation_status
from tests.conftest import ROOT, SEED_NAME, corpus_path

DIFF = ROOT / "tests" / "fixtures" / "diff"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    path = tmp_path_factory.mktemp("recs") / "r.sqlite"
    lib = Library(f"sqlite:///{path}")
    files = [
        corpus_path(f"seed/{SEED_NAME}"),
        DIFF / "statement-a.en.txt",
        DIFF / "statement-b.en.txt",
        DIFF / "resolution-2022.en.txt",
    ]
    assert lib.ingest_paths(files).count("added") == 4
    return lib


def _release(library: Library, name: str) -> dict[str, Any]:
    """The release recommendation for the person called ``name`` (in any of their spellings)."""
    [person] = library.registry.find(name, ("persons",))
    [rec] = [
        r
        for r in recommendations(library)
        if r["action"] == "release" and r["target_id"] == person["id"]
    ]
    return rec


def test_a_demand_repeated_in_a_later_resolution_is_one_recommendation(library: Library) -> None:
    rec = _release(library, "Aron Atabek")
    assert rec["recurrence"] == 2 and rec["years"] == ["2021", "2022"]
    assert rec["status"] == "open"  # 'must also be released' in a statement is no release
    assert rec["derived"]["evidence"] == []


def test_implementation_is_derived_with_evidence(library: Library) -> None:
    rec = _release(library, "Almat Zhumagulov")
    assert rec["status"] == "implemented"
    texts = [e["text"] for e in rec["derived"]["evidence"]]
    assert any("Welcomes the release of Almat Zhumagulov" in t for t in texts)
    assert all(e["document"] and e["unit"] for e in rec["derived"]["evidence"])


def test_curator_status_is_kept_apart_and_audited(library: Library) -> None:
    rec = _release(library, "Askar Kaiyrbek")
    changed = set_recommendation_status(library, rec["id"], "rejected or ignored", "ana", "n")
    assert changed["status"] == "rejected or ignored"
    assert changed["derived"]["status"] == "open"
    assert library.registry.audit()[-1]["action"] == "rec_status"
    with pytest.raises(RightsMonitorError):
        set_recommendation_status(library, rec["id"], "done", "ana")
    with pytest.raises(RightsMonitorError):
        set_recommendation_status(library, "R-000000000000", "open", "ana")
