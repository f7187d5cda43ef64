"""Extraction results as plain JSON: for the CLI, the API and the store (one shape)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from rightsmonitor.model import FACT_KINDS, Extraction, fact_id

__all__ = ["extraction_json", "fact_rows"]


def extraction_json(found: Extraction) -> dict[str, Any]:
    out: dict[str, Any] = {kind: [asdict(x) for x in getattr(found, kind)] for kind in FACT_KINDS}
    out["extractors"] = dict(found.extractors)
    return out


def fact_rows(found: Extraction) -> list[tuple[str, str, str, str]]:
    """(id, kind, extractor, JSON) for every fact; ids are deterministic."""
    data = extraction_json(found)
    rows: list[tuple[str, str, str, str]] = []
    for kind in FACT_KINDS:
        extractor = found.extractors.get(kind, f"{kind}.v1")
        for n, item in enumerate(data[kind]):
            payload = json.dumps(item, ensure_ascii=False, sort_keys=True)
            fid = item.get("id") or fact_id(kind[:4], kind, str(n), payload)
            rows.append((f"{kind}/{fid}", kind, extractor, payload))
    return rows
