"""Benchmark: words per second for reading + repair + structure (and extraction) over files.

Three figures per file: ``cold`` (the first run in the process, dictionaries loading),
``pass`` (each file seen once, after the dictionaries were loaded on a small unrelated text —
what a long ingest of new documents sees) and ``best`` (best of ``repeat`` further runs).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from rightsmonitor.extract import extract_document
from rightsmonitor.ingest import read_bytes
from rightsmonitor.nlp import preload
from rightsmonitor.parse import parse_read_text

__all__ = ["BenchRow", "benchmark"]

_WORD = re.compile(r"\w+")
# loads morfeusz2, wordfreq and the language data before timing (synthetic, not from the corpus)
_WARM_UP = {
    "pl": "Parlament Europejski,\n\n— uwzględniając rezolucje,\n\nA. mając na uwadze, że Jan Nowak "
    "został zatrzymany 1 maja 2020 r.;\n\n1. wzywa rząd do uwolnienia Jana Nowaka.\n",
    "en": "The European Parliament,\n\n– having regard to its resolutions,\n\nA. whereas John "
    "Smith was detained on 1 May 2020;\n\n1. Calls on the government to release John Smith.\n",
}


@dataclass(frozen=True)
class BenchRow:
    name: str
    words: int
    seconds: float  # best of ``repeat`` runs
    cold_seconds: float  # loading the dictionaries, once per process (the same in every row)
    pass_seconds: float = 0.0  # the file seen for the first time, dictionaries loaded

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _run(data: bytes, name: str, extract: bool) -> tuple[float, int]:
    t0 = time.perf_counter()
    doc = parse_read_text(read_bytes(data, name))
    if extract:
        extract_document(doc)
    return time.perf_counter() - t0, len(_WORD.findall(doc.text))


def benchmark(paths: list[Path], repeat: int = 3, extract: bool = False) -> list[BenchRow]:
    """``extract``: also run every extractor (the whole pipeline), not only read + structure."""
    datas = [(p.name, p.read_bytes()) for p in paths]
    started = time.perf_counter()  # the dictionaries load here, on text unrelated to the files
    for code, text in _WARM_UP.items():
        preload(code)  # morfeusz2 and the word lists load once per process
        _run(text.encode("utf-8"), "warm-up.txt", extract)
    loading = time.perf_counter() - started
    first_pass: dict[str, tuple[float, int]] = {}
    for name, data in datas:
        first_pass[name] = _run(data, name, extract)
    rows: list[BenchRow] = []
    for name, data in datas:
        best = min(_run(data, name, extract)[0] for _ in range(max(repeat, 1)))
        seconds, words = first_pass[name]
        rows.append(BenchRow(name, words, best, loading, seconds))
    return rows
