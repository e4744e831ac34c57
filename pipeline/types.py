"""The objects the stages pass one way: Document -> roles -> Segmented -> sentences -> Facts -> Article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from pipeline.rules.text import Text
from schemas.article import Duty, Evidence, Requirement, Salary, Setting, Skill

# The inputs the pipeline reads, by file name ending: the batch finds them, load reads them.
MEDIA_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}
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


@dataclass(frozen=True)
class Origin:
    """Where and when a page came from (``source.url``/``site``/``crawled``/``published``), each None
    where unknown: a web-archive record gives its URL and date, the page's own metadata the rest."""

    url: str | None = None
    site: str | None = None
    crawled: str | None = None
    published: str | None = None


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
    origin: Origin = field(default_factory=Origin)


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


@dataclass(frozen=True)
class RoleInfo:
    id: str
    name: str
    # Lower-case forms searched for in the body, longest first.
    forms: tuple[str, ...] = ()
    # The 2018 SOC occupation the role is (code, official title), where the gazetteer knows it.
    soc: tuple[str, str] | None = None
    # The writer says it is their own job ("I'm a medical physicist"): "we" in the body is the role.
    voiced: bool = False
    # What mention finding depends on, as one hashable value (its results are cached by it).
    signature: tuple[str, str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "forms", tuple(self.forms))
        object.__setattr__(self, "signature", (self.id, self.name, self.forms))


@dataclass(frozen=True)
class Mention:
    """A role named in a text: its offsets and the role's id."""

    start: int
    end: int
    role: str


class SentenceAt(NamedTuple):
    """Where a sentence is: its start in the cleaned text, its text, its section and its block."""

    start: int
    text: str
    section: int
    span: Span


@dataclass
class SentenceRoles:
    """The roles a sentence is about (``subject``), the roles it names, and those that open it;
    ``other``: it is about another occupation than the roles (it opens with one, or "They" carries one on)."""

    subject: list[str]
    mentions: list[Mention] = field(default_factory=list)
    opening: list[Mention] = field(default_factory=list)
    other: bool = False
    # In a table row: each cell's start and end in the sentence and the roles its column's header names.
    columns: list[tuple[int, int, list[str]]] = field(default_factory=list)


class Sentence(Text):
    """A sentence of the cleaned text with the roles it is about: what the extractors read.

    As a ``Text`` it carries its case fold, words and the answers rules have given about it.
    """

    __slots__ = ("start", "end", "section", "span", "roles", "_evidence")
    # Set by the attribute stage, which makes the sentence: its rules read the sentence's text first.
    roles: SentenceRoles

    def __init__(self, at: SentenceAt) -> None:
        super().__init__(at.text)
        self.start = at.start
        self.end = at.start + len(at.text)
        self.section = at.section
        self.span = at.span
        self._evidence: Evidence | None = None

    def evidence(self) -> Evidence:
        """The evidence of every fact found in the sentence: one frozen object, made once."""
        if self._evidence is None:
            self._evidence = Evidence(start=self.start, end=self.end, section=self.section)
        return self._evidence


@dataclass
class Facts:
    duties: list[Duty] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    salaries: list[Salary] = field(default_factory=list)
    settings: list[Setting] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Each role's surface forms as the text writes them ("NPs", "nurse practitioners"): its aliases.
    surfaces: dict[str, set[str]] = field(default_factory=dict)
    # (lower-case text, roles) of the duties so far: one duty is kept once.
    duty_keys: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)
