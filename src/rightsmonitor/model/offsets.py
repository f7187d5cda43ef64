"""Offset maps: every character of a derived text points back to the text it came from."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

__all__ = ["OffsetMap", "TextBuilder"]


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise map from positions in a derived text to positions in its source.

    Each segment ``(dst, src, length, copied)`` says that ``derived[dst:dst+length]``
    is ``source[src:src+length]`` when ``copied``; inserted text (a space that replaced a
    line break, a separated footnote marker) maps every character to the point ``src``.
    """

    segments: tuple[tuple[int, int, int, bool], ...] = ()
    source_length: int = 0

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(((0, 0, length, True),) if length else (), length)

    @cached_property
    def _starts(self) -> list[int]:
        return [s[0] for s in self.segments]

    def to_source(self, pos: int) -> int:
        """Source position of derived position ``pos`` (``pos`` may equal the length)."""
        if not self.segments:
            return 0
        i = max(bisect_right(self._starts, pos) - 1, 0)
        dst, src, length, copied = self.segments[i]
        if pos >= dst + length:
            return src + length if copied else src
        return src + (pos - dst) if copied else src

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            point = self.to_source(start)
            return point, point
        return self.to_source(start), self.to_source(end - 1) + 1

    def then(self, outer: OffsetMap) -> OffsetMap:
        """Compose: ``self`` maps derived→middle, ``outer`` maps middle→source."""
        segments: list[tuple[int, int, int, bool]] = []
        for dst, src, length, copied in self.segments:
            if not copied:
                segments.append((dst, outer.to_source(src), length, False))
                continue
            pos = 0
            while pos < length:
                mid = src + pos
                seg = outer._segment_at(mid)
                if seg is None:
                    segments.append((dst + pos, outer.to_source(mid), length - pos, False))
                    break
                o_dst, o_src, o_len, o_copied = seg
                take = min(length - pos, o_dst + o_len - mid)
                if o_copied:
                    segments.append((dst + pos, o_src + (mid - o_dst), take, True))
                else:
                    segments.append((dst + pos, o_src, take, False))
                pos += take
        return OffsetMap(tuple(segments), outer.source_length)

    def _segment_at(self, pos: int) -> tuple[int, int, int, bool] | None:
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return None
        seg = self.segments[i]
        return seg if pos < seg[0] + seg[2] else None

    def to_json(self) -> list[list[int]]:
        return [[d, s, n, int(c)] for d, s, n, c in self.segments]

    @classmethod
    def from_json(cls, data: list[list[int]], source_length: int) -> OffsetMap:
        return cls(tuple((d, s, n, bool(c)) for d, s, n, c in data), source_length)


@dataclass
class TextBuilder:
    """Builds a derived text piece by piece while recording its offset map."""

    source_length: int
    _parts: list[str] = field(default_factory=list)
    _segments: list[tuple[int, int, int, bool]] = field(default_factory=list)
    _length: int = 0

    def copy(self, text: str, src_start: int) -> None:
        """Append ``text`` which is ``source[src_start:src_start+len(text)]``."""
        if not text:
            return
        last = self._segments[-1] if self._segments else None
        if (
            last
            and last[3]
            and last[0] + last[2] == self._length
            and last[1] + last[2] == src_start
        ):
            self._segments[-1] = (last[0], last[1], last[2] + len(text), True)
        else:
            self._segments.append((self._length, src_start, len(text), True))
        self._parts.append(text)
        self._length += len(text)

    def insert(self, text: str, src_at: int) -> None:
        """Append ``text`` that has no counterpart in the source; it maps to ``src_at``."""
        if not text:
            return
        self._segments.append((self._length, src_at, len(text), False))
        self._parts.append(text)
        self._length += len(text)

    def __len__(self) -> int:
        return self._length

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def rstrip_spaces(self) -> None:
        """Drop trailing spaces already appended (keeps the map consistent)."""
        while self._parts and self._parts[-1].endswith(" "):
            part = self._parts[-1].rstrip(" ")
            cut = len(self._parts[-1]) - len(part)
            self._length -= cut
            d, s, n, c = self._segments[-1]
            if n - cut > 0:
                self._segments[-1] = (d, s, n - cut, c)
                self._parts[-1] = part
            else:
                self._segments.pop()
                self._parts.pop()

    def drop_last(self) -> None:
        """Remove the last character appended (a line-end hyphen of a joined word)."""
        if not self._parts:
            return
        self._parts[-1] = self._parts[-1][:-1]
        d, s, n, c = self._segments[-1]
        if n > 1:
            self._segments[-1] = (d, s, n - 1, c)
        else:
            self._segments.pop()
        if not self._parts[-1]:
            self._parts.pop()
        self._length -= 1

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(tuple(self._segments), self.source_length)
