"""Web-archive acceptance check: ``python scripts/warc_check.py [--pages DIR] [--keep DIR]``.

Packs the handbook pages (default ``../shared/corpus/bls``) into a ``.warc.gz`` together with the invented
pages of other genres of ``tests/relevance_pages.py``, two duplicates (handbook pages under a second URL),
a revisit, a 404, a PDF and a damaged record (a gzip member cut short); runs ``extract`` on it and on the
pages' folder, and checks: every handbook page gives the same article from the archive as from its file
(all but ``source``); no other page has a role or a fact; each duplicate is listed as one, with no output
of its own; the damaged record fails alone; the manifest has a line for every capture. Prints the
figures and ``warc check ok`` (exit 0) or what failed (exit 1). A measurement script: the pipeline never
reads the corpus.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch.options import Options  # noqa: E402
from pipeline.batch.runner import run  # noqa: E402
from tests.relevance_pages import PAGES  # noqa: E402

BLS = ROOT.parent / "shared" / "corpus" / "bls"
MEDIA = {".md": "text/markdown", ".txt": "text/plain", ".html": "text/html"}
SITE = "https://handbook.example/ooh"


def member(url: str, body: bytes, status: str = "200 OK", media: str = "text/html", kind: str = "response") -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    if kind == "revisit":
        record = writer.create_revisit_record(url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", refers_to_uri=url,
                                              refers_to_date="2025-01-01T00:00:00Z")
    else:
        http = StatusAndHeaders(status, [("Content-Type", f"{media}; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)
    return buf.getvalue()


def build(pages: list[Path], path: Path) -> dict[str, int]:
    """The test archive; returns how many captures of each kind it holds."""
    parts = [member(f"{SITE}/{p.stem}", p.read_bytes()) for p in pages]
    others = [p for p in PAGES if not p[1]]
    parts += [member(f"https://other.example/{name}", text.encode(), media=MEDIA[Path(fn).suffix])
              for name, _, fn, text in others]
    parts += [member(f"https://mirror.example/{p.stem}", p.read_bytes()) for p in pages[:2]]
    parts.append(member(f"{SITE}/{pages[0].stem}", b"", kind="revisit"))
    parts.append(member(f"{SITE}/gone", b"<html>Not found</html>", status="404 Not Found"))
    parts.append(member(f"{SITE}/guide.pdf", b"%PDF-1.7 ...", media="application/pdf"))
    damaged = member(f"{SITE}/damaged", pages[2].read_bytes())
    parts.insert(len(pages) // 2, damaged[: len(damaged) // 2])
    path.write_bytes(b"".join(parts))
    return {"pages": len(pages), "others": len(others), "duplicates": 2, "captures": len(parts)}


def same_article(a: Path, b: Path) -> bool:
    left, right = json.loads(a.read_text()), json.loads(b.read_text())
    left.pop("source"), right.pop("source")
    return bool(left == right)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/warc_check.py", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=BLS, metavar="DIR")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="leave the archive and outputs here")
    args = parser.parse_args(argv)
    pages = sorted(args.pages.glob("*.html"))
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        src = work / "crawl.warc.gz"
        counts = build(pages, src)
        folder = work / "pages"
        folder.mkdir(exist_ok=True)
        for page in pages:
            shutil.copy(page, folder / page.name)
        run(folder, work / "out-folder", Options(workers=1))
        summary = run(src, work / "out-warc", Options(workers=1))
        entries = [json.loads(line) for line in (work / "out-warc" / "manifest.jsonl").read_text().splitlines()]
        problems = check(work, pages, entries, counts)
        # The handbook outputs under their pages' names, for bls_check.py.
        named = work / "out-warc-by-page"
        named.mkdir(exist_ok=True)
        for e in entries:
            if e.get("url", "").startswith(SITE) and e["status"] == "ok":
                shutil.copy(work / "out-warc" / e["output"], named / (e["url"].rsplit("/", 1)[1] + ".json"))
        print(f"captures {counts['captures']}, manifest lines {len(entries)}; ok {summary.count('ok')} "
              f"({summary.not_career} not career), skipped {dict(summary.reasons)}, failed {summary.count('failed')}")
        print(f"bls outputs for bls_check.py: {named}" if args.keep else "")
    for problem in problems:
        print("FAIL", problem)
    print("warc check ok" if not problems else f"warc check: {len(problems)} problems")
    return 1 if problems else 0


def check(work: Path, pages: list[Path], entries: list[dict[str, str]], counts: dict[str, int]) -> list[str]:
    problems = []
    if len(entries) != counts["captures"]:
        problems.append(f"{counts['captures']} captures but {len(entries)} manifest lines")
    by_url: dict[str | None, dict[str, str]] = {}
    for e in entries:
        by_url.setdefault(e.get("url"), e)
    for page in pages:
        found = by_url.get(f"{SITE}/{page.stem}")
        if found is None or found["status"] != "ok":
            problems.append(f"{page.name}: {found and found['status']} {found and found.get('error')}")
        elif not same_article(work / "out-folder" / f"{page.stem}.json", work / "out-warc" / found["output"]):
            problems.append(f"{page.name}: the archive's article differs from the file's")
    for name, career, _, _ in PAGES:
        other = by_url.get(f"https://other.example/{name}")
        if career or other is None:
            continue
        article = json.loads((work / "out-warc" / other["output"]).read_text())
        if article["roles"] or any(article[f] for f in ("duties", "requirements", "salaries", "settings", "skills")):
            problems.append(f"{name}: a page of another genre has roles or facts")
    dups = [e for e in entries if e.get("reason") == "duplicate"]
    if len(dups) != counts["duplicates"] or any(e["output"] for e in dups):
        problems.append(f"duplicates: {[(e['url'], e.get('duplicate_of')) for e in dups]}")
    failed = [e for e in entries if e["status"] == "failed"]
    if len(failed) != 1 or not failed[0]["error"].startswith("damaged record"):
        problems.append(f"failed records: {[(e['path'], e['error']) for e in failed]}")
    return problems


if __name__ == "__main__":
    raise SystemExit(main())
