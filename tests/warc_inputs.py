"""Web archives for the tests, written with warcio from the repo's own fixture pages and invented pages of
other genres: captures that are pages, duplicates, a revisit, a 404, a PDF, a record the crawler
truncated, and (``damaged``) a gzip member cut short."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.relevance_pages import PAGES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CAREER_FILES = ["plumber-vs-electrician.md", "hvac-technician-vs-plumber.txt", "dental-hygienist-profile.html",
                "batch/what-does-a-welder-do.html"]
OTHER_PAGES = ["drill-shop", "city-budget-news", "apple-pie-recipe", "car-forum", "bank-login", "weather-page"]
MEDIA = {".md": "text/markdown", ".txt": "text/plain", ".html": "text/html"}
CRAWLED = "2025-03-04T05:06:07Z"
SITE = "https://careers.example"
LATIN1_PAGE = ("<html><head><title>Café Manager: Job Description</title></head><body>"
               "<h1>Café Manager: Job Description</h1><p>Café managers run the café floor, hire baristas and order "
               "stock.</p><p>Café managers earn a median salary of $48,000 per year in May 2024.</p></body></html>")


@dataclass
class Capture:
    url: str
    body: bytes
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    kind: str = "response"
    truncated: bool = False


def captures() -> list[Capture]:
    """What the test archive holds, in order: every kind of record the reader meets."""
    found = [Capture(f"{SITE}/articles/{Path(name).stem}", (FIXTURES / name).read_bytes(),
                     content_type=f"{MEDIA[Path(name).suffix]}; charset=utf-8") for name in CAREER_FILES]
    pages = {p[0]: p for p in PAGES}
    for name in OTHER_PAGES:
        _, _, file_name, text = pages[name]
        found.append(Capture(f"https://other.example/{name}", text.encode("utf-8"),
                             content_type=f"{MEDIA[Path(file_name).suffix]}; charset=utf-8"))
    found += [
        Capture(f"{SITE}/mirror/plumber-vs-electrician", found[0].body, content_type=found[0].content_type),
        Capture(f"{SITE}/articles/plumber-vs-electrician", found[0].body, kind="revisit"),
        Capture(f"{SITE}/gone", b"<html><body>Not found</body></html>", status="404 Not Found"),
        Capture(f"{SITE}/guide.pdf", b"%PDF-1.7 binary", content_type="application/pdf"),
        Capture(f"{SITE}/big-page", b"<html><body><p>cut by the crawler", truncated=True),
        Capture(f"{SITE}/cafe-manager", LATIN1_PAGE.encode("latin-1"), content_type="text/html; charset=iso-8859-1"),
    ]
    return found


def _write(writer: WARCWriter, capture: Capture) -> None:
    extra = {"WARC-Date": CRAWLED}
    if capture.truncated:
        extra["WARC-Truncated"] = "length"
    if capture.kind == "revisit":
        record = writer.create_revisit_record(capture.url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                              refers_to_uri=capture.url, refers_to_date=CRAWLED)
        record.rec_headers.replace_header("WARC-Date", CRAWLED)
    else:
        http = StatusAndHeaders(capture.status, [("Content-Type", capture.content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(capture.url, "response", payload=io.BytesIO(capture.body),
                                           http_headers=http, warc_headers_dict=extra)
    writer.write_record(record)


def members(items: list[Capture]) -> list[bytes]:
    """Each capture as one gzip member (request records between them, as crawlers write)."""
    out = []
    for capture in items:
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=True)
        _write(writer, capture)
        if capture.kind == "response":
            request = writer.create_warc_record(capture.url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
        out.append(buf.getvalue())
    return out


def archive(items: list[Capture] | None = None, damaged: int | None = None) -> bytes:
    """A ``.warc.gz`` of the captures; ``damaged``: the index of a capture whose gzip member is cut short."""
    parts = members(items if items is not None else captures())
    if damaged is not None:
        parts[damaged] = parts[damaged][: len(parts[damaged]) // 2]
    return b"".join(parts)


def plain_archive(items: list[Capture]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for capture in items:
        _write(writer, capture)
    return buf.getvalue()
