"""One command line (issue #12): fast start, text by default and --json everywhere, global
options before or after the command, unknown formats refused, plurals, data found or named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from rightsmonitor.cli import cli
from rightsmonitor.cli.common import plural
from tests.conftest import EXAMPLES, SEED_NAME
from tests.test_cli import run

HEAVY = ("sqlalchemy", "alembic", "pypdf", "matplotlib", "reportlab", "rightsmonitor.service")


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["report", "--help"]])
def test_help_and_version_import_nothing_heavy(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "rightsmonitor", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert not {m for m in imported if m.split(".")[0] in HEAVY or m in HEAVY}


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.extend(_commands(command, f"{prefix}{name} "))
        else:
            found.append((prefix + name, command))
    return found


@pytest.mark.parametrize("name", [n for n, _c in _commands(cli)])
def test_every_command_takes_json_and_the_global_options(name: str) -> None:
    command = dict(_commands(cli))[name]
    options = {o for p in command.params if isinstance(p, click.Option) for o in p.opts}
    assert {"--db", "--user", "--debug", "--json"} <= options, name


def test_global_options_after_the_command(tmp_path: Path) -> None:
    db = tmp_path / "after.sqlite"
    seed = str(EXAMPLES / SEED_NAME)
    result = run("ingest", seed, "--db", str(db), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == 1 and db.exists()
    listed = run("documents", "--json", "--db", str(db))
    assert [d["source_name"] for d in json.loads(listed.stdout)] == [SEED_NAME]
    bad_user = run("resolve", "--db", str(db), "--user", "a\tb")
    assert bad_user.returncode == 1 and "error:" in bad_user.stderr


def test_parse_and_extract_print_text_by_default() -> None:
    seed = str(EXAMPLES / SEED_NAME)
    parsed = run("parse", seed)
    assert parsed.returncode == 0 and parsed.stdout.startswith(SEED_NAME)
    assert "  paragraphs: 27 (1–27)" in parsed.stdout
    assert json.loads(run("parse", seed, "--json").stdout)["meta"]["date"] == "2021-02-11"


@pytest.mark.parametrize(
    ("out", "extra", "message"),
    [
        ("brief.docx", [], "unknown format '.docx'"),
        ("brief.pdf", ["--format", "html"], "names a pdf file but --format is html"),
    ],
)
def test_report_refuses_unknown_or_contradictory_formats(
    tmp_path: Path, out: str, extra: list[str], message: str
) -> None:
    db = tmp_path / "r.sqlite"
    result = run("report", "--country", "KZ", "--out", str(tmp_path / out), *extra, db=db)
    assert result.returncode == 2 and message in result.stderr
    assert not (tmp_path / out).exists()


@pytest.mark.parametrize(
    ("count", "word", "many", "expected"),
    [
        (1, "document", None, "1 document"),
        (2, "document", None, "2 documents"),
        (0, "watch", "watches", "0 watches"),
        (1, "new match", "new matches", "1 new match"),
    ],
)
def test_plurals(count: int, word: str, many: str | None, expected: str) -> None:
    assert plural(count, word, many) == expected


def test_watch_kinds_are_the_services() -> None:
    from rightsmonitor.cli.main import WATCH_KINDS
    from rightsmonitor.service import WATCH_KINDS as SERVICE_KINDS

    assert WATCH_KINDS == SERVICE_KINDS


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["eval-names"], "evaluation data not found: eval/names/variants.json"),
        (["eval-persons"], "RIGHTSMONITOR_EVAL"),
        (["eval", "--gold", "."], "corpus folder not found: ../shared/corpus"),
    ],
)
def test_evaluation_data_missing_is_a_clear_usage_error(
    tmp_path: Path, args: list[str], said: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RIGHTSMONITOR_")}
    done = subprocess.run(
        [sys.executable, "-m", "rightsmonitor", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and said in done.stderr


def test_bench_startup_reports_both_ratios() -> None:
    done = run("bench-startup", "--runs", "1", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["name"] for r in rows] == ["--help", "extract"]
    assert all(r["ours_seconds"] > 0 and r["floor_seconds"] > 0 and r["ratio"] > 0 for r in rows)
    assert [r["target"] for r in rows] == [3.0, 4.0]
