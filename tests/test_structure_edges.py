"""Edge cases of reading, repair and structure found in review (each one was a bug).

The documents here are small synthetic texts written for the tests (test data, not EP texts).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from rightsmonitor.errors import ReadError
from rightsmonitor.ingest import read_bytes
from rightsmonitor.model import ParsedDocument
from rightsmonitor.parse import parse_read_text
from tests.conftest import SEED_NAME, corpus_path

HEAD = "European Parliament resolution of 11 February 2021 on Testland\n\nThe European Parliament,\n\n– having regard to its previous resolutions,\n\n"


def parse(text: str, name: str = "t.txt") -> ParsedDocument:
    return parse_read_text(read_bytes(text.encode("utf-8"), name))


def units(doc: ParsedDocument) -> list[tuple[str, str]]:
    return [(u.id, u.text) for u in doc.units]


def test_a_jump_in_numbering_keeps_every_paragraph_and_warns() -> None:
    doc = parse(
        HEAD + "A. whereas one;\n\n1. Condemns the arrests;\n\n2. Calls on the Council to act;\n\n"
        "4. Calls on the Commission to act;\n\n5. Instructs its President to forward this resolution.\n"
    )
    assert [u.label for u in doc.units if u.kind == "paragraph"] == ["1", "2", "4", "5"]
    assert "paragraph numbers jump from 2 to 4" in doc.warnings


def test_a_missing_recital_keeps_the_others_and_warns() -> None:
    doc = parse(
        HEAD
        + "A. whereas one;\n\nB. whereas two;\n\nD. whereas four;\n\nE. whereas five;\n\n1. Condemns it.\n"
    )
    assert [u.label for u in doc.units if u.kind == "recital"] == ["A", "B", "D", "E"]
    assert "recitals jump from B to D" in doc.warnings


def test_a_numbered_section_inside_a_paragraph_is_not_a_paragraph() -> None:
    doc = parse(
        HEAD
        + "A. whereas one;\n\n1. Calls for implementation of section 1.2. of the action plan;\n\n"
        "2. Condemns the arrests;\n\n3. Instructs its President to forward this resolution.\n"
    )
    assert units(doc)[3:] == [
        ("p1", "Calls for implementation of section 1.2. of the action plan;"),
        ("p2", "Condemns the arrests;"),
        ("p3", "Instructs its President to forward this resolution."),
    ]


def test_an_article_number_after_a_line_break_is_not_a_paragraph() -> None:
    text = (
        "Rezolucja Parlamentu Europejskiego z dnia 11 lutego 2021 r. w sprawie Testlandii\n\n"
        "Parlament Europejski,\n\n— uwzględniając art. 144 Regulaminu,\n\n"
        "A. mając na uwadze, że władze zatrzymały dziennikarzy;\n\n"
        "1. wzywa władze do uwolnienia więźniów;\n\n2. zwraca uwagę na art.\n3. Konstytucji;\n\n"
        "3. zobowiązuje swoją przewodniczącą do przekazania niniejszej rezolucji.\n"
    )
    doc = parse(text)
    assert [u.text for u in doc.units if u.kind == "paragraph"] == [
        "wzywa władze do uwolnienia więźniów;",
        "zwraca uwagę na art. 3. Konstytucji;",
        "zobowiązuje swoją przewodniczącą do przekazania niniejszej rezolucji.",
    ]


def test_names_after_a_colon_and_across_a_page_break_stay_in_their_unit() -> None:
    doc = parse(
        HEAD + "A. whereas the authorities detained the following activists:\n\n"
        "Mr Ivan Petrov, a journalist;\n\nMs Anna Sidorova, a lawyer;\n\nB. whereas it worsened;\n\n"
        "1. Calls on the authorities of\n\nRE\\1299717EN.docx 3/5 PE759.936v02-00\n\n"
        "EN United in diversity EN\n\nTestland to release all political prisoners;\n\n"
        "2. Instructs its President to forward this resolution.\n"
    )
    recital_a = next(u.text for u in doc.units if u.id == "rA")
    assert "Ivan Petrov" in recital_a and "Anna Sidorova" in recital_a
    p1 = next(u for u in doc.units if u.id == "p1")
    assert p1.text == "Calls on the authorities of\nTestland to release all political prisoners;"
    assert not doc.warnings


def test_a_line_starting_with_a_number_in_plain_text_is_not_a_footnote() -> None:
    doc = parse(
        HEAD + "A. whereas the authorities detained activists;\n\n"
        "1. Calls on the Commission to enforce Regulation (EU) 2021/821, adopted on\n"
        "1 June 2021, against exporters;\n\n2. Instructs its President to forward this resolution.\n"
    )
    assert next(u.text for u in doc.units if u.id == "p1").startswith(
        "Calls on the Commission to enforce Regulation (EU) 2021/821, adopted on 1 June 2021"
    )
    assert not [u for u in doc.units if u.kind == "footnote"]


def test_numbered_sub_points_are_not_footnotes() -> None:
    doc = parse(
        HEAD.replace("its previous resolutions", "Article 21(1) of the Treaty")
        + "A. whereas it happened;\n\n1. Calls on the Council to adopt measures, in particular:\n"
        "(1) to impose targeted sanctions;\n(2) to suspend the agreement;\n\n"
        "2. Instructs its President to forward this resolution.\n"
    )
    assert not [u for u in doc.units if u.kind == "footnote"]
    assert "(2) to suspend the agreement;" in next(u.text for u in doc.units if u.id == "p1")


@pytest.mark.parametrize(
    ("broken", "joined"),
    [
        ("nowo-\nczesnych", "nowoczesnych"),
        ("długo-\nterminowych", "długoterminowych"),
        ("dobro-\nczynnej", "dobroczynnej"),
        ("społeczno-\ngospodarczego", "społeczno-gospodarczego"),
        ("biało-\nczerwony", "biało-czerwony"),
    ],
)
def test_polish_compounds_and_words_in_use(broken: str, joined: str) -> None:
    doc = parse(
        "Rezolucja\n\nParlament Europejski,\n\n— uwzględniając coś,\n\n"
        f"A. mając na uwadze, że sytuacja {broken} spraw jest trudna;\n\n1. wzywa rząd do działania.\n"
    )
    assert joined in next(u.text for u in doc.units if u.id == "rA")


def test_html_table_rows_and_line_breaks() -> None:
    html = """<html><body><table><tr><td><p>European Parliament resolution on Testland</p>
    <p>The European Parliament,</p>
    <table><tr><td>–</td><td>having regard to its previous resolutions,</td></tr></table>
    <table><tr><td>A.</td><td>whereas the authorities detained<br>Ivan Petrov and Anna Sidorova;</td></tr></table>
    <table><tr><td>1.</td><td>Calls on the authorities to:</td></tr>
    <tr><td></td><td><table><tr><td>(a)</td><td>release the journalists;</td></tr></table></td></tr>
    <tr><td>2.</td><td>Instructs its President to forward this resolution.</td></tr></table>
    </td></tr></table></body></html>"""
    doc = parse(html, "t.html")
    assert units(doc) == [
        ("title", "European Parliament resolution on Testland"),
        ("c1", "having regard to its previous resolutions,"),
        ("rA", "whereas the authorities detained Ivan Petrov and Anna Sidorova;"),
        ("p1", "Calls on the authorities to:\n(a) release the journalists;"),
        ("p2", "Instructs its President to forward this resolution."),
    ]


def _pdf_bytes() -> bytes:
    return corpus_path("raw/M-BenAli-AgentPlatform/B-9-2024-0199.pdf").read_bytes()


def test_pdf_encrypted_only_against_changes_is_read() -> None:
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf_bytes())).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    doc = parse_read_text(read_bytes(out.getvalue(), "x.pdf"))
    assert [u.label for u in doc.units if u.kind == "paragraph"] == ["1", "2"]


def test_pdf_with_padding_after_the_end_is_read() -> None:
    doc = parse_read_text(read_bytes(_pdf_bytes() + b"\x00" * 4096, "x.pdf"))
    assert doc.structured


def test_pdf_with_a_reference_loop_is_a_one_line_error() -> None:
    data = (Path(__file__).parent / "fixtures" / "bad" / "self-reference.pdf").read_bytes()
    with pytest.raises(ReadError) as info:
        read_bytes(data, "loop.pdf")
    assert str(info.value).startswith("damaged PDF") and "\n" not in str(info.value)


_RESOLUTION = [
    "The European Parliament,",
    "– having regard to its previous resolutions on Belarus,",
    "A. whereas the authorities continue to detain journalists;",
    "1. Calls on the authorities to release all those held for their work;",
    "2. Instructs its President to forward this resolution.",
]
_PROSE = [
    f"Section {k}. The monitors documented the trial of a journalist in the capital and "
    "the conditions of detention in the regional penal colony, where relatives reported "
    "that visits had been refused for several months without any written reason."
    for k in range(300)
]


@pytest.mark.parametrize(("prose", "structured"), [(0, True), (300, False)])
def test_a_long_report_quoting_a_resolution_is_read_as_paragraphs(
    prose: int, structured: bool
) -> None:
    """A resolution alone is structured; a report of hundreds of paragraphs that quotes one
    keeps every paragraph as a unit instead of losing the text between 'paragraphs'."""
    text = "\n\n".join([*_RESOLUTION, *_PROSE[:prose]]) + "\n"
    parsed = parse_read_text(read_bytes(text.encode(), "report.txt"))
    assert parsed.structured is structured
    if not structured:
        assert len(parsed.units) == len(_RESOLUTION) + prose
        assert any("read as paragraphs" in w for w in parsed.warnings)


def test_a_resolution_stays_structured() -> None:
    parsed = parse_read_text(read_bytes(corpus_path(f"seed/{SEED_NAME}").read_bytes(), SEED_NAME))
    assert parsed.structured and not any("read as paragraphs" in w for w in parsed.warnings)
