"""The complexity gate CI runs (``scripts/complexity.py``): a block past 20 fails it, closures and methods
counted on their own, as ``radon cc --show-closures`` lists them."""

from __future__ import annotations

from pathlib import Path

from scripts.complexity import LIMIT, main, too_complex


def _branches(n: int, indent: int) -> str:
    """A body of ``n`` ifs: a function made of it has cyclomatic complexity n + 1."""
    pad = " " * indent
    return "".join(f"{pad}if x == {i}:\n{pad}    return {i}\n" for i in range(n)) + f"{pad}return -1\n"


def _module(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "sample.py"
    path.write_text(source, encoding="utf-8")
    return path


def test_a_function_at_the_limit_passes_one_past_it_fails(tmp_path: Path) -> None:
    source = f"def at_limit(x):\n{_branches(LIMIT - 1, 4)}\n\ndef past_limit(x):\n{_branches(LIMIT, 4)}"
    path = _module(tmp_path, source)
    line = source.splitlines().index("def past_limit(x):") + 1
    assert too_complex([tmp_path]) == [f"{path}:{line} past_limit {LIMIT + 1}"]


def test_a_closure_counts_on_its_own(tmp_path: Path) -> None:
    # The outer function's own count is 1: a check of top-level blocks alone would pass it.
    path = _module(tmp_path, f"def outer(x):\n    def inner(x):\n{_branches(LIMIT, 8)}    return inner(x)\n")
    assert too_complex([tmp_path]) == [f"{path}:2 outer.inner {LIMIT + 1}"]


def test_a_method_counts_and_the_exit_status_says_so(tmp_path: Path) -> None:
    _module(tmp_path, f"class Walker:\n    def visit(self, x):\n{_branches(LIMIT, 8)}")
    assert [line.split()[1] for line in too_complex([tmp_path])] == ["Walker", "Walker.visit"]
    assert main([str(tmp_path)]) == 1
    _module(tmp_path, f"class Walker:\n    def visit(self, x):\n{_branches(3, 8)}")
    assert main([str(tmp_path)]) == 0
