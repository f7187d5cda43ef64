"""The country brief renders as HTML and PDF, with its chart, from the stored facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.service import Library, country_brief, write_brief
from tests.conftest import ROOT, SEED_NAME, corpus_path

DIFF = ROOT / "tests" / "fixtures" / "diff"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    lib = Library(f"sqlite:///{tmp_path_factory.mktemp('brief') / 'b.sqlite'}")
    files = [
        corpus_path(f"seed/{SEED_NAME}"),
        DIFF / "statement-b.en.txt",
        DIFF / "resolution-2022.en.txt",
    ]
    assert lib.ingest_paths(files).count("added") == 3
    return lib


def test_brief_counts_come_from_the_case_files(library: Library) -> None:
    brief = country_brief(library, "kz")
    assert brief["country_name"] == "Kazakhstan" and brief["headline"]["documents"] == 3
    people = {p["name"]: p for p in brief["persons"]}
    assert people["Almat Zhumagulov"]["status"] == "released"
    assert people["Makhambet Abzhan"]["status"] == "detained"
    detained = sum(
        1
        for p in brief["persons"]
        if p["status"]
        in ("detained", "pre-trial detention", "house arrest", "convicted and serving")
    )
    assert brief["headline"]["detained (as of the evidence)"] == detained
    assert all(p["source"]["document"] and p["source"]["label"] for p in brief["persons"])
    assert all(p["source"]["title"] and p["source"]["key"] for p in brief["persons"])
    assert any(
        r["target"] == "Aron Atabek" and r["recurrence"] == 2 for r in brief["recommendations"]
    )
    assert brief["events_over_time"] and brief["provisions"]


def test_brief_renders_as_html_and_pdf(library: Library, tmp_path: Path) -> None:
    html = tmp_path / "brief.html"
    write_brief(library, "KZ", html, "html")
    text = html.read_text("utf-8")
    assert "<svg" in text and "Almat Zhumagulov" in text
    assert "Open recommendations" in text
    pdf = tmp_path / "brief.pdf"
    write_brief(library, "KZ", pdf, "pdf")
    reader = PdfReader(pdf)
    content = " ".join(page.extract_text() for page in reader.pages)
    assert "Kazakhstan" in content and "Almat Zhumagulov" in content
    assert "ł" in content  # Polish letters print (an embedded Unicode font)
    assert any("/XObject" in page.get("/Resources", {}) for page in reader.pages)  # the chart


def test_brief_errors(library: Library, tmp_path: Path) -> None:
    with pytest.raises(RightsMonitorError):
        country_brief(library, "QQ")
    with pytest.raises(RightsMonitorError):
        country_brief(library, "BR")  # no stored document names it
    with pytest.raises(RightsMonitorError):
        write_brief(library, "KZ", tmp_path / "b.docx", "docx")


EXAMPLES = ROOT / "src" / "rightsmonitor" / "examples"


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The bundled examples, as `make demo` ingests them."""
    lib = Library(f"sqlite:///{tmp_path_factory.mktemp('ex') / 'e.sqlite'}")
    lib.ingest_paths(sorted(p for p in EXAMPLES.iterdir() if p.is_file()))
    return lib


def test_brief_is_scoped_procedure_free_and_names_no_state_as_victim(examples: Library) -> None:
    brief = country_brief(examples, "KZ")
    whole = [d for d in brief["documents"] if d["scope"] == "whole document"]
    # the Ukrainian-children motion is not a Kazakhstan document
    assert all("Ukrain" not in (d["title"] or "") for d in whole)
    assert all(r["action"] != "forward" for r in brief["recommendations"])
    states = ("rząd", "władze", "government", "authorities", "Interpol", "Sąd")
    assert not [o for o in brief["organisations"] if o["organisation"].startswith(states)]
    assert not any("None" in p["provision"] for p in brief["provisions"])
    assert brief["as_of"] and all("now" not in k for k in brief["headline"])


def test_brief_names_follow_the_brief_language(examples: Library) -> None:
    english = {p["id"]: p["name"] for p in country_brief(examples, "KZ", "en")["persons"]}
    polish = {p["id"]: p["name"] for p in country_brief(examples, "KZ", "pl")["persons"]}
    pid = next(i for i, n in english.items() if n == "Almat Zhumagulov")
    assert polish[pid] == "Ałmat Żumagułow"


def test_the_pdf_prints_each_source_sentence_once(examples: Library, tmp_path: Path) -> None:
    pdf = tmp_path / "kz.pdf"
    write_brief(examples, "KZ", pdf, "pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) <= 12
    content = " ".join(page.extract_text() for page in reader.pages)
    assert "art. None" not in content


HOSTILE = (
    "<img src=x onerror=alert(document.cookie)> Kazakhstan: statement\n\n"
    "Almaty, 15 February 2021. The authorities in Kazakhstan detained the activist Nurlan "
    'Bekmuratov "><svg onload=alert(5)> <b>bold</b> <img src="/etc/passwd"> on 3 March 2021. '
    "We call on the authorities to release Nurlan Bekmuratov.\n"
)


def test_hostile_text_reaches_no_output_unescaped(tmp_path: Path) -> None:
    with Library(f"sqlite:///{tmp_path / 'h.sqlite'}") as lib:
        source = tmp_path / "hostile.en.txt"
        source.write_text(HOSTILE, encoding="utf-8")
        assert lib.ingest_paths([source]).count("added") == 1
        html = tmp_path / "b.html"
        write_brief(lib, "KZ", html, "html")
        text = html.read_text("utf-8")
        for raw in ("<img src=x", "<svg onload", "<b>bold", '"><svg', '<img src="/etc'):
            assert raw not in text, raw
        assert "&lt;img src=x" in text  # shown, as text
        pdf = tmp_path / "b.pdf"
        write_brief(lib, "KZ", pdf, "pdf")  # ReportLab must not read the text as markup
        content = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "<b>bold</b>" in content or "bold" in content
