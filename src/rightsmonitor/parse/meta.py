"""Document metadata from the front matter: title, type, date, procedure, references."""

from __future__ import annotations

import re
from datetime import date

from rightsmonitor.lang import LanguageData
from rightsmonitor.model import DocType, DocumentMeta

__all__ = ["PROCEDURE", "REFERENCE_PATTERNS", "extract_meta", "find_dates"]

PROCEDURE = re.compile(r"\b(\d{4}/\d{4}\([A-Z]{3}\))")
# EP and OJ document references (hyphens are normalised by repair).
REFERENCE_PATTERNS = (
    re.compile(r"\b\d{4}/C\s?\d{1,4}/\d{1,3}\b"),  # OJ C series: 2021/C 465/15
    re.compile(r"\bP\d{1,2}_TA(?:-PROV)?\(\d{4}\)\d{4}\b"),  # texts adopted: P9_TA(2021)0056
    re.compile(r"\b(?:RC-)?[ABC]\d{1,2}-\d{4}/\d{4}\b"),  # session documents: RC-B10-0249/2025
    re.compile(r"\b(?:TA|RC|[ABC])-\d{1,2}-\d{4}-\d{4}\b"),  # doceo ids: TA-9-2021-0056
)
_NUMERIC_DATE = re.compile(r"(?<![\d.\-/])(\d{1,2})([.\-/])(\d{1,2})\2(\d{4})(?![\d.]\d)")
_PROC_PAREN = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\d{4}/\d{4}\([A-Z]{3}\)\)")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str, lang: LanguageData) -> list[tuple[int, str]]:
    """(offset, ISO date) of every full date written in words or digits, in text order."""
    found: list[tuple[int, str]] = []
    months = "|".join(
        re.escape(f)
        for forms in lang.months
        for f in sorted(forms, key=len, reverse=True)
        if len(f) > 2
    )
    if months:
        for fmt in lang.date_formats:
            pattern = re.compile(fmt.replace("{month}", months), re.IGNORECASE)
            for m in pattern.finditer(text):
                month = lang.month_number(m.group("month"))
                iso = _iso(int(m.group("year")), month, int(m.group("day"))) if month else None
                if iso:
                    found.append((m.start(), iso))
    for m in _NUMERIC_DATE.finditer(text):
        iso = _iso(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if iso:
            found.append((m.start(), iso))
    return sorted(found)


def _doc_type(front: str, lang: LanguageData) -> tuple[DocType, int]:
    low = front.lower()
    best: tuple[int, int, DocType] | None = None
    for kind, phrases in lang.doc_types:
        for phrase in phrases:
            pos = low.find(phrase)
            if pos >= 0 and (best is None or (pos, -len(phrase)) < (best[0], -best[1])):
                best = (pos, len(phrase), kind)  # type: ignore[assignment]  # kinds come from lang data keys
    if best is None:
        return "other", -1
    return best[2], best[0]


def _title(front: str, pos: int, lang: LanguageData, hint: str | None) -> str | None:
    if hint and any(hint.lower().startswith(p) for _, ps in lang.doc_types for p in ps):
        return hint
    if pos < 0:
        return hint
    line_end = front.find("\n", pos)
    line_start = front.rfind("\n", 0, pos) + 1
    opening = front[line_start:pos]
    if len(opening) <= 80 and "/" not in opening and not _NUMERIC_DATE.search(opening):
        pos = line_start  # the heading's own opening words: 'Az Európai Parlament … állásfoglalása'

    title = front[pos : line_end if line_end >= 0 else len(front)]
    cut = _PROC_PAREN.search(title)
    proc = PROCEDURE.search(title)
    if cut:
        title = title[: cut.start()]
    elif proc:  # unbalanced brackets around the procedure: '(C(2024)1754) – 2024/2688(DEA))'
        open_at = title.rfind(" (", 0, proc.start())
        title = title[: open_at if open_at >= 0 else proc.start()]
    for pattern in lang.title_drop:
        title = pattern.sub("", title)
    title = re.sub(r"\s+", " ", title).strip(" ,;")
    return title[:500] or hint


def extract_meta(
    front: str, notes: str, full: str, lang: LanguageData, hint: str | None, structured: bool
) -> DocumentMeta:
    """``front``: text before the first unit; ``notes``: footnotes; ``full``: the whole text."""
    doc_type, pos = _doc_type(front, lang) if structured else ("other", -1)
    title = _title(front, pos, lang, hint) if structured else (hint or _first_line(full))
    dates = find_dates(front if structured else full[:3000], lang)
    when: str | None = None
    if doc_type == "resolution" and title:
        for prefix in lang.title_date_prefix:
            for offset, iso in find_dates(title, lang):
                if title[:offset].rstrip().lower().endswith(prefix.lower()):
                    when = when or iso
    # the document's own date is written with dots ('7.5.2025'); slashes date the votes and debates
    numeric_matches = (
        [(off, d, _NUMERIC_DATE.match(front, off)) for off, d in dates] if structured else []
    )
    numeric = [
        d
        for off, d, m in sorted(
            ((o, d, m) for o, d, m in numeric_matches if m),
            key=lambda t: (t[2].group(2) != ".", t[0]),
        )
    ]
    when = when or (numeric[0] if numeric else (dates[0][1] if dates else None))
    proc = PROCEDURE.search(front) or PROCEDURE.search(full)
    refs: list[str] = []
    for source in (front, notes) if structured else (full,):
        for pattern in REFERENCE_PATTERNS:
            for m in pattern.finditer(source):
                ref = re.sub(r"\s+", " ", m.group(0))
                if ref not in refs:
                    refs.append(ref)
    return DocumentMeta(
        title=title,
        date=when,
        procedure=proc.group(1) if proc else None,
        references=tuple(refs),
        language=lang.code,
        doc_type=doc_type,
    )


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None
