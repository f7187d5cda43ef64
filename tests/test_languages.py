"""All 24 official EU languages: data loads, and a small resolution in each parses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rightsmonitor.ingest import read_bytes
from rightsmonitor.lang import available_languages, load_language
from rightsmonitor.parse import detect_language, parse_read_text

EU_LANGUAGES = sorted(
    [
        "bg",
        "cs",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "fi",
        "fr",
        "ga",
        "hr",
        "hu",
        "it",
        "lt",
        "lv",
        "mt",
        "nl",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "sv",
    ]
)
FIXTURES = Path(__file__).parent / "fixtures" / "lang"


def test_every_official_language_has_data() -> None:
    assert set(EU_LANGUAGES) <= set(available_languages())


@pytest.mark.parametrize("code", EU_LANGUAGES)
def test_language_data_is_complete(code: str) -> None:
    lang = load_language(code)
    assert lang.citation and lang.months and len(lang.months) == 12
    assert lang.stopwords and lang.preamble and lang.doc_types
    assert code == "sv" or lang.recital  # Swedish recitals open without a fixed phrase


@pytest.mark.parametrize("code", EU_LANGUAGES)
def test_small_resolution_parses(code: str) -> None:
    # synthetic fixtures written for the project (each file says so on its first line)
    raw = (FIXTURES / f"{code}.txt").read_text(encoding="utf-8")
    text = "\n".join(line for line in raw.splitlines() if not line.startswith("#"))
    assert detect_language(text) == code
    doc = parse_read_text(read_bytes(text.encode("utf-8"), f"{code}.txt"))
    kinds = [u.kind for u in doc.units]
    assert (kinds.count("citation"), kinds.count("recital"), kinds.count("paragraph")) == (2, 3, 4)
    assert [u.label for u in doc.units if u.kind == "paragraph"] == ["1", "2", "3", "4"]
    assert doc.meta.language == code
    assert doc.meta.doc_type == "resolution"
    assert doc.meta.date == "2021-02-11"
    assert doc.meta.title and re.search(r"2021", doc.meta.title)
