"""Export benchmark: ``python -m benchmarks.export_bench [--articles N]``.

Runs the pipeline on the sample and the test fixtures, copies their outputs into an output folder
of N articles (default 10,000) with its manifest, then times ``extract export`` in each format,
and a second SQLite export, which finds every article unchanged. Figures only; nothing asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from pipeline.batch.journal import MANIFEST
from pipeline.export import FORMATS, export
from pipeline.process import process_bytes

ROOT = Path(__file__).resolve().parent.parent


def build_outputs(out: Path, n: int) -> None:
    sources = [*sorted((ROOT / "raw").glob("*.txt")), *sorted((ROOT / "tests" / "fixtures").glob("*.*"))]
    articles = [process_bytes(p.read_bytes(), p.name).model_dump_json() for p in sources if p.is_file()]
    lines = []
    for i in range(n):
        name = f"part{i // 1000:03d}/article{i:05d}.json"
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(articles[i % len(articles)], encoding="utf-8")
        lines.append(json.dumps({"path": name.replace(".json", ".txt"), "sha256": f"{i:064x}", "status": "ok",
                                 "output": name, "error": None, "pipeline_version": "bench"}))
    (out / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.export_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, metavar="N")
    args = parser.parse_args(argv)
    print(f"{'machine':28} {platform.machine()}, {len(os.sched_getaffinity(0))} CPUs, "
          f"Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        out, dest = Path(tmp) / "out", Path(tmp) / "dest"
        build_outputs(out, args.articles)
        for fmt in [*FORMATS, "sqlite"]:
            started = time.perf_counter()
            summary = export(out, dest, fmt)
            seconds = time.perf_counter() - started
            label = f"{fmt} ({summary.written} written)"
            print(f"{label:28} {seconds:6.1f} s  {summary.articles / seconds:8.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
