"""L3 use cases: the only layer that combines readers, parsers and the store.

Names are imported on first use (PEP 562), so that a command which needs only reading and
extraction does not load the store (SQLAlchemy, Alembic), the brief (matplotlib, ReportLab)
or the registry, and ``rightsmonitor --help`` loads none of them.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rightsmonitor.extract import extract_document as extract_document_facts
    from rightsmonitor.service.bench import BenchRow, benchmark
    from rightsmonitor.service.brief import country_brief, write_brief
    from rightsmonitor.service.cases import organisation_case, person_case, set_status
    from rightsmonitor.service.diff import diff_documents, find_document
    from rightsmonitor.service.documents import (
        PARSER_VERSION,
        IngestOutcome,
        IngestReport,
        Library,
    )
    from rightsmonitor.service.evaluation import Score, evaluate
    from rightsmonitor.service.events_eval import EventScore, evaluate_events
    from rightsmonitor.service.facts import extraction_json
    from rightsmonitor.service.names_eval import NameEval, evaluate_names
    from rightsmonitor.service.persons_eval import PersonScore, evaluate_persons
    from rightsmonitor.service.reading import parse_bytes, parse_file, read_file_bytes
    from rightsmonitor.service.recommendations import (
        REC_STATUSES,
        recommendations,
        set_recommendation_status,
    )
    from rightsmonitor.service.registry import (
        Registry,
        UnknownEntityError,
        check_user,
        current_user,
    )
    from rightsmonitor.service.registry_bench import registry_benchmark, synthetic_records
    from rightsmonitor.service.startup_bench import StartupRow, startup_benchmark
    from rightsmonitor.service.status_eval import evaluate_statuses
    from rightsmonitor.service.store_bench import StoreBenchRow, store_benchmark
    from rightsmonitor.service.watches import WATCH_KINDS, Watches
    from rightsmonitor.store import DocumentRecord

__all__ = [
    "PARSER_VERSION",
    "REC_STATUSES",
    "WATCH_KINDS",
    "BenchRow",
    "DocumentRecord",
    "EventScore",
    "IngestOutcome",
    "IngestReport",
    "Library",
    "NameEval",
    "PersonScore",
    "Registry",
    "Score",
    "StartupRow",
    "StoreBenchRow",
    "UnknownEntityError",
    "Watches",
    "benchmark",
    "check_user",
    "country_brief",
    "current_user",
    "diff_documents",
    "evaluate",
    "evaluate_events",
    "evaluate_names",
    "evaluate_persons",
    "evaluate_statuses",
    "extract_document_facts",
    "extraction_json",
    "find_document",
    "organisation_case",
    "parse_bytes",
    "parse_file",
    "person_case",
    "read_file_bytes",
    "recommendations",
    "registry_benchmark",
    "set_recommendation_status",
    "set_status",
    "startup_benchmark",
    "store_benchmark",
    "synthetic_records",
    "write_brief",
]

# name -> (module, relative to this package when it starts with a dot; attribute)
_WHERE: dict[str, tuple[str, str]] = {
    "BenchRow": (".bench", "BenchRow"),
    "DocumentRecord": ("rightsmonitor.store", "DocumentRecord"),
    "EventScore": (".events_eval", "EventScore"),
    "IngestOutcome": (".documents", "IngestOutcome"),
    "IngestReport": (".documents", "IngestReport"),
    "Library": (".documents", "Library"),
    "NameEval": (".names_eval", "NameEval"),
    "PARSER_VERSION": (".documents", "PARSER_VERSION"),
    "PersonScore": (".persons_eval", "PersonScore"),
    "REC_STATUSES": (".recommendations", "REC_STATUSES"),
    "Registry": (".registry", "Registry"),
    "Score": (".evaluation", "Score"),
    "StartupRow": (".startup_bench", "StartupRow"),
    "StoreBenchRow": (".store_bench", "StoreBenchRow"),
    "UnknownEntityError": (".registry", "UnknownEntityError"),
    "WATCH_KINDS": (".watches", "WATCH_KINDS"),
    "Watches": (".watches", "Watches"),
    "benchmark": (".bench", "benchmark"),
    "check_user": (".registry", "check_user"),
    "country_brief": (".brief", "country_brief"),
    "current_user": (".registry", "current_user"),
    "diff_documents": (".diff", "diff_documents"),
    "evaluate": (".evaluation", "evaluate"),
    "evaluate_events": (".events_eval", "evaluate_events"),
    "evaluate_names": (".names_eval", "evaluate_names"),
    "evaluate_persons": (".persons_eval", "evaluate_persons"),
    "evaluate_statuses": (".status_eval", "evaluate_statuses"),
    "extract_document_facts": ("rightsmonitor.extract", "extract_document"),
    "extraction_json": (".facts", "extraction_json"),
    "find_document": (".diff", "find_document"),
    "organisation_case": (".cases", "organisation_case"),
    "parse_bytes": (".reading", "parse_bytes"),
    "parse_file": (".reading", "parse_file"),
    "person_case": (".cases", "person_case"),
    "read_file_bytes": (".reading", "read_file_bytes"),
    "recommendations": (".recommendations", "recommendations"),
    "registry_benchmark": (".registry_bench", "registry_benchmark"),
    "set_recommendation_status": (".recommendations", "set_recommendation_status"),
    "set_status": (".cases", "set_status"),
    "startup_benchmark": (".startup_bench", "startup_benchmark"),
    "store_benchmark": (".store_bench", "store_benchmark"),
    "synthetic_records": (".registry_bench", "synthetic_records"),
    "write_brief": (".brief", "write_brief"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), attribute)
    globals()[name] = value  # once imported, a plain module attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """Keeps a name that is both a function and a submodule ('recommendations') the function,
    as the eager imports did: importing the submodule must not hide the function."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _WHERE and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
