"""Throughput benchmark: ``python -m benchmarks.bench [--docs N] [--html-pages N] [--memory N,M] [--out FILE]``.

Run it from the checkout (``docs/benchmark.md`` explains the method and each figure).

Builds a corpus of varied articles (the sample and the test fixtures with other occupations,
shuffled sections, other figures and page noise; txt, Markdown and HTML), then measures in one
run on the same texts:

- on the text documents (txt and Markdown), the whole pipeline in one process (``process_bytes``):
  docs/s, words/s; spaCy's blank English tokenizer alone (``nlp.pipe``, one process); and the
  ratio between the two (``ratio_to_tokenizer``, the target);
- the same "cold": every cache keyed by article text emptied before each document, as if no
  sentence had been seen before (the generated corpus repeats its sources' sentences);
- the same over all documents, HTML included (``all_*``);
- the batch job (``pipeline.batch.runner.run``) with 1 and with 2 worker processes, and their ratio (best of two
  rounds each);
- ~60 KB HTML pages: the whole pipeline against BeautifulSoup(lxml) parsing the same pages alone;
- what a user waits for before any work (``benchmarks.startup_bench``): ``extract --version``, and a
  run's fixed cost before its first document;
- with ``--memory N,M,...``: the batch job's peak memory (its own and its largest worker's) over
  N and M documents, each in a fresh process, to show that it does not grow with the batch.

It prints figures and ratios only; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

import spacy
from bs4 import BeautifulSoup

from benchmarks import startup_bench
from pipeline.batch.options import Options
from pipeline.batch.runner import run
from pipeline.process import process_bytes, warm_up
from pipeline.rules import cache as memo

ROOT = Path(__file__).resolve().parent.parent
# A fixed list, so that adding a test fixture does not change the benchmark's corpus.
SOURCE_FILES = ["raw/medical-coder-vs-medical-biller.txt"] + [
    f"tests/fixtures/{name}"
    for name in ("accountant-vs-financial-analyst.md", "baker-vs-pastry-chef.txt", "dental-hygienist-profile.html",
                 "hvac-technician-vs-plumber.txt", "plumber-vs-electrician.md")
]
OCCUPATIONS = [
    ("Dental Hygienist", "Dental Assistant"), ("Welder", "Pipefitter"), ("Paralegal", "Legal Secretary"),
    ("Pharmacy Technician", "Pharmacist"), ("Graphic Designer", "Illustrator"), ("Electrician", "Plumber"),
    ("Bank Teller", "Loan Officer"), ("Sous Chef", "Line Cook"), ("Surveyor", "Cartographer"),
    ("Court Reporter", "Stenographer"), ("Librarian", "Archivist"), ("Firefighter", "Paramedic"),
]
NOISE = ["Home > Careers > Guides", "Share this article: Facebook | Email", "Advertisement",
         "Subscribe to our newsletter for weekly tips.", "© 2025 Example Media. All rights reserved."]


def _variant(source: Path, text: str, rng: random.Random) -> tuple[str, str]:
    """Another occupation pair, shuffled middle paragraphs, other figures, noise lines."""
    a, b = rng.choice(OCCUPATIONS)
    first = source.stem.split("-vs-")[0].replace("-", " ")
    text = text.replace(first.title(), a).replace(first, a.lower())
    paras = text.split("\n\n")
    middle = paras[2:-2]
    rng.shuffle(middle)
    text = "\n\n".join(paras[:2] + middle + paras[-2:])
    text = text.replace("54,972", f"{rng.randint(30, 120)},{rng.randint(100, 999)}")
    lines = [rng.choice(NOISE), text, rng.choice(NOISE)]
    return "\n\n".join(lines), b


def _as_html(text: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    return (f"<html><head><title>Bench</title></head><body><nav><a>Home</a><a>Jobs</a></nav>"
            f"<article>{body}</article><footer>© 2025</footer></body></html>")


# The checkout whose sample and fixtures seed the corpus (``--sources``).
SOURCE_ROOT = ROOT


def build_corpus(n: int, seed: int = 7) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    texts = [(p, p.read_text(encoding="utf-8")) for p in (SOURCE_ROOT / f for f in SOURCE_FILES)]
    corpus: list[tuple[str, bytes]] = []
    for i in range(n):
        source, text = texts[i % len(texts)]
        varied, _ = _variant(source, text, rng)
        if source.suffix == ".html" or i % 3 == 2:
            name, data = f"doc{i:05d}.html", _as_html(varied) if source.suffix != ".html" else varied
        elif source.suffix == ".md":
            name, data = f"doc{i:05d}.md", varied
        else:
            name, data = f"doc{i:05d}.txt", varied
        corpus.append((name, data.encode("utf-8")))
    return corpus


def big_html_pages(n: int, size: int = 60_000, seed: int = 11) -> list[tuple[str, bytes]]:
    """Pages like real ones: one article inside ~60 KB of scripts, styles, menus, sidebars and footers."""
    rng = random.Random(seed)
    base = build_corpus(12, seed)
    pages = []
    for i in range(n):
        name, data = rng.choice(base)
        text = data.decode("utf-8")
        article = text if name.endswith(".html") else _as_html(text)
        inner = BeautifulSoup(article, "lxml").find("article") or BeautifulSoup(article, "lxml").body
        menu = "".join(f"<li class='menu-item'><a href='/c/{k}'>Category {k}</a></li>" for k in range(120))
        related = "".join(f"<li><a href='/p/{k}'>Job {k} vs. Job {k + 1}: What Are the Differences?</a></li>"
                          for k in range(40))
        chrome_head = (f"<script>{'var a' + str(i) + '=1;' * 400}</script>"
                       f"<style>{'.c{margin:0;padding:0}' * 300}</style>")
        page = (f"<html><head><title>Page {i}</title>{chrome_head}</head><body>"
                f"<header class='site-header'><nav><ul>{menu}</ul></nav></header>"
                f"<main>{inner}<aside class='sidebar'><ul>{related}</ul></aside></main>"
                f"<footer class='site-footer'>{'<p>© 2025 Example Media. All rights reserved.</p>' * 20}</footer>")
        while len(page) < size:
            page += f"<script>{'window.x=1;' * 200}</script>"
        pages.append((f"big{i:04d}.html", (page + "</body></html>").encode("utf-8")))
    return pages


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def _paired(pipeline: Callable[[], object], baseline: Callable[[], object],
            rounds: int = 3) -> tuple[float, float, list[float]]:
    """Best pipeline time, best baseline time, and each round's baseline / pipeline time."""
    pairs = [(_timed(pipeline), _timed(baseline)) for _ in range(rounds)]
    return min(p for p, _ in pairs), min(b for _, b in pairs), [b / p for p, b in pairs]


def _spread(ratios: list[float]) -> str:
    return f"{min(ratios):.3f}-{max(ratios):.3f} (median {statistics.median(ratios):.3f})"


def _words(corpus: list[tuple[str, bytes]]) -> int:
    return sum(len(data.split()) for _, data in corpus)


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def measure(docs: int, html_pages: int) -> dict[str, object]:
    corpus = build_corpus(docs)
    texts = [data.decode("utf-8") for _, data in corpus]
    warm_up()  # what the batch job does in each process before its first document
    nlp = spacy.blank("en")

    text_docs = [(name, data) for name, data in corpus if not name.endswith(".html")]
    plain = [data.decode("utf-8") for _, data in text_docs]

    def cold() -> None:
        for name, data in text_docs:
            memo.clear()
            process_bytes(data, name)

    # Results are dropped as they come (deque(maxlen=0)), as the batch job does. The pipeline and
    # the tokenizer run in turn for a few rounds. A rate comes from the best round, the least
    # disturbed on a shared machine whose speed drifts by 10-20%; a ratio is that of the printed
    # rates, and the rounds' own ratios are printed beside it.
    def pipeline_all() -> None:
        deque((process_bytes(data, name) for name, data in corpus), maxlen=0)

    def pipeline_text() -> None:
        deque((process_bytes(data, name) for name, data in text_docs), maxlen=0)

    pipe_s, tok_s, rounds = _paired(pipeline_all, lambda: deque(nlp.pipe(texts), maxlen=0))
    text_pipe_s, text_tok_s, text_rounds = _paired(pipeline_text, lambda: deque(nlp.pipe(plain), maxlen=0),
                                                   rounds=8)
    cold_s, cold_tok_s, cold_rounds = _paired(cold, lambda: deque(nlp.pipe(plain), maxlen=0), rounds=2)

    batch: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for name, data in corpus:
            (src / name).write_bytes(data)
        for _ in range(2):  # in turn, the better of two rounds each
            for workers in (1, 2):
                out = Path(tmp) / f"out{workers}"
                options = Options(force=True, workers=workers)
                seconds = _timed(lambda out=out, options=options: run(src, out, options))
                batch[workers] = min(seconds, batch.get(workers, seconds))
                shutil.rmtree(out)

    pages = big_html_pages(html_pages)
    page_pipe_s, page_soup_s, page_rounds = _paired(
        lambda: deque((process_bytes(data, name) for name, data in pages), maxlen=0),
        lambda: deque((BeautifulSoup(data, "lxml") for _, data in pages), maxlen=0))

    words, text_words = _words(corpus), _words(text_docs)
    return {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        # The headline figure: text documents (txt and Markdown), one process, against the tokenizer.
        "text_docs": len(text_docs),
        "text_words": text_words,
        "pipeline_docs_per_s": round(len(text_docs) / text_pipe_s, 1),
        "pipeline_words_per_s": round(text_words / text_pipe_s),
        "tokenizer_docs_per_s": round(len(text_docs) / text_tok_s, 1),
        "ratio_to_tokenizer": round(text_tok_s / text_pipe_s, 3),
        "ratio_rounds": _spread(text_rounds),
        "cold_docs_per_s": round(len(text_docs) / cold_s, 1),
        "cold_ratio_to_tokenizer": round(cold_tok_s / cold_s, 3),
        "cold_ratio_rounds": _spread(cold_rounds),
        # The whole corpus, HTML included: those pages pay for BeautifulSoup, which the tokenizer
        # does not (their own target is ratio_to_bs4 below).
        "all_docs": docs,
        "all_words": words,
        "all_pipeline_docs_per_s": round(docs / pipe_s, 1),
        "all_tokenizer_docs_per_s": round(docs / tok_s, 1),
        "all_ratio_to_tokenizer": round(tok_s / pipe_s, 3),
        "all_ratio_rounds": _spread(rounds),
        "batch_1_worker_docs_per_s": round(docs / batch[1], 1),
        "batch_2_workers_docs_per_s": round(docs / batch[2], 1),
        "ratio_2_to_1_workers": round(batch[1] / batch[2], 2),
        "html_pages": html_pages,
        "html_page_kb": round(sum(len(d) for _, d in pages) / len(pages) / 1024, 1),
        "html_pipeline_pages_per_s": round(html_pages / page_pipe_s, 1),
        "bs4_lxml_pages_per_s": round(html_pages / page_soup_s, 1),
        "ratio_to_bs4": round(page_soup_s / page_pipe_s, 3),
        "ratio_to_bs4_rounds": _spread(page_rounds),
        "peak_memory_mb": round(max(_peak_mb(), _peak_mb(resource.RUSAGE_CHILDREN)), 1),
    }


_PEAK = """
import resource, sys
from pathlib import Path
from pipeline.batch.options import Options
from pipeline.batch.runner import run
summary = run(Path(sys.argv[1]), Path(sys.argv[2]), Options(workers=int(sys.argv[3])))
assert summary.count("failed") == 0
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def memory(sizes: list[int], workers: int = 2) -> dict[str, object]:
    """Peak RSS (MB) of a whole batch run over each number of documents, parent and largest worker."""
    import subprocess

    figures: dict[str, object] = {}
    corpus = build_corpus(max(sizes))
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "src"
            for i, (name, data) in enumerate(corpus[:n]):
                folder = src / f"part{i // 1000:03d}"  # folders of 1,000, as archives are laid out
                folder.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(data)
            started = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", _PEAK, str(src), str(Path(tmp) / "out"), str(workers)],
                                 cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
            seconds = time.perf_counter() - started
        parent, child = (int(x) / 1024 for x in out)
        figures[f"batch_{n}_docs_parent_peak_mb"] = round(parent, 1)
        figures[f"batch_{n}_docs_worker_peak_mb"] = round(child, 1)
        figures[f"batch_{n}_docs_per_s"] = round(n / seconds, 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description="Throughput benchmark of the "
                                     "pipeline; docs/benchmark.md explains the method and each figure.")
    parser.add_argument("--docs", type=int, default=2000, metavar="N",
                        help="articles in the generated corpus (default 2000)")
    parser.add_argument("--html-pages", type=int, default=100, metavar="N", help="~60 KB HTML pages (default 100)")
    parser.add_argument("--memory", metavar="N,M", help="also the batch's peak memory over N and M documents "
                        "(e.g. 1000,10000; 2 workers)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="also write the figures as JSON here")
    parser.add_argument("--sources", type=Path, default=ROOT, metavar="DIR",
                        help="the checkout whose raw/ and tests/fixtures/ seed the corpus (default: the one this "
                        "module is in)")
    args = parser.parse_args(argv)
    global SOURCE_ROOT
    SOURCE_ROOT = args.sources
    started = time.perf_counter()
    figures = measure(args.docs, args.html_pages)
    figures.update(startup_bench.measure())
    if args.memory:
        figures.update(memory([int(n) for n in args.memory.split(",")]))
    figures["benchmark_seconds"] = round(time.perf_counter() - started, 1)
    for key, value in figures.items():
        print(f"{key:28} {value}")
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
