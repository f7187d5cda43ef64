"""dates.v1 — dates and periods in ISO form: single dates, ranges, periods, month-only,
year-only and open-ended ('od 22 października 2020 r.' → '2020-10-22/..')."""

from __future__ import annotations

import re
from datetime import date

from rightsmonitor.lang import LanguageData, load_data, load_language
from rightsmonitor.model import DateFact, Unit

__all__ = ["NAME", "extract_dates"]

NAME = "dates.v1"


_YEAR_WITH_SUFFIX = r"\b(?P<y>(?:19|20)\d\d)\s*(?:{suffix})"
# a year standing alone: not a document number ('2015/849', '(2024)', 'P9_TA(2020)0054')
_BARE_YEAR = r"(?<![/(\d_.\-])\b(?P<y>(?:19|20)\d\d)\b(?![/)\d.\-–]|\s*/)"


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d is not None and m is not None:
            return date(y, m, d).isoformat()
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}" if m else f"{y:04d}"


def _patterns(lang: LanguageData) -> list[tuple[str, re.Pattern[str]]]:
    data = load_data(lang.code, "facts")
    month = "|".join(
        re.escape(f)
        for forms in lang.months
        for f in sorted(forms, key=len, reverse=True)
        if len(f) > 2
    )
    suffix = "|".join(re.escape(s) for s in data.get("year_suffix", [])) or "(?!)"
    frm = "|".join(re.escape(s) for s in data.get("open_from", [])) or "(?!)"
    to = "|".join(re.escape(s) for s in data.get("range_to", [])) or "(?!)"
    yr = rf"(?P<y>\d{{4}})(?:\s*(?:{suffix}))?"
    return [
        (
            "open_day",
            re.compile(rf"\b(?:{frm})\s+(?P<d>\d{{1,2}})\.?\s+(?P<m>{month})\s+{yr}", re.I),
        ),
        (
            "range_days",
            re.compile(
                rf"\b(?P<d>\d{{1,2}})\s*[–-]\s*(?P<d2>\d{{1,2}})\.?\s+(?P<m>{month})\s+{yr}", re.I
            ),
        ),
        (
            "period_months",
            re.compile(rf"\b(?:{frm})\s+(?P<m>{month})\s+(?:{to})\s+(?P<m2>{month})\s+{yr}", re.I),
        ),
        ("day", re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+(?P<m>{month})\s+{yr}", re.I)),
        ("open_month", re.compile(rf"\b(?:{frm})\s+(?P<m>{month})\s+{yr}", re.I)),
        ("month", re.compile(rf"\b(?P<m>{month})\s+{yr}", re.I)),
        (
            "open_year",
            re.compile(rf"\b(?:{frm})\s+(?P<y>\d{{4}})(?:\s*(?:{suffix}))?(?![\d/])", re.I),
        ),
        ("year_range", re.compile(r"\b(?P<y>(?:19|20)\d\d)\s*[–-]\s*(?P<y2>(?:19|20)\d\d)\b")),
        (
            "year",
            re.compile(
                _YEAR_WITH_SUFFIX.format(suffix=suffix) if data.get("year_suffix") else _BARE_YEAR,
                re.I,
            ),
        ),
        (
            "numeric",
            re.compile(
                r"(?<![\d./\-])(?P<d>\d{1,2})([./\-])(?P<mn>\d{1,2})\2(?P<y>\d{4})(?![\d.]\d)"
            ),
        ),
    ]


def _value(kind: str, m: re.Match[str], lang: LanguageData) -> str | None:
    y = int(m.group("y"))
    month = lang.month_number(m.group("m")) if "m" in m.groupdict() and m.group("m") else None
    if kind == "numeric":
        return _iso(y, int(m.group("mn")), int(m.group("d")))
    if kind == "open_day":
        v = _iso(y, month, int(m.group("d")))
        return f"{v}/.." if v else None
    if kind == "range_days":
        a, b = _iso(y, month, int(m.group("d"))), _iso(y, month, int(m.group("d2")))
        return f"{a}/{b}" if a and b else None
    if kind == "period_months":
        m2 = lang.month_number(m.group("m2"))
        return f"{_iso(y, month)}/{_iso(y, m2)}" if month and m2 else None
    if kind == "day":
        return _iso(y, month, int(m.group("d")))
    if kind == "open_month":
        return f"{_iso(y, month)}/.." if month else None
    if kind == "month":
        return _iso(y, month) if month else None
    if kind == "open_year":
        return f"{y:04d}/.."
    if kind == "year_range":
        return f"{y:04d}/{int(m.group('y2')):04d}"
    return _iso(y)


_LEADING = re.compile(
    r"^(?:(?:z|od|w|we|do|dnia|na|of|on|in|since|from|to|by|until|the|a|and|i|że|that|whereas)\s+)+",
    re.I,
)
_TRAILING = re.compile(
    r"(?:\s+(?:z|od|w|we|do|dnia|z dnia|na|of|on|in|since|from|dated|by|until))+$", re.I
)


def _context(text: str, start: int, end: int) -> str | None:
    """What the date refers to, as the sentence says it: the words before the date in its
    clause ('wybory parlamentarne w Kazachstanie' z 10 stycznia 2021 r.), else those after."""
    clause_start = max(text.rfind(c, 0, start) for c in ";:,") + 1
    before = _TRAILING.sub("", text[clause_start:start].strip())
    words = before.split()
    if len(words) >= 2:
        return _LEADING.sub("", " ".join(words[-6:])) or None
    clause_end = min([i for i in (text.find(c, end) for c in ";:,.") if i >= 0] or [len(text)])
    after = _LEADING.sub("", text[end:clause_end].strip().removeprefix("r.").strip())
    return " ".join(after.split()[:6]) or None


def extract_dates(units: list[Unit], code: str) -> list[DateFact]:
    lang = load_language(code)
    patterns = _patterns(lang)
    out: list[DateFact] = []
    for unit in units:
        taken: list[tuple[int, int]] = []
        for kind, pattern in patterns:
            for m in pattern.finditer(unit.text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                value = _value(kind, m, lang)
                if value:
                    taken.append((m.start(), m.end()))
                    context = _context(unit.text, m.start(), m.end())
                    out.append(DateFact(value, m.group(0), unit.id, m.start(), m.end(), context))
    order = {u.id: i for i, u in enumerate(units)}
    return sorted(out, key=lambda d: (order[d.unit], d.start))
