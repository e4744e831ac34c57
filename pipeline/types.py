"""Plain typed objects that the stages pass one way: Document -> Segmented -> Facts -> Article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["title", "heading", "paragraph", "list_item", "table_row", "break"]


class PipelineError(Exception):
    """An input the pipeline cannot process; the message is one line for the manifest."""


@dataclass(frozen=True)
class Block:
    """One unit of page content: a heading, paragraph, list item or table row.

    ``cells`` holds table cells; ``header`` marks a table's header row. A ``break`` block is a
    structural boundary without text (two blank lines, ``* * *``, a new ``<section>``).
    """

    kind: BlockKind
    text: str = ""
    level: int = 0
    cells: tuple[str, ...] = ()
    header: bool = False
    css: str = ""


@dataclass(frozen=True)
class Dropped:
    text: str
    reason: str


@dataclass
class Document:
    path: str
    media_type: Literal["text/plain", "text/markdown", "text/html"]
    sha256: str
    size: int
    blocks: list[Block]
    removed: list[Dropped] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    html_title: str | None = None


@dataclass(frozen=True)
class Span:
    """A block placed in the cleaned text."""

    block: Block
    start: int
    end: int


@dataclass
class SectionInfo:
    heading: str | None
    heading_inferred: bool
    kind: str
    start: int
    end: int
    spans: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass
class Segmented:
    """The cleaned text, its blocks' positions and its sections."""

    text: str
    title: str | None
    summary: str | None
    spans: list[Span]
    sections: list[SectionInfo]
