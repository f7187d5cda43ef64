"""Commands that measure: quality against gold files (``eval*``) and speed (``bench*``).

Their data is found by option, else by environment variable (``RIGHTSMONITOR_EVAL`` for the
gold files, ``RIGHTSMONITOR_CORPUS`` for the corpus), else relative to the repository's root;
a missing folder is a usage error that says where it was looked for.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from rightsmonitor.cli.common import corpus_path, echo_json, eval_path, json_option, plural

__all__ = ["MEASURE_COMMANDS"]

F = TypeVar("F", bound=Callable[..., Any])

_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_SEED = _EXAMPLES / "ep-2021-kazakhstan-oj-c465-15.pl.txt"
_CORPUS_HELP = "Root of the corpus the gold files name (default: $RIGHTSMONITOR_CORPUS, else "
_CORPUS_HELP += "../shared/corpus)."


def _path_option(name: str, dest: str, help_text: str) -> Callable[[F], F]:
    return click.option(name, dest, type=click.Path(path_type=Path), help=help_text)


def _needs_corpus(folder: Path) -> bool:
    """Whether a gold file of ``folder`` names a corpus document (the others sit beside their
    text, so the corpus is not needed for them)."""
    return any('"document"' in p.read_text(encoding="utf-8") for p in folder.glob("*.json"))


@click.command(name="eval")
@_path_option("--gold", "gold_dir", "Folder of gold JSON files (default: eval/gold).")
@_path_option("--corpus", "corpus", _CORPUS_HELP)
@click.option("--errors", is_flag=True, help="Also list the misses and false hits per type.")
@json_option
def evaluate_cmd(gold_dir: Path | None, corpus: Path | None, errors: bool, as_json: bool) -> None:
    """Precision and recall per fact type against hand-made gold files."""
    from rightsmonitor.service import evaluate

    scores = evaluate(eval_path(gold_dir, "gold", "--gold"), corpus_path(corpus))
    if as_json:
        echo_json(
            {
                kind: {"precision": sc.precision, "recall": sc.recall, "predicted": sc.pred}
                | {"gold": sc.gold}
                | ({"missed": sc.misses, "false": sc.extras} if errors else {})
                for kind, sc in scores.items()
            }
        )
        return
    click.echo(f"{'type':24} {'precision':>9} {'recall':>7} {'predicted':>10} {'gold':>6}")
    for kind, sc in scores.items():
        click.echo(f"{kind:24} {sc.precision:9.3f} {sc.recall:7.3f} {sc.pred:10d} {sc.gold:6d}")
        if errors:
            click.echo(f"  missed: {'; '.join(sc.misses[:30])}")
            click.echo(f"  false:  {'; '.join(sc.extras[:30])}")


@click.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--repeat", default=3, show_default=True, help="Warm runs per file (best is kept).")
@click.option(
    "--extract", "with_extract", is_flag=True, help="Time the whole pipeline, extraction included."
)
@json_option
def bench(files: tuple[Path, ...], repeat: int, with_extract: bool, as_json: bool) -> None:
    """Words per second for reading + repair + structure (default: the bundled examples)."""
    from rightsmonitor.service import benchmark

    paths = sorted(files) if files else sorted(p for p in _EXAMPLES.iterdir() if p.is_file())
    rows = benchmark(list(paths), repeat, with_extract)
    words = sum(r.words for r in rows)
    one_pass = sum(r.pass_seconds for r in rows)
    best = sum(r.seconds for r in rows)
    if as_json:
        echo_json(
            {
                "files": [r.__dict__ for r in rows],
                "words": words,
                "pass_words_per_second": words / one_pass if one_pass else 0,
                "best_words_per_second": words / best if best else 0,
                "loading_seconds": rows[0].cold_seconds if rows else 0,
                "cpu_count": os.cpu_count(),
            }
        )
        return
    click.echo(f"{'file':48} {'words':>7} {'pass s':>8} {'best s':>8} {'pass w/s':>10}")
    for r in rows:
        rate = r.words / r.pass_seconds if r.pass_seconds else 0
        click.echo(
            f"{r.name[:48]:48} {r.words:7d} {r.pass_seconds:8.3f} {r.seconds:8.3f} {rate:10.0f}"
        )
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


@click.command("bench-startup")
@click.option("--runs", default=5, show_default=True, help="Runs of each command (median kept).")
@click.option(
    "--text",
    type=click.Path(path_type=Path),
    default=_SEED,
    help="The text to extract (default: the bundled seed resolution).",
)
@json_option
def bench_startup(runs: int, text: Path, as_json: bool) -> None:
    """Start-up cost: `--help` against `import click`, `extract` against bare morfeusz2."""
    from rightsmonitor.service import startup_benchmark

    rows = startup_benchmark(text, runs)
    if as_json:
        echo_json([r.__dict__ | {"ratio": round(r.ratio, 2), "target_met": r.met} for r in rows])
        return
    click.echo(f"TEXT: {text}; median of {plural(runs, 'run')}, wall time, start-up included")
    click.echo(f"{'command':32} {'s':>5}  {'floor':32} {'s':>5} {'ratio':>6}  target")
    for r in rows:
        click.echo(
            f"{r.ours:32} {r.ours_seconds:5.2f}  {r.floor:32} {r.floor_seconds:5.2f} "
            f"{r.ratio:5.1f}x  <= {r.target:.0f}x {'met' if r.met else 'NOT MET'}"
        )


@click.command("eval-names")
@_path_option("--gold", "gold_file", "The name-variant set (default: eval/names/variants.json).")
@click.option("--errors", is_flag=True, help="List the wrongly merged and the missed pairs.")
@json_option
def eval_names(gold_file: Path | None, errors: bool, as_json: bool) -> None:
    """Pairwise precision and recall of person-name matching on a hand-made variant set."""
    from rightsmonitor.service import evaluate_names

    result = evaluate_names(eval_path(gold_file, "names/variants.json", "--gold"))
    if as_json:
        data = result.__dict__ | {"f1": result.f1}
        if not errors:
            data = {k: v for k, v in data.items() if k not in ("false_merges", "missed")}
        echo_json(data)
        return
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


@click.command("eval-persons")
@_path_option(
    "--set",
    "folder",
    "A folder of texts with person gold (default: eval/persons/dev; eval/persons/setaside "
    "is for final measurement only).",
)
@click.option("--language", default=None, help="Only the gold files of this language.")
@click.option("--errors", is_flag=True, help="List misses, false persons, merges and splits.")
@json_option
def eval_persons(folder: Path | None, language: str | None, errors: bool, as_json: bool) -> None:
    """Persons scored as entities: one-to-one matching, merges and splits, nominatives."""
    from rightsmonitor.service import evaluate_persons

    folder = eval_path(folder, "persons/dev", "--set")
    result = evaluate_persons(folder, language)
    scores = result.as_dict()
    if as_json:
        echo_json(scores | ({"errors": result.errors} if errors else {}))
        return
    m, p, b3 = scores["mentions"], scores["persons"], scores["b_cubed"]
    click.echo(f"{folder} ({plural(scores['documents'], 'document')})")
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


@click.command("eval-events")
@_path_option(
    "--set",
    "folder",
    "A folder of texts with event, status and call gold (default: eval/events/dev; "
    "eval/events/setaside is for final measurement only).",
)
@click.option("--language", default=None, help="Only the gold files of this language.")
@_path_option("--corpus", "corpus", _CORPUS_HELP)
@click.option("--errors", is_flag=True, help="List misses, false events, wrong statuses.")
@json_option
def eval_events(
    folder: Path | None, language: str | None, corpus: Path | None, errors: bool, as_json: bool
) -> None:
    """Events (type and polarity), person statuses and call stances against hand-made gold."""
    from rightsmonitor.service import evaluate_events

    folder = eval_path(folder, "events/dev", "--set")
    root = corpus_path(corpus) if corpus or _needs_corpus(folder) else Path(".")
    result = evaluate_events(folder, root, language)
    scores = result.as_dict()
    if as_json:
        echo_json(scores | ({"errors": result.errors} if errors else {}))
        return
    e, s, c = scores["events"], scores["statuses"], scores["calls"]
    click.echo(f"{folder} ({plural(scores['documents'], 'document')})")
    click.echo(
        f"events    precision {e['precision']:.3f}  recall {e['recall']:.3f}  "
        f"({e['system']} found, {e['gold']} in the gold); polarity right {e['polarity']:.3f}"
        f"; from substrings: {e['from_substrings']}"
    )
    click.echo(f"statuses  right {s['accuracy']:.3f} of {plural(s['persons'], 'person')}")
    click.echo(f"calls     found {c['recall']:.3f} of {c['gold']}; stance right {c['stance']:.3f}")
    if errors:
        for line in result.errors:
            click.echo(line)


@click.command("eval-statuses")
@_path_option(
    "--gold",
    "gold_file",
    "A hand-made file of person statuses in one document (default: eval/statuses/seed-2021.json).",
)
@_path_option("--corpus", "corpus", _CORPUS_HELP)
@click.option("--errors", is_flag=True, help="List the persons whose status is wrong.")
@json_option
def eval_statuses(gold_file: Path | None, corpus: Path | None, errors: bool, as_json: bool) -> None:
    """How often the derived person status is right, against a hand-made gold file."""
    from rightsmonitor.service import evaluate_statuses

    gold = eval_path(gold_file, "statuses/seed-2021.json", "--gold")
    r = evaluate_statuses(gold, corpus_path(corpus))
    if as_json:
        echo_json(
            {
                "persons": r.persons,
                "accuracy": r.accuracy,
                "precision": r.precision,
                "recall": r.recall,
                "known_gold": r.known_gold,
                "known_predicted": r.known_predicted,
                "known_correct": r.known_correct,
            }
            | ({"errors": r.errors} if errors else {})
        )
        return
    click.echo(f"{'persons':>8} {'accuracy':>9} {'known: precision':>17} {'recall':>7}")
    click.echo(f"{r.persons:8d} {r.accuracy:9.3f} {r.precision:17.3f} {r.recall:7.3f}")
    click.echo(
        f"(known = a status other than unknown: {r.known_gold} in the gold, "
        f"{r.known_predicted} predicted, {r.known_correct} right)"
    )
    if errors:
        for name, expected, got in r.errors:
            click.echo(f"WRONG  {name}: gold {expected}, ours {got}")


@click.command("bench-registry")
@click.option(
    "--sizes",
    default="10000,100000,1000000",
    show_default=True,
    help="Comma-separated numbers of synthetic mentions.",
)
@click.option("--seed", default=7, show_default=True, help="Random seed of the generator.")
@json_option
def bench_registry(sizes: str, seed: int, as_json: bool) -> None:
    """Time person resolution on synthetic mentions built from realistic name parts."""
    from rightsmonitor.service import registry_benchmark

    rows = registry_benchmark(_sizes(sizes), seed)
    if as_json:
        echo_json([row.__dict__ for row in rows])
        return
    click.echo(
        f"{'mentions':>10} {'records':>8} {'names':>7} {'persons':>8} {'truth':>6} {'seconds':>8} "
        f"{'mentions/s':>10} {'peak MB':>8} {'precision':>9} {'recall':>7}"
    )
    for row in rows:
        rate = row.mentions / row.seconds if row.seconds else 0
        click.echo(
            f"{row.mentions:10d} {row.records:8d} {row.names:7d} {row.entities:8d} "
            f"{row.true_persons:6d} "
            f"{row.seconds:8.1f} {rate:10.0f} {row.peak_mb:8.0f} {row.precision:9.3f} "
            f"{row.recall:7.3f}"
        )
    click.echo(f"(one process, one core; cpu count {os.cpu_count()})")


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


@click.command("bench-store")
@click.option(
    "--sizes",
    default="10,1000",
    show_default=True,
    help="Comma-separated numbers of documents in the registry (4 or more; 100000 takes "
    "about 10 minutes to build).",
)
@click.option("--seed", default=7, show_default=True, help="Random seed of the generator.")
@json_option
def bench_store(sizes: str, seed: int, as_json: bool) -> None:
    """Time adding one document, `case`, `recommendations` and `report` at registry sizes."""
    from rightsmonitor.service import store_benchmark

    counts = _sizes(sizes, minimum=4)
    if not as_json:
        click.echo(
            f"{'documents':>9} {'persons':>8} {'build s':>8} {'add s':>7} {'resolve s':>9} "
            f"{'case s':>7} {'recs s':>7} {'report s':>8} {'db MB':>7}"
        )

    def show(r: Any) -> None:
        if not as_json:
            click.echo(
                f"{r.documents:9d} {r.persons:8d} {r.build_seconds:8.1f} {r.add_seconds:7.2f} "
                f"{r.resolve_seconds:9.2f} {r.case_seconds:7.2f} "
                f"{r.recommendations_seconds:7.2f} {r.report_seconds:8.2f} {r.database_mb:7.0f}"
            )

    rows = store_benchmark(counts, seed, show)
    if as_json:
        echo_json([row.__dict__ for row in rows])
    else:
        click.echo(f"(SQLite, one process, one core; cpu count {os.cpu_count()})")


MEASURE_COMMANDS: tuple[click.Command, ...] = (
    evaluate_cmd,
    bench,
    bench_startup,
    bench_registry,
    bench_store,
    eval_names,
    eval_persons,
    eval_events,
    eval_statuses,
)
