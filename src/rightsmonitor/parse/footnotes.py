"""Footnotes that extraction left in the body, and footnote markers glued to words.

Three shapes are recognised, each only when the document also carries the marker that
points to it:
- ``(5) Text`` on its own line after a unit's end (Official Journal text, the marker
  ``(5)`` appears earlier in the body);
- ``[1] Text`` (EP HTML pages, marker ``[1]``);
- ``1 Text`` at the foot of a PDF page, numbered in sequence, with its marker glued to
  a word or number earlier on the page (``1307/20131`` is ``1307/2013`` + footnote 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rightsmonitor.parse.lines import Line

__all__ = ["FootnoteBlock", "FootnoteScan", "find_footnotes"]

# A footnote's text does not start in lower case ('(1) to impose …' is a sub-point).
_LOWER_START = r"(?!(?!https?://|www\.)[a-ząćęłńóśźż])"  # a URL may start a note
_PAREN = re.compile(rf"^\((\d{{1,3}})\)\s+{_LOWER_START}\S")
_BRACKET = re.compile(rf"^\[(\d{{1,3}})\]\s*{_LOWER_START}\S")
# A reference marker stands apart from the word before it ('Article 21(1)' is not one).
_REF = re.compile(r"(?<=\s)\(\d{1,3}\)|\[\d{1,3}\]")
_BARE = re.compile(r"^(\d{1,3})\s+(?=[^\s\d])")
_UNIT_START = re.compile(r"^([A-Z]{1,2}\.|\d{1,3}\.|[–—-])\s")
_MAX_PAGE_TAIL = 14  # lines from a PDF footnote's start to the foot of its page


@dataclass(frozen=True)
class FootnoteBlock:
    label: str
    lines: tuple[int, ...]  # indices of the lines holding the footnote
    prefix: int  # characters of the first line that are the label ("(5) ", "1 ")


@dataclass
class FootnoteScan:
    blocks: list[FootnoteBlock] = field(default_factory=list)
    glued: dict[int, tuple[int, int]] = field(default_factory=dict)  # line → (col, length)

    @property
    def line_set(self) -> set[int]:
        return {i for b in self.blocks for i in b.lines}


def _continuation(lines: list[Line], start: int, stop: set[int]) -> list[int]:
    """Lines after ``start`` that continue a footnote: up to a blank, furniture or a unit."""
    taken = [start]
    for line in lines[start + 1 :]:
        if line.blank or line.index in stop:
            break
        text = line.text
        if _PAREN.match(text) or _BRACKET.match(text) or _UNIT_START.match(text):
            break
        taken.append(line.index)
    return taken


def _marked_footnotes(lines: list[Line], furniture: set[int], scan: FootnoteScan) -> None:
    seen_refs: set[str] = set()
    prev: Line | None = None
    for line in lines:
        if line.blank or line.index in furniture:
            continue
        text = line.text
        for pattern, ref in ((_PAREN, "({})"), (_BRACKET, "[{}]")):
            match = pattern.match(text)
            if not match or ref.format(match.group(1)) not in seen_refs:
                continue
            if pattern is _PAREN and prev is not None and prev.text[-1:] not in ";.,:":
                continue
            taken = _continuation(lines, line.index, furniture)
            prefix = len(line.raw) - len(line.raw.lstrip()) + match.end(1) + 1
            scan.blocks.append(FootnoteBlock(match.group(1), tuple(taken), prefix))
            break
        else:
            seen_refs.update(_REF.findall(" " + text))
        prev = line


def _glued_marker(
    lines: list[Line], first: int, last: int, n: str, note: str
) -> tuple[int, int, int] | None:
    """Where footnote ``n``'s marker is glued on lines ``first..last``: (line, col, len)."""
    patterns = (
        rf"[^\W\d_](?P<m>{n})(?=[\s,.;:)]|$)",  # 'transparency13'
        rf"\b\d{{4}}/\d{{1,4}}?(?P<m>{n})(?=[\s,.;:)]|$)",  # '1307/20131'
        rf"[)’”](?P<m>{n})(?=[\s,.;:]|$)",  # '(CPPCG)1'
    )
    found: list[tuple[int, int, int, bool]] = []
    for line in lines[first:last]:
        for pattern in patterns:
            for match in re.finditer(pattern, line.raw):
                col = match.start("m")
                stem = re.search(r"\S+$", line.raw[:col])
                in_note = bool(stem and stem.group(0).strip("(),;:") in note)
                found.append((line.index, col, len(n), in_note))
    if not found:
        return None
    confirmed = [f for f in found if f[3]]
    chosen = (confirmed or found)[-1]
    return chosen[0], chosen[1], chosen[2]


def _page_footnotes(
    lines: list[Line], furniture: set[int], taken: set[int], scan: FootnoteScan
) -> None:
    expected = 1
    page_start = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.index in furniture:
            page_start = i + 1
        match = _BARE.match(line.text) if line.index not in taken | furniture else None
        if not match or match.group(1) != str(expected):
            i += 1
            continue
        page_end = next((j for j in range(i, len(lines)) if j in furniture), len(lines))
        if page_end - i > _MAX_PAGE_TAIL:
            i += 1
            continue
        block = [i]
        for j in range(i + 1, page_end):
            following = _BARE.match(lines[j].text)
            if following and following.group(1) == str(expected + 1):
                break
            block.append(j)
        note = " ".join(lines[j].text for j in block)
        marker = _glued_marker(lines, page_start, i, str(expected), note)
        if marker is None:
            i += 1
            continue
        scan.glued[marker[0]] = (marker[1], marker[2])
        prefix = len(line.raw) - len(line.raw.lstrip()) + match.end()
        scan.blocks.append(FootnoteBlock(str(expected), tuple(block), prefix))
        expected += 1
        i = block[-1] + 1


def find_footnotes(lines: list[Line], furniture: set[int], pdf: bool) -> FootnoteScan:
    """``pdf``: also look for numbered notes at the foot of pages (only PDFs have pages)."""
    scan = FootnoteScan()
    _marked_footnotes(lines, furniture, scan)
    if pdf:
        _page_footnotes(lines, furniture, scan.line_set, scan)
    return scan
