"""Repair extraction damage, keeping an offset map back to the read text.

Steps: drop page furniture; move footnotes out of the body (separating glued markers);
join lines of a paragraph (hyphenated words joined or kept by ``dehyphen``); blank lines
become paragraph breaks (``\\n``), and so does a short sentence-final line in a PDF that has
no blank lines (its paragraphs are read from the layout); spaces are normalised (no-break
spaces, tabs, runs of spaces). The result does not depend on where the source wrapped its
lines.
"""

from __future__ import annotations

import re
from collections import Counter

from rightsmonitor.lang import LanguageData
from rightsmonitor.model import Footnote, ReadText, RepairedText, TextBuilder
from rightsmonitor.nlp.lexicon import lexicon_for
from rightsmonitor.parse.dehyphen import HYPHENS, decide_break, document_words
from rightsmonitor.parse.footnotes import FootnoteBlock, find_footnotes
from rightsmonitor.parse.lines import Line, furniture_patterns, is_furniture, split_lines

__all__ = ["repair"]

_SPACE_LIKE = " \t\u00a0\u202f\u2007\u2009\u2002\u2003\u2004\u2005\u2006\u2008\u200a"
_DROP = "\u00ad\ufeff\u200b\u200c\u200d"  # soft hyphen, BOM, zero-width characters
_SUBST = {"\u2011": "-"}  # non-breaking hyphen
_SPECIAL = re.compile("[" + re.escape(_SPACE_LIKE + _DROP + "".join(_SUBST)) + "]")
_WORD_END = re.compile(r"[^\W\d_]+$")
_WORD_START = re.compile(r"^[^\W\d_]+")


def _copy_clean(out: TextBuilder, text: str, src: int) -> None:
    """Copy ``text`` (at source offset ``src``), collapsing spaces and dropping invisibles."""
    pos = 0
    for m in _SPECIAL.finditer(text):
        if m.start() > pos:
            out.copy(text[pos : m.start()], src + pos)
        ch = m.group(0)
        if ch in _SPACE_LIKE:
            if out.last_char() not in ("", " ", "\n"):
                out.copy(" ", src + m.start())
        elif ch not in _DROP:
            out.copy(_SUBST.get(ch, ch), src + m.start())
        pos = m.end()
    if pos < len(text):
        out.copy(text[pos:], src + pos)


def _strip_bounds(line: Line, skip: int = 0) -> tuple[int, int]:
    raw = line.raw
    start = skip + len(raw[skip:]) - len(raw[skip:].lstrip(_SPACE_LIKE + _DROP))
    end = len(raw.rstrip(_SPACE_LIKE + _DROP.replace("\u00ad", "")))
    return start, max(start, end)


def _join_kind(prev: str, nxt: str, lang: LanguageData | None, words: frozenset[str]) -> str:
    """How the end of line ``prev`` meets the start of line ``nxt``: ' ', '' or '-'."""
    if prev and prev[-1] in HYPHENS and len(prev) > 1 and prev[-2].isalnum() and nxt[:1].isalnum():
        first = _WORD_END.search(prev[:-1])
        second = _WORD_START.search(nxt)
        if first and second and prev[-2].isalpha():
            lexicon = lexicon_for(lang.code if lang else None)
            soft = prev[-1] == "\u00ad"
            verdict = decide_break(first.group(0), second.group(0), lexicon, words, soft)
            return "" if verdict == "join" else "-"
        return "-"  # a number on either side: '460-1', '2025-2029'
    if prev and prev[-1] in "–—/" and len(prev) > 1 and prev[-2].isalnum() and nxt[:1].isalnum():
        return "="  # a dash or slash glued to the word before: keep it, no space
    return " "


def _emit_line(
    out: TextBuilder, line: Line, start: int, end: int, glued: tuple[int, int] | None
) -> None:
    if glued and start <= glued[0] < end:
        col, length = glued
        _copy_clean(out, line.raw[start:col], line.start + start)
        out.insert(" (", line.start + col)
        out.copy(line.raw[col : col + length], line.start + col)
        out.insert(")", line.start + col + length)
        _copy_clean(out, line.raw[col + length : end], line.start + col + length)
    else:
        _copy_clean(out, line.raw[start:end], line.start + start)


def _join(
    out: TextBuilder,
    prev: str,
    text: str,
    at: int,
    lang: LanguageData | None,
    words: frozenset[str],
    changes: Counter[str],
) -> None:
    """Join line ``text`` to the line before (``prev``): a space, a joined word or a kept hyphen."""
    kind = _join_kind(prev, text, lang, words)
    changes["lines_joined"] += 1
    if kind == "":
        if not prev.endswith("\u00ad"):  # a soft hyphen was never copied
            out.drop_last()
        changes["hyphens_joined"] += 1
    elif kind == "-":
        changes["hyphens_kept"] += 1
    elif kind == " " and out.last_char() != " ":
        out.insert(" ", at)


def _furniture(lines: list[Line], read: ReadText, lang: LanguageData | None) -> set[int]:
    if read.media_type == "text/html":
        return set()  # HTML chrome is dropped by the reader, not by line patterns
    patterns = furniture_patterns(lang)
    return {ln.index for ln in lines if not ln.blank and is_furniture(ln, patterns)}


# A PDF whose text has fewer blank lines than this share of its lines gives no paragraph
# breaks: they are read from the layout instead (``_layout_width``, ``_ends_paragraph``).
_FEW_BLANKS = 1 / 40
_SHORT_LINE = 0.8  # a paragraph's last line is shorter than this share of the text's lines
_PARAGRAPH_END = tuple('.!?:;"”»)')


def _layout_width(body: list[Line], read: ReadText) -> int:
    """The width of a full line when paragraph breaks must come from the layout (a PDF
    without blank lines), else 0."""
    filled = [len(ln.text) for ln in body if not ln.blank]
    if read.media_type != "application/pdf" or len(filled) < 40:
        return 0
    if (len(body) - len(filled)) >= _FEW_BLANKS * len(body):
        return 0
    return sorted(filled)[int(len(filled) * 0.8)]  # most lines are full ones


def _ends_paragraph(prev: str, nxt: str, width: int) -> bool:
    """A short line that ends a sentence, before a line that starts one: a paragraph ends."""
    starts = nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in '„“"«•–-('
    return starts and prev.endswith(_PARAGRAPH_END) and len(prev) < _SHORT_LINE * width


def _emit_body(
    out: TextBuilder,
    body: list[Line],
    glued: dict[int, tuple[int, int]],
    lang: LanguageData | None,
    words: frozenset[str],
    changes: Counter[str],
    width: int = 0,
) -> None:
    pending_break = False
    prev_text = ""
    for line in body:
        if line.blank:
            pending_break = bool(len(out))
            continue
        start, end = _strip_bounds(line)
        text = line.raw[start:end]
        if width and prev_text and _ends_paragraph(prev_text, text, width):
            pending_break = True
            changes["layout_breaks"] += 1
        if len(out) and pending_break:
            out.rstrip_spaces()
            out.insert("\n", line.start)
        elif len(out):
            _join(out, prev_text, text, line.start, lang, words, changes)
        _emit_line(out, line, start, end, glued.get(line.index))
        pending_break = False
        prev_text = text
    out.rstrip_spaces()


def _emit_notes(
    out: TextBuilder,
    lines: list[Line],
    blocks: list[FootnoteBlock],
    lang: LanguageData | None,
    words: frozenset[str],
    changes: Counter[str],
) -> list[Footnote]:
    """The footnotes, after the body: '(5) Specjalny Sprawozdawca …', one per line."""
    notes: list[Footnote] = []
    for block in blocks:
        first = lines[block.lines[0]]
        out.insert("\n", first.start)
        lead = len(first.raw) - len(first.raw.lstrip())
        _copy_clean(out, first.raw[lead : block.prefix].rstrip() + " ", first.start + lead)
        note_start = len(out)
        prev = ""
        for k, index in enumerate(block.lines):
            line = lines[index]
            start, end = _strip_bounds(line, block.prefix if k == 0 else 0)
            if k:
                _join(out, prev, line.raw[start:end], line.start, lang, words, changes)
            _copy_clean(out, line.raw[start:end], line.start + start)
            prev = line.text
        out.rstrip_spaces()
        text, _ = out.build()
        notes.append(Footnote(block.label, text[note_start:], note_start, len(out)))
    return notes


def repair(read: ReadText, lang: LanguageData | None) -> RepairedText:
    lines = split_lines(read.text)
    changes: Counter[str] = Counter()
    furniture = _furniture(lines, read, lang)
    scan = find_footnotes(lines, furniture, read.media_type == "application/pdf")
    changes.update(
        furniture_lines=len(furniture),
        footnotes_moved=len(scan.blocks),
        markers_separated=len(scan.glued),
    )
    note_lines = scan.line_set
    body = [ln for ln in lines if ln.index not in furniture and ln.index not in note_lines]
    words = document_words([ln.text for ln in body])
    out = TextBuilder(len(read.text))
    _emit_body(out, body, scan.glued, lang, words, changes, _layout_width(body, read))
    body_end = len(out)
    notes = _emit_notes(out, lines, scan.blocks, lang, words, changes)
    if len(out):
        out.insert("\n", len(read.text))
    text, offsets = out.build()
    return RepairedText(text, offsets, tuple(notes), body_end, dict(changes))
