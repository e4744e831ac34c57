"""Real-page benchmark: ``python -m benchmarks.pages_bench [--pages DIR]``.

On whole HTML pages (default: the handbook pages of ``../shared/corpus/bls``), in one run: the
whole pipeline in one process (pages/s) against trafilatura's ``extract(html, include_tables=True)``
and against BeautifulSoup(lxml) parsing alone, on the same pages; the batch job with 1 and 2
workers; and generated pages with 1,000, 4,000 and 16,000 table rows, whose time per row should
stay flat; and the batch job (1 worker) reading the same pages from a folder and from a ``.warc.gz`` of them
(packed at run time, one gzip member per record), as time per page. Each rate is the best of three
rounds (the batch: of five, its two sides taking turns).
trafilatura is a benchmark-only extra (``pip install -e '.[bench]'``); without it that figure is left
out. Figures only.
"""

from __future__ import annotations

import argparse
import io
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

from pipeline.batch.options import Options
from pipeline.batch.runner import run
from pipeline.process import process_bytes, warm_up

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "corpus" / "bls"
# A batch of the handbook pages lasts about a second: more rounds than the other figures.
BATCH_ROUNDS = 5


def _best(fn: Callable[[], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def table_page(rows: int) -> bytes:
    body = "".join(f"<tr><td>Industry {i}</td><td>${40_000 + i:,}</td></tr>" for i in range(rows))
    return (f"<html><head><title>Wages of Kiln Operators</title></head><body><main><h1>Kiln Operators</h1>"
            f"<p>Median annual wages for kiln operators in the industries employing them:</p>"
            f"<table><tr><th>Industry</th><th>Median wage</th></tr>{body}</table></main></body></html>").encode()


def pack_warc(pages: list[tuple[str, bytes]], path: Path) -> None:
    """The pages as HTTP 200 responses in one ``.warc.gz``, a gzip member per record, as crawlers write."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for name, data in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://pages.example/{name}", "response",
                                                          payload=io.BytesIO(data), http_headers=http))


def warc_figures(pages: list[tuple[str, bytes]], tmp: Path) -> None:
    """The batch job on the same pages from a folder and from a web archive: ms per page and their ratio."""
    src = tmp / "src"
    archive = tmp / "pages.warc.gz"
    pack_warc(pages, archive)
    best = {"folder": float("inf"), "warc": float("inf")}
    for _ in range(BATCH_ROUNDS):
        for side, location in (("folder", src), ("warc", archive)):
            started = time.perf_counter()
            run(location, tmp / f"out-{side}", Options(workers=1, force=True))
            best[side] = min(best[side], time.perf_counter() - started)
    for side, seconds in best.items():
        print(f"{f'batch from {side}, ms/page':32} {seconds / len(pages) * 1000:8.1f}")
    print(f"{'ratio warc.gz / folder per page':32} {best['warc'] / best['folder']:8.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pages_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES, metavar="DIR", help="a folder of .html pages")
    args = parser.parse_args(argv)
    pages = [(p.name, p.read_bytes()) for p in sorted(args.pages.glob("*.htm*"))]
    if not pages:
        parser.error(f"no .html pages in {args.pages}")
    warm_up()
    kb = sum(len(data) for _, data in pages) / len(pages) / 1024
    print(f"{'machine':32} {platform.machine()}, Python {platform.python_version()}")
    print(f"{'pages':32} {len(pages)} (mean {kb:.0f} KB)")
    figures: dict[str, float] = {}
    figures["pipeline"] = len(pages) / _best(lambda: [process_bytes(data, name) for name, data in pages])
    figures["bs4_lxml"] = len(pages) / _best(lambda: [BeautifulSoup(data, "lxml") for _, data in pages])
    try:
        from trafilatura import extract
    except ImportError:
        print("trafilatura is not installed (pip install -e '.[bench]'): its figure is left out")
    else:
        figures["trafilatura"] = len(pages) / _best(
            lambda: [extract(data.decode("utf-8", "replace"), include_tables=True) for _, data in pages])
    for name, rate in figures.items():
        print(f"{name + ' pages/s':32} {rate:8.1f}")
    if "trafilatura" in figures:
        print(f"{'ratio pipeline / trafilatura':32} {figures['pipeline'] / figures['trafilatura']:8.2f}")
    print(f"{'ratio pipeline / bs4(lxml)':32} {figures['pipeline'] / figures['bs4_lxml']:8.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for name, data in pages:
            (src / name).write_bytes(data)
        # The two sides take turns, round by round, so that both see the machine as it is at the time.
        best = {1: float("inf"), 2: float("inf")}
        for _ in range(BATCH_ROUNDS):
            for workers in best:
                started = time.perf_counter()
                run(src, Path(tmp) / f"out{workers}", Options(workers=workers, force=True))
                best[workers] = min(best[workers], time.perf_counter() - started)
        rates = {workers: len(pages) / seconds for workers, seconds in best.items()}
        for workers, rate in rates.items():
            print(f"{f'batch, {workers} worker(s), pages/s':32} {rate:8.1f}")
        print(f"{'ratio 2 workers / 1':32} {rates[2] / rates[1]:8.2f}")
        warc_figures(pages, Path(tmp))
    for rows in (1_000, 4_000, 16_000):
        page = table_page(rows)
        seconds = _best(lambda: process_bytes(page, "table.html"), 1)  # noqa: B023 - called before the loop goes on
        print(f"{f'table of {rows:,} rows':32} {seconds:8.2f} s  {seconds / rows * 1e6:6.1f} us/row")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
