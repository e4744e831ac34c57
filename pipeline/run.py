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

import errno
import fcntl
import hashlib
import json
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath
from types import FrameType
from typing import IO, Any

from pipeline import VERSION
from pipeline.load import MEDIA_TYPES
from pipeline.model import PipelineError
from pipeline.process import process_bytes
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


@dataclass
class Summary:
    entries: list[ManifestEntry] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)


@cache
def pipeline_version() -> str:
    """``VERSION`` plus a digest of the pipeline's code and data, so any change to them redoes inputs."""
    digest = hashlib.sha256()
    for package in ("pipeline", "schemas"):
        base = Path(__file__).resolve().parent.parent / package
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
    path: Path
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
            yield Input(where, rel + "/", f"cannot list folder: {reason(exc)}")
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.suffix.lower() in MEDIA_TYPES:
                yield Input(path, path.relative_to(src).as_posix())
    while errors:
        exc = errors.pop()
        yield Input(src, ".", f"cannot list folder: {reason(exc)}")


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


def assign_outputs(inputs: list[Input]) -> dict[str, str]:
    """Output name (relative to DST) per input: ``a/b.md`` -> ``a/b.json``.

    When two inputs would share a name (``a.md`` and ``a.txt``), the later one keeps its suffix
    (``a.txt.json``); an input that still collides gets none and fails.
    """
    taken: dict[str, str] = {}
    out: dict[str, str] = {}
    for item in inputs:
        if item.error:
            continue
        rel = PurePosixPath(item.rel)
        for candidate in (rel.with_suffix(".json").as_posix(), rel.as_posix() + ".json"):
            if candidate not in taken and candidate != MANIFEST:
                taken[candidate] = item.rel
                out[item.rel] = candidate
                break
    return out


@cache
def _file_mode() -> int:
    """Mode for new files: 0666 less the umask, as ``open()`` would give (mkstemp gives 0600)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX, suffix=TMP_SUFFIX)
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
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
    """``fn()``, or PipelineError when it runs longer than ``seconds`` (SIGALRM, main thread only)."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return fn()
    armed = True

    def alarm(_signum: int, _frame: FrameType | None) -> None:
        if armed:
            raise _Timeout

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            result = fn()
        finally:
            armed = False  # from here on a late alarm is ignored
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Timeout:
        raise PipelineError(f"timed out after {seconds:g} s (--timeout)") from None
    finally:
        signal.signal(signal.SIGALRM, previous)
    return result


def _entries(path: Path) -> Iterator[ManifestEntry]:
    if not path.exists():
        return
    try:
        lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read {str(path)!r}: {exc.strerror}") from None
    for line in lines:
        try:
            data: Any = json.loads(line)
            yield ManifestEntry.model_validate(data)
        except ValueError:  # a torn last line from a killed run, or anything else unreadable
            continue


def read_manifest(dst: Path) -> dict[str, ManifestEntry]:
    """The last known state: the manifest, updated by the journal of a run that was killed."""
    out: dict[str, ManifestEntry] = {}
    for name in (MANIFEST, JOURNAL):
        for entry in _entries(dst / name):
            out[entry.path] = entry
    return out


def process_file(item: Input, src: Path, dst: Path, options: Options, previous: dict[str, ManifestEntry],
                 out_rel: str | None) -> ManifestEntry:
    rel = item.rel
    version = pipeline_version()
    sha: str | None = None

    def failed(why: str) -> ManifestEntry:
        return ManifestEntry(path=rel, sha256=sha, status="failed", output=None, error=one_line(why),
                             pipeline_version=version)

    if item.error:
        return failed(item.error)
    if out_rel is None:
        return failed("PipelineError: output name collides with another input's")
    try:
        out = output_path(dst, out_rel)
        data = read_input(item.path, src.resolve(), options.max_bytes)
        sha = hashlib.sha256(data).hexdigest()
        old = previous.get(rel)
        if (not options.force and old is not None and old.status in ("ok", "skipped") and old.sha256 == sha
                and old.pipeline_version == version and old.output == out_rel and out.is_file()):
            return ManifestEntry(path=rel, sha256=sha, status="skipped", output=out_rel, pipeline_version=version)
        # The article's source.path must be valid Unicode; the manifest keeps the exact name.
        shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        payload = with_timeout(options.timeout, lambda: render(process_bytes(data, shown).model_dump_json(indent=2)))
        atomic_write(out, payload)
        return ManifestEntry(path=rel, sha256=sha, status="ok", output=out_rel, pipeline_version=version)
    except Exception as exc:  # one bad input never stops the batch
        return failed(reason(exc))


def check_paths(src: Path, dst: Path) -> None:
    if not src.is_dir():
        raise UsageError(f"input folder {str(src)!r} does not exist or is not a folder")
    if dst.exists() and not dst.is_dir():
        raise UsageError(f"output path {str(dst)!r} exists and is not a folder")
    if dst.resolve().is_relative_to(src.resolve()):
        raise UsageError("the output folder must not be inside the input folder")
    try:
        dst.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output folder {str(dst)!r}: {exc.strerror}") from None
    if not os.access(dst, os.R_OK | os.W_OK | os.X_OK):
        raise UsageError(f"output folder {str(dst)!r} is not readable and writable")


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


def run(src: Path, dst: Path, options: Options | None = None,
        progress: Callable[[ManifestEntry], None] | None = None) -> Summary:
    options = options or Options()
    check_paths(src, dst)
    with locked(dst):
        return _run_locked(src, dst, options, progress)


def _run_locked(src: Path, dst: Path, options: Options,
                progress: Callable[[ManifestEntry], None] | None) -> Summary:
    with suppress(OSError):
        remove_temp_files(dst, src)
    previous = read_manifest(dst)
    inputs = list(discover(src))
    outputs = assign_outputs(inputs)
    summary = Summary()
    try:
        journal: IO[bytes] = open(dst / JOURNAL, "ab")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise RunError(f"cannot write {JOURNAL} in {str(dst)!r}: {exc.strerror}") from None
    with journal:
        if journal.tell() > 0:  # a killed run may have left a torn last line
            with open(dst / JOURNAL, "rb") as fh:
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":
                    journal.write(b"\n")
        for item in inputs:
            entry = process_file(item, src, dst, options, previous, outputs.get(item.rel))
            summary.entries.append(entry)
            try:
                journal.write(manifest_line(entry))
                journal.flush()
            except OSError as exc:
                raise RunError(f"cannot write {JOURNAL}: {exc.strerror}") from None
            if progress:
                progress(entry)
    claimed = set(outputs.values())
    summary.stale = find_stale(dst, src, claimed)
    manifest = b"".join(manifest_line(e) for e in summary.entries)
    try:
        atomic_write(dst / MANIFEST, manifest)
    except OSError as exc:
        raise RunError(f"cannot write {MANIFEST}: {exc.strerror}") from None
    # Only now, with a manifest that names none of them: outputs of failed inputs left from an
    # earlier run, and (with --prune) outputs whose input is gone.
    for entry in summary.entries:
        if entry.status == "failed" and entry.path in outputs:
            _remove(dst / outputs[entry.path])
    if options.prune:
        for rel in summary.stale:
            _remove(dst / rel)
    (dst / JOURNAL).unlink(missing_ok=True)
    return summary
