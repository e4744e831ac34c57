"""Review-site benchmark: ``python -m benchmarks.review_bench [--articles N]``.

Builds an output folder of N articles (default 1,000; the sample's and the fixtures' outputs
repeated, as ``benchmarks.export_bench`` does) and times ``extract review`` on it. Figures only.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.export_bench import build_outputs
from pipeline.review import review


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.review_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000, metavar="N")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        build_outputs(out, args.articles)
        started = time.perf_counter()
        summary = review(out)
        seconds = time.perf_counter() - started
    print(f"review site of {summary.pages} articles: {seconds:.1f} s ({summary.pages / seconds:.0f} pages/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
