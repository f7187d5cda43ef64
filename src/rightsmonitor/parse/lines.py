"""Lines of a read text with their offsets, and which of them are page furniture."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rightsmonitor.lang import LanguageData

__all__ = ["Line", "furniture_patterns", "is_furniture", "split_lines"]

_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0c|\x0b|\x85")


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # offset of the line's first character in the read text
    raw: str  # the line without its line break

    @property
    def text(self) -> str:
        return self.raw.strip(" \t\u00a0\u202f\u2007\u2009\ufeff")

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for match in _BREAK.finditer(text):
        lines.append(Line(len(lines), pos, text[pos : match.start()]))
        pos = match.end()
    if pos < len(text):
        lines.append(Line(len(lines), pos, text[pos:]))
    return lines


@lru_cache(maxsize=1)
def _neutral() -> tuple[re.Pattern[str], ...]:
    with (Path(__file__).parent / "furniture.toml").open("rb") as fh:
        return tuple(re.compile(p) for p in tomllib.load(fh)["furniture"])


def furniture_patterns(lang: LanguageData | None) -> tuple[re.Pattern[str], ...]:
    return _neutral() + (lang.furniture if lang else ())


_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009]+")


def is_furniture(line: Line, patterns: tuple[re.Pattern[str], ...]) -> bool:
    text = _SPACES.sub(" ", line.text)
    return bool(text) and any(p.match(text) for p in patterns)
