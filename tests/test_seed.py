"""The seed: the European Parliament's resolution of 11 February 2021 on Kazakhstan (Polish OJ text)."""

from __future__ import annotations

import pytest

from rightsmonitor.ingest import read_bytes
from rightsmonitor.model import ParsedDocument
from rightsmonitor.parse import parse_read_text
from tests.conftest import SEED_NAME


@pytest.fixture(scope="module")
def seed(seed_bytes: bytes) -> ParsedDocument:
    return parse_read_text(read_bytes(seed_bytes, SEED_NAME))


def _unit(doc: ParsedDocument, kind: str, label: str) -> str:
    return next(u.text for u in doc.units if u.kind == kind and u.label == label)


def test_units_in_order(seed: ParsedDocument) -> None:
    labels = [(u.kind, u.label) for u in seed.units]
    assert labels[0] == ("title", "")  # the title is a unit: names in it are facts too
    assert labels[1:12] == [("citation", str(i)) for i in range(1, 12)]
    assert [lab for kind, lab in labels if kind == "recital"] == list("ABCDEFGHIJKLMNOPQRSTUVW")
    assert [lab for kind, lab in labels if kind == "paragraph"] == [str(i) for i in range(1, 28)]
    assert [lab for kind, lab in labels if kind == "footnote"] == ["5"]


def test_hyphenation_repaired(seed: ParsedDocument) -> None:
    assert "prawodawstwa dotyczącego ochrony danych" in _unit(seed, "paragraph", "20")
    assert "wiceprzewodniczącemu Komisji" in _unit(seed, "paragraph", "27")
    assert "rozwoju społeczno-gospodarczego" in _unit(seed, "recital", "Q")
    assert "art. 460-1 i 460-2" in _unit(seed, "paragraph", "8")
    assert "UE–Kazachstan" in _unit(seed, "citation", "6")


def test_stray_footnote_moved_out_of_the_body(seed: ParsedDocument) -> None:
    for label in "OP":
        text = _unit(seed, "recital", label)
        assert "Specjalny Sprawozdawca" not in text and "Terroryzmu" not in text
    assert _unit(seed, "recital", "O").endswith("finansowaniu zagranicznym;")
    assert _unit(seed, "recital", "P").startswith("mając na uwadze, że w 2020 r.")
    note = _unit(seed, "footnote", "5")
    assert note.startswith("Specjalny Sprawozdawca ONZ ds. Promocji") and note.endswith(
        "Terroryzmu."
    )


def test_continuation_lines_are_not_units(seed: ParsedDocument) -> None:
    # '88. stroną' starts a line in paragraph 18 and must stay inside it
    assert "jego 88. stroną" in _unit(seed, "paragraph", "18")


def test_spans_index_the_repaired_text(seed: ParsedDocument) -> None:
    for unit in seed.units:
        assert seed.text[unit.start : unit.end] == unit.text
        assert unit.text == unit.text.strip()


def test_offsets_point_back_to_the_original(seed: ParsedDocument, seed_bytes: bytes) -> None:
    original = seed_bytes.decode("utf-8")
    para = next(u for u in seed.units if u.kind == "paragraph" and u.label == "23")
    start, end = seed.offsets.span_to_source(para.start, para.end)
    assert original[start:].startswith("wzywa delegaturę UE w Kazachstanie")
    assert original[:end].endswith("praw człowieka;")
    note = next(u for u in seed.units if u.kind == "footnote")
    start, _ = seed.offsets.span_to_source(note.start, note.end)
    assert original[start:].startswith("Specjalny Sprawozdawca")


def test_metadata(seed: ParsedDocument) -> None:
    meta = seed.meta
    assert meta.title == (
        "Rezolucja Parlamentu Europejskiego z dnia 11 lutego 2021 r. w sprawie sytuacji "
        "w zakresie praw człowieka w Kazachstanie"
    )
    assert (meta.date, meta.procedure, meta.language, meta.doc_type) == (
        "2021-02-11",
        "2021/2544(RSP)",
        "pl",
        "resolution",
    )
    assert "2021/C 465/15" in meta.references


@pytest.mark.parametrize(
    ("label", "verb", "addressees"),
    [
        ("1", "wzywa", ("rząd Kazachstanu",)),
        ("4", "z zadowoleniem przyjmuje", ()),
        ("5", "potępia", ()),
        ("7", "apeluje", ("władze Kazachstanu",)),
        ("10", "ubolewa", ()),
        ("17", "odradza", ("władze Kazachstanu",)),
        ("21", "wzywa", ("UE", "państwa członkowskie")),
        ("22", "zachęca", ("delegatura UE w Kazachstanie",)),
        ("23", "wzywa", ("delegatura UE w Kazachstanie",)),
        ("24", "przypomina", ()),
        ("26", "wzywa", ("Komisja", "wiceprzewodniczący Komisji / wysoki przedstawiciel")),
    ],
)
def test_verbs_and_addressees(
    seed: ParsedDocument, label: str, verb: str, addressees: tuple[str, ...]
) -> None:
    unit = next(u for u in seed.units if u.kind == "paragraph" and u.label == label)
    assert unit.verb == verb
    assert unit.addressees == addressees


def test_footnote_references(seed: ParsedDocument) -> None:
    first = next(u for u in seed.units if u.kind == "citation")
    assert first.footnote_refs == ("1", "2", "3", "4")
    recital_n = next(u for u in seed.units if u.kind == "recital" and u.label == "N")
    assert recital_n.footnote_refs == ("5",)
