"""Units of a repaired text: citations, recitals, operative paragraphs and footnotes.

Units are found by their markers anywhere in the text (so line wrapping does not matter)
and accepted only in sequence: recitals A, B, … Z, AA, AB …; paragraphs 1, 2, 3 …;
citations before the first recital or paragraph. A unit ends where the next one starts,
or at a paragraph break followed by something that does not continue it (sub-points such
as ``a.`` or ``(i)`` and lower-case text continue a unit; a heading or a table does not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rightsmonitor.lang import LanguageData
from rightsmonitor.model import RepairedText, Unit, UnitKind

__all__ = ["RawUnit", "find_units", "recital_label"]

_DASHES = "–—\\-•▪\uf0a7\uf0b7\uf02d\u2212"
_BEFORE = r"(?:(?<=\A)|(?<=\n)|(?<=[,;:.·\u0387]\s)|(?<=[,;:.·\u0387]))"
_CONTINUATION = re.compile(
    r"^(?:\(?[a-z]{1,2}\)|[a-z]\.\s|\(?[ivx]{1,5}\)|[–—•\-]\s|[a-ząćęłńóśźż])"
)


@dataclass(frozen=True)
class RawUnit:
    kind: UnitKind
    label: str
    marker_start: int  # where the marker ("A.", "1.", "–") begins
    start: int  # where the unit's text begins (after the marker)


def recital_label(n: int, lang: LanguageData) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA', 27 → 'AB' (the EP's sequence), or the language's own."""
    return lang.recital_label(n)


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


def _candidates(text: str, lang: LanguageData) -> list[RawUnit]:
    found: list[RawUnit] = []
    if lang.citation:
        cit = re.compile(
            rf"{_BEFORE}[ ]*(?:([{_DASHES}])[ ]*)?"
            rf"(?=(?:{_alternation(lang.citation)})(?![^\W\d_]))",
            re.IGNORECASE,
        )
        for m in cit.finditer(text):
            at_break = m.start() == 0 or text[m.start() - 1] == "\n"
            if m.group(1) or at_break:
                found.append(
                    RawUnit(
                        "citation",
                        "",
                        m.start() + (len(m.group(0)) - len(m.group(0).lstrip())),
                        m.end(),
                    )
                )
    opener = f"(?:{_alternation(lang.recital)})(?![^\\W\\d_])" if lang.recital else "\\S"
    rec = re.compile(rf"{_BEFORE}[ ]*([^\W\d_]{{1,2}})\.[ ]+(?={opener})", re.IGNORECASE)
    for m in rec.finditer(text):
        if m.group(1).isupper():
            found.append(RawUnit("recital", m.group(1), m.start(1), m.end()))
    para = re.compile(rf"{_BEFORE}[ ]*(\d{{1,3}})\.[ ]+(?=\S)")
    for m in para.finditer(text):
        found.append(RawUnit("paragraph", m.group(1), m.start(1), m.end()))
    found.sort(key=lambda u: (u.marker_start, u.kind))
    return found


def _sequence(cands: list[RawUnit], lang: LanguageData) -> list[RawUnit]:
    """Keep candidates that fit the order citations → recitals → paragraphs."""
    accepted: list[RawUnit] = []
    phase = 0  # 0 citations, 1 recitals, 2 paragraphs
    next_recital, next_para = 0, 1
    for cand in cands:
        if accepted and cand.marker_start < accepted[-1].start:
            continue
        if cand.kind == "citation" and phase == 0:
            accepted.append(cand)
        elif (
            cand.kind == "recital" and phase <= 1 and cand.label == lang.recital_label(next_recital)
        ):
            accepted.append(cand)
            phase, next_recital = 1, next_recital + 1
        elif (
            cand.kind == "paragraph"
            and cand.label == str(next_para)
            and (accepted or next_para > 1)
        ):
            accepted.append(cand)
            phase, next_para = 2, next_para + 1
    counted = [u for u in accepted if u.kind != "paragraph"]
    return accepted if counted else []


def _unit_end(text: str, start: int, limit: int) -> int:
    """End of a unit starting at ``start``: ``limit`` or an earlier break it does not cross."""
    pos = start
    while True:
        nl = text.find("\n", pos, limit)
        if nl < 0:
            return limit
        following = text[nl + 1 : limit]
        if not following or not _CONTINUATION.match(following):
            return nl
        pos = nl + 1


def find_units(repaired: RepairedText, lang: LanguageData) -> list[Unit]:
    text = repaired.text
    body = text[: repaired.body_end]
    raw = _sequence(_candidates(body, lang), lang)
    units: list[Unit] = []
    for i, ru in enumerate(raw):
        limit = raw[i + 1].marker_start if i + 1 < len(raw) else len(body)
        end = _unit_end(body, ru.start, limit)
        while end > ru.start and body[end - 1] in " \n":
            end -= 1
        label = ru.label or str(sum(1 for u in raw[: i + 1] if u.kind == "citation"))
        units.append(_unit(ru.kind, label, body, ru.start, end))
    for note in repaired.footnotes:
        units.append(_unit("footnote", note.label, text, note.start, note.end))
    return units


_PREFIX = {"citation": "c", "recital": "r", "paragraph": "p", "footnote": "f"}


def _unit(kind: UnitKind, label: str, text: str, start: int, end: int) -> Unit:
    return Unit(
        id=f"{_PREFIX[kind]}{label}",
        kind=kind,
        label=label,
        text=text[start:end],
        start=start,
        end=end,
    )
