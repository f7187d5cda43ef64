"""L3 use cases: the only layer that combines readers, parsers and the store."""

from rightsmonitor.service.bench import BenchRow, benchmark
from rightsmonitor.service.documents import (
    PARSER_VERSION,
    IngestOutcome,
    IngestReport,
    Library,
    parse_bytes,
    parse_file,
    read_file_bytes,
)
from rightsmonitor.store import DocumentRecord

__all__ = [
    "PARSER_VERSION",
    "BenchRow",
    "DocumentRecord",
    "IngestOutcome",
    "IngestReport",
    "Library",
    "benchmark",
    "parse_bytes",
    "parse_file",
    "read_file_bytes",
]
