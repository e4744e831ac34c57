"""``extract --help`` and ``--version`` start at once: they load click and none of the pipeline's heavy
modules (each command imports what it needs when it runs), checked in a fresh interpreter by what
it has imported, never by a clock. A run loads the pipeline with the garbage collector paused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Modules that cost tenths of a second to import, or pull in ones that do.
HEAVY = ("spacy", "pydantic", "bs4", "lxml", "dask", "distributed", "fsspec", "jinja2", "lemminflect", "numpy",
         "schemas.article", "pipeline.process", "pipeline.batch.runner", "pipeline.export.files",
         "pipeline.review.facts")
PROBE = """
import json, sys
from pipeline.cli import main
try:
    main(sys.argv[1:], prog_name="extract")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["-h"], ["run", "--help"], ["export", "--help"],
                                  ["review", "--help"]])
def test_help_and_version_load_nothing_heavy(args: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    loaded = json.loads(proc.stderr.splitlines()[-1])
    assert proc.stdout  # the help or the version was printed
    heavy = [m for m in loaded if m in HEAVY or m.split(".")[0] in HEAVY]
    assert heavy == [], f"extract {' '.join(args)} imports {heavy}"


def test_the_pipeline_loads_with_the_collector_paused_and_runs_with_it_on(monkeypatch: pytest.MonkeyPatch,
                                                                          tmp_path: Path) -> None:
    import gc

    from pipeline.batch import runner
    from pipeline.batch.options import Options

    seen: list[bool] = []
    monkeypatch.setattr(runner, "warm_up", lambda path=None: seen.append(gc.isenabled()))
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("Baker vs. Pastry Chef\n\nBakers bake bread.\n", encoding="utf-8")
    assert gc.isenabled()
    summary = runner.run(tmp_path / "src", tmp_path / "out", Options(workers=1))
    assert summary.count("ok") == 1 and seen == [False] and gc.isenabled()


RUN_PROBE = """
import json, sys
from pathlib import Path
from pipeline.batch.options import Options
from pipeline.batch.runner import run
src = Path(sys.argv[1])
summary = run(src, src.parent / "out", Options(workers=1))
print(json.dumps([summary.count("ok"), sorted(sys.modules)]))
"""


@pytest.mark.parametrize(("name", "html_loaded"), [("a.txt", False), ("a.md", False), ("a.html", True)])
def test_a_run_loads_the_html_reader_only_for_html_pages(tmp_path: Path, name: str, html_loaded: bool) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / name).write_text("Baker vs. Pastry Chef\n\nBakers bake bread.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", RUN_PROBE, str(tmp_path / "src")], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    ok, loaded = json.loads(proc.stdout.splitlines()[-1])
    assert ok == 1
    assert ("bs4" in loaded and "lxml" in loaded) == html_loaded
