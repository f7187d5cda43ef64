"""Every resolution, motion and decision of the corpus against hand-counted ground truth.

``fixtures/corpus_structure.json`` was made by reading each document (not by running the
parser): citations, recital and paragraph labels, footnotes, first words of every unit.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rightsmonitor.ingest import read_bytes
from rightsmonitor.model import ParsedDocument
from rightsmonitor.parse import parse_read_text
from tests.conftest import CORPUS, corpus_path

TRUTH = json.loads(
    (Path(__file__).parent / "fixtures" / "corpus_structure.json").read_text("utf-8")
)
STRUCTURED = sorted(k for k, v in TRUTH.items() if v["structured"])
UNSTRUCTURED = sorted(k for k, v in TRUTH.items() if not v["structured"])

# Page furniture, navigation and author lists must never end up in a unit.
FURNITURE = [
    re.compile(p)
    for p in (
        r"\.docx",
        r"PE\d{3}\.\d{3}",
        r"United in diversity",
        r"on behalf of the \w+ Group",
        r"Last updated",
        r"Legal notice",
        r"Privacy policy",
        r"\bAmendment\s+\d",
        r"Present text",
        r"Plenary sitting",
        r"Document selected",
        r"Texts tabled",
        r"\(PDF - \d+ KB\)",
        r"<\w+>",
        r"Rapporteur:",
        r"Access to page content",
        r"EN - English",
    )
]
_cache: dict[str, ParsedDocument] = {}


def parsed(key: str) -> ParsedDocument:
    if key not in _cache:
        path = CORPUS / key
        if not path.exists():
            path = corpus_path(key)
        _cache[key] = parse_read_text(read_bytes(path.read_bytes(), path.name))
    return _cache[key]


def _labels(doc: ParsedDocument, kind: str) -> list[str]:
    return [u.label for u in doc.units if u.kind == kind]


@pytest.mark.parametrize("key", STRUCTURED)
def test_unit_counts_and_labels(key: str) -> None:
    doc, truth = parsed(key), TRUTH[key]
    assert doc.structured
    assert len(_labels(doc, "citation")) == truth["citations"]
    assert _labels(doc, "recital") == truth["recitals"]
    assert _labels(doc, "paragraph") == truth["paragraphs"]
    assert _labels(doc, "footnote") == truth["footnotes"]


def _words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


@pytest.mark.parametrize("key", STRUCTURED)
def test_every_unit_starts_where_it_should(key: str) -> None:
    doc, truth = parsed(key), TRUTH[key]
    for kind, field in (("paragraph", "paragraph_texts_start"), ("recital", "recital_texts_start")):
        expected = truth.get(field, {})
        for unit in doc.units:
            if unit.kind == kind and unit.label in expected:
                want = expected[unit.label]
                assert _words(unit.text, len(want.split())) == want, (kind, unit.label)
    first = next(u for u in doc.units if u.kind == "citation")
    want = truth["first_citation_starts"]
    assert _words(first.text, len(want.split())) == want
    last = [u for u in doc.units if u.kind == "paragraph"][-1]
    want = truth["last_paragraph_ends"]
    assert " ".join(last.text.split()[-len(want.split()) :]) == want


@pytest.mark.parametrize("key", STRUCTURED)
def test_no_furniture_navigation_or_authors_in_units(key: str) -> None:
    for unit in parsed(key).units:
        for pattern in FURNITURE:
            assert not pattern.search(unit.text), (unit.id, pattern.pattern, unit.text[:120])


@pytest.mark.parametrize("key", STRUCTURED)
def test_metadata(key: str) -> None:
    meta, truth = parsed(key).meta, TRUTH[key]
    assert meta.doc_type == truth["doc_type"]
    assert meta.language == truth["language"]
    assert meta.date == truth["date"]
    assert meta.procedure == truth["procedure"]
    assert meta.title == truth["title"]
    assert set(truth["references"]) <= set(meta.references)


@pytest.mark.parametrize("key", UNSTRUCTURED)
def test_documents_without_structure_are_paragraphs(key: str) -> None:
    doc = parsed(key)
    assert not doc.structured
    assert doc.meta.doc_type == "other"
    assert doc.warnings and "unstructured" in doc.warnings[-1]
    assert doc.units and all(u.kind == "paragraph" for u in doc.units)
    assert all(doc.text[u.start : u.end] == u.text for u in doc.units)


@pytest.mark.parametrize("key", STRUCTURED)
def test_spans_and_offsets(key: str) -> None:
    doc = parsed(key)
    for unit in doc.units:
        assert doc.text[unit.start : unit.end] == unit.text
        a, b = doc.offsets.span_to_source(unit.start, unit.end)
        assert 0 <= a <= b <= doc.offsets.source_length
