"""Web-archive records in the batch: a range of an archive as one unit of work, and its manifest lines.

``do_archive`` runs wherever the batch's documents run (this process, a worker process, a Dask
worker): it reads the records of one byte range of one archive (``pipeline.batch.warc``) and processes
each page, returning one compact ``RecordOutcome`` per capture. ``RecordRun``, in the parent, turns
them into manifest entries in archive order, writes the outputs, and keeps each page's content once:
a capture whose body has the digest of one already done (or whose URL was already done) is listed as
a ``duplicate`` of that URL, with no output of its own. Within one range, and across ranges when the
batch runs in this process, a duplicate is never processed; across ranges on several workers it may
be, but only the first capture's output is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import IO

from pipeline.batch.errors import one_line, reason
from pipeline.batch.timeout import with_timeout
from pipeline.batch.warc import Record, records
from pipeline.process import process_bytes, warm_up
from pipeline.types import Origin
from schemas.article import ManifestEntry

DUPLICATE = "duplicate"
# How the parent puts an output in place: ``write(out_rel, payload)``.
WriteFn = Callable[[str, bytes], None]


def render(article_json: str) -> bytes:
    return (article_json + "\n").encode("utf-8")


@dataclass(frozen=True)
class ArchiveTask:
    """One byte range of one archive: the records that start in ``[start, end)``."""

    source: str  # a local path or an fsspec URL
    archive: str  # the archive's name relative to SRC (the manifest's ``archive``)
    start: int
    end: int | None
    # Records unchanged since the last run may be skipped: record name -> the sha256 its body had.
    known: Mapping[str, str]
    max_bytes: int
    timeout: float
    keep_all: bool = False
    # Run in this process: the run's digests -> first URL, shared with the parent, so that a page
    # done in an earlier range is not done again.
    seen: dict[str, str] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RecordOutcome:
    name: str
    url: str | None
    status: str  # ok, skipped, failed
    sha256: str | None = None
    payload: bytes | None = None
    error: str | None = None
    reason: str | None = None  # skipped without being processed: revisit, HTTP 404, duplicate, ...
    duplicate_of: str | None = None
    not_career: bool = False


def _open(source: str) -> IO[bytes]:
    if "://" in source and not source.startswith("file://"):
        import fsspec

        opened: IO[bytes] = fsspec.open(source, "rb").open()
        return opened
    return open(source.removeprefix("file://"), "rb")  # noqa: SIM115 - closed by records()


def do_archive(task: ArchiveTask) -> tuple[RecordOutcome, ...]:
    """Every capture of the range, read, hashed and (pages not seen before) processed; never raises
    for one record."""
    digests: dict[str, str] = task.seen if task.seen is not None else {}
    urls: set[str] = set()
    found = records(lambda: _open(task.source), task.archive, task.start, task.end, task.max_bytes)
    return tuple(_one(rec, task, digests, urls) for rec in found)


def _one(rec: Record, task: ArchiveTask, digests: dict[str, str], urls: set[str]) -> RecordOutcome:
    if rec.error is not None:
        return RecordOutcome(rec.name, rec.url, "failed", error=rec.error)
    if rec.skip is not None or rec.body is None:
        return RecordOutcome(rec.name, rec.url, "skipped", reason=rec.skip)
    sha = hashlib.sha256(rec.body).hexdigest()
    first = digests.get(sha)
    if (first is not None and first != rec.url) or rec.url in urls:
        return RecordOutcome(rec.name, rec.url, "skipped", sha, reason=DUPLICATE, duplicate_of=first or rec.url)
    if task.known.get(rec.name) == sha:
        _done(rec, sha, digests, urls)
        return RecordOutcome(rec.name, rec.url, "skipped", sha)
    try:
        warm_up()
        origin = Origin(url=rec.url, crawled=rec.crawled)
        article = with_timeout(task.timeout, lambda: process_bytes(rec.body or b"", rec.path, origin, rec.charset,
                                                                   task.keep_all))
        payload = render(article.model_dump_json(indent=2))
    except Exception as exc:  # one bad page never stops the archive
        return RecordOutcome(rec.name, rec.url, "failed", sha, error=reason(exc))
    _done(rec, sha, digests, urls)
    return RecordOutcome(rec.name, rec.url, "ok", sha, payload, not_career=article.article_type == "not_career")


def _done(rec: Record, sha: str, digests: dict[str, str], urls: set[str]) -> None:
    """A page that has its output: a later capture of its URL or its content is a duplicate of it."""
    if rec.url is not None:
        urls.add(rec.url)
        digests.setdefault(sha, rec.url)


class RecordRun:
    """The parent's side: what this run has done, by content digest and by URL."""

    def __init__(self) -> None:
        self.digests: dict[str, str] = {}
        self.urls: set[str] = set()
        self.failed: list[str] = []  # outputs of failed records: removed once the manifest names none of them

    def _duplicate_of(self, rec: RecordOutcome) -> str | None:
        if rec.status == "failed" or rec.reason is not None or rec.sha256 is None:
            return None
        first = self.digests.get(rec.sha256)
        if first is not None and first != rec.url:
            return first
        return rec.url if rec.url in self.urls else None

    def entry(self, archive: str, rec: RecordOutcome, write: WriteFn, version: str,
              taken: set[str]) -> ManifestEntry:
        """The record's manifest entry; an ok record's output is written here (``write(out_rel, payload)``)."""
        common = {"path": rec.name, "pipeline_version": version, "url": rec.url, "archive": archive}
        output = rec.name + ".json"
        first = self._duplicate_of(rec)
        if first is not None:
            return ManifestEntry(status="skipped", sha256=rec.sha256, output=None, reason=DUPLICATE,
                                 duplicate_of=first, **common)
        if rec.status == "failed" or rec.reason is not None:
            if rec.status == "failed" and rec.url is not None:
                self.failed.append(output)
            return ManifestEntry(status=rec.status, sha256=rec.sha256, output=None,
                                 error=one_line(rec.error) if rec.error else None, reason=rec.reason,
                                 duplicate_of=rec.duplicate_of, **common)
        if output in taken:  # a file of the input folder claimed the name
            return ManifestEntry(status="failed", sha256=rec.sha256, output=None,
                                 error="PipelineError: output name collides with another input's", **common)
        if rec.status == "ok" and rec.payload is not None:
            try:
                write(output, rec.payload)
            except Exception as exc:
                return ManifestEntry(status="failed", sha256=rec.sha256, output=None, error=reason(exc), **common)
        taken.add(output)
        if rec.url is not None:
            self.urls.add(rec.url)
            self.digests.setdefault(rec.sha256 or "", rec.url)
        return ManifestEntry(status=rec.status, sha256=rec.sha256, output=output, **common)

    def stale_failures(self, taken: set[str]) -> list[str]:
        """Outputs of failed records from an earlier run that no record of this run wrote."""
        return [out for out in self.failed if out not in taken]
