"""Repair: hyphenation, unwrapping, furniture, footnotes — and invariance to line wrapping."""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightsmonitor.ingest import read_bytes
from rightsmonitor.lang import load_language
from rightsmonitor.model import ReadText
from rightsmonitor.nlp import lexicon_for
from rightsmonitor.parse import parse_read_text, repair
from rightsmonitor.parse.dehyphen import decide_break
from tests.conftest import SEED_NAME, corpus_path


def _repair(text: str, lang: str = "pl", media: str = "text/plain") -> str:
    return repair(ReadText(text, media), load_language(lang)).text.strip()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "pl",
            "udoskonalenia prawodaw-\nstwa dotyczącego",
            "udoskonalenia prawodawstwa dotyczącego",
        ),
        ("pl", "Komisji, wiceprzewodniczą-\ncemu Komisji", "Komisji, wiceprzewodniczącemu Komisji"),
        ("pl", "rozwoju społeczno-\ngospodarczego;", "rozwoju społeczno-gospodarczego;"),
        ("pl", "uchylenie art. 460-\n1 kodeksu", "uchylenie art. 460-1 kodeksu"),
        ("pl", "Rady Współpracy UE–\nKazachstan", "Rady Współpracy UE–Kazachstan"),
        ("en", "Maria Lvova-\nBelova for", "Maria Lvova-Belova for"),
        ("en", "the govern-\nment of", "the government of"),
        ("en", "for the period 2025-\n2029 under", "for the period 2025-2029 under"),
        ("en", "their well-\nbeing and", "their well-being and"),
        ("en", "plays a role in cash-for-\ngold schemes", "plays a role in cash-for-gold schemes"),
        ("en", "a soft\u00ad\nhyphen", "a softhyphen"),
        ("pl", "Ałmat Żuma-\ngułow i Ałmat Żumagułow", "Ałmat Żumagułow i Ałmat Żumagułow"),
    ],
)
def test_line_end_hyphens(lang: str, text: str, expected: str) -> None:
    assert _repair(text, lang) == expected


def test_decisions_use_the_document_first() -> None:
    lex = lexicon_for("pl")
    assert decide_break("Abi", "szew", lex, frozenset({"abiszew"})) == "join"
    assert decide_break("Abi", "szew", lex, frozenset({"abi-szew"})) == "keep"


def test_wraps_become_single_spaces_and_blank_lines_paragraph_breaks() -> None:
    assert _repair("one  line\n  wrapped \n\n\nnext\tpara", "en") == "one line wrapped\nnext para"


@pytest.mark.parametrize(
    "line",
    [
        "RE\\1299717EN.docx PE759.936v02-00",
        "PE760.686v01-00 2/5 RE\\1301322EN.docx",
        "RE\\1301322EN.docx 3/5 PE760.686v01-00",
        "EN United in diversity EN",
        "EN",
        "3/5",
        "12",
        "C 465/148 PL Dziennik Urzędowy Unii Europejskiej 17.11.2021",
    ],
)
def test_page_furniture_is_removed(line: str) -> None:
    text = f"A. whereas the first part of a recital\n{line}\ncontinues after the page break;"
    assert (
        _repair(text, "en")
        == "A. whereas the first part of a recital continues after the page break;"
    )


def test_glued_footnote_marker_is_separated_and_note_moved() -> None:
    text = (
        "– having regard to Regulation (EU) No 1307/20131, and in particular\n"
        "1 OJ L 347, 20.12.2013, p. 608.\n"
        "RE\\1299717EN.docx 3/3 PE759.936v02-00\n"
        "Article 13(3) thereof,\n"
    )
    fixed = repair(ReadText(text, "application/pdf"), load_language("en"))
    assert "No 1307/2013 (1), and in particular Article 13(3) thereof," in fixed.text
    assert [(n.label, n.text) for n in fixed.footnotes] == [("1", "OJ L 347, 20.12.2013, p. 608.")]


def test_numbered_body_line_is_not_taken_for_a_footnote() -> None:
    text = "B. whereas, set out in a document of\n7 May 2020 (the 2020 methodology), the Commission\ncan rely on it;\n"
    fixed = repair(ReadText(text, "application/pdf"), load_language("en"))
    assert not fixed.footnotes
    assert "of 7 May 2020 (the 2020 methodology)" in fixed.text


# --- invariance to wrapping: the property test the issue asks for -----------------------


def _seed_segments(seed: str) -> list[list[str]]:
    """The seed as blocks (blank-line separated) of logical segments (a footnote starts one).

    Line-end hyphens of the original are resolved with the two words the issue names, so the
    generator starts from the text as it should read.
    """
    blocks: list[list[str]] = []
    for raw_block in re.split(r"\n\s*\n", seed):
        segments: list[str] = []
        current = ""
        for line in raw_block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if re.match(r"^\(\d+\)\s", line) and current:
                segments.append(current)
                current = line
            elif current.endswith(("prawodaw-", "wiceprzewodniczą-")):
                current = current[:-1] + line
            else:
                current = f"{current} {line}".strip()
        if current:
            segments.append(current)
        if segments:
            blocks.append(segments)
    return blocks


def _hyphenate(lines: list[str], picks: list[int]) -> list[str]:
    """Break the first word of some lines at a line end with a hyphen (known words only)."""
    lex = lexicon_for("pl")
    out = list(lines)
    touched: set[int] = set()
    for n, pick in enumerate(picks):
        i = pick % max(len(out) - 1, 1) + 1
        if i >= len(out) or {i - 1, i} & touched or out[i - 1].endswith(("-", "–")):
            continue
        first, _, rest = out[i].partition(" ")
        word = first.rstrip(",.;:")
        if len(word) < 8 or not word.isalpha() or not word.islower() or not lex.knows(word):
            continue
        cut = 3 + (n % (len(word) - 5))
        head, tail = word[:cut], word[cut:]
        if lex.is_compound(head, tail) or (lex.knows(head) and lex.knows(tail)):
            continue
        touched.update({i - 1, i})
        out[i - 1] = f"{out[i - 1]} {head}-"
        out[i] = (tail + first[len(word) :] + (" " + rest if rest else "")).strip()
    return out


def _rewrap(seed: str, width: int, picks: list[int], crlf: bool, nbsp: int) -> str:
    out_blocks: list[str] = []
    for block in _seed_segments(seed):
        lines: list[str] = []
        for segment in block:
            lines.extend(
                textwrap.wrap(segment, width=width, break_long_words=False, break_on_hyphens=True)
            )
        lines = _hyphenate(lines, picks)
        out_blocks.append("\n".join(lines))
    text = "\n\n".join(out_blocks) + "\n"
    if nbsp:
        spaces = [m.start() for m in re.finditer(" ", text)]
        for k in spaces[:: max(len(spaces) // nbsp, 1)]:
            text = text[:k] + "\u00a0" + text[k + 1 :]
    return text.replace("\n", "\r\n") if crlf else text


@lru_cache(maxsize=1)
def _seed_text() -> str:
    return corpus_path(f"seed/{SEED_NAME}").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _seed_units() -> list[tuple[str, str, str]]:
    return _units(_seed_text())


def _units(text: str) -> list[tuple[str, str, str]]:
    doc = parse_read_text(read_bytes(text.encode("utf-8"), SEED_NAME))
    return [(u.kind, u.label, u.text) for u in doc.units]


@given(
    width=st.integers(min_value=30, max_value=200),
    picks=st.lists(st.integers(min_value=0, max_value=10_000), max_size=25),
    crlf=st.booleans(),
    nbsp=st.integers(min_value=0, max_value=60),
)
def test_units_do_not_depend_on_wrapping(
    width: int, picks: list[int], crlf: bool, nbsp: int
) -> None:
    seed = _seed_text()
    got = _units(_rewrap(seed, width, picks, crlf, nbsp))
    expected = _seed_units()
    assert [u[:2] for u in got] == [u[:2] for u in expected]
    for a, b in zip(got, expected, strict=True):
        assert a == b


def _wrapped(paragraphs: list[str], width: int = 72) -> list[str]:
    """Paragraphs wrapped into lines the way a PDF's text comes out: no blank lines."""
    import textwrap

    return [line for p in paragraphs for line in textwrap.wrap(p, width)]


_PARAGRAPHS = [
    " ".join(
        f"Sentence {n} of paragraph {k} says what happened to the defender in the region."
        for n in range(1 + k % 4, 5 + k % 4)
    )
    for k in range(24)
]


@pytest.mark.parametrize("media_type", ["application/pdf", "text/plain"])
def test_a_pdf_without_blank_lines_gets_its_paragraphs_from_the_layout(media_type: str) -> None:
    from rightsmonitor.model import ReadText
    from rightsmonitor.parse.repair import repair

    text = "\n".join(_wrapped(_PARAGRAPHS)) + "\n"
    repaired = repair(ReadText(text=text, media_type=media_type), None)
    body = repaired.text[: repaired.body_end].strip("\n").split("\n")
    if media_type == "application/pdf":
        assert body == _PARAGRAPHS  # every paragraph, and nothing cut inside one
    else:  # a plain text's line breaks are the author's: blank lines alone separate
        assert body == [" ".join(_PARAGRAPHS)]


def test_a_pdf_with_blank_lines_keeps_them_as_its_only_breaks() -> None:
    from rightsmonitor.model import ReadText
    from rightsmonitor.parse.repair import repair

    text = (
        "\n\n".join(
            "\n".join(textwrap_lines)
            for textwrap_lines in (_wrapped([p]) for p in _PARAGRAPHS[:12])
        )
        + "\n"
    )
    repaired = repair(ReadText(text=text, media_type="application/pdf"), None)
    assert repaired.text[: repaired.body_end].strip("\n").split("\n") == _PARAGRAPHS[:12]
