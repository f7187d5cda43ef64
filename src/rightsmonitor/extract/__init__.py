"""L1 pure extractors over parsed units: persons, organisations, provisions, places, dates,
quantities, events and calls. Each is a named, versioned component (``persons.v1``)."""

from rightsmonitor.extract.pipeline import EXTRACTORS, extract_document

__all__ = ["EXTRACTORS", "extract_document"]
