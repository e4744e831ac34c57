"""The batch job behind ``extract SRC DST``: discover inputs, process each, emit JSON and a manifest.

Every input gets one manifest line (``ok``, ``skipped`` or ``failed`` with a one-line reason);
one bad file never stops the batch. Outputs are written to a temporary file in the output folder
and renamed into place, so a killed run leaves no partial JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from pipeline import VERSION
from pipeline.load import MEDIA_TYPES
from pipeline.model import PipelineError
from pipeline.process import process_bytes
from schemas.article import ManifestEntry

MANIFEST = "manifest.jsonl"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0


class UsageError(Exception):
    """Bad arguments for a whole run (exit status 2)."""


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


def discover(src: Path) -> Iterator[Path]:
    """Inputs under ``src`` in a stable order; symlinks leading outside ``src`` are not followed."""
    root = src.resolve()
    for dirpath, dirnames, filenames in os.walk(src, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.suffix.lower() not in MEDIA_TYPES:
                continue
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    yield path  # a loop or dangling link: processing it reports the failure
                    continue
                if not target.is_relative_to(root):
                    continue
            yield path


def output_path(dst: Path, rel: str) -> Path:
    target = (dst / rel).with_suffix(".json")
    if not target.resolve().is_relative_to(dst.resolve()):
        raise PipelineError("output path would leave the output folder")
    return target


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
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


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _Timeout


def with_timeout(seconds: float, fn: Callable[[], bytes]) -> bytes:
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        return fn()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    except _Timeout:
        raise PipelineError(f"timed out after {seconds:g} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_manifest(dst: Path) -> dict[str, ManifestEntry]:
    path = dst / MANIFEST
    out: dict[str, ManifestEntry] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = ManifestEntry.model_validate_json(line)
        except ValueError:
            continue
        out[entry.path] = entry
    return out


def process_file(path: Path, src: Path, dst: Path, options: Options,
                 previous: dict[str, ManifestEntry]) -> ManifestEntry:
    rel = path.relative_to(src).as_posix()
    sha: str | None = None
    out_rel: str | None = None
    try:
        out = output_path(dst, rel)
        out_rel = out.relative_to(dst).as_posix()
        size = path.stat().st_size
        if size > options.max_bytes:
            raise PipelineError(f"file is {size} bytes, over --max-bytes {options.max_bytes}")
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        old = previous.get(rel)
        if (not options.force and old is not None and old.status in ("ok", "skipped") and old.sha256 == sha
                and old.pipeline_version == VERSION and out.exists()):
            return ManifestEntry(path=rel, sha256=sha, status="skipped", output=out_rel, pipeline_version=VERSION)
        payload = with_timeout(options.timeout, lambda: render(process_bytes(data, rel).model_dump_json(indent=2)))
        atomic_write(out, payload)
        return ManifestEntry(path=rel, sha256=sha, status="ok", output=out_rel, pipeline_version=VERSION)
    except (PipelineError, OSError, RecursionError, ValueError, RuntimeError, MemoryError) as exc:
        if out_rel is not None:
            (dst / out_rel).unlink(missing_ok=True)
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if isinstance(exc, OSError):
            reason = exc.strerror or reason
        return ManifestEntry(path=rel, sha256=sha, status="failed", output=None,
                             error=f"{type(exc).__name__}: {reason}"[:300], pipeline_version=VERSION)


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
    if not os.access(dst, os.W_OK | os.X_OK):
        raise UsageError(f"output folder {str(dst)!r} is not writable")


def run(src: Path, dst: Path, options: Options | None = None,
        progress: Callable[[ManifestEntry], None] | None = None) -> Summary:
    options = options or Options()
    check_paths(src, dst)
    previous = read_manifest(dst)
    summary = Summary()
    for path in discover(src):
        entry = process_file(path, src, dst, options, previous)
        summary.entries.append(entry)
        if progress:
            progress(entry)
    seen = {e.path for e in summary.entries}
    for rel, old in sorted(previous.items()):
        if rel in seen or not old.output:
            continue
        summary.stale.append(old.output)
        if options.prune:
            (dst / old.output).unlink(missing_ok=True)
    manifest = "".join(json.dumps(e.model_dump(exclude_none=False), ensure_ascii=False) + "\n"
                       for e in summary.entries)
    atomic_write(dst / MANIFEST, manifest.encode("utf-8"))
    return summary
