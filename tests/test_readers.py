"""Readers: encodings detected from the bytes, HTML chrome dropped, PDFs, and bad input."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from rightsmonitor.errors import (
    EmptyDocumentError,
    EncryptedPdfError,
    NotADocumentError,
    ReadError,
    RightsMonitorError,
    UnsupportedTypeError,
)
from rightsmonitor.ingest import decode_text, read_bytes
from tests.conftest import corpus_path

POLISH = "Zażółć gęślą jaźń. Świętokrzyskie, Źródło, ĄĘ — wzywa rząd Kazachstanu do uwolnienia więźniów.\n"
ENGLISH = "The European Parliament “strongly” condemns the arrests – and calls for their release.\n"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (POLISH, "utf-8"),
        (POLISH, "cp1250"),
        (POLISH.replace("—", "-"), "iso-8859-2"),
        (POLISH, "utf-16"),
        (ENGLISH, "cp1252"),
        ("Алмат Жумагулов задержан в Алматы.\n", "cp1251"),
    ],
)
def test_encodings_are_detected(text: str, encoding: str) -> None:
    decoded, _used, _warnings = decode_text(text.encode(encoding))
    assert decoded == text


def test_seed_in_legacy_encodings_reads_the_same(seed_bytes: bytes) -> None:
    text = seed_bytes.decode("utf-8")
    for encoding in ("cp1250", "iso-8859-2"):
        data = (
            text.replace("—", "-")
            .replace("–", "-")
            .replace("„", '"')
            .replace("”", '"')
            .encode(encoding)
        )
        decoded, used, _ = decode_text(data)
        assert used == encoding
        assert decoded == data.decode(encoding)


_POLISH_WORD = st.text(
    alphabet="aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄBCĆDEĘŁŃÓŚŹŻ", min_size=2, max_size=12
)


@given(st.lists(_POLISH_WORD, min_size=4, max_size=60), st.sampled_from(["cp1250", "iso-8859-2"]))
def test_polish_in_legacy_encodings_is_never_silently_misread(
    words: list[str], encoding: str
) -> None:
    text = " ".join(words) + "\n"
    decoded, _, warnings = decode_text(text.encode(encoding))
    assert decoded == text or warnings


def test_html_reader_drops_site_chrome() -> None:
    read = read_bytes(
        corpus_path("raw/HowTheyVote-howtheyvote/RC-B10-0249-2025_EN.html").read_bytes(), "x.html"
    )
    assert "Access to page content" not in read.text
    assert "български" not in read.text
    assert "Amendments001" not in read.text
    assert "having regard to the UN Charter" in read.text
    assert read.title_hint and read.title_hint.startswith("JOINT MOTION FOR A RESOLUTION")


def test_pdf_reader_reads_every_page() -> None:
    read = read_bytes(
        corpus_path("raw/M-BenAli-AgentPlatform/B-9-2024-0199.pdf").read_bytes(), "x.pdf"
    )
    assert len(read.page_breaks) == 3
    assert "Instructs its President" in read.text


# --- bad input: a one-line reason, never a traceback ----------------------------------


def _encrypted_pdf() -> bytes:
    source = corpus_path("raw/M-BenAli-AgentPlatform/B-9-2024-0199.pdf").read_bytes()
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _truncated_pdf() -> bytes:
    data = corpus_path("raw/M-BenAli-AgentPlatform/B-9-2024-0199.pdf").read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "make", "error", "reason"),
    [
        ("empty.txt", lambda: b"", EmptyDocumentError, "empty"),
        ("blank.txt", lambda: b" \n\t\n", EmptyDocumentError, "empty"),
        ("junk.bin", lambda: bytes(range(256)) * 8, NotADocumentError, "binary"),
        (
            "junk.txt",
            lambda: b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100,
            NotADocumentError,
            "binary",
        ),
        ("doc.pdf", _truncated_pdf, ReadError, "truncated"),
        ("doc.pdf", _encrypted_pdf, EncryptedPdfError, "encrypted"),
        ("fake.pdf", lambda: b"hello, I am not a PDF", NotADocumentError, "PDF header"),
        ("image.png", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, UnsupportedTypeError, "PNG"),
        ("letter.docx", lambda: b"PK\x03\x04" + b"\x00" * 64, UnsupportedTypeError, "DOCX"),
        ("archive.gz", lambda: b"\x1f\x8b\x08" + b"\x00" * 64, UnsupportedTypeError, "gzip"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_bad_input_is_refused_with_a_reason(
    name: str, make, error: type[Exception], reason: str
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as info:
        read_bytes(make(), name)
    message = str(info.value)
    assert reason.lower() in message.lower()
    assert "\n" not in message


def test_a_few_invalid_bytes_in_utf8_are_replaced_and_reported() -> None:
    from rightsmonitor.ingest.text import decode_text

    data = "Aktywista Jan Kowalski został zatrzymany.\n".encode() + b"\xff\xfe\n"
    data += "Sąd skazał go na rok.\n".encode()
    text, encoding, warnings = decode_text(data)
    assert encoding == "utf-8" and "został" in text and "\ufffd" in text
    assert warnings == ("2 invalid UTF-8 byte sequences replaced by U+FFFD",)


def test_a_legacy_encoding_is_not_taken_for_damaged_utf8() -> None:
    from rightsmonitor.ingest.text import decode_text

    data = "Sąd skazał działaczkę Żanę Żumagułową na rok więzienia.\n".encode("cp1250")
    text, encoding, _warnings = decode_text(data)
    assert "\ufffd" not in text and "Żumagułową" in text and encoding != "utf-8"


@pytest.mark.parametrize("depth", [10, 5_000, 200_000])
def test_deeply_nested_html_is_read(depth: int) -> None:
    from rightsmonitor.ingest.html import read_html

    page = "<html><body>" + "<div>" * depth + "<p>Almat Zhumagulov was released.</p>"
    page += "</div>" * depth + "</body></html>"
    read = read_html(page.encode())
    assert "Almat Zhumagulov was released." in read.text
    assert (depth > 2048) == any("nested too deeply" in w for w in read.warnings)


def test_a_text_over_the_length_limit_is_refused_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rightsmonitor.service.reading import parse_bytes

    monkeypatch.setenv("RIGHTSMONITOR_MAX_TEXT_MB", "0.01")
    with pytest.raises(RightsMonitorError, match="over the limit") as caught:
        parse_bytes(b"The court sentenced him. " * 1000, "long.txt")
    assert "\n" not in str(caught.value)
