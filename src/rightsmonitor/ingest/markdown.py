"""Markdown statements: text, with YAML front matter giving the title and the date.

The front matter and the heading and emphasis marks are blanked (replaced by spaces of the
same length), not removed, so that every offset still points at the original characters.
Only the front matter's plain ``key: value`` lines are read (title, date); nothing is
executed or resolved.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from rightsmonitor.model import ReadText

__all__ = ["MARKDOWN_SUFFIXES", "looks_like_front_matter", "read_markdown"]

MARKDOWN_SUFFIXES = (".md", ".markdown")
_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_HEADING = re.compile(r"^(#{1,6})[ \t]+", re.M)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def looks_like_front_matter(text: str) -> bool:
    return _FRONT.match(text) is not None


def _blank(text: str, start: int, end: int) -> str:
    """Spaces for everything but line breaks in text[start:end]."""
    middle = "".join(ch if ch in "\r\n" else " " for ch in text[start:end])
    return text[:start] + middle + text[end:]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _iso(value: str) -> str | None:
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def read_markdown(read: ReadText) -> ReadText:
    """The text of a Markdown file with its markup blanked; title and date from its front
    matter (a title without front matter comes from the first heading, as for any text)."""
    text = read.text
    title: str | None = read.title_hint
    when: str | None = None
    front = _FRONT.match(text)
    if front:
        fields = {k.lower(): _unquote(v) for k, v in _FIELD.findall(front.group(1))}
        title = fields.get("title") or title
        when = _iso(fields.get("date", ""))
        text = _blank(text, 0, front.end())
    text = _HEADING.sub(lambda m: " " * len(m.group(0)), text)
    text = _EMPHASIS.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1)), text)
    return replace(read, text=text, title_hint=title, date_hint=when, media_type="text/markdown")
