"""The package's layout, read from its source with ast: module sizes, the top level, who imports whom, no cycles."""

from __future__ import annotations

import ast
from functools import cache
from graphlib import CycleError, TopologicalSorter
from importlib.util import resolve_name
from pathlib import Path

import pytest

from tests.conftest import ROOT

PKG = ROOT / "pipeline"
MAX_LINES = 400  # a module a reader can hold in mind
MAX_TOP_LEVEL = 8  # the package's face; everything else lives in a room

# The flow in order: a stage or fact module imports only stages before it. html is load's parser, so it comes
# first; the fact modules sit at "extract", after attribute and before confidence, which rates the facts for assemble.
FLOW = ["html_tags", "html_select", "html_outside", "html_prune", "html", "provenance", "load", "clean", "roles",
        "segment", "relevance", "sentences", "attribute", "extract", "confidence", "assemble"]

# Room -> the rooms its modules may import. "pipeline" is the package's __init__ (VERSION): importing any module
# runs it, so it imports nothing. types is the shared vocabulary: built on rules.text, imported by rules.titles
# (the cycle test keeps that one way). "extract" is the per-sentence loop, "facts" the modules it calls: one
# fact module never imports another, nor the loop.
MAY_IMPORT: dict[str, set[str]] = {
    "pipeline": set(),
    "types": {"rules"},
    "rules": {"pipeline", "rules", "types"},
    "stages": {"pipeline", "rules", "types", "stages"},
    "facts": {"pipeline", "rules", "types", "stages"},
    "extract": {"pipeline", "rules", "types", "facts"},
    "process": {"pipeline", "rules", "types", "stages", "extract"},
    "batch": {"pipeline", "types", "process", "batch"},
    # Profiles gather finished articles by occupation: the OEWS wages and lexicons are rules' data.
    "profiles": {"pipeline", "rules", "profiles"},
    # Export reads finished outputs: the manifest's name is the batch's, nothing of the stages.
    "export": {"pipeline", "batch", "export", "profiles"},
    # Review reads finished outputs through export's reader; its bad folders fail as the batch's do (batch.errors).
    "review": {"pipeline", "batch", "export", "review", "profiles"},
    "cli": {"pipeline", "batch", "export", "review"},
    "__main__": {"cli"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PKG.rglob("*.py"))}


@cache
def imports(name: str) -> list[str]:
    """The pipeline modules `name` imports anywhere (functions too); `from a import b` is a.b if that is a module."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = resolve_name("." * node.level + (node.module or ""), package) if node.level else node.module or ""
            found.update(f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names)
    return sorted(found & MODULES.keys())


def room(name: str) -> str:
    parts = name.split(".")
    if parts[1:2] == ["extract"]:
        return "facts" if len(parts) > 2 else "extract"
    return parts[1] if len(parts) > 1 else "pipeline"  # rules, stages, batch, or a top-level module


def step(name: str) -> int:
    return FLOW.index("extract" if room(name) in ("extract", "facts") else name.rpartition(".")[2])


@pytest.mark.parametrize("name", MODULES)
def test_module_size(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines (at most {MAX_LINES}): split it by concern"


def test_top_level_and_data() -> None:
    top = sorted(path.name for path in PKG.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL, f"pipeline/ holds {len(top)} modules (at most {MAX_TOP_LEVEL}): {top}"
    assert not list((PKG / "data").rglob("*.py")), "pipeline/data/ holds data files only"


@pytest.mark.parametrize("name", MODULES)
def test_every_module_has_a_place(name: str) -> None:
    # A new room or stage must be placed in the tables above, else its imports go unchecked.
    assert room(name) in MAY_IMPORT, f"{name}: room {room(name)!r} is not in MAY_IMPORT"
    if room(name) == "stages" and name != "pipeline.stages":
        assert name.rpartition(".")[2] in FLOW, f"{name}: a stage missing from FLOW"


def _same_fact(name: str, target: str) -> bool:
    """A fact whose home is a package of its own (parser, prose, tables) imports within it."""
    return room(name) == room(target) == "facts" and name.split(".")[:3] == target.split(".")[:3]


@pytest.mark.parametrize("name", MODULES)
def test_imports_follow_the_rooms_and_the_flow(name: str) -> None:
    for target in imports(name):
        if _same_fact(name, target):
            continue
        allowed = MAY_IMPORT[room(name)]
        assert room(target) in allowed, (
            f"{name} imports {target}: {room(name)} may import only {sorted(allowed)}, not {room(target)}")
        if room(name) in ("stages", "facts") and room(target) == "stages":
            assert step(target) < step(name), (
                f"{name} imports {target}: a later step of the flow ({' -> '.join(FLOW)})")


def test_no_import_cycles() -> None:
    try:
        TopologicalSorter({name: imports(name) for name in MODULES}).prepare()
    except CycleError as error:
        pytest.fail("import cycle: " + " -> ".join(error.args[1]))
