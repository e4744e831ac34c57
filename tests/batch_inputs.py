"""Good articles and the bad-input battery shared by the batch and CLI tests.

Bad inputs are generated into a temporary folder by each test (no binary files are committed).
"""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.batch.options import DEFAULT_MAX_BYTES
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
GOOD = [
    FIXTURES / "baker-vs-pastry-chef.txt",
    FIXTURES / "dental-hygienist-profile.html",
    FIXTURES / "plumber-vs-electrician.md",
    FIXTURES / "batch" / "nurse-vs-medical-assistant.md",
    FIXTURES / "batch" / "what-does-a-welder-do.html",
]
ARTICLE = "Baker vs. Pastry Chef\n\nBakers bake bread in a bakery. Pastry chefs earn $45,000 a year.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def copy_good(src: Path) -> list[str]:
    src.mkdir(parents=True, exist_ok=True)
    for path in GOOD:
        shutil.copyfile(path, src / path.name)
    return [p.name for p in GOOD]


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _symlink_loop(path: Path) -> None:
    other = path.with_name("loop-b.txt.link")  # not an input suffix: only loop-a.txt is an input
    os.symlink(other.name, path)
    os.symlink(path.name, other)


def _unreadable(path: Path) -> None:
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _outside_link(path: Path) -> None:
    outside = path.parent.parent / "outside-secret.txt"
    outside.write_text(ARTICLE, encoding="utf-8")
    os.symlink(outside, path)


@dataclass(frozen=True)
class Bad:
    """One junk input: its file name, how to make it, and the outcome it must get.

    ``expect`` is ``failed``, ``ok`` or ``any`` (a clean failure or a valid JSON); ``error`` is a
    substring the failure reason must contain.
    """

    id: str
    name: str
    make: Callable[[Path], None]
    expect: str
    error: str = ""


BAD: list[Bad] = [
    Bad("empty", "empty.txt", _write(b""), "failed", "PipelineError: empty input"),
    Bad("whitespace", "whitespace.md", _write(b"  \n\t\n \r\n   \n"), "failed", "PipelineError: empty input"),
    Bad("bom-and-spaces", "bom.txt", _write("\ufeff \n\u00a0\n".encode()), "failed", "empty input"),
    Bad("utf16-whitespace", "blank16.txt", _write(" \n\t".encode("utf-16")), "failed", "empty input"),
    Bad("png", "image.txt", _write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4), "failed", "binary"),
    Bad("pdf", "document.md", _write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
        "failed", "binary"),
    Bad("gzip", "archive.html", _write(gzip.compress(b"<p>hello</p>" * 100)), "failed", "binary"),
    Bad("control-bytes", "noise.txt", _write(bytes(range(1, 32)) * 40 + b"abc"), "failed", "binary"),
    Bad("invalid-utf8", "invalid-utf8.txt", _write(ARTICLE.encode() + b"Caf\xe9 \xff\xfe\xfa end.\n"), "ok"),
    Bad("utf16-bom", "utf16.txt", _write(ARTICLE.encode("utf-16")), "ok"),
    Bad("cp1252", "cp1252.txt",
        _write("Baker vs. Pastry Chef\n\n\u201cBakers\u201d don\u2019t earn \u20ac45,000 \u2014 or do they?\n"
               .encode("cp1252")), "ok"),
    Bad("over-size-limit", "huge.txt", _write(b"a" * (DEFAULT_MAX_BYTES + 1)), "failed", "--max-bytes"),
    Bad("deep-html", "deep.html",
        _write(b"<html><body>" + b"<div>" * 10_000 + b"<p>Bakers earn $45,000 a year.</p>" + b"</div>" * 10_000
               + b"</body></html>"), "ok"),
    Bad("html-no-body", "nobody.html", _write(b"<html><head><title>Baker vs. Pastry Chef</title></head></html>"), "ok"),
    Bad("markdown-only-headings", "headings.md",
        _write(b"# Baker vs. Pastry Chef\n\n## Duties\n\n## Salary\n\n### FAQ\n"), "ok"),
    Bad("other-language", "deutsch.txt",
        _write("B\u00e4cker vs. Konditor: Was sind die Unterschiede?\n\nEin B\u00e4cker verdient 35.000 \u20ac im Jahr "
               "und arbeitet in einer B\u00e4ckerei. Konditoren backen Torten.\n".encode()), "ok"),
    # 5 MB with no newline: under --max-bytes, over the character cap, so it fails at once.
    Bad("5mb-one-line", "one-line.txt",
        _write((b"Bakers earn $45,000 a year and work in bakeries. " * 100_001)[:5_000_000]), "failed", "characters"),
    Bad("symlink-loop", "loop-a.txt", _symlink_loop, "failed", "symlink loop"),
    Bad("unreadable", "unreadable.txt", _unreadable, "failed" if not IS_ROOT else "ok", "Permission denied"),
    Bad("name-with-spaces", "name with spaces.txt", _write(ARTICLE.encode()), "ok"),
    Bad("name-unicode", "\u00fcn\u00efc\u00f8d\u00e9-\u540d\u524d.md", _write(ARTICLE.encode()), "ok"),
    Bad("name-leading-dash", "-leading-dash.txt", _write(ARTICLE.encode()), "ok"),
    # Beyond the list: a named pipe would block a plain read() forever.
    Bad("fifo", "pipe.txt", _fifo, "failed", "not a regular file"),
    Bad("symlink-outside", "outside.txt", _outside_link, "failed", "outside the input folder"),
    Bad("symlink-dangling", "dangling.md", lambda p: os.symlink("no-such-file.md", p), "failed", "broken symlink"),
]


def make_bad(src: Path, bad: Bad) -> Path:
    src.mkdir(parents=True, exist_ok=True)
    path = src / bad.name
    bad.make(path)
    return path


def restore_permissions(src: Path) -> None:
    """chmod 000 files would stop pytest from removing tmp_path."""
    for path in src.rglob("*"):
        if not path.is_symlink() and path.is_file():
            path.chmod(0o644)
