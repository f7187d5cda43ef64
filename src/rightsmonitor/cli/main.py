"""The ``rightsmonitor`` command. Thin: every command calls ``service`` and prints."""

from __future__ import annotations

import json
import os
import re
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
    WATCH_KINDS,
    IngestOutcome,
    Library,
    UnknownEntityError,
    Watches,
    benchmark,
    check_user,
    current_user,
    diff_documents,
    evaluate,
    evaluate_events,
    evaluate_names,
    evaluate_persons,
    evaluate_statuses,
    extract_document_facts,
    extraction_json,
    organisation_case,
    parse_file,
    person_case,
    recommendations,
    registry_benchmark,
    set_recommendation_status,
    set_status,
    store_benchmark,
    write_brief,
)
from rightsmonitor.settings import resolve_database_url

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])
_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _user(ctx: click.Context) -> str:
    """The acting user, checked before anything is written."""
    return check_user(str(ctx.obj["user"]))


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
@click.option(
    "--user",
    metavar="NAME",
    help="Who is acting, for the audit log (default: $RIGHTSMONITOR_USER, else $USER).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.version_option(__version__, prog_name="rightsmonitor")
@click.pass_context
def cli(ctx: click.Context, db: str | None, user: str | None, debug: bool) -> None:
    """Read human-rights resolutions and the documents around them."""
    ctx.ensure_object(dict)
    ctx.obj.update(db=db, debug=debug, user=check_user(user) if user else current_user())


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
@click.option(
    "--force", is_flag=True, help="Parse and extract documents already stored again (new version)."
)
@click.pass_context
def ingest(ctx: click.Context, files: tuple[Path, ...], language: str | None, force: bool) -> None:
    """Store FILES (original bytes, text, structure, facts) and update the registry."""
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

        report = library.ingest_paths(files, language, progress, force)
    for line in lines:
        click.echo(line, err=True)
    click.echo(
        f"{report.count('added')} added, {report.count('exists')} already present, "
        f"{report.count('failed')} failed ({len(files)} files)"
    )
    if report.registry:
        click.echo(
            f"registry: {report.registry.get('persons', 0)} persons, "
            f"{report.registry.get('organisations', 0)} organisations"
        )
    if report.count("added"):
        fired = [r for r in Watches(library).check(mark=False) if r.new]
        if fired:
            total = sum(len(r.new) for r in fired)
            click.echo(
                f"watches: {total} new matches for {len(fired)} watches (rightsmonitor watch check)"
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


def _entities(ctx: click.Context, kind: str, as_json: bool) -> None:
    rows = _library(ctx).registry.entities(kind)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for e in rows:
        aliases = ", ".join(a["name"] for a in e["aliases"])
        click.echo(
            f"{e['id']}  {e['name']}  ({len(e['documents'])} docs, {e['mentions']} mentions)"
            + (f"\n    aka {aliases}" if aliases else "")
        )
    click.echo(f"{len(rows)} {kind}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def persons(ctx: click.Context, as_json: bool) -> None:
    """List the persons of the registry, one per real person, with every spelling."""
    _entities(ctx, "persons", as_json)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def organisations(ctx: click.Context, as_json: bool) -> None:
    """List the organisations of the registry with their names and acronyms."""
    _entities(ctx, "organisations", as_json)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def review(ctx: click.Context, as_json: bool) -> None:
    """List candidate pairs of persons awaiting a curator's decision, with the reasons."""
    rows = _library(ctx).registry.review("persons")
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"{r['score']:.3f}  {r['a']} {r['a_name']}  ~  {r['b']} {r['b_name']}")
        click.echo(f"       {'; '.join(r['why'])}")
    click.echo(f"{len(rows)} pairs to review (decide with: rightsmonitor merge|distinct ID ID)")


def _entity_id(
    library: Library, text: str, kinds: tuple[str, ...] = ("persons", "organisations")
) -> str:
    """The id ``text`` stands for: an id (also one merged into another) or a name in any case,
    script or transliteration. No match, or several, is an error that lists the candidates."""
    hits = library.registry.find(text, kinds)
    if len(hits) == 1:
        return str(hits[0]["id"])
    if not hits:
        raise UnknownEntityError(
            f"no person or organisation is called or numbered {text!r} "
            "(see `rightsmonitor persons` and `rightsmonitor organisations`)",
            source=text,
        )
    listed = "; ".join(f"{h['id']} {h['name']}" for h in hits[:10])
    raise UnknownEntityError(f"{text!r} is ambiguous: {listed} (give an id)", source=text)


def _safe_out(out: Path, library: Library, force: bool) -> None:
    """An output path that is not the database, not a directory, and not an existing file
    unless ``force``."""
    if out.is_dir():
        raise click.UsageError(f"{out} is a directory: give a file name")
    database = library.database_path()
    if database is not None and out.resolve() == database.resolve():
        raise click.UsageError(f"{out} is the database: refusing to overwrite it")
    if out.exists() and not force:
        raise click.UsageError(f"{out} exists: give --force to overwrite it")


def _decided(counts: dict[str, int], what: str) -> None:
    click.echo(
        f"{what}; registry: {counts.get('persons', 0)} persons, "
        f"{counts.get('organisations', 0)} organisations"
    )


@cli.command()
@click.argument("first")
@click.argument("second")
@click.pass_context
def merge(ctx: click.Context, first: str, second: str) -> None:
    """Record that entities FIRST and SECOND are the same (kept across re-ingestion)."""
    library = _library(ctx)
    first, second = _entity_id(library, first), _entity_id(library, second)
    counts = library.registry.merge(first, second, _user(ctx))
    _decided(counts, f"merged {first} and {second}")


@cli.command()
@click.argument("first")
@click.argument("second")
@click.pass_context
def distinct(ctx: click.Context, first: str, second: str) -> None:
    """Record that entities FIRST and SECOND are different: never merged again."""
    library = _library(ctx)
    first, second = _entity_id(library, first), _entity_id(library, second)
    counts = library.registry.distinct(first, second, _user(ctx))
    _decided(counts, f"{first} and {second} kept apart")


@cli.command()
@click.argument("entity")
@click.pass_context
def split(ctx: click.Context, entity: str) -> None:
    """Split ENTITY back into one entity per document-level record."""
    library = _library(ctx)
    entity = _entity_id(library, entity)
    counts = library.registry.split(entity, _user(ctx))
    _decided(counts, f"split {entity}")


@cli.command()
@click.argument("entity")
@click.option("--wikidata", metavar="QID", help="The entity's Wikidata item (Q…).")
@click.option("--opensanctions", metavar="ID", help="The entity's OpenSanctions id.")
@click.pass_context
def identify(
    ctx: click.Context, entity: str, wikidata: str | None, opensanctions: str | None
) -> None:
    """Attach external identifiers to ENTITY (kept across re-ingestion, audited)."""
    given = {k: v for k, v in (("wikidata", wikidata), ("opensanctions", opensanctions)) if v}
    if not given:
        raise click.UsageError("give --wikidata or --opensanctions (or both)")
    library = _library(ctx)
    entity = _entity_id(library, entity)
    counts = library.registry.identify(entity, given, _user(ctx))
    _decided(counts, f"identified {entity}")


@cli.command()
@click.pass_context
def resolve(ctx: click.Context) -> None:
    """Run resolution again over every stored document and curator decision."""
    _decided(_library(ctx).registry.rebuild(), "resolved")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def audit(ctx: click.Context, as_json: bool) -> None:
    """Show the append-only log of curator decisions: who, when, what."""
    rows = _library(ctx).registry.audit()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        detail = json.dumps(r["detail"], ensure_ascii=False)
        click.echo(f"{r['at']}  {r['who']:12}  {r['action']:8}  {detail}")


@cli.command()
@click.argument("first")
@click.argument("second")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.pass_context
def diff(ctx: click.Context, first: str, second: str, as_json: bool) -> None:
    """What changed from FIRST to SECOND (document ids, id prefixes or ingested files)."""
    result = diff_documents(_library(ctx), first, second)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    persons, calls = result["persons"], result["calls"]
    for label, key in (("persons added", "added"), ("persons dropped", "dropped")):
        names = ", ".join(p["name"] for p in persons[key]) or "-"
        click.echo(f"{label}: {names}")
    click.echo(f"persons kept: {len(persons['kept'])}")
    click.echo(
        f"calls: {len(calls['new'])} new, {len(calls['repeated'])} repeated, "
        f"{len(calls['dropped'])} dropped"
    )
    for q in result["quantities"]["changed"]:
        click.echo(f"quantity: {q['from_text']} → {q['to_text']} ({q['counts']})")
    for s in result["status_changes"]:
        ev = s["evidence"]
        click.echo(f"status: {s['name']}: {s['from']} → {s['to']} ('{ev['text']}' in {ev['unit']})")


@cli.command()
@click.argument("entity")
@click.option("--json", "as_json", is_flag=True, help="Print the case file as JSON.")
@click.option("--set-status", "new_status", metavar="STATUS", help="A curator's status (audited).")
@click.option("--since", metavar="DATE", help="With --set-status: since when (YYYY-MM-DD).")
@click.option("--note", default="", help="With --set-status: why, for the audit log.")
@click.pass_context
def case(
    ctx: click.Context,
    entity: str,
    as_json: bool,
    new_status: str | None,
    since: str | None,
    note: str,
) -> None:
    """The case file of ENTITY: a person (status with its evidence, timeline, charges,
    sources) or an organisation (fines, suspensions, bans, designations, with sources)."""
    library = _library(ctx)
    entity = _entity_id(library, entity)
    if entity.startswith("O-"):
        _organisation_case(organisation_case(library, entity), as_json)
        return
    if new_status:
        result = set_status(library, entity, new_status, since, _user(ctx), note)
    else:
        result = person_case(library, entity)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    status = result["status"]
    click.echo(f"{result['name']} ({result['id']})")
    click.echo(
        f"  status: {status['current']} (as of {status['since'] or '?'})"
        + (" (set by a curator)" if status["override"] else "")
    )
    evidence = status["derived"]["evidence"]
    if evidence:
        click.echo(
            f"  derived from: '{evidence['sentence']}' ({evidence['document'][:12]} "
            f"{evidence['unit']})"
        )
    for e in result["timeline"]:
        when = e["date"] or f"(document of {e['document_date'] or '?'})"
        flag = " [demanded, not happened]" if e["demanded"] else ""
        click.echo(f"  {when}  {e['type']}{flag}: {e['text']} ({e['document'][:12]} {e['unit']})")
    for p in result["provisions"]:
        click.echo(f"  provision: {p['provision']}")
    if result["organisations"]:
        click.echo(f"  organisations: {', '.join(result['organisations'])}")
    click.echo(
        f"  {len(result['sources'])} mentions in "
        f"{len({s['document'] for s in result['sources']})} documents"
    )


def _organisation_case(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(f"{result['name']} ({result['id']})")
    for m in result["measures"]:
        flag = " [demanded, not happened]" if m["demanded"] else ""
        click.echo(
            f"  {m['date'] or '?'}  {m['type']}{flag}: '{m['sentence']}' "
            f"({m['document'][:12]} {m['unit']})"
        )
    click.echo(f"  {len(result['measures'])} measures, {len(result['sources'])} mentions")


@cli.command("recommendations")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option("--open", "only_open", is_flag=True, help="Only those still open.")
@click.option(
    "--set", "set_pair", nargs=2, metavar="ID STATUS", help="A curator's status (audited)."
)
@click.option("--note", default="", help="With --set: why, for the audit log.")
@click.pass_context
def recommendations_cmd(
    ctx: click.Context,
    as_json: bool,
    only_open: bool,
    set_pair: tuple[str, str] | None,
    note: str,
) -> None:
    """The Parliament's demands across documents: recurrence, status and its evidence."""
    library = _library(ctx)
    if set_pair:
        rows = [set_recommendation_status(library, set_pair[0], set_pair[1], _user(ctx), note)]
    else:
        rows = recommendations(library)
    if only_open:
        rows = [r for r in rows if r["status"] == "open"]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        target = r["target"] or ", ".join(r["addressees"]) or "-"
        years = ", ".join(r["years"]) or "?"
        click.echo(
            f"{r['id']}  {r['status']:22} {r['action']}: {target}  "
            f"(demanded {r['recurrence']}x: {years})"
        )
        for e in r["derived"]["evidence"][:1]:
            click.echo(f"    evidence: '{e['text']}' ({e['document'][:12]} {e['unit']})")
    click.echo(f"{len(rows)} recommendations")


@cli.command()
@click.option("--country", required=True, metavar="CODE", help="ISO 3166 country code, e.g. KZ.")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="Output file.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "pdf"]),
    default=None,
    help="html or pdf (default: from the file name, else html).",
)
@click.option(
    "--lang",
    "lang",
    type=click.Choice(["en", "pl"]),
    default="en",
    show_default=True,
    help="The brief's language: persons named as that language's documents write them.",
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@click.pass_context
def report(
    ctx: click.Context, country: str, out: Path, fmt: str | None, lang: str, force: bool
) -> None:
    """Write a country brief: counts, a chart, persons of concern, open recommendations."""
    fmt = fmt or ("pdf" if out.suffix.lower() == ".pdf" else "html")
    library = _library(ctx)
    _safe_out(out, library, force)
    brief = write_brief(library, country, out, fmt, lang)
    click.echo(f"wrote {out} ({fmt}): {brief['country_name']}")
    click.echo("  " + ", ".join(f"{k}: {v}" for k, v in brief["headline"].items()))
    click.echo(
        "  persons of concern by status: "
        + ", ".join(f"{s} {n}" for s, n in brief["by_status"].items())
    )


@cli.group()
def watch() -> None:
    """Saved watches that report new matching facts after each ingest."""


@watch.command("add")
@click.argument("kind", type=click.Choice(WATCH_KINDS))
@click.argument("target")
@click.option("--label", help="A name for the watch (default: what it watches).")
@click.pass_context
def watch_add(ctx: click.Context, kind: str, target: str, label: str | None) -> None:
    """Watch TARGET: a person or organisation id, a provision ('art. 405'), or a query."""
    library = _library(ctx)
    if kind in ("person", "organisation"):
        target = _entity_id(library, target, (f"{kind}s",))
    row = Watches(library).add(kind, target, _user(ctx), label)
    click.echo(f"watch {row.id} added: {row.label}")


@watch.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def watch_list(ctx: click.Context, as_json: bool) -> None:
    """List the saved watches."""
    rows = Watches(_library(ctx)).all()
    if as_json:
        click.echo(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"{r.id:4d}  {r.kind:12}  {r.label}  (by {r.who}, {r.created_at})")
    click.echo(f"{len(rows)} watches")


@watch.command("remove")
@click.argument("watch_id", type=int)
@click.pass_context
def watch_remove(ctx: click.Context, watch_id: int) -> None:
    """Delete watch WATCH_ID."""
    Watches(_library(ctx)).remove(watch_id)
    click.echo(f"watch {watch_id} removed")


@watch.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (for scripts and cron).")
@click.option("--peek", is_flag=True, help="Show new matches without marking them reported.")
@click.pass_context
def watch_check(ctx: click.Context, as_json: bool, peek: bool) -> None:
    """Report what each watch matches that it has not reported before; exit 0 either way."""
    reports = Watches(_library(ctx)).check(mark=not peek)
    if as_json:
        out = [
            {
                "watch": r.watch.id,
                "kind": r.watch.kind,
                "label": r.watch.label,
                "new": [h.__dict__ for h in r.new],
            }
            for r in reports
        ]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for r in reports:
        if r.new:
            click.echo(f"watch {r.watch.id} ({r.watch.label}): {len(r.new)} new")
            for h in r.new:
                click.echo(f"    {h.document[:12]} {h.unit}: {h.text}")
    click.echo(f"{sum(len(r.new) for r in reports)} new matches in {len(reports)} watches")


@cli.command("eval-names")
@click.option(
    "--gold",
    "gold_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("eval/names/variants.json"),
    show_default=True,
    help="The name-variant evaluation set.",
)
@click.option("--errors", is_flag=True, help="List the wrongly merged and the missed pairs.")
def eval_names(gold_file: Path, errors: bool) -> None:
    """Pairwise precision and recall of person-name matching on a hand-made variant set."""
    result = evaluate_names(gold_file)
    click.echo(f"{'people':>8} {'names':>6} {'pairs':>8} {'precision':>10} {'recall':>8} {'F1':>6}")
    click.echo(
        f"{result.people:8d} {result.names:6d} {result.pairs:8d} "
        f"{result.precision:10.3f} {result.recall:8.3f} {result.f1:6.3f}"
    )
    click.echo(
        f"hard negatives kept apart: {result.negatives_apart}/{result.negatives} "
        "(targets: precision >= 0.99, recall >= 0.97)"
    )
    if errors:
        for a, b in result.false_merges:
            click.echo(f"WRONGLY MERGED  {a}  |  {b}")
        for a, b in result.missed:
            click.echo(f"MISSED          {a}  |  {b}")


@cli.command("eval-persons")
@click.option(
    "--set",
    "folder",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("eval/persons/dev"),
    show_default=True,
    help="A folder of texts with person gold (eval/persons/dev; eval/persons/setaside is "
    "for final measurement only).",
)
@click.option("--language", default=None, help="Only the gold files of this language.")
@click.option("--errors", is_flag=True, help="List misses, false persons, merges and splits.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_persons(folder: Path, language: str | None, errors: bool, as_json: bool) -> None:
    """Persons scored as entities: one-to-one matching, merges and splits, nominatives."""
    result = evaluate_persons(folder, language)
    scores = result.as_dict()
    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        m, p, b3 = scores["mentions"], scores["persons"], scores["b_cubed"]
        click.echo(f"{folder} ({scores['documents']} documents)")
        click.echo(f"{'':18} {'precision':>10} {'recall':>8} {'system':>7} {'gold':>6}")
        for label, row in (("persons", p), ("mentions", m)):
            click.echo(
                f"{label:18} {row['precision']:10.3f} {row['recall']:8.3f} "
                f"{row['system']:7d} {row['gold']:6d}"
            )
        click.echo(f"{'B-cubed':18} {b3['precision']:10.3f} {b3['recall']:8.3f}")
        click.echo(f"right nominative   {scores['nominative']:.3f} of matched persons")
        click.echo(f"merges (two people in one record): {scores['merges']}")
        click.echo(f"splits (one person in two records): {scores['splits']}")
    if errors:
        for line in result.errors:
            click.echo(line)


@cli.command("eval-events")
@click.option(
    "--set",
    "folder",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("eval/events/dev"),
    show_default=True,
    help="A folder of texts with event, status and call gold (eval/events/setaside is for "
    "final measurement only).",
)
@click.option("--language", default=None, help="Only the gold files of this language.")
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Where gold files' corpus documents are (default: $RIGHTSMONITOR_CORPUS or "
    "../shared/corpus).",
)
@click.option("--errors", is_flag=True, help="List misses, false events, wrong statuses.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_events(
    folder: Path, language: str | None, corpus: Path | None, errors: bool, as_json: bool
) -> None:
    """Events (type and polarity), person statuses and call stances against hand-made gold."""
    root = corpus or Path(os.environ.get("RIGHTSMONITOR_CORPUS", "../shared/corpus"))
    result = evaluate_events(folder, root, language)
    scores = result.as_dict()
    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        e, s, c = scores["events"], scores["statuses"], scores["calls"]
        click.echo(f"{folder} ({scores['documents']} documents)")
        click.echo(
            f"events    precision {e['precision']:.3f}  recall {e['recall']:.3f}  "
            f"({e['system']} found, {e['gold']} in the gold); polarity right {e['polarity']:.3f}"
            f"; from substrings: {e['from_substrings']}"
        )
        click.echo(f"statuses  right {s['accuracy']:.3f} of {s['persons']} persons")
        click.echo(
            f"calls     found {c['recall']:.3f} of {c['gold']}; stance right {c['stance']:.3f}"
        )
    if errors:
        for line in result.errors:
            click.echo(line)


@cli.command("eval-statuses")
@click.option(
    "--gold",
    "gold_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("eval/statuses/seed-2021.json"),
    show_default=True,
    help="A hand-made file of person statuses in one document.",
)
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Where the gold's document is (default: $RIGHTSMONITOR_CORPUS or ../shared/corpus).",
)
@click.option("--errors", is_flag=True, help="List the persons whose status is wrong.")
def eval_statuses(gold_file: Path, corpus: Path | None, errors: bool) -> None:
    """How often the derived person status is right, against a hand-made gold file."""
    root = corpus or Path(os.environ.get("RIGHTSMONITOR_CORPUS", "../shared/corpus"))
    r = evaluate_statuses(gold_file, root)
    click.echo(f"{'persons':>8} {'accuracy':>9} {'known: precision':>17} {'recall':>7}")
    click.echo(f"{r.persons:8d} {r.accuracy:9.3f} {r.precision:17.3f} {r.recall:7.3f}")
    click.echo(
        f"(known = a status other than unknown: {r.known_gold} in the gold, "
        f"{r.known_predicted} predicted, {r.known_correct} right)"
    )
    if errors:
        for name, expected, got in r.errors:
            click.echo(f"WRONG  {name}: gold {expected}, ours {got}")


@cli.command("bench-store")
@click.option(
    "--sizes",
    default="10,1000",
    show_default=True,
    help="Comma-separated numbers of documents in the registry (100000 takes about 10 minutes).",
)
@click.option("--seed", default=7, show_default=True, help="Random seed of the generator.")
def bench_store(sizes: str, seed: int) -> None:
    """Time adding one document, `case`, `recommendations` and `report` at registry sizes."""
    counts = _sizes(sizes, minimum=4)
    click.echo(
        f"{'documents':>9} {'persons':>8} {'build s':>8} {'add s':>7} {'resolve s':>9} "
        f"{'case s':>7} {'recs s':>7} {'report s':>8} {'db MB':>7}"
    )

    def show(r: Any) -> None:
        click.echo(
            f"{r.documents:9d} {r.persons:8d} {r.build_seconds:8.1f} {r.add_seconds:7.2f} "
            f"{r.resolve_seconds:9.2f} {r.case_seconds:7.2f} {r.recommendations_seconds:7.2f} "
            f"{r.report_seconds:8.2f} {r.database_mb:7.0f}"
        )

    store_benchmark(counts, seed, show)
    click.echo(f"(SQLite, one process, one core; cpu count {os.cpu_count()})")


def _sizes(sizes: str, minimum: int = 1) -> list[int]:
    try:
        counts = [int(s) for s in sizes.split(",") if s.strip()]
    except ValueError as exc:
        raise click.BadParameter("a list of whole numbers", param_hint="--sizes") from exc
    if not counts or any(n < minimum for n in counts):
        raise click.BadParameter(
            f"give at least one size, each {minimum} or more", param_hint="--sizes"
        )
    return counts


@cli.command("bench-registry")
@click.option(
    "--sizes",
    default="10000,100000,1000000",
    show_default=True,
    help="Comma-separated numbers of synthetic mentions.",
)
@click.option("--seed", default=7, show_default=True, help="Random seed of the generator.")
def bench_registry(sizes: str, seed: int) -> None:
    """Time person resolution on synthetic mentions built from realistic name parts."""
    counts = _sizes(sizes)
    click.echo(
        f"{'mentions':>10} {'records':>8} {'names':>7} {'persons':>8} {'truth':>6} {'seconds':>8} "
        f"{'mentions/s':>10} {'peak MB':>8} {'precision':>9} {'recall':>7}"
    )
    for row in registry_benchmark(counts, seed):
        rate = row.mentions / row.seconds if row.seconds else 0
        click.echo(
            f"{row.mentions:10d} {row.records:8d} {row.names:7d} {row.entities:8d} "
            f"{row.true_persons:6d} "
            f"{row.seconds:8.1f} {rate:10.0f} {row.peak_mb:8.0f} {row.precision:9.3f} "
            f"{row.recall:7.3f}"
        )
    click.echo(f"(one process, one core; cpu count {os.cpu_count()})")


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
        click.echo(f"error: {_safe(str(exc))}", err=True)
        sys.exit(1)
    except Exception as exc:
        if debug:
            raise
        click.echo(
            f"internal error: {type(exc).__name__}: {_safe(str(exc))} "
            "(run with --debug for details)",
            err=True,
        )
        sys.exit(70)


_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@\s]+@")
_SQL_DUMP = re.compile(r"\s*\[(?:SQL|parameters):.*", re.S)


def _safe(message: str) -> str:
    """A message fit to print: no password of a database URL, no SQL statement or parameters
    (which may hold document text), one line, bounded."""
    message = _SQL_DUMP.sub("", _PASSWORD.sub(r"\1***@", message))
    first = message.strip().splitlines()[0] if message.strip() else ""
    return first[:300]
