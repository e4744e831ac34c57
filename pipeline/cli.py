"""``extract SRC DST``: a thin click layer over ``pipeline.batch.runner.run``."""

from __future__ import annotations

import sys
import time
from contextlib import ExitStack

import click

from pipeline import VERSION
from pipeline.batch.errors import RunError, UsageError
from pipeline.batch.runner import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Options, run
from pipeline.batch.workers import default_workers
from schemas.article import ManifestEntry


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
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
def main(src: str, dst: str, force: bool, prune: bool, max_bytes: int, timeout: float, workers: int | None,
         dask_scheduler: str | None, quiet: bool) -> None:
    """Extract structured facts from the career articles under SRC into one JSON file each in DST.

    Reads .txt, .md, .markdown, .html and .htm files recursively; writes DST/<path>.json and
    DST/manifest.jsonl. SRC and DST are folders or fsspec URLs (s3://bucket/raw, ...).
    Exit status: 0 all ok or skipped, 1 some input failed, 2 usage error.
    """
    options = Options(force=force, prune=prune, max_bytes=max_bytes, timeout=timeout,
                      workers=workers or default_workers(), dask_scheduler=dask_scheduler)
    started = time.perf_counter()
    show = not quiet and sys.stderr.isatty()

    with ExitStack() as stack:
        # Inputs are found as they are processed, so the bar counts without a known end.
        names: list[str] = []
        bar = stack.enter_context(click.progressbar(iter(names), label="extract", file=sys.stderr, show_pos=True,
                                                    item_show_func=lambda p: p)) if show else None

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
