"""What SRC and DST name: folders or fsspec URLs (``pipeline.batch.storage``), or web archives: a
``.warc``/``.warc.gz`` file or a glob of them, local or fsspec."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from pipeline.batch.errors import UsageError, reason
from pipeline.batch.storage import Input, LocalDest, LocalSource, UrlDest, UrlSource, is_url, local_path
from pipeline.batch.warc import is_archive


def archive_size(location: str) -> int:
    """The size of a web archive (a local path or an fsspec URL), to split it into ranges."""
    if not is_url(location):
        return os.path.getsize(local_path(location))
    import fsspec

    fs, path = fsspec.core.url_to_fs(location)
    return int(fs.size(path))


GLOB_CHARS = frozenset("*?[")


class ArchiveSource:
    """Web archives named one by one: SRC is a ``.warc``/``.warc.gz`` file, or a glob of them (local or
    fsspec: ``crawl/*.warc.gz``, ``s3://bucket/crawl/*.warc.gz``)."""

    def __init__(self, location: str) -> None:
        import fsspec

        self.location = location
        self.fs, self.pattern = fsspec.core.url_to_fs(location)
        self.local = not is_url(location)

    @staticmethod
    def wanted(location: str | Path) -> bool:
        text = str(location)
        return is_archive(text) or (bool(GLOB_CHARS & set(text)) and not Path(text).exists())

    def check(self) -> None:
        try:
            found = self._found()
        except Exception as exc:
            raise UsageError(f"cannot read {self.location!r}: {reason(exc)}") from None
        if not found:
            raise UsageError(f"no web archive (.warc, .warc.gz) matches {self.location!r}")

    def _found(self) -> list[str]:
        if GLOB_CHARS & set(self.pattern):
            return sorted(p for p in self.fs.glob(self.pattern) if is_archive(p))
        return [self.pattern] if self.fs.isfile(self.pattern) else []

    def inputs(self) -> Iterator[Input]:
        """Each archive, named relative to the folder the pattern starts from (a single file by its name)."""
        fixed = min((self.pattern.index(c) for c in GLOB_CHARS if c in self.pattern), default=len(self.pattern))
        base = self.pattern[:fixed].rpartition("/")[0]
        for path in self._found():
            rel = path[len(base):].lstrip("/") if base and path.startswith(base) else path
            yield Input(path if self.local else self.fs.unstrip_protocol(path), rel)

    def job_root(self) -> str | None:
        return None


Source = LocalSource | UrlSource | ArchiveSource


def resolve(src: str | Path, dst: str | Path) -> tuple[Source, LocalDest | UrlDest]:
    """SRC and DST as local folders (paths or ``file://``) or fsspec URLs (``s3://``, ``gs://``, ...)."""
    try:
        source: Source
        if ArchiveSource.wanted(src):
            source = ArchiveSource(str(src))
        else:
            source = UrlSource(str(src)) if is_url(src) else LocalSource(local_path(src))
        dest: LocalDest | UrlDest = UrlDest(str(dst)) if is_url(dst) else LocalDest(local_path(dst))
    except (ImportError, ValueError) as exc:
        raise UsageError(f"cannot use {src!s} or {dst!s}: {reason(exc)}") from None
    source.check()
    dest.check(source)
    return source, dest
