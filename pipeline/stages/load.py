"""load: input bytes -> Document (decoded text split into typed blocks).

Decoding: UTF-8 (a BOM is dropped); UTF-16 when it has a BOM; otherwise cp1252, with a warning,
since that is what mis-labelled Western pages almost always are. Bytes that look binary (known
magic numbers, NUL bytes without a UTF-16 BOM, or many control bytes) fail with a one-line reason,
and so does text longer than ``MAX_CHARS`` (the spaCy pipeline's ``max_length``; for HTML, the
text of its blocks, not the markup).
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from pipeline.stages.provenance import html_origin, markdown_origin, merge
from pipeline.types import MEDIA_TYPES, Block, BlockKind, Document, Origin, PipelineError

BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"\x1f\x8b", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\x7fELF")
# Control bytes other than tab, newline, form feed and carriage return; text has next to none.
CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
_CONTROL_DELETE = bytes(sorted(CONTROL_BYTES))  # for bytes.translate: counting them runs in C
MAX_CONTROL_SHARE = 0.05
# Longest decoded text accepted: spaCy's default ``nlp.max_length``, which extraction relies on.
MAX_CHARS = 1_000_000
ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def check_length(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise PipelineError(f"text is {len(text):,} characters, over the {MAX_CHARS:,}-character limit")


def decode(data: bytes, charset: str | None = None) -> tuple[str, str | None]:
    """Return the text and a warning when a fallback encoding was used.

    ``charset`` is the one a web server declared (HTTP ``Content-Type``); a byte-order mark still
    wins over it, and an unknown name is ignored.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return data.decode("utf-16", errors="replace"), "input is not valid UTF-16; bad bytes replaced"
    head = data[:8192]
    if data.startswith(BINARY_MAGIC) or b"\x00" in head:
        raise PipelineError("binary content, not text")
    if head and len(head) - len(head.translate(None, _CONTROL_DELETE)) > MAX_CONTROL_SHARE * len(head):
        raise PipelineError("binary content, not text (too many control bytes)")
    if charset:
        declared = _declared(data, charset)
        if declared is not None:
            return declared
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "input is not valid UTF-8; decoded as cp1252"


def _declared(data: bytes, charset: str) -> tuple[str, str | None] | None:
    """The text in the declared charset (ISO-8859-1 read as cp1252, as browsers do), or None for an
    unknown name."""
    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        name = "cp1252"
    try:
        return data.decode(name), None
    except UnicodeDecodeError:
        return data.decode(name, errors="replace"), f"input is not valid {charset}; bad bytes replaced"


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)


def load_bytes(data: bytes, path: str, record: Origin | None = None, charset: str | None = None) -> Document:
    """``record``: what a web-archive record says of the page (its URL, its date); ``charset``: the
    charset its server declared."""
    media_type = MEDIA_TYPES.get(os.path.splitext(path)[1].lower())  # a Path object per document costs more
    if media_type is None:
        raise PipelineError(f"unsupported file type {Path(path).suffix or '(none)'!r}")
    text, warning = decode(data, charset)
    text = normalise(text)
    if media_type != "text/html":  # markup does not count: an HTML page is measured by its blocks below
        check_length(text)
    doc = Document(
        path=path,
        media_type=media_type,  # type: ignore[arg-type]
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        blocks=[],
    )
    if warning:
        doc.warnings.append(warning)
    if media_type == "text/html":
        page = html_origin(text)
    else:
        page = markdown_origin(text) if media_type == "text/markdown" else Origin()
    doc.origin = merge(record or Origin(), page)
    if media_type == "text/html":
        from pipeline.stages.html import html_blocks  # BeautifulSoup and lxml: not for a plain text run

        doc.blocks, dropped, doc.html_title = html_blocks(text)
        doc.removed.extend(dropped)
        check_length("\n".join(b.text for b in doc.blocks))
    elif media_type == "text/markdown":
        doc.blocks = markdown_blocks(text)
    else:
        doc.blocks = text_blocks(text)
    return doc


def load(path: Path, root: Path | None = None) -> Document:
    rel = path.relative_to(root).as_posix() if root else path.name
    return load_bytes(path.read_bytes(), rel)


SENTENCE_END = re.compile(r"[.!?:;\"'”’)]\s*$")


def _paragraphs(lines: list[str], line_block: Callable[[int, str], Block | None]) -> list[Block]:
    """Group lines into blocks; two or more blank lines give a ``break`` block.

    A line that does not end a sentence and is followed by a lower-case line is a hard wrap
    and is joined to it.
    """
    blocks: list[Block] = []
    blank = 0
    pending: Block | None = None
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            blank += 1
            if pending:
                blocks.append(pending)
                pending = None
            continue
        if blank >= 2 and blocks:
            blocks.append(Block("break"))
        blank = 0
        block: Block | None = line_block(index, line)
        if block is None:
            continue
        if (
            pending is not None
            and pending.kind == "paragraph"
            and block.kind == "paragraph"
            and not SENTENCE_END.search(pending.text)
            and block.text[:1].islower()
        ):
            pending = Block("paragraph", pending.text + " " + block.text)
            continue
        if pending:
            blocks.append(pending)
        pending = block
    if pending:
        blocks.append(pending)
    return blocks


BULLET = re.compile(r"^(?:[-*+•·▪–]|\d{1,2}[.)])\s+(?=\S)")
BULLET_MARKS = "-*+•·▪–"


def _bullet(line: str) -> bool:
    """A list item's line (asked of every line: its first character rules out most of them)."""
    first = line[:1]
    return (first in BULLET_MARKS or first.isdecimal()) and BULLET.match(line) is not None


NUMBERED_LINE = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
NUMBERED_HEADING = re.compile(r"^\d{1,2}[.)]\s+[A-Z][^.!?]{0,60}$")


CELL_SEPARATOR = re.compile(r"\t+|\s+\|\s+")
FIGURE = re.compile(r"[$£€]\s?\d")


def _cells(line: str) -> tuple[str, ...]:
    """A plain-text line's cells: separated by tabs or by " | " (the line may also open and close with "|")."""
    if "\t" not in line and "|" not in line:
        return (line,)
    return tuple(c.strip() for c in CELL_SEPARATOR.split(line.strip().strip("|").strip()))


def _md_row(lines: list[str], index: int, line: str, in_table: bool) -> bool:
    """A Markdown table row: between pipes ("| Job | Pay |"), or written without its outer ones."""
    return line.startswith("|") and line.count("|") >= 2 or "|" in line and _bare_row(lines, index, in_table)


def _bare_row(lines: list[str], index: int, in_table: bool) -> bool:
    """A Markdown table row written without its outer pipes ("Job | Pay" over "--- | ---"): the header
    over a separator line, or a row right below the rows before it."""
    if in_table:
        return index > 0 and bool(lines[index - 1].strip())
    following = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return "|" in following and MD_TABLE_SEP.match(following) is not None


def _table_lines(lines: list[str]) -> dict[int, tuple[str, ...]]:
    """Lines of plain-text tables: two or more lines in a row split into the same number of cells (two
    or more), as a sheet pasted as text is; the first is the header row. A run of short labels with no
    figure ("Home | Jobs | Salaries" over "About | Contact") is a menu, chrome for the cleaner."""
    split = {i: cells for i, line in enumerate(lines)
             if ("\t" in line or "|" in line) and len(cells := _cells(line)) >= 2 and all(cells)}
    runs: list[list[int]] = []
    for i in sorted(split):
        if runs and i == runs[-1][-1] + 1 and len(split[i]) == len(split[runs[-1][0]]):
            runs[-1].append(i)
        else:
            runs.append([i])
    rows: dict[int, tuple[str, ...]] = {}
    for run in runs:
        if len(run) >= 2 and any(any(ch.isdigit() for ch in lines[k]) or any(len(c.split()) >= 4 for c in split[k])
                                 for k in run):
            rows.update((k, split[k]) for k in run)
            corner = _corner_header(lines, run[0] - 1, len(split[run[0]]))
            if corner:
                rows[run[0] - 1] = corner
    return rows


def _corner_header(lines: list[str], i: int, width: int) -> tuple[str, ...] | None:
    """The header row right over a table whose first cell, the corner, is empty ("\tX\tY" over
    "Pay\t$1\t$2"): its cells with the empty corner first."""
    if i < 0 or lines[i][:1] not in ("\t", "|") or not lines[i].strip():
        return None
    cells = _cells(lines[i])
    return ("", *cells) if len(cells) == width - 1 and all(cells) else None


def text_blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    # A numbered line next to another numbered line is a list item ("1. Read blueprints" /
    # "2. Install wiring"); a numbered line standing alone is a heading ("3. Salary").
    numbered = {i for i, line in enumerate(lines)
                if (line[:1].isdecimal() or line[:1].isspace()) and NUMBERED_LINE.match(line)}
    listed = {i for i in numbered if i - 1 in numbered or i + 1 in numbered}
    table = _table_lines(lines) if "|" in text or "\t" in text else {}

    def line_block(index: int, line: str) -> Block:
        if index in table:
            cells = table[index]
            # A table's first row, unless it carries a figure: a header names columns, it holds no pay.
            first = index - 1 not in table or len(table[index - 1]) != len(cells)
            header = first and not any(FIGURE.search(c) for c in cells[1:])
            return Block("table_row", " | ".join(cells), cells=cells, header=header)
        if _bullet(line) and (index in listed or not NUMBERED_HEADING.match(line)):
            return Block("list_item", BULLET.sub("", line))
        return Block("paragraph", line)

    return _paragraphs(lines, line_block)


MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
MD_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
# One bold run of up to 90 characters, not a sentence, a clause or a list's lead-in ("Top-paying states:").
MD_BOLD_LINE = re.compile(r"(?:\*\*|__)([^*_]{1,90}?(?<![.,:]))(?:\*\*|__)")
MD_RULE = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
MD_TABLE_SEP = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def md_inline(text: str) -> str:
    # Each rewrite needs its marker character; most lines have none of them.
    if "[" in text:
        text = MD_LINK.sub(r"\1", text)
        text = MD_REF_LINK.sub(r"\1", text)
    if "<" in text:
        text = MD_HTML_TAG.sub("", text)
    if "*" in text or "_" in text or "`" in text:
        for _ in range(2):
            text = MD_EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def markdown_blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    # Front matter is metadata, not article text.
    if lines and lines[0].strip() == "---":
        for i in range(1, min(len(lines), 60)):
            if lines[i].strip() in ("---", "..."):
                lines = lines[i + 1 :]
                break
    out: list[str] = []
    in_fence = False
    for line in lines:
        if line.strip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        # Setext headings: a text line underlined with === (level 1) or --- (level 2).
        underline = SETEXT.match(line) if "=" in line or "-" in line else None
        if underline and out and out[-1].strip() and not out[-1].lstrip().startswith(("#", "-", "*", ">", "|")):
            out[-1] = ("# " if underline.group(1)[0] == "=" else "## ") + out[-1].strip()
            continue
        out.append(line)
    in_table = False
    seen_title = False

    # The page's first line in bold is its masthead ("**SiteName**"), not a section's heading.
    started = False

    def line_block(_index: int, line: str) -> Block | None:
        nonlocal in_table, seen_title, started
        first, started = not started, True
        heading = ATX_HEADING.match(line) if line[:1] == "#" else None
        if heading:
            level = len(heading.group(1))
            # The first level-1 heading is the page's title, whatever its wording.
            kind: BlockKind = "title" if level == 1 and not seen_title else "heading"
            seen_title = seen_title or kind == "title"
            return Block(kind, md_inline(heading.group(2)), level=level)
        if line[:1] in ("*", "-", "_") and MD_RULE.match(line):
            return Block("break")
        if in_table and MD_TABLE_SEP.match(line):
            return None
        if _md_row(out, _index, line, in_table):
            cells = tuple(md_inline(c) for c in line.strip().strip("|").split("|"))
            is_header = not in_table
            in_table = True
            return Block("table_row", " | ".join(c for c in cells if c), cells=cells, header=is_header)
        in_table = False
        if line.startswith(">"):
            return Block("paragraph", md_inline(line.lstrip("> ")), css="blockquote")
        if _bullet(line):
            return Block("list_item", md_inline(BULLET.sub("", line)))
        bold = None if first else MD_BOLD_LINE.fullmatch(line)
        if bold:  # "**Salary**" alone on its line: a heading, as HTML's <p><b>Salary</b></p> is
            return Block("heading", md_inline(bold.group(1)), level=4, css="bold")
        plain = md_inline(line)
        return Block("paragraph", plain) if plain else None

    blocks = _paragraphs(out, line_block)
    merged: list[Block] = []
    for block in blocks:
        if block.kind == "break" and (not merged or merged[-1].kind == "break"):
            continue
        merged.append(block)
    return merged
