"""Start-up benchmark: ``python -m benchmarks.startup_bench [--rounds N]`` (also part of ``benchmarks.bench``).

What a user waits for before any work is done, each in a fresh Python process, best of N rounds:

- ``version_s``, ``help_s``: ``extract --version`` and ``extract --help``;
- ``fixed_cost_s``: a run's fixed cost before its first document: ``extract -q --force -j 1 SRC DST``
  over one short article, less that article's own time in a warm process (``doc_s``);
  ``fixed_cost_cpu_s``, the same in CPU seconds (user and system), which other work on a shared
  machine disturbs less than the wall clock; ``fixed_cost_2_workers_s``, the same run with 2 worker
  processes;
- the baselines measured in the same run: ``python_s`` (``python -c pass``) and ``spacy_blank_s``
  (``import spacy; spacy.blank("en")``, the least a spaCy pipeline pays before its first document),
  and ``fixed_cost_ratio_to_spacy_blank``.

The package's bytecode is written first, as an installed package has it.

It prints figures only; nothing here is asserted (``docs/benchmark.md`` says what they are held to).
"""

from __future__ import annotations

import argparse
import compileall
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = b"Kiln Operator vs. Glaze Chemist\n\nKiln operators load kilns. Glaze chemists earn $68,000 a year.\n"


def _child(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a fresh Python process running ``args``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _best(args: list[str], rounds: int) -> tuple[float, float]:
    times = [_child(args) for _ in range(rounds)]
    return min(w for w, _ in times), min(c for _, c in times)


def _doc_seconds(rounds: int) -> float:
    """The article's own time in a warm process: what a fresh run spends on it beyond its fixed cost."""
    from pipeline.process import process_bytes, warm_up

    warm_up()
    best = float("inf")
    for _ in range(max(rounds, 3)):
        started = time.perf_counter()
        process_bytes(ARTICLE, "article.txt")
        best = min(best, time.perf_counter() - started)
    return best


def _compile_package() -> None:
    """Write the package's bytecode, as installing it does: spaCy's is already on disk, and a machine
    that sets PYTHONDONTWRITEBYTECODE would otherwise have every run compile the pipeline's source."""
    compileall.compile_dir(ROOT / "pipeline", quiet=1)


def measure(rounds: int = 3) -> dict[str, object]:
    _compile_package()
    doc = _doc_seconds(rounds)
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        (src / "article.txt").write_bytes(ARTICLE)
        run = ["-m", "pipeline", "-q", "--force", str(src), str(Path(tmp) / "out")]
        figures["version_s"] = round(_best(["-m", "pipeline", "--version"], rounds)[0], 3)
        figures["help_s"] = round(_best(["-m", "pipeline", "--help"], rounds)[0], 3)
        wall, cpu = _best([*run, "-j", "1"], rounds)
        figures["doc_s"] = round(doc, 4)
        figures["fixed_cost_s"] = round(wall - doc, 3)
        figures["fixed_cost_cpu_s"] = round(cpu - doc, 3)
        figures["fixed_cost_2_workers_s"] = round(_best([*run, "-j", "2"], rounds)[0] - doc, 3)
    figures["python_s"] = round(_best(["-c", "pass"], rounds)[0], 3)
    spacy_wall = _best(["-c", "import spacy; spacy.blank('en')"], rounds)[0]
    figures["spacy_blank_s"] = round(spacy_wall, 3)
    figures["fixed_cost_ratio_to_spacy_blank"] = round((wall - doc) / spacy_wall, 2)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup_bench",
                                     description="What extract costs before it does any work; docs/benchmark.md.")
    parser.add_argument("--rounds", type=int, default=3, metavar="N", help="fresh processes per figure (best of N)")
    args = parser.parse_args(argv)
    for key, value in measure(args.rounds).items():
        print(f"{key:32} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
