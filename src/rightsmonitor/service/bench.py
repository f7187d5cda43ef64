"""Benchmark: words per second for reading + repair + structure over a set of files."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from rightsmonitor.extract import extract_document
from rightsmonitor.ingest import read_bytes
from rightsmonitor.parse import parse_read_text

__all__ = ["BenchRow", "benchmark"]

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class BenchRow:
    name: str
    words: int
    seconds: float  # best of ``repeat`` warm runs
    cold_seconds: float  # the first run in this process (lexicon caches empty for this file)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def benchmark(paths: list[Path], repeat: int = 3, extract: bool = False) -> list[BenchRow]:
    """``extract``: also run every extractor (the whole pipeline), not only read + structure."""
    rows: list[BenchRow] = []
    for path in paths:
        data = path.read_bytes()
        t0 = time.perf_counter()
        parsed = parse_read_text(read_bytes(data, path.name))
        if extract:
            extract_document(parsed)
        cold = time.perf_counter() - t0
        words = len(_WORD.findall(parsed.text))
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            doc = parse_read_text(read_bytes(data, path.name))
            if extract:
                extract_document(doc)
            best = min(best, time.perf_counter() - t0)
        rows.append(BenchRow(path.name, words, best, cold))
    return rows
