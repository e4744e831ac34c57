"""HTML -> blocks: lxml chooses and trims, BeautifulSoup walks.

lxml's tree, cheap to build, serves to choose the content root (``html_select``), to report the text
outside it as ``outside_article`` lines (``html_outside``; the page's ``<h1>`` before the root is the
title) and to cut the chrome inside it to its lines (``html_prune``). BeautifulSoup builds that trimmed
root alone, and the walker here reads it. Keeps heading levels, paragraphs (text and inline
elements between blocks make one), list items and table rows; drops script/style and page chrome:
``nav``, ``footer``, ``aside``, ``header`` outside the article, elements whose class or id words
mark navigation, menus, sidebars, related posts, promos, ads, cookie or newsletter banners, share
bars or charts (a chart keeps its note lines), chrome inside headings, and inline elements styled
out of sight. Dropped elements are reported line by line as ``Dropped``.
"""

from __future__ import annotations

import re
import sys
from functools import partial

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, NavigableString
from lxml import etree

from pipeline.stages.html_outside import outside_lines
from pipeline.stages.html_prune import prune_root
from pipeline.stages.html_select import Element, content_root, outside_title, text_of
from pipeline.stages.html_tags import (
    BLOCK_TAGS,
    CHART_NOTE,
    CHROME_TAGS,
    CONTAINERS,
    H1,
    HEADINGS,
    HIDDEN_STYLE,
    LOOSE_PARENTS,
    NESTED_BLOCKS,
    SILENT_TAGS,
    in_run,
    noise_reason,
)
from pipeline.types import Block, BlockKind, Dropped

INLINE_BOLD = {"b", "strong"}


def _noise_reason(tag: Tag) -> str | None:
    return noise_reason(tag.attrs, lambda: _contains(tag, H1))


def _classes(tag: Tag) -> str:
    """The class words, one space apart (the parser leaves the attribute as written: see ``html_blocks``)."""
    return " ".join(str(tag.get("class") or "").split())


def _text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


def _contains(tag: Tag, names: frozenset[str]) -> bool:
    """Whether any descendant element is one of ``names`` (bs4's ``find`` with a list is slow)."""
    return any(isinstance(d, Tag) and d.name in names for d in tag.descendants)


def _dropped_lines(node: Tag, reason: str) -> list[Dropped]:
    """Report a dropped element line by line, as its text shows it."""
    out: list[Dropped] = []
    for line in node.get_text("\n").split("\n"):
        piece = " ".join(line.split())
        if piece:
            out.append(Dropped(piece, reason))
    return out


def _is_bold_heading(tag: Tag) -> bool:
    """``<p><b>Salary</b></p>``: a paragraph whose only content is one short bold run."""
    children = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    return (
        len(children) == 1
        and isinstance(children[0], Tag)
        and children[0].name in INLINE_BOLD
        and 0 < len(_text(children[0])) <= 90
        and not _text(children[0]).endswith((".", ","))
    )


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.dropped: list[Dropped] = []
        self.in_article = False

    def walk(self, node: Tag, depth: int = 0) -> None:
        # In a container, text and inline elements between blocks are one paragraph ("Bakers <b>mix</b>
        # dough"), as a browser shows them.
        loose_allowed = node.name in LOOSE_PARENTS
        run: list[str] = []
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if not isinstance(child, Tag):
                if loose_allowed and isinstance(child, NavigableString):
                    run.append(str(child))
                continue
            if loose_allowed and in_run(child.name, partial(_contains, child)):
                hidden = HIDDEN_STYLE.search(str(child.get("style") or ""))
                reason = _noise_reason(child) or ("hidden" if hidden else None)
                if reason:
                    self.dropped.extend(_dropped_lines(child, reason))
                else:
                    run.append(" " if child.name == "br" else child.get_text())
                continue
            self._flush(run)
            self.visit(child, depth + 1)
        self._flush(run)

    def _flush(self, run: list[str]) -> None:
        text = " ".join("".join(run).split())
        if text:
            self.blocks.append(Block("paragraph", text))
        run.clear()

    def _drop_chrome_inside(self, tag: Tag) -> None:
        """Chrome inside a heading ("About this section" links, share icons) is not the heading's text."""
        stack = [c for c in reversed(list(tag.children)) if isinstance(c, Tag)]
        while stack:
            el = stack.pop()
            reason = _noise_reason(el)
            if reason or el.name in SILENT_TAGS:
                self.dropped.extend(_dropped_lines(el, reason) if reason else [])
                el.decompose()
            else:
                stack.extend(c for c in reversed(list(el.children)) if isinstance(c, Tag))

    def visit(self, tag: Tag, depth: int) -> None:
        name = tag.name
        if name in SILENT_TAGS:
            return
        reason = self._chrome_reason(tag)
        if reason == "chart":
            self._chart(tag)
        elif reason:
            self.dropped.extend(_dropped_lines(tag, reason))
        elif name in HEADINGS:
            self._heading(tag)
        elif name == "p" and _is_bold_heading(tag):
            self.blocks.append(Block("heading", _text(tag), level=4, css="bold"))
        elif name == "summary":
            self._summary(tag)
        elif name == "tr":
            self._table_row(tag)
        elif name in BLOCK_TAGS and not _contains(tag, NESTED_BLOCKS):
            self._text_block(tag)
        else:
            self._container(tag, depth)

    def _chrome_reason(self, tag: Tag) -> str | None:
        """Why an element is page chrome (a ``header`` outside the article is), or None."""
        reason = CHROME_TAGS.get(tag.name) or _noise_reason(tag)
        if tag.name == "header" and not self.in_article:
            return reason or "header"
        return reason

    def _chart(self, tag: Tag) -> None:
        """A chart's labels and figures make no sentences; its notes and sources are text."""
        for line in _dropped_lines(tag, "chart"):
            if CHART_NOTE.match(line.text):
                self.blocks.append(Block("paragraph", line.text))
            else:
                self.dropped.append(line)

    def _heading(self, tag: Tag) -> None:
        self._drop_chrome_inside(tag)
        text = _text(tag)
        if text:
            self.blocks.append(Block("title" if tag.name == "h1" else "heading", text, level=HEADINGS[tag.name]))

    def _summary(self, tag: Tag) -> None:
        text = _text(tag)
        if text:
            self.blocks.append(Block("paragraph", text, css="summary"))

    def _table_row(self, tag: Tag) -> None:
        found = [c for c in tag.children if isinstance(c, Tag) and c.name in ("td", "th")]
        cells = tuple(_text(c) for c in found)
        if any(cells):
            header = all(c.name == "th" for c in found)
            self.blocks.append(Block("table_row", " | ".join(c for c in cells if c), cells=cells, header=header))

    def _text_block(self, tag: Tag) -> None:
        """A paragraph or list item with no block inside it."""
        text = _text(tag)
        if text:
            kind: BlockKind = "list_item" if tag.name == "li" else "paragraph"
            self.blocks.append(Block(kind, text, css=_classes(tag)))

    def _container(self, tag: Tag, depth: int) -> None:
        """Any other element is walked; a section-like container is set off by breaks."""
        was_in_article = self.in_article
        if tag.name in ("article", "main"):
            self.in_article = True
        container = tag.name in CONTAINERS
        if container:
            self.blocks.append(Block("break"))
        if depth > 400:
            self.blocks.append(Block("paragraph", _text(tag)))
        else:
            self.walk(tag, depth)
        if container:
            self.blocks.append(Block("break"))
        self.in_article = was_in_article


SILENT_BODIES = re.compile(r"<(script|style|svg|noscript|template)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _document(text: str) -> Element | None:
    """lxml's tree of the page, or None where lxml makes none (an empty page). Plain ``etree``
    elements: ``lxml.html``'s element classes are looked up in Python, element by element. Parsed
    from UTF-8, which libxml2 reads as it is (a str's characters it would convert first); a
    declared encoding is then no concern either."""
    return etree.fromstring(text.encode("utf-8"), etree.HTMLParser(encoding="utf-8"))


def _soup(markup: str) -> BeautifulSoup:
    # Class attributes stay strings: splitting every element's classes into lists is a fifth
    # of the parser's time on a page with menus (cProfile), and they are only read as words.
    return BeautifulSoup(markup, "lxml", multi_valued_attributes=None)


def _discard(soup: BeautifulSoup) -> None:
    """Take a tree apart once it is read. Its elements link to each other both ways: left whole, it waits
    for the cycle collector, whose passes then walk every object kept since the warm-up; taken apart,
    it is freed at once."""
    for child in list(soup.contents):
        child.decompose()


def _root_alone(root: Element) -> tuple[BeautifulSoup, Tag | None]:
    """BeautifulSoup's tree of the content root alone, chrome inside it cut, and the root's element in
    it (None when it does not read back as itself)."""
    prune_root(root)
    soup = _soup(etree.tostring(root, method="html", encoding="unicode", with_tail=False))
    tag = next((c for c in (soup.body or soup).children if isinstance(c, Tag)), None)
    return soup, (tag if tag is not None and tag.name == root.tag else None)


def _whole_page(markup: str) -> tuple[list[Block], list[Dropped]]:
    walker = _Walker()
    soup = _soup(markup)
    walker.walk(soup.body or soup)
    _discard(soup)
    return walker.blocks, walker.dropped


def html_blocks(text: str) -> tuple[list[Block], list[Dropped], str | None]:
    """Return content blocks, dropped chrome and the ``<title>`` text.

    The content root is chosen on lxml's tree, which is cheap to build; BeautifulSoup builds that
    root alone (most of a real page is chrome), and what lies outside it is reported from lxml's tree.
    """
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20000))
    try:
        # Script, style and SVG bodies are dropped anyway; cutting them first spares the parsers the work.
        markup = SILENT_BODIES.sub(r"<\1></\1>", text)
        doc = _document(markup)
        if doc is None:
            return *_whole_page(markup), None
        title_el = next(doc.iter("title"), None)
        html_title = text_of(title_el) if title_el is not None else None
        root = content_root(doc)
        if root.tag in ("body", "html"):
            return *_whole_page(markup), html_title
        h1 = outside_title(doc, root)
        body = doc.find("body")
        # Text outside the chosen root is chrome; report it so nothing is silently lost.
        outside = outside_lines(body if body is not None else doc, [root, h1])
        soup, alone = _root_alone(root)
        if alone is None:
            _discard(soup)
            return *_whole_page(markup), html_title
        walker = _Walker()
        if h1 is not None:
            walker.blocks.append(Block("title", text_of(h1), level=1))
        walker.dropped.extend(outside)
        walker.in_article = True
        walker.visit(alone, 0)
        _discard(soup)
        return walker.blocks, walker.dropped, html_title
    finally:
        sys.setrecursionlimit(limit)
