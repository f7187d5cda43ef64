"""The README runs (issue #12): every ```console block of README.md, in order, in a fresh folder.

The folder holds copies of what the walkthrough reads (the bundled examples and the diff
fixtures) and starts as `make demo` leaves it: the Makefile's `demo` recipe is run there first.
Then, for every `$ ` line of every console block (a block after `<!-- readme-test: skip -->`
is not run):

- `. .venv/bin/activate` puts this environment's `rightsmonitor` on the PATH;
  `export NAME=VALUE` sets a variable (with `$PWD` expanded); anything else runs in bash;
- the exit status must be the one a trailing `# exit status N` names, else 0;
- every line shown below the command must be a line of the output (stderr, then stdout), where
  `…` stands for any text and a line that is only `…` for lines left out.

HOME is the folder too, so nothing is written outside it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = ROOT / "README.md"
SKIP_MARK = "<!-- readme-test: skip"
BIN = Path(sys.executable).parent
_EXIT = re.compile(r"#\s*exit status (\d+)\s*$")


@dataclass
class Step:
    command: str
    expected: list[str] = field(default_factory=list)
    status: int = 0
    line: int = 0  # in README.md, for messages


def console_steps(text: str) -> list[Step]:
    """The commands of every console block, in order, with the output each block shows."""
    steps: list[Step] = []
    lines = text.splitlines()
    inside = skip = False
    previous = ""
    for number, line in enumerate(lines, 1):
        if not inside and line.strip() == "```console":
            inside, skip = True, previous.startswith(SKIP_MARK)
        elif inside and line.strip() == "```":
            inside = False
        elif inside and not skip:
            if line.startswith("$ "):
                found = _EXIT.search(line)
                steps.append(
                    Step(line[2:].strip(), status=int(found.group(1)) if found else 0, line=number)
                )
            elif steps and line.strip():
                steps[-1].expected.append(line.rstrip())
        if line.strip():
            previous = line.strip()
    return steps


def _pattern(expected: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in expected.split("…")))


def _demo_recipe() -> list[str]:
    """The Makefile's `demo` commands, as a shell runs them with the environment activated."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    return [
        ln.strip()
        .lstrip("@")
        .replace("$(BIN)/", "")
        .replace("$(DEMO_DB)", ".demo/rightsmonitor.sqlite")
        for ln in recipe
        if ln.startswith("\t")
    ]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    examples = tmp_path / "src" / "rightsmonitor" / "examples"
    shutil.copytree(ROOT / "src" / "rightsmonitor" / "examples", examples)
    shutil.copytree(ROOT / "tests" / "fixtures" / "diff", tmp_path / "tests" / "fixtures" / "diff")
    return tmp_path


def _run(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_console_blocks_are_found() -> None:
    steps = console_steps(README.read_text(encoding="utf-8"))
    commands = " ".join(s.command for s in steps)
    assert len(steps) >= 20 and "rightsmonitor persons" in commands
    assert not any("eval-persons" in s.command for s in steps)  # the skipped block


def test_the_readme_runs(folder: Path) -> None:
    if not (BIN / "rightsmonitor").exists():
        pytest.skip("rightsmonitor is not installed beside this Python (pip install -e .)")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("RIGHTSMONITOR_") and k not in ("VIRTUAL_ENV", "PYTHONPATH")
    }
    env.update(HOME=str(folder), PWD=str(folder), COLUMNS="80", RIGHTSMONITOR_USER="demo")
    plain_path = env.get("PATH", "")
    env["PATH"] = plain_path
    demo_env = dict(env, PATH=f"{BIN}{os.pathsep}{plain_path}")
    for command in _demo_recipe():
        done = _run(command, folder, demo_env)
        assert done.returncode == 0, f"make demo step {command!r}: {done.stderr}"
    for step in console_steps(README.read_text(encoding="utf-8")):
        where = f"README.md line {step.line}: $ {step.command}"
        if step.command == ". .venv/bin/activate":
            env["PATH"] = f"{BIN}{os.pathsep}{plain_path}"
            continue
        exported = re.fullmatch(r"export (\w+)=(.*)", step.command)
        if exported:
            value = exported.group(2).strip().strip('"')
            env[exported.group(1)] = value.replace("$PWD", str(folder))
            continue
        done = _run(step.command, folder, env)
        output = done.stderr.splitlines() + done.stdout.splitlines()
        assert done.returncode == step.status, f"{where}\nexit {done.returncode}\n{done.stderr}"
        for expected in step.expected:
            if expected.strip() == "…":
                continue
            pattern = _pattern(expected)
            assert any(pattern.fullmatch(line.rstrip()) for line in output), (
                f"{where}\nexpected the line: {expected}\ngot:\n" + "\n".join(output[:60])
            )
