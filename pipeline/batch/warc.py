"""Web archives (WARC, ``.warc`` or ``.warc.gz``) as inputs: each captured page is one input.

Records are read with warcio as a stream, a record at a time; nothing holds a whole archive. A
``response`` (or ``resource``) record whose HTTP status is 200 and whose body is HTML or text is a page,
named by its target URI (``record_name``: a stable name per URL) and decoded in the charset its server
declared. ``revisit`` records, other statuses, other media types (PDF, images) and records the crawler
marked ``WARC-Truncated`` are skipped with that reason, and so are empty bodies; ``request``,
``metadata`` and ``warcinfo`` records describe a capture and are not pages.

A damaged record (a gzip member cut short, a header that does not parse, a body that does not match
its ``WARC-Block-Digest`` or ``WARC-Payload-Digest``) fails alone: reading
starts again at the next record boundary (the next gzip member that opens a WARC record, or the next
``WARC/1.x`` line of an uncompressed archive) and the rest of the archive goes on.

An archive can be read in byte ranges (``ranges``): a range holds the records that start inside it,
so several workers, or a cluster, can share one large archive. A range that starts mid-archive finds
its first record boundary the same way as after damage.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from functools import cache
from typing import IO, Any
from urllib.parse import urlsplit

from pipeline.batch.errors import one_line, reason

ARCHIVE_SUFFIXES = (".warc", ".warc.gz")
# Media types read as pages, and the file-name ending that tells the pipeline which reader to use.
PAGE_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/markdown": ".md"}
CAPTURES = frozenset({"response", "resource", "revisit"})
# A range of an archive for one unit of work: small enough that its pages' outputs fit in memory at once.
RANGE_BYTES = 4 << 20
GZIP_MEMBER = b"\x1f\x8b\x08"
PLAIN_RECORD = re.compile(rb"(?:^|\r?\n)(WARC/1\.[01]\r?\n)")
SCAN_BLOCK = 1 << 20
SLUG = re.compile(r"[^A-Za-z0-9_-]+")
HOST = re.compile(r"[^a-z0-9.-]+")
MAX_SLUG = 80
MAX_DAMAGE = 160


def is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def record_name(url: str) -> str:
    """A stable name for a URL: ``host/last-path-words-<digest>``, the digest of the whole URL making it
    unique; the output is this name plus ``.json``."""
    parts = urlsplit(url)
    host = HOST.sub("-", (parts.hostname or "no-host").lower()).strip("-.") or "no-host"
    if parts.port:
        host += f"-{parts.port}"
    slug = SLUG.sub("-", parts.path).strip("-")[-MAX_SLUG:].strip("-") or "index"
    digest = hashlib.sha1(url.encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return f"{host}/{slug}-{digest}"


@dataclass(frozen=True)
class Record:
    """One capture of an archive: a page's body, or why it is skipped, or why it failed."""

    offset: int
    name: str  # record_name of its URL; ``<archive>@<offset>`` for a record whose URL could not be read
    url: str | None = None
    crawled: str | None = None
    media_type: str | None = None
    charset: str | None = None
    body: bytes | None = None
    skip: str | None = None
    error: str | None = None

    @property
    def path(self) -> str:
        """The name with the ending of its media type: what the pipeline reads it as."""
        return self.name + PAGE_TYPES.get(self.media_type or "", ".html")


def ranges(size: int, range_bytes: int = RANGE_BYTES) -> list[tuple[int, int | None]]:
    """Byte ranges that together cover an archive of ``size`` bytes; the last is open-ended."""
    starts = list(range(0, max(size, 1), range_bytes))
    return [(start, starts[i + 1] if i + 1 < len(starts) else None) for i, start in enumerate(starts)]


def _opens_gzip_record(data: bytes) -> bool:
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")


def next_boundary(fh: IO[bytes], start: int, gzipped: bool) -> int | None:
    """The offset of the first record that starts at or after ``start``, or None."""
    pos = start
    while True:
        fh.seek(pos)
        block = fh.read(SCAN_BLOCK + 64)
        if not block:
            return None
        found = _boundary_in(block, gzipped)
        if found is not None:
            return pos + found
        if len(block) <= SCAN_BLOCK:
            return None
        pos += SCAN_BLOCK


def _boundary_in(block: bytes, gzipped: bool) -> int | None:
    if not gzipped:
        m = PLAIN_RECORD.search(block)
        return m.start(1) if m else None
    at = block.find(GZIP_MEMBER)
    while 0 <= at < SCAN_BLOCK:
        if _opens_gzip_record(block[at:]):
            return at
        at = block.find(GZIP_MEMBER, at + 1)
    return None


def _header(headers: Any, name: str) -> str | None:
    value = headers.get_header(name) if headers is not None else None
    return str(value).strip() if value else None


def _content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    media, _, params = value.partition(";")
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.IGNORECASE)
    return media.strip().lower() or None, m.group(1) if m else None


def _sniff(body: bytes) -> str:
    return "text/html" if body.lstrip()[:1] == b"<" else "text/plain"


def read_record(record: Any, offset: int, archive: str, max_bytes: int) -> Record | None:
    """What one warcio record is as an input; None for records that are not captures."""
    kind = record.rec_type
    if kind not in CAPTURES:
        return None
    url = (_header(record.rec_headers, "WARC-Target-URI") or "").strip("<>") or None
    name = record_name(url) if url else f"{archive}@{offset}"
    base = Record(offset, name, url, _header(record.rec_headers, "WARC-Date"))
    if kind == "revisit":
        return _skip(base, "revisit")
    if _header(record.rec_headers, "WARC-Truncated"):
        return _skip(base, "truncated")
    if kind == "response":
        status = record.http_headers.get_statuscode() if record.http_headers is not None else None
        if status is None and _cut_short(record):
            return _failed(base, "damaged record: the archive ends inside it")
        if status != "200":
            return _skip(base, f"HTTP {status}" if status else "no HTTP status")
        media, charset = _content_type(_header(record.http_headers, "Content-Type"))
    else:
        media, charset = _content_type(_header(record.rec_headers, "Content-Type"))
    if media is not None and media not in PAGE_TYPES:
        return _skip(base, f"not text: {media}")
    body: bytes = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return _failed(base, f"PipelineError: body is over --max-bytes {max_bytes}")
    if _cut_short(record):
        return _failed(base, "damaged record: the archive ends inside it")
    if not body.strip():  # crawls hold many empty answers: no page, and no failure of the run
        return _skip(base, "empty body")
    media = media or _sniff(body)
    return Record(offset, name, url, base.crawled, media, charset, body)


def _cut_short(record: Any) -> bool:
    """Whether the record's block holds fewer bytes than its Content-Length (an archive cut off in it)."""
    raw = record.raw_stream
    while getattr(raw, "limit", 0) > 0:
        if not raw.read(1 << 16):
            return True
    return False


def _skip(base: Record, why: str) -> Record:
    return Record(base.offset, base.name, base.url, base.crawled, skip=why)


def _failed(base: Record, why: str) -> Record:
    return Record(base.offset, base.name, base.url, base.crawled, error=one_line(why))


def records(open_archive: Callable[[], IO[bytes]], archive: str, start: int = 0, end: int | None = None,
            max_bytes: int = 5 << 20) -> Iterator[Record]:
    """The captures of an archive whose records start in ``[start, end)``, in archive order.

    A record that cannot be read is yielded failed, with a one-line reason, and reading resumes at
    the next record boundary.
    """
    with open_archive() as fh:
        pos: int | None = start if start == 0 else next_boundary(fh, start, archive.lower().endswith(".gz"))
        while pos is not None and (end is None or pos < end):
            pos = yield from _read_from(fh, pos, archive, end, max_bytes)


def _read_from(fh: IO[bytes], pos: int, archive: str, end: int | None,
               max_bytes: int) -> Generator[Record, None, int | None]:
    """Records from ``pos`` on; returns where to go on after a damaged record, or None at the end."""
    fh.seek(pos)
    # A record's digests are checked as it is read: a gzip member cut short can decompress on into the
    # next one's bytes and fill its length with garbage, which only its digest tells.
    iterator = _iterator_class()(fh, check_digests="raise")
    last = -1
    while True:
        try:
            record = next(iterator, None)
        except Exception as exc:  # the next record's header or the last one's end is damaged
            offset = iterator.offset
            if offset != last:  # (a record whose body was read whole has been yielded already)
                yield Record(offset, f"{archive}@{offset}", error=_damage(exc))
            return next_boundary(fh, max(offset, last) + 1, archive.lower().endswith(".gz"))
        if record is None:
            return None
        offset = last = iterator.offset
        if end is not None and offset >= end:
            return None
        try:
            found = read_record(record, offset, archive, max_bytes)
        except Exception as exc:  # its body is damaged: it fails under its own URL
            url = (_header(record.rec_headers, "WARC-Target-URI") or "").strip("<>") or None
            yield Record(offset, record_name(url) if url else f"{archive}@{offset}", url, error=_damage(exc))
            return next_boundary(fh, offset + 1, archive.lower().endswith(".gz"))
        if found is not None:
            yield found


@cache
def _iterator_class() -> Any:
    """warcio's reader, silent: it writes a warning to stderr where a record's length looks wrong, and
    such a record is reported in the manifest instead."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietIterator(ArchiveIterator):  # type: ignore[misc]
        INC_RECORD = ""

    return QuietIterator


def _damage(exc: BaseException) -> str:
    # warcio quotes the bytes it could not read: binary garbage has no place in a one-line reason.
    text = re.sub(r",? first line:.*", "", reason(exc))
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return one_line(f"damaged record: {text}")[:MAX_DAMAGE]
