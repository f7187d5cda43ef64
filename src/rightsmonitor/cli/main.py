"""The ``rightsmonitor`` command. Thin: every command calls ``service`` and prints."""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from rightsmonitor import __version__
from rightsmonitor.cli.render import (
    document_json,
    documents_table,
    extraction_summary,
    parsed_summary,
)
from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.service import (
    IngestOutcome,
    Library,
    benchmark,
    evaluate,
    extract_document_facts,
    extraction_json,
    parse_file,
)
from rightsmonitor.settings import resolve_database_url

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])
_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _library(ctx: click.Context) -> Library:
    library = Library(resolve_database_url(ctx.obj["db"]))
    ctx.call_on_close(library.close)
    return library


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    metavar="PATH_OR_URL",
    help="Database: a SQLite file path or a URL "
    "(default: $RIGHTSMONITOR_DATABASE_URL, else a SQLite file in the user data folder).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.version_option(__version__, prog_name="rightsmonitor")
@click.pass_context
def cli(ctx: click.Context, db: str | None, debug: bool) -> None:
    """Read human-rights resolutions and the documents around them."""
    ctx.ensure_object(dict)
    ctx.obj.update(db=db, debug=debug)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the structure as JSON.")
@click.option("--summary", is_flag=True, help="Print a short human-readable summary.")
@click.option("--language", metavar="CODE", help="Language of the document (default: detected).")
def parse(file: Path, as_json: bool, summary: bool, language: str | None) -> None:
    """Read FILE (text, HTML or PDF), repair it and print its structure."""
    parsed = parse_file(file, language)
    for warning in parsed.warnings:
        click.echo(f"warning: {file}: {warning}", err=True)
    if as_json or not summary:
        click.echo(json.dumps(document_json(parsed), ensure_ascii=False, indent=2))
    else:
        click.echo(parsed_summary(file.name, parsed))


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print every fact as JSON (the default).")
@click.option("--summary", is_flag=True, help="Print a short human-readable summary.")
@click.option("--language", metavar="CODE", help="Language of the document (default: detected).")
def extract(file: Path, as_json: bool, summary: bool, language: str | None) -> None:
    """Persons, organisations, provisions, places, dates, quantities, events and calls in FILE."""
    parsed = parse_file(file, language)
    data = extraction_json(extract_document_facts(parsed))
    if summary and not as_json:
        click.echo(extraction_summary(file.name, data))
    else:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.command(name="eval")
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("eval/gold"),
    show_default=True,
    help="Folder of gold JSON files.",
)
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Root the gold files' document paths are relative to "
    "(default: $RIGHTSMONITOR_CORPUS or ../shared/corpus).",
)
@click.option("--errors", is_flag=True, help="Also list the misses and false hits per type.")
def evaluate_cmd(gold_dir: Path, corpus: Path | None, errors: bool) -> None:
    """Precision and recall per fact type against hand-made gold files."""
    root = corpus or Path(os.environ.get("RIGHTSMONITOR_CORPUS", "../shared/corpus"))
    scores = evaluate(gold_dir, root)
    click.echo(f"{'type':24} {'precision':>9} {'recall':>7} {'predicted':>10} {'gold':>6}")
    for kind, sc in scores.items():
        click.echo(f"{kind:24} {sc.precision:9.3f} {sc.recall:7.3f} {sc.pred:10d} {sc.gold:6d}")
        if errors:
            click.echo(f"  missed: {'; '.join(sc.misses[:30])}")
            click.echo(f"  false:  {'; '.join(sc.extras[:30])}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--language", metavar="CODE", help="Language of the documents (default: detected).")
@click.pass_context
def ingest(ctx: click.Context, files: tuple[Path, ...], language: str | None) -> None:
    """Store FILES (original bytes, repaired text, structure) in the database."""
    library = _library(ctx)
    lines: list[str] = []

    def note(outcome: IngestOutcome) -> None:
        if outcome.status == "failed":
            lines.append(f"error: {outcome.source}: {outcome.message}")
        elif outcome.status == "exists":
            lines.append(
                f"skipped: {outcome.source}: {outcome.message} ({(outcome.document_id or '')[:12]})"
            )
        else:
            lines.extend(f"warning: {outcome.source}: {w}" for w in outcome.warnings)

    show_bar = len(files) > 1 and sys.stderr.isatty()
    with click.progressbar(
        length=len(files), label="Ingesting", file=sys.stderr, hidden=not show_bar
    ) as bar:

        def progress(outcome: IngestOutcome) -> None:
            note(outcome)
            bar.update(1)

        report = library.ingest_paths(files, language, progress)
    for line in lines:
        click.echo(line, err=True)
    click.echo(
        f"{report.count('added')} added, {report.count('exists')} already present, "
        f"{report.count('failed')} failed ({len(files)} files)"
    )
    if report.count("failed"):
        ctx.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def documents(ctx: click.Context, as_json: bool) -> None:
    """List the documents in the database."""
    records = _library(ctx).list_documents()
    if as_json:
        click.echo(
            json.dumps(
                [r.__dict__ | {"references": list(r.references)} for r in records],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        click.echo(documents_table(records))


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--repeat", default=3, show_default=True, help="Warm runs per file (best is kept).")
@click.option(
    "--extract", "with_extract", is_flag=True, help="Time the whole pipeline, extraction included."
)
def bench(files: tuple[Path, ...], repeat: int, with_extract: bool) -> None:
    """Words per second for reading + repair + structure (default: the bundled examples)."""
    paths = sorted(files) if files else sorted(p for p in _EXAMPLES.iterdir() if p.is_file())
    rows = benchmark(list(paths), repeat, with_extract)
    click.echo(f"{'file':48} {'words':>7} {'pass s':>8} {'best s':>8} {'pass w/s':>10}")
    for r in rows:
        rate = r.words / r.pass_seconds if r.pass_seconds else 0
        click.echo(
            f"{r.name[:48]:48} {r.words:7d} {r.pass_seconds:8.3f} {r.seconds:8.3f} {rate:10.0f}"
        )
    words = sum(r.words for r in rows)
    one_pass = sum(r.pass_seconds for r in rows)
    best = sum(r.seconds for r in rows)
    click.echo(
        f"{'TOTAL':48} {words:7d} {one_pass:8.3f} {best:8.3f} "
        f"{words / one_pass if one_pass else 0:10.0f}"
    )
    click.echo(
        f"one pass over new files: {words / one_pass if one_pass else 0:.0f} words/s; "
        f"best of {repeat} repeats: {words / best if best else 0:.0f} words/s; "
        f"loading the dictionaries: {rows[0].cold_seconds if rows else 0:.2f} s once "
        f"(one process, one core; cpu count {os.cpu_count()})"
    )


def main(argv: list[str] | None = None) -> None:
    """Entry point: user errors become one line on stderr; tracebacks only with --debug."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        code = cli.main(args=args, prog_name="rightsmonitor", standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except RightsMonitorError as exc:
        if debug:
            traceback.print_exc()
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:
        if debug:
            raise
        click.echo(
            f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True
        )
        sys.exit(70)
