"""Docs that cannot lie: every command, option and setting is in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from rightsmonitor.cli import cli
from rightsmonitor.settings import DATABASE_URL_ENV

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _options(command: click.Command) -> list[str]:
    return [opt for p in command.params if isinstance(p, click.Option) for opt in p.opts]


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_and_option_is_documented(name: str) -> None:
    assert f"rightsmonitor {name}" in README
    for option in _options(cli.commands[name]):
        assert option in README, f"{name} {option} is not in the README"


def test_global_options_and_settings_are_documented() -> None:
    for option in _options(cli):
        assert option in README
    assert DATABASE_URL_ENV in README
    assert "make demo" in README and "make test" in README


def test_every_event_type_is_documented() -> None:
    from rightsmonitor.extract.events import EVENT_TYPES

    events_doc = (Path(__file__).resolve().parent.parent / "docs" / "EVENTS.md").read_text("utf-8")
    for kind in EVENT_TYPES:
        assert f"`{kind}`" in events_doc, kind


def test_event_trigger_data_uses_the_vocabulary() -> None:
    from rightsmonitor.extract.events import EVENT_TYPES
    from rightsmonitor.lang import load_data

    for code in ("pl", "en"):
        for lemmas, kind in load_data(code, "events")["triggers"].items():
            assert kind in EVENT_TYPES, (code, lemmas, kind)


def test_one_version_number() -> None:
    """The version the program reports is the newest in the changelog (issue #12)."""
    import re

    from rightsmonitor import __version__

    changelog = (Path(__file__).resolve().parent.parent / "CHANGELOG.md").read_text("utf-8")
    newest = re.search(r"^## (\d+\.\d+\.\d+)", changelog, flags=re.M)
    assert newest is not None and newest.group(1) == __version__
