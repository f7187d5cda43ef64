"""HTML pages: the visible text of the page, one block element per paragraph.

Site chrome (navigation, language menus, headers, footers, download and amendment
drop-downs) is dropped by tag and by class/id tokens listed in ``html_furniture.toml``;
everything else is kept, because the parser finds the document's units by their markers
and needs the front matter (title, references) too.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

from rightsmonitor.errors import NotADocumentError
from rightsmonitor.ingest.text import decode_text
from rightsmonitor.model import ReadText

__all__ = ["read_html"]

_CELL_TAGS = frozenset({"td", "th"})  # cells of a row are read as one line: 'A.' | 'whereas …'
_LINE_BREAK = "\u2028"  # <br>: a new line inside the same paragraph
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "table",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "main",
        "blockquote",
        "dd",
        "dt",
        "dl",
        "pre",
        "hr",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "figure",
        "figcaption",
        "address",
        "center",
    ]
)
_SPACE = re.compile(r"[ \t\r\n\f\v]+")


@lru_cache(maxsize=1)
def _furniture() -> tuple[frozenset[str], tuple[str, ...]]:
    with (Path(__file__).parent / "html_furniture.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return frozenset(data["drop_tags"]), tuple(data["drop_class_tokens"])


def _is_furniture(el: Any) -> bool:
    tags, tokens = _furniture()
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in tags or not isinstance(el.tag, str):
        return True
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role")))).lower()
    if el.get("hidden") is not None or (el.get("aria-hidden") == "true" and tag != "span"):
        return True
    return any(token in attrs for token in tokens)


def _inline(text: str, tag: str) -> str:
    """Line breaks in HTML source are spaces, except inside <pre>."""
    return text.replace("\n", _LINE_BREAK) if tag == "pre" else text.replace("\n", " ")


def _walk(root: Any, out: list[str]) -> None:
    """The page's text in reading order, without recursion: a page nested 200,000 levels
    deep is read like a flat one."""
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    skipped: set[Any] = set()
    for event, el in walker:
        if not isinstance(el.tag, str):  # comments, processing instructions
            if event == "end" and el.tail:
                out.append(_inline(el.tail, ""))
            continue
        tag = el.tag.lower()
        if event == "start":
            if _is_furniture(el):
                skipped.add(el)
                walker.skip_subtree()
            elif tag == "br":
                out.append(_LINE_BREAK)
            else:
                out.append("\n" if tag in _BLOCK_TAGS else " " if tag in _CELL_TAGS else "")
                if el.text:
                    out.append(_inline(el.text, tag))
            continue
        if tag in _BLOCK_TAGS and el not in skipped:
            out.append("\n")
        if el.tail and el is not root:
            out.append(_inline(el.tail, ""))


class _Stream(HTMLParser):
    """The text of a page as a stream of tags (Python's own parser keeps no tree, so no
    depth limit): block tags break lines, scripts and styles are skipped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "br":
            self.out.append(_LINE_BREAK)
        elif tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(_inline(data, ""))


def _stream(text: str) -> list[str]:
    reader = _Stream()
    reader.feed(text)
    reader.close()
    return reader.out


def _title(root: Any) -> str | None:
    for xpath in ('//meta[@name="title"]/@content', "//title/text()", "//h1//text()"):
        found = root.xpath(xpath)
        if found:
            title = _SPACE.sub(" ", str(found[0])).strip()
            title = title.split(" | ")[0].strip()
            if title:
                return title
    return None


def read_html(data: bytes) -> ReadText:
    text, encoding, warnings = decode_text(data)
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise NotADocumentError(f"cannot parse the HTML ({exc})") from exc
    body = root.find("body")
    out: list[str] = []
    if any("Excessive depth" in str(e.message) for e in parser.error_log):
        # libxml2 stops at 2,048 levels and drops the rest: read the page as a stream instead
        warnings = (*warnings, "the page is nested too deeply for its layout: read as a stream")
        out = _stream(text)
    else:
        _walk(body if body is not None else root, out)
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(out).split("\n"))
    blocks = [
        "\n".join(part.strip() for part in line.split(_LINE_BREAK) if part.strip())
        for line in lines
        if line.replace(_LINE_BREAK, "").strip()
    ]
    if not blocks:
        raise NotADocumentError("the HTML page has no visible text")
    return ReadText(
        text="\n\n".join(blocks) + "\n",
        media_type="text/html",
        encoding=encoding,
        title_hint=_title(root),
        warnings=warnings,
    )
