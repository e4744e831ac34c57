"""The ``extract`` command: a thin click layer over the library (``pipeline.batch.runner.run``,
``pipeline.review.review``, ``pipeline.export.export``, ``pipeline.export.occupations.profiles``).

One function per command. Each imports what it needs when it runs, so ``extract --help`` and
``extract --version`` load click and nothing of the pipeline. ``extract SRC DST`` is short for
``extract run SRC DST``; options may come before or after a command's name (``Commands``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from pipeline import VERSION
from pipeline.batch.options import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from pipeline.export import FORMATS

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar  # the type of click.progressbar's bar, which click does not export

    from pipeline.batch.runner import Summary
    from schemas.article import ManifestEntry

HELP = {"help_option_names": ["-h", "--help"]}
DEFAULT_COMMAND = "run"
QUIET = click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")


class Commands(click.Group):
    """``extract``'s commands, listed in the order of the work (run, review, export, profiles).

    The first word that is not an option names the command; when it names none, the command is
    ``run`` (``extract SRC DST``). Options before the command's name are handed to the command
    (``extract -q export OUT DEST``). A word that names a command and is also a path here, with
    arguments that would fit ``run`` too, is an error that says how to write either; a ``--``
    after the command's name says the command is meant.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        words = self._words(args)
        if not words:  # no argument at all: the group's --help or --version, else run says what is missing
            own = {name for param in self.get_params(ctx) for name in getattr(param, "opts", ())}
            if all(arg in own for arg in args):
                return super().parse_args(ctx, args)
            return super().parse_args(ctx, [DEFAULT_COMMAND, *args])
        first = words[0]
        name = args[first]
        if name not in self.commands or (first and args[first - 1] == "--"):
            return super().parse_args(ctx, [DEFAULT_COMMAND, *args])
        if Path(name).exists() and "--" not in args and len(words) == self._run_arguments():
            fail(f"{name!r} is both a command and a path here: write 'extract {DEFAULT_COMMAND} ./{name} "
                 f"{args[words[1]]}' to read the folder, or 'extract {name} -- {args[words[1]]}' for the command")
        return super().parse_args(ctx, [name, *args[:first], *args[first + 1:]])

    def _option_values(self) -> dict[str, int]:
        """How many values each option of the group and its commands takes, by each of its names."""
        values: dict[str, int] = {}
        for command in (self, *self.commands.values()):
            for param in command.params:
                if isinstance(param, click.Option) and not param.is_flag and not param.count:
                    values.update(dict.fromkeys(param.opts, param.nargs))
        return values

    def _words(self, args: list[str]) -> list[int]:
        """The places of the arguments that are not options or their values."""
        values = self._option_values()
        words: list[int] = []
        at = 0
        while at < len(args):
            arg = args[at]
            if arg == "--":
                return words + list(range(at + 1, len(args)))
            if arg == "-" or not arg.startswith("-"):
                words.append(at)
            at += 1 + values.get(arg, 0)
        return words

    def _run_arguments(self) -> int:
        return sum(isinstance(p, click.Argument) for p in self.commands[DEFAULT_COMMAND].params)


def fail(message: str, status: int = 2) -> NoReturn:
    """One ``Error: ...`` line on stderr and the exit status: 2 for bad arguments, 1 for a run that failed."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(status)


def os_error(exc: OSError) -> str:
    """An OS error in one line, with the file it is about."""
    return f"{exc.filename}: {exc.strerror}" if exc.filename and exc.strerror else str(exc)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@contextmanager
def progress_bar(label: str, quiet: bool) -> Iterator[ProgressBar[str] | None]:
    """A progress bar on a terminal's stderr, else none. Items are found as they are processed, so
    the bar counts without a known end."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    names: list[str] = []
    with click.progressbar(iter(names), label=label, file=sys.stderr, show_pos=True,
                           item_show_func=lambda p: p) as bar:
        yield bar


@contextmanager
def export_errors() -> Iterator[None]:
    """An export's failure as one line: 2 for a usage error (no manifest, DEST no writable folder), 1 for
    an output that cannot be read or a file that cannot be written."""
    from pipeline.batch.errors import UsageError
    from pipeline.export import ExportError

    try:
        yield
    except UsageError as exc:
        fail(str(exc))
    except ExportError as exc:
        fail(str(exc), 1)
    except OSError as exc:
        fail(os_error(exc), 1)


def ticker(bar: ProgressBar[str] | None) -> Callable[[str], None] | None:
    """One step of the bar per item, by name; nothing without a bar."""
    return None if bar is None else (lambda name: bar.update(1, name))


@click.group(cls=Commands, context_settings=HELP, subcommand_metavar="COMMAND [ARGS]... | SRC DST")
@click.version_option(VERSION, prog_name="extract")
def main() -> None:
    """Structured facts from career articles: one checked JSON file per article, a review site, and
    exports for a site to load.

    'extract SRC DST' is short for 'extract run SRC DST'. Options may come before or after the
    command; 'extract COMMAND -h' describes one.
    """


@main.command("run", context_settings=HELP, short_help="Extract the articles under SRC into DST (the default).")
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
@click.option("--keep-all", is_flag=True,
              help="Extract roles and facts of pages judged not about occupations too (else not_career, no facts).")
@QUIET
def run_command(src: str, dst: str, force: bool, prune: bool, max_bytes: int, timeout: float,
                workers: int | None, dask_scheduler: str | None, keep_all: bool, quiet: bool) -> None:
    """Extract structured facts from the career articles under SRC into one JSON file each in DST.

    Reads .txt, .md, .markdown, .html and .htm files recursively; writes DST/<path>.json and
    DST/manifest.jsonl. SRC and DST are folders or fsspec URLs (s3://bucket/raw, ...). SRC may
    also be a web archive (.warc, .warc.gz), a glob of them, or a folder holding them: each HTML or
    text page captured is an input, its output named after its URL (DST/<host>/<path>-<digest>.json).
    Exit status: 0 all ok or skipped, 1 some input failed, 2 usage error.
    """
    from pipeline.batch.errors import RunError, UsageError
    from pipeline.batch.options import Options
    from pipeline.batch.startup import collector_paused
    from pipeline.batch.workers import default_workers

    with collector_paused():
        from pipeline.batch.runner import run

    options = Options(force=force, prune=prune, max_bytes=max_bytes, timeout=timeout,
                      workers=workers or default_workers(), dask_scheduler=dask_scheduler, keep_all=keep_all)
    started = time.perf_counter()
    with progress_bar("extract", quiet) as bar:

        def progress(entry: ManifestEntry) -> None:
            if entry.status == "failed" and not quiet:
                click.echo(("\n" if bar else "") + f"failed: {entry.path}: {entry.error}", err=True)
            if bar is not None:
                bar.update(1, entry.path)

        try:
            summary = run(src, dst, options, progress)
        except UsageError as exc:  # one line, no usage block: the arguments parsed, the paths are wrong
            fail(str(exc))
        except RunError as exc:
            fail(str(exc), 1)
        except OSError as exc:
            fail(os_error(exc), 1)
    if not quiet:
        rate = summary.total / max(time.perf_counter() - started, 1e-9)
        if summary.total:
            line = (f"{plural(summary.total, 'input')}: {summary.count('ok')} ok{not_career(summary)}, "
                    f"{summary.count('skipped')} skipped{skip_reasons(summary)}, {summary.count('failed')} failed; "
                    f"{rate:.1f} docs/s")
        else:
            line = f"no inputs under {src} (.txt, .md, .markdown, .html or .htm files): nothing to do"
        if summary.stale:
            verb = "removed" if prune else "kept (use --prune to remove)"
            for rel in summary.stale:
                click.echo(f"{'pruned' if prune else 'stale'}: {rel} (its input is gone)", err=True)
            line += f"; {plural(len(summary.stale), 'output')} without input {verb}"
        click.echo(line, err=True)
    sys.exit(1 if summary.count("failed") else 0)


def not_career(summary: Summary) -> str:
    return f" ({summary.not_career} not career)" if summary.not_career else ""


def skip_reasons(summary: Summary) -> str:
    """Why inputs were skipped, where some were for another reason than being unchanged (web-archive records)."""
    if set(summary.reasons) <= {"unchanged"}:
        return ""
    return " (" + ", ".join(f"{n} {why}" for why, n in sorted(summary.reasons.items(), key=lambda kv: -kv[1])) + ")"


@main.command("review", context_settings=HELP, short_help="Write a review site of an output folder.")
@click.argument("out")
@click.option("--src", metavar="SRC", help="The inputs' folder: labels beside an input (NAME.gold.json) mark "
                                           "the facts they lack and list the ones missed.")
@QUIET
def review_command(out: str, src: str | None, quiet: bool) -> None:
    """Write a static review site of OUT, an output folder of 'extract SRC DST', to OUT/review/.

    OUT/review/index.html lists every input; each article's page shows its text with every fact
    highlighted. The site opens from disk and needs no network.
    Exit status: 0 done, 1 the site could not be written, 2 usage error (no manifest in OUT, OUT/review
    not a writable folder).
    """
    from pipeline.batch.errors import UsageError
    from pipeline.review import review

    started = time.perf_counter()
    with progress_bar("review", quiet) as bar:
        try:
            summary = review(out, src, ticker(bar))
        except UsageError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"cannot write the review site: {os_error(exc)}", 1)
    if not quiet:
        seconds = time.perf_counter() - started
        click.echo(f"{plural(summary.pages, 'article page')}, {plural(summary.failed, 'input')} without one; "
                   f"{plural(summary.occupations, 'occupation')}; open {summary.index} ({seconds:.1f} s)", err=True)


@main.command("export", context_settings=HELP, short_help="Export an output folder as JSON Lines, CSV, SQLite "
                                                           "or JSON-LD.")
@click.argument("out")
@click.argument("dest")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="jsonl: articles.jsonl; csv: roles.csv and facts.csv; sqlite: articles.sqlite (updated in "
                   "place); jsonld: occupations.jsonld (schema.org Occupation).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True, metavar="P",
              help="Export only the facts whose confidence is at least P (0 to 1); the comparison is made from those.")
@QUIET
def export_command(out: str, dest: str, fmt: str, min_confidence: float, quiet: bool) -> None:
    """Export the articles of OUT, an output folder of 'extract SRC DST', to DEST.

    Reads OUT/manifest.jsonl and exports the inputs it lists as ok or skipped.
    Exit status: 0 done, 1 an output could not be read or a file written, 2 usage error (no manifest
    in OUT, DEST not a writable folder).
    """
    from pipeline.export import ExportOptions, export

    started = time.perf_counter()
    with progress_bar("export", quiet) as bar, export_errors():
        summary = export(out, dest, fmt, ticker(bar), ExportOptions(min_confidence=min_confidence))
    if not quiet:
        rate = summary.articles / max(time.perf_counter() - started, 1e-9)
        gone = f", {summary.removed} removed" if summary.removed else ""
        rebuilt = f", {plural(summary.occupations, 'occupation')} rebuilt" if summary.occupations else ""
        click.echo(f"{plural(summary.articles, 'article')}: {summary.written} written, "
                   f"{summary.articles - summary.written} unchanged{gone}{rebuilt}; {', '.join(summary.files)} in "
                   f"{dest}; {rate:.1f} articles/s", err=True)


@main.command("profiles", context_settings=HELP, short_help="Gather the articles into one profile per occupation.")
@click.argument("out")
@click.argument("dest")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="P",
              help="Leave out facts whose confidence is below P (0 to 1); facts without one stay in.")
@QUIET
def profiles_command(out: str, dest: str, min_confidence: float | None, quiet: bool) -> None:
    """Write one profile per occupation (SOC code) across the articles of OUT, an output folder of
    'extract SRC DST', to DEST/profiles.jsonl and DEST/profiles.jsonld (schema.org Occupation).

    A profile holds every article about the occupation, their pay figures with their sources and a
    summary per currency and period beside the official OEWS wages (figures far outside them flagged),
    education levels, settings and skills with how many articles give each, merged duties, and the
    occupations it is compared with. See docs/profiles.md.
    Exit status: 0 done, 1 an output could not be read or a file written, 2 usage error (no manifest
    in OUT, DEST not a writable folder).
    """
    from pipeline.export.occupations import profiles

    started = time.perf_counter()
    with progress_bar("profiles", quiet) as bar, export_errors():
        summary = profiles(out, dest, min_confidence, ticker(bar))
    if not quiet:
        rate = summary.articles / max(time.perf_counter() - started, 1e-9)
        click.echo(f"{plural(summary.articles, 'article')}: {plural(summary.profiles, 'profile')} "
                   f"({plural(summary.uncoded, 'role')} without a SOC code, {plural(summary.outliers, 'outlier')} "
                   f"flagged); {', '.join(summary.files)} in {dest}; {rate:.1f} articles/s", err=True)
