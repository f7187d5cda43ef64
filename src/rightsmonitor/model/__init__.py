"""L0 vocabulary: data types shared by every layer."""

from rightsmonitor.model.document import (
    DOC_TYPES,
    UNIT_KINDS,
    DocType,
    DocumentMeta,
    Footnote,
    ParsedDocument,
    ReadText,
    RepairedText,
    Unit,
    UnitKind,
)
from rightsmonitor.model.offsets import OffsetMap, TextBuilder

__all__ = [
    "DOC_TYPES",
    "UNIT_KINDS",
    "DocType",
    "DocumentMeta",
    "Footnote",
    "OffsetMap",
    "ParsedDocument",
    "ReadText",
    "RepairedText",
    "TextBuilder",
    "Unit",
    "UnitKind",
]
