"""The ``rightsmonitor`` command. Thin: every command calls ``service`` and prints."""

from __future__ import annotations

import json
import re
import sys
import traceback
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from rightsmonitor import __version__
from rightsmonitor.cli.common import (
    add_global_options,
    check_user_option,
    echo_json,
    json_option,
    plural,
    stage_line,
)
from rightsmonitor.cli.common import library as open_library
from rightsmonitor.cli.common import user as acting_user
from rightsmonitor.cli.measure import MEASURE_COMMANDS
from rightsmonitor.errors import RightsMonitorError

if TYPE_CHECKING:
    from rightsmonitor.service import IngestOutcome, Library

__all__ = ["cli", "main"]

# Heavy modules (the service layer, SQLAlchemy, Alembic, pypdf, matplotlib) are imported inside
# the commands that need them, so that `--help`, `--version` and `parse` start fast (issue #12).


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
    """Read human-rights resolutions and the documents around them.

    Global options may also follow the command name (`rightsmonitor report ... --db FILE`).
    Exit status: 0 success, 1 a user error, 2 a usage error, 70 an internal error.
    """
    ctx.ensure_object(dict)
    ctx.obj.update(db=db, debug=debug, user=check_user_option(user))


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print every unit with its span as JSON.")
@click.option("--summary", is_flag=True, help="The summary for people (the default).")
@click.option("--language", metavar="CODE", help="Language of the document (default: detected).")
def parse(file: Path, as_json: bool, summary: bool, language: str | None) -> None:
    """Read FILE (text, HTML or PDF), repair it and summarise its structure."""
    from rightsmonitor.cli.render import document_json, parsed_summary
    from rightsmonitor.service import parse_file

    parsed = parse_file(file, language)
    for warning in parsed.warnings:
        click.echo(f"warning: {file}: {warning}", err=True)
    if as_json:
        echo_json(document_json(parsed))
    else:
        click.echo(parsed_summary(file.name, parsed))


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print every fact with its span as JSON.")
@click.option("--summary", is_flag=True, help="The summary for people (the default).")
@click.option("--language", metavar="CODE", help="Language of the document (default: detected).")
def extract(file: Path, as_json: bool, summary: bool, language: str | None) -> None:
    """Persons, organisations, provisions, places, dates, quantities, events and calls in FILE."""
    from rightsmonitor.cli.render import extraction_summary
    from rightsmonitor.service import extract_document_facts, extraction_json, parse_file

    parsed = parse_file(file, language)
    long = len(parsed.text) >= 200_000
    data = extraction_json(
        extract_document_facts(parsed, partial(stage_line, str(file)) if long else None)
    )
    if as_json:
        echo_json(data)
    else:
        click.echo(extraction_summary(file.name, data))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--language", metavar="CODE", help="Language of the documents (default: detected).")
@click.option(
    "--force", is_flag=True, help="Parse and extract documents already stored again (new version)."
)
@json_option
@click.pass_context
def ingest(
    ctx: click.Context, files: tuple[Path, ...], language: str | None, force: bool, as_json: bool
) -> None:
    """Store FILES (original bytes, text, structure, facts) and update the registry."""
    from rightsmonitor.service import Watches

    library = open_library(ctx)
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

        report = library.ingest_paths(files, language, progress, force, stage_line)
    for line in lines:
        click.echo(line, err=True)
    checked = Watches(library).check(mark=False) if report.count("added") else []
    fired = [r for r in checked if r.new]
    if as_json:
        echo_json(
            {
                "files": [o.__dict__ for o in report.outcomes],
                "added": report.count("added"),
                "already_present": report.count("exists"),
                "failed": report.count("failed"),
                "registry": report.registry,
                "watches": {r.watch.id: len(r.new) for r in fired},
            }
        )
    else:
        click.echo(
            f"{report.count('added')} added, {report.count('exists')} already present, "
            f"{report.count('failed')} failed ({plural(len(files), 'file')})"
        )
        if report.registry:
            _registry_line("registry", report.registry)
        if fired:
            total = sum(len(r.new) for r in fired)
            click.echo(
                f"watches: {plural(total, 'new match', 'new matches')} for "
                f"{plural(len(fired), 'watch', 'watches')} (rightsmonitor watch check)"
            )
    if report.count("failed"):
        ctx.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def documents(ctx: click.Context, as_json: bool) -> None:
    """List the documents in the database."""
    from rightsmonitor.cli.render import documents_table

    records = open_library(ctx).list_documents()
    if as_json:
        echo_json([r.__dict__ | {"references": list(r.references)} for r in records])
    else:
        click.echo(documents_table(records))


def _entities(ctx: click.Context, kind: str, as_json: bool) -> None:
    rows = open_library(ctx).registry.entities(kind)
    if as_json:
        echo_json(rows)
        return
    for e in rows:
        aliases = ", ".join(a["name"] for a in e["aliases"])
        click.echo(
            f"{e['id']}  {e['name']}  ({plural(len(e['documents']), 'document')}, "
            f"{plural(e['mentions'], 'mention')})" + (f"\n    aka {aliases}" if aliases else "")
        )
    click.echo(plural(len(rows), kind[:-1]))


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
    rows = open_library(ctx).registry.review("persons")
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        click.echo(f"{r['score']:.3f}  {r['a']} {r['a_name']}  ~  {r['b']} {r['b_name']}")
        click.echo(f"       {'; '.join(r['why'])}")
    click.echo(
        f"{plural(len(rows), 'pair')} to review (decide with: rightsmonitor merge|distinct A B)"
    )


def _entity_id(
    library: Library, text: str, kinds: tuple[str, ...] = ("persons", "organisations")
) -> str:
    """The id ``text`` stands for: an id (also one merged into another) or a name in any case,
    script or transliteration. No match, or several, is an error that lists the candidates."""
    hits = library.registry.find(text, kinds)
    if len(hits) == 1:
        return str(hits[0]["id"])
    from rightsmonitor.service import UnknownEntityError

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


def _registry_line(prefix: str, counts: dict[str, int]) -> None:
    click.echo(
        f"{prefix}: {plural(counts.get('persons', 0), 'person')}, "
        f"{plural(counts.get('organisations', 0), 'organisation')}"
    )


def _decided(counts: dict[str, int], what: str, as_json: bool, **done: Any) -> None:
    if as_json:
        echo_json(done | {"registry": counts})
    else:
        _registry_line(f"{what}; registry", counts)


@cli.command()
@click.argument("first")
@click.argument("second")
@json_option
@click.pass_context
def merge(ctx: click.Context, first: str, second: str, as_json: bool) -> None:
    """Record that entities FIRST and SECOND are the same (kept across re-ingestion)."""
    library = open_library(ctx)
    first, second = _entity_id(library, first), _entity_id(library, second)
    counts = library.registry.merge(first, second, acting_user(ctx))
    _decided(counts, f"merged {first} and {second}", as_json, merged=[first, second])


@cli.command()
@click.argument("first")
@click.argument("second")
@json_option
@click.pass_context
def distinct(ctx: click.Context, first: str, second: str, as_json: bool) -> None:
    """Record that entities FIRST and SECOND are different: never merged again."""
    library = open_library(ctx)
    first, second = _entity_id(library, first), _entity_id(library, second)
    counts = library.registry.distinct(first, second, acting_user(ctx))
    _decided(counts, f"{first} and {second} kept apart", as_json, distinct=[first, second])


@cli.command()
@click.argument("entity")
@json_option
@click.pass_context
def split(ctx: click.Context, entity: str, as_json: bool) -> None:
    """Split ENTITY back into one entity per document-level record."""
    library = open_library(ctx)
    entity = _entity_id(library, entity)
    counts = library.registry.split(entity, acting_user(ctx))
    _decided(counts, f"split {entity}", as_json, split=entity)


@cli.command()
@click.argument("entity")
@click.option("--wikidata", metavar="QID", help="The entity's Wikidata item (Q…).")
@click.option("--opensanctions", metavar="ID", help="The entity's OpenSanctions id.")
@json_option
@click.pass_context
def identify(
    ctx: click.Context,
    entity: str,
    wikidata: str | None,
    opensanctions: str | None,
    as_json: bool,
) -> None:
    """Attach external identifiers to ENTITY (kept across re-ingestion, audited)."""
    given = {k: v for k, v in (("wikidata", wikidata), ("opensanctions", opensanctions)) if v}
    if not given:
        raise click.UsageError("give --wikidata or --opensanctions (or both)")
    library = open_library(ctx)
    entity = _entity_id(library, entity)
    counts = library.registry.identify(entity, given, acting_user(ctx))
    _decided(counts, f"identified {entity}", as_json, identified=entity, identifiers=given)


@cli.command()
@json_option
@click.pass_context
def resolve(ctx: click.Context, as_json: bool) -> None:
    """Run resolution again over every stored document and curator decision."""
    _decided(open_library(ctx).registry.rebuild(), "resolved", as_json)


@cli.command("backup")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@json_option
@click.pass_context
def backup_cmd(ctx: click.Context, path: Path, force: bool, as_json: bool) -> None:
    """Write every table of the database to PATH (one portable file with checksums)."""
    library = open_library(ctx)
    _safe_out(path, library, force)
    manifest = library.backup(path)
    if as_json:
        echo_json(manifest)
        return
    rows = sum(t["rows"] for t in manifest["tables"].values())
    click.echo(
        f"wrote {path}: {plural(len(manifest['tables']), 'table')}, {plural(rows, 'row')}, "
        f"schema {manifest['revision']}"
    )


@cli.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a database that holds documents.")
@json_option
@click.pass_context
def restore_cmd(ctx: click.Context, path: Path, force: bool, as_json: bool) -> None:
    """Replace the database's contents with the backup at PATH (checked before writing)."""
    manifest = open_library(ctx).restore(path, force)
    if as_json:
        echo_json(manifest)
        return
    rows = sum(t["rows"] for t in manifest["tables"].values())
    click.echo(f"restored {path} ({manifest['created']}): {plural(rows, 'row')}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option(
    "--verify", is_flag=True, help="Check the log's hash chain (exit status 1 if broken)."
)
@click.pass_context
def audit(ctx: click.Context, as_json: bool, verify: bool) -> None:
    """Show the append-only log of curator decisions: who, when, what (--verify: check that
    no entry was changed, inserted or removed since it was written)."""
    if verify:
        result = open_library(ctx).registry.verify_audit()
        if as_json:
            echo_json(result)
        elif result["intact"]:
            click.echo(
                f"audit log intact: {plural(result['entries'], 'entry', 'entries')}, "
                f"head {result['head'][:16] or '(empty)'}"
            )
        if not result["intact"]:
            raise RightsMonitorError(
                f"audit log broken at entry {result['broken_at']}: changed, inserted or "
                "removed after it was written"
            )
        return
    rows = open_library(ctx).registry.audit()
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        detail = json.dumps(r["detail"], ensure_ascii=False)  # one line per decision
        click.echo(f"{r['at']}  {r['who']:12}  {r['action']:8}  {detail}")


@cli.command()
@click.argument("first")
@click.argument("second")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.pass_context
def diff(ctx: click.Context, first: str, second: str, as_json: bool) -> None:
    """What changed from FIRST to SECOND (document ids, id prefixes or ingested files)."""
    from rightsmonitor.service import diff_documents

    result = diff_documents(open_library(ctx), first, second)
    if as_json:
        echo_json(result)
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
    from rightsmonitor.service import organisation_case, person_case, set_status

    library = open_library(ctx)
    entity = _entity_id(library, entity)
    if entity.startswith("O-"):
        _organisation_case(organisation_case(library, entity), as_json)
        return
    if new_status:
        result = set_status(library, entity, new_status, since, acting_user(ctx), note)
    else:
        result = person_case(library, entity)
    if as_json:
        echo_json(result)
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
    documents = len({s["document"] for s in result["sources"]})
    click.echo(f"  {plural(len(result['sources']), 'mention')} in {plural(documents, 'document')}")


def _organisation_case(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        echo_json(result)
        return
    click.echo(f"{result['name']} ({result['id']})")
    for m in result["measures"]:
        flag = " [demanded, not happened]" if m["demanded"] else ""
        click.echo(
            f"  {m['date'] or '?'}  {m['type']}{flag}: '{m['sentence']}' "
            f"({m['document'][:12]} {m['unit']})"
        )
    click.echo(
        f"  {plural(len(result['measures']), 'measure')}, "
        f"{plural(len(result['sources']), 'mention')}"
    )


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
    from rightsmonitor.service import recommendations, set_recommendation_status

    library = open_library(ctx)
    if set_pair:
        ident, status = set_pair
        rows = [set_recommendation_status(library, ident, status, acting_user(ctx), note)]
    else:
        rows = recommendations(library)
    if only_open:
        rows = [r for r in rows if r["status"] == "open"]
    if as_json:
        echo_json(rows)
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
    click.echo(plural(len(rows), "recommendation"))


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
@json_option
@click.pass_context
def report(
    ctx: click.Context,
    country: str,
    out: Path,
    fmt: str | None,
    lang: str,
    force: bool,
    as_json: bool,
) -> None:
    """Write a country brief: counts, a chart, persons of concern, open recommendations."""
    from rightsmonitor.service import write_brief

    library = open_library(ctx)
    _safe_out(out, library, force)
    fmt = _brief_format(out, fmt)
    brief = write_brief(library, country, out, fmt, lang)
    if as_json:
        keys = ("country", "country_name", "language", "as_of", "headline", "by_status")
        echo_json({"out": str(out), "format": fmt} | {k: brief[k] for k in keys})
        return
    click.echo(f"wrote {out} ({fmt}): {brief['country_name']}")
    click.echo("  " + ", ".join(f"{k}: {v}" for k, v in brief["headline"].items()))
    click.echo(
        "  persons of concern by status: "
        + ", ".join(f"{s} {n}" for s, n in brief["by_status"].items())
    )


_SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf"}


def _brief_format(out: Path, fmt: str | None) -> str:
    """The brief's format: ``--format``, else the file's suffix (.html, .htm, .pdf), else html;
    any other suffix, or one that contradicts ``--format``, is refused (no silent HTML)."""
    suffix = out.suffix.lower()
    if suffix and suffix not in _SUFFIXES:
        raise click.BadParameter(
            f"{out}: unknown format {suffix!r} (a brief is .html or .pdf)", param_hint="--out"
        )
    from_name = _SUFFIXES.get(suffix)
    if fmt and from_name and fmt != from_name:
        raise click.BadParameter(
            f"{out} names a {from_name} file but --format is {fmt}", param_hint="--out"
        )
    return fmt or from_name or "html"


# the kinds of watch (service.WATCH_KINDS, repeated so that `--help` loads no service module;
# a test keeps them equal)
WATCH_KINDS = ("person", "organisation", "provision", "query")


@cli.group()
def watch() -> None:
    """Saved watches that report new matching facts after each ingest."""


@watch.command("add")
@click.argument("kind", type=click.Choice(WATCH_KINDS))
@click.argument("target")
@click.option("--label", help="A name for the watch (default: what it watches).")
@json_option
@click.pass_context
def watch_add(ctx: click.Context, kind: str, target: str, label: str | None, as_json: bool) -> None:
    """Watch TARGET: a person or organisation (id or name), a provision ('art. 405'), or a
    query."""
    from rightsmonitor.service import Watches

    library = open_library(ctx)
    if kind in ("person", "organisation"):
        target = _entity_id(library, target, (f"{kind}s",))
    row = Watches(library).add(kind, target, acting_user(ctx), label)
    if as_json:
        echo_json(row.__dict__)
    else:
        click.echo(f"watch {row.id} added: {row.label}")


@watch.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def watch_list(ctx: click.Context, as_json: bool) -> None:
    """List the saved watches."""
    from rightsmonitor.service import Watches

    rows = Watches(open_library(ctx)).all()
    if as_json:
        echo_json([r.__dict__ for r in rows])
        return
    for r in rows:
        click.echo(f"{r.id:4d}  {r.kind:12}  {r.label}  (by {r.who}, {r.created_at})")
    click.echo(plural(len(rows), "watch", "watches"))


@watch.command("remove")
@click.argument("watch_id", type=int)
@json_option
@click.pass_context
def watch_remove(ctx: click.Context, watch_id: int, as_json: bool) -> None:
    """Delete watch WATCH_ID."""
    from rightsmonitor.service import Watches

    Watches(open_library(ctx)).remove(watch_id)
    if as_json:
        echo_json({"removed": watch_id})
    else:
        click.echo(f"watch {watch_id} removed")


@watch.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (for scripts and cron).")
@click.option("--peek", is_flag=True, help="Show new matches without marking them reported.")
@click.pass_context
def watch_check(ctx: click.Context, as_json: bool, peek: bool) -> None:
    """Report what each watch matches that it has not reported before; exit 0 either way."""
    from rightsmonitor.service import Watches

    reports = Watches(open_library(ctx)).check(mark=not peek)
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
        echo_json(out)
        return
    for r in reports:
        if r.new:
            click.echo(f"watch {r.watch.id} ({r.watch.label}): {len(r.new)} new")
            for h in r.new:
                click.echo(f"    {h.document[:12]} {h.unit}: {h.text}")
    found = sum(len(r.new) for r in reports)
    click.echo(
        f"{plural(found, 'new match', 'new matches')} in {plural(len(reports), 'watch', 'watches')}"
    )


for _command in MEASURE_COMMANDS:
    cli.add_command(_command)
add_global_options(cli)


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
