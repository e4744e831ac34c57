"""One input's bytes -> a validated Article: the stages in order, nothing else."""

from __future__ import annotations

import gc
import os
from functools import cache

from pipeline.extract import extract
from pipeline.rules.loader import DATA
from pipeline.rules.titles import breadcrumb_title, page_title
from pipeline.stages.assemble import assemble, not_career
from pipeline.stages.attribute import attribute
from pipeline.stages.clean import clean
from pipeline.stages.confidence import rate
from pipeline.stages.load import check_length, load_bytes
from pipeline.stages.relevance import Relevance, judge
from pipeline.stages.roles import find_roles
from pipeline.stages.segment import segment
from pipeline.stages.sentences import split_sentences
from pipeline.types import MEDIA_TYPES, Document, Facts, Origin, RoleInfo, Segmented, Sentence
from schemas.article import Article

# A small article that takes every stage through its rule files and the spaCy pipeline.
WARM_UP = b"""Kiln Operator vs. Glaze Chemist: What Is the Difference?

Kiln operators load kilns in ceramics plants, and most need a high school diploma.
Glaze chemists earn a median salary of $68,000 per year and work in laboratories.
"""


def warm_up(path: str | None = None) -> None:
    """Load what a document at ``path`` needs (the spaCy pipeline, the rule files; for an HTML page the
    HTML reader too) once per process, outside any document's time limit; no ``path``: everything.

    A run of plain text or Markdown never loads the HTML reader."""
    _warm_up_text()
    if path is None or MEDIA_TYPES.get(os.path.splitext(path)[1].lower()) == "text/html":
        _warm_up_html()


@cache
def _warm_up_text() -> None:
    process_bytes(WARM_UP, "warm-up.txt")
    _out_of_sight()


@cache
def _warm_up_html() -> None:
    # A handbook-shaped page loads what a first real page would otherwise pay for: the HTML reader,
    # fact tables, section kinds, pay sentences.
    process_bytes((DATA / "warm_up.html").read_bytes(), "warm-up.html")
    _out_of_sight()


def _out_of_sight() -> None:
    # What is loaded now (rule tables, spaCy's vocab, lemma tables) lives as long as the process.
    # Out of the collector's sight, its full collections no longer walk it: 2% of a batch's
    # instructions (callgrind, 100 articles).
    gc.freeze()


def _read(data: bytes, path: str, record: Origin | None = None,
          charset: str | None = None) -> tuple[Document, Segmented, list[RoleInfo]]:
    """The stages before relevance: the cleaned document, its roles and its sections."""
    doc = clean(load_bytes(data, path, record, charset))
    title = next((b.text for b in doc.blocks if b.kind == "title"), None) or page_title(doc.html_title)
    # An untitled page's breadcrumb trail may still name it: its roles, not a title in the text.
    roles = find_roles(doc, title or breadcrumb_title(doc.removed))
    seg = segment(doc, roles, title)
    check_length(seg.text)
    return doc, seg, roles


def extracted(data: bytes, path: str) -> tuple[Document, Segmented, list[RoleInfo], list[Sentence], Facts, Relevance]:
    """The stages up to extraction, whatever the page's relevance: what the rules' measurement reads."""
    doc, seg, roles = _read(data, path)
    sentences = attribute(split_sentences(seg), seg, roles)
    return doc, seg, roles, sentences, extract(seg, sentences, roles), judge(doc, seg, roles)


def process_bytes(data: bytes, path: str, record: Origin | None = None, charset: str | None = None,
                  keep_all: bool = False) -> Article:
    """``record``: a web-archive record's URL and date; ``charset``: the one its server declared;
    ``keep_all``: extract the facts of a page judged not about occupations too."""
    doc, seg, roles = _read(data, path, record, charset)
    relevance = judge(doc, seg, roles)
    if not relevance.career and not keep_all:  # decided before any fact is sought: junk costs little
        return not_career(doc, seg, relevance)
    sentences = attribute(split_sentences(seg), seg, roles)
    facts = rate(extract(seg, sentences, roles), sentences, seg, roles)
    return assemble(doc, seg, roles, facts, relevance)
