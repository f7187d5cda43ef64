"""Scale benchmark of the registry as a system of record (issue #10).

A registry of N documents is built in a temporary SQLite database: the bundled examples,
ingested for real, and N − 4 synthetic statements, each naming four persons drawn (with a few
famous ones named often) from the realistic name generator of ``registry_bench``, written in
the convention of one EU language, and one country (Kazakhstan for one in ten). The
registry is resolved once. Then the user's operations are timed at that size: adding one
real document (the seed resolution, extraction included, and its resolution alone; the median
of three additions), opening
a case by name, listing recommendations, and writing the Kazakhstan brief. One unshown run
on a registry of four documents first loads what every size shares (dictionaries, templates,
the chart library), so the rows compare sizes, not start-up.
"""

from __future__ import annotations

import hashlib
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from rightsmonitor.service.brief import write_brief
from rightsmonitor.service.cases import person_case
from rightsmonitor.service.documents import PARSER_VERSION, Library, parse_bytes
from rightsmonitor.service.recommendations import recommendations
from rightsmonitor.service.registry_bench import synthetic_names, write_name

__all__ = ["StoreBenchRow", "store_benchmark"]

_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_REAL = (
    "statement-2021.en.txt",
    "statement-2021.ru.txt",
    "RC-B10-0249-2025_EN.html",
    "B-9-2024-0199.pdf",
)
_ADDED = "ep-2021-kazakhstan-oj-c465-15.pl.txt"  # the document added at each size
_ADDS = 3  # it is added this many times (as new documents); the median is reported
_COUNTRIES = ("BY", "AZ", "RU", "GE", "KG", "TJ", "UZ", "TM", "AM")
_TEMPLATE = (
    "Statement on the detention of human rights defenders\n\n"
    "We are alarmed by the detention of four human rights defenders this month.\n\n"
    "We call on the authorities to release them immediately and unconditionally.\n"
)
_CONVENTIONS = ("pl", "en", "de", "fr", "ru")


@dataclass(frozen=True)
class StoreBenchRow:
    documents: int
    persons: int
    build_seconds: float  # synthetic documents stored and the registry resolved once
    add_seconds: float  # one real document ingested: read, extracted, stored, resolved
    resolve_seconds: float  # of which resolution
    case_seconds: float
    recommendations_seconds: float
    report_seconds: float
    database_mb: float


def _person(name: str, n: int) -> dict[str, object]:
    return {
        "aliases": [],
        "gender": None,
        "id": f"person-{n}",
        "mentions": [{"end": 1, "norm": name, "start": 0, "text": name, "unit": "p1"}],
        "name": name,
        "roles": ["human rights defender"],
    }


def _fill(library: Library, count: int, seed: int) -> None:
    """Store ``count`` synthetic statements (one transaction each, as ingestion does)."""
    rng = random.Random(seed)
    names = synthetic_names(rng, max(50, count // 2))
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(names))]
    read, parsed = parse_bytes(_TEMPLATE.encode(), "statement.txt", "en")
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(count):
        data = _TEMPLATE.encode() + f"\n{i}\n".encode()
        sha = hashlib.sha256(data).hexdigest()
        convention = _CONVENTIONS[i % len(_CONVENTIONS)]
        chosen = sorted(set(rng.choices(range(len(names)), weights, k=4)))
        rows = [
            (
                f"persons/person-{p}",
                "persons",
                "persons.bench",
                json.dumps(_person(write_name(names[p], convention), p), ensure_ascii=False),
            )
            for p in chosen
        ]
        country = "KZ" if i % 10 == 0 else _COUNTRIES[i % len(_COUNTRIES)]
        place = {"country": country, "id": "place-1", "kind": "country", "mentions": []}
        rows.append(("places/place-1", "places", "places.bench", json.dumps(place)))
        now = (start + timedelta(minutes=i)).isoformat(timespec="seconds")
        library.documents.add(
            sha, data, f"synthetic-{i}.txt", read, parsed, PARSER_VERSION, now, rows
        )


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _one(size: int, seed: int, folder: Path) -> StoreBenchRow:
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / f"bench-{size}.sqlite"
    with Library(f"sqlite:///{database}") as library:
        start = time.perf_counter()
        real = [_EXAMPLES / name for name in _REAL[: min(size, len(_REAL))]]
        library.ingest_paths(real)
        _fill(library, size - len(real), seed)
        library.registry.rebuild()
        build = time.perf_counter() - start
        resolving: list[float] = []
        original = library.registry.update

        def update(documents: Iterable[str]) -> dict[str, int]:
            began = time.perf_counter()
            try:
                return original(list(documents))
            finally:
                resolving.append(time.perf_counter() - began)

        library.registry.update = update  # type: ignore[method-assign]
        adding = []
        for n in range(_ADDS):  # the seed, with n more blank lines: a new document each time
            added = folder / f"added-{n}-{_ADDED}"
            added.write_bytes((_EXAMPLES / _ADDED).read_bytes() + b"\n" * n)
            adding.append(_timed(partial(library.ingest_paths, [added])))
        persons = library.registry.counts()["persons"]

        def case() -> None:
            hits = library.registry.find("Ałmat Żumagułow", ("persons",))
            person_case(library, str(hits[0]["id"]))

        case_s = _timed(case)
        recs = _timed(lambda: recommendations(library))
        out = folder / f"brief-{size}.html"
        report = _timed(lambda: write_brief(library, "kz", out, "html"))
    return StoreBenchRow(
        size,
        persons,
        build,
        statistics.median(adding),
        statistics.median(resolving),
        case_s,
        recs,
        report,
        database.stat().st_size / 1e6,
    )


def store_benchmark(
    sizes: Iterable[int],
    seed: int = 7,
    progress: Callable[[StoreBenchRow], None] | None = None,
) -> list[StoreBenchRow]:
    rows: list[StoreBenchRow] = []
    with tempfile.TemporaryDirectory(prefix="rightsmonitor-bench-") as tmp:
        _one(len(_REAL), seed, Path(tmp) / "warm")  # dictionaries, templates, fonts: loaded once
        for size in sizes:
            row = _one(size, seed, Path(tmp))
            rows.append(row)
            if progress:
                progress(row)
    return rows
