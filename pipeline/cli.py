"""``extract SRC DST`` and ``extract export OUT DEST``: a thin click layer over
``pipeline.batch.runner.run`` and ``pipeline.export.export``."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from typing import TYPE_CHECKING

import click

from pipeline import VERSION
from pipeline.batch.errors import RunError, UsageError
from pipeline.batch.runner import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Options, run
from pipeline.batch.workers import default_workers
from pipeline.export import FORMATS, ExportError, ExportOptions, export
from pipeline.review import review
from schemas.article import ManifestEntry

if TYPE_CHECKING:  # the type of click.progressbar's bar, which click does not export
    from click._termui_impl import ProgressBar

HELP = {"help_option_names": ["-h", "--help"]}


class Commands(click.Group):
    """``extract SRC DST`` is the ``run`` command; a first word that names a command runs that one
    (``extract run SRC DST`` reads a SRC folder named like a command)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands:
            args = ["run", *args]
        return super().parse_args(ctx, args)


def _progress_bar(stack: ExitStack, label: str, quiet: bool) -> ProgressBar[str] | None:
    """A progress bar on a terminal's stderr, else none. Items are found as they are processed, so
    the bar counts without a known end."""
    if quiet or not sys.stderr.isatty():
        return None
    names: list[str] = []
    return stack.enter_context(click.progressbar(iter(names), label=label, file=sys.stderr, show_pos=True,
                                                 item_show_func=lambda p: p))


def _ticker(bar: ProgressBar[str] | None) -> Callable[[str], None] | None:
    """One step of the bar per item, by name; nothing without a bar."""
    return None if bar is None else (lambda name: bar.update(1, name))


@click.group(cls=Commands, context_settings=HELP)
def main() -> None:
    """Structured facts from career articles."""


@main.command("run", context_settings=HELP, epilog="Other commands: 'extract export OUT DEST --format F' "
              "turns an output folder into JSON Lines, CSV, SQLite or schema.org JSON-LD (see 'extract export -h').")
@click.argument("src")
@click.argument("dst")
@click.option("--force", is_flag=True, help="Redo every input, even when unchanged since the last run.")
@click.option("--prune", is_flag=True,
              help="Delete outputs whose input is gone (.json files in DST that no input produces).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Inputs larger than this fail without being read.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds allowed per document (0: no limit).")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes (default: the number of CPUs); 1 runs in this process.")
@click.option("--dask-scheduler", metavar="ADDRESS",
              help="Run the documents on this Dask distributed scheduler (tcp://host:8786) instead.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
@click.version_option(VERSION, prog_name="extract")
def run_command(src: str, dst: str, force: bool, prune: bool, max_bytes: int, timeout: float, workers: int | None,
         dask_scheduler: str | None, quiet: bool) -> None:
    """Extract structured facts from the career articles under SRC into one JSON file each in DST.

    Reads .txt, .md, .markdown, .html and .htm files recursively; writes DST/<path>.json and
    DST/manifest.jsonl. SRC and DST are folders or fsspec URLs (s3://bucket/raw, ...).
    Exit status: 0 all ok or skipped, 1 some input failed, 2 usage error.
    """
    options = Options(force=force, prune=prune, max_bytes=max_bytes, timeout=timeout,
                      workers=workers or default_workers(), dask_scheduler=dask_scheduler)
    started = time.perf_counter()
    with ExitStack() as stack:
        bar = _progress_bar(stack, "extract", quiet)

        def progress(entry: ManifestEntry) -> None:
            if entry.status == "failed" and not quiet:
                click.echo(("\n" if bar else "") + f"failed: {entry.path}: {entry.error}", err=True)
            if bar is not None:
                bar.update(1, entry.path)

        try:
            summary = run(src, dst, options, progress)
        except UsageError as exc:  # one line, no usage block: the arguments parsed, the paths are wrong
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)
        except RunError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
    elapsed = time.perf_counter() - started
    if not quiet:
        done = summary.total
        rate = done / elapsed if elapsed > 0 else 0.0
        line = (f"{done} inputs: {summary.count('ok')} ok, {summary.count('skipped')} skipped, "
                f"{summary.count('failed')} failed; {rate:.1f} docs/s")
        if summary.stale:
            verb = "removed" if prune else "kept (use --prune to remove)"
            for rel in summary.stale:
                click.echo(f"{'pruned' if prune else 'stale'}: {rel} (its input is gone)", err=True)
            line += f"; {len(summary.stale)} outputs without input {verb}"
        click.echo(line, err=True)
    sys.exit(1 if summary.count("failed") else 0)


@main.command("export", context_settings=HELP)
@click.argument("out")
@click.argument("dest")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="jsonl: articles.jsonl; csv: roles.csv and facts.csv; sqlite: articles.sqlite (updated in place); "
                   "jsonld: occupations.jsonld (schema.org Occupation).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True, metavar="P",
              help="Export only the facts whose confidence is at least P (0 to 1); the comparison is made from those.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
def export_command(out: str, dest: str, fmt: str, min_confidence: float, quiet: bool) -> None:
    """Export the articles of OUT, an output folder of 'extract SRC DST', to DEST.

    Reads OUT/manifest.jsonl and exports the inputs it lists as ok or skipped.
    Exit status: 0 done, 1 an output could not be read, 2 usage error (no manifest in OUT).
    """
    started = time.perf_counter()
    with ExitStack() as stack:
        bar = _progress_bar(stack, "export", quiet)
        try:
            summary = export(out, dest, fmt, _ticker(bar), ExportOptions(min_confidence=min_confidence))
        except ExportError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2 if "manifest" in str(exc) else 1)
    if not quiet:
        rate = summary.articles / max(time.perf_counter() - started, 1e-9)
        gone = f", {summary.removed} removed" if summary.removed else ""
        click.echo(f"{summary.articles} articles: {summary.written} written, "
                   f"{summary.articles - summary.written} unchanged{gone}; {', '.join(summary.files)} in {dest}; "
                   f"{rate:.1f} articles/s", err=True)



@main.command("review", context_settings=HELP)
@click.argument("out")
@click.option("--src", metavar="SRC", help="The inputs' folder: labels beside an input (NAME.gold.json) mark "
                                           "the facts they lack and list the ones missed.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
def review_command(out: str, src: str | None, quiet: bool) -> None:
    """Write a static review site of OUT, an output folder of 'extract SRC DST', to OUT/review/.

    OUT/review/index.html lists every input; each article's page shows its text with every fact
    highlighted. The site opens from disk and needs no network.
    Exit status: 0 done, 2 usage error (no manifest in OUT).
    """
    started = time.perf_counter()
    with ExitStack() as stack:
        bar = _progress_bar(stack, "review", quiet)
        try:
            summary = review(out, src, _ticker(bar))
        except ExportError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)
    if not quiet:
        seconds = time.perf_counter() - started
        click.echo(f"{summary.pages} article pages, {summary.failed} inputs without one; open {summary.index} "
                   f"({seconds:.1f} s)", err=True)
