"""Where inputs come from and outputs go: local folders, or fsspec URLs (``s3://``, ``gs://``, ...).

Crash safety of local outputs (a run may be killed with SIGKILL at any moment): each JSON is
written to ``.tmp-*.part`` in the output folder, fsynced and renamed into place, so no partial
``.json`` file ever exists; the next run deletes stray ``.part`` files.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext, suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO

from pipeline.batch.errors import UsageError, need_folder, reason
from pipeline.batch.journal import JOURNAL, MANIFEST, FileJournal, Known, PartJournal, locked
from pipeline.batch.warc import is_archive
from pipeline.types import MEDIA_TYPES, PipelineError

TMP_PREFIX, TMP_SUFFIX = ".tmp-", ".part"


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
            if path.suffix.lower() in MEDIA_TYPES or is_archive(name):
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
            if PurePosixPath(rel).suffix.lower() in MEDIA_TYPES or is_archive(rel):
                yield Input(self.fs.unstrip_protocol(path), rel)

    def job_root(self) -> str | None:
        return None




class LocalDest:
    """A local output folder: atomic writes (see the top of this module), the journal in one file
    (``FileJournal``) and a lock that keeps to one run at a time."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.journal = FileJournal(root)

    def check(self, source: object) -> None:
        dst = self.root
        if dst.exists() and not dst.is_dir():
            raise UsageError(f"output path {str(dst)!r} exists and is not a folder")
        if isinstance(source, LocalSource) and dst.resolve().is_relative_to(source.root.resolve()):
            raise UsageError("the output folder must not be inside the input folder")
        need_folder(dst, "output folder")

    def lock(self) -> AbstractContextManager[None]:
        return locked(self.root)

    def _skip_src(self, source: object) -> Path:
        return source.root if isinstance(source, LocalSource) else self.root / JOURNAL  # nothing to leave out

    def start(self, source: object) -> dict[str, Known]:
        with suppress(OSError):
            remove_temp_files(self.root, self._skip_src(source))
        return self.journal.start()

    def check_output(self, out_rel: str) -> None:
        output_path(self.root, out_rel)

    def has_output(self, out_rel: str) -> bool:
        return (self.root / out_rel).is_file()

    def write(self, out_rel: str, payload: bytes) -> None:
        atomic_write(output_path(self.root, out_rel), payload)

    def commit_manifest(self, lines: IO[bytes]) -> None:
        lines.seek(0)
        atomic_fill(self.root / MANIFEST, lambda fh: shutil.copyfileobj(lines, fh, 1 << 20))

    def read_manifest(self) -> bytes:
        return (self.root / MANIFEST).read_bytes()

    def stale(self, source: object, claimed: set[str]) -> list[str]:
        return find_stale(self.root, self._skip_src(source), claimed)

    def remove(self, out_rel: str) -> None:
        _remove(self.root / out_rel)


class UrlDest:
    """An fsspec destination (``s3://bucket/out``): objects are written whole, so writes are atomic
    where the store's are. The journal goes in numbered parts (``PartJournal``), and there is no
    lock: keep to one run per destination."""

    def __init__(self, url: str) -> None:
        import fsspec

        self.url = url
        self.fs, self.root = fsspec.core.url_to_fs(url)
        self.root = self.root.rstrip("/")
        self.journal = PartJournal(self.fs, self.root, url)

    def _path(self, rel: str) -> str:
        return f"{self.root}/{rel}"

    def check(self, source: object) -> None:
        if isinstance(source, UrlSource) and source.fs.protocol == self.fs.protocol and (
                self.root + "/").startswith(source.root + "/"):
            raise UsageError("the output folder must not be inside the input folder")
        try:
            self.fs.makedirs(self.root, exist_ok=True)
        except Exception as exc:
            raise UsageError(f"cannot create output folder {self.url!r}: {reason(exc)}") from None

    def lock(self) -> AbstractContextManager[None]:
        return nullcontext()

    def start(self, source: object) -> dict[str, Known]:
        state = self.journal.start()
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

    def commit_manifest(self, lines: IO[bytes]) -> None:
        lines.seek(0)
        with self.fs.open(self._path(MANIFEST), "wb") as fh:  # an object store makes it visible whole, at close
            shutil.copyfileobj(lines, fh, 1 << 20)

    def read_manifest(self) -> bytes:
        data: bytes = self.fs.cat_file(self._path(MANIFEST))
        return data

    def stale(self, source: object, claimed: set[str]) -> list[str]:
        found = sorted(p[len(self.root):].lstrip("/") for p in self.fs.find(self.root))
        return [rel for rel in found if rel.endswith(".json") and rel not in claimed]

    def remove(self, out_rel: str) -> None:
        with suppress(Exception):
            self.fs.rm_file(self._path(out_rel))
