"""Documents and their units: the vocabulary every layer shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rightsmonitor.model.offsets import OffsetMap

__all__ = [
    "DOC_TYPES",
    "UNIT_KINDS",
    "DocType",
    "DocumentMeta",
    "Footnote",
    "ParsedDocument",
    "ReadText",
    "RepairedText",
    "Unit",
    "UnitKind",
]

UnitKind = Literal["title", "citation", "recital", "paragraph", "footnote"]
UNIT_KINDS: tuple[UnitKind, ...] = ("title", "citation", "recital", "paragraph", "footnote")
DocType = Literal["resolution", "motion", "recommendation", "report", "decision", "other"]
DOC_TYPES: tuple[DocType, ...] = (
    "resolution",
    "motion",
    "recommendation",
    "report",
    "decision",
    "other",
)


@dataclass(frozen=True)
class ReadText:
    """What a reader produced from a file's bytes: text plus how it was obtained."""

    text: str
    media_type: str  # "text/plain" | "text/html" | "application/pdf"
    encoding: str | None = None
    title_hint: str | None = None  # e.g. an HTML <title> or PDF metadata title
    date_hint: str | None = None  # ISO 8601, e.g. from a Markdown file's front matter
    page_breaks: tuple[int, ...] = ()  # offsets in ``text`` where a new page starts
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Footnote:
    label: str
    text: str
    start: int  # span in the repaired text
    end: int


@dataclass(frozen=True)
class RepairedText:
    """The repaired text, its map back to the read text, and what repair did."""

    text: str
    offsets: OffsetMap
    footnotes: tuple[Footnote, ...] = ()
    body_end: int = 0  # where the body stops and the moved footnotes begin
    changes: dict[str, int] = field(default_factory=dict)  # counts per repair kind


@dataclass(frozen=True)
class Unit:
    """The title, a citation, recital, operative paragraph or footnote, with its span."""

    id: str
    kind: UnitKind
    label: str
    text: str
    start: int
    end: int
    verb: str | None = None
    stance: str | None = None
    addressees: tuple[str, ...] = ()
    footnote_refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentMeta:
    title: str | None = None
    date: str | None = None  # ISO 8601
    procedure: str | None = None
    references: tuple[str, ...] = ()
    language: str | None = None
    doc_type: DocType = "other"


@dataclass(frozen=True)
class ParsedDocument:
    meta: DocumentMeta
    units: tuple[Unit, ...]
    text: str  # the repaired text; unit spans index into it
    offsets: OffsetMap  # repaired text → read text
    structured: bool  # False: no resolution structure, units are plain paragraphs
    warnings: tuple[str, ...] = ()
    repairs: dict[str, int] = field(default_factory=dict)  # what repair did, counted by kind
