"""The manifest's last known state, the journal that carries a killed run's progress, and the lock.

Crash safety (a run may be killed with SIGKILL at any moment): while a run goes on, each input's
line is appended to ``.manifest-journal.jsonl`` only after its output has been renamed into place;
``manifest.jsonl`` is replaced atomically at the end and the journal removed. A killed run leaves
the previous manifest plus the journal, and the next run reads both, so inputs finished before the
kill are skipped.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from pipeline.batch.errors import RunError, UsageError, reason
from pipeline.batch.workers import private_fd
from schemas.article import ManifestEntry

MANIFEST = "manifest.jsonl"
JOURNAL = ".manifest-journal.jsonl"
LOCK = ".extract.lock"


@dataclass(frozen=True)
class Known:
    """What the last run recorded about one input (all that a skip decision needs)."""

    status: str
    sha256: str | None
    pipeline_version: str
    output: str | None
    archive: str | None = None  # the web archive a record was read from


def parse_state(raw: bytes, into: dict[str, Known]) -> None:
    for line in raw.decode("utf-8", errors="replace").splitlines():
        try:
            data: Any = json.loads(line)
            if data.get("reason"):  # a capture skipped unread (a revisit of a URL done, ...) carries no state
                continue
            into[data["path"]] = Known(str(data["status"]), data.get("sha256"), str(data["pipeline_version"]),
                                       data.get("output"), data.get("archive"))
        except (ValueError, TypeError, KeyError):  # a torn last line from a killed run, or anything unreadable
            continue


# Fields only a web-archive record has: left out of a file's line.
RECORD_FIELDS = ("url", "archive", "reason", "duplicate_of")


def manifest_line(entry: ManifestEntry) -> bytes:
    data = entry.model_dump()
    for name in RECORD_FIELDS:
        if data[name] is None:
            del data[name]
    # Paths from the file system may hold lone surrogates (undecodable bytes); backslashreplace
    # writes them as JSON \udcXX escapes, which json.loads reads back to the same str.
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


class FileJournal:
    """The journal of a local output folder: one file, each line flushed as it is appended."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fh: IO[bytes] | None = None

    def start(self) -> dict[str, Known]:
        """The state that the manifest and a killed run's journal record; the journal is then open."""
        state: dict[str, Known] = {}
        for name in (MANIFEST, JOURNAL):
            path = self.folder / name
            if path.exists():
                try:
                    parse_state(path.read_bytes(), state)
                except OSError as exc:
                    raise UsageError(f"cannot read {str(path)!r}: {exc.strerror}") from None
        try:
            self.fh = open(self.folder / JOURNAL, "ab")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise RunError(f"cannot write {JOURNAL} in {str(self.folder)!r}: {exc.strerror}") from None
        if self.fh.tell() > 0:  # a killed run may have left a torn last line
            with open(self.folder / JOURNAL, "rb") as fh:
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":
                    self.fh.write(b"\n")
        return state

    def append(self, line: bytes) -> None:
        assert self.fh is not None
        try:
            self.fh.write(line)
            self.fh.flush()
        except OSError as exc:
            raise RunError(f"cannot write {JOURNAL}: {exc.strerror}") from None

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None

    def remove(self) -> None:
        """Close and delete the journal, once the new manifest holds all its lines."""
        self.close()
        (self.folder / JOURNAL).unlink(missing_ok=True)


class PartJournal:
    """The journal in an fsspec folder (``fs`` and ``root``, at ``url``): object stores cannot
    append, so lines are buffered and written as numbered parts, every ``FLUSH_LINES`` lines or
    ``FLUSH_SECONDS``."""

    PREFIX = ".manifest-journal-"
    FLUSH_LINES, FLUSH_SECONDS = 500, 10.0

    def __init__(self, fs: Any, root: str, url: str) -> None:
        self.fs, self.root, self.url = fs, root, url
        self.buffer: list[bytes] = []
        self.flushed = time.monotonic()
        self.part = 0
        self.run_id = f"{int(time.time())}-{os.getpid()}"

    def _parts(self) -> list[str]:
        try:
            return sorted(p for p in self.fs.ls(self.root, detail=False)
                          if PurePosixPath(p).name.startswith(self.PREFIX))
        except FileNotFoundError:
            return []

    def start(self) -> dict[str, Known]:
        """The state that the manifest and a killed run's journal parts record."""
        state: dict[str, Known] = {}
        manifest = f"{self.root}/{MANIFEST}"
        try:
            if self.fs.exists(manifest):
                parse_state(self.fs.cat_file(manifest), state)
            for part in self._parts():
                parse_state(self.fs.cat_file(part), state)
        except Exception as exc:
            raise UsageError(f"cannot read the manifest in {self.url!r}: {reason(exc)}") from None
        return state

    def append(self, line: bytes) -> None:
        self.buffer.append(line)
        if len(self.buffer) >= self.FLUSH_LINES or time.monotonic() - self.flushed >= self.FLUSH_SECONDS:
            self._flush()

    def _flush(self) -> None:
        if self.buffer:
            name = f"{self.PREFIX}{self.run_id}-{self.part:06d}.jsonl"
            try:
                self.fs.pipe_file(f"{self.root}/{name}", b"".join(self.buffer))
            except Exception as exc:
                raise RunError(f"cannot write the journal in {self.url!r}: {reason(exc)}") from None
            self.part += 1
            self.buffer = []
        self.flushed = time.monotonic()

    def close(self) -> None:
        with suppress(RunError):
            self._flush()

    def remove(self) -> None:
        """Drop the buffer and delete the parts, once the new manifest holds all their lines."""
        self.buffer = []
        for part in self._parts():
            with suppress(Exception):
                self.fs.rm_file(part)


@contextmanager
def locked(dst: Path) -> Iterator[None]:
    """One run at a time per output folder (the lock goes with the process, even on SIGKILL)."""
    try:
        fh = open(dst / LOCK, "a+b")  # noqa: SIM115 - held for the whole run
    except OSError as exc:
        raise UsageError(f"cannot use output folder {str(dst)!r}: {exc.strerror}") from None
    with fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise UsageError(f"another extract run is writing to {str(dst)!r}") from None
        with private_fd(fh.fileno()):  # a worker process must not hold the lock after this run is gone
            yield
