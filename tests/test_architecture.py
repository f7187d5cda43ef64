"""The layer rule of DESIGN.md, enforced on the source (imports go down only)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "rightsmonitor"

LAYER = {
    "__main__": 5,
    "cli": 4,
    "api": 4,
    "web": 4,
    "service": 3,
    "store": 2,
    "ingest": 2,
    "search": 2,
    "export": 2,
    "parse": 1,
    "extract": 1,
    "resolve": 1,
    "nlp": 0.5,
    "model": 0,
    "lang": 0,
    "settings": 0,
    "errors": 0,
}
SIBLINGS_INDEPENDENT = {"parse", "extract", "resolve"}


def _top(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "rightsmonitor" else None


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_down_only(path: Path) -> None:
    rel = path.relative_to(PACKAGE)
    here = rel.parts[0].removesuffix(".py")
    if here not in LAYER:
        return  # the package root (__init__.py)
    for module in _imports(path):
        there = _top(module)
        if there is None or there == here:
            continue
        assert there in LAYER, f"{rel}: imports unknown package {module}"
        assert LAYER[there] <= LAYER[here], (
            f"{rel} (layer {LAYER[here]}) imports {module} (layer {LAYER[there]})"
        )
        if here in SIBLINGS_INDEPENDENT and there in SIBLINGS_INDEPENDENT:
            pytest.fail(f"{rel}: sibling {here} imports {module}")


def test_every_package_is_in_a_layer() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    modules = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert packages | modules <= set(LAYER)


@pytest.mark.parametrize(
    "name", sorted(n for n in LAYER if (PACKAGE / n).is_dir() or (PACKAGE / f"{n}.py").exists())
)
def test_public_surface_is_declared(name: str) -> None:
    module = importlib.import_module(f"rightsmonitor.{name}")
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"rightsmonitor.{name} has no __all__"
    for attr in exported:
        assert hasattr(module, attr), f"rightsmonitor.{name}.__all__ names missing {attr}"
