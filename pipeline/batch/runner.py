"""The batch job behind ``extract SRC DST``: discover inputs, process each, emit JSON and a manifest.

Every input gets one manifest line (``ok``, ``skipped`` or ``failed`` with a one-line reason);
one bad file never stops the batch.

Crash safety (a run may be killed with SIGKILL at any moment): outputs are written atomically
(``pipeline.batch.storage``) and each input's line reaches the journal only after its output is in
place (``pipeline.batch.journal``). Outputs are only ever deleted (a failed input's JSON from an
earlier run, ``--prune``) after the new manifest, which does not name them, is in place; so no
manifest or journal line ever names an output that is not there.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO

from pipeline import VERSION
from pipeline.batch.errors import RunError, UsageError, one_line, reason
from pipeline.batch.journal import MANIFEST, Known, manifest_line
from pipeline.batch.options import Options
from pipeline.batch.records import ArchiveTask, RecordOutcome, RecordRun, do_archive, render
from pipeline.batch.sources import Source, archive_size, resolve
from pipeline.batch.startup import collector_paused
from pipeline.batch.storage import (
    Input,
    LocalDest,
    UrlDest,
    atomic_write,
    claim_output,
    output_path,
    read_input,
    read_url,
)
from pipeline.batch.timeout import with_timeout
from pipeline.batch.warc import RANGE_BYTES, is_archive, ranges
from pipeline.batch.workers import Pool, dask_map
from pipeline.process import process_bytes, warm_up
from pipeline.types import PipelineError
from schemas.article import ManifestEntry


@dataclass
class Summary:
    """Counts of one run; ``entries`` reads the run's manifest back (nothing per input is kept)."""

    counts: dict[str, int] = field(default_factory=lambda: {"ok": 0, "skipped": 0, "failed": 0})
    # Of the ok inputs, those written as not_career; the skipped ones by reason ("unchanged", "revisit", ...).
    not_career: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    stale: list[str] = field(default_factory=list)
    seconds: float = 0.0
    load: Callable[[], bytes] | None = None
    _entries: list[ManifestEntry] | None = None

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def entries(self) -> list[ManifestEntry]:
        """The manifest's entries, in input order (read from the manifest this run wrote)."""
        if self._entries is None:
            raw = self.load() if self.load else b""
            lines = [line for line in raw.splitlines() if line.strip()]
            self._entries = [ManifestEntry.model_validate(json.loads(line)) for line in lines]
        return self._entries


@cache
def pipeline_version() -> str:
    """``VERSION`` plus a digest of the pipeline's code and data, so any change to them redoes inputs."""
    digest = hashlib.sha256()
    for package in ("pipeline", "schemas"):
        base = Path(__file__).resolve().parents[2] / package
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(path.relative_to(base).as_posix().encode("utf-8", "surrogateescape") + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return f"{VERSION}+{digest.hexdigest()[:12]}"


def is_blank(data: bytes) -> bool:
    """Nothing but whitespace (and a byte-order mark): no article to read, which is a failure, not an
    article with no facts."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    return not text.strip()


# -- one document: the task that runs in this process, a worker process or a Dask worker -----------

@dataclass(frozen=True)
class Job:
    index: int  # the input's place in input order
    rel: str
    source: str  # a local path or an fsspec URL
    root: str | None  # the local input folder (symlinks must not leave it); None for a URL
    output: str | None  # the output's name relative to DST
    skip_sha: str | None  # skip the input when its bytes still hash to this
    error: str | None  # failed before any work (unlistable folder, output name taken, unsafe output path)
    max_bytes: int
    timeout: float
    # A local DST for a worker process to write the output into itself (see ``do_job``).
    write_to: str | None = None
    keep_all: bool = False
    # A range of a web archive: its records are this job's inputs (``pipeline.batch.records``).
    task: ArchiveTask | None = None


@dataclass(frozen=True)
class Outcome:
    status: str  # ok, skipped, failed
    sha256: str | None = None
    payload: bytes | None = None  # the rendered JSON, for ok
    error: str | None = None
    written: bool = False  # ok, and the output is already in place
    not_career: bool = False
    records: tuple[RecordOutcome, ...] = ()  # an archive range's captures, in archive order


def do_job(job: Job) -> Outcome:
    """Read, hash and process one input; never raises. The same function everywhere it runs."""
    if job.error:
        return Outcome("failed", error=one_line(job.error))
    if job.task is not None:
        return Outcome("ok", records=do_archive(job.task))
    sha: str | None = None
    try:
        if job.root is not None:
            data = read_input(Path(job.source), Path(job.root), job.max_bytes)
        else:
            data = read_url(job.source, job.max_bytes)
        sha = hashlib.sha256(data).hexdigest()
        if job.skip_sha == sha:
            return Outcome("skipped", sha)
        if is_blank(data):
            raise PipelineError("empty input")
        # The article's source.path must be valid Unicode; the manifest keeps the exact name.
        shown = job.rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        with collector_paused():  # loading the pipeline is not the first document's time
            warm_up(shown)
        article = with_timeout(job.timeout, lambda: process_bytes(data, shown, keep_all=job.keep_all))
        payload = render(article.model_dump_json(indent=2))
        not_career = article.article_type == "not_career"
        if job.write_to is not None and job.output is not None:
            # Worker processes write their own outputs: the parent, which hands out the work, is
            # spared an fsync per document (1.8 ms measured), which kept 2 workers waiting.
            atomic_write(output_path(Path(job.write_to), job.output), payload)
            return Outcome("ok", sha, written=True, not_career=not_career)
        return Outcome("ok", sha, payload, not_career=not_career)
    except Exception as exc:  # one bad input never stops the batch
        return Outcome("failed", sha, error=reason(exc))


def lost(job: Job, why: str) -> Outcome:
    """The outcome of a job whose worker died or overran (see ``pipeline.batch.workers``)."""
    if why == "timed out":
        return Outcome("failed", error=f"PipelineError: timed out after {job.timeout:g} s (--timeout)")
    return Outcome("failed", error=one_line(f"WorkerError: {why}"))


# -- the batch ------------------------------------------------------------------------------------

def run(src: str | Path, dst: str | Path, options: Options | None = None,
        progress: Callable[[ManifestEntry], None] | None = None) -> Summary:
    """Process every input under ``src`` into ``dst`` (local folders or fsspec URLs).

    With ``options.workers`` > 1 the documents run in that many worker processes; with
    ``options.dask_scheduler`` on that Dask cluster. The outputs and the manifest are the same
    whichever way they run. ``progress`` is called once per input, in the order inputs finish.
    """
    options = options or Options()
    if options.workers < 1:
        raise UsageError("--workers must be at least 1")
    source, dest = resolve(src, dst)
    started = time.perf_counter()
    with dest.lock():
        try:
            summary = _run_locked(source, dest, options, progress)
        finally:
            dest.journal.close()
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass
class _Plan:
    """What job making needs to know about the run."""

    options: Options
    dest: LocalDest | UrlDest
    previous: dict[str, Known]
    taken: set[str]
    seen: dict[str, str] | None  # the run's digests, shared with archive jobs run in this process
    _known: dict[str, dict[str, str]] | None = None

    def known(self, archive: str) -> dict[str, str]:
        """The records of ``archive`` the last run finished, with their digests: unchanged, they are skipped."""
        if self.options.force:
            return {}
        if self._known is None:
            version = pipeline_version()
            self._known = {}
            for name, old in self.previous.items():
                if (old.archive is not None and old.status in ("ok", "skipped")
                        and old.sha256 and old.pipeline_version == version and old.output
                        and self.dest.has_output(old.output)):
                    self._known.setdefault(old.archive, {})[name] = old.sha256
        return self._known.get(archive, {})


def _archive_jobs(plan: _Plan, item: Input, first: int) -> list[Job]:
    """One job per byte range of an archive (or one failed job when its size cannot be had)."""
    options = plan.options
    try:
        size = archive_size(item.path)
    except Exception as exc:
        return [Job(first, item.rel, item.path, None, None, None, reason(exc), options.max_bytes, options.timeout)]
    known = plan.known(item.rel)
    return [Job(first + i, item.rel, item.path, None, None, None, None, options.max_bytes, options.timeout,
                task=ArchiveTask(item.path, item.rel, start, end, known, options.max_bytes, options.timeout,
                                 options.keep_all, plan.seen))
            for i, (start, end) in enumerate(ranges(size, RANGE_BYTES))]


def _jobs(source: Source, plan: _Plan) -> Iterator[Job]:
    """One job per input (per range of a web archive), lazily, in input order; output names are claimed
    as inputs are found."""
    options, dest = plan.options, plan.dest
    version = pipeline_version()
    root = source.job_root()
    local_pool = options.workers > 1 and not options.dask_scheduler
    write_to = str(dest.root) if local_pool and isinstance(dest, LocalDest) else None
    index = 0
    for item in source.inputs():
        if item.error is None and is_archive(item.rel):
            jobs = _archive_jobs(plan, item, index)
            index += len(jobs)
            yield from jobs
            continue
        error, out_rel, skip_sha = item.error, None, None
        if error is None:
            out_rel = claim_output(item.rel, plan.taken)
            if out_rel is None:
                error = "PipelineError: output name collides with another input's"
            else:
                try:
                    dest.check_output(out_rel)
                except Exception as exc:
                    error = reason(exc)
        if error is None and not options.force and out_rel is not None:
            old = plan.previous.get(item.rel)
            if (old is not None and old.status in ("ok", "skipped") and old.pipeline_version == version
                    and old.output == out_rel and dest.has_output(out_rel)):
                skip_sha = old.sha256
        yield Job(index, item.rel, item.path, root, out_rel, skip_sha, error, options.max_bytes, options.timeout,
                  write_to, options.keep_all)
        index += 1


def _execute(jobs: Iterator[Job], options: Options) -> Generator[tuple[Job, Outcome], None, None]:
    """``(job, outcome)`` pairs in the order jobs finish: here, in worker processes or on Dask."""
    if options.dask_scheduler:
        yield from dask_map(options.dask_scheduler, do_job, jobs, lambda job, why: lost(job, why))
    elif options.workers <= 1:
        for job in jobs:
            yield job, do_job(job)
    else:
        # The worker enforces --timeout itself; the pool kills a worker that overran it anyway.
        hard = options.timeout + max(5.0, options.timeout) if options.timeout > 0 else None
        # A range of a web archive is many documents, each under the worker's own limit: no hard limit.
        with Pool(do_job, options.workers, lost, hard_timeout=hard, limit=lambda job: job.task is None) as pool:
            yield from pool.map_unordered(jobs)


def _emit(dest: LocalDest | UrlDest, job: Job, outcome: Outcome, version: str) -> ManifestEntry:
    sha = outcome.sha256
    if outcome.status == "ok" and job.output is not None and outcome.written:
        return ManifestEntry(path=job.rel, sha256=sha, status="ok", output=job.output, pipeline_version=version)
    if outcome.status == "ok" and job.output is not None and outcome.payload is not None:
        try:
            dest.write(job.output, outcome.payload)
        except Exception as exc:
            return ManifestEntry(path=job.rel, sha256=sha, status="failed", output=None, error=reason(exc),
                                 pipeline_version=version)
        return ManifestEntry(path=job.rel, sha256=sha, status="ok", output=job.output, pipeline_version=version)
    if outcome.status == "skipped":
        return ManifestEntry(path=job.rel, sha256=sha, status="skipped", output=job.output,
                             pipeline_version=version)
    return ManifestEntry(path=job.rel, sha256=sha, status="failed", output=None,
                         error=one_line(outcome.error or "failed"), pipeline_version=version)


def _failed_range(job: Job, outcome: Outcome, version: str) -> ManifestEntry:
    """An archive range that could not be read at all (its size unknown, its worker lost)."""
    where = job.rel if job.task is None else f"{job.rel}@{job.task.start}"
    return ManifestEntry(path=where, sha256=None, status="failed", output=None, archive=job.rel,
                         error=one_line(outcome.error or "failed"), pipeline_version=version)


class _Lines:
    """The run's manifest lines: to the journal as each input finishes, to the manifest in input order."""

    def __init__(self, dest: LocalDest | UrlDest, manifest: IO[bytes], summary: Summary,
                 progress: Callable[[ManifestEntry], None] | None) -> None:
        self.dest, self.manifest, self.summary, self.progress = dest, manifest, summary, progress

    def add(self, entry: ManifestEntry, not_career: bool = False) -> bytes:
        line = manifest_line(entry)
        self.dest.journal.append(line)
        self.summary.counts[entry.status] += 1
        if entry.status == "skipped":
            self.summary.reasons[entry.reason or "unchanged"] += 1
        self.summary.not_career += not_career and entry.status == "ok"
        if self.progress:
            self.progress(entry)
        return line


def _run_locked(source: Source, dest: LocalDest | UrlDest, options: Options,
                progress: Callable[[ManifestEntry], None] | None) -> Summary:
    previous = dest.start(source)
    version = pipeline_version()
    taken: set[str] = set()
    summary = Summary()
    failed_outputs: list[str] = []
    records = RecordRun()
    in_process = options.workers <= 1 and not options.dask_scheduler
    plan = _Plan(options, dest, previous, taken, records.digests if in_process else None)
    # What finished before an earlier input: a file's manifest line, or an archive range's records,
    # which are deduplicated and written in input order.
    waiting: dict[int, bytes | tuple[Job, Outcome]] = {}
    next_index = 0
    jobs = _jobs(source, plan)
    # The manifest's lines, in input order, wait in an unnamed temporary file (not in memory).
    with tempfile.TemporaryFile() as manifest:
        lines = _Lines(dest, manifest, summary, progress)
        with closing(_execute(jobs, options)) as results:
            for job, outcome in results:
                if job.task is not None and outcome.status == "ok":
                    waiting[job.index] = (job, outcome)
                else:
                    entry = _emit(dest, job, outcome, version) if job.task is None else _failed_range(
                        job, outcome, version)
                    if entry.status == "failed" and job.output is not None:
                        failed_outputs.append(job.output)
                    waiting[job.index] = lines.add(entry, outcome.not_career)
                while next_index in waiting:  # the manifest lists inputs in input order
                    done = waiting.pop(next_index)
                    if isinstance(done, bytes):
                        manifest.write(done)
                    else:
                        for rec in done[1].records:
                            entry = records.entry(done[0].rel, rec, dest.write, version, taken)
                            manifest.write(lines.add(entry, rec.not_career))
                    next_index += 1
        assert not waiting, "every input's line was written"
        summary.stale = dest.stale(source, taken)
        try:
            dest.commit_manifest(manifest)
        except OSError as exc:
            raise RunError(f"cannot write {MANIFEST}: {exc.strerror}") from None
    summary.load = dest.read_manifest
    # Only now, with a manifest that names none of them: outputs of failed inputs left from an
    # earlier run, and (with --prune) outputs whose input is gone.
    for out_rel in [*failed_outputs, *records.stale_failures(taken)]:
        dest.remove(out_rel)
    if options.prune:
        for rel in summary.stale:
            dest.remove(rel)
    dest.journal.remove()
    return summary
