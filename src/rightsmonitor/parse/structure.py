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
_BEFORE = r"(?:(?<=\A)|(?<=\n)|(?<=[,;:.·\u0387]\s))"
# 'art. 3.', 'ust. 4.', 'No. 5.': a short lower-case word with a full stop is an abbreviation
_ABBREVIATION = re.compile(r"(?:^|\s)[^\W\d_]{1,4}\.\s$")
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
        at_break = m.start(1) == 0 or text[m.start(1) - 1] == "\n"
        if not at_break and _ABBREVIATION.search(text[max(0, m.start(1) - 8) : m.start(1)]):
            continue
        found.append(RawUnit("paragraph", m.group(1), m.start(1), m.end()))
    found.sort(key=lambda u: (u.marker_start, u.kind))
    return found


def _at_break(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] == "\n"


def _sequence(
    cands: list[RawUnit], lang: LanguageData, text: str, warnings: list[str]
) -> list[RawUnit]:
    """Keep candidates that fit the order citations → recitals → paragraphs.

    Labels must follow each other; a jump (1, 2, 4) is accepted only for a marker that opens
    a paragraph of the text, and it is reported.
    """
    accepted: list[RawUnit] = []
    phase = 0  # 0 citations, 1 recitals, 2 paragraphs
    next_recital, next_para = 0, 1
    for cand in cands:
        if accepted and cand.marker_start < accepted[-1].start:
            continue
        if cand.kind == "citation" and phase == 0:
            accepted.append(cand)
        elif cand.kind == "recital" and phase <= 1:
            n = _recital_index(cand.label, lang, next_recital, text, cand.marker_start)
            if n is None:
                continue
            if n != next_recital:
                warnings.append(
                    f"recitals jump from {lang.recital_label(next_recital - 1)} to {cand.label}"
                )
            accepted.append(cand)
            phase, next_recital = 1, n + 1
        elif cand.kind == "paragraph" and (accepted or next_para > 1):
            n = int(cand.label)
            jump = next_para < n <= next_para + 5 and _at_break(text, cand.marker_start)
            if n == next_para or (
                jump and _opens_with_verb(text[cand.start : cand.start + 80], lang)
            ):
                if n != next_para:
                    warnings.append(f"paragraph numbers jump from {next_para - 1} to {n}")
                accepted.append(cand)
                phase, next_para = 2, n + 1
    counted = [u for u in accepted if u.kind != "paragraph"]
    return accepted if counted else []


def _opens_with_verb(text: str, lang: LanguageData) -> bool:
    """An operative paragraph opens with an operative verb ('Calls on', 'wzywa')."""
    from rightsmonitor.nlp.verbs import leading_verb

    return bool(lang.verbs) and leading_verb(text, lang) is not None


def _recital_index(
    label: str, lang: LanguageData, expected: int, text: str, pos: int
) -> int | None:
    if label == lang.recital_label(expected):
        return expected
    if not _at_break(text, pos):
        return None
    for n in range(expected + 1, expected + 4):
        if label == lang.recital_label(n):
            return n
    return None


def _unit_end(text: str, start: int, limit: int) -> int:
    """End of a unit starting at ``start``: ``limit`` or an earlier break it does not cross.

    A paragraph break ends the unit unless what follows continues it (a sub-point, lower-case
    text) or the unit has not finished its sentence ('… the following activists:').
    """
    pos = start
    list_open = False  # '… detained the following activists:' opens a list of items
    while True:
        nl = text.find("\n", pos, limit)
        if nl < 0:
            return limit
        following = text[nl + 1 : limit]
        before = text[start:nl].rstrip()
        list_open = list_open or before.endswith(":")
        unfinished = bool(before) and (
            before[-1] not in ".;!?" or (list_open and before[-1] == ";")
        )
        if not following or not (unfinished or _CONTINUATION.match(following)):
            return nl
        pos = nl + 1


def find_units(
    repaired: RepairedText, lang: LanguageData, warnings: list[str] | None = None
) -> list[Unit]:
    """Units in document order; ``warnings`` receives jumps in numbering and uncovered text."""
    warnings = [] if warnings is None else warnings
    text = repaired.text
    body = text[: repaired.body_end]
    raw = _sequence(_candidates(body, lang), lang, body, warnings)
    units: list[Unit] = []
    for i, ru in enumerate(raw):
        limit = raw[i + 1].marker_start if i + 1 < len(raw) else len(body)
        end = _unit_end(body, ru.start, limit)
        while end > ru.start and body[end - 1] in " \n":
            end -= 1
        label = ru.label or str(sum(1 for u in raw[: i + 1] if u.kind == "citation"))
        units.append(_unit(ru.kind, label, body, ru.start, end))
    _report_uncovered(body, raw, units, warnings)
    for note in repaired.footnotes:
        units.append(_unit("footnote", note.label, text, note.start, note.end))
    return units


def _report_uncovered(
    body: str, raw: list[RawUnit], units: list[Unit], warnings: list[str]
) -> None:
    """Text between units that no unit holds is reported, never dropped silently."""
    for i in range(1, len(units)):
        gap = body[units[i - 1].end : raw[i].marker_start].strip()
        if len(gap) > 3:
            warnings.append(
                f"text between units {units[i - 1].id} and {units[i].id} is in no unit: "
                f"{gap[:60]!r}"
            )


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
