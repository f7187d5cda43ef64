"""Start-up benchmark (issue #12): wall time of whole processes, start-up included.

Two comparisons, each against the floor it cannot beat: ``rightsmonitor --help`` against
``python -c 'import click'``, and ``rightsmonitor extract`` of a text against a bare morfeusz2
analysis of the same text. Runs are interleaved (one of each, N times) so that a busy machine
slows both sides alike; the median is kept.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rightsmonitor.errors import RightsMonitorError

__all__ = ["BARE_MORFEUSZ", "StartupRow", "startup_benchmark"]

# the floor of a Polish extraction: start Python, load morfeusz2's dictionary, analyse the text
BARE_MORFEUSZ = (
    "import sys, morfeusz2; "
    "morfeusz2.Morfeusz(expand_tags=False).analyse(open(sys.argv[1], encoding='utf-8').read())"
)


@dataclass(frozen=True)
class StartupRow:
    """One comparison: our command against its floor, medians in seconds."""

    name: str
    ours: str  # the command as a user types it
    floor: str
    ours_seconds: float
    floor_seconds: float
    target: float  # the ratio to stay within

    @property
    def ratio(self) -> float:
        return self.ours_seconds / self.floor_seconds if self.floor_seconds else float("inf")

    @property
    def met(self) -> bool:
        return self.ratio <= self.target


def _program() -> list[str]:
    """How to start rightsmonitor: the installed script beside this Python, else ``-m``."""
    script = Path(sys.executable).with_name("rightsmonitor")
    if script.exists():
        return [str(script)]
    found = shutil.which("rightsmonitor")
    return [found] if found else [sys.executable, "-m", "rightsmonitor"]


def _seconds(argv: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, check=False, timeout=300)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["?"])[-1]
        raise RightsMonitorError(f"exit status {done.returncode}: {last}", source=" ".join(argv))
    return elapsed


def startup_benchmark(text: Path, runs: int = 5) -> list[StartupRow]:
    """Median wall time of ``runs`` runs of each command (after one unmeasured warm-up run)."""
    if runs < 1:
        raise RightsMonitorError("give at least one run", source="--runs")
    if not text.is_file():
        raise RightsMonitorError("no such file", source=str(text))
    program = _program()
    shown = "rightsmonitor" if len(program) == 1 else "python -m rightsmonitor"
    commands = {
        "click": [sys.executable, "-c", "import click"],
        "help": [*program, "--help"],
        "morfeusz": [sys.executable, "-c", BARE_MORFEUSZ, str(text)],
        "extract": [*program, "extract", str(text)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the file cache and the bytecode
        _seconds(argv)
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(_seconds(argv))
    median = {name: statistics.median(found) for name, found in times.items()}
    return [
        StartupRow(
            "--help",
            f"{shown} --help",
            "python -c 'import click'",
            median["help"],
            median["click"],
            3.0,
        ),
        StartupRow(
            "extract",
            f"{shown} extract TEXT",
            "bare morfeusz2 analysis of TEXT",
            median["extract"],
            median["morfeusz"],
            4.0,
        ),
    ]
