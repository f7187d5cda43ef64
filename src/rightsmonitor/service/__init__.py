"""L3 use cases: the only layer that combines readers, parsers and the store."""

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
    parse_bytes,
    parse_file,
    read_file_bytes,
)
from rightsmonitor.service.evaluation import Score, evaluate
from rightsmonitor.service.events_eval import EventScore, evaluate_events
from rightsmonitor.service.facts import extraction_json
from rightsmonitor.service.names_eval import NameEval, evaluate_names
from rightsmonitor.service.persons_eval import PersonScore, evaluate_persons
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
    "store_benchmark",
    "synthetic_records",
    "write_brief",
]
