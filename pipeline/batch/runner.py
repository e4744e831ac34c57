"""The batch job behind ``extract SRC DST``: discover inputs, process each, emit JSON and a manifest.

Every input gets one manifest line (``ok``, ``skipped`` or ``failed`` with a one-line reason);
one bad file never stops the batch.

Crash safety (a run may be killed with SIGKILL at any moment):

- each JSON is written to ``.tmp-*.part`` in the output folder, fsynced and renamed into place, so
  no partial ``.json`` file ever exists; the next run deletes stray ``.part`` files;
- while a run goes on, each input's line is appended to ``.manifest-journal.jsonl`` only after its
  output has been renamed into place; ``manifest.jsonl`` is replaced atomically at the end and the
  journal removed. A killed run leaves the previous manifest plus the journal, and the next run
  reads both, so inputs finished before the kill are skipped;
- outputs are only ever deleted (a failed input's JSON from an earlier run, ``--prune``) after the
  new manifest, which does not name them, is in place; so no manifest or journal line ever names
  an output that is not there.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath
from types import FrameType
from typing import IO, Any, BinaryIO

from pipeline import VERSION
from pipeline.batch.workers import private_fd
from pipeline.process import process_bytes, warm_up
from pipeline.stages.load import MEDIA_TYPES
from pipeline.types import PipelineError
from schemas.article import ManifestEntry

MANIFEST = "manifest.jsonl"
JOURNAL = ".manifest-journal.jsonl"
LOCK = ".extract.lock"
TMP_PREFIX, TMP_SUFFIX = ".tmp-", ".part"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0
MAX_REASON = 300


class UsageError(Exception):
    """Bad arguments for a whole run (exit status 2)."""


class RunError(Exception):
    """The run as a whole could not finish (e.g. the manifest cannot be written)."""


@dataclass(frozen=True)
class Options:
    force: bool = False
    prune: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    # Worker processes; 1 runs every document in this process (``extract`` defaults to the CPUs).
    workers: int = 1
    # A Dask distributed scheduler (``tcp://host:8786``): run the documents on its cluster instead.
    dask_scheduler: str | None = None


@dataclass
class Summary:
    """Counts of one run; ``entries`` reads the run's manifest back (nothing per input is kept)."""

    counts: dict[str, int] = field(default_factory=lambda: {"ok": 0, "skipped": 0, "failed": 0})
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


def one_line(text: str) -> str:
    line = re.sub(r"\s+", " ", text).strip()
    return line if len(line) <= MAX_REASON else line[: MAX_REASON - 1] + "…"


def reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        detail = exc.strerror
    else:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return one_line(f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__)


@dataclass(frozen=True)
class Input:
    path: str  # a local path, or an fsspec URL
    rel: str
    error: str | None = None  # a problem found before reading (e.g. an unlistable folder)


def discover(src: Path) -> Iterator[Input]:
    """Inputs under ``src`` in a stable order.

    Symlinked folders are not descended into. Symlinked files are listed; reading them refuses
    links that lead outside ``src``. A folder that cannot be listed is an input that failed.
    """
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(src, followlinks=False, onerror=errors.append):
        while errors:
            exc = errors.pop()
            where = Path(exc.filename) if exc.filename else Path(dirpath)
            rel = where.relative_to(src).as_posix() if where.is_relative_to(src) else str(where)
            yield Input(str(where), rel + "/", f"cannot list folder: {reason(exc)}")
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.suffix.lower() in MEDIA_TYPES:
                yield Input(str(path), path.relative_to(src).as_posix())
    while errors:
        exc = errors.pop()
        yield Input(str(src), ".", f"cannot list folder: {reason(exc)}")


def read_input(path: Path, root: Path, max_bytes: int) -> bytes:
    """The bytes of one input: a regular file inside ``root``, at most ``max_bytes`` long."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except RuntimeError:  # Python < 3.13 reports a loop this way
            raise PipelineError("symlink loop") from None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise PipelineError("symlink loop") from None
            if exc.errno == errno.ENOENT:
                raise PipelineError("broken symlink") from None
            raise
        if not target.is_relative_to(root):
            raise PipelineError("symlink leads outside the input folder; not followed")
    else:
        target = path
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PipelineError("not a regular file")
        if info.st_size > max_bytes:
            raise PipelineError(f"file is {info.st_size} bytes, over --max-bytes {max_bytes}")
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise PipelineError(f"file grew past --max-bytes {max_bytes} while being read")
        return b"".join(chunks)
    finally:
        os.close(fd)


def output_path(dst: Path, out_rel: str) -> Path:
    target = dst / out_rel
    if not target.resolve().is_relative_to(dst.resolve()):
        raise PipelineError("output path would leave the output folder")
    return target


def claim_output(rel: str, taken: set[str]) -> str | None:
    """Output name (relative to DST) for the input ``rel``: ``a/b.md`` -> ``a/b.json``.

    Inputs claim names in input order. When two would share one (``a.md`` and ``a.txt``), the
    later keeps its suffix (``a.txt.json``); an input that still collides gets none and fails.
    """
    path = PurePosixPath(rel)
    for candidate in (path.with_suffix(".json").as_posix(), path.as_posix() + ".json"):
        if candidate not in taken and candidate != MANIFEST:
            taken.add(candidate)
            return candidate
    return None


@cache
def _file_mode() -> int:
    """Mode for new files: 0666 less the umask, as ``open()`` would give (mkstemp gives 0600)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: Path, data: bytes) -> None:
    atomic_fill(path, lambda fh: fh.write(data))


def atomic_fill(path: Path, fill: Callable[[BinaryIO], object]) -> None:
    """Write through a temporary file in the same folder, synced, then renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX, suffix=TMP_SUFFIX)
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render(article_json: str) -> bytes:
    return (article_json + "\n").encode("utf-8")


def manifest_line(entry: ManifestEntry) -> bytes:
    # Paths from the file system may hold lone surrogates (undecodable bytes); backslashreplace
    # writes them as JSON \udcXX escapes, which json.loads reads back to the same str.
    return (json.dumps(entry.model_dump(), ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` in a stage swallows it."""


def with_timeout(seconds: float, fn: Callable[[], bytes]) -> bytes:
    """``fn()``, or PipelineError when it runs longer than ``seconds``.

    In the main thread a SIGALRM timer interrupts it; in another thread (a Dask worker's task) a
    timer thread raises the same exception in it. Either way the interruption lands between two
    Python bytecodes, so it is the same limit.
    """
    if seconds <= 0:
        return fn()
    try:
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            return _alarm_timeout(seconds, fn)
        return _thread_timeout(seconds, fn)
    except _Timeout:
        raise PipelineError(f"timed out after {seconds:g} s (--timeout)") from None


def _alarm_timeout(seconds: float, fn: Callable[[], bytes]) -> bytes:
    armed = True

    def alarm(_signum: int, _frame: FrameType | None) -> None:
        if armed:
            raise _Timeout

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return fn()
        finally:
            armed = False  # from here on a late alarm is ignored
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def _thread_timeout(seconds: float, fn: Callable[[], bytes]) -> bytes:
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(_Timeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        return fn()
    finally:
        with lock:
            state["armed"] = False
            if state["fired"]:  # raised already, or still pending: clear it so it cannot land later
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)
        timer.cancel()
        if state["fired"]:
            raise _Timeout


# -- the last known state ------------------------------------------------------------------------

@dataclass(frozen=True)
class Known:
    """What the last run recorded about one input (all that a skip decision needs)."""

    status: str
    sha256: str | None
    pipeline_version: str
    output: str | None


def parse_state(raw: bytes, into: dict[str, Known]) -> None:
    for line in raw.decode("utf-8", errors="replace").splitlines():
        try:
            data: Any = json.loads(line)
            into[data["path"]] = Known(str(data["status"]), data.get("sha256"), str(data["pipeline_version"]),
                                       data.get("output"))
        except (ValueError, TypeError, KeyError):  # a torn last line from a killed run, or anything unreadable
            continue


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


@dataclass(frozen=True)
class Outcome:
    status: str  # ok, skipped, failed
    sha256: str | None = None
    payload: bytes | None = None  # the rendered JSON, for ok
    error: str | None = None
    written: bool = False  # ok, and the output is already in place


def read_url(url: str, max_bytes: int) -> bytes:
    import fsspec  # only for fsspec URLs

    fs, path = fsspec.core.url_to_fs(url)
    size = fs.size(path)
    if size is not None and size > max_bytes:
        raise PipelineError(f"file is {size} bytes, over --max-bytes {max_bytes}")
    with fs.open(path, "rb") as fh:
        data: bytes = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise PipelineError(f"file grew past --max-bytes {max_bytes} while being read")
    return data


def do_job(job: Job) -> Outcome:
    """Read, hash and process one input; never raises. The same function everywhere it runs."""
    if job.error:
        return Outcome("failed", error=one_line(job.error))
    sha: str | None = None
    try:
        if job.root is not None:
            data = read_input(Path(job.source), Path(job.root), job.max_bytes)
        else:
            data = read_url(job.source, job.max_bytes)
        sha = hashlib.sha256(data).hexdigest()
        if job.skip_sha == sha:
            return Outcome("skipped", sha)
        # The article's source.path must be valid Unicode; the manifest keeps the exact name.
        shown = job.rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        warm_up()  # loading the pipeline is not the first document's time
        payload = with_timeout(job.timeout, lambda: render(process_bytes(data, shown).model_dump_json(indent=2)))
        if job.write_to is not None and job.output is not None:
            # Worker processes write their own outputs: the parent, which hands out the work, is
            # spared an fsync per document (1.8 ms measured), which kept 2 workers waiting.
            atomic_write(output_path(Path(job.write_to), job.output), payload)
            return Outcome("ok", sha, written=True)
        return Outcome("ok", sha, payload)
    except Exception as exc:  # one bad input never stops the batch
        return Outcome("failed", sha, error=reason(exc))


def lost(job: Job, why: str) -> Outcome:
    """The outcome of a job whose worker died or overran (see ``pipeline.batch.workers``)."""
    if why == "timed out":
        return Outcome("failed", error=f"PipelineError: timed out after {job.timeout:g} s (--timeout)")
    return Outcome("failed", error=one_line(f"WorkerError: {why}"))


# -- where inputs come from and outputs go: a local folder or an fsspec URL ------------------------

def is_url(location: str | Path) -> bool:
    return isinstance(location, str) and "://" in location and not location.startswith("file://")


def local_path(location: str | Path) -> Path:
    text = str(location)
    return Path(text[len("file://"):]) if text.startswith("file://") else Path(text)


class LocalSource:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.real = str(root.resolve())

    def check(self) -> None:
        if not self.root.is_dir():
            raise UsageError(f"input folder {str(self.root)!r} does not exist or is not a folder")

    def inputs(self) -> Iterator[Input]:
        return discover(self.root)

    def job_root(self) -> str | None:
        return self.real


class UrlSource:
    def __init__(self, url: str) -> None:
        import fsspec

        self.url = url
        self.fs, self.root = fsspec.core.url_to_fs(url)
        self.root = self.root.rstrip("/")

    def check(self) -> None:
        try:
            ok = self.fs.isdir(self.root)
        except Exception as exc:
            raise UsageError(f"cannot read input folder {self.url!r}: {reason(exc)}") from None
        if not ok:
            raise UsageError(f"input folder {self.url!r} does not exist or is not a folder")

    def inputs(self) -> Iterator[Input]:
        try:
            found = sorted(self.fs.find(self.root))
        except Exception as exc:
            yield Input(self.url, ".", f"cannot list folder: {reason(exc)}")
            return
        for path in found:
            rel = path[len(self.root):].lstrip("/")
            if PurePosixPath(rel).suffix.lower() in MEDIA_TYPES:
                yield Input(self.fs.unstrip_protocol(path), rel)

    def job_root(self) -> str | None:
        return None


class LocalDest:
    """Atomic writes, the journal and the lock, as described at the top of this module."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.journal: IO[bytes] | None = None

    def check(self, source: LocalSource | UrlSource) -> None:
        dst = self.root
        if dst.exists() and not dst.is_dir():
            raise UsageError(f"output path {str(dst)!r} exists and is not a folder")
        if isinstance(source, LocalSource) and dst.resolve().is_relative_to(source.root.resolve()):
            raise UsageError("the output folder must not be inside the input folder")
        try:
            dst.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create output folder {str(dst)!r}: {exc.strerror}") from None
        if not os.access(dst, os.R_OK | os.W_OK | os.X_OK):
            raise UsageError(f"output folder {str(dst)!r} is not readable and writable")

    def lock(self) -> AbstractContextManager[None]:
        return locked(self.root)

    def _skip_src(self, source: LocalSource | UrlSource) -> Path:
        return source.root if isinstance(source, LocalSource) else self.root / JOURNAL  # nothing to leave out

    def start(self, source: LocalSource | UrlSource) -> dict[str, Known]:
        with suppress(OSError):
            remove_temp_files(self.root, self._skip_src(source))
        state: dict[str, Known] = {}
        for name in (MANIFEST, JOURNAL):
            path = self.root / name
            if path.exists():
                try:
                    parse_state(path.read_bytes(), state)
                except OSError as exc:
                    raise UsageError(f"cannot read {str(path)!r}: {exc.strerror}") from None
        try:
            self.journal = open(self.root / JOURNAL, "ab")  # noqa: SIM115 - closed in finish()
        except OSError as exc:
            raise RunError(f"cannot write {JOURNAL} in {str(self.root)!r}: {exc.strerror}") from None
        if self.journal.tell() > 0:  # a killed run may have left a torn last line
            with open(self.root / JOURNAL, "rb") as fh:
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":
                    self.journal.write(b"\n")
        return state

    def check_output(self, out_rel: str) -> None:
        output_path(self.root, out_rel)

    def has_output(self, out_rel: str) -> bool:
        return (self.root / out_rel).is_file()

    def write(self, out_rel: str, payload: bytes) -> None:
        atomic_write(output_path(self.root, out_rel), payload)

    def journal_append(self, line: bytes) -> None:
        assert self.journal is not None
        try:
            self.journal.write(line)
            self.journal.flush()
        except OSError as exc:
            raise RunError(f"cannot write {JOURNAL}: {exc.strerror}") from None

    def commit_manifest(self, lines: IO[bytes]) -> None:
        lines.seek(0)
        atomic_fill(self.root / MANIFEST, lambda fh: shutil.copyfileobj(lines, fh, 1 << 20))

    def read_manifest(self) -> bytes:
        return (self.root / MANIFEST).read_bytes()

    def stale(self, source: LocalSource | UrlSource, claimed: set[str]) -> list[str]:
        return find_stale(self.root, self._skip_src(source), claimed)

    def remove(self, out_rel: str) -> None:
        _remove(self.root / out_rel)

    def finish(self) -> None:
        if self.journal is not None:
            self.journal.close()
            self.journal = None
        (self.root / JOURNAL).unlink(missing_ok=True)

    def close(self) -> None:
        if self.journal is not None:
            self.journal.close()
            self.journal = None


class UrlDest:
    """An fsspec destination (``s3://bucket/out``): objects are written whole, so writes are atomic
    where the store's are. The journal goes in numbered parts (object stores cannot append), and
    there is no lock: keep to one run per destination."""

    JOURNAL_PART = ".manifest-journal-"
    FLUSH_LINES, FLUSH_SECONDS = 500, 10.0

    def __init__(self, url: str) -> None:
        import fsspec

        self.url = url
        self.fs, self.root = fsspec.core.url_to_fs(url)
        self.root = self.root.rstrip("/")
        self.buffer: list[bytes] = []
        self.flushed = time.monotonic()
        self.part = 0
        self.run_id = f"{int(time.time())}-{os.getpid()}"

    def _path(self, rel: str) -> str:
        return f"{self.root}/{rel}"

    def check(self, source: LocalSource | UrlSource) -> None:
        if isinstance(source, UrlSource) and source.fs.protocol == self.fs.protocol and (
                self.root + "/").startswith(source.root + "/"):
            raise UsageError("the output folder must not be inside the input folder")
        try:
            self.fs.makedirs(self.root, exist_ok=True)
        except Exception as exc:
            raise UsageError(f"cannot create output folder {self.url!r}: {reason(exc)}") from None

    def lock(self) -> AbstractContextManager[None]:
        return nullcontext()

    def _journal_parts(self) -> list[str]:
        try:
            return sorted(p for p in self.fs.ls(self.root, detail=False)
                          if PurePosixPath(p).name.startswith(self.JOURNAL_PART))
        except FileNotFoundError:
            return []

    def start(self, source: LocalSource | UrlSource) -> dict[str, Known]:
        state: dict[str, Known] = {}
        try:
            if self.fs.exists(self._path(MANIFEST)):
                parse_state(self.fs.cat_file(self._path(MANIFEST)), state)
            for part in self._journal_parts():
                parse_state(self.fs.cat_file(part), state)
        except Exception as exc:
            raise UsageError(f"cannot read the manifest in {self.url!r}: {reason(exc)}") from None
        try:
            self.existing = {p[len(self.root):].lstrip("/") for p in self.fs.find(self.root)}
        except FileNotFoundError:
            self.existing = set()
        return state

    def check_output(self, out_rel: str) -> None:
        if ".." in PurePosixPath(out_rel).parts:
            raise PipelineError("output path would leave the output folder")

    def has_output(self, out_rel: str) -> bool:
        return out_rel in self.existing

    def write(self, out_rel: str, payload: bytes) -> None:
        self.fs.pipe_file(self._path(out_rel), payload)

    def journal_append(self, line: bytes) -> None:
        self.buffer.append(line)
        if len(self.buffer) >= self.FLUSH_LINES or time.monotonic() - self.flushed >= self.FLUSH_SECONDS:
            self._flush()

    def _flush(self) -> None:
        if self.buffer:
            name = f"{self.JOURNAL_PART}{self.run_id}-{self.part:06d}.jsonl"
            try:
                self.fs.pipe_file(self._path(name), b"".join(self.buffer))
            except Exception as exc:
                raise RunError(f"cannot write the journal in {self.url!r}: {reason(exc)}") from None
            self.part += 1
            self.buffer = []
        self.flushed = time.monotonic()

    def commit_manifest(self, lines: IO[bytes]) -> None:
        lines.seek(0)
        with self.fs.open(self._path(MANIFEST), "wb") as fh:  # an object store makes it visible whole, at close
            shutil.copyfileobj(lines, fh, 1 << 20)

    def read_manifest(self) -> bytes:
        data: bytes = self.fs.cat_file(self._path(MANIFEST))
        return data

    def stale(self, source: LocalSource | UrlSource, claimed: set[str]) -> list[str]:
        found = sorted(p[len(self.root):].lstrip("/") for p in self.fs.find(self.root))
        return [rel for rel in found if rel.endswith(".json") and rel not in claimed]

    def remove(self, out_rel: str) -> None:
        with suppress(Exception):
            self.fs.rm_file(self._path(out_rel))

    def finish(self) -> None:
        self.buffer = []
        for part in self._journal_parts():
            with suppress(Exception):
                self.fs.rm_file(part)

    def close(self) -> None:
        with suppress(RunError):
            self._flush()


def resolve(src: str | Path, dst: str | Path) -> tuple[LocalSource | UrlSource, LocalDest | UrlDest]:
    """SRC and DST as local folders (paths or ``file://``) or fsspec URLs (``s3://``, ``gs://``, ...)."""
    try:
        source: LocalSource | UrlSource = UrlSource(str(src)) if is_url(src) else LocalSource(local_path(src))
        dest: LocalDest | UrlDest = UrlDest(str(dst)) if is_url(dst) else LocalDest(local_path(dst))
    except (ImportError, ValueError) as exc:
        raise UsageError(f"cannot use {src!s} or {dst!s}: {reason(exc)}") from None
    source.check()
    dest.check(source)
    return source, dest


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


def _walk_outputs(dst: Path, src: Path) -> Iterator[Path]:
    """Files under ``dst``, not following symlinks and leaving out ``src`` if it lies inside."""
    src_real = src.resolve()
    for dirpath, dirnames, filenames in os.walk(dst, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if (Path(dirpath) / d).resolve() != src_real)
        for name in sorted(filenames):
            yield Path(dirpath) / name


def remove_temp_files(dst: Path, src: Path) -> None:
    for path in _walk_outputs(dst, src):
        if path.name.startswith(TMP_PREFIX) and path.name.endswith(TMP_SUFFIX):
            path.unlink(missing_ok=True)


def find_stale(dst: Path, src: Path, claimed: set[str]) -> list[str]:
    """``.json`` files in ``dst`` that no current input produces: outputs whose input is gone."""
    stale = []
    for path in _walk_outputs(dst, src):
        rel = path.relative_to(dst).as_posix()
        if path.suffix == ".json" and not path.is_symlink() and rel not in claimed:
            stale.append(rel)
    return stale


def _remove(path: Path) -> None:
    try:
        if path.is_file() and not path.is_symlink():
            path.unlink()
    except OSError:
        pass


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
            dest.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _jobs(source: LocalSource | UrlSource, dest: LocalDest | UrlDest, options: Options,
          previous: dict[str, Known], taken: set[str]) -> Iterator[Job]:
    """One job per input, lazily, in input order; output names are claimed as inputs are found."""
    version = pipeline_version()
    root = source.job_root()
    local_pool = options.workers > 1 and not options.dask_scheduler
    write_to = str(dest.root) if local_pool and isinstance(dest, LocalDest) else None
    for index, item in enumerate(source.inputs()):
        error, out_rel, skip_sha = item.error, None, None
        if error is None:
            out_rel = claim_output(item.rel, taken)
            if out_rel is None:
                error = "PipelineError: output name collides with another input's"
            else:
                try:
                    dest.check_output(out_rel)
                except Exception as exc:
                    error = reason(exc)
        if error is None and not options.force and out_rel is not None:
            old = previous.get(item.rel)
            if (old is not None and old.status in ("ok", "skipped") and old.pipeline_version == version
                    and old.output == out_rel and dest.has_output(out_rel)):
                skip_sha = old.sha256
        yield Job(index, item.rel, item.path, root, out_rel, skip_sha, error, options.max_bytes, options.timeout,
                  write_to)


def _execute(jobs: Iterator[Job], options: Options) -> Generator[tuple[Job, Outcome], None, None]:
    """``(job, outcome)`` pairs in the order jobs finish: here, in worker processes or on Dask."""
    if options.dask_scheduler:
        from pipeline.batch.workers import dask_map

        yield from dask_map(options.dask_scheduler, do_job, jobs, lambda job, why: lost(job, why))
    elif options.workers <= 1:
        for job in jobs:
            yield job, do_job(job)
    else:
        from pipeline.batch.workers import Pool

        # The worker enforces --timeout itself; the pool kills a worker that overran it anyway.
        hard = options.timeout + max(5.0, options.timeout) if options.timeout > 0 else None
        with Pool(do_job, options.workers, lost, hard_timeout=hard) as pool:
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


def _run_locked(source: LocalSource | UrlSource, dest: LocalDest | UrlDest, options: Options,
                progress: Callable[[ManifestEntry], None] | None) -> Summary:
    previous = dest.start(source)
    version = pipeline_version()
    taken: set[str] = set()
    summary = Summary()
    failed_outputs: list[str] = []
    waiting: dict[int, bytes] = {}  # manifest lines that finished before an earlier input
    next_index = 0
    # The manifest's lines, in input order, wait in an unnamed temporary file (not in memory).
    jobs = _jobs(source, dest, options, previous, taken)
    with tempfile.TemporaryFile() as manifest:
        with closing(_execute(jobs, options)) as results:
            for job, outcome in results:
                entry = _emit(dest, job, outcome, version)
                line = manifest_line(entry)
                dest.journal_append(line)
                summary.counts[entry.status] += 1
                if entry.status == "failed" and job.output is not None:
                    failed_outputs.append(job.output)
                if progress:
                    progress(entry)
                waiting[job.index] = line
                while next_index in waiting:  # the manifest lists inputs in input order
                    manifest.write(waiting.pop(next_index))
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
    for out_rel in failed_outputs:
        dest.remove(out_rel)
    if options.prune:
        for rel in summary.stale:
            dest.remove(rel)
    dest.finish()
    return summary
