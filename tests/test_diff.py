"""What changed between two documents, persons matched through the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.resolve.status import person_statuses
from rightsmonitor.service import Library, diff_documents
from tests.conftest import EXAMPLES, ROOT

DIFF = ROOT / "tests" / "fixtures" / "diff"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(f"sqlite:///{tmp_path / 'diff.sqlite'}")
    files = [
        DIFF / "statement-a.en.txt",
        DIFF / "statement-b.en.txt",
        EXAMPLES / "statement-2021.ru.txt",
    ]
    assert lib.ingest_paths(files).count("added") == 3
    return lib


def test_diff_reports_exactly_the_changes_made(library: Library) -> None:
    result = diff_documents(
        library, str(DIFF / "statement-a.en.txt"), str(DIFF / "statement-b.en.txt")
    )
    persons = result["persons"]
    assert [p["name"] for p in persons["added"]] == ["Makhambet Abzhan"]
    assert [p["name"] for p in persons["dropped"]] == ["Daryn Khassenov"]
    assert len(persons["kept"]) == 24
    assert [c["action"] for c in result["calls"]["new"]] == ["release"]
    assert "Makhambet Abzhan" in result["calls"]["new"][0]["text"]
    assert result["calls"]["dropped"] == []
    [quantity] = result["quantities"]["changed"]
    assert (quantity["from"], quantity["to"]) == (200, 300)
    changes = {(s["name"], s["to"], s["date"]) for s in result["status_changes"]}
    assert changes == {
        ("Almat Zhumagulov", "released", "2022-03-01"),
        ("Makhambet Abzhan", "detained", "2022-03-05"),
    }
    before = {s["name"]: s["from"] for s in result["status_changes"]}
    # A says he is behind bars; the clause also names pre-trial detention (of others): the
    # extractor's participants are clause-wide, so either detained status is accepted here
    assert before["Almat Zhumagulov"] in ("detained", "pre-trial detention")
    assert before["Makhambet Abzhan"] == "unknown"
    assert all(s["evidence"]["text"] and s["evidence"]["unit"] for s in result["status_changes"])
    library.close()


def test_the_same_people_in_another_language_are_no_change(library: Library) -> None:
    result = diff_documents(
        library, str(DIFF / "statement-a.en.txt"), str(EXAMPLES / "statement-2021.ru.txt")
    )
    assert result["persons"]["added"] == []
    assert [p["name"] for p in result["persons"]["dropped"]] == []
    assert len(result["persons"]["kept"]) == 25
    library.close()


def test_a_document_is_found_by_id_prefix_and_unknown_ones_are_refused(library: Library) -> None:
    ids = [r.id for r in library.list_documents()]
    same = diff_documents(library, ids[0][:8], ids[0])
    assert same["persons"]["added"] == same["persons"]["dropped"] == []
    assert same["calls"]["new"] == same["calls"]["dropped"] == []
    with pytest.raises(RightsMonitorError):
        diff_documents(library, "ffffffffff", ids[0])
    with pytest.raises(RightsMonitorError):
        diff_documents(library, str(ROOT / "README.md"), ids[0])  # a file never ingested
    library.close()


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([("arrest", "2021-01-01"), ("release", "2021-06-01")], "released"),
        ([("release", "2021-06-01"), ("sentence", "2021-09-01")], "convicted and serving"),
        ([("release", None), ("detention", None)], "detained"),  # document order
        ([("killing_or_death", "2020-02-25")], "deceased"),
        # a fine alone leaves the person free (issue #9: 'at liberty' for non-custodial measures)
        ([("fine", "2021-01-01")], "at liberty"),
        ([("arrest", "2021-01-01"), ("fine", "2021-06-01")], "detained"),  # says no more
    ],
)
def test_status_is_the_latest_evidence(
    events: list[tuple[str, str | None]], expected: str | None
) -> None:
    facts = [
        {
            "id": f"event-{i}",
            "type": kind,
            "date": date,
            "text": kind,
            "unit": "p1",
            "participants": [{"id": "person-x", "role": "subject"}],
        }
        for i, (kind, date) in enumerate(events)
    ]
    statuses = person_statuses(facts)
    assert (statuses["person-x"].status if statuses else None) == expected


@pytest.mark.parametrize(("stance", "counted"), [("calls on", False), ("recalls", True)])
def test_an_event_a_call_demands_has_not_happened(stance: str, counted: bool) -> None:
    event = {
        "id": "event-1",
        "type": "release",
        "date": None,
        "text": "release",
        "unit": "p3",
        "start": 40,
        "participants": [{"id": "person-x", "role": "subject"}],
    }
    call = {"stance": stance, "unit": "p3", "start": 10, "end": 90}
    assert ("person-x" in person_statuses([event], [call])) is counted
