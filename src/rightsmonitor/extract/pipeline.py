"""Run every extractor over a parsed document, in dependency order."""

from __future__ import annotations

from rightsmonitor.extract import persons
from rightsmonitor.model import Extraction, ParsedDocument

__all__ = ["EXTRACTORS", "extract_document"]

# kind → component name; a behaviour change bumps the version (persons.v2)
EXTRACTORS: dict[str, str] = {
    "persons": persons.NAME,
}


def extract_document(doc: ParsedDocument) -> Extraction:
    code = doc.meta.language or "en"
    units = [u for u in doc.units if u.kind != "footnote"] + [
        u for u in doc.units if u.kind == "footnote"
    ]
    found = persons.extract_persons(units, code)
    return Extraction(persons=found.persons, extractors=dict(EXTRACTORS))
