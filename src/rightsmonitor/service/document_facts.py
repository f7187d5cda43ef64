"""What the use cases read from stored documents, read once per use case.

A brief opens dozens of case files over the same documents, and each case file reads the
units and facts of every document that names its person; ``DocumentFacts`` reads each of
them once, in batches of documents, so a use case costs a few queries per kind rather than
one per document and person."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from rightsmonitor.store import DocumentStore

__all__ = ["DocumentFacts"]


class DocumentFacts:
    def __init__(self, store: DocumentStore) -> None:
        self.store = store
        self._units: dict[str, dict[str, str]] = {}
        self._facts: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._meta: dict[str, tuple[str | None, str | None]] = {}

    def load(
        self, documents: Collection[str], kinds: Iterable[str] = (), units: bool = True
    ) -> None:
        """Read in batches what is not read yet: the documents' date and language, their
        units (``units``) and their facts of ``kinds``."""
        missing = [d for d in documents if d not in self._meta]
        if missing:
            self._meta.update(self.store.meta(missing))
        if units:
            missing = [d for d in documents if d not in self._units]
            if missing:
                self._units.update(self.store.unit_texts_of(missing))
        for kind in kinds:
            missing = [d for d in documents if (d, kind) not in self._facts]
            if missing:
                found = self.store.fact_rows_of(kind, missing)
                for doc in missing:
                    self._facts[(doc, kind)] = found.get(doc, [])

    def units(self, document: str) -> dict[str, str]:
        """Unit id → text, in document order."""
        if document not in self._units:
            self.load([document])
        return self._units[document]

    def facts(self, document: str, kind: str) -> list[dict[str, Any]]:
        if (document, kind) not in self._facts:
            self.load([document], (kind,), units=False)
        return self._facts[(document, kind)]

    def date(self, document: str) -> str | None:
        if document not in self._meta:
            self.load([document], units=False)
        return self._meta.get(document, (None, None))[0]

    def language(self, document: str) -> str | None:
        if document not in self._meta:
            self.load([document], units=False)
        return self._meta.get(document, (None, None))[1]
