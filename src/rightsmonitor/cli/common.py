"""What every command shares: the global options, the database, JSON output, plurals, data
folders. Imports nothing heavy: the service layer is loaded by the commands that use it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from rightsmonitor.service import Library

__all__ = [
    "CORPUS_ENV",
    "EVAL_ENV",
    "add_global_options",
    "check_user_option",
    "corpus_path",
    "echo_json",
    "eval_path",
    "json_option",
    "library",
    "plural",
    "user",
]

F = TypeVar("F", bound=Callable[..., Any])

# the options of the group, also accepted after the command name (`report … --db X`)
_GLOBAL_HELP = {
    "db": "Database: a SQLite file path or a URL (also before the command).",
    "user": "Who is acting, for the audit log (also before the command).",
    "debug": "Show tracebacks on errors (also before the command).",
}


def json_option(func: F) -> F:
    """``--json``: the result as JSON for scripts; text for people is the default."""
    return click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")(func)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def stage_line(file: str, stage: str) -> None:
    """One progress line on a terminal for a long document's extraction (overwritten in
    place; nothing when stderr is not a terminal)."""
    import sys

    from rightsmonitor.extract.pipeline import STAGES

    if sys.stderr.isatty():
        n = STAGES.index(stage) + 1 if stage in STAGES else 0
        click.echo(
            f"\r\033[Kreading {Path(file).name}: {stage} ({n}/{len(STAGES)})", err=True, nl=False
        )
        if n == len(STAGES):
            click.echo("\r\033[K", err=True, nl=False)


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 document', '2 documents', '1 match', '3 matches'."""
    return f"{count} {singular if count == 1 else (many or singular + 's')}"


def user(ctx: click.Context) -> str:
    """The acting user, checked before anything is written."""
    from rightsmonitor.service import check_user, current_user

    name = ctx.obj.get("user")
    return check_user(str(name)) if name else current_user()


def check_user_option(name: str | None) -> str | None:
    """A ``--user`` given on the command line, refused at once if it could forge the audit log
    (the registry, which knows the rule, is loaded only when a name is given)."""
    if name is None:
        return None
    from rightsmonitor.service import check_user

    return check_user(name)


def library(ctx: click.Context) -> Library:
    from rightsmonitor.service import Library
    from rightsmonitor.settings import resolve_database_url

    opened = Library(resolve_database_url(ctx.obj.get("db")))
    ctx.call_on_close(opened.close)
    return opened


def _store(name: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> None:
        if value:  # given after the command: it wins over the same option given before
            ctx.ensure_object(dict)
            ctx.obj[name] = check_user_option(value) if name == "user" else value

    return callback


def add_global_options(command: click.Command) -> None:
    """Give ``command`` (and every command of a group, recursively) ``--db``, ``--user`` and
    ``--debug``, so that global options work before or after the command name."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_global_options(sub)
        return
    command.params.extend(
        [
            click.Option(
                ["--db"],
                metavar="PATH_OR_URL",
                expose_value=False,
                callback=_store("db"),
                help=_GLOBAL_HELP["db"],
            ),
            click.Option(
                ["--user"],
                metavar="NAME",
                expose_value=False,
                callback=_store("user"),
                help=_GLOBAL_HELP["user"],
            ),
            click.Option(
                ["--debug"],
                is_flag=True,
                expose_value=False,
                callback=_store("debug"),
                help=_GLOBAL_HELP["debug"],
            ),
        ]
    )


CORPUS_ENV = "RIGHTSMONITOR_CORPUS"
EVAL_ENV = "RIGHTSMONITOR_EVAL"


def _found(path: Path, origin: str, what: str) -> Path:
    if not path.exists():
        raise click.UsageError(f"{what} not found: {path} ({origin})")
    return path


def corpus_path(given: Path | None) -> Path:
    """The corpus folder: the option, else ``$RIGHTSMONITOR_CORPUS``, else ``../shared/corpus``.
    A missing one is a usage error (exit 2) that says where it was looked for."""
    if given is not None:
        return _found(given, "given with --corpus", "corpus folder")
    if os.environ.get(CORPUS_ENV):
        return _found(Path(os.environ[CORPUS_ENV]), f"from ${CORPUS_ENV}", "corpus folder")
    return _found(
        Path("../shared/corpus"),
        f"the default; give --corpus DIR or set ${CORPUS_ENV}",
        "corpus folder",
    )


def eval_path(given: Path | None, relative: str, option: str) -> Path:
    """Evaluation data: the option, else ``relative`` inside ``$RIGHTSMONITOR_EVAL``, else inside
    ``eval/`` of the current folder (the repository's root)."""
    if given is not None:
        return _found(given, f"given with {option}", "evaluation data")
    if os.environ.get(EVAL_ENV):
        base, origin = Path(os.environ[EVAL_ENV]), f"from ${EVAL_ENV}"
    else:
        base = Path("eval")
        origin = f"the default: run from the repository's root, set ${EVAL_ENV} or give {option}"
    return _found(base / relative, origin, "evaluation data")
